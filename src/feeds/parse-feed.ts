import Parser from 'rss-parser';
import { FeedError } from './feed-error.ts';
import type { ParsedFeed, ParsedItem } from './parsed-feed.ts';

type CustomItem = {
  'content:encoded'?: string;
  'dc:creator'?: string;
  author?: string;
  summary?: string;
  id?: string;
};
type CustomFeed = { language?: string };

const parser = new Parser<CustomFeed, CustomItem>({
  customFields: { feed: ['language'], item: ['content:encoded', 'dc:creator', 'author', 'summary', 'id'] },
});

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && '_' in value && typeof value._ === 'string') return value._.trim() || null;
  return null;
}

function detectFormat(source: string): ParsedFeed['format'] | null {
  const head = source.slice(0, 4096).replace(/<!--[\s\S]*?-->/g, '');
  if (/^\s*[{[]/.test(head)) return 'json';
  if (/<rss[\s>]/i.test(head)) return 'rss';
  if (/<feed[\s>]/i.test(head)) return 'atom';
  if (/<rdf:RDF[\s>]/i.test(head)) return 'rdf';
  return null;
}

function lineOf(message: string): number | undefined {
  const match = /Line:\s*(\d+)/i.exec(message);
  return match?.[1] ? Number(match[1]) + 1 : undefined;
}

/**
 * Parses a decoded feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into its items.
 * Throws a FeedError naming `url` and what was wrong.
 *
 * @example
 *   const feed = await parseFeed(xmlText, 'https://example.org/rss');
 */
export async function parseFeed(source: string, url: string): Promise<ParsedFeed> {
  const format = detectFormat(source);
  if (!format) throw new FeedError('not_a_feed', url, 'not a feed: no <rss>, <feed> or <rdf:RDF> root and not JSON Feed');
  if (format === 'json') return parseJsonFeed(source, url);
  let output: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    output = await parser.parseString(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = lineOf(message);
    throw new FeedError('malformed', url, `malformed XML: ${message.split('\n')[0] ?? message}`, line ? { line } : {});
  }
  const items: ParsedItem[] = output.items.map((item) => ({
    guid: text(item.guid) ?? text(item.id),
    link: text(item.link),
    title: text(item.title),
    author: text(item['dc:creator']) ?? text(item.creator) ?? text(item.author),
    date: text(item.isoDate) ?? text(item.pubDate),
    contentHtml: text(item['content:encoded']) ?? text(item.content),
    summaryHtml: text(item.summary) ?? text(item.content),
    imageUrl: item.enclosure?.type?.startsWith('image/') ? item.enclosure.url : null,
    categories: (item.categories ?? []).flatMap((category) => text(category) ?? []),
  }));
  return { format, title: text(output.title), link: text(output.link), lang: text(output.language), items };
}

interface JsonFeedItem {
  id?: unknown;
  url?: unknown;
  title?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  summary?: unknown;
  date_published?: unknown;
  image?: unknown;
  tags?: unknown;
  author?: { name?: unknown };
  authors?: { name?: unknown }[];
}

function parseJsonFeed(source: string, url: string): ParsedFeed {
  let document: { version?: unknown; title?: unknown; home_page_url?: unknown; language?: unknown; items?: unknown };
  try {
    document = JSON.parse(source) as typeof document;
  } catch (error) {
    throw new FeedError('malformed', url, `malformed JSON Feed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof document.version !== 'string' || !document.version.includes('jsonfeed.org') || !Array.isArray(document.items)) {
    throw new FeedError('not_a_feed', url, 'not a feed: JSON without a jsonfeed.org version and an items list');
  }
  const items = (document.items as JsonFeedItem[]).map(
    (item): ParsedItem => ({
      guid: text(item.id) ?? (typeof item.id === 'number' ? String(item.id) : null),
      link: text(item.url),
      title: text(item.title),
      author: text(item.authors?.[0]?.name) ?? text(item.author?.name),
      date: text(item.date_published),
      contentHtml: text(item.content_html) ?? text(item.content_text),
      summaryHtml: text(item.summary),
      imageUrl: text(item.image),
      categories: Array.isArray(item.tags) ? item.tags.flatMap((tag) => text(tag) ?? []) : [],
    }),
  );
  return { format: 'json', title: text(document.title), link: text(document.home_page_url), lang: text(document.language), items };
}
