/**
 * Words and punctuation of an article with their offsets: the unit every rule of the engine walks over.
 *
 * @example
 *   const tokens = tokenize("L'OFAG a dit.", french);
 *   tokens.map((t) => t.text); // ["L'", 'OFAG', 'a', 'dit', '.']
 */
import type { LanguageRules } from './lang/rules.ts';

/** One word or punctuation mark. */
export interface Token {
  text: string;
  /** Lower-case text, typographic apostrophe normalised to "'". */
  lower: string;
  start: number;
  end: number;
  /** A word (letters and digits) rather than punctuation. */
  word: boolean;
  /** The word starts with an upper-case letter. */
  capitalized: boolean;
  /** Index of the paragraph (line) the token belongs to. */
  paragraph: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*|\S/gu;
const UPPER_START = /^\p{Lu}/u;
const WORDLIKE = /^[\p{L}\p{M}\p{N}]/u;

/** Splits the text into tokens; French elisions ("d'", "qu'") become tokens of their own. */
export function tokenize(text: string, rules: LanguageRules): Token[] {
  const tokens: Token[] = [];
  let paragraph = 0;
  let lastEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    for (let i = text.indexOf('\n', lastEnd); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) paragraph++;
    lastEnd = start;
    let piece = match[0];
    let at = start;
    if (rules.elision && piece.length > 2) {
      const elided = rules.elision.exec(piece);
      if (elided) {
        tokens.push(makeToken(elided[0], at, paragraph));
        at += elided[0].length;
        piece = piece.slice(elided[0].length);
      }
    }
    tokens.push(makeToken(piece, at, paragraph));
  }
  return tokens;
}

function makeToken(text: string, start: number, paragraph: number): Token {
  const word = WORDLIKE.test(text);
  return {
    text,
    lower: text.includes('’') ? text.toLowerCase().replace(/’/g, "'") : text.toLowerCase(),
    start,
    end: start + text.length,
    word,
    capitalized: word && UPPER_START.test(text),
    paragraph,
  };
}

/** Index of the first token that starts at or after `offset` (tokens.length when none). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token that starts at or before `offset` (0 when none does). */
export function tokenBefore(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
