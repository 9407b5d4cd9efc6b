import { createHash } from 'node:crypto';
import type { Article } from './article.ts';
import { canonicalUrl } from './canonical-url.ts';
import { htmlToLine, htmlToParagraphs } from './html-text.ts';
import type { ParsedFeed, ParsedItem } from './parsed-feed.ts';

export interface NormalizeContext {
  feedId: string;
  /** The feed's own URL, to resolve relative links. */
  feedUrl: string;
  /** The language configured for the feed, which wins over the feed's declaration. */
  lang: string | null;
  /** First-seen time, used when the item has no usable date. */
  now: number;
}

/** "fr-FR" → "fr"; anything that is not a language tag → null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const match = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(tag?.trim() ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

function stableId(feedId: string, key: string): string {
  return createHash('sha256').update(`${feedId}\u0000${key}`).digest('base64url').slice(0, 22);
}

function parseDate(raw: string | null, now: number): number {
  if (!raw) return now;
  const time = Date.parse(raw);
  // A date far in the future is a broken feed, not news from tomorrow.
  return Number.isFinite(time) && time <= now + 24 * 3600 * 1000 ? time : now;
}

/**
 * Turns one parsed item into an Article: plain-text title and paragraphs, canonical URL,
 * stable id, publication time (first-seen time when missing or broken).
 *
 * @example
 *   const article = normalizeItem(feed, feed.items[0], { feedId: 'monde', feedUrl, lang: 'fr', now: Date.now() });
 */
export function normalizeItem(feed: ParsedFeed, item: ParsedItem, context: NormalizeContext): Article {
  const base = feed.link && /^https?:/.test(context.feedUrl) ? context.feedUrl : (feed.link ?? undefined);
  const url = canonicalUrl(item.link, base ?? (/^https?:/.test(context.feedUrl) ? context.feedUrl : undefined));
  const title = htmlToLine(item.title ?? '') || (item.summaryHtml ? htmlToLine(item.summaryHtml).slice(0, 120) : '') || '(untitled)';
  const body = item.contentHtml ?? item.summaryHtml ?? '';
  const paragraphs = htmlToParagraphs(body);
  const key = item.guid ?? url ?? `${title}\u0000${item.date ?? ''}`;
  return {
    id: stableId(context.feedId, key),
    feedId: context.feedId,
    guid: item.guid,
    url,
    title,
    author: item.author ? htmlToLine(item.author) || null : null,
    publishedAt: parseDate(item.date, context.now),
    lang: context.lang ?? primaryLanguage(feed.lang),
    paragraphs,
    html: body || null,
    imageUrl: canonicalUrl(item.imageUrl, base),
    categories: item.categories,
  };
}
