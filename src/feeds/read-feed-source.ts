import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FeedError } from './feed-error.ts';

/** What a feed fetch returns: the document text, or nothing new (HTTP 304). */
export type FeedSourceResult =
  | { status: 'fetched'; body: string; etag: string | null; lastModified: string | null }
  | { status: 'not_modified' };

export interface ConditionalHeaders {
  etag: string | null;
  lastModified: string | null;
}

/**
 * Reads a feed document from a local `file:` URL (config feeds only) or over HTTP(S).
 *
 * @example
 *   const result = await readFeedSource('file:///app/config/samples/actualites-fr.xml', { etag: null, lastModified: null });
 */
export async function readFeedSource(url: string, conditional: ConditionalHeaders, timeoutMs = 20_000): Promise<FeedSourceResult> {
  if (url.startsWith('file:')) {
    try {
      return { status: 'fetched', body: await readFile(fileURLToPath(url), 'utf8'), etag: null, lastModified: null };
    } catch (error) {
      throw new FeedError('not_found', url, `cannot read file: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5' };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new FeedError(timedOut ? 'timeout' : 'network', url, timedOut ? `no answer within ${timeoutMs} ms` : `network error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 304) return { status: 'not_modified' };
  if (!response.ok) throw new FeedError('http_error', url, `HTTP ${response.status} ${response.statusText}`, { status: response.status });
  return {
    status: 'fetched',
    body: await response.text(),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}
