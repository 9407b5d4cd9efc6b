import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('speakers: reflexive inverted incises', () => {
  it('reads « s’est-il inquiété » and « se serait-elle … » as pronoun incises, like « a-t-il »', () => {
    const reflexive =
      "Sur le financement, Paul Renaud a confirmé que les subventions étaient en baisse. « Venir aujourd'hui remettre en cause ces aides, c'est plus qu'étonnant », s'est-il inquiété.";
    expect(speakers(reflexive, 'fr')).toEqual(['Paul Renaud']);
    const conditional = "Claire Dumas a quitté la réunion. « Je ne resterai pas une minute de plus dans cette salle », se serait-elle exclamée.";
    expect(speakers(conditional, 'fr')).toEqual(['Claire Dumas']);
  });
});
