import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedPoller, mayRefreshEarly, type PollerClock } from '../../src/feeds/feed-poller.ts';
import { FetchLimiter } from '../../src/feeds/fetch-limiter.ts';
import { addFeed, ingestSetup, reload } from './ingest-helpers.ts';
import { rssDocument, startLocalServer, type LocalServer } from './local-server.ts';

const START = Date.parse('2024-11-06T12:00:00Z');

/** A clock the test moves by hand; timers only fire when it does. */
function fakeClock(): PollerClock & { advance(ms: number, poller: FeedPoller): Promise<void>; time: number } {
  const timers = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  const clock = {
    time: START,
    now: () => clock.time,
    setTimeout(callback: () => void, ms: number) {
      const id = next++;
      timers.set(id, { at: clock.time + ms, callback });
      return { id } as { id: number; unref?: () => unknown };
    },
    clearTimeout(handle: unknown) {
      timers.delete((handle as { id: number }).id);
    },
    async advance(ms: number, poller: FeedPoller) {
      clock.time += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= clock.time) {
          timers.delete(id);
          timer.callback();
        }
      }
      await poller.settled();
    },
  };
  return clock;
}

let server: LocalServer;
let setup: Awaited<ReturnType<typeof ingestSetup>>;
const hits = new Map<string, number>();

beforeEach(async () => {
  server = await startLocalServer();
  setup = await ingestSetup();
  hits.clear();
  for (const name of ['a', 'b']) {
    server.route(`/${name}`, (_request, response) => {
      hits.set(name, (hits.get(name) ?? 0) + 1);
      response.end(rssDocument(name, [{ guid: `${name}-${hits.get(name) ?? 0}`, title: `Item ${hits.get(name) ?? 0} of ${name}`, date: new Date(START) }], name === 'b' ? '<ttl>60</ttl>' : ''));
    });
  }
});

afterEach(async () => {
  await setup.close();
  await server.close();
});

describe('FeedPoller', () => {
  it('fetches each feed when it falls due, not all feeds on one timer', async () => {
    await addFeed(setup.store, 'a', server.url('/a'), START);
    await addFeed(setup.store, 'b', server.url('/b'), START);
    const clock = fakeClock();
    const poller = new FeedPoller(setup.context, { clock });
    poller.start();
    await clock.advance(0, poller);
    expect([hits.get('a'), hits.get('b')]).toEqual([1, 1]);
    // a: every 10 min (×1.05 jitter with random=1); b: its ttl of 60 min is a floor.
    await clock.advance(11 * 60_000, poller);
    expect([hits.get('a'), hits.get('b')]).toEqual([2, 1]);
    await clock.advance(11 * 60_000, poller);
    expect([hits.get('a'), hits.get('b')]).toEqual([3, 1]);
    for (let step = 0; step < 5; step++) await clock.advance(11 * 60_000, poller);
    expect(hits.get('b')).toBe(2);
    await poller.stop();
    const stoppedAt = hits.get('a');
    await clock.advance(60 * 60_000, poller);
    expect(hits.get('a')).toBe(stoppedAt);
  });

  it('refreshes on demand, but not a feed that is backing off or whose own hint says it cannot have changed', async () => {
    const feed = await addFeed(setup.store, 'b', server.url('/b'), START);
    const clock = fakeClock();
    const poller = new FeedPoller(setup.context, { clock });
    await poller.refresh(['b']);
    expect(hits.get('b')).toBe(1);
    await poller.refresh(['b']);
    expect(hits.get('b')).toBe(1);
    const stored = await reload(setup.store, 'b');
    expect(mayRefreshEarly(stored, START + 61 * 60_000)).toBe(true);
    expect(mayRefreshEarly({ ...feed, failureCount: 2, nextFetchAt: START + 60_000 }, START)).toBe(false);
    expect(mayRefreshEarly({ ...feed, pausedAt: START }, START)).toBe(false);
  });
});

describe('FetchLimiter', () => {
  it('caps fetches in all and per host, and starts waiting work in order as slots free', async () => {
    const limiter = new FetchLimiter({ total: 3, perHost: 2 });
    const running = new Map<string, number>();
    let peakTotal = 0;
    const peakPerHost = new Map<string, number>();
    const job = (host: string) =>
      limiter.run(host, async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        const total = [...running.values()].reduce((sum, count) => sum + count, 0);
        peakTotal = Math.max(peakTotal, total);
        peakPerHost.set(host, Math.max(peakPerHost.get(host) ?? 0, running.get(host) ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 5));
        running.set(host, (running.get(host) ?? 1) - 1);
        return host;
      });
    const results = await Promise.all(['x', 'x', 'x', 'x', 'y', 'y', 'z'].map(job));
    expect(results).toEqual(['x', 'x', 'x', 'x', 'y', 'y', 'z']);
    expect(peakTotal).toBe(3);
    expect(peakPerHost.get('x')).toBe(2);
    expect(limiter.pending).toBe(0);
  });
});
