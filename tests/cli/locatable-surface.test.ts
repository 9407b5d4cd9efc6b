import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/digest/analysis.ts';
import { locatableSurface } from '../../src/cli/locatable-surface.ts';

function figureIn(text: string, surface: string, occurrence = 0): Figure {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(surface, start + 1);
  return { surface, value: Number(surface.replace(/\D/g, '')), unit: null, approximate: false, start, end: start + surface.length, sentence: text };
}

describe('locatableSurface', () => {
  it('keeps a surface whose first occurrence is the figure', () => {
    const text = 'Il y a 10 000 soldats en Russie.';
    expect(locatableSurface(text, figureIn(text, '10 000 soldats'), new Set())).toBe('10 000 soldats');
  });

  it('grows a bare number found earlier inside another one by the words after it', () => {
    const text = 'En 2021, 1 élève sur 10 a échoué.';
    expect(locatableSurface(text, figureIn(text, '1', 1), new Set())).toBe('1 élève');
  });

  it('counts the occurrences earlier figures took, as a reader searching in order does', () => {
    const text = 'Marsh made 22 runs. Smith, 22, made 22 more.';
    const taken = new Set<string>();
    expect([0, 1, 2].map((k) => locatableSurface(text, figureIn(text, '22', k), taken))).toEqual(['22', '22', '22']);
    // Out of order, the later figure needs its context.
    expect(locatableSurface(text, figureIn(text, '22', 2), new Set())).toBe('22 more.');
  });
});
