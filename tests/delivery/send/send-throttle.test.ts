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

describe('SendThrottle: answers and digests share one budget, answers first', () => {
  const clock = { now: () => Date.now(), sleep: sleepFor };

  /** Digests to `count` private chats, each turn ended at once (as a quick send and ledger write would). */
  function fanOut(throttle: SendThrottle, count: number, times: number[]): Promise<unknown> {
    return Promise.all(Array.from({ length: count }, (_, index) => throttle.acquire({ key: `reader${index}`, kind: 'private' }).then((done) => {
      done();
      times.push(Date.now());
    })));
  }

  it('gives an answer the next free turn ahead of the digests waiting, never above the limit', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, clock);
    const start = Date.now();
    const digestTimes: number[] = [];
    const fan = fanOut(throttle, 300, digestTimes);
    await vi.advanceTimersByTimeAsync(2000);
    const waits: number[] = [];
    const answerTimes: number[] = [];
    for (let index = 0; index < 10; index++) {
      const asked = Date.now();
      const answered = throttle.pace({ key: `asker${index}`, kind: 'private' }, 'reply').then(() => {
        waits.push(Date.now() - asked);
        answerTimes.push(Date.now());
      });
      await vi.advanceTimersByTimeAsync(300);
      await answered;
    }
    await vi.advanceTimersByTimeAsync(20_000);
    await fan;
    const interval = (1000 / 30) * 1.04;
    // Each answer went out at the next turn (the digests queued for seconds did not go first)…
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(Math.ceil(interval));
    expect(digestTimes.filter((at) => at > Math.max(...answerTimes)).length).toBeGreaterThan(100);
    // …and everything together stayed within 30 in any second, the digests still near the limit.
    const all = [...digestTimes, ...answerTimes].sort((a, b) => a - b);
    expect(maxInWindow(all, 1000)).toBeLessThanOrEqual(30);
    expect(all.length / ((Math.max(...all) - start) / 1000)).toBeGreaterThan(27);
    expect(300 / ((Math.max(...digestTimes) - start) / 1000)).toBeGreaterThan(27);
  });

  it('keeps a chat’s own limit for answers too: an answer after a digest in the same private chat waits its second', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, clock);
    const start = Date.now();
    (await throttle.acquire({ key: 'alice', kind: 'private' }))();
    const at: Record<string, number> = {};
    const alice = throttle.pace({ key: 'alice', kind: 'private' }, 'reply').then(() => (at.alice = Date.now() - start));
    const bob = throttle.pace({ key: 'bob', kind: 'private' }, 'reply').then(() => (at.bob = Date.now() - start));
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all([alice, bob]);
    expect(at.bob).toBeLessThan(100);
    expect(at.alice).toBeGreaterThanOrEqual(1000);
    expect(at.alice).toBeLessThanOrEqual(1100);
  });

  it('lets an answer and a digest waiting for the same chat go answer first, then the digest a chat-turn later', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, clock);
    const start = Date.now();
    (await throttle.pace({ key: 'alice', kind: 'private' }, 'reply'));
    const order: string[] = [];
    const at: Record<string, number> = {};
    const digest = throttle.acquire({ key: 'alice', kind: 'private' }).then((done) => {
      order.push('digest');
      at.digest = Date.now() - start;
      done();
    });
    const answer = throttle.pace({ key: 'alice', kind: 'private' }, 'reply').then(() => {
      order.push('answer');
      at.answer = Date.now() - start;
    });
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all([digest, answer]);
    expect(order).toEqual(['answer', 'digest']);
    expect(at.digest! - at.answer!).toBeGreaterThanOrEqual(1000);
  });

  it('lets a group take a short burst (a message a second) and then holds it to 20 a minute', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, clock);
    const start = Date.now();
    const times: number[] = [];
    const sending = (async () => {
      for (let index = 0; index < 22; index++) {
        if (index % 2) await throttle.pace({ key: '-100', kind: 'group' }, 'reply');
        else (await throttle.acquire({ key: '-100', kind: 'group' }))();
        times.push(Date.now() - start);
      }
    })();
    await vi.advanceTimersByTimeAsync(130_000);
    await sending;
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
    expect(times[1]! - times[0]!).toBeLessThan(1100);
    expect(times[19]).toBeLessThan(20 * 1100);
    expect(times[20]).toBeGreaterThanOrEqual(60_000);
    expect(maxInWindow(times, 60_000)).toBe(20);
  });

  it('gives a freed in-flight slot to a requested digest before scheduled ones, and to nobody twice', async () => {
    const throttle = new SendThrottle({ global: null, perChat: { private: null, group: null, channel: null } }, clock, { maxInFlight: 1 });
    const first = await throttle.acquire({ key: 'a', kind: 'private' });
    const order: string[] = [];
    const waiting = [
      throttle.acquire({ key: 'b', kind: 'private' }, undefined, 'bulk').then((done) => {
        order.push('scheduled b');
        return done;
      }),
      throttle.acquire({ key: 'c', kind: 'private' }, undefined, 'requested').then((done) => {
        order.push('requested c');
        return done;
      }),
      throttle.acquire({ key: 'd', kind: 'private' }, undefined, 'bulk').then((done) => {
        order.push('scheduled d');
        return done;
      }),
    ];
    // Answers hold no in-flight slot: one goes out while the slot is taken.
    await throttle.pace({ key: 'e', kind: 'private' }, 'reply');
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual([]);
    first();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['requested c']);
    (await waiting[1]!)();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['requested c', 'scheduled b']);
    (await waiting[0]!)();
    (await waiting[2]!)();
    expect(order).toEqual(['requested c', 'scheduled b', 'scheduled d']);
  });

  it('gives the in-flight slot back when a digest waiting for its turn is stopped', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, clock, { maxInFlight: 1 });
    (await throttle.acquire({ key: 'a', kind: 'private' }))();
    const stopping = new AbortController();
    const stopped = throttle.acquire({ key: 'b', kind: 'private' }, stopping.signal);
    stopping.abort(new Error('stopping'));
    await expect(stopped).rejects.toThrow('stopping');
    const next = throttle.acquire({ key: 'c', kind: 'private' });
    await vi.advanceTimersByTimeAsync(100);
    (await next)();
  });

  it('holds answers to a chat after a 429 as it holds its digests', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, clock);
    const start = Date.now();
    throttle.penalize('alice', start + 5000);
    let at = 0;
    const answer = throttle.pace({ key: 'alice', kind: 'private' }, 'reply').then(() => (at = Date.now() - start));
    await vi.advanceTimersByTimeAsync(6000);
    await answer;
    expect(at).toBe(5000);
  });
});
