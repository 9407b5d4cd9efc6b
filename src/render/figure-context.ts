import type { Figure } from '../digest/analysis.ts';

const WORDS_EACH_SIDE = 7;
// A comma between digits is a thousands separator ("2,500"), not a clause break.
const CLAUSE_BREAK = /[;:()–—]|(?<!\d),|,(?!\d)/;

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
  const before = (beforeWords.length > WORDS_EACH_SIDE ? '…' : '') + beforeWords.slice(-WORDS_EACH_SIDE).join(' ');
  let after = afterWords.slice(0, WORDS_EACH_SIDE).join(' ').replace(/[.!?…]+$/, '');
  if (afterWords.length > WORDS_EACH_SIDE) after += '…';
  return { before, figure: figure.surface, after };
}
