import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { DigestConfig } from '../config/schema.ts';
import type { Logger } from '../logger.ts';
import type { Platform } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import type { DeliveryChannel } from './delivery-channel.ts';
import { DigestCache } from './digest-cache.ts';
import { ChatLocks } from './send/chat-locks.ts';
import { DeliveryQueue } from './send/delivery-queue.ts';
import { SendThrottle } from './send/send-throttle.ts';

/** How hard delivery tries, and how long an instance holds what it is working on. */
export interface DeliveryPolicy {
  /** Tries per message on network/server errors before the delivery is given up (and logged). */
  maxAttempts: number;
  /** 429 answers tolerated per message before giving up (each one waits its retry_after). */
  maxRateLimited: number;
  /** First retry delay after a network/server error; doubles each try, with jitter. */
  backoffMs: number;
  /** How long a delivery stays with the instance sending it without a sign of life (renewed per message). */
  leaseMs: number;
  /** How long a scheduler slot claim holds before another instance may take it over. */
  claimLeaseMs: number;
  /** Chats whose digest is built and sent at the same time, at most. */
  concurrency: number;
  /**
   * Messages per platform sent but not yet recorded as sent, at most: what a crash can make go
   * out twice. 1 keeps that promise strict; with a Bot API farther than ~30 ms away, 30 msg/s
   * needs 2–4 (and a crash may then repeat that many).
   */
  maxInFlight: number;
  /** A send still unanswered after this long stops counting as in flight, so it never holds up other chats. */
  slowSendMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 5,
  maxRateLimited: 10,
  backoffMs: 1000,
  leaseMs: 60_000,
  claimLeaseMs: 120_000,
  concurrency: 128,
  maxInFlight: 1,
  slowSendMs: 2000,
};

/** What delivery needs from the outside world, passed in so tests can fake time and platforms. */
export interface DeliveryContext {
  store: Store;
  channels: ReadonlyMap<Platform, DeliveryChannel>;
  digest: DigestConfig;
  log: Logger;
  now: () => number;
  /** Waits `ms`; rejects early when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** This process's name in delivery leases and slot claims; unique among running instances. */
  instanceId: string;
  policy: DeliveryPolicy;
  /** One throttle per platform, built from its channel's declared limits: its digests, command answers and notices all take turns there. */
  throttles: ReadonlyMap<Platform, SendThrottle>;
  locks: ChatLocks;
  queue: DeliveryQueue;
  cache: DigestCache;
  /** Fetches feeds now (the feeds layer's hook), called before a scheduled digest for feeds that are due. */
  refreshFeeds: ((feedIds: readonly string[]) => Promise<void>) | null;
  /** Aborts when the service stops: waits end, the message in flight is finished, the rest stays pending. */
  signal: AbortSignal;
  random: () => number;
}

/** A sleep on the real clock that an AbortSignal can cut short. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The default instance name: host and process, so two instances on one host never share leases. */
export function defaultInstanceId(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Builds a DeliveryContext with a throttle per channel (from `channel.limits`) and the shared
 * locks, queue and cache; everything not given gets the production default.
 *
 * @example
 *   const delivery = createDeliveryContext({ store, channels: [telegramChannel(bot.api)], digest: config.digest, log });
 */
export function createDeliveryContext(options: {
  store: Store;
  channels: Iterable<DeliveryChannel>;
  digest: DigestConfig;
  log: Logger;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  instanceId?: string;
  policy?: Partial<DeliveryPolicy>;
  refreshFeeds?: (feedIds: readonly string[]) => Promise<void>;
  signal?: AbortSignal;
  random?: () => number;
}): DeliveryContext {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const signal = options.signal ?? new AbortController().signal;
  // Every send waiting its turn listens to this one signal: thousands at once is expected.
  setMaxListeners(0, signal);
  const policy = { ...DEFAULT_DELIVERY_POLICY, ...options.policy };
  const channels = new Map<Platform, DeliveryChannel>([...options.channels].map((channel) => [channel.platform, channel]));
  const throttles = new Map<Platform, SendThrottle>(
    [...channels.values()].map((channel) => [channel.platform, new SendThrottle(channel.limits, { now, sleep }, { maxInFlight: policy.maxInFlight, slowAfterMs: policy.slowSendMs })]),
  );
  return {
    store: options.store,
    channels,
    digest: options.digest,
    log: options.log,
    now,
    sleep,
    instanceId: options.instanceId ?? defaultInstanceId(),
    policy,
    throttles,
    locks: new ChatLocks(),
    queue: new DeliveryQueue(policy.concurrency),
    cache: new DigestCache({
      onAnalysisError: (error, article) => {
        options.log.error({ err: error, article: article.id, feed: article.feedId, url: article.url }, 'the digest engine could not read an article; it is shown without quotes or figures');
      },
    }),
    refreshFeeds: options.refreshFeeds ?? null,
    signal,
    random: options.random ?? Math.random,
  };
}
