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

/** Definite words before a number word that point back to something already counted (« les deux pays », "the two parties"); before a number, « des » and « aux » are always « de les », « à les ». */
const ANAPHORIC_DETERMINERS = new Set(['les', 'des', 'aux', 'ces', 'leurs', 'nos', 'vos', 'the', 'these', 'those', 'both', 'its', 'their', 'our']);

/** « les deux pays », "the two parties": a number word the text uses to refer back, which tells the reader nothing new. */
function isAnaphoric(figure: Figure): boolean {
  if (/\d/.test(figure.surface)) return false;
  const at = figure.sentence.indexOf(figure.surface);
  if (at < 0) return false;
  const previous = /([\p{L}]+)[\s\u00a0]+$/u.exec(figure.sentence.slice(0, at))?.[1];
  return previous !== undefined && ANAPHORIC_DETERMINERS.has(previous.toLowerCase());
}

/**
 * The `limit` most informative figures of a story, shown in the order the articles give them.
 *
 * @example
 *   chooseKeyFigures(mergedFigures, 3); // [10 000 soldats, 8 000 soldats nord-coréens]; « les deux pays » never
 */
export function chooseKeyFigures(figures: readonly Figure[], limit: number): Figure[] {
  return figures
    .filter((figure) => !isAnaphoric(figure))
    .map((figure, order) => ({ figure, order, score: informativeness(figure) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .sort((a, b) => a.order - b.order)
    .map(({ figure }) => figure);
}
