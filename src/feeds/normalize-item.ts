import { createHash } from 'node:crypto';
import type { Article } from './article.ts';
import { canonicalUrl } from './canonical-url.ts';
import { detectLanguage } from './detect-language.ts';
import { htmlToLine, htmlToParagraphs } from './html-text.ts';
import { publicationTime } from './parse-date.ts';
import type { ParsedFeed, ParsedItem } from './parsed-feed.ts';
import { sanitizeHtml } from './sanitize-html.ts';
import { UNTITLED } from './title-key.ts';

/** What normalization needs to know beyond the item itself. */
export interface NormalizeContext {
  feedId: string;
  /** The feed's own URL (after redirects), to resolve relative links. */
  feedUrl: string;
  /** The language configured for the feed, which wins over the feed's declaration. */
  lang: string | null;
  /** First-seen time, used when the item has no usable date. */
  now: number;
}

/**
 * "fr-FR" → "fr"; anything that is not a language tag → null.
 *
 * @example
 *   primaryLanguage('en-GB'); // 'en'
 */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const match = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(tag?.trim() ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

/**
 * The stable id of an item in a feed: the same item always gets the same id.
 *
 * @example
 *   articleId('le-monde', 'https://www.lemonde.fr/a.html');
 */
export function articleId(feedId: string, key: string): string {
  return createHash('sha256').update(`${feedId}\u0000${key}`).digest('base64url').slice(0, 22);
}

function isHttp(url: string | null | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}

/**
 * The URL relative links of a feed resolve against: its xml:base (itself resolved against the
 * feed URL), else the feed URL when it is http(s), else the site link the feed declares.
 *
 * @example
 *   linkBase({ base: '/news/', link: null } as ParsedFeed, 'https://ex.org/feed.xml'); // 'https://ex.org/news/'
 */
export function linkBase(feed: Pick<ParsedFeed, 'base' | 'link'>, feedUrl: string): string | null {
  const fallback = isHttp(feedUrl) ? feedUrl : isHttp(feed.link) ? feed.link : null;
  if (feed.base) {
    try {
      const resolved = new URL(feed.base, fallback ?? undefined).href;
      if (isHttp(resolved)) return resolved;
    } catch {
      // an unusable xml:base is ignored
    }
  }
  return fallback;
}

function firstImage(html: string): string | null {
  return /<img\b[^>]*\ssrc="([^"]+)"/i.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
}

/**
 * An item's title as plain text; the start of its body when it has none.
 *
 * @example
 *   itemTitle({ title: '<b>Breaking</b>', contentHtml: null, summaryHtml: null }); // 'Breaking'
 */
export function itemTitle(item: Pick<ParsedItem, 'title' | 'contentHtml' | 'summaryHtml'>): string {
  const title = htmlToLine(item.title ?? '');
  if (title) return title;
  return htmlToParagraphs(item.contentHtml ?? item.summaryHtml ?? '')[0]?.slice(0, 120) || UNTITLED;
}

/**
 * The key that identifies an item within its feed: guid, else canonical URL, else title and date.
 *
 * @example
 *   articleId(feedId, itemKey(item, url, itemTitle(item)));
 */
export function itemKey(item: Pick<ParsedItem, 'guid' | 'date'>, url: string | null, title: string): string {
  return item.guid ?? url ?? `${title}\u0000${item.date ?? ''}`;
}

/**
 * Turns one parsed item into an Article: plain-text title and paragraphs, sanitized HTML,
 * canonical URL (tracking parameters and fragment removed), stable id, language (configured,
 * declared, then detected), publication time (first-seen time when missing or broken), lead image.
 * With `withText: false` only the identity is filled (no body, image or language detection):
 * enough for back-catalogue items, which are stored for dedupe and never shown. `identity`
 * passes an id, URL and title already worked out for this item, so they are not computed twice.
 *
 * @example
 *   const article = normalizeItem(feed, feed.items[0]!, { feedId: 'monde', feedUrl, lang: 'fr', now: Date.now() });
 */
export function normalizeItem(
  feed: ParsedFeed,
  item: ParsedItem,
  context: NormalizeContext,
  options: { withText?: boolean; identity?: { id: string; url: string | null; title: string } } = {},
): Article {
  const withText = options.withText ?? true;
  const base = linkBase(feed, context.feedUrl);
  const url = options.identity ? options.identity.url : canonicalUrl(item.link, base ?? undefined);
  const body = withText ? (item.contentHtml ?? item.summaryHtml ?? '') : '';
  const paragraphs = htmlToParagraphs(body);
  const title = options.identity?.title ?? itemTitle(item);
  const html = body ? sanitizeHtml(body, base) || null : null;
  const declared = context.lang ?? primaryLanguage(item.lang) ?? primaryLanguage(feed.lang);
  const lang = declared ?? (withText ? detectLanguage(`${title}. ${paragraphs.join(' ').slice(0, 800)}`) : null);
  return {
    id: options.identity?.id ?? articleId(context.feedId, itemKey(item, url, title)),
    feedId: context.feedId,
    guid: item.guid,
    url,
    title,
    author: item.author ? htmlToLine(item.author) || null : null,
    publishedAt: publicationTime(item.date, context.now),
    lang,
    paragraphs,
    html,
    imageUrl: withText ? canonicalImage(item.imageUrl ?? (html ? firstImage(html) : null), base) : null,
    categories: [...new Set(item.categories.map((category) => htmlToLine(category)).filter(Boolean))],
  };
}

/** An image URL made absolute; only the fragment is dropped (query strings often select the size). */
function canonicalImage(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim(), base ?? undefined);
    if (!isHttp(url.href)) return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
