import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/digest/analysis.ts';
import { mergeFigures, sameFigure } from '../../src/stories/merge-figures.ts';

function figure(surface: string, value: number, unit: string | null, extra: Partial<Figure> = {}): Figure {
  return { surface, value, unit, approximate: false, start: 0, end: surface.length, sentence: `About ${surface} here.`, ...extra };
}

describe('mergeFigures', () => {
  it('keeps a figure reported by two articles once, however it is written', () => {
    const merged = mergeFigures([
      [figure('10 000 soldats', 10000, 'soldats')],
      [figure('environ 10.000 soldats nord-coréens', 10000, 'soldats nord-coréens', { approximate: true })],
    ]);
    expect(merged).toEqual([expect.objectContaining({ surface: '10 000 soldats' })]);
  });

  it('treats values within half a percent as one figure ("3,2 milliards" / "3.21bn")', () => {
    expect(sameFigure(figure('3,2 milliards de dollars', 3.2e9, 'dollars'), figure('$3.21bn', 3.21e9, 'dollars'))).toBe(true);
    expect(sameFigure(figure('3,2 milliards de dollars', 3.2e9, 'dollars'), figure('$3.3bn', 3.3e9, 'dollars'))).toBe(false);
  });

  it('prefers the version that says what it counts', () => {
    const merged = mergeFigures([[figure('8 000', 8000, null)], [figure('8 000 soldats', 8000, 'soldats')]]);
    expect(merged).toEqual([expect.objectContaining({ unit: 'soldats' })]);
  });

  it('keeps the same number counting different things, and different ranges, apart', () => {
    const merged = mergeFigures([
      [figure('16 morts', 16, 'morts'), figure('16 blessés', 16, 'blessés')],
      [figure('50 à 100 km', 50, 'km', { valueMax: 100 }), figure('50 à 80 km', 50, 'km', { valueMax: 80 }), figure('50 %', 50, '%')],
    ]);
    expect(merged.map((item) => item.surface)).toEqual(['16 morts', '16 blessés', '50 à 100 km', '50 à 80 km', '50 %']);
  });

  it('merges a figure repeated within one article', () => {
    expect(mergeFigures([[figure('80 blessés', 80, 'blessés'), figure('80 blessés', 80, 'blessés')]])).toHaveLength(1);
  });
});
