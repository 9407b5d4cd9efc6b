import type { Logger } from '../logger.ts';
import type { StoredArticle } from '../store/records.ts';
import type { FeedRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { FeedError } from './feed-error.ts';
import { normalizeItem } from './normalize-item.ts';
import { parseFeed } from './parse-feed.ts';
import { readFeedSource } from './read-feed-source.ts';

export interface IngestOptions {
  now: number;
  /** On a feed's first fetch only this many newest items count as news; the rest is back catalogue. */
  firstFetchNewest: number;
  log: Logger;
}

export type IngestResult =
  | { feedId: string; status: 'updated'; added: StoredArticle[]; title: string | null }
  | { feedId: string; status: 'not_modified' }
  | { feedId: string; status: 'failed'; error: FeedError };

function asFeedError(error: unknown, url: string): FeedError {
  return error instanceof FeedError ? error : new FeedError('malformed', url, error instanceof Error ? error.message : String(error));
}

/**
 * Fetches one feed, stores the items not seen before and records the fetch state.
 * Never throws: a failure is returned (and recorded on the feed) so other feeds carry on.
 *
 * @example
 *   const result = await ingestFeed(store, feed, { now: Date.now(), firstFetchNewest: 3, log });
 */
export async function ingestFeed(store: Store, feed: FeedRecord, options: IngestOptions): Promise<IngestResult> {
  const { now, log } = options;
  try {
    const source = await readFeedSource(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
    if (source.status === 'not_modified') {
      await store.recordFetchSuccess(feed.id, { at: now, nextFetchAt: null });
      return { feedId: feed.id, status: 'not_modified' };
    }
    const parsed = await parseFeed(source.body, feed.url);
    const articles = parsed.items.map((item) => normalizeItem(parsed, item, { feedId: feed.id, feedUrl: feed.url, lang: feed.lang, now }));
    const firstFetch = feed.lastSuccessAt === null;
    const newestFirst = [...articles].sort((a, b) => b.publishedAt - a.publishedAt);
    const freshIds = new Set((firstFetch ? newestFirst.slice(0, options.firstFetchNewest) : newestFirst).map((article) => article.id));
    const added = await store.insertNewArticles(
      newestFirst.map((article) => ({ ...article, firstSeenAt: now, fresh: freshIds.has(article.id) })),
    );
    await store.recordFetchSuccess(feed.id, {
      at: now,
      title: feed.origin === 'chat' ? (parsed.title ?? undefined) : undefined,
      etag: source.etag,
      lastModified: source.lastModified,
      nextFetchAt: null,
    });
    log.debug({ feed: feed.id, items: articles.length, added: added.length }, 'feed fetched');
    return { feedId: feed.id, status: 'updated', added, title: parsed.title };
  } catch (error) {
    const feedError = asFeedError(error, feed.url);
    log.warn({ feed: feed.id, url: feed.url, code: feedError.code }, `feed failed: ${feedError.detail}`);
    await store.recordFetchFailure(feed.id, { at: now, error: feedError.message, nextFetchAt: null, pause: false });
    return { feedId: feed.id, status: 'failed', error: feedError };
  }
}

/** Ingests several feeds, `concurrency` at a time; one feed's failure never stops the others. */
export async function ingestFeeds(store: Store, feeds: readonly FeedRecord[], options: IngestOptions, concurrency = 8): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < feeds.length) {
      const feed = feeds[next++];
      if (feed) results.push(await ingestFeed(store, feed, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, feeds.length) }, worker));
  return results;
}
