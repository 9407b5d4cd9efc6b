import type { FeedRecord } from '../store/records.ts';
import { hostKey } from './fetch-limiter.ts';
import { ingestFeed, type IngestResult } from './ingest-feed.ts';
import { MAX_HINT_MS } from './poll-schedule.ts';
import type { IngestContext } from './ingest-context.ts';

/** The poller wakes at least this often to look for due feeds (new feeds, changed schedules). */
const MAX_SLEEP_MS = 60_000;
const MIN_SLEEP_MS = 1_000;

/** What one pass over the due feeds came to, in counts. */
export interface PollSummary {
  /** Feeds fetched and read (with or without new articles). */
  updated: number;
  /** Feeds the server said had not changed (304). */
  notModified: number;
  failed: number;
  /** Articles stored, back catalogue included. */
  added: number;
}

/** Timer functions, injectable so tests drive the poller with a fake clock. */
export interface PollerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): { unref?: () => unknown };
  clearTimeout(handle: unknown): void;
}

const realClock: PollerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/**
 * Whether a feed may be fetched before its scheduled time.
 *
 * @example
 *   mayRefreshEarly(feed, Date.now()); // false while the feed backs off
 */
export function mayRefreshEarly(feed: FeedRecord, now: number): boolean {
  if (feed.pausedAt !== null) return false;
  if (feed.failureCount > 0 && feed.nextFetchAt !== null && feed.nextFetchAt > now) return false;
  if (feed.pollHintMs && feed.lastFetchedAt !== null && now - feed.lastFetchedAt < Math.min(feed.pollHintMs, MAX_HINT_MS)) return false;
  return true;
}

/**
 * Polls each feed when it is due (its `nextFetchAt`: interval, feed hints, backoff), under the
 * context's concurrency limits, instead of every feed on one fixed timer. A feed is never
 * fetched twice at once; paused feeds are still tried on their slow schedule so they resume.
 *
 * @example
 *   const poller = new FeedPoller(context, { track: (work) => tracker.run(work, onError) });
 *   poller.start();
 *   await poller.stop();
 */
export class FeedPoller {
  private timer: unknown = null;
  private stopped = true;
  private readonly inFlight = new Map<string, Promise<IngestResult>>();
  private ticking: Promise<void> | null = null;
  private readonly clock: PollerClock;

  constructor(
    private readonly context: IngestContext,
    private readonly options: {
      clock?: PollerClock;
      /** Wraps each unit of work (the service's WorkTracker, so shutdown waits for it). */
      track?: (work: () => Promise<void>) => Promise<unknown>;
      onError?: (error: unknown) => void;
    } = {},
  ) {
    this.clock = options.clock ?? realClock;
  }

  /** Starts polling: due feeds right away, then each when it falls due. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops scheduling and waits for fetches in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Resolves once the current pass (if any) and every fetch in flight are done. */
  async settled(): Promise<void> {
    await this.ticking;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /**
   * Fetches the given feeds now (a chat subscribed, a digest is due) rather than at their next
   * poll — except a paused feed, one backing off after failures or asked to wait (Retry-After),
   * and one whose own hint (ttl, max-age) says it cannot have changed yet. Joins a fetch already
   * running for a feed.
   */
  async refresh(feedIds: readonly string[]): Promise<IngestResult[]> {
    const now = this.clock.now();
    const feeds = (await this.context.store.listFeeds()).filter((feed) => feedIds.includes(feed.id) && mayRefreshEarly(feed, now));
    return Promise.all(feeds.map((feed) => this.fetch(feed)));
  }

  /**
   * Fetches every feed that is due now (not already being fetched) and waits for them. Each
   * feed's result is counted as it comes and let go: a pass over 1,000 first fetches would
   * otherwise hold 50,000 article briefs until its last feed is done.
   */
  async pollDue(): Promise<PollSummary> {
    const now = this.clock.now();
    const feeds = await this.context.store.listFeeds();
    const due = feeds.filter((feed) => !this.inFlight.has(feed.id) && (feed.nextFetchAt === null || feed.nextFetchAt <= now));
    const summary: PollSummary = { updated: 0, notModified: 0, failed: 0, added: 0 };
    await Promise.all(
      due.map(async (feed) => {
        const result = await this.fetch(feed);
        if (result.status === 'updated') {
          summary.updated++;
          summary.added += result.added.length;
        } else if (result.status === 'not_modified') summary.notModified++;
        else summary.failed++;
      }),
    );
    return summary;
  }

  /** One pass: fetches every feed that is due now and waits for them; returns when it wakes next. */
  async tick(): Promise<number> {
    await this.pollDue();
    const after = this.clock.now();
    const upcoming = (await this.context.store.listFeeds()).map((feed) => feed.nextFetchAt ?? after);
    const next = upcoming.length ? Math.min(...upcoming) : after + MAX_SLEEP_MS;
    return Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, next - after));
  }

  private fetch(feed: FeedRecord): Promise<IngestResult> {
    const running = this.inFlight.get(feed.id);
    if (running) return running;
    const promise = this.context.limiter.run(hostKey(feed.url), () => ingestFeed(this.context, feed, this.clock.now()));
    this.inFlight.set(feed.id, promise);
    void promise.finally(() => this.inFlight.delete(feed.id)).catch(() => undefined);
    return promise;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    const handle = this.clock.setTimeout(() => {
      this.timer = null;
      const run = async () => {
        let sleep = MAX_SLEEP_MS;
        try {
          sleep = await this.tick();
        } catch (error) {
          this.options.onError?.(error);
        } finally {
          this.ticking = null;
          this.schedule(sleep);
        }
      };
      const tracked = this.options.track ? this.options.track(run) : run();
      this.ticking = tracked.then(() => undefined);
    }, ms);
    handle.unref?.();
    this.timer = handle;
  }
}
