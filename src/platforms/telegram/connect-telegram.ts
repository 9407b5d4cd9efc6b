import { GrammyError, HttpError, type Bot } from 'grammy';
import { ConfigError } from '../../config/config-error.ts';
import type { Logger } from '../../logger.ts';
import { sleepFor } from '../../delivery/delivery-context.ts';
import { isTokenRefused, networkReason } from './telegram-errors.ts';

/** Backoff between attempts to reach the Bot API at start: 1 s, doubling, at most a minute. */
export const CONNECT_BACKOFF = { firstMs: 1000, maxMs: 60_000 } as const;

/**
 * Calls a Bot API method until it works: a network error or a 5xx (Telegram or the proxy in
 * front of it down) is logged in one line and retried with backoff; a refused token is a
 * ConfigError naming TELEGRAM_BOT_TOKEN (the CLI prints it and exits 2); any other refusal is
 * thrown. Rejects when `signal` aborts (the service is stopping).
 *
 * @example
 *   await untilReachable(() => bot.init(), { log, what: 'getMe', apiRoot, signal });
 */
export async function untilReachable<T>(call: () => Promise<T>, options: { log: Logger; what: string; apiRoot: string; signal: AbortSignal; backoff?: { firstMs: number; maxMs: number } }): Promise<T> {
  const backoff = options.backoff ?? CONNECT_BACKOFF;
  let delay = backoff.firstMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (isTokenRefused(error)) {
        throw new ConfigError('TELEGRAM_BOT_TOKEN', [
          `Telegram refused this token (${error.error_code} ${error.description}): copy it again from @BotFather (/mybots → your bot → API Token)${options.apiRoot === 'https://api.telegram.org' ? '' : ` — the Bot API server is ${options.apiRoot}`}`,
        ]);
      }
      if (error instanceof GrammyError && error.error_code < 500 && error.error_code !== 429) throw error;
      if (options.signal.aborted) throw error;
      const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
      const wait = retryAfter !== undefined ? retryAfter * 1000 : delay;
      const reason = error instanceof GrammyError ? `${error.error_code} ${error.description}` : error instanceof HttpError ? networkReason(error) : error instanceof Error ? error.message : String(error);
      const after = wait < 1000 ? `${wait} ms` : `${Math.round(wait / 1000)} s`;
      options.log.warn(`Telegram Bot API unreachable at ${options.apiRoot} (${options.what}: ${reason}); attempt ${attempt}, retrying in ${after}`);
      await sleepFor(wait, options.signal);
      delay = Math.min(delay * 2, backoff.maxMs);
    }
  }
}

/**
 * Learns who the bot is (getMe), waiting out network outages with a log line per attempt
 * (grammY's own `bot.init` retries silently, for up to 20 minutes between tries).
 *
 * @example
 *   await connectTelegram(bot, { log, apiRoot, signal });
 */
export async function connectTelegram(bot: Bot, options: { log: Logger; apiRoot: string; signal: AbortSignal; backoff?: { firstMs: number; maxMs: number } }): Promise<void> {
  // grammY types its signal with the abort-controller polyfill; Node's own AbortSignal is what it uses at run time.
  const signal = options.signal as Parameters<Bot['api']['getMe']>[0];
  bot.botInfo = await untilReachable(() => bot.api.getMe(signal), { ...options, what: 'getMe' });
}
