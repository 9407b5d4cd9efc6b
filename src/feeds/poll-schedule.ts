/**
 * A hint from the feed (ttl, Cache-Control…) can lengthen its interval, but never beyond this.
 *
 * @example
 *   Math.min(hintMs, MAX_HINT_MS);
 */
export const MAX_HINT_MS = 24 * 3_600_000;
/**
 * Failures back off exponentially up to this.
 *
 * @example
 *   Math.min(MAX_BACKOFF_MS, interval * 2 ** failures);
 */
export const MAX_BACKOFF_MS = 6 * 3_600_000;
/**
 * A paused feed is still tried this often, so it resumes by itself when it works again.
 *
 * @example
 *   nextFetchAt = now + PAUSED_RETRY_MS;
 */
export const PAUSED_RETRY_MS = 6 * 3_600_000;
/** A Retry-After longer than this is not believed. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * When to poll a feed next after a successful fetch: its interval, or the feed's own hint
 * (ttl, sy:updatePeriod, Cache-Control, Expires) when that is longer — a floor, capped at a day.
 * A little jitter (±5 %) keeps feeds added together from staying in lockstep.
 *
 * @example
 *   nextPollAfterSuccess({ now, intervalMs: 600_000, hintMs: 3_600_000, random: Math.random }); // ≈ now + 1 h
 */
export function nextPollAfterSuccess(input: { now: number; intervalMs: number; hintMs: number | null; random: () => number }): number {
  const interval = Math.max(input.intervalMs, Math.min(input.hintMs ?? 0, MAX_HINT_MS));
  return Math.round(input.now + interval * (0.95 + 0.1 * input.random()));
}

/**
 * When to try a failing feed again: exponential backoff from its interval (doubling per failure
 * in a row, capped at 6 h) with jitter (between half and all of the delay), never sooner than a
 * server's Retry-After; a paused feed is retried every 6 h.
 *
 * @example
 *   nextPollAfterFailure({ now, intervalMs: 600_000, failures: 3, retryAfterMs: null, paused: false, random: Math.random });
 */
export function nextPollAfterFailure(input: {
  now: number;
  intervalMs: number;
  failures: number;
  retryAfterMs: number | null;
  paused: boolean;
  random: () => number;
}): number {
  const exponent = Math.min(Math.max(input.failures - 1, 0), 20);
  const backoff = input.paused ? PAUSED_RETRY_MS : Math.min(MAX_BACKOFF_MS, Math.max(60_000, input.intervalMs) * 2 ** exponent);
  const jittered = backoff * (0.5 + 0.5 * input.random());
  const floor = Math.min(input.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return Math.round(input.now + Math.max(jittered, floor));
}
