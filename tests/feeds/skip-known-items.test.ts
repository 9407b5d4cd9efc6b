import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { KnownGuids } from '../../src/feeds/known-guids.ts';
import { skipKnownItems } from '../../src/feeds/skip-known-items.ts';

const rss = (items: string) => `<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;
const item = (guid: string, body = 'Body') => `<item><title>Title ${guid}</title><guid isPermaLink="false">${guid}</guid><description><![CDATA[<p>${body}</p>]]></description></item>`;

describe('skipKnownItems', () => {
  it('cuts out the items whose guid is known, lists them, and leaves the others untouched', () => {
    const { text, skipped } = skipKnownItems(rss(item('a') + item('b') + item('c')), 'rss', new Set(['a', 'c']));
    expect(skipped).toEqual(['a', 'c']);
    expect(text).toBe(rss(item('b')));
  });

  it('parses to the same new items as a full parse, and says which it left out', async () => {
    const source = rss(item('old-1') + item('new-1', 'Fresh & new') + item('old-2'));
    const full = await parseFeed(source, 'https://ex.org/feed');
    const lean = await parseFeed(source, 'https://ex.org/feed', { knownGuids: new Set(['old-1', 'old-2']) });
    expect(lean.items).toEqual([full.items[1]]);
    expect(lean.skippedGuids).toEqual(['old-1', 'old-2']);
    expect({ ...lean, items: [], skippedGuids: [] }).toEqual({ ...full, items: [] });
  });

  it('cuts Atom entries by id', () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id><title>One</title></entry><entry><id>urn:2</id><title>Two</title></entry></feed>';
    expect(skipKnownItems(atom, 'atom', new Set(['urn:2']))).toEqual({ text: atom.replace('<entry><id>urn:2</id><title>Two</title></entry>', ''), skipped: ['urn:2'] });
  });

  it('gives up (full parse) when the document does not split cleanly into items', () => {
    const tricky = rss(`<item><guid>a</guid><description><![CDATA[ text with </item> inside ]]></description></item>${item('b')}`);
    expect(skipKnownItems(tricky, 'rss', new Set(['a', 'b']))).toEqual({ text: tricky, skipped: [] });
    const commented = rss(`<item><guid>a</guid><!-- </item> --></item>`);
    expect(skipKnownItems(commented, 'rss', new Set(['a'])).skipped).toEqual([]);
    const escaped = rss(`<item><guid>a&amp;b</guid></item>`);
    expect(skipKnownItems(escaped, 'rss', new Set(['a&b'])).skipped).toEqual([]);
    const withSource = '<feed><entry><source><id>urn:feed</id></source><id>urn:1</id></entry></feed>';
    expect(skipKnownItems(withSource, 'atom', new Set(['urn:feed'])).skipped).toEqual([]);
  });
});

describe('KnownGuids', () => {
  it('matches whole guids only, and never across two', () => {
    const known = new KnownGuids(['https://ex.org/a', 'urn:b', 'urn:b']);
    expect(known.size).toBe(2);
    expect([known.has('https://ex.org/a'), known.has('urn:b'), known.has('urn:'), known.has('https://ex.org/'), known.has('a\u0000urn:b')]).toEqual([true, true, false, false, false]);
    expect(new KnownGuids([]).has('')).toBe(false);
    expect(skipKnownItems(rss(item('a') + item('b')), 'rss', known).skipped).toEqual([]);
    expect(skipKnownItems(rss(item('urn:b') + item('c')), 'rss', known).skipped).toEqual(['urn:b']);
  });
});
