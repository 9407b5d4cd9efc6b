import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

describe('analyzeArticle', () => {
  it('returns the stable contract for a French article', () => {
    const analysis = analyzeArticle({
      title: 'Séisme au Népal',
      text: 'Un troisième Français a été tué dans le séisme, a déclaré jeudi le ministre des Affaires étrangères.\n«Pour certains d’entre eux on est très interrogatif», a ajouté Laurent Fabius. Environ 400 Français ont demandé à être rapatriés.',
    });
    expect(analysis.lang).toBe('fr');
    expect(analysis.title).toBe('Séisme au Népal');
    expect(analysis.summary.length).toBeGreaterThanOrEqual(1);
    expect(analysis.quotes).toEqual([
      expect.objectContaining({ text: 'Pour certains d’entre eux on est très interrogatif', speaker: 'Laurent Fabius' }),
    ]);
    expect(analysis.figures).toEqual([expect.objectContaining({ surface: '400 Français', value: 400, unit: 'Français', approximate: true })]);
  });

  it('keeps offsets of quotes and figures into the text', () => {
    const text = 'The storm left 5 million people without power. "We have never seen anything like it," said Mayor Jane Doe.';
    const analysis = analyzeArticle({ title: null, text });
    for (const quote of analysis.quotes) expect(text.slice(quote.start, quote.end)).toBe(quote.text);
    for (const figure of analysis.figures) expect(text.slice(figure.start, figure.end)).toBe(figure.surface);
  });

  it('degrades to generic rules for German and Russian without throwing', () => {
    const german = analyzeArticle({
      title: 'Scholz in Berlin',
      text: '„Wir werden das nicht hinnehmen“, sagte Bundeskanzler Olaf Scholz am Montag in Berlin. Die Inflation lag bei 2,5 Prozent, 10.000 Menschen demonstrierten.',
    });
    expect(german.lang).toBe('de');
    expect(german.quotes.map((q) => q.text)).toEqual(['Wir werden das nicht hinnehmen']);
    expect(german.figures.map((f) => f.value)).toEqual([2.5, 10000]);
    expect(german.summary.length).toBeGreaterThanOrEqual(1);
    const russian = analyzeArticle({
      title: null,
      text: '«Мы не допустим эскалации конфликта», — заявил министр иностранных дел Сергей Лавров. В акции приняли участие 10 000 человек.',
    });
    expect(russian.lang).toBe('ru');
    expect(russian.quotes.map((q) => q.text)).toEqual(['Мы не допустим эскалации конфликта']);
    expect(russian.figures.map((f) => f.value)).toEqual([10000]);
  });

  it('copes with empty and odd input', () => {
    expect(analyzeArticle({ title: null, text: '' })).toMatchObject({ quotes: [], figures: [], summary: [] });
    expect(() => analyzeArticle({ title: '  ', text: '"\n«\n“ unbalanced » " ‘ x' })).not.toThrow();
  });
});
