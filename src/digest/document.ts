/**
 * An article read once into the structures every rule walks over: tokens, quotations, sentences, names.
 *
 * @example
 *   const doc = parseDocument('Il a dit « oui ».', french);
 *   doc.quoteOf[doc.tokens.findIndex((t) => t.text === 'oui')]; // 0: inside the first top-level quote
 */
import type { LanguageRules } from './lang/rules.ts';
import { findQuoteSpans, type QuoteSpan } from './quote-marks.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { tokenize, type Token } from './tokens.ts';

/** The parsed article. */
export interface ParsedDocument {
  text: string;
  rules: LanguageRules;
  tokens: Token[];
  /** Top-level quotations, in text order. */
  quotes: QuoteSpan[];
  sentences: Sentence[];
  /** For each token, the index in `quotes` of the quotation it is part of (marks included), or -1. */
  quoteOf: Int32Array;
  /** For each token, the index of its sentence. */
  sentenceOf: Int32Array;
  /** For each paragraph, whether it reads as a heading (short, no final punctuation) or is all capitals. */
  headings: boolean[];
}

const FINAL_PUNCTUATION = /[.!?…:»”"')\]]\s*$/u;
const MAX_HEADING_WORDS = 14;
const MAX_HEADING_LENGTH = 160;

/** Reads the article text into tokens, quotations, sentences and paragraph kinds. */
export function parseDocument(text: string, rules: LanguageRules): ParsedDocument {
  const quotes = findQuoteSpans(text).filter((span) => span.depth === 0);
  const sentences = splitSentences(text, quotes, rules);
  const tokens = tokenize(text, rules);
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  let q = 0;
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    while (q < quotes.length && quotes[q]!.close <= token.start) q++;
    if (q < quotes.length && quotes[q]!.open <= token.start) quoteOf[i] = q;
    while (s < sentences.length - 1 && sentences[s]!.end <= token.start) s++;
    sentenceOf[i] = s;
  }
  return { text, rules, tokens, quotes, sentences, quoteOf, sentenceOf, headings: findHeadings(text) };
}

/** "à franceinfo", "to CBC News": the second line of an attribution card under a pull quote. */
const CARD_OUTLET = /^(?:à|au|to)\s+\S+(?:\s+\S+)?$/iu;

function findHeadings(text: string): boolean[] {
  const lines = text.split('\n');
  return lines.map((line, index) => {
    if (line.length > MAX_HEADING_LENGTH) return false;
    // "Aurélie Hannedouche, directrice du SMA" / "à franceinfo": a card names the speaker of the quote above it.
    if (CARD_OUTLET.test(line.trim()) || CARD_OUTLET.test(lines[index + 1]?.trim() ?? '')) return false;
    const trimmed = line.trim();
    if (!trimmed) return false;
    const letters = trimmed.replace(/[^\p{L}]/gu, '');
    if (letters.length > 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
    const words = trimmed.split(/\s+/).length;
    return words <= MAX_HEADING_WORDS && !FINAL_PUNCTUATION.test(trimmed);
  });
}
