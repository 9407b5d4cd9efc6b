import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/digest/quote-marks.ts';

function quoted(text: string): string[] {
  return findQuoteSpans(text)
    .filter((span) => span.depth === 0)
    .map((span) => span.segments.map((s) => text.slice(s.start, s.end).trim()).join(' | '));
}

describe('findQuoteSpans', () => {
  it('pairs guillemets, curly, German and straight quotes', () => {
    expect(quoted('Il a dit « oui ». She said “no”. Er sagte „vielleicht“. They said "maybe".')).toEqual(['oui', 'no', 'vielleicht', 'maybe']);
  });

  it('tells apostrophes from single quotes', () => {
    expect(quoted("It wasn't a 'can’t fail' plan, the teachers' union said.")).toEqual(['can’t fail']);
    expect(quoted('Obama’s aides’ view')).toEqual([]);
  });

  it('keeps a quote inside a quote nested', () => {
    const spans = findQuoteSpans('“It was “fake news”, he said,” she recalled.');
    expect(spans.map((s) => s.depth)).toEqual([0, 1]);
  });

  it('continues a quote into the next paragraph that reopens it', () => {
    expect(quoted('"We lost everything.\n"The water took the house," he said.')).toEqual(['We lost everything. | The water took the house,']);
  });

  it('ends an unclosed quote with its paragraph', () => {
    expect(quoted('He said "this never ends\nNext paragraph.')).toEqual(['this never ends']);
  });
});
