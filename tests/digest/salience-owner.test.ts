import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('salience: a sentence about what a person owns', () => {
  it('takes "Berg’s response has been firm" for a sentence about Berg, whom the next pronoun takes up', () => {
    const text =
      'Prime Minister Tom Berg met the envoy on Monday. General Mark Dow has urged the country to lead the mission. Berg’s response has been diplomatic but firm: the crisis is best addressed from a distance. "We know from difficult experience that the best thing we can do is help from here," he said last month.';
    expect(speakers(text, 'en')).toEqual(['Tom Berg']);
  });

  it('leaves the speaker a sentence reports its focus ("Macmillan’s deal …, Sargent said")', () => {
    const text =
      'Macmillan’s deal with Apple allows the company to be the only retailer allowed unlimited discounting, Sargent said in his post. "Irony prospers in the digital age," he added.';
    expect(speakers(text, 'en')).toEqual(['Sargent']);
  });
});
