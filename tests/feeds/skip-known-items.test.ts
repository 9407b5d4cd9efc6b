import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { skipKnownItems } from '../../src/feeds/skip-known-items.ts';

const rss = (items: string) => `<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;
const item = (guid: string, body = 'Body') => `<item><title>Title ${guid}</title><guid isPermaLink="false">${guid}</guid><description><![CDATA[<p>${body}</p>]]></description></item>`;

describe('skipKnownItems', () => {
  it('stubs the items whose guid is known and leaves the others untouched', () => {
    const { text, skipped } = skipKnownItems(rss(item('a') + item('b') + item('c')), 'rss', new Set(['a', 'c']));
    expect(skipped).toBe(2);
    expect(text).toBe(rss(`<item><guid isPermaLink="false">a</guid></item>${item('b')}<item><guid isPermaLink="false">c</guid></item>`));
  });

  it('parses to the same new items as a full parse, known ones reduced to their guid', async () => {
    const source = rss(item('old-1') + item('new-1', 'Fresh & new') + item('old-2'));
    const full = await parseFeed(source, 'https://ex.org/feed');
    const lean = await parseFeed(source, 'https://ex.org/feed', { knownGuids: new Set(['old-1', 'old-2']) });
    expect(lean.items.map((parsed) => parsed.guid)).toEqual(['old-1', 'new-1', 'old-2']);
    expect(lean.items[1]).toEqual(full.items[1]);
    expect(lean.items[0]?.title).toBeNull();
  });

  it('stubs Atom entries by id', () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id><title>One</title></entry><entry><id>urn:2</id><title>Two</title></entry></feed>';
    expect(skipKnownItems(atom, 'atom', new Set(['urn:2']))).toEqual({ text: atom.replace('<entry><id>urn:2</id><title>Two</title></entry>', '<entry><id>urn:2</id></entry>'), skipped: 1 });
  });

  it('gives up (full parse) when the document does not split cleanly into items', () => {
    const tricky = rss(`<item><guid>a</guid><description><![CDATA[ text with </item> inside ]]></description></item>${item('b')}`);
    expect(skipKnownItems(tricky, 'rss', new Set(['a', 'b']))).toEqual({ text: tricky, skipped: 0 });
    const commented = rss(`<item><guid>a</guid><!-- </item> --></item>`);
    expect(skipKnownItems(commented, 'rss', new Set(['a'])).skipped).toBe(0);
    const escaped = rss(`<item><guid>a&amp;b</guid></item>`);
    expect(skipKnownItems(escaped, 'rss', new Set(['a&b'])).skipped).toBe(0);
    const withSource = '<feed><entry><source><id>urn:feed</id></source><id>urn:1</id></entry></feed>';
    expect(skipKnownItems(withSource, 'atom', new Set(['urn:feed'])).skipped).toBe(0);
  });
});
