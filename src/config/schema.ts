import { z } from 'zod';
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

/** One configured feed: a URL on the web or a file on disk (relative to the config file). */
export const feedConfigSchema = z
  .strictObject({
    name: z.string().trim().min(1, { message: 'must not be empty' }),
    url: httpUrl.optional(),
    file: z.string().min(1).optional(),
    lang: languageCode.optional(),
  })
  .refine((feed) => (feed.url === undefined) !== (feed.file === undefined), {
    message: 'needs exactly one of "url" or "file"',
  });

export const scheduleConfigSchema = z.strictObject({
  cron: z.string().refine(isValidCronExpression, { message: 'is not a valid cron expression' }),
  timezone: z.string().refine(isValidTimeZone, { message: 'is not a known IANA time zone (e.g. "Europe/Paris")' }),
});

export const digestConfigSchema = z.strictObject({
  stories: z.int().min(1).max(50).default(5),
  quotesPerStory: z.int().min(0).max(10).default(2),
  figuresPerStory: z.int().min(0).max(10).default(3),
  /** A chat's first digest covers articles that arrived (were first seen) within this many hours. */
  windowHours: z.int().min(1).max(24 * 14).default(72),
});

export const storageConfigSchema = z.strictObject({
  /** SQLite file used when DATABASE_URL is not set; relative to the working directory. */
  sqlite: z.string().min(1).default('data/precis.sqlite'),
});

export const healthConfigSchema = z.strictObject({
  /** File the running service touches every 30 s; `precis health` (Docker's HEALTHCHECK) reads it. Relative to the working directory. */
  heartbeat: z.string().min(1).default('data/heartbeat.json'),
});

/** The whole configuration file. Secrets never live here: they come from the environment. */
export const configFileSchema = z.strictObject({
  feeds: z.array(feedConfigSchema).default([]),
  schedule: scheduleConfigSchema.default({ cron: '0 8 * * *', timezone: 'UTC' }),
  digest: digestConfigSchema.default({ stories: 5, quotesPerStory: 2, figuresPerStory: 3, windowHours: 72 }),
  storage: storageConfigSchema.default({ sqlite: 'data/precis.sqlite' }),
  health: healthConfigSchema.default({ heartbeat: 'data/heartbeat.json' }),
});

export type FeedConfig = z.infer<typeof feedConfigSchema>;
export type ScheduleConfig = z.infer<typeof scheduleConfigSchema>;
export type DigestConfig = z.infer<typeof digestConfigSchema>;
export type ConfigFile = z.infer<typeof configFileSchema>;
