import { describe, expect, it } from 'vitest';
import { compileItemFilter } from '../../../src/delivery/filters/item-filter.ts';
import { articleMatchText, compileTerms, matchesTerm, parseTermList } from '../../../src/delivery/filters/keyword-terms.ts';
import { storedArticle } from '../support/delivery-fixture.ts';

const article = (title: string, paragraphs: string[] = [], lang: string | null = 'fr') => storedArticle(title, 0, { paragraphs, lang });
const filter = (settings: { include?: string[]; exclude?: string[]; languages?: string[] }) =>
  compileItemFilter({ include: [], exclude: [], languages: [], ...settings }, () => null);

describe('keyword filters', () => {
  it('match whole words and phrases, ignoring case and accents', () => {
    const text = articleMatchText(article('Élection présidentielle : le débat télévisé', ['La Coupe du Monde commence jeudi.']));
    const [election, coupe, elect, monde] = compileTerms(['election', 'coupe du monde', 'elect', 'MONDE']);
    expect(matchesTerm(text, election!)).toBe(true);
    expect(matchesTerm(text, coupe!)).toBe(true);
    expect(matchesTerm(text, elect!)).toBe(false);
    expect(matchesTerm(text, monde!)).toBe(true);
  });

  it('match word prefixes with a trailing *', () => {
    const text = articleMatchText(article('Les climatologues alertent'));
    expect(matchesTerm(text, compileTerms(['climat*'])[0]!)).toBe(true);
    expect(matchesTerm(text, compileTerms(['limat*'])[0]!)).toBe(false);
  });

  it('exclude wins, include needs one match, and say which rule decided', () => {
    const sport = article('Le PSG gagne la coupe', ['Un match de football intense.']);
    const climate = article('Le climat se réchauffe', ['Les glaciers fondent.']);
    expect(filter({ exclude: ['football'] }).verdict(sport)).toEqual({ kept: false, rule: { kind: 'exclude', term: 'football' } });
    expect(filter({ include: ['climat', 'énergie'] }).verdict(sport)).toEqual({ kept: false, rule: { kind: 'include', terms: ['climat', 'énergie'] } });
    expect(filter({ include: ['climat', 'énergie'] }).verdict(climate)).toEqual({ kept: true, matched: 'climat' });
    expect(filter({ include: ['climat'], exclude: ['glaciers'] }).verdict(climate)).toEqual({ kept: false, rule: { kind: 'exclude', term: 'glaciers' } });
  });

  it('filter by language; unknown language passes', () => {
    const only = filter({ languages: ['en'] });
    expect(only.verdict(article('Bonjour', [], 'fr'))).toEqual({ kept: false, rule: { kind: 'language', lang: 'fr', allowed: ['en'] } });
    expect(only.verdict(article('Hello', [], 'en'))).toEqual({ kept: true, matched: null });
    expect(only.verdict(article('Hello', [], 'en-gb'))).toEqual({ kept: true, matched: null });
    expect(only.verdict(article('???', [], null))).toEqual({ kept: true, matched: null });
  });

  it('runs in linear time on hostile input', () => {
    const huge = article('a'.repeat(50_000), ['a '.repeat(100_000)]);
    const terms = Array.from({ length: 50 }, (_, index) => `${'a'.repeat(99)}${index}`);
    const started = performance.now();
    expect(filter({ include: terms }).verdict(huge).kept).toBe(false);
    // Generous bound: a backtracking engine on this input would take minutes, not milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('parseTermList', () => {
  it('splits on spaces, or on commas when there are commas or quotes', () => {
    expect(parseTermList('climat énergie')).toEqual(['climat', 'énergie']);
    expect(parseTermList('sport, "coupe du monde"')).toEqual(['sport', 'coupe du monde']);
    expect(parseTermList('carbon tax, climate')).toEqual(['carbon tax', 'climate']);
    expect(parseTermList('« taxe carbone », climat')).toEqual(['taxe carbone', 'climat']);
  });

  it('refuses empty and oversized terms', () => {
    expect(() => parseTermList('  ')).toThrow(expect.objectContaining({ problem: 'empty' }) as Error);
    expect(() => parseTermList('x'.repeat(101))).toThrow(expect.objectContaining({ problem: 'too_long' }) as Error);
  });
});
