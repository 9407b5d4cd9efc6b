/**
 * One news item, normalized from whatever feed format it came in.
 *
 * @example
 *   const article: Article = normalizeItem(feed, item, { now });
 *   article.paragraphs.join('\n'); // the plain text the digest engine reads
 */
export interface Article {
  /** Stable id: derived from the feed id and the item's guid (or canonical URL). */
  id: string;
  feedId: string;
  /** The item's own guid as published, or null. */
  guid: string | null;
  /** Canonical URL: tracking parameters and fragment removed; null when the item has no link. */
  url: string | null;
  /** Plain text, no markup. */
  title: string;
  author: string | null;
  /** Publication time in ms since the epoch; the first-seen time when the feed gives none. */
  publishedAt: number;
  /** ISO 639-1 code ('fr', 'en', …) or null when unknown. */
  lang: string | null;
  /** Plain-text body, one entry per paragraph. */
  paragraphs: string[];
  /** Sanitized HTML of the body, or null. */
  html: string | null;
  imageUrl: string | null;
  categories: string[];
}
