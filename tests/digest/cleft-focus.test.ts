import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('a cleft sentence is about the person it puts in focus', () => {
  it('resolves "she" to the cleft focus, not to the object after it', () => {
    const text =
      'After Emma Hart won her first match on Monday, it was Laura Stone who got the ball rolling on Tuesday with a quick victory over Nadia Petrova.\n“Hopefully I have started everyone off well today,” she told reporters afterwards.';
    expect(speakers(text, 'en')).toEqual(['Laura Stone']);
  });

  it('resolves « elle » to the person of « c’est X qui »', () => {
    const text =
      'Après la victoire de Claire Dubois lundi, c’est Julie Moreau qui a lancé la journée mardi avec un succès rapide face à Anna Petrova.\n« J’espère avoir bien lancé tout le monde aujourd’hui », a-t-elle confié après le match.';
    expect(speakers(text, 'fr')).toEqual(['Julie Moreau']);
  });
});
