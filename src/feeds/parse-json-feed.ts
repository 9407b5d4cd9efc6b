import { FeedError } from './feed-error.ts';
import type { ParsedFeed, ParsedItem } from './parsed-feed.ts';

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function authorName(item: Record<string, unknown>): string | null {
  const authors = Array.isArray(item.authors) ? item.authors : [];
  return text(record(authors[0]).name) ?? text(record(item.author).name);
}

function imageOf(item: Record<string, unknown>): string | null {
  const fromAttachment = (Array.isArray(item.attachments) ? item.attachments : [])
    .map(record)
    .find((attachment) => text(attachment.mime_type)?.startsWith('image/'));
  return text(item.image) ?? text(item.banner_image) ?? text(fromAttachment?.url);
}

function lineColumn(source: string, message: string): { line?: number } {
  const position = /position (\d+)/.exec(message);
  if (!position?.[1]) return {};
  return { line: source.slice(0, Number(position[1])).split('\n').length };
}

/**
 * Parses a JSON Feed 1.0 or 1.1 document (https://jsonfeed.org/version/1.1). Throws a
 * FeedError for invalid JSON (with the line) or JSON that is not a feed.
 *
 * @example
 *   const feed = parseJsonFeed('{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[]}', url);
 */
export function parseJsonFeed(source: string, url: string): ParsedFeed {
  let document: Record<string, unknown>;
  try {
    document = record(JSON.parse(source));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FeedError('malformed', url, `malformed JSON Feed: ${message}`, lineColumn(source, message));
  }
  const version = text(document.version);
  if (!version?.includes('jsonfeed.org') || !Array.isArray(document.items)) {
    throw new FeedError('not_a_feed', url, 'not a feed: JSON without a jsonfeed.org version and an items list');
  }
  const items = document.items.map(record).map(
    (item): ParsedItem => ({
      guid: text(item.id),
      link: text(item.url) ?? text(item.external_url),
      title: text(item.title),
      author: authorName(item),
      date: text(item.date_published) ?? text(item.date_modified),
      contentHtml: text(item.content_html) ?? (text(item.content_text) ? escapeText(text(item.content_text) ?? '') : null),
      summaryHtml: text(item.summary) ? escapeText(text(item.summary) ?? '') : null,
      imageUrl: imageOf(item),
      categories: Array.isArray(item.tags) ? item.tags.flatMap((tag) => text(tag) ?? []) : [],
      lang: text(item.language),
    }),
  );
  return {
    format: 'json',
    title: text(document.title),
    link: text(document.home_page_url),
    lang: text(document.language),
    base: null,
    updateIntervalMs: null,
    items,
    skippedGuids: [],
    warnings: [],
  };
}

/** JSON Feed's plain-text fields become HTML with one paragraph per blank-line-separated block. */
function escapeText(value: string): string {
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('');
}
