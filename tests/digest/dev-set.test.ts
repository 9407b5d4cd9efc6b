import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';
import { loadEvalSet, scoreFigures, scoreQuotes } from './support/eval-set.ts';

const set = loadEvalSet();
if (!set.articles) console.warn(`dev-set regression skipped: ${set.missing}`);

describe.skipIf(!set.articles)('dev set regression (scored like ../shared/eval/score.py)', () => {
  const totals = { qTp: 0, qFp: 0, qGold: 0, spkOk: 0, spkTotal: 0, fTp: 0, fFp: 0, fGold: 0 };
  for (const article of set.articles ?? []) {
    const analysis = analyzeArticle({ title: article.title, text: article.text });
    const q = scoreQuotes(analysis.quotes, article.labels.quotes);
    const f = scoreFigures(analysis.figures, article.labels);
    totals.qTp += q.tp;
    totals.qFp += q.fp;
    totals.qGold += q.gold;
    totals.spkOk += q.speakerOk;
    totals.spkTotal += q.speakerTotal;
    totals.fTp += f.tp;
    totals.fFp += f.fp;
    totals.fGold += f.gold;
  }

  it('finds the key quotes and only them', () => {
    expect(totals.qTp / totals.qGold).toBeGreaterThanOrEqual(0.97);
    expect(totals.qTp / (totals.qTp + totals.qFp)).toBeGreaterThanOrEqual(0.97);
  });

  it('names their speakers', () => {
    expect(totals.spkOk / totals.spkTotal).toBeGreaterThanOrEqual(0.97);
  });

  it('finds the figures and only them', () => {
    expect(totals.fTp / totals.fGold).toBeGreaterThanOrEqual(0.97);
    expect(totals.fTp / (totals.fTp + totals.fFp)).toBeGreaterThanOrEqual(0.97);
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
