import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/digest/document.ts';
import { keySentences } from '../../src/digest/key-sentences.ts';
import { english } from '../../src/digest/lang/en.ts';
import { french } from '../../src/digest/lang/fr.ts';
import type { LanguageRules } from '../../src/digest/lang/rules.ts';
import { findQuotations } from '../../src/digest/quotes.ts';

function summary(title: string | null, text: string, rules: LanguageRules): string[] {
  const doc = parseDocument(text, rules);
  return keySentences(doc, title, findQuotations(doc));
}

const WIRE = [
  '1 of 4. Authorities monitor the search in the control center in Jakarta December 29, 2014.',
  'JAKARTA (Reuters) - Countries around Asia on Tuesday stepped up the search for an AirAsia plane carrying 162 people that is presumed to have crashed in shallow waters off the Indonesian coast.',
  'The head of the search agency said the search area would be expanded to nearby islands and coastal land.',
  'COULD PLANE HAVE STALLED?',
  '"The lesson that should be learned from MH370 is that you need to move quickly," said an oceanographer at the University of Western Australia.',
  'Around 30 ships and 21 aircraft from five countries would search up to 10,000 square nautical miles on Tuesday, officials said.',
].join('\n');

describe('keySentences', () => {
  it('says what happened: skips the caption before the dateline and strips the dateline', () => {
    const picked = summary('Indonesia expands search for missing AirAsia jet', WIRE, english);
    expect(picked[0]).toMatch(/^Countries around Asia on Tuesday stepped up the search/);
  });

  it('gives one to three sentences in article order, never a heading or a restated quote', () => {
    const picked = summary('Indonesia expands search for missing AirAsia jet', WIRE, english);
    expect(picked.length).toBeGreaterThanOrEqual(1);
    expect(picked.length).toBeLessThanOrEqual(3);
    expect(picked).not.toContain('COULD PLANE HAVE STALLED?');
    expect(picked.some((s) => s.includes('The lesson that should be learned'))).toBe(false);
  });

  it('prefers the sentence that matches the headline when the lead is background', () => {
    const text = [
      "Le canton a connu plusieurs épisodes de pollution de l'eau ces dernières années, notamment dans la Broye.",
      "L'Office fédéral de l'agriculture interdit le chlorothalonil avec effet immédiat et retire les autorisations de vente du fongicide.",
      'Le fongicide est utilisé dans la culture des céréales, des légumes et de la vigne depuis les années 1970.',
    ].join('\n');
    expect(summary('Berne interdit le chlorothalonil avec effet immédiat', text, french)[0]).toMatch(/^L'Office fédéral de l'agriculture interdit/);
  });

  it('does not pick a sentence that is a quote and its attribution', () => {
    const text = [
      '"We dodged a bullet," said Steve Cowan, a spokesman for the Pennsylvania Department of Transportation.',
      'The winter storm that struck much of the eastern United States on Wednesday caused fewer delays than feared.',
      'Travelers and transportation authorities breathed a collective sigh of relief as holiday travel fears failed to materialize.',
    ].join('\n');
    const picked = summary('Pennsylvania transportation spokesman: we dodged a bullet', text, english);
    expect(picked).toHaveLength(1);
    expect(picked[0]).toMatch(/^The winter storm/);
  });

  it('returns nothing for an empty article', () => {
    expect(summary(null, '', french)).toEqual([]);
  });
});
