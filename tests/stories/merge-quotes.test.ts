import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/digest/analysis.ts';
import { mergeQuotes } from '../../src/stories/merge-quotes.ts';

function quote(text: string, speaker: string | null = null): Quote {
  return { text, speaker, start: 0, end: text.length };
}

describe('mergeQuotes', () => {
  it('keeps a quote carried by two articles once, whatever its punctuation, marks and case', () => {
    const merged = mergeQuotes([
      [quote('Nos relations traditionnelles atteignent un nouveau niveau de camaraderie militaire invincible', 'Choe Son Hui')],
      [quote('« nos relations traditionnelles atteignent un nouveau niveau de camaraderie militaire invincible ! »', 'Choe Son Hui')],
    ]);
    expect(merged).toHaveLength(1);
  });

  it('keeps the most complete form of a cut quote, and the fullest speaker name', () => {
    const full = 'Nos relations traditionnelles et historiquement amicales (...) atteignent un nouveau niveau de camaraderie militaire invincible';
    const merged = mergeQuotes([
      [quote('atteignent un nouveau niveau de camaraderie militaire invincible', 'Choe')],
      [quote(full, 'Choe Son Hui')],
      [quote('Nos relations traditionnelles et historiquement amicales… atteignent un nouveau niveau', null)],
    ]);
    expect(merged).toEqual([expect.objectContaining({ text: full, speaker: 'Choe Son Hui' })]);
  });

  it('takes a speaker from another article when the first did not name one', () => {
    const merged = mergeQuotes([[quote('The risk to others is considered extremely low')], [quote('The risk to others is considered extremely low.', 'the Scottish government')]]);
    expect(merged).toEqual([expect.objectContaining({ speaker: 'the Scottish government' })]);
  });

  it('does not let a different speaker replace the first one for the same words', () => {
    const merged = mergeQuotes([[quote('We will not back down', 'Ann Lee')], [quote('We will not back down', 'Bob Stone')]]);
    expect(merged).toEqual([expect.objectContaining({ speaker: 'Ann Lee' })]);
  });

  it('keeps different quotes, short ones too, in order of first appearance', () => {
    const merged = mergeQuotes([
      [quote('We will win this war', 'A'), quote('Never', 'B')],
      [quote('We will lose nothing', 'C'), quote('Never again', 'D'), quote('We will win this war', 'A')],
    ]);
    expect(merged.map((item) => item.text)).toEqual(['We will win this war', 'Never', 'We will lose nothing', 'Never again']);
  });

  it('drops quotes with no words and handles no quotes at all', () => {
    expect(mergeQuotes([[quote('…'), quote('« »')]])).toEqual([]);
    expect(mergeQuotes([])).toEqual([]);
  });
});
