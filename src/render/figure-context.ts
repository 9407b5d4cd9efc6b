import type { Figure } from '../digest/analysis.ts';

const WORDS_EACH_SIDE = 7;
// A comma between digits is a thousands separator ("2,500"), not a clause break.
const CLAUSE_BREAK = /[;:()–—]|(?<!\d),|,(?!\d)/;
const OPENING_MARKS = '«“‹„';
const CLOSING_MARKS = '»”›';

/** Where a stray mark is: the word, and the offset of the mark in it. */
interface Mark {
  word: number;
  at: number;
}

/** The words before the figure after the last quotation mark whose other half lies outside them. */
function afterStrayMark(words: string[]): string[] {
  let cut: Mark | null = null;
  let open = 0;
  const straight: Mark[] = [];
  for (const [i, word] of words.entries()) {
    let at = 0;
    for (const char of word) {
      if (OPENING_MARKS.includes(char)) open++;
      else if (CLOSING_MARKS.includes(char) && open-- === 0) {
        cut = { word: i, at };
        open = 0;
      } else if (char === '"') straight.push({ word: i, at });
      at += char.length;
    }
  }
  // An odd count of straight quotes: the first one closes a quotation that began before the clause.
  const first = straight[0];
  if (straight.length % 2 === 1 && first && (!cut || first.word > cut.word)) cut = first;
  if (!cut) return words;
  const { word, at } = cut;
  const rest = (words[word] ?? '').slice(at + 1);
  return [...(rest ? [rest] : []), ...words.slice(word + 1)];
}

/** The words after the figure up to the first quotation mark whose other half lies beyond them. */
function beforeStrayMark(words: string[]): string[] {
  let cut: Mark | null = null;
  let closed = 0;
  const straight: Mark[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] ?? '';
    for (let at = word.length - 1; at >= 0; at--) {
      const char = word.charAt(at);
      if (CLOSING_MARKS.includes(char)) closed++;
      else if (OPENING_MARKS.includes(char) && closed-- === 0) {
        cut = { word: i, at };
        closed = 0;
      } else if (char === '"') straight.push({ word: i, at });
    }
  }
  // An odd count of straight quotes: the last one opens a quotation that ends after the clause.
  const last = straight[0];
  if (straight.length % 2 === 1 && last && (!cut || last.word < cut.word)) cut = last;
  if (!cut) return words;
  const { word, at } = cut;
  const kept = (words[word] ?? '').slice(0, at);
  return [...words.slice(0, word), ...(kept ? [kept] : [])];
}

/**
 * The few words around a figure in its sentence, so the reader sees what it counts
 * ("aurait envoyé environ | 10 000 soldats | en Russie pour renforcer…"). The figure itself
 * is returned apart so each renderer can emphasise it.
 *
 * @example
 *   figureContext(figure); // { before: 'aurait envoyé environ', figure: '10 000 soldats', after: 'en Russie pour renforcer ses efforts' }
 */
export function figureContext(figure: Figure): { before: string; figure: string; after: string } {
  const sentence = figure.sentence;
  const at = sentence.indexOf(figure.surface);
  if (at < 0) return { before: '', figure: figure.surface, after: figure.unit && !figure.surface.includes(figure.unit) ? figure.unit : '' };
  const beforeText = sentence.slice(0, at);
  const afterText = sentence.slice(at + figure.surface.length);
  const beforeClause = beforeText.split(CLAUSE_BREAK).pop() ?? '';
  const afterClause = afterText.split(CLAUSE_BREAK)[0] ?? '';
  const beforeWords = beforeClause.trim().split(/\s+/).filter(Boolean);
  const afterWords = afterClause.trim().split(/\s+/).filter(Boolean);
  // « …très étroits » entre les armées »: a window that cuts a quotation in half leaves a stray mark; stop at it.
  const shownBefore = afterStrayMark(beforeWords.slice(-WORDS_EACH_SIDE));
  const shownAfter = beforeStrayMark(afterWords.slice(0, WORDS_EACH_SIDE));
  const before = (beforeWords.length > shownBefore.length && shownBefore.length > 0 ? '…' : '') + shownBefore.join(' ');
  let after = shownAfter.join(' ').replace(/[.!?…]+$/, '');
  if (afterWords.length > shownAfter.length && shownAfter.length > 0) after += '…';
  return { before, figure: figure.surface, after };
}
