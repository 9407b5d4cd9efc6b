import { createRequire } from 'node:module';
import Parser from 'rss-parser';
import { FeedError } from './feed-error.ts';
import type { GuidLookup } from './known-guids.ts';
import { parseJsonFeed } from './parse-json-feed.ts';
import type { ParsedFeed, ParsedItem } from './parsed-feed.ts';
import { repairXml } from './repair-xml.ts';
import { skipKnownItems } from './skip-known-items.ts';

type XmlValue = unknown;
type CustomItem = Record<string, XmlValue>;
type CustomFeed = Record<string, XmlValue>;

const parser = new Parser<CustomFeed, CustomItem>({
  // A feed without a version attribute (`<rss>`) is read as RSS 2.0 rather than refused.
  defaultRSS: 2,
  customFields: {
    feed: ['language', 'dc:language', 'ttl', 'sy:updatePeriod', 'sy:updateFrequency', 'subtitle'],
    item: [
      'content:encoded',
      'dc:creator',
      'dc:language',
      'author',
      'summary',
      'id',
      'published',
      'updated',
      'issued',
      'modified',
      'created',
      'description',
      ['media:content', 'mediaContent', { keepArray: true }],
      ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
      ['media:group', 'mediaGroup', { keepArray: true }],
      ['link', 'links', { keepArray: true }],
      ['category', 'categoryElements', { keepArray: true }],
      ['dc:subject', 'subjects', { keepArray: true }],
    ],
  },
});

// rss-parser also derives a plain-text snippet and an ISO date for every item; Précis reads
// neither (it makes its own text and parses dates leniently), and they cost a fifth of parsing.
const rssParserUtils = createRequire(import.meta.url)('rss-parser/lib/utils.js') as { getSnippet: (html: string) => string };
rssParserUtils.getSnippet = () => '';
(parser as unknown as { setISODate: (item: unknown) => void }).setISODate = () => undefined;

// rss-parser throws on an Atom entry whose date is unreadable, losing the whole feed; we read
// dates ourselves, so retry such an entry without its dates.
const atomItems = parser as unknown as { parseItemAtom: (entry: Record<string, unknown>) => unknown };
const parseItemAtom = atomItems.parseItemAtom.bind(parser);
atomItems.parseItemAtom = (entry) => {
  try {
    return parseItemAtom(entry);
  } catch {
    return parseItemAtom({ ...entry, published: undefined, updated: undefined });
  }
};

/** Text of an xml2js value: a string, `{ _: text }`, or the first of a list of either. */
function text(value: XmlValue): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? text(value[0]) : null;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record._ === 'string') return record._.trim() || null;
    const name = record.name;
    if (name !== undefined) return text(name);
  }
  return null;
}

function attribute(value: XmlValue, name: string): string | null {
  if (!value || typeof value !== 'object') return null;
  const attributes = (value as { $?: Record<string, unknown> }).$;
  const found = attributes?.[name];
  return typeof found === 'string' && found.trim() ? found.trim() : null;
}

function list(value: XmlValue): XmlValue[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** The first image among media:content, media:thumbnail (also inside media:group) and enclosures. */
function imageOf(item: CustomItem & { enclosure?: { url?: string; type?: string } }): string | null {
  const groups = list(item.mediaGroup).flatMap((group) =>
    group && typeof group === 'object' ? [...list((group as CustomItem)['media:content']), ...list((group as CustomItem)['media:thumbnail'])] : [],
  );
  for (const media of [...list(item.mediaContent), ...groups]) {
    const url = attribute(media, 'url');
    const medium = attribute(media, 'medium');
    const type = attribute(media, 'type');
    if (url && (medium === 'image' || type?.startsWith('image/') || (!medium && !type && /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(url)))) return url;
  }
  for (const thumbnail of list(item.mediaThumbnail)) {
    const url = attribute(thumbnail, 'url');
    if (url) return url;
  }
  if (item.enclosure?.url && (item.enclosure.type?.startsWith('image/') ?? /\.(jpe?g|png|gif|webp)(\?|$)/i.test(item.enclosure.url))) return item.enclosure.url;
  return null;
}

/** Atom entries: the `alternate` link (or the first without rel), as href. */
function atomLink(item: CustomItem): string | null {
  const links = list(item.links);
  const alternate = links.find((link) => attribute(link, 'rel') === 'alternate') ?? links.find((link) => !attribute(link, 'rel'));
  return attribute(alternate, 'href');
}

/** An RSS guid is the item's link unless marked isPermaLink="false". */
function permalinkGuid(item: CustomItem): string | null {
  const guid = text(item.guid);
  return guid && /^https?:\/\//i.test(guid) ? guid : null;
}

function categoriesOf(item: CustomItem): string[] {
  const out = [...list(item.categoryElements), ...list(item.subjects)].flatMap((category) => text(category) ?? attribute(category, 'term') ?? []);
  return [...new Set(out)];
}

const PERIOD_MS: Record<string, number> = { hourly: 3_600_000, daily: 86_400_000, weekly: 604_800_000, monthly: 2_592_000_000, yearly: 31_536_000_000 };

/** `ttl` (minutes) or `sy:updatePeriod` / `sy:updateFrequency`, in ms. */
function updateInterval(feed: CustomFeed): number | null {
  const ttl = Number(text(feed.ttl));
  if (Number.isFinite(ttl) && ttl > 0) return ttl * 60_000;
  const period = PERIOD_MS[text(feed['sy:updatePeriod'])?.toLowerCase() ?? ''];
  if (!period) return null;
  const frequency = Number(text(feed['sy:updateFrequency']) ?? 1);
  return period / (Number.isFinite(frequency) && frequency > 0 ? frequency : 1);
}

/**
 * What kind of document this is, from its first element (comments, prolog and DOCTYPE skipped).
 *
 * @example
 *   detectFormat('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'); // 'atom'
 */
export function detectFormat(source: string): ParsedFeed['format'] | null {
  const head = source.slice(0, 8192).replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, '');
  if (/^\s*[{[]/.test(head)) return 'json';
  const root = /<([A-Za-z][\w:.-]*)/.exec(head)?.[1]?.toLowerCase();
  if (root === 'rss') return 'rss';
  if (root === 'feed') return 'atom';
  if (root === 'rdf:rdf') return 'rdf';
  return null;
}

function lineOf(message: string): number | undefined {
  const match = /Line:\s*(\d+)/i.exec(message);
  return match?.[1] ? Number(match[1]) + 1 : undefined;
}

function xmlBase(source: string): string | null {
  const root = /<(?:feed|rss|rdf:RDF|channel)\b[^>]*?\sxml:base\s*=\s*["']([^"']+)["']/i.exec(source.slice(0, 8192));
  return root?.[1] ?? null;
}

/**
 * Parses a decoded feed document (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0 through rss-parser,
 * JSON Feed 1.0/1.1) into format-independent items. HTML entities undefined in XML are read as
 * HTML and DOCTYPE entities are never expanded (see repairXml). Items whose guid is in
 * `knownGuids` are left out and listed in `skippedGuids` (see skipKnownItems). Throws a
 * FeedError naming `url`, the line when known, and what was wrong.
 *
 * @example
 *   const feed = await parseFeed(decoded.text, 'https://example.org/rss');
 *   feed.items.length;
 */
export async function parseFeed(source: string, url: string, options: { knownGuids?: GuidLookup } = {}): Promise<ParsedFeed> {
  const format = detectFormat(source);
  if (!format) {
    const looksHtml = /<html[\s>]/i.test(source.slice(0, 4096));
    throw new FeedError('not_a_feed', url, looksHtml ? 'not a feed: this is an HTML page' : 'not a feed: no <rss>, <feed> or <rdf:RDF> root and not a JSON Feed');
  }
  if (format === 'json') return parseJsonFeed(source, url);
  const repaired = repairXml(source);
  const lean = options.knownGuids ? skipKnownItems(repaired.text, format, options.knownGuids) : { text: repaired.text, skipped: [] };
  let output: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    output = await parser.parseString(lean.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = lineOf(message);
    const what = (message.split('\n')[0] ?? message).replace(/\.$/, '');
    throw new FeedError('malformed', url, `malformed ${format === 'atom' ? 'Atom' : 'RSS'} XML: ${what}`, line ? { line } : {});
  }
  const items: ParsedItem[] = output.items.map((raw) => {
    const item = raw;
    const content = text(item['content:encoded']) ?? (format === 'atom' ? text(item.content) : null);
    const summary = format === 'atom' ? text(item.summary) : (text(item.description) ?? text(item.content));
    return {
      guid: text(item.guid) ?? text(item.id) ?? attribute(raw, 'rdf:about') ?? text(item['rdf:about']),
      link: format === 'atom' ? (atomLink(item) ?? text(item.link)) : (text(item.link) ?? permalinkGuid(raw)),
      title: text(item.title),
      author: text(item['dc:creator']) ?? text(item.creator) ?? text(item.author),
      date: text(item.published) ?? text(item.issued) ?? text(item.pubDate) ?? text(item['dc:date']) ?? text(item.updated) ?? text(item.modified) ?? text(item.created),
      contentHtml: content,
      summaryHtml: summary && summary !== content ? summary : null,
      imageUrl: imageOf(item),
      categories: categoriesOf(item),
      lang: text(item['dc:language']),
    };
  });
  const feed = output;
  return {
    format,
    title: text(feed.title),
    link: text(feed.link),
    lang: text(feed.language) ?? text(feed['dc:language']) ?? (/<\w+[^>]*\sxml:lang\s*=\s*["']([^"']+)["']/.exec(repaired.text.slice(0, 4096))?.[1] ?? null),
    base: xmlBase(repaired.text),
    updateIntervalMs: updateInterval(feed),
    items,
    skippedGuids: lean.skipped,
    warnings: repaired.warnings,
  };
}
