import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('a name after its own article takes no job from the words before it', () => {
  it('does not make a plant named after "the experts recommend" an expert', () => {
    const text = [
      'First up, the experts recommend you consider a Boston Fern plant, one of their top choices. "Ferns are easy to grow indoors and clean the air very well," explains Tomas Wrede from Green Homes. It needs some light.',
      'Next up, the experts advise you to opt for another plant: the rubber plant. It is big. "Despite this, it is still an easy plant to care for," the expert explains.',
    ].join('\n');
    expect(speakers(text, 'en')).toEqual(['Tomas Wrede', 'Tomas Wrede']);
  });

  it('does not make a plant named after « les spécialistes conseillent » a specialist', () => {
    const text = [
      'D’abord, les spécialistes conseillent de choisir le Pothos Doré, une plante robuste. « Il pousse partout et supporte très bien l’ombre du salon », explique Lucie Garnier, de la pépinière du village. Il faut l’arroser peu.',
      'Ensuite, les spécialistes proposent une autre plante : le ficus. Il est grand. « Malgré tout, c’est une plante facile à entretenir au quotidien », explique la spécialiste.',
    ].join('\n');
    const found = speakers(text, 'fr');
    expect(found[0]).toBe('Lucie Garnier');
    expect(found[1]).not.toBe('Pothos Doré');
  });

  it('still takes a job written right before the name', () => {
    const text = 'The visit ended early. "We will come back next spring with a full team," said the prime minister Anna Lind.';
    expect(speakers(text, 'en')).toEqual(['Anna Lind']);
  });
});
