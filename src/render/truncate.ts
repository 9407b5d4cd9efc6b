const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';
/** A word break this close to the cut (as a share of the kept text) is worth cutting at instead. */
const WORD_BREAK_REACH = 0.7;

/** The grapheme boundary at or before `index`: never inside a surrogate pair, an emoji sequence or a letter with its accents. */
function graphemeBoundary(text: string, index: number): number {
  if (index >= text.length) return text.length;
  return graphemes.segment(text).containing(index)?.index ?? index;
}

/**
 * Cuts text to at most `max` UTF-16 code units (how Telegram and Discord count), ending with
 * "…", at a word break when one is near. Never splits a surrogate pair, an emoji sequence or a
 * letter from its combining accents.
 *
 * @example
 *   truncate('A very long headline indeed', 12); // 'A very long…'
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  let cut = graphemeBoundary(text, max - ELLIPSIS.length);
  const space = text.lastIndexOf(' ', cut);
  if (space > cut * WORD_BREAK_REACH) cut = space;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}
