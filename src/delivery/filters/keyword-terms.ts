/** Most terms in one include or exclude list. */
export const MAX_TERMS = 50;
/** Longest term, in characters. */
export const MAX_TERM_LENGTH = 100;
/** Text read per article when matching (title, categories, then the body). */
const MAX_TEXT_LENGTH = 20_000;

/** Why a list of keywords typed by a user was refused. */
export class KeywordTermsError extends Error {
  override readonly name = 'KeywordTermsError';

  constructor(
    readonly problem: 'too_many' | 'too_long' | 'empty',
    readonly term: string | null,
  ) {
    super(
      problem === 'too_many'
        ? `at most ${MAX_TERMS} terms per list`
        : problem === 'too_long'
          ? `"${term ?? ''}" is longer than ${MAX_TERM_LENGTH} characters`
          : 'no words given',
    );
  }
}

/**
 * Text folded for matching: accents and case removed, every run of non-letters and non-digits
 * a single space, padded with spaces so " word " finds whole words only.
 *
 * @example
 *   foldForMatching('Élection présidentielle : J-3'); // ' election presidentielle j 3 '
 */
export function foldForMatching(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${folded} `;
}

/** A term ready to match: a folded word or phrase, or a word prefix ("climat*"). */
export interface KeywordTerm {
  /** As the user typed it (for messages). */
  text: string;
  /** What is searched for in folded text. */
  needle: string;
}

/**
 * Compiles keyword terms. Matching is plain substring search over folded text, so it runs in
 * time proportional to the text and the (size-limited) terms: a user's terms can never hang
 * the process, unlike a user's regular expression.
 *
 * @example
 *   const [term] = compileTerms(['Coupe du monde']);
 *   matchesTerm(foldForMatching('La coupe du Monde 2026'), term!); // true
 */
export function compileTerms(terms: readonly string[]): KeywordTerm[] {
  return terms.flatMap((text) => {
    const prefix = text.trim().endsWith('*');
    const folded = foldForMatching(text.replace(/\*/g, ' ')).trim();
    if (!folded) return [];
    return [{ text, needle: prefix ? ` ${folded}` : ` ${folded} ` }];
  });
}

/** True when the folded text contains the term as whole words (or as a word prefix for "word*"). */
export function matchesTerm(foldedText: string, term: KeywordTerm): boolean {
  return foldedText.includes(term.needle);
}

/** The text of an article that filters look at, folded once. */
export function articleMatchText(article: { title: string; categories: readonly string[]; paragraphs: readonly string[] }): string {
  let text = `${article.title}\n${article.categories.join('\n')}`;
  for (const paragraph of article.paragraphs) {
    if (text.length >= MAX_TEXT_LENGTH) break;
    text += `\n${paragraph}`;
  }
  return foldForMatching(text.slice(0, MAX_TEXT_LENGTH));
}

/**
 * Splits what a user typed after `/filter include` into terms: separated by commas when there
 * are commas or quotes ("carbon tax", climate), by spaces otherwise (climat énergie).
 *
 * @example
 *   parseTermList('sport, "coupe du monde"'); // ['sport', 'coupe du monde']
 *   parseTermList('climat énergie');          // ['climat', 'énergie']
 */
export function parseTermList(input: string): string[] {
  const text = input.trim();
  let terms: string[];
  if (/[,;"“”«»]/.test(text)) {
    terms = [];
    for (const match of text.matchAll(/["“«]([^"”»]*)["”»]|([^,;"“”«»]+)/g)) {
      const term = (match[1] ?? match[2] ?? '').trim().replace(/\s+/g, ' ');
      if (term) terms.push(term);
    }
  } else {
    terms = text.split(/\s+/).filter(Boolean);
  }
  if (!terms.length) throw new KeywordTermsError('empty', null);
  const tooLong = terms.find((term) => term.length > MAX_TERM_LENGTH);
  if (tooLong) throw new KeywordTermsError('too_long', tooLong);
  return [...new Set(terms)];
}
