import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

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
