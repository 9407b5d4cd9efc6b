import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';
import { loadEvalSet, scoreEvalSet } from './support/eval-set.ts';

const set = loadEvalSet();
if (!set.articles) console.warn(`dev-set regression skipped: ${set.missing}`);

describe.skipIf(!set.articles)('dev set regression (scored like ../shared/eval/score.py)', () => {
  const scores = scoreEvalSet(set.articles ?? []);

  it('finds the key quotes and only them', () => {
    expect(scores.quoteRecall).toBeGreaterThanOrEqual(0.97);
    expect(scores.quotePrecision).toBeGreaterThanOrEqual(0.97);
  });

  it('names their speakers', () => {
    expect(scores.speakerAccuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('finds the figures and only them', () => {
    expect(scores.figureRecall).toBeGreaterThanOrEqual(0.97);
    expect(scores.figurePrecision).toBeGreaterThanOrEqual(0.97);
  });
});

describe.skipIf(!set.seed)('reference article seed-fr.txt', () => {
  const [title = '', ...lines] = (set.seed ?? '').split('\n');
  const analysis = analyzeArticle({ title, text: lines.join('\n').trim() });

  it('is read as French with its title', () => {
    expect(analysis.lang).toBe('fr');
    expect(analysis.title).toBe('La Corée du Nord promet le soutien de la Russie dans le conflit ukrainien !');
  });

  it('attributes the long quote to Choe Son Hui', () => {
    expect(analysis.quotes).toContainEqual(
      expect.objectContaining({
        text: 'Nos relations traditionnelles et historiquement amicales (...) atteignent un nouveau niveau de camaraderie militaire invincible',
        speaker: 'Choe Son Hui',
      }),
    );
  });

  it('leaves the scare quotes out', () => {
    const texts = analysis.quotes.map((q) => q.text);
    expect(texts).not.toContain('grande victoire');
    expect(texts).not.toContain('explosive');
    expect(texts).not.toContain('liens très étroits');
  });

  it('reads the troop figures', () => {
    expect(analysis.figures).toContainEqual(expect.objectContaining({ surface: '10 000 soldats', value: 10000 }));
    expect(analysis.figures).toContainEqual(expect.objectContaining({ surface: '8 000 soldats nord-coréens', value: 8000 }));
  });
});
