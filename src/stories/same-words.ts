import { foldText } from './story-tokens.ts';

const WORD = /[\p{L}\p{N}]+/gu;
/** Dice overlap from which two passages are the same words (punctuation, a word or two apart). */
const SAME_PASSAGE_OVERLAP = 0.8;
/** Share of the shorter passage found in the longer from which it is a cut of it ("…", "(...)"). */
const CUT_CONTAINMENT = 0.9;
/** Below this many words a passage is too short to be recognised as a cut of a longer one. */
const MIN_CUT_WORDS = 4;

/** Every word of a passage, folded (case, accents, apostrophes), punctuation and quote marks dropped. */
export function passageWords(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

function counts(words: readonly string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const word of words) result.set(word, (result.get(word) ?? 0) + 1);
  return result;
}

function commonCount(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let common = 0;
  for (const [word, count] of a) common += Math.min(count, b.get(word) ?? 0);
  return common;
}

/**
 * Whether two passages (quotes, sentences) are the same words as far as a reader is concerned:
 * equal but for punctuation, quote marks, case and accents, or one a cut of the other
 * ("…", "(...)", a dropped clause).
 *
 * @example
 *   samePassage('« Nous vaincrons », a-t-il dit', 'Nous vaincrons'); // false: different lengths, too short to be a cut
 *   samePassage('We will rebuild this city, stone by stone.', 'We will rebuild this city (...) stone by stone'); // true
 */
export function samePassage(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return a.length === b.length;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const common = commonCount(counts(short), counts(long));
  if ((2 * common) / (short.length + long.length) >= SAME_PASSAGE_OVERLAP) return true;
  return short.length >= MIN_CUT_WORDS && common / short.length >= CUT_CONTAINMENT;
}

/**
 * The share of a passage's words found in any of `others`: 1 when it only repeats them.
 *
 * @example
 *   coveredShare(passageWords('"We will win," she said.'), [passageWords('We will win')]); // 0.6
 */
export function coveredShare(words: readonly string[], others: readonly (readonly string[])[]): number {
  if (!words.length) return 1;
  const pool = new Map<string, number>();
  for (const other of others) for (const [word, count] of counts(other)) pool.set(word, Math.max(pool.get(word) ?? 0, count));
  return commonCount(counts(words), pool) / words.length;
}
