import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/feeds/decode-document.ts';
import { FeedError } from '../../src/feeds/feed-error.ts';
import { normalizeItem } from '../../src/feeds/normalize-item.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { fixture } from './paths.ts';

const FEED_URL = 'https://feed.example/path/feed.xml';
const NOW = Date.parse('2024-11-06T12:00:00Z');

async function load(name: string) {
  const feed = await parseFeed(decodeDocument(fixture(name), null).text, FEED_URL);
  const articles = feed.items.map((item) => normalizeItem(feed, item, { feedId: 'f', feedUrl: FEED_URL, lang: null, now: NOW }));
  return { feed, articles };
}

describe('parseFeed on the fixture corpus', () => {
  it('reads RSS 0.91 (a DOCTYPE, no dates, no guids)', async () => {
    const { feed, articles } = await load('rss091.xml');
    expect(feed).toMatchObject({ format: 'rss', title: 'Old School News', lang: 'en-us' });
    expect(articles.map((article) => article.title)).toEqual(['First & foremost', 'Second story']);
    expect(articles[0]).toMatchObject({ url: 'http://oldschool.example/first?id=1', publishedAt: NOW, lang: 'en' });
    expect(articles[1]?.url).toBe('http://oldschool.example/second');
    expect(new Set(articles.map((article) => article.id)).size).toBe(2);
  });

  it('reads RSS 2.0: content:encoded over description, dc:creator, categories, media images, ttl hint', async () => {
    const { feed, articles } = await load('rss2-rich.xml');
    expect(feed.updateIntervalMs).toBe(3_600_000);
    const [first, second, third] = articles;
    expect(first).toMatchObject({
      guid: 'gazette-123',
      title: 'Exclusif : le budget 2025 adopté',
      author: 'Marie Dupont',
      categories: ['Politique', 'Économie'],
      imageUrl: 'https://cdn.gazette.example/budget.jpg',
      lang: 'fr',
      publishedAt: Date.parse('2024-11-05T17:05:00Z'),
      // relative link resolved against the feed URL; utm_*, fbclid, gclid and the fragment dropped
      url: 'https://feed.example/politique/budget-2025?page=2',
    });
    expect(first?.paragraphs[0]).toBe('Le Parlement a adopté le budget par 312 voix contre 220.');
    expect(second).toMatchObject({ imageUrl: 'https://cdn.gazette.example/thumb.png', publishedAt: Date.parse('2024-11-05T07:00:00Z') });
    expect(third).toMatchObject({ imageUrl: 'https://cdn.gazette.example/photo.jpg', publishedAt: NOW });
  });

  it('sanitizes content HTML: no scripts, handlers, styles, iframes or javascript: links; relative URLs made absolute', async () => {
    const { articles } = await load('rss2-rich.xml');
    const html = articles[0]?.html ?? '';
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|iframe|style=|alert/i);
    expect(html).toContain('href="https://feed.example/detail"');
    expect(html).toContain('src="https://feed.example/img/hemicycle.jpg"');
    expect(html).toContain('<p>Fin.</p>');
  });

  it('reads RSS 1.0 (RDF) with dc:date, dc:creator, dc:subject and dc:language', async () => {
    const { feed, articles } = await load('rdf-rss10.xml');
    expect(feed).toMatchObject({ format: 'rdf', title: 'RDF Site', lang: 'de' });
    expect(articles[0]).toMatchObject({ title: 'Erster Artikel', author: 'Hans Muster', categories: ['Technik'], lang: 'de', publishedAt: Date.parse('2024-11-04T09:00:00Z') });
    expect(articles).toHaveLength(2);
  });

  it('reads Atom 0.3 (issued, escaped content)', async () => {
    const { feed, articles } = await load('atom03.xml');
    expect(feed).toMatchObject({ format: 'atom', title: 'Atom Zero Three', lang: 'en' });
    expect(articles[0]).toMatchObject({ title: 'An Atom 0.3 entry', author: 'Ada', url: 'https://atom03.example/entry-1', publishedAt: Date.parse('2024-11-05T11:00:00Z') });
    expect(articles[0]?.paragraphs).toEqual(['Escaped HTML content.']);
  });

  it('reads Atom 1.0: xml:base for relative links, HTML titles as plain text, content over summary, a broken date', async () => {
    const { feed, articles } = await load('atom10-xmlbase.xml');
    expect(feed.base).toBe('https://base.example/blog/');
    expect(articles[0]).toMatchObject({
      title: 'Bold & relative',
      url: 'https://base.example/blog/posts/1',
      categories: ['Science'],
      imageUrl: 'https://base.example/blog/img/a.png',
      lang: 'en',
      publishedAt: Date.parse('2024-11-05T10:00:00Z'),
    });
    expect(articles[0]?.html).toContain('href="https://base.example/about"');
    expect(articles[1]).toMatchObject({ title: 'Broken date entry', url: 'https://base.example/blog/posts/2', publishedAt: NOW, paragraphs: ['Only a summary.'] });
  });

  it('reads JSON Feed 1.1 (content_html, content_text, numeric ids, tags, authors, image)', async () => {
    const { feed, articles } = await load('jsonfeed11.json');
    expect(feed).toMatchObject({ format: 'json', title: 'JSON Side', lang: 'en' });
    expect(articles[0]).toMatchObject({ guid: '1', url: 'https://json.example/one', author: 'Jay', categories: ['alpha', 'beta'], imageUrl: 'https://json.example/one.jpg', paragraphs: ['Hello JSON.'] });
    expect(articles[1]).toMatchObject({ guid: '2', paragraphs: ['Plain text only.', 'Second paragraph.'] });
  });

  it('reads HTML named entities undefined in XML (&eacute;, &rsquo;, &nbsp;) as HTML would', async () => {
    const { feed, articles } = await load('html-entities.xml');
    expect(feed.title).toBe('Café & Crème — &unknownthing;');
    expect(articles[0]?.title).toBe('L’été «\u00a0chaud\u00a0»');
    expect(articles[0]?.paragraphs).toEqual(['Déjà vu']);
    expect(feed.warnings.join(' ')).toMatch(/HTML named entit/);
  });

  it('keeps DOCTYPE entities inert: no billion-laughs expansion, no external entity read', async () => {
    const source = decodeDocument(fixture('billion-laughs.xml'), null).text;
    const feed = await parseFeed(source, FEED_URL);
    expect(feed.title).toBe('Bomb &lol9;');
    expect(feed.items[0]?.title).toBe('Secret: &xxe;');
    expect(JSON.stringify(feed).length).toBeLessThan(2000);
    expect(JSON.stringify(feed)).not.toMatch(/lollol|root:/);
    expect(feed.warnings[0]).toMatch(/DOCTYPE declares entities/);
  });

  it('fails a malformed feed with a FeedError naming the URL, the line and what was wrong', async () => {
    const error = await parseFeed(decodeDocument(fixture('malformed.xml'), null).text, FEED_URL).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ code: 'malformed', url: FEED_URL, facts: { line: 7 } });
    expect((error as FeedError).message).toMatch(/^https:\/\/feed\.example\/path\/feed\.xml: malformed RSS XML: Unexpected close tag \(line 7\)$/);
  });

  it('rejects documents that are not feeds', async () => {
    await expect(parseFeed('<!doctype html><html><body>Hi</body></html>', FEED_URL)).rejects.toMatchObject({ code: 'not_a_feed', detail: 'not a feed: this is an HTML page' });
    await expect(parseFeed('{"hello": "world"}', FEED_URL)).rejects.toMatchObject({ code: 'not_a_feed' });
    await expect(parseFeed('{"version": "https://jsonfeed.org/version/1", "items": [', FEED_URL)).rejects.toMatchObject({ code: 'malformed' });
  });

  it('parses a 3 MB feed (generated) completely', async () => {
    const item = (index: number) =>
      `<item><title>Story ${index}</title><link>https://big.example/${index}</link><guid>big-${index}</guid><pubDate>Tue, 05 Nov 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20)}</p>]]></description></item>`;
    const items: string[] = [];
    let size = 0;
    for (let index = 0; size < 3 * 1024 * 1024; index++) {
      const text = item(index);
      items.push(text);
      size += text.length;
    }
    const feed = await parseFeed(`<rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`, FEED_URL);
    expect(feed.items).toHaveLength(items.length);
    expect(feed.items.at(-1)?.guid).toBe(`big-${items.length - 1}`);
  });
});
