import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('a description set in apposition before a name earlier is that name again', () => {
  it('reads "his daughter told" as the daughter named before', () => {
    const text =
      'Mark Doyle died in the fire. He had gone to the game with his daughter, Emma. “I tried to reach him,” his daughter told a local station. The crowd ran. “It was over in seconds.”';
    expect(speakers(text, 'en')).toEqual(['Emma', 'Emma']);
  });

  it('reads « a raconté son fils » as the son named before', () => {
    const text = 'Paul Morel est mort dans l’incendie. Il était venu au match avec son fils, Hugo. « J’ai essayé de le rejoindre », a raconté son fils à une radio locale.';
    expect(speakers(text, 'fr')).toEqual(['Hugo']);
  });

  it('leaves a description with other words alone', () => {
    const text = 'He had gone to the game with his daughter, Emma. “The roof just fell on us,” his neighbour told a local station.';
    expect(speakers(text, 'en')).toEqual(['his neighbour']);
  });
});
