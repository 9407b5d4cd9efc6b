import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('a pull quote whose words recur in a quotation below', () => {
  it('takes the speaker of the quotation that repeats it, not the next speaker reported', () => {
    const text = [
      'Les riverains ont passé la nuit dehors après l’incendie du hangar.',
      '« Détruire, incendier, cela ne règle jamais rien »',
      'Sur les réseaux sociaux, mardi, Sophie Arnal pensait aux « pompiers épuisés qui vont encore devoir nettoyer toute la rue. Détruire, incendier, cela ne règle jamais rien ni pour personne. »',
      'Mercredi, le maire du quartier Marc Olivier a dénoncé « un nouveau départ de feu devant une école maternelle du quartier ».',
    ].join('\n');
    const found = speakers(text, 'fr');
    expect(found[0]).toBe('Sophie Arnal');
    expect(found.at(-1)).toBe('Marc Olivier');
  });

  it('works for English intertitles', () => {
    const text = [
      'Residents spent the night outside after the warehouse fire.',
      '"Burning things down never helped anyone"',
      'Online on Tuesday, Karen Holt was thinking of "firefighters who will have to clean the whole street again. Burning things down never helped anyone, ever."',
      'On Wednesday, the district mayor Tom Reyes condemned "yet another fire outside a nursery school in the district".',
    ].join('\n');
    expect(speakers(text, 'en')[0]).toBe('Karen Holt');
  });
});
