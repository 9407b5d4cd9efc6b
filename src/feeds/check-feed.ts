import { decodeDocument, type EncodingSource } from './decode-document.ts';
import { FeedError } from './feed-error.ts';
import { fetchFeed } from './fetch-feed.ts';
import type { HttpFetcher } from './http-fetcher.ts';
import { normalizeItem } from './normalize-item.ts';
import { parseFeed } from './parse-feed.ts';
import { parseFeedDate } from './parse-date.ts';
import type { ParsedFeed } from './parsed-feed.ts';
import { htmlToLine } from './html-text.ts';

/** One item as Précis sees it. */
export interface CheckedItem {
  title: string;
  url: string | null;
  /** ISO 8601, or null when the feed gives no usable date. */
  published: string | null;
}

/** What Précis sees in a feed: the contract of `precis feeds check --json`. */
export interface FeedCheck {
  url: string;
  /** The URL that finally answered, after redirects. */
  finalUrl: string;
  title: string | null;
  format: ParsedFeed['format'];
  encoding: string;
  encodingSource: EncodingSource;
  lang: string | null;
  /** Items, newest first. */
  items: CheckedItem[];
  warnings: string[];
}

/**
 * Fetches and parses one feed through the same safe path as polling (address rules, limits,
 * decoding, lenient parsing) and reports what Précis sees, with warnings for whatever will
 * degrade the digest (no dates, no links, repaired XML, wrong charsets…). Throws a FeedError
 * when the feed cannot be used. Local files only with `allowFiles` (config feeds, never chats).
 *
 * @example
 *   const check = await checkFeed(fetcher, 'https://www.lemonde.fr/rss/une.xml');
 *   console.log(check.title, check.items.length);
 */
export async function checkFeed(fetcher: HttpFetcher, url: string, options: { allowFiles?: boolean; now?: number } = {}): Promise<FeedCheck> {
  const now = options.now ?? Date.now();
  const got = await fetchFeed(fetcher, url, { etag: null, lastModified: null }, { allowFiles: options.allowFiles ?? false, now });
  if (got.status !== 'fetched') throw new FeedError('http_error', url, 'the server answered 304 Not Modified to an unconditional request', { status: 304 });
  const decoded = decodeDocument(got.bytes, got.contentType);
  const parsed = await parseFeed(decoded.text, got.url);
  const warnings = [...decoded.warnings, ...parsed.warnings];
  if (got.url !== url) warnings.push(`redirected to ${got.url}`);
  if (!parsed.items.length) warnings.push('the feed has no items');
  let undated = 0;
  let unlinked = 0;
  const items = parsed.items.map((item) => {
    const article = normalizeItem(parsed, item, { feedId: 'check', feedUrl: got.url, lang: null, now });
    const date = parseFeedDate(item.date);
    if (date === null) undated++;
    if (!article.url) unlinked++;
    return { title: article.title, url: article.url, published: date === null ? null : new Date(date).toISOString(), sort: article.publishedAt };
  });
  if (undated) warnings.push(`${undated} item${undated === 1 ? ' has' : 's have'} no readable date (the first-seen time will be used)`);
  if (unlinked) warnings.push(`${unlinked} item${unlinked === 1 ? ' has' : 's have'} no link`);
  items.sort((a, b) => b.sort - a.sort);
  return {
    url,
    finalUrl: got.url,
    title: parsed.title ? htmlToLine(parsed.title) || null : null,
    format: parsed.format,
    encoding: decoded.encoding,
    encodingSource: decoded.source,
    lang: parsed.lang,
    items: items.map(({ title, url: link, published }) => ({ title, url: link, published })),
    warnings,
  };
}
