import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './config-error.ts';
import { environmentSchema, type Environment } from './environment.ts';
import { formatIssues } from './format-issues.ts';
import { feedOptions, type FeedOptions } from '../feeds/feed-options.ts';
import { configFileSchema, type AccessConfig, type DigestConfig, type FeedDefaultsConfig, type FetchingConfig, type LimitsConfig, type ScheduleConfig } from './schema.ts';

export const DEFAULT_CONFIG_PATH = 'config/precis.yaml';

/** A configured feed, ready to fetch: local files are absolute `file:` URLs. */
export interface ConfiguredFeed {
  /** Stable id derived from the name ("Le Monde – International" → "le-monde-international"). */
  id: string;
  name: string;
  url: string;
  lang: string | null;
  /** The feed's ingestion settings: its own, else `feedDefaults`. */
  options: FeedOptions;
}

export type StorageLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Everything the service needs, validated: the config file merged with the environment. */
export interface Config {
  /** The config file as the user named it (for messages). */
  file: string;
  feeds: ConfiguredFeed[];
  schedule: ScheduleConfig;
  digest: DigestConfig;
  storage: StorageLocation;
  /** Defaults of the per-feed settings (PRECIS_POLL_INTERVAL applied). */
  feedDefaults: FeedDefaultsConfig;
  fetching: FetchingConfig;
  /** PRECIS_ALLOW_PRIVATE_URLS: fetch from loopback and private networks too. */
  allowPrivateUrls: boolean;
  /** Absolute path of the heartbeat file (`precis health`). */
  heartbeatFile: string;
  /** How the delivery core paces platform sends. */
  delivery: { maxInFlight: number };
  telegram: TelegramConfig | null;
  /** DISCORD_GUILD_ID registers the slash commands in that server only (fast iteration) instead of globally. */
  discord: { token: string; apiRoot: string | undefined; guildId: string | undefined } | null;
  /** Who may use the bots (config `access`, PRECIS_OPEN, PRECIS_ALLOWED_GUILDS, PRECIS_ALLOWED_USERS). */
  access: AccessConfig;
  /** What one chat may ask of the instance (`limits`). */
  limits: LimitsConfig;
  logLevel: NonNullable<Environment['LOG_LEVEL']>;
}

/**
 * How the Telegram bot connects: long polling, or a webhook (TELEGRAM_WEBHOOK_URL) that Telegram
 * posts updates to, received by a small listener on `port`/`path` behind the self-hoster's proxy.
 */
export interface TelegramConfig {
  token: string;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server (or a test fake), without a trailing slash. */
  apiRoot: string | undefined;
  webhook: { url: string; host: string; port: number; path: string; secret: string | undefined } | null;
}

/** Lower-case ASCII slug used as a feed id. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'feed';
}

function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = configFileSchema;
  for (const key of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodArray && typeof key === 'number') schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodObject && typeof key === 'string') {
      const next = (schema.shape as Record<string, z.ZodType | undefined>)[key];
      if (!next) return [];
      schema = next;
    } else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}

function readConfigFile(file: string, shownAs: string): unknown {
  if (!existsSync(file)) throw new ConfigError(shownAs, ['file not found (set PRECIS_CONFIG or create it)']);
  const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ConfigError(
      shownAs,
      doc.errors.map((error) => {
        const at = error.linePos?.[0];
        return `${at ? `line ${at.line}, column ${at.col}: ` : ''}${error.message.split('\n')[0] ?? 'invalid YAML'}`;
      }),
    );
  }
  return doc.toJS() ?? {};
}

/**
 * Reads and validates the config file and the environment. Throws a ConfigError listing every
 * problem at once; nothing starts on a bad config.
 *
 * @example
 *   const config = loadConfig(environmentWithDotEnv(process.env, process.cwd()), process.cwd());
 */
export function loadConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const envResult = environmentSchema.safeParse(env);
  const shownAs = env.PRECIS_CONFIG?.trim() || DEFAULT_CONFIG_PATH;
  const path = isAbsolute(shownAs) ? shownAs : resolve(cwd, shownAs);
  const raw = readConfigFile(path, shownAs);

  const problems: string[] = [];
  const fileResult = configFileSchema.safeParse(raw);
  if (!fileResult.success) problems.push(...formatIssues(fileResult.error.issues, raw, knownKeysAt));
  if (!envResult.success) {
    for (const issue of envResult.error.issues) {
      const name = String(issue.path[0]);
      problems.push(`environment variable ${name}: ${issue.message}`);
    }
  }
  if (envResult.success && envResult.data.TELEGRAM_WEBHOOK_URL) {
    const { TELEGRAM_WEBHOOK_URL: webhookUrl, TELEGRAM_API_ROOT: apiRoot, TELEGRAM_BOT_TOKEN: token } = envResult.data;
    // api.telegram.org only calls HTTPS webhooks; a self-hosted Bot API server also calls plain HTTP.
    if (!apiRoot && new URL(webhookUrl).protocol !== 'https:') problems.push('environment variable TELEGRAM_WEBHOOK_URL: must be an https:// URL (Telegram calls webhooks over HTTPS only)');
    if (!token) problems.push('environment variable TELEGRAM_WEBHOOK_URL: is set but TELEGRAM_BOT_TOKEN is not');
  }
  if (!fileResult.success || !envResult.success || problems.length) throw new ConfigError(shownAs, problems);

  const file = fileResult.data;
  const environment = envResult.data;
  const configDir = dirname(path);
  const feedDefaults = { ...file.feedDefaults, pollInterval: environment.PRECIS_POLL_INTERVAL ?? file.feedDefaults.pollInterval };
  const ids = new Map<string, number>();
  const feeds = file.feeds.map((feed) => {
    let id = slugify(feed.name);
    const seen = ids.get(id) ?? 0;
    ids.set(id, seen + 1);
    if (seen) id = `${id}-${seen + 1}`;
    const url = feed.url ?? pathToFileURL(resolve(configDir, feed.file ?? '')).href;
    return { id, name: feed.name, url, lang: feed.lang ?? null, options: feedOptions(feedDefaults, feed) };
  });
  const missing = file.feeds.flatMap((feed, index) =>
    feed.file && !existsSync(resolve(configDir, feed.file))
      ? [`feeds[${index}].file: "${feed.file}" not found (looked in ${relative(cwd, configDir) || '.'}/)`]
      : [],
  );
  if (missing.length) throw new ConfigError(shownAs, missing);

  const databaseUrl = environment.DATABASE_URL;
  const storage: StorageLocation =
    databaseUrl && !databaseUrl.startsWith('sqlite:')
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'sqlite', path: resolve(cwd, databaseUrl ? databaseUrl.slice('sqlite:'.length) : file.storage.sqlite) };

  return {
    file: shownAs,
    feeds,
    schedule: file.schedule,
    digest: file.digest,
    storage,
    heartbeatFile: resolve(cwd, file.health.heartbeat),
    delivery: file.delivery,
    feedDefaults,
    fetching: file.fetching,
    allowPrivateUrls: environment.PRECIS_ALLOW_PRIVATE_URLS,
    telegram: environment.TELEGRAM_BOT_TOKEN
      ? {
          token: environment.TELEGRAM_BOT_TOKEN,
          apiRoot: environment.TELEGRAM_API_ROOT?.replace(/\/+$/, ''),
          webhook: environment.TELEGRAM_WEBHOOK_URL
            ? {
                url: environment.TELEGRAM_WEBHOOK_URL,
                host: environment.TELEGRAM_WEBHOOK_HOST ?? '0.0.0.0',
                port: environment.TELEGRAM_WEBHOOK_PORT,
                path: environment.TELEGRAM_WEBHOOK_PATH ?? (new URL(environment.TELEGRAM_WEBHOOK_URL).pathname || '/'),
                secret: environment.TELEGRAM_WEBHOOK_SECRET,
              }
            : null,
        }
      : null,
    discord: environment.DISCORD_BOT_TOKEN
      ? { token: environment.DISCORD_BOT_TOKEN, apiRoot: environment.DISCORD_API_ROOT?.replace(/\/+$/, ''), guildId: environment.DISCORD_GUILD_ID }
      : null,
    access: {
      open: file.access.open || environment.PRECIS_OPEN,
      discord: {
        guilds: [...new Set([...file.access.discord.guilds, ...environment.PRECIS_ALLOWED_GUILDS])],
        users: [...new Set([...file.access.discord.users, ...environment.PRECIS_ALLOWED_USERS.filter((id) => id.length >= 15)])],
      },
      telegram: {
        users: [...new Set([...file.access.telegram.users, ...environment.PRECIS_ALLOWED_USERS.filter((id) => id.length <= 16)])],
        chats: [...new Set([...file.access.telegram.chats, ...environment.PRECIS_ALLOWED_CHATS])],
      },
    },
    limits: file.limits,
    logLevel: environment.LOG_LEVEL ?? 'info',
  };
}
