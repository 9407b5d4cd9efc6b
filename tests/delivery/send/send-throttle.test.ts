import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleepFor } from '../../../src/delivery/delivery-context.ts';
import { TELEGRAM_LIMITS } from '../../../src/delivery/send/channel-limits.ts';
import { SendThrottle } from '../../../src/delivery/send/send-throttle.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(Date.parse('2025-01-06T08:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('SendThrottle', () => {
  it('paces a fan-out to 30 messages a second overall, close to the limit', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, { now: Date.now, sleep: sleepFor });
    const start = Date.now();
    const times: number[] = [];
    const sends = Array.from({ length: 300 }, (_, index) => throttle.acquire({ key: `user${index}`, kind: 'private' }).then((done) => {
      done();
      times.push(Date.now());
    }));
    await vi.advanceTimersByTimeAsync(20_000);
    await Promise.all(sends);
    expect(times).toHaveLength(300);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(30);
    const rate = 300 / ((Math.max(...times) - start) / 1000);
    expect(rate).toBeGreaterThan(27);
  });

  it('keeps one message a second in a private chat and 20 a minute in a group, without holding other chats', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, { now: Date.now, sleep: sleepFor });
    const start = Date.now();
    const privateTimes: number[] = [];
    const groupTimes: number[] = [];
    const otherTimes: number[] = [];
    const privateChat = (async () => {
      for (let i = 0; i < 5; i++) {
        (await throttle.acquire({ key: 'alice', kind: 'private' }))();
        privateTimes.push(Date.now() - start);
      }
    })();
    const group = (async () => {
      for (let i = 0; i < 25; i++) {
        (await throttle.acquire({ key: '-100', kind: 'group' }))();
        groupTimes.push(Date.now() - start);
      }
    })();
    const others = Promise.all(Array.from({ length: 10 }, (_, index) => throttle.acquire({ key: `bob${index}`, kind: 'private' }).then((done) => {
        done();
        otherTimes.push(Date.now() - start);
      })));
    await vi.advanceTimersByTimeAsync(120_000);
    await Promise.all([privateChat, group, others]);
    expect(maxInWindow(privateTimes, 1000)).toBe(1);
    expect(privateTimes.at(-1)).toBeLessThan(4 * 1000 * 1.1 + 100);
    expect(maxInWindow(groupTimes, 60_000)).toBe(20);
    expect(groupTimes[20]).toBeGreaterThanOrEqual(60_000);
    // The group waiting a minute for its 21st message held nobody else back.
    expect(Math.max(...otherTimes)).toBeLessThan(1000);
  });

  it('holds a chat back after a 429 until its retry_after has passed', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, { now: Date.now, sleep: sleepFor });
    const start = Date.now();
    throttle.penalize('alice', start + 7000);
    let at = 0;
    const waiting = throttle.acquire({ key: 'alice', kind: 'private' }).then((done) => {
      done();
      at = Date.now() - start;
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await waiting;
    expect(at).toBe(7000);
  });

  it('stops waiting when the service stops', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, { now: Date.now, sleep: sleepFor });
    (await throttle.acquire({ key: 'alice', kind: 'private' }))();
    const stopping = new AbortController();
    const waiting = throttle.acquire({ key: 'alice', kind: 'private' }, stopping.signal);
    stopping.abort(new Error('stopping'));
    await expect(waiting).rejects.toThrow('stopping');
  });

  it('holds at most maxInFlight messages between send and record, and serves the others in order', async () => {
    const throttle = new SendThrottle({ global: null, perChat: { private: null, group: null, channel: null } }, { now: Date.now, sleep: sleepFor }, { maxInFlight: 2 });
    const order: string[] = [];
    const first = await throttle.acquire({ key: 'a', kind: 'private' });
    const second = await throttle.acquire({ key: 'b', kind: 'private' });
    const third = throttle.acquire({ key: 'c', kind: 'private' }).then((done) => {
      order.push('c');
      return done;
    });
    const fourth = throttle.acquire({ key: 'd', kind: 'private' }).then((done) => {
      order.push('d');
      return done;
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(order).toEqual([]);
    first();
    first(); // ending a turn twice frees one slot only
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['c']);
    second();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['c', 'd']);
    (await third)();
    (await fourth)();
  });
});
