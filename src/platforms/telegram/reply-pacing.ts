import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import type { Transformer } from 'grammy';

/** Methods that post or change a message: the ones Telegram's flood limits count ("typing…" is not one). */
const POSTING = /^(send(?!ChatAction)|copy|forward|edit)/;

/**
 * A grammY transformer for command answers (not digests, which the delivery core paces). The
 * methods that post are throttled (30 a second in all; per private chat bursts of 3 then one a
 * second; per group or channel 20 a minute) and retried on 429 (waiting at most 30 s) and 5xx,
 * up to eight times; network errors are thrown at once, to be logged, not retried for hours. Lookups
 * (getMe, getChatMember, getFile, getUpdates…) pass straight through, so a permission check
 * never waits behind the chat's own replies and start-up reports an outage itself.
 *
 * @example
 *   bot.api.config.use(replyPacing());
 */
export function replyPacing(): Transformer {
  const throttle = apiThrottler({
    global: { reservoir: 30, reservoirRefreshAmount: 30, reservoirRefreshInterval: 1000 },
    group: { maxConcurrent: 1, reservoir: 20, reservoirRefreshAmount: 20, reservoirRefreshInterval: 60_000 },
    out: { maxConcurrent: 1, reservoir: 3, reservoirIncreaseAmount: 1, reservoirIncreaseInterval: 1000, reservoirIncreaseMaximum: 3 },
  });
  // Enough tries to get through a fan-out holding the global limit, where a reply may meet several 429s in a row.
  const retry = autoRetry({ maxRetryAttempts: 8, maxDelaySeconds: 30, rethrowHttpErrors: true });
  return (prev, method, payload, signal) =>
    POSTING.test(method) ? retry((...call) => throttle(prev, ...call), method, payload, signal) : prev(method, payload, signal);
}
