import { describe, expect, it } from 'vitest';
import { cleanFeedText, feedLine, isolateDirection } from '../../src/render/feed-text.ts';
import { safeLinkUrl } from '../../src/render/link-url.ts';
import { truncate } from '../../src/render/truncate.ts';

describe('truncate', () => {
  it('cuts at a word break with an ellipsis, within the limit', () => {
    expect(truncate('A very long headline indeed', 12)).toBe('A very long…');
    expect(truncate('short', 12)).toBe('short');
    expect(truncate('abcdef', 0)).toBe('');
    expect(truncate('abcdef', 1)).toBe('…');
  });

  it('never splits a surrogate pair, an emoji sequence or a letter from its accent', () => {
    for (let max = 1; max <= 30; max++) {
      for (const text of ['ab😀😀😀😀😀😀😀😀😀😀😀😀', '👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦', '🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷🇫🇷', 'e\u0301'.repeat(20), '𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏']) {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        const kept = cut.replace(/…$/, '');
        const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((segment) => segment.segment);
        expect(text.startsWith(kept)).toBe(true);
        // The kept part ends on a grapheme boundary.
        let length = 0;
        for (const grapheme of graphemes) {
          if (length >= kept.length) break;
          length += grapheme.length;
        }
        expect(length).toBe(kept.length);
      }
    }
  });
});

describe('cleanFeedText and feedLine', () => {
  it('removes controls and bidi overrides, repairs lone surrogates, makes one line', () => {
    expect(cleanFeedText('  Breaking:\n\tnews\u0000 \u202eevil\u202c \ud800! ')).toBe('Breaking: news evil \ufffd!');
  });

  it('isolates right-to-left text within the length budget', () => {
    expect(isolateDirection('Hello')).toBe('Hello');
    expect(isolateDirection('שלום')).toBe('\u2068שלום\u2069');
    const line = feedLine('مرحبا بالعالم '.repeat(50), 20);
    expect(line.length).toBeLessThanOrEqual(20);
    expect(line.startsWith('\u2068') && line.endsWith('…\u2069')).toBe(true);
  });

  it('shows a 10,000-character text as cut, reading only what it needs', () => {
    const line = feedLine(`${'word '.repeat(2000)}end`, 300);
    expect(line.length).toBeLessThanOrEqual(300);
    expect(line.endsWith('…')).toBe(true);
    expect(feedLine(`${'x'.repeat(700)}${' '.repeat(9000)}`, 300).endsWith('…')).toBe(true);
  });
});

describe('safeLinkUrl', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['http://example.org', 'http://example.org/'],
    ['https://example.org/a"b<c>', 'https://example.org/a%22b%3Cc%3E'],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['/relative/path', null],
    ['https://user:pass@example.org/', null],
    ['https://example.org/a b', null],
    [`https://example.org/${'x'.repeat(3000)}`, null],
    ['', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(safeLinkUrl(input)).toBe(expected);
  });
});
