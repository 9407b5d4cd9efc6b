import type { FeedOptions } from './feed-options.ts';
import type { FeedRecord, StoredArticle } from '../store/records.ts';
import type { Article } from './article.ts';
import { canonicalUrl } from './canonical-url.ts';
import { decodeDocument } from './decode-document.ts';
import { asFeedError, type FeedError } from './feed-error.ts';
import { fetchFeed } from './fetch-feed.ts';
import { hostKey } from './fetch-limiter.ts';
import { htmlToLine, wordCount } from './html-text.ts';
import type { IngestContext, KnownItems } from './ingest-context.ts';
import { KnownGuids } from './known-guids.ts';
import { articleId, itemKey, itemTitle, linkBase, normalizeItem } from './normalize-item.ts';
import { parseFeed } from './parse-feed.ts';
import type { ParsedFeed, ParsedItem } from './parsed-feed.ts';
import { nextPollAfterFailure, nextPollAfterSuccess } from './poll-schedule.ts';
import { TITLE_DEDUPE_WINDOW_MS, titleKey } from './title-key.ts';

/** An article a fetch added, in brief (its text is in the store): results of 1,000 feeds stay small. */
export type AddedArticle = Pick<StoredArticle, 'id' | 'title' | 'url' | 'publishedAt' | 'fresh'>;

/** What one fetch of one feed came to: new articles, nothing new (304), or a failure. */
export type IngestResult =
  | { feedId: string; status: 'updated'; added: AddedArticle[]; title: string | null; warnings: string[] }
  | { feedId: string; status: 'not_modified' }
  | { feedId: string; status: 'failed'; error: FeedError; paused: boolean };

interface Candidate {
  item: ParsedItem;
  id: string;
  url: string | null;
  title: string;
  titleKey: string;
}

/**
 * Cheap identity of every item (no HTML sanitizing), to learn which are new before normalizing.
 * An item whose guid the feed's previous fetch already had is settled by its guid alone.
 */
function candidatesOf(feed: ParsedFeed, feedId: string, feedUrl: string, remembered: KnownItems | undefined): { known: ParsedItem[]; candidates: Candidate[] } {
  const base = linkBase(feed, feedUrl) ?? undefined;
  const known: ParsedItem[] = [];
  const candidates: Candidate[] = [];
  for (const item of feed.items) {
    if (item.guid && remembered?.guids.has(item.guid)) {
      known.push(item);
      continue;
    }
    const url = canonicalUrl(item.link, base);
    const title = itemTitle(item);
    candidates.push({ item, id: articleId(feedId, itemKey(item, url, title)), url, title, titleKey: titleKey(title) });
  }
  return { known, candidates };
}

/**
 * A copy of a string that does not keep its source alive: parsed values are often slices of the
 * whole document, and remembering one guid would otherwise pin every feed's last document.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function keysOf(candidates: Candidate[], titleSince: number, withIds: boolean) {
  return {
    ids: withIds ? candidates.map((candidate) => candidate.id) : [],
    guids: candidates.flatMap((candidate) => candidate.item.guid ?? []),
    urls: candidates.flatMap((candidate) => candidate.url ?? []),
    titleKeys: candidates.map((candidate) => candidate.titleKey),
    titleSince,
  };
}

/**
 * The items neither stored before nor repeated earlier in this same document. Items of the
 * feed's previous fetch are known from memory; on a cold start, most items of a polled feed are
 * known by id (a primary-key lookup), and only the others need the guid / URL / title checks
 * that catch re-issued items.
 */
async function unseenCandidates(context: IngestContext, feedId: string, candidates: Candidate[], now: number): Promise<Candidate[]> {
  const titleSince = now - TITLE_DEDUPE_WINDOW_MS;
  const remembered = context.knownItems.get(feedId);
  const unknown = remembered ? candidates.filter((candidate) => !remembered.ids.has(candidate.id)) : candidates;
  const empty = { ids: new Set<string>(), guids: new Set<string>(), urls: new Set<string>(), titleKeys: new Set<string>() };
  let seen = empty;
  if (remembered) {
    if (unknown.length) seen = await context.store.seenArticleKeys(feedId, keysOf(unknown, titleSince, true));
  } else if (unknown.length) {
    const byId = await context.store.seenArticleKeys(feedId, { ...keysOf([], titleSince, true), ids: unknown.map((candidate) => candidate.id) });
    const rest = unknown.filter((candidate) => !byId.ids.has(candidate.id));
    if (rest.length) seen = await context.store.seenArticleKeys(feedId, keysOf(rest, titleSince, false));
    for (const id of byId.ids) seen.ids.add(id);
  }
  const fresh: Candidate[] = [];
  for (const candidate of unknown) {
    const { item, url } = candidate;
    if (seen.ids.has(candidate.id) || (item.guid && seen.guids.has(item.guid)) || (url && seen.urls.has(url)) || (candidate.titleKey && seen.titleKeys.has(candidate.titleKey))) continue;
    fresh.push(candidate);
    seen.ids.add(candidate.id);
    if (item.guid) seen.guids.add(item.guid);
    if (url) seen.urls.add(url);
    if (candidate.titleKey) seen.titleKeys.add(candidate.titleKey);
  }
  return fresh;
}

/**
 * Which new articles count as news: on a feed's first fetch only the `firstFetchNewest` newest
 * (the rest is back catalogue, stored but never delivered); never one published before the
 * feed's age limit.
 */
function markFresh(articles: Article[], options: FeedOptions, firstFetch: boolean, now: number): StoredArticle[] {
  const newestFirst = [...articles].sort((a, b) => b.publishedAt - a.publishedAt);
  const oldestFresh = options.maxAgeMs === null ? -Infinity : now - options.maxAgeMs;
  return newestFirst.map((article, index) => ({
    ...article,
    firstSeenAt: now,
    fresh: (!firstFetch || index < options.firstFetchNewest) && article.publishedAt >= oldestFresh,
  }));
}

/** Replaces a teaser's text by the article page's main text, when that is longer. */
async function withFullText(context: IngestContext, article: StoredArticle, options: FeedOptions, now: number): Promise<StoredArticle> {
  if (!context.fullText || !article.fresh || !article.url || options.teaserWords === 0) return article;
  if (wordCount(article.paragraphs) >= options.teaserWords) return article;
  const page = await context.fullText.get(article.url, now);
  if (!page || wordCount(page.paragraphs) <= wordCount(article.paragraphs)) return article;
  return { ...article, paragraphs: page.paragraphs, html: page.html };
}

/**
 * Fetches one feed (conditional GET), decodes, parses and normalizes it, stores the items not
 * seen before, and schedules its next poll (interval, feed hints, backoff). Never throws: a
 * failure is returned and recorded on the feed so other feeds carry on; after
 * `pauseAfterFailures` failures in a row the feed is paused (and `onEvent` told), and it
 * resumes on its next success.
 *
 * @example
 *   const result = await ingestFeed(context, feed, Date.now());
 *   if (result.status === 'updated') console.log(result.added.length);
 */
export async function ingestFeed(context: IngestContext, feed: FeedRecord, now: number): Promise<IngestResult> {
  const { store, log } = context;
  const options = context.optionsFor(feed);
  const firstFetch = feed.lastSuccessAt === null;
  try {
    const got = await fetchFeed(context.fetcher, feed.url, firstFetch ? { etag: null, lastModified: null } : feed, { allowFiles: feed.origin === 'config', now });
    if (got.status === 'not_modified') {
      const hint = Math.max(feed.pollHintMs ?? 0, got.freshnessMs ?? 0) || null;
      await store.recordFetchSuccess(feed.id, {
        at: now,
        pollHintMs: hint,
        nextFetchAt: nextPollAfterSuccess({ now, intervalMs: options.pollIntervalMs, hintMs: hint, random: context.random }),
      });
      if (feed.pausedAt !== null) context.onEvent({ kind: 'resumed', feed });
      return { feedId: feed.id, status: 'not_modified' };
    }
    const decoded = decodeDocument(got.bytes, got.contentType);
    const remembered = context.knownItems.get(feed.id);
    const parsed = await parseFeed(decoded.text, got.url, remembered ? { knownGuids: remembered.guids } : {});
    const { known, candidates } = candidatesOf(parsed, feed.id, got.url, remembered);
    const unseen = await unseenCandidates(context, feed.id, candidates, now);
    const normalize = { feedId: feed.id, feedUrl: got.url, lang: feed.lang, now };
    // Identity first (cheap); only items that count as news get their text sanitized and analysed:
    // the back catalogue of a first fetch and items past the age limit are kept for dedupe only.
    const identity = (candidate: Candidate) => ({ id: candidate.id, url: candidate.url, title: candidate.title });
    const marked = markFresh(unseen.map((candidate) => normalizeItem(parsed, candidate.item, normalize, { withText: false, identity: identity(candidate) })), options, firstFetch, now);
    const candidateOf = new Map(unseen.map((candidate) => [candidate.id, candidate]));
    const complete: StoredArticle[] = [];
    for (const light of marked) {
      const candidate = candidateOf.get(light.id);
      const article = light.fresh && candidate ? { ...normalizeItem(parsed, candidate.item, normalize, { identity: identity(candidate) }), firstSeenAt: now, fresh: true } : light;
      complete.push(await withFullText(context, article, options, now));
    }
    const added = await store.insertNewArticles(complete);
    // Every item of this document is now stored or a known duplicate: remember them for the next poll.
    context.knownItems.set(feed.id, {
      guids: new KnownGuids([...parsed.skippedGuids, ...[...known, ...candidates.map((candidate) => candidate.item)].flatMap((item) => item.guid ?? [])]),
      // Items with a guid are recognised by it; only the others need their id remembered.
      ids: new Set(candidates.flatMap((candidate) => (candidate.item.guid ? [] : candidate.id))),
    });
    const hint = Math.max(parsed.updateIntervalMs ?? 0, got.freshnessMs ?? 0) || null;
    await store.recordFetchSuccess(feed.id, {
      at: now,
      title: feed.origin === 'chat' && parsed.title ? htmlToLine(parsed.title) : undefined,
      etag: got.etag,
      lastModified: got.lastModified,
      pollHintMs: hint,
      nextFetchAt: nextPollAfterSuccess({ now, intervalMs: options.pollIntervalMs, hintMs: hint, random: context.random }),
    });
    if (feed.pausedAt !== null) context.onEvent({ kind: 'resumed', feed });
    const warnings = [...decoded.warnings, ...parsed.warnings].map(detached);
    log.debug({ feed: feed.id, items: parsed.items.length, added: added.length, encoding: decoded.encoding, warnings }, 'feed fetched');
    return {
      feedId: feed.id,
      status: 'updated',
      // Results of a whole poll are held until its last feed is done: keep no slice of any document.
      added: added.map(({ id, title, url, publishedAt, fresh }) => ({ id, title: detached(title), url: url === null ? null : detached(url), publishedAt, fresh })),
      title: parsed.title === null ? null : detached(parsed.title),
      warnings,
    };
  } catch (error) {
    const feedError = asFeedError(error, feed.url);
    const failures = feed.failureCount + 1;
    // Only the feed's own faults count towards pausing it; an internal error (database…) does not.
    const paused = feed.pausedAt !== null || (feedError.code !== 'internal' && failures >= context.pauseAfterFailures);
    if (feedError.code === 'internal') log.error({ err: error, feed: feed.id }, 'feed ingestion failed inside Précis');
    else log.warn({ feed: feed.id, url: feed.url, code: feedError.code, failures }, `feed failed: ${feedError.detail}`);
    try {
      await store.recordFetchFailure(feed.id, {
        at: now,
        error: feedError.message,
        pause: paused && feed.pausedAt === null,
        nextFetchAt: nextPollAfterFailure({
          now,
          intervalMs: options.pollIntervalMs,
          failures,
          retryAfterMs: feedError.facts.retryAfterMs ?? null,
          paused,
          random: context.random,
        }),
      });
    } catch (storeError) {
      log.error({ err: storeError, feed: feed.id }, 'could not record the feed failure');
    }
    if (paused && feed.pausedAt === null) context.onEvent({ kind: 'paused', feed, error: feedError });
    return { feedId: feed.id, status: 'failed', error: feedError, paused };
  }
}

/**
 * Ingests several feeds under the context's overall and per-host limits; one feed's failure
 * never stops the others. Results come in the order of `feeds`.
 *
 * @example
 *   const results = await ingestFeeds(context, await store.listFeeds(), Date.now());
 */
export function ingestFeeds(context: IngestContext, feeds: readonly FeedRecord[], now: number): Promise<IngestResult[]> {
  return Promise.all(feeds.map((feed) => context.limiter.run(hostKey(feed.url), () => ingestFeed(context, feed, now))));
}
