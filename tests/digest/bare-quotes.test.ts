import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('a bare quotation with no one reported nearby', () => {
  it('takes the person the sentence just before is about', () => {
    const text = [
      'The tournament opened on Monday under grey skies.',
      'Jack Archer meanwhile wrapped up his win in just over two hours, beating a qualifier in straight sets.',
      '“Having friends do well in the draw is amazing for all of us. We push each other to be better every day.',
      '“It is nice to be around great players like them.”',
    ].join('\n');
    expect(speakers(text, 'en')).toEqual(['Jack Archer']);
  });

  it('works in French', () => {
    const text = [
      'Le tournoi a commencé lundi sous la pluie.',
      'Hugo Lemaire a de son côté remporté son match en moins de deux heures face à un qualifié.',
      '« Voir les autres Français gagner dans le tableau, c’est formidable pour tout le monde. On se pousse les uns les autres. »',
    ].join('\n');
    expect(speakers(text, 'fr')).toEqual(['Hugo Lemaire']);
  });

  it('keeps the last speaker reported nearby first', () => {
    const text = [
      '« Nous avons très bien joué aujourd’hui », a déclaré Léa Martin après le match.',
      'Hugo Lemaire a de son côté remporté son match en moins de deux heures face à un qualifié.',
      '« Il faudra être encore meilleurs au prochain tour contre les têtes de série. »',
    ].join('\n');
    expect(speakers(text, 'fr')).toEqual(['Léa Martin', 'Léa Martin']);
  });
});
