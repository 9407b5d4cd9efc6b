import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/digest/analysis.ts';
import { chooseKeyFigures } from '../../src/stories/key-figures.ts';

function figure(surface: string, extra: Partial<Figure> = {}): Figure {
  return { surface, value: 1, unit: null, approximate: false, start: 0, end: surface.length, sentence: surface, ...extra };
}

describe('chooseKeyFigures', () => {
  const vague = figure('milliers de soldats nord-coréens', { vague: true, approximate: true, unit: 'soldats nord-coréens' });
  const anaphoric = figure('deux pays', { unit: 'pays' });
  const tenThousand = figure('10 000 soldats', { unit: 'soldats', approximate: true, value: 10000 });
  const eightThousand = figure('8 000 soldats nord-coréens', { unit: 'soldats nord-coréens', value: 8000 });
  const bare = figure('393');

  it('prefers figures written with digits and exact over vague and anaphoric ones, in article order', () => {
    expect(chooseKeyFigures([vague, anaphoric, tenThousand, eightThousand], 2)).toEqual([tenThousand, eightThousand]);
  });

  it('prefers a figure that says what it counts over a bare number', () => {
    expect(chooseKeyFigures([bare, eightThousand], 1)).toEqual([eightThousand]);
  });

  it('leaves out number words that refer back to something already counted', () => {
    const both = figure('deux pays', { unit: 'pays', sentence: 'Les liens entre les armées des deux pays sont étroits.' });
    const parties = figure('two parties', { unit: 'parties', sentence: 'The two parties signed.' });
    const counted = figure('deux personnes', { unit: 'personnes', sentence: 'Deux personnes ont été blessées, dont les deux pilotes.' });
    expect(chooseKeyFigures([both, parties, counted], 3)).toEqual([counted]);
  });

  it('returns nothing for a limit of 0 and everything when the limit allows', () => {
    expect(chooseKeyFigures([bare, vague], 0)).toEqual([]);
    expect(chooseKeyFigures([vague, bare], 5)).toEqual([vague, bare]);
  });
});
