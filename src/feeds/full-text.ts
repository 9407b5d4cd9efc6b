import type { Logger } from '../logger.ts';
import type { ArticlePageRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { decodeDocument } from './decode-document.ts';
import { asFeedError } from './feed-error.ts';
import { hostKey, type FetchLimiter } from './fetch-limiter.ts';
import { htmlToParagraphs } from './html-text.ts';
import type { HttpFetcher } from './http-fetcher.ts';
import { sanitizeHtml } from './sanitize-html.ts';

/** A failed page is not fetched again before this. */
const RETRY_FAILED_PAGE_MS = 24 * 3_600_000;

/** The main text of an article page. */
export interface PageText {
  title: string | null;
  paragraphs: string[];
  html: string | null;
}

/**
 * Extracts the main text of an HTML page with Readability (on linkedom), sanitized, with
 * relative links made absolute against `url`. Null when the page has no readable article.
 *
 * @example
 *   const text = await extractPageText(html, 'https://example.org/news/1');
 *   text?.paragraphs[0];
 */
export async function extractPageText(html: string, url: string): Promise<PageText | null> {
  // Loaded on first use: most feeds carry full text, and a DOM is heavy to keep in memory for nothing.
  const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  const { document } = parseHTML(html);
  const article = new Readability(document, { charThreshold: 200 }).parse();
  if (!article?.content) return null;
  const paragraphs = htmlToParagraphs(article.content);
  if (!paragraphs.length) return null;
  return { title: article.title?.trim() || null, paragraphs, html: sanitizeHtml(article.content, url) || null };
}

/**
 * Fetches the full text of teaser items: the article page through the same safe fetcher (same
 * address rules, timeouts and size cap) and per-host limits, results cached in the store by
 * URL — failures too, so a broken page is not fetched on every poll.
 *
 * @example
 *   const fullText = new FullTextFetcher({ store, fetcher, limiter, log });
 *   const page = await fullText.get('https://example.org/news/1', Date.now());
 */
export class FullTextFetcher {
  constructor(private readonly context: { store: Store; fetcher: HttpFetcher; limiter: FetchLimiter; log: Logger }) {}

  /** The page's main text (from the cache when there), or null when it cannot be had. */
  async get(url: string, now: number): Promise<PageText | null> {
    const { store, log } = this.context;
    const cached = await store.getArticlePage(url);
    if (cached && (!cached.error || now - cached.fetchedAt < RETRY_FAILED_PAGE_MS)) {
      return cached.error ? null : { title: cached.title, paragraphs: cached.paragraphs, html: cached.html };
    }
    let record: ArticlePageRecord;
    try {
      const page = await this.context.limiter.run(hostKey(url), () => this.context.fetcher.fetch(url, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.3' }));
      const type = page.headers['content-type'] ?? '';
      if (type && !/html|xml/i.test(type)) throw new Error(`not an HTML page (${type})`);
      const text = await extractPageText(decodeDocument(page.chunks, type || null).text, page.url);
      record = text
        ? { url, fetchedAt: now, title: text.title, paragraphs: text.paragraphs, html: text.html, error: null }
        : { url, fetchedAt: now, title: null, paragraphs: [], html: null, error: 'no readable article on the page' };
    } catch (error) {
      const failure = asFeedError(error, url);
      record = { url, fetchedAt: now, title: null, paragraphs: [], html: null, error: `${failure.code}: ${failure.detail}` };
    }
    if (record.error) log.debug({ url, error: record.error }, 'full text unavailable');
    await store.putArticlePage(record);
    return record.error ? null : { title: record.title, paragraphs: record.paragraphs, html: record.html };
  }
}
