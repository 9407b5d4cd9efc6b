import { describe, expect, it } from 'vitest';
import { freshnessMs, retryAfterMs } from '../../src/feeds/http-hints.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { nextPollAfterFailure, nextPollAfterSuccess, PAUSED_RETRY_MS } from '../../src/feeds/poll-schedule.ts';

const NOW = Date.parse('2024-11-06T12:00:00Z');

describe('server and feed hints', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('90', NOW)).toBe(90_000);
    expect(retryAfterMs('Wed, 06 Nov 2024 12:05:00 GMT', NOW)).toBe(300_000);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs(undefined, NOW)).toBeNull();
  });

  it('reads freshness from Cache-Control max-age, else Expires; no-cache gives none', () => {
    expect(freshnessMs({ 'cache-control': 'public, max-age=1800' }, NOW)).toBe(1_800_000);
    expect(freshnessMs({ 'cache-control': 's-maxage=60, max-age=30' }, NOW)).toBe(60_000);
    expect(freshnessMs({ expires: 'Wed, 06 Nov 2024 13:00:00 GMT' }, NOW)).toBe(3_600_000);
    expect(freshnessMs({ expires: 'Wed, 06 Nov 2024 11:00:00 GMT' }, NOW)).toBeNull();
    expect(freshnessMs({ 'cache-control': 'no-cache, max-age=600' }, NOW)).toBeNull();
  });

  it('reads sy:updatePeriod / sy:updateFrequency when there is no ttl', async () => {
    const feed = await parseFeed(
      '<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>T</title><sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel></rss>',
      'https://ex.org/feed',
    );
    expect(feed.updateIntervalMs).toBe(12 * 3_600_000);
  });

  it('uses a hint only to lengthen the interval, never beyond a day; jitter stays within ±5 %', () => {
    expect(nextPollAfterSuccess({ now: NOW, intervalMs: 600_000, hintMs: 60_000, random: () => 0.5 })).toBe(NOW + 600_000);
    expect(nextPollAfterSuccess({ now: NOW, intervalMs: 600_000, hintMs: 7 * 86_400_000, random: () => 0.5 })).toBe(NOW + 86_400_000);
    expect(nextPollAfterSuccess({ now: NOW, intervalMs: 600_000, hintMs: null, random: () => 0 })).toBe(NOW + 570_000);
  });

  it('backs off with jitter between half and all of the delay, and retries a paused feed every 6 hours', () => {
    const delay = (failures: number, random: number) => nextPollAfterFailure({ now: NOW, intervalMs: 600_000, failures, retryAfterMs: null, paused: false, random: () => random }) - NOW;
    expect([delay(1, 1), delay(2, 1), delay(3, 0)]).toEqual([600_000, 1_200_000, 1_200_000]);
    expect(nextPollAfterFailure({ now: NOW, intervalMs: 600_000, failures: 12, retryAfterMs: null, paused: true, random: () => 1 })).toBe(NOW + PAUSED_RETRY_MS);
    expect(nextPollAfterFailure({ now: NOW, intervalMs: 600_000, failures: 1, retryAfterMs: 3_600_000, paused: false, random: () => 1 })).toBe(NOW + 3_600_000);
  });
});
