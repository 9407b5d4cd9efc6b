import { Parser } from 'htmlparser2';

/** One feed in an OPML subscription list. */
export interface OpmlFeed {
  title: string;
  /** The feed's URL (`xmlUrl`). */
  url: string;
  /** The site's URL (`htmlUrl`), if given. */
  siteUrl: string | null;
  /** The folder (parent outline) it was filed under, if any. */
  category: string | null;
}

/**
 * An OPML document that cannot be read; `detail` says why.
 *
 * @example
 *   throw new OpmlError('no <opml> root element');
 */
export class OpmlError extends Error {
  override readonly name = 'OpmlError';
  constructor(readonly detail: string) {
    super(`not a usable OPML file: ${detail}`);
  }
}

/**
 * Reads the feeds of an OPML subscription list (OPML 1.0/2.0 as feed readers export it):
 * every `outline` with an `xmlUrl`, with the title of the folder it sits in. Duplicated URLs are
 * kept once. Pure: no I/O.
 *
 * @example
 *   opmlToFeeds('<opml version="2.0"><body><outline text="Le Monde" xmlUrl="https://www.lemonde.fr/rss/une.xml"/></body></opml>');
 *   // [{ title: 'Le Monde', url: 'https://www.lemonde.fr/rss/une.xml', siteUrl: null, category: null }]
 */
export function opmlToFeeds(opml: string): OpmlFeed[] {
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const folders: (string | null)[] = [];
  const saw = { opml: false, body: false };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = name.toLowerCase();
        if (tag === 'opml') saw.opml = true;
        if (tag === 'body') saw.body = true;
        if (tag !== 'outline') return;
        const attribute = (key: string) => {
          const entry = Object.entries(attributes).find(([candidate]) => candidate.toLowerCase() === key.toLowerCase());
          return entry?.[1].trim() ? entry[1].trim() : null;
        };
        const url = attribute('xmlUrl');
        const title = attribute('title') ?? attribute('text');
        if (url && !seen.has(url)) {
          seen.add(url);
          const category = [...folders].reverse().find((folder) => folder !== null) ?? null;
          feeds.push({ title: title ?? url, url, siteUrl: attribute('htmlUrl'), category });
        }
        folders.push(url ? null : title);
      },
      onclosetag(name) {
        if (name.toLowerCase() === 'outline') folders.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(opml.replace(/^\uFEFF/, ''));
  parser.end();
  if (!saw.opml) throw new OpmlError('no <opml> root element');
  if (!saw.body) throw new OpmlError('no <body> element');
  return feeds;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

/**
 * Writes feeds as an OPML 2.0 subscription list that feed readers import, grouped in folders
 * by category. Pure: pass `now` for the `dateCreated`.
 *
 * @example
 *   feedsToOpml([{ title: 'Le Monde', url: 'https://www.lemonde.fr/rss/une.xml', siteUrl: null, category: null }], { title: 'Précis', now: Date.now() });
 */
export function feedsToOpml(feeds: readonly OpmlFeed[], head: { title: string; now: number }): string {
  const line = (feed: OpmlFeed, indent: string) =>
    `${indent}<outline type="rss" text="${escapeAttribute(feed.title)}" title="${escapeAttribute(feed.title)}" xmlUrl="${escapeAttribute(feed.url)}"${feed.siteUrl ? ` htmlUrl="${escapeAttribute(feed.siteUrl)}"` : ''}/>`;
  const body: string[] = [];
  const categories = [...new Set(feeds.map((feed) => feed.category))];
  for (const category of categories) {
    const members = feeds.filter((feed) => feed.category === category);
    if (category === null) body.push(...members.map((feed) => line(feed, '    ')));
    else body.push(`    <outline text="${escapeAttribute(category)}" title="${escapeAttribute(category)}">`, ...members.map((feed) => line(feed, '      ')), '    </outline>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeAttribute(head.title)}</title>`,
    `    <dateCreated>${new Date(head.now).toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...body,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
