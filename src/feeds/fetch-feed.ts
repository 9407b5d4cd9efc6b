import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FeedError } from './feed-error.ts';
import { freshnessMs } from './http-hints.ts';
import type { HttpFetcher } from './http-fetcher.ts';

/** The validators a server gave with the last copy, sent back for a conditional GET. */
export interface ConditionalHeaders {
  etag: string | null;
  lastModified: string | null;
}

/** What a feed fetch returns: the raw document, or nothing new (HTTP 304). */
export type FeedFetch =
  | {
      status: 'fetched';
      /** Final URL after redirects (base for relative links). */
      url: string;
      /** The document's bytes, as they arrived (see decodeDocument). */
      bytes: readonly Buffer[];
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      /** How long the server says the document stays fresh (Cache-Control / Expires), in ms. */
      freshnessMs: number | null;
    }
  | { status: 'not_modified'; freshnessMs: number | null };

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/**
 * Fetches a feed document: over HTTP(S) through the safe fetcher with a conditional GET, or
 * from a local `file:` URL. Only config feeds may be `file:` URLs — pass `allowFiles` for those.
 *
 * @example
 *   const got = await fetchFeed(fetcher, feed.url, { etag: feed.etag, lastModified: feed.lastModified }, { allowFiles: false });
 *   if (got.status === 'not_modified') return;
 */
export async function fetchFeed(fetcher: HttpFetcher, url: string, conditional: ConditionalHeaders, options: { allowFiles: boolean; now?: number }): Promise<FeedFetch> {
  if (url.startsWith('file:')) {
    if (!options.allowFiles) throw new FeedError('unsupported_url', url, 'local files can only be feeds from the config file');
    return { status: 'fetched', url, bytes: [await readLocalFeed(url, fetcher.limits.maxBytes)], contentType: null, etag: null, lastModified: null, freshnessMs: null };
  }
  const headers: Record<string, string> = {};
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  const response = await fetcher.fetch(url, { accept: FEED_ACCEPT, headers });
  const freshness = freshnessMs(response.headers, options.now ?? Date.now());
  if (response.status === 304) return { status: 'not_modified', freshnessMs: freshness };
  return {
    status: 'fetched',
    url: response.url,
    bytes: response.chunks,
    contentType: response.headers['content-type'] ?? null,
    // A 200 without validators clears the old ones, so the next request is not wrongly conditional.
    etag: response.headers.etag ?? null,
    lastModified: response.headers['last-modified'] ?? null,
    freshnessMs: freshness,
  };
}

async function readLocalFeed(url: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(fileURLToPath(url), 'r');
  } catch (error) {
    throw new FeedError('not_found', url, `cannot read file: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new FeedError('too_large', url, `file larger than ${maxBytes} bytes (limit)`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
