import { z } from 'zod';
import { parseCidr } from '../feeds/address-policy.ts';
import { parseDuration } from './duration.ts';
import { assertMinimumInterval, compileSchedule } from '../delivery/schedule/cron-slots.ts';
import { ScheduleError } from '../delivery/schedule/schedule-error.ts';
import { isValidCronExpression, isValidTimeZone } from './validators.ts';

/** A language code as feeds declare it: ISO 639-1, optionally with a region ("fr", "en-GB"). */
const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { message: 'is not a language code (expected e.g. "fr" or "en-GB")' });

const httpUrl = z.string().refine(
  (value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'is not an http(s) URL' },
);

/** A duration such as "30s", "10m" or "1h", read as milliseconds, within [min, max]. */
export function durationSchema(minMs: number, maxMs: number) {
  return z
    .string()
    .transform((text, context) => {
      const ms = parseDuration(text);
      if (ms === null) {
        context.addIssue({ code: 'custom', message: 'is not a duration (expected e.g. "30s", "10m" or "1h")' });
        return z.NEVER;
      }
      if (ms < minMs || ms > maxMs) {
        context.addIssue({ code: 'custom', message: `must be between ${minMs / 1000}s and ${maxMs / 3_600_000}h` });
        return z.NEVER;
      }
      return ms;
    });
}

/** Per-feed ingestion settings; each may be set in `feedDefaults` and overridden on a feed. */
const feedOptionShape = {
  /** How often the feed is polled ("30s", "10m", "1h"); the feed's own hints (ttl, Cache-Control) can only lengthen it. */
  pollInterval: durationSchema(30_000, 7 * 24 * 3_600_000).optional(),
  /** Items published longer ago than this many days never count as new; 0 means no age limit. */
  maxAgeDays: z.number().min(0).max(3650).optional(),
  /** On a feed's first fetch only this many newest items count as new. */
  firstFetchNewest: z.int().min(0).max(1000).optional(),
  /** An item with fewer words than this is a teaser: its page is fetched for the full text. 0 turns that off. */
  teaserWords: z.int().min(0).max(10_000).optional(),
};

/** One configured feed: a URL on the web or a file on disk (relative to the config file). */
export const feedConfigSchema = z
  .strictObject({
    name: z.string().trim().min(1, { message: 'must not be empty' }),
    url: httpUrl.optional(),
    file: z.string().min(1).optional(),
    lang: languageCode.optional(),
    ...feedOptionShape,
  })
  .refine((feed) => (feed.url === undefined) !== (feed.file === undefined), {
    message: 'needs exactly one of "url" or "file"',
  });

export const scheduleConfigSchema = z
  .strictObject({
    cron: z.string().refine(isValidCronExpression, { message: 'is not a valid cron expression' }),
    timezone: z.string().refine(isValidTimeZone, { message: 'is not a known IANA time zone (e.g. "Europe/Paris")' }),
    /** The most often any chat may get a digest, in minutes (chats asking for more are refused); no limit when absent. */
    minIntervalMinutes: z.int().min(1).max(1440).optional(),
  })
  .superRefine((schedule, context) => {
    if (!isValidCronExpression(schedule.cron) || !isValidTimeZone(schedule.timezone)) return;
    try {
      assertMinimumInterval(compileSchedule(schedule.cron, schedule.timezone), schedule.minIntervalMinutes);
    } catch (error) {
      if (!(error instanceof ScheduleError)) throw error;
      context.addIssue({ code: 'custom', path: ['cron'], message: error.detail });
    }
  });

export const digestConfigSchema = z.strictObject({
  stories: z.int().min(1).max(50).default(5),
  quotesPerStory: z.int().min(0).max(10).default(2),
  figuresPerStory: z.int().min(0).max(10).default(3),
  /** A chat's first digest covers articles that arrived (were first seen) within this many hours. */
  windowHours: z.int().min(1).max(24 * 14).default(72),
});

/** Instance-wide defaults of the per-feed settings. */
export const feedDefaultsConfigSchema = z.strictObject({
  pollInterval: durationSchema(30_000, 7 * 24 * 3_600_000).default(600_000),
  maxAgeDays: z.number().min(0).max(3650).default(3),
  firstFetchNewest: z.int().min(0).max(1000).default(3),
  teaserWords: z.int().min(0).max(10_000).default(80),
});

/** How feeds and article pages are fetched. */
export const fetchingConfigSchema = z.strictObject({
  /** Feeds fetched at once, in all. */
  concurrency: z.int().min(1).max(256).default(8),
  /** Feeds fetched at once from one host. */
  perHostConcurrency: z.int().min(1).max(64).default(2),
  connectTimeout: durationSchema(1000, 120_000).default(10_000),
  /** Time for a whole fetch, body included. */
  timeout: durationSchema(1000, 600_000).default(30_000),
  /** Largest feed or page accepted, in megabytes (after decompression). */
  maxBodyMB: z.number().positive().max(200).default(5),
  /** A feed failing this many times in a row is paused (and its chats told) until it works again. */
  pauseAfterFailures: z.int().min(1).max(1000).default(10),
  /** Private networks feeds may be fetched from (CIDR, e.g. "10.1.0.0/16"); all private ranges are refused otherwise. */
  allowNetworks: z
    .array(
      z.string().refine(
        (value) => {
          try {
            parseCidr(value);
            return true;
          } catch {
            return false;
          }
        },
        { message: 'is not a CIDR block (expected e.g. "10.0.0.0/8" or "fd00::/8")' },
      ),
    )
    .default([]),
});

export const storageConfigSchema = z.strictObject({
  /** SQLite file used when DATABASE_URL is not set; relative to the working directory. */
  sqlite: z.string().min(1).default('data/precis.sqlite'),
});

export const healthConfigSchema = z.strictObject({
  /** File the running service touches every 30 s; `precis health` (Docker's HEALTHCHECK) reads it. Relative to the working directory. */
  heartbeat: z.string().min(1).default('data/heartbeat.json'),
});

/**
 * An id on a chat platform, written as a string. A bare YAML number is accepted only while it is
 * exact: Discord ids (snowflakes) are too long for that and must be quoted.
 */
function platformId(pattern: RegExp, example: string) {
  return z.union([z.string(), z.number()]).transform((value, context) => {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      context.addIssue({ code: 'custom', message: `is too long to be written as a bare number: put it in quotes, e.g. "${example}"` });
      return z.NEVER;
    }
    const text = String(value).trim();
    if (!pattern.test(text)) {
      context.addIssue({ code: 'custom', message: `is not an id (expected digits, e.g. "${example}")` });
      return z.NEVER;
    }
    return text;
  });
}

/**
 * Who may use the bots. Private by default: only the listed Discord servers (guilds) and users,
 * and Telegram users and chats, get answers; `open: true` (or PRECIS_OPEN=1) lets everyone in.
 * The console channel needs no allow-list.
 */
export const accessConfigSchema = z.strictObject({
  open: z.boolean().default(false),
  discord: z
    .strictObject({
      guilds: z.array(platformId(/^\d{15,21}$/, '123456789012345678')).default([]),
      users: z.array(platformId(/^\d{15,21}$/, '123456789012345678')).default([]),
    })
    .default({ guilds: [], users: [] }),
  telegram: z
    .strictObject({
      users: z.array(platformId(/^\d{1,20}$/, '123456789')).default([]),
      chats: z.array(platformId(/^-?\d{1,20}$/, '-1001234567890')).default([]),
    })
    .default({ users: [], chats: [] }),
});

/** What one chat may ask of the instance, so no chat can make it poll thousands of feeds. */
export const limitsConfigSchema = z.strictObject({
  /** Feeds one chat (or forum topic, or channel) may follow; /subscribe and /import stop there. */
  feedsPerChat: z.int().min(1).max(10_000).default(50),
});

export const deliveryConfigSchema = z.strictObject({
  /**
   * Messages a platform may have on the wire at once. 1 means a crash repeats at most the one
   * message in flight; a higher value keeps the platform's full rate against a distant API
   * (about 30 ms of round trip per message at 30 messages/s) at the price of repeating up to
   * that many messages after a crash.
   */
  maxInFlight: z.int().min(1).max(8).default(1),
});

/** The whole configuration file. Secrets never live here: they come from the environment. */
export const configFileSchema = z.strictObject({
  feeds: z.array(feedConfigSchema).default([]),
  schedule: scheduleConfigSchema.default({ cron: '0 8 * * *', timezone: 'UTC' }),
  digest: digestConfigSchema.default({ stories: 5, quotesPerStory: 2, figuresPerStory: 3, windowHours: 72 }),
  storage: storageConfigSchema.default({ sqlite: 'data/precis.sqlite' }),
  feedDefaults: feedDefaultsConfigSchema.default({ pollInterval: 600_000, maxAgeDays: 3, firstFetchNewest: 3, teaserWords: 80 }),
  fetching: fetchingConfigSchema.default({
    concurrency: 8,
    perHostConcurrency: 2,
    connectTimeout: 10_000,
    timeout: 30_000,
    maxBodyMB: 5,
    pauseAfterFailures: 10,
    allowNetworks: [],
  }),
  health: healthConfigSchema.default({ heartbeat: 'data/heartbeat.json' }),
  delivery: deliveryConfigSchema.default({ maxInFlight: 1 }),
  access: accessConfigSchema.default({ open: false, discord: { guilds: [], users: [] }, telegram: { users: [], chats: [] } }),
  limits: limitsConfigSchema.default({ feedsPerChat: 50 }),
});

export type FeedConfig = z.infer<typeof feedConfigSchema>;
export type ScheduleConfig = z.infer<typeof scheduleConfigSchema>;
export type DigestConfig = z.infer<typeof digestConfigSchema>;
export type ConfigFile = z.infer<typeof configFileSchema>;
export type FeedDefaultsConfig = z.infer<typeof feedDefaultsConfigSchema>;
export type FetchingConfig = z.infer<typeof fetchingConfigSchema>;
export type AccessConfig = z.infer<typeof accessConfigSchema>;
export type LimitsConfig = z.infer<typeof limitsConfigSchema>;
