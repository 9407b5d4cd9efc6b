/** A feed as parsed, before normalization: the format-independent fields Précis uses. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  link: string | null;
  lang: string | null;
  items: ParsedItem[];
}

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
}
