/**
 * Direct quotations as readers see them: a quotation interrupted by its attribution is one quotation
 * ("X," she said, "Y" — « X, a-t-il dit, Y »), a quotation running over paragraphs is one quotation, and
 * quoted names, titles and scare quotes are told apart from speech.
 *
 * @example
 *   const [quote] = findQuotations(doc);
 *   quote.text; // 'There is no reason to believe … stripes These guys are the worst of the worst.'
 */
import type { ParsedDocument } from './document.ts';
import { jobInfo } from './names.ts';
import type { QuoteSegment } from './quote-marks.ts';
import { tokenAt, type Token } from './tokens.ts';

/** One quotation, possibly in several parts, with the attributions found between its parts. */
export interface Quotation {
  /** The quoted text of each part, without marks or the comma that belongs to the attribution. */
  parts: QuoteSegment[];
  /** Stretches between parts: attribution clauses ("she said", "a-t-il dit"). */
  gaps: QuoteSegment[];
  /** Offsets of the first opening mark and just after the last closing mark. */
  open: number;
  close: number;
  /** Indices of the top-level quote spans of the document it is made of. */
  spans: number[];
  text: string;
  words: number;
  /** Fewer than four words: a scare quote, a term or a fragment, never a key quote. */
  short: boolean;
  /** A quoted name or title (report, slogan, organisation), not anyone's words. */
  nonSpeech: boolean;
}

/** Short quotes have fewer words than this (word = run of letters, digits, apostrophes, hyphens). */
export const KEY_QUOTE_MIN_WORDS = 4;
const WORD = /[\p{L}\p{N}'’-]+/gu;
const MAX_GAP_WORDS = 25;
const GAP_END = new Set([',', '.', ':', ';', '—', '–', '-']);
const TRIM_END = /[\s,]+$/u;
const TRIM_START = /^\s+/u;
const NAMING_LINKS = new Set(['as', 'de', "d'", 'comme']);
const CONTRACTION = /['’](?:s|t|re|ve|ll|d|m)$/u;

/** The quotations of the document in text order. */
export function findQuotations(doc: ParsedDocument): Quotation[] {
  const pieces: Quotation[] = [];
  doc.quotes.forEach((span, index) => {
    const parts: QuoteSegment[] = [];
    const gaps: QuoteSegment[] = [];
    for (const segment of span.segments) splitIncise(doc, segment, parts, gaps);
    pieces.push(makeQuotation(doc, parts, gaps, span.open, span.close, [index]));
  });
  const merged: Quotation[] = [];
  for (const piece of pieces) {
    const previous = merged.at(-1);
    if (previous && continuesAfterAttribution(doc, previous, piece)) {
      merged[merged.length - 1] = makeQuotation(
        doc,
        [...previous.parts, ...piece.parts],
        [...previous.gaps, { start: previous.close, end: piece.open }, ...piece.gaps],
        previous.open,
        piece.close,
        [...previous.spans, ...piece.spans],
      );
    } else {
      merged.push(piece);
    }
  }
  return merged;
}

function makeQuotation(
  doc: ParsedDocument,
  rawParts: readonly QuoteSegment[],
  gaps: QuoteSegment[],
  open: number,
  close: number,
  spans: number[],
): Quotation {
  const parts = rawParts.map((part) => trimSegment(doc.text, part)).filter((part) => part.end > part.start);
  const text = parts.map((part) => doc.text.slice(part.start, part.end)).join(' ');
  const words = text.match(WORD)?.length ?? 0;
  return {
    parts,
    gaps,
    open,
    close,
    spans,
    text,
    words,
    short: words < KEY_QUOTE_MIN_WORDS,
    nonSpeech: isNonSpeech(doc, open, text),
  };
}

function trimSegment(text: string, segment: QuoteSegment): QuoteSegment {
  const slice = text.slice(segment.start, segment.end);
  const start = segment.start + (TRIM_START.exec(slice)?.[0].length ?? 0);
  const end = segment.end - (TRIM_END.exec(slice)?.[0].length ?? 0);
  return { start, end: Math.max(start, end) };
}

/**
 * « X, a-t-il dit, Y » and “X, rappelle Ana Sofia Cardenal, professeure …. Y”: an attribution inside the marks,
 * opened by a comma and an inverted verb, splits the quotation in two parts.
 */
function splitIncise(doc: ParsedDocument, segment: QuoteSegment, parts: QuoteSegment[], gaps: QuoteSegment[]): void {
  const { tokens, rules } = doc;
  if (!rules.invertedPronoun) {
    parts.push(segment);
    return;
  }
  let from = segment.start;
  const last = tokenAt(tokens, segment.end);
  for (let i = tokenAt(tokens, segment.start); i < last; i++) {
    if (tokens[i]!.text !== ',') continue;
    const inciseEnd = inciseAfterComma(doc, i + 1, last);
    if (inciseEnd === -1) continue;
    const rest = tokens.slice(inciseEnd + 1, last).filter((t) => t.word).length;
    if (rest < 2) break;
    parts.push({ start: from, end: tokens[i]!.start });
    gaps.push({ start: tokens[i]!.start, end: tokens[inciseEnd]!.end });
    from = tokens[inciseEnd]!.end;
    i = inciseEnd;
  }
  parts.push({ start: from, end: segment.end });
}

/** Index of the punctuation closing an incise that starts at token `i`, or -1 when none starts there. */
function inciseAfterComma(doc: ParsedDocument, i: number, last: number): number {
  const { tokens, rules } = doc;
  let k = i;
  if (tokens[k]?.lower === 'a' || tokens[k]?.lower === 'avait') k++;
  const verb = tokens[k];
  if (!verb || k >= last) return -1;
  const inverted = rules.invertedPronoun?.test(verb.lower) ?? false;
  if (!inverted) {
    const next = tokens[k + 1];
    const namedSubject = next !== undefined && (next.capitalized || rules.determiners.has(next.lower));
    if (!rules.speechVerbs.has(verb.lower) || !namedSubject) return -1;
  }
  let end = -1;
  for (let j = k + 1; j < last && j < k + 25; j++) {
    const text = tokens[j]!.text;
    if (text === ',' && (inverted || !appositionFollows(doc, j + 1))) return j;
    if (text === '.' || text === ';' || text === ':') {
      end = j;
      break;
    }
  }
  return end;
}

/** "…, rappelle Ana Sofia Cardenal, professeure de sciences politiques. …": a job description follows. */
function appositionFollows(doc: ParsedDocument, i: number): boolean {
  const { tokens, rules } = doc;
  const token = tokens[i];
  if (!token?.word) return false;
  if (jobInfo(token.lower, rules)) return true;
  return rules.determiners.has(token.lower) && jobInfo(tokens[i + 1]?.lower ?? '', rules) !== null;
}

/** "X," said Y. "Z": the second quotation continues the first when only an attribution stands between. */
function continuesAfterAttribution(doc: ParsedDocument, previous: Quotation, next: Quotation): boolean {
  const { tokens, text } = doc;
  if (text.slice(previous.close, next.open).includes('\n')) return false;
  const first = tokenAt(tokens, previous.close);
  const last = tokenAt(tokens, next.open) - 1;
  if (last < first) return false;
  const gap = tokens.slice(first, last + 1);
  if (gap.filter((t) => t.word).length > MAX_GAP_WORDS || !GAP_END.has(gap.at(-1)!.text)) return false;
  if (embedded(doc, previous.open)) return false;
  const sentence = doc.sentenceOf[first - 1];
  for (let k = first; k < last; k++) if (doc.sentenceOf[k] !== sentence) return false;
  if (!gap.some((t) => isAttributionWord(doc, t))) return false;
  const after = tokens.slice(tokenAt(tokens, next.close), tokenAt(tokens, next.close) + 6);
  return !after.some((t) => t.paragraph === tokens[last]!.paragraph && isAttributionWord(doc, t));
}

/** The quotation is part of a narrative clause: words precede it in its sentence, and no colon. */
function embedded(doc: ParsedDocument, open: number): boolean {
  const { tokens } = doc;
  const openToken = tokenAt(tokens, open);
  const before = tokens[openToken - 1];
  if (!before || before.text === ':' || doc.sentenceOf[openToken - 1] !== doc.sentenceOf[openToken]) return false;
  for (let k = openToken - 1; k >= 0 && doc.sentenceOf[k] === doc.sentenceOf[openToken]; k--) {
    if (tokens[k]!.word) return true;
  }
  return false;
}

function isAttributionWord(doc: ParsedDocument, token: Token): boolean {
  const { rules } = doc;
  return (
    rules.speechVerbs.has(token.lower) ||
    (rules.invertedPronoun?.test(token.lower) ?? false) ||
    rules.accordingTo.some((phrase) => phrase[0] === token.lower)
  );
}

/**
 * A quoted name or title: introduced by a naming word ("a report titled", « le slogan », « baptisé »), or
 * written like a title (most words capitalised, no sentence punctuation).
 */
function isNonSpeech(doc: ParsedDocument, open: number, text: string): boolean {
  const { tokens, rules } = doc;
  const openToken = tokenAt(tokens, open);
  const before = tokens[openToken - 1];
  if (before?.word && rules.namingCues.has(before.lower)) return true;
  // "known as", « connu sous le nom de », "dubbed as".
  const cue = tokens[openToken - 2];
  if (before?.word && cue?.word && NAMING_LINKS.has(before.lower) && rules.namingCues.has(cue.lower)) return true;
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 2 || words.length > 10 || /[!?…,;:]|\.\s*$/u.test(text)) return false;
  const content = words.filter((word) => !rules.stopwords.has(contractionBase(word)));
  const capitalised = content.filter((word) => /^\p{Lu}/u.test(word)).length;
  return content.length >= 2 && capitalised / content.length >= 0.75;
}

/** "It’s" → "it", "don’t" → "don", "we’re" → "we": a contraction is a function word when its base is one. */
function contractionBase(word: string): string {
  return word.toLowerCase().replace(CONTRACTION, '');
}
