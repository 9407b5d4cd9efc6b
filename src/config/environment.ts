import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { parseDuration } from './duration.ts';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const optionalUrl = optionalText.refine(
  (value) => {
    if (value === undefined) return true;
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  { message: 'is not an http(s) URL' },
);

/** A comma- or space-separated list of Discord ids. */
function idList(what: string) {
  return optionalText
    .refine((value) => value === undefined || value.split(/[\s,]+/).filter(Boolean).every((id) => /^\d{15,21}$/.test(id)), {
      message: `must be ${what} ids (digits) separated by commas, e.g. 123456789012345678,234567890123456789`,
    })
    .transform((value) => (value === undefined ? [] : value.split(/[\s,]+/).filter(Boolean)));
}

/** The environment variables Précis reads; `.env.example` documents each. */
export const environmentSchema = z.object({
  TELEGRAM_BOT_TOKEN: optionalText.refine((token) => token === undefined || /^\d+:[\w-]+$/.test(token), {
    message: 'does not look like a Telegram bot token (expected "123456:ABC-…" from @BotFather)',
  }),
  DISCORD_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalUrl,
  DISCORD_API_ROOT: optionalUrl,
  DATABASE_URL: optionalText.refine((url) => url === undefined || /^(postgres(ql)?|sqlite):/.test(url), {
    message: 'must start with postgres://, postgresql:// or sqlite:',
  }),
  PRECIS_CONFIG: optionalText,
  LOG_LEVEL: optionalText.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  /** Default poll interval of feeds ("30s", "10m", "1h"), over feedDefaults.pollInterval. */
  PRECIS_POLL_INTERVAL: optionalText
    .refine((value) => value === undefined || (parseDuration(value) ?? 0) >= 30_000, {
      message: 'is not a duration of at least 30s (expected e.g. "30s", "10m" or "1h")',
    })
    .transform((value) => (value === undefined ? undefined : (parseDuration(value) ?? undefined))),
  /** "1" lets feeds be fetched from loopback and private networks (intranet feeds, tests). */
  /** A Discord server id: slash commands are registered there only (instant updates while developing) instead of globally. */
  DISCORD_GUILD_ID: optionalText.refine((value) => value === undefined || /^\d{15,21}$/.test(value), { message: 'is not a Discord server id (digits, e.g. 123456789012345678)' }),
  /** "1" opens the bots to everyone (access.open). */
  PRECIS_OPEN: optionalText
    .refine((value) => value === undefined || /^(1|0|true|false|yes|no)$/i.test(value), { message: 'must be 1 or 0' })
    .transform((value) => value !== undefined && /^(1|true|yes)$/i.test(value)),
  /** Discord server ids allowed to use the bot, comma-separated (added to access.discord.guilds). */
  PRECIS_ALLOWED_GUILDS: idList('Discord server'),
  /**
   * User ids allowed to use the bots anywhere, private chats and DMs included, comma-separated: an id
   * of 15–21 digits is added to access.discord.users, one of 1–16 digits to access.telegram.users
   * (Telegram ids fit in 52 bits; Discord ids have 17 digits or more since 2016, so the two never meet).
   */
  PRECIS_ALLOWED_USERS: optionalText
    .refine((value) => value === undefined || value.split(/[\s,]+/).filter(Boolean).every((id) => /^\d{1,21}$/.test(id)), {
      message: 'must be user ids (digits: Telegram or Discord) separated by commas, e.g. 123456789,234567890123456789',
    })
    .transform((value) => (value === undefined ? [] : value.split(/[\s,]+/).filter(Boolean))),
  /** Telegram chat ids (groups, channels: negative) allowed to use the bot, comma-separated (added to access.telegram.chats). */
  PRECIS_ALLOWED_CHATS: optionalText
    .refine((value) => value === undefined || value.split(/[\s,]+/).filter(Boolean).every((id) => /^-?\d{1,20}$/.test(id)), {
      message: 'must be Telegram chat ids separated by commas, e.g. -1001234567890,123456789',
    })
    .transform((value) => (value === undefined ? [] : value.split(/[\s,]+/).filter(Boolean))),
  /** Telegram webhook mode: the public HTTPS address Telegram posts updates to (long polling when unset). */
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  /** The port the webhook listener binds (behind the reverse proxy). */
  TELEGRAM_WEBHOOK_PORT: optionalText
    .refine((value) => value === undefined || (/^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65_535), { message: 'is not a port number (1–65535)' })
    .transform((value) => (value === undefined ? 8080 : Number(value))),
  /** The address the webhook listener binds (default 0.0.0.0: every interface, as a container needs). */
  TELEGRAM_WEBHOOK_HOST: optionalText,
  /** The path the webhook listener answers on (default: the path of TELEGRAM_WEBHOOK_URL). */
  TELEGRAM_WEBHOOK_PATH: optionalText.refine((value) => value === undefined || /^\/[\w\-./~%]*$/.test(value), { message: 'must be a URL path starting with "/", e.g. /telegram' }),
  /** The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (default: derived from the bot token). */
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine((value) => value === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(value), {
    message: 'must be 1–256 characters among A–Z, a–z, 0–9, _ and - (Telegram’s rule for secret_token)',
  }),
  PRECIS_ALLOW_PRIVATE_URLS: optionalText
    .refine((value) => value === undefined || /^(1|0|true|false|yes|no)$/i.test(value), { message: 'must be 1 or 0' })
    .transform((value) => value !== undefined && /^(1|true|yes)$/i.test(value)),
});

export type Environment = z.infer<typeof environmentSchema>;

/**
 * The process environment with `.env` (in `cwd`) filled in underneath: a variable already set
 * in the real environment always wins over the file.
 */
export function environmentWithDotEnv(env: NodeJS.ProcessEnv, cwd: string): Record<string, string | undefined> {
  const file = join(cwd, '.env');
  if (!existsSync(file)) return { ...env };
  return { ...parseEnv(readFileSync(file, 'utf8')), ...env };
}
