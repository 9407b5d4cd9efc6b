import { AddressPolicy } from './address-policy.ts';
import { decodeDocument } from './decode-document.ts';
import { fetchFeed, type ConditionalHeaders } from './fetch-feed.ts';
import { HttpFetcher } from './http-fetcher.ts';

/** What a one-off read returns: the decoded document text, or nothing new (HTTP 304). */
export type FeedSourceResult =
  | { status: 'fetched'; body: string; etag: string | null; lastModified: string | null }
  | { status: 'not_modified' };

/**
 * Reads one document (a feed or a page) for a one-off command such as `precis analyze`: from a
 * local `file:` URL, or over HTTP(S) through the safe fetcher (public addresses only unless
 * PRECIS_ALLOW_PRIVATE_URLS=1; same time and size limits as polling), decoded to text.
 *
 * @example
 *   const result = await readFeedSource('https://example.org/rss', { etag: null, lastModified: null });
 */
export async function readFeedSource(url: string, conditional: ConditionalHeaders, timeoutMs = 20_000): Promise<FeedSourceResult> {
  const allowPrivate = /^(1|true|yes)$/i.test(process.env.PRECIS_ALLOW_PRIVATE_URLS?.trim() ?? '');
  const fetcher = new HttpFetcher({ policy: new AddressPolicy({ allowPrivate, allowCidrs: [] }), limits: { timeoutMs } });
  try {
    const got = await fetchFeed(fetcher, url, conditional, { allowFiles: true });
    if (got.status === 'not_modified') return { status: 'not_modified' };
    return { status: 'fetched', body: decodeDocument(got.bytes, got.contentType).text, etag: got.etag, lastModified: got.lastModified };
  } finally {
    await fetcher.close();
  }
}
