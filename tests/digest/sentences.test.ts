import { describe, expect, it } from 'vitest';
import { english } from '../../src/digest/lang/en.ts';
import { french } from '../../src/digest/lang/fr.ts';
import type { LanguageRules } from '../../src/digest/lang/rules.ts';
import { findQuoteSpans } from '../../src/digest/quote-marks.ts';
import { splitSentences } from '../../src/digest/sentences.ts';

function sentences(text: string, rules: LanguageRules): string[] {
  const quotes = findQuoteSpans(text).filter((q) => q.depth === 0);
  return splitSentences(text, quotes, rules).map((s) => s.text);
}

describe('splitSentences', () => {
  it('does not split after French abbreviations and titles', () => {
    expect(sentences('M. Lavrov a rencontré Mme Choe à Moscou. Ils ont parlé de la guerre, des sanctions, etc. La réunion a duré deux heures.', french)).toEqual([
      'M. Lavrov a rencontré Mme Choe à Moscou.',
      'Ils ont parlé de la guerre, des sanctions, etc.',
      'La réunion a duré deux heures.',
    ]);
  });

  it('does not split after English titles, initials, decimals or acronyms inside a sentence', () => {
    expect(sentences('Dr. Smith met President Donald J. Trump in St. Louis. The U.S. Army said 1.5 million people were affected.', english)).toEqual([
      'Dr. Smith met President Donald J. Trump in St. Louis.',
      'The U.S. Army said 1.5 million people were affected.',
    ]);
  });

  it('splits after an acronym when a new sentence clearly starts', () => {
    expect(sentences('The talks ended at 3 p.m. He left without a word.', english)).toEqual(['The talks ended at 3 p.m.', 'He left without a word.']);
  });

  it('keeps an ellipsis in brackets inside its sentence', () => {
    expect(sentences('"Nos relations (...) atteignent un nouveau niveau", a-t-elle dit. Elle est partie.', french)).toEqual([
      '"Nos relations (...) atteignent un nouveau niveau", a-t-elle dit.',
      'Elle est partie.',
    ]);
  });

  it('never cuts a quotation that spans sentences', () => {
    expect(sentences("« Est-ce qu'il y a 20 morts ? Je démens formellement », a précisé le ministre. Il est reparti.", french)).toEqual([
      "« Est-ce qu'il y a 20 morts ? Je démens formellement », a précisé le ministre.",
      'Il est reparti.',
    ]);
  });

  it('keeps character offsets into the original text', () => {
    const text = 'Premier paragraphe.\nDeuxième phrase. Troisième phrase.';
    const split = splitSentences(text, [], french);
    for (const sentence of split) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(split.map((s) => s.paragraph)).toEqual([0, 1, 1]);
  });
});
