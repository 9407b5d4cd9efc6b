import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';
import { parseDocument } from '../../src/digest/document.ts';
import { rulesFor } from '../../src/digest/lang/registry.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('attribution cards: "Name, job" / "à franceinfo" under a pull quote', () => {
  it('reads the two lines of a card as text, not as headings', () => {
    const doc = parseDocument('Intro sentence.\nLucie Marchal, directrice du festival\nà franceinfo\nSelon elle, la culture doit tenir bon.', rulesFor('fr'));
    expect(doc.headings.slice(0, 3)).toEqual([false, false, false]);
  });

  it('lets a pronoun after the card take up the person it names', () => {
    const text = [
      'Lucie Marchal a dénoncé jeudi sur franceinfo l’annulation du concert. Elle demande au gouvernement d’« intervenir » rapidement.',
      '« Ce n’est pas un cas isolé. Ces derniers temps, on a pu constater d’autres volontés de faire annuler des concerts »',
      'Lucie Marchal, directrice du festival',
      'à franceinfo',
      'Selon elle, seuls l’État et ses composantes peuvent rétablir la liberté de jouer : « C’est une vraie réduction de la pensée et de la diversité », affirme-t-elle.',
    ].join('\n');
    expect(speakers(text, 'fr').at(-1)).toBe('Lucie Marchal');
  });
});
