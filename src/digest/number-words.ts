/**
 * Quantities written in words: cardinals ("deux", "twenty-five", "trois cents"), collectives ("une trentaine",
 * "a dozen", « des milliers », "tens of thousands") and fractions ("la moitié", "nearly half", "two-thirds").
 * "un", "une", "one" and "a" alone are never quantities.
 *
 * @example
 *   readNumberWords(tokens, indexOf('dizaines'), french); // { value: 10000, last: …, vague: true, … }
 */
import type { LanguageRules } from './lang/rules.ts';
import type { Token } from './tokens.ts';

/** A quantity read from words. */
export interface WordQuantity {
  value: number;
  /** First and last token of the number words (the noun counted is not included). */
  first: number;
  last: number;
  /** "des milliers", "tens of thousands": an order of magnitude, not a count. */
  vague: boolean;
  /** "une trentaine", "a dozen": an approximate count. */
  approximate: boolean;
  /** A fraction of a whole ("la moitié", "half"). */
  fraction: boolean;
  /** The last number word carries a noun after a hyphen ("six-month" → "month"). */
  attachedNoun: string | null;
}

const ONE = new Set(['un', 'une', 'one', 'a', 'an']);
/** Words that make a plural collective a quantity on its own: « des milliers », "several thousands". */
const QUANTIFIERS = new Set(['des', 'de', "d'", 'plusieurs', 'quelques', 'several', 'many', 'some']);
/** Ordinals written in words or digits ("sixth", "3rd", « 2e », « troisième »). */
const ORDINAL = /^(?:\d+(?:st|nd|rd|th|e|er|ème)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\p{L}+ième)$/u;
const HUNDRED = 100;
const MILLION = 1e6;
const THOUSAND = 1000;

/** Reads a quantity written in words starting at token `i`, or null. */
export function readNumberWords(tokens: readonly Token[], i: number, rules: LanguageRules): WordQuantity | null {
  // « deux tiers », "three quarters": a cardinal before a fraction counts parts of a whole.
  if (rules.numbers.fractions.has(tokens[i + 1]?.lower ?? '') && rules.numbers.words.has(tokens[i]!.lower)) {
    const fraction = readFraction(tokens, i + 1, rules);
    if (fraction) return fraction;
  }
  return readCollective(tokens, i, rules) ?? readFraction(tokens, i, rules) ?? readCardinal(tokens, i, rules);
}

function readCardinal(tokens: readonly Token[], i: number, rules: LanguageRules): WordQuantity | null {
  const { words, scales } = rules.numbers;
  let total = 0;
  let current = 0;
  let last = -1;
  let attachedNoun: string | null = null;
  let count = 0;
  for (let k = i; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (k > i && (token.lower === 'et' || token.lower === 'and') && words.has(tokens[k + 1]?.lower.split('-')[0] ?? '')) continue;
    if (k > i && token.start - tokens[k - 1]!.end > 1) break;
    const pieces = token.lower.split('-');
    let used = 0;
    for (const piece of pieces) {
      const value = words.get(piece);
      if (value === undefined) break;
      used++;
      if (value === HUNDRED) current = (current || 1) * HUNDRED;
      else if (value === THOUSAND) {
        total += (current || 1) * THOUSAND;
        current = 0;
      } else if (value === 20 && current % 100 === 4) current += 76; // quatre-vingt(s) = 80
      else current += value;
    }
    if (used === 0) {
      const scale = scales.get(token.lower);
      if (scale !== undefined && scale > THOUSAND && count > 0) {
        total = (total + current) * scale;
        current = 0;
        last = k;
      }
      break;
    }
    count++;
    last = k;
    if (used < pieces.length) {
      attachedNoun = pieces.slice(used).join('-');
      break;
    }
  }
  if (last === -1) return null;
  const value = total + current;
  const single = last === i && count === 1;
  if (single && ONE.has(tokens[i]!.lower) && !scaleFollows(tokens, i, rules)) return null;
  if (ONE.has(tokens[i]!.lower) && last === i) return null;
  return { value, first: i, last, vague: false, approximate: false, fraction: false, attachedNoun };
}

function scaleFollows(tokens: readonly Token[], i: number, rules: LanguageRules): boolean {
  const next = tokens[i + 1]?.lower ?? '';
  return (rules.numbers.scales.get(next) ?? 0) > THOUSAND || rules.numbers.words.get(next) === HUNDRED;
}

/**
 * "une trentaine (de)", "a dozen", "des dizaines de milliers (de)", "tens of thousands (of)", "hundreds (of)".
 * Plural collectives are vague; "dizaines de milliers" multiplies.
 */
function readCollective(tokens: readonly Token[], i: number, rules: LanguageRules): WordQuantity | null {
  const { collectives, of } = rules.numbers;
  const token = tokens[i]!;
  const value = collectives.get(token.lower);
  if (value === undefined) return null;
  const plural = /[sx]$/.test(token.lower) && !ONE.has(tokens[i - 1]?.lower ?? '');
  const previous = tokens[i - 1];
  // "28 millions" is a scale of the number before it, not a collective.
  if (previous && /^\d/.test(previous.text)) return null;
  let total = value;
  let last = i;
  const link = tokens[i + 1];
  const nextCollective = tokens[i + 2] ? collectives.get(tokens[i + 2]!.lower) : undefined;
  if (plural && link && of.has(link.lower) && nextCollective !== undefined && nextCollective >= 100) {
    total = value * nextCollective;
    last = i + 2;
  }
  // "billions in taxpayer dollars": a plural scale with its own link to what it measures.
  const followedByOf = of.has(tokens[last + 1]?.lower ?? '') || (plural && value >= MILLION && rules.numbers.amountLinks.has(tokens[last + 1]?.lower ?? ''));
  const determined = QUANTIFIERS.has(previous?.lower ?? '');
  // "an extra dozen overs": one adjective may stand between the article and the collective.
  const modified = previous !== undefined && rules.numbers.postModifiers.has(previous.lower) && ONE.has(tokens[i - 2]?.lower ?? '');
  if (plural && !followedByOf && !determined && last === i) return null;
  if (!plural && !followedByOf && !ONE.has(previous?.lower ?? '') && !modified) return null;
  const first = !plural && previous && ONE.has(previous.lower) ? i - 1 : i;
  return { value: total, first, last, vague: plural, approximate: true, fraction: false, attachedNoun: null };
}

/** "la moitié des", "nearly half of", "a third of", "deux tiers", "two-thirds of". */
function readFraction(tokens: readonly Token[], i: number, rules: LanguageRules): WordQuantity | null {
  const { fractions, words, of } = rules.numbers;
  const token = tokens[i]!;
  const pieces = token.lower.split('-');
  if (pieces.length === 2) {
    const count = words.get(pieces[0]!);
    const part = fractions.get(pieces[1]!);
    if (count !== undefined && part !== undefined) {
      return { value: count * part, first: i, last: i, vague: false, approximate: false, fraction: true, attachedNoun: null };
    }
  }
  const part = fractions.get(token.lower);
  if (part === undefined) return null;
  const next = tokens[i + 1]?.lower ?? '';
  const previous = tokens[i - 1]?.lower ?? '';
  // "the bottom half of the table", « la première moitié de l'année »: a part, not a quantity.
  if (rules.numbers.positionalAdjectives.has(previous)) return null;
  // "the sixth consecutive quarter", « le troisième trimestre »: after an ordinal, a quarter is a period of the year.
  if (ORDINAL.test(previous) || (ORDINAL.test(tokens[i - 2]?.lower ?? '') && tokens[i - 1]?.word === true && !rules.determiners.has(previous))) return null;
  const count = words.get(previous);
  if (count !== undefined && !ONE.has(previous)) {
    return { value: count * part, first: i - 1, last: i, vague: false, approximate: false, fraction: true, attachedNoun: null };
  }
  // "half the OT losses", "half its budget": a determiner right after the fraction stands for "of the".
  const determined = rules.determiners.has(next) && !ONE.has(next);
  if (!of.has(next) && !determined && !rules.numbers.hedges.some((hedge) => hedge.at(-1) === previous)) return null;
  return { value: part, first: i, last: i, vague: false, approximate: false, fraction: true, attachedNoun: null };
}
