/** A feed as parsed, before normalization: the format-independent fields Précis uses. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  link: string | null;
  lang: string | null;
  /** The document's xml:base, when it declares one (base for relative links). */
  base: string | null;
  /** The feed's own hint of how often it changes (`ttl`, `sy:updatePeriod`), in ms. */
  updateIntervalMs: number | null;
  items: ParsedItem[];
  /** Guids of items left out because the caller already knew them (see skipKnownItems). */
  skippedGuids: string[];
  /** Things repaired or ignored on the way (undefined entities, a DOCTYPE…). */
  warnings: string[];
}

/**
 * One item as published, before normalization.
 *
 * @example
 *   const item: ParsedItem = feed.items[0]!;
 *   item.contentHtml ?? item.summaryHtml; // the body, as HTML
 */
export interface ParsedItem {
  guid: string | null;
  link: string | null;
  title: string | null;
  author: string | null;
  /** The raw date string as published. */
  date: string | null;
  /** Full content (HTML), when the feed carries it. */
  contentHtml: string | null;
  /** Summary or description (HTML or text). */
  summaryHtml: string | null;
  imageUrl: string | null;
  categories: string[];
  /** The item's own language (dc:language, JSON Feed `language`), if any. */
  lang: string | null;
}
