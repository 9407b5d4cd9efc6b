import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('continuations: a quotation over several paragraphs', () => {
  it('gives paragraphs that open a mark they do not close to the speaker of the quotation before', () => {
    const text = [
      'The Hawks were eliminated on Tuesday night.',
      '"We felt like we were in almost every game this year and we just did not get that goal," defenceman Erik Lund said.',
      '"You take half the overtime losses we had this year, and we are in the playoffs by a few points.',
      '"It is a do league. It is not a what-if league. Waking up tomorrow, that is when you realise it.',
      'The coach said little after the game.',
    ].join('\n');
    expect(speakers(text, 'en')).toEqual(['Erik Lund', 'Erik Lund']);
  });

  it('leaves a closed quotation opening a paragraph to the other rules', () => {
    const text = ['"We will appeal this decision," lawyer Ana Ruiz said.', '"This ruling is wrong and we will say so in court."', 'Her client did not comment.'].join('\n');
    expect(speakers(text, 'en')).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });
});

describe('continuations: a bare quotation paragraph after a source', () => {
  it('takes the owner named by "according to X’s estimates" in the sentence before', () => {
    const text = [
      'The party leads in the northeast and the northwest.',
      'These numbers would translate into 18 seats for the party, according to Brown’s estimates.',
      '"That means the party looks like it is in position to win the majority of seats in the city."',
    ].join('\n');
    expect(speakers(text, 'en')).toEqual(['Brown']);
  });
});
