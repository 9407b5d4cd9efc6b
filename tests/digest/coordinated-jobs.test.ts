import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('an inverted incise whose description coordinates two jobs before the apposed name', () => {
  it('takes the name after the comma in French', () => {
    const text =
      'Les fraudeurs « risquent selon le règlement une lourde amende et une suspension », précise la responsable de la communication et porte-parole de l’agence régionale de santé, Claire Dumas, interrogée par Le Parisien. La suite.';
    expect(speakers(text, 'fr')).toEqual(['Claire Dumas']);
  });

  it('takes the name after the comma in English', () => {
    const text =
      '"We will publish every figure before the end of the month," said the director of research and head of the statistics office, Jane Holloway, on Monday. More follows.';
    expect(speakers(text, 'en')).toEqual(['Jane Holloway']);
  });

  it('does not take a name that starts a new clause after the comma', () => {
    const text =
      'Le texte « prévoit des sanctions plus lourdes pour les récidivistes », précise la responsable juridique et porte-parole de l’association, Claire Dumas ayant quitté ses fonctions. La suite.';
    expect(speakers(text, 'fr')[0]).not.toBe('Claire Dumas');
  });
});
