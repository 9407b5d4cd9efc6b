/**
 * Sentence segmentation that keeps offsets into the article and survives what news copy is made of:
 * abbreviations ("M. Lavrov", "Mme", "Dr.", "U.S."), initials ("Donald J. Trump"), decimals, ellipses "(...)"
 * and quotations that span several sentences (a quotation is never cut).
 *
 * @example
 *   splitSentences('M. Dupont est arrivé. Il a parlé.', [], french).map((s) => s.text);
 *   // ['M. Dupont est arrivé.', 'Il a parlé.']
 */
import type { LanguageRules } from './lang/rules.ts';

/** One sentence of the article. */
export interface Sentence {
  /** Position among the article's sentences. */
  index: number;
  start: number;
  end: number;
  /** Index of the paragraph (line) it belongs to. */
  paragraph: number;
  /** True when it is the only sentence of its paragraph. */
  wholeParagraph: boolean;
  text: string;
}

/** A stretch of text that must not be cut (a quotation). */
export interface ProtectedSpan {
  open: number;
  close: number;
}

const TERMINATOR = /[.!?…]+["'»”’)\]]*(?=\s)/g;
const NEXT_VISIBLE = /\S/g;
const SENTENCE_OPENER = /[\p{Lu}\p{N}«“"„‘'(¿¡\u2014\u2013\-[]/u;
const WORD_BEFORE = /([\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*)$/u;
const NEXT_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

/** Splits the article into sentences; `protectedSpans` (sorted by `open`) are never cut. */
export function splitSentences(text: string, protectedSpans: readonly ProtectedSpan[], rules: LanguageRules): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let paragraphStart = 0;
  let spanIndex = 0;
  while (paragraphStart <= text.length) {
    let paragraphEnd = text.indexOf('\n', paragraphStart);
    if (paragraphEnd === -1) paragraphEnd = text.length;
    const firstOfParagraph = sentences.length;
    let sentenceStart = paragraphStart;
    TERMINATOR.lastIndex = paragraphStart;
    for (let match = TERMINATOR.exec(text); match && match.index < paragraphEnd; match = TERMINATOR.exec(text)) {
      const boundary = match.index + match[0].length;
      while (spanIndex < protectedSpans.length && protectedSpans[spanIndex]!.close <= boundary) spanIndex++;
      if (insideSpan(protectedSpans, spanIndex, boundary)) continue;
      if (!endsSentence(text, match.index, match[0], boundary, paragraphEnd, rules)) continue;
      pushSentence(text, sentenceStart, boundary, paragraph, sentences);
      sentenceStart = boundary;
    }
    pushSentence(text, sentenceStart, paragraphEnd, paragraph, sentences);
    if (sentences.length - firstOfParagraph === 1) sentences[firstOfParagraph]!.wholeParagraph = true;
    paragraph++;
    paragraphStart = paragraphEnd + 1;
  }
  return sentences;
}

function insideSpan(spans: readonly ProtectedSpan[], from: number, offset: number): boolean {
  for (let i = from; i < spans.length; i++) {
    const span = spans[i]!;
    if (span.open >= offset) return false;
    if (span.close > offset) return true;
  }
  return false;
}

function endsSentence(
  text: string,
  at: number,
  terminator: string,
  boundary: number,
  paragraphEnd: number,
  rules: LanguageRules,
): boolean {
  NEXT_VISIBLE.lastIndex = boundary;
  const next = NEXT_VISIBLE.exec(text);
  if (!next || next.index >= paragraphEnd) return true;
  if (!SENTENCE_OPENER.test(next[0])) return false;
  if (!terminator.startsWith('.') || terminator.startsWith('..')) return true;
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, at - 40), at))?.[1];
  if (!word) return true;
  const lower = word.toLowerCase();
  if (lower === 'etc') return true;
  if (rules.abbreviations.has(lower)) return false;
  // "Donald J. Trump" has an initial; « a réagi sur X. « … » », "plan B. The …" end on a one-letter word.
  if (/^\p{Lu}$/u.test(word)) return afterLowercaseWord(text, at - 1) && (QUOTE_OPENER.test(next[0]) || startsSentence(text, next.index, rules));
  if (word.includes('.') && /\p{L}/u.test(word)) {
    const nextWord = NEXT_WORD.exec(text.slice(next.index, next.index + 30))?.[1]?.toLowerCase() ?? '';
    return rules.sentenceStarters.has(nextWord);
  }
  return true;
}

const QUOTE_OPENER = /[«“"„‘]/u;
const LOWERCASE_WORD_BEFORE = /\p{Ll}[\p{L}'’-]*\s+$/u;

/** Whether a lower-case word stands right before offset `at`. */
function afterLowercaseWord(text: string, at: number): boolean {
  return LOWERCASE_WORD_BEFORE.test(text.slice(Math.max(0, at - 30), at));
}

function startsSentence(text: string, from: number, rules: LanguageRules): boolean {
  const nextWord = NEXT_WORD.exec(text.slice(from, from + 30))?.[1]?.toLowerCase() ?? '';
  return rules.sentenceStarters.has(nextWord);
}

function pushSentence(text: string, start: number, end: number, paragraph: number, sentences: Sentence[]): void {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  if (from === to) return;
  sentences.push({ index: sentences.length, start: from, end: to, paragraph, wholeParagraph: false, text: text.slice(from, to) });
}
