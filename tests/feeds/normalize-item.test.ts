import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/feeds/canonical-url.ts';
import { detectLanguage } from '../../src/feeds/detect-language.ts';
import { htmlToParagraphs, wordCount } from '../../src/feeds/html-text.ts';
import { normalizeItem } from '../../src/feeds/normalize-item.ts';
import type { ParsedFeed, ParsedItem } from '../../src/feeds/parsed-feed.ts';
import { sanitizeHtml } from '../../src/feeds/sanitize-html.ts';

const feed: ParsedFeed = { format: 'rss', title: 'T', link: 'https://site.example/', lang: null, base: null, updateIntervalMs: null, items: [], skippedGuids: [], warnings: [] };
const item = (overrides: Partial<ParsedItem>): ParsedItem => ({
  guid: null, link: null, title: null, author: null, date: null, contentHtml: null, summaryHtml: null, imageUrl: null, categories: [], lang: null, ...overrides,
});
const context = { feedId: 'feed-a', feedUrl: 'https://site.example/rss', lang: null, now: Date.parse('2024-11-06T12:00:00Z') };

describe('canonicalUrl', () => {
  it('drops tracking parameters and the fragment, keeps the rest', () => {
    expect(canonicalUrl('https://ex.org/a?id=3&utm_source=rss&utm_medium=x&fbclid=1&gclid=2&msclkid=3#top')).toBe('https://ex.org/a?id=3');
    expect(canonicalUrl('/b?utm_campaign=z', 'https://ex.org/feed')).toBe('https://ex.org/b');
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('  ')).toBeNull();
  });
});

describe('sanitizeHtml', () => {
  it('keeps an allow-list of tags and attributes and nothing else', () => {
    const dirty =
      '<div><p onclick="x()" style="color:red" class="c">Text <a href="javascript:alert(1)" onmouseover="y()">bad</a> <a href="data:text/html,evil">data</a> <a href="/ok" target="_blank">ok</a></p>' +
      '<script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe><form><input></form><svg onload="z()"><circle/></svg>' +
      '<img src="x.png" onerror="w()"><img src="javascript:alert(3)"><object data="f.swf"></object><blockquote>Quote</blockquote></div>';
    const clean = sanitizeHtml(dirty, 'https://site.example/news/');
    expect(clean).not.toMatch(/onclick|onmouseover|onerror|onload|style|class=|script|alert|iframe|<form|<input|<svg|<object|javascript:|data:|target=/i);
    expect(clean).toContain('<a rel="noopener noreferrer nofollow" href="https://site.example/ok">ok</a>');
    expect(clean).toContain('<img src="https://site.example/news/x.png" />');
    expect(clean).toContain('<blockquote>Quote</blockquote>');
  });
});

describe('htmlToParagraphs', () => {
  it('splits on block elements, decodes entities, drops scripts', () => {
    expect(htmlToParagraphs('<p>One &amp; two</p><script>bad()</script><div>Three<br>Four</div>')).toEqual(['One & two', 'Three', 'Four']);
    expect(wordCount(['Two words', 'and l’autre-chose 3'])).toBe(5);
  });
});

describe('detectLanguage', () => {
  it('tells French from English and refuses to guess on a few characters', () => {
    expect(detectLanguage('Le gouvernement a annoncé mardi une hausse des impôts locaux pour les ménages les plus aisés.')).toBe('fr');
    expect(detectLanguage('The government announced on Tuesday a rise in local taxes for the wealthiest households.')).toBe('en');
    expect(detectLanguage('OK')).toBeNull();
  });
});

describe('normalizeItem', () => {
  it('gives the same stable id to the same item, and different ids in different feeds', () => {
    const one = normalizeItem(feed, item({ guid: 'g-1', title: 'A' }), context);
    expect(normalizeItem(feed, item({ guid: 'g-1', title: 'A changed' }), context).id).toBe(one.id);
    expect(normalizeItem(feed, item({ guid: 'g-1', title: 'A' }), { ...context, feedId: 'feed-b' }).id).not.toBe(one.id);
  });

  it('language: configured, then the item, then the feed, then detected', () => {
    const body = '<p>Le gouvernement a annoncé mardi une hausse des impôts locaux pour les ménages les plus aisés.</p>';
    expect(normalizeItem(feed, item({ contentHtml: body }), context).lang).toBe('fr');
    expect(normalizeItem({ ...feed, lang: 'en-US' }, item({ contentHtml: body }), context).lang).toBe('en');
    expect(normalizeItem({ ...feed, lang: 'en-US' }, item({ contentHtml: body, lang: 'de' }), context).lang).toBe('de');
    expect(normalizeItem(feed, item({ contentHtml: body, lang: 'de' }), { ...context, lang: 'it' }).lang).toBe('it');
  });

  it('takes the first image of the content as lead image when the feed names none', () => {
    const article = normalizeItem(feed, item({ contentHtml: '<p>x</p><img src="/a.jpg?w=800#x">' }), context);
    expect(article.imageUrl).toBe('https://site.example/a.jpg?w=800');
  });

  it('uses the start of the body as title when the item has none', () => {
    expect(normalizeItem(feed, item({ summaryHtml: '<p>Only a body here.</p>' }), context).title).toBe('Only a body here.');
    expect(normalizeItem(feed, item({}), context).title).toBe('(untitled)');
  });
});

describe('normalizeItem without text (back catalogue)', () => {
  it('keeps the identity (same id, title, URL, date) and skips body, image and language detection', () => {
    const parsed = item({ guid: 'g', title: 'Title', link: '/a', date: '2024-11-05T10:00:00Z', contentHtml: '<p>Le gouvernement a annoncé mardi une hausse des impôts.</p><img src="/i.jpg">' });
    const full = normalizeItem(feed, parsed, context);
    const light = normalizeItem(feed, parsed, context, { withText: false });
    expect(light).toMatchObject({ id: full.id, title: 'Title', url: full.url, publishedAt: full.publishedAt, paragraphs: [], html: null, imageUrl: null, lang: null });
  });

  it('titles an item without title from its text, in both modes, so ids agree', () => {
    const parsed = item({ contentHtml: '<p>Only text.</p>' });
    expect(normalizeItem(feed, parsed, context, { withText: false })).toMatchObject({ title: 'Only text.', id: normalizeItem(feed, parsed, context).id });
  });
});
