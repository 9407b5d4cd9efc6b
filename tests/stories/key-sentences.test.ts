import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/digest/analysis.ts';
import { chooseKeySentences } from '../../src/stories/key-sentences.ts';

function quote(text: string): Quote {
  return { text, speaker: 'Someone', start: 0, end: text.length };
}

describe('chooseKeySentences', () => {
  const shown = [quote('All possible contacts with the patient are now being investigated')];

  it('skips a sentence that only restates a quote already shown', () => {
    const chosen = chooseKeySentences(
      [['"All possible contacts with the patient are now being investigated," the government said.', 'The patient is being treated in isolation in Glasgow.']],
      shown,
      'Ebola case in Scotland',
      2,
    );
    expect(chosen).toEqual(['The patient is being treated in isolation in Glasgow.']);
  });

  it('keeps a sentence that quotes a few words but says more', () => {
    const sentence = 'The government said "all possible contacts" were being traced after the aid worker flew home from Sierra Leone via Casablanca and London.';
    expect(chooseKeySentences([[sentence]], shown, 'Ebola case in Scotland', 2)).toEqual([sentence]);
  });

  it('skips the headline repeated and the same sentence from a second copy of the story', () => {
    const chosen = chooseKeySentences(
      [
        ['Healthcare worker in Scotland diagnosed with Ebola.', 'A healthcare worker has been diagnosed with Ebola a day after flying home to Glasgow.'],
        ['A healthcare worker has been diagnosed with Ebola, a day after flying home to Glasgow.', 'She will be moved to the Royal Free hospital in London.'],
      ],
      [],
      'Healthcare worker in Scotland diagnosed with Ebola',
      3,
    );
    expect(chosen).toEqual(['A healthcare worker has been diagnosed with Ebola a day after flying home to Glasgow.', 'She will be moved to the Royal Free hospital in London.']);
  });

  it('stops at the limit, lead article first', () => {
    expect(chooseKeySentences([['One fact here.', 'Another fact there.'], ['A third fact.']], [], 'Title', 1)).toEqual(['One fact here.']);
    expect(chooseKeySentences([['One fact here.']], [], 'Title', 0)).toEqual([]);
  });
});
