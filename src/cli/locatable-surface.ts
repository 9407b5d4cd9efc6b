import type { Figure } from '../digest/analysis.ts';

/** How many words a surface may grow by on each side to become unambiguous. */
const MAX_EXTRA_WORDS = 4;

/**
 * The figure's surface as written, grown by the words around it in the text just enough that its first occurrence not
 * already claimed by an earlier figure is the figure itself. `analyze --json` gives no offsets, so a reader of the
 * contract (the reference scorer among them) finds each surface by searching the text: a bare "1" or "27" would
 * otherwise be found inside "2021" or an earlier "27 ans". Claims the span it settles on in `taken`.
 *
 * @example
 *   locatableSurface('En 2021, 1 élève sur 10', figureAt(9, '1'), new Set()); // '1 élève'
 */
export function locatableSurface(text: string, figure: Figure, taken: Set<string>): string {
  const { start, end } = figure;
  if (text.slice(start, end) !== figure.surface) return figure.surface;
  for (let right = 0; right <= MAX_EXTRA_WORDS; right++) {
    for (let left = 0; left <= right; left++) {
      const from = growLeft(text, start, left);
      const to = growRight(text, end, right);
      if (from === null || to === null) continue;
      const surface = text.slice(from, to);
      if (firstFreeOccurrence(text, surface, taken) === from) {
        taken.add(`${from}:${to}`);
        return surface;
      }
    }
  }
  return figure.surface;
}

function firstFreeOccurrence(text: string, surface: string, taken: Set<string>): number {
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
    if (!taken.has(`${at}:${at + surface.length}`)) return at;
  }
  return -1;
}

/** The offset `words` words before `start` on the same line, or null when the line starts sooner. */
function growLeft(text: string, start: number, words: number): number | null {
  let at = start;
  for (let i = 0; i < words; i++) {
    // A window before the offset, as growRight reads one after it: the end-anchored search stays short on long texts.
    const from = Math.max(0, at - 200);
    const match = /\S+[^\S\n]*$/.exec(text.slice(from, at));
    if (!match || from + match.index === at) return null;
    at = from + match.index;
  }
  return at;
}

/** The offset `words` words after `end` on the same line, or null when the line ends sooner. */
function growRight(text: string, end: number, words: number): number | null {
  let at = end;
  for (let i = 0; i < words; i++) {
    const match = /^[^\S\n]*\S+/.exec(text.slice(at, at + 200));
    if (!match) return null;
    at += match[0].length;
  }
  return at;
}
