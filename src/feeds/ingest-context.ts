import type { Config } from '../config/load-config.ts';
import type { Logger } from '../logger.ts';
import type { FeedRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { AddressPolicy } from './address-policy.ts';
import { feedOptions, type FeedOptions } from './feed-options.ts';
import type { FeedError } from './feed-error.ts';
import { FetchLimiter } from './fetch-limiter.ts';
import { FullTextFetcher } from './full-text.ts';
import { HttpFetcher, type Resolver } from './http-fetcher.ts';
import type { KnownGuids } from './known-guids.ts';

/** A change in a feed's health that its subscribers should hear about. */
export type FeedEvent = { kind: 'paused'; feed: FeedRecord; error: FeedError } | { kind: 'resumed'; feed: FeedRecord };

/** The items of a feed's last fetch, by guid (for those that have one) and by article id. */
export interface KnownItems {
  guids: KnownGuids;
  ids: Set<string>;
}

/** Everything feed ingestion needs, built once per process. */
export interface IngestContext {
  store: Store;
  fetcher: HttpFetcher;
  /** Overall and per-host caps shared by every feed fetch. */
  limiter: FetchLimiter;
  /** Fetches article pages for teaser items; null turns full text off. */
  fullText: FullTextFetcher | null;
  log: Logger;
  /** The settings of one feed (config feeds have their own; chat feeds get the defaults). */
  optionsFor: (feed: FeedRecord) => FeedOptions;
  /** Failures in a row after which a feed is paused. */
  pauseAfterFailures: number;
  /** Told when a feed is paused or resumes. */
  onEvent: (event: FeedEvent) => void;
  /** Each feed's items at its last fetch (all stored or known duplicates): most need no parsing or lookup next time. */
  knownItems: Map<string, KnownItems>;
  /** Jitter source (tests pass a constant). */
  random: () => number;
  /** Closes the connection pools. */
  close: () => Promise<void>;
}

/**
 * The address policy of the configuration: public addresses only, unless
 * PRECIS_ALLOW_PRIVATE_URLS=1 or `fetching.allowNetworks` lists private ranges.
 *
 * @example
 *   const policy = addressPolicyOf(config);
 */
export function addressPolicyOf(config: Pick<Config, 'allowPrivateUrls' | 'fetching'>): AddressPolicy {
  return new AddressPolicy({ allowPrivate: config.allowPrivateUrls, allowCidrs: config.fetching.allowNetworks });
}

/**
 * A fetcher with the configured limits and address policy.
 *
 * @example
 *   const fetcher = fetcherOf(config);
 */
export function fetcherOf(config: Pick<Config, 'allowPrivateUrls' | 'fetching'>, resolve?: Resolver): HttpFetcher {
  return new HttpFetcher({
    policy: addressPolicyOf(config),
    limits: {
      connectTimeoutMs: config.fetching.connectTimeout,
      timeoutMs: config.fetching.timeout,
      maxBytes: Math.round(config.fetching.maxBodyMB * 1024 * 1024),
    },
    connections: config.fetching.perHostConcurrency,
    ...(resolve ? { resolve } : {}),
  });
}

/**
 * Builds the ingestion context of a configuration: one fetcher, one limiter, full text on.
 *
 * @example
 *   const context = createIngestContext(config, store, log, { onEvent: (event) => notify(event) });
 *   await ingestFeeds(context, await store.listFeeds(), Date.now());
 */
export function createIngestContext(
  config: Pick<Config, 'allowPrivateUrls' | 'fetching' | 'feeds' | 'feedDefaults'>,
  store: Store,
  log: Logger,
  extra: { onEvent?: (event: FeedEvent) => void; resolve?: Resolver; fullText?: boolean; random?: () => number } = {},
): IngestContext {
  const fetcher = fetcherOf(config, extra.resolve);
  const limiter = new FetchLimiter({ total: config.fetching.concurrency, perHost: config.fetching.perHostConcurrency });
  const pageLimiter = new FetchLimiter({ total: config.fetching.concurrency, perHost: config.fetching.perHostConcurrency });
  const configured = new Map(config.feeds.map((feed) => [feed.id, feed.options]));
  const defaults = feedOptions(config.feedDefaults);
  return {
    store,
    fetcher,
    limiter,
    fullText: extra.fullText === false ? null : new FullTextFetcher({ store, fetcher, limiter: pageLimiter, log }),
    log,
    optionsFor: (feed) => configured.get(feed.id) ?? defaults,
    pauseAfterFailures: config.fetching.pauseAfterFailures,
    onEvent: extra.onEvent ?? (() => undefined),
    knownItems: new Map(),
    random: extra.random ?? Math.random,
    close: () => fetcher.close(),
  };
}
