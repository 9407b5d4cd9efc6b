import { describe, expect, it, vi } from 'vitest';
import { analyzeStoredArticle } from '../../src/digest/build-digest.ts';
import { DigestCache } from '../../src/delivery/digest-cache.ts';
import { storedArticle } from '../stories/story-fixtures.ts';

vi.mock('../../src/digest/analyze.ts', () => ({
  analyzeArticle: (input: { title: string | null }) => {
    if (input.title === 'Unreadable') throw new RangeError('engine bug');
    return { lang: 'en', title: input.title, summary: ['A sentence.'], quotes: [], figures: [] };
  },
}));

describe('analyzeStoredArticle', () => {
  const unreadable = storedArticle({ id: 'bad', title: 'Unreadable', paragraphs: ['Some text.'], lang: 'fr' });

  it('gives an article the engine fails on a bare reading instead of failing the digest, and reports the error', () => {
    const errors: unknown[] = [];
    expect(analyzeStoredArticle(unreadable, (error) => errors.push(error))).toEqual({ lang: 'fr', title: 'Unreadable', summary: [], quotes: [], figures: [] });
    expect(errors).toEqual([new RangeError('engine bug')]);
  });

  it('keeps reading the other articles of the same batch', () => {
    const errors: string[] = [];
    const cache = new DigestCache({ onAnalysisError: (_error, article) => errors.push(article.id) });
    const readable = storedArticle({ id: 'ok', title: 'Readable', paragraphs: ['Some text.'] });
    const analysed = cache.analyze([unreadable, readable]);
    expect(analysed.map(({ analysis }) => analysis.summary)).toEqual([[], ['A sentence.']]);
    expect(errors).toEqual(['bad']);
  });
});
