import type { Figure } from '../digest/analysis.ts';
import { storyTokens } from './story-tokens.ts';

/** Two values within this relative distance are one figure written two ways ("3,2 milliards" / "3.2bn"). */
const SAME_VALUE_TOLERANCE = 0.005;

function sameValue(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= SAME_VALUE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function sameRange(a: Figure, b: Figure): boolean {
  if (a.valueMax === undefined || b.valueMax === undefined) return a.valueMax === b.valueMax;
  return sameValue(a.valueMax, b.valueMax);
}

/** Units agree when either is unknown or they share a word ("soldats" / "soldats nord-coréens"). */
function sameUnit(a: Figure, b: Figure): boolean {
  if (a.unit === null || b.unit === null) return true;
  const unitA = storyTokens(a.unit);
  const unitB = new Set(storyTokens(b.unit));
  if (!unitA.length || !unitB.size) return a.unit.trim().toLowerCase() === b.unit.trim().toLowerCase();
  return unitA.some((token) => unitB.has(token));
}

/** Whether two figures report the same quantity: same value (and range) counting the same thing. */
export function sameFigure(a: Figure, b: Figure): boolean {
  return sameValue(a.value, b.value) && sameRange(a, b) && sameUnit(a, b);
}

/**
 * The distinct figures of a story's articles, in order of first appearance (lead article first).
 * A figure reported by several articles, or twice in one, is kept once; a version that says what
 * it counts replaces one that does not.
 *
 * @example
 *   mergeFigures([[{ value: 10000, unit: 'soldats', … }], [{ value: 10000, unit: 'soldats nord-coréens', … }]]);
 *   // one figure: the first
 */
export function mergeFigures(figuresByArticle: readonly (readonly Figure[])[]): Figure[] {
  const merged: Figure[] = [];
  for (const figures of figuresByArticle) {
    for (const figure of figures) {
      const index = merged.findIndex((kept) => sameFigure(kept, figure));
      if (index < 0) merged.push(figure);
      else if (merged[index]!.unit === null && figure.unit !== null) merged[index] = figure;
    }
  }
  return merged;
}
