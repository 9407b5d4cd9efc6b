import type { Figure } from '../digest/analysis.ts';

/**
 * How much a figure tells a reader at a glance: digits beat number words ("10 000 soldats" over
 * "deux pays", which mostly refer back to something), exact beats vague ("des milliers"), and a
 * figure that says what it counts beats a bare number.
 */
function informativeness(figure: Figure): number {
  let score = 0;
  if (figure.vague) score -= 4;
  if (!/\d/.test(figure.surface)) score -= 2;
  if (figure.unit !== null) score += 1;
  return score;
}

/**
 * The `limit` most informative figures of a story, shown in the order the articles give them.
 *
 * @example
 *   chooseKeyFigures(mergedFigures, 3); // [10 000 soldats, 8 000 soldats nord-coréens] before « deux pays »
 */
export function chooseKeyFigures(figures: readonly Figure[], limit: number): Figure[] {
  return figures
    .map((figure, order) => ({ figure, order, score: informativeness(figure) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .sort((a, b) => a.order - b.order)
    .map(({ figure }) => figure);
}
