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
import type { LanguageRules } from './lang/rules.ts';
import { jobInfo, singulars } from './names.ts';
import type { QuoteSegment } from './quote-marks.ts';
import { tokenAt } from './tokens.ts';

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
/** Between two items of a list of quotations: commas, and at most one coordinating conjunction. */
const LIST_GAP = /^[\s,;/]*(?:(?:et|ou|and|or|ni|nor)\s+)?$/iu;
const CONTRACTION = /['’](?:s|t|re|ve|ll|d|m)$/u;
/** Names of offences, works and organisations are short; longer quotations are someone's words. */
const MAX_NAME_WORDS = 6;
/** Words of criminal procedure are looked for this many tokens before the preposition. */
const OFFENCE_WINDOW = 5;
/** Tokens after a quotation searched for its attribution before taking it for a subject. */
const SUBJECT_WINDOW = 5;

/** The quotations of the document in text order. */
export function findQuotations(doc: ParsedDocument): Quotation[] {
  const pieces: Quotation[] = [];
  doc.quotes.forEach((span, index) => {
    const parts: QuoteSegment[] = [];
    const gaps: QuoteSegment[] = [];
    for (const segment of span.segments) splitIncise(doc, segment, parts, gaps);
    pieces.push(makeQuotation(doc, parts, gaps, span.open, span.close, [index]));
  });
  markLists(doc, pieces);
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

/**
 * Ateliers (« Écrire une chanson », « Monter un court métrage » ou « Photographier la nuit »): short verbless
 * quotations joined by nothing but commas or a coordinating conjunction, in a sentence where nobody speaks, are
 * items of a list — names, titles or terms. With a speech verb (« il a dénoncé « … », « … » ») they are words.
 */
function markLists(doc: ParsedDocument, pieces: Quotation[]): void {
  for (let i = 0; i + 1 < pieces.length; ) {
    let end = i;
    while (end + 1 < pieces.length && LIST_GAP.test(doc.text.slice(pieces[end]!.close, pieces[end + 1]!.open))) end++;
    const items = pieces.slice(i, end + 1);
    i = end + 1;
    if (items.length < 2 || !items.every((item) => isNamelike(doc, item))) continue;
    // Items of one list share their kind: « mis en examen pour « complicité de … » et « recel de … » ».
    const named = items.some((item) => item.nonSpeech);
    if (named || !speechVerbBefore(doc, tokenAt(doc.tokens, items[0]!.open))) for (const item of items) item.nonSpeech = true;
  }
}

/** Whether a speech verb stands before token `k` in its sentence, outside quotations. */
function speechVerbBefore(doc: ParsedDocument, k: number): boolean {
  const sentence = doc.sentenceOf[k];
  for (let j = k - 1; j >= 0 && doc.sentenceOf[j] === sentence; j--) {
    if (doc.quoteOf[j] === -1 && doc.rules.speechVerbs.has(doc.tokens[j]!.lower)) return true;
  }
  return false;
}

/** Short, without a comma, an auxiliary or a subject pronoun: shaped like a name rather than a clause. */
function isNamelike(doc: ParsedDocument, quotation: Quotation): boolean {
  const { tokens, rules } = doc;
  if (quotation.words > MAX_NAME_WORDS || quotation.text.includes(',')) return false;
  for (let k = tokenAt(tokens, quotation.open); k < tokens.length && tokens[k]!.start < quotation.close; k++) {
    const lower = tokens[k]!.lower;
    if (rules.auxiliaries.has(lower) || rules.pronouns.has(lower)) return false;
  }
  return true;
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
    nonSpeech: isNonSpeech(doc, open, close, text, words),
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
  // « … possible !, s'indigne Amina Khalid, secrétaire générale … »: a reflexive verb carries its clitic.
  if (rules.objectClitics.has(tokens[k]?.lower ?? '') && rules.speechVerbs.has(tokens[k + 1]?.lower ?? '')) k++;
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
  let attributed = false;
  for (let k = first; k <= last && !attributed; k++) attributed = isAttributionAt(doc, k);
  if (!attributed) return false;
  const afterStart = tokenAt(tokens, next.close);
  for (let k = afterStart; k < tokens.length && k < afterStart + 6; k++) {
    if (tokens[k]!.paragraph === tokens[last]!.paragraph && isAttributionAt(doc, k)) return false;
  }
  return true;
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

/** A speech verb, an inverted pronoun, or a whole source marker ("according to", « d'après ») at token `k`. */
function isAttributionAt(doc: ParsedDocument, k: number): boolean {
  const { rules, tokens } = doc;
  const lower = tokens[k]!.lower;
  return (
    rules.speechVerbs.has(lower) ||
    (rules.invertedPronoun?.test(lower) ?? false) ||
    rules.accordingTo.some((phrase) => phrase.every((word, j) => tokens[k + j]?.lower === word))
  );
}

/**
 * A quoted name or title, not anyone's words: introduced by a naming word ("a report titled", « le slogan »,
 * « baptisé », "(lire « … »)"), in a cross-reference line, the name of an offence after its procedure
 * (« mis en examen pour « … » »), taken up as a term right after (« … ». Ces expressions…), the subject of the
 * verb that follows it (“A Most Violent Year” opens…), or written like a title (most words capitalised).
 */
function isNonSpeech(doc: ParsedDocument, open: number, close: number, text: string, words: number): boolean {
  const { tokens, rules } = doc;
  const openToken = tokenAt(tokens, open);
  const closeToken = tokenAt(tokens, close);
  const before = tokens[openToken - 1];
  // 'Hanks said the film "is the most personal project …"': a quotation opening on a verb is a predicate, not a title.
  const first = tokens[openToken + 1];
  const predicate = first !== undefined && first.word && !first.capitalized && (rules.auxiliaries.has(first.lower) || rules.copulas.has(first.lower));
  if (before?.word && !predicate && (rules.namingCues.has(before.lower) || isCrossReferenceCue(rules, before.lower))) return true;
  // "known as", « connu sous le nom de », "dubbed as".
  const cue = tokens[openToken - 2];
  if (before?.word && cue?.word && NAMING_LINKS.has(before.lower) && rules.namingCues.has(cue.lower)) return true;
  if (inCrossReference(doc, openToken)) return true;
  if (words <= MAX_NAME_WORDS && !text.includes(',')) {
    if (namesAnOffence(doc, openToken) || takenUpAsTerm(doc, closeToken) || subjectOfNextVerb(doc, openToken, closeToken, close)) return true;
  }
  return looksLikeTitle(rules, text);
}

/**
 * Most content words capitalised, no sentence punctuation but a subtitle colon ("Star Wars: Episode VII") or the
 * sentence's own period that American style sets inside the marks ('he read “Dreams From My Father.”').
 */
function looksLikeTitle(rules: LanguageRules, text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 2 || words.length > 10 || /[!?…,;]/u.test(text)) return false;
  const content = words.filter((word) => !rules.stopwords.has(contractionBase(word)));
  const capitalised = content.filter((word) => /^\p{Lu}/u.test(word)).length;
  return content.length >= 2 && capitalised / content.length >= 0.75;
}

/** "(lire « … »)", "read “…”": a single-word cross-reference cue right before the mark introduces a title. */
function isCrossReferenceCue(rules: LanguageRules, lower: string): boolean {
  return rules.crossReferences.some((phrase) => phrase.length === 1 && phrase[0] === lower);
}

/** The quotation sits in a line that opens with "Lire aussi", "Read more": a link to another article. */
function inCrossReference(doc: ParsedDocument, openToken: number): boolean {
  const { tokens, rules } = doc;
  const paragraph = tokens[openToken]?.paragraph;
  let first = openToken;
  while (first > 0 && tokens[first - 1]!.paragraph === paragraph) first--;
  while (first < openToken && !tokens[first]!.word) first++;
  return rules.crossReferences.some((phrase) => phrase.every((word, k) => first + k < openToken && tokens[first + k]!.lower === word));
}

/**
 * « mis en examen pour « recel de biens sociaux » », "charged with “aggravated assault”": a short quotation
 * governed by the preposition that follows a word of criminal procedure names the offence.
 */
function namesAnOffence(doc: ParsedDocument, openToken: number): boolean {
  return offenceCueBefore(doc, openToken) !== -1;
}

/**
 * The word of criminal procedure that governs the quotation opening at `openToken` through a preposition
 * ("mis en examen pour « … »", « des soupçons de « … » »), or -1.
 *
 * @example
 *   offenceCueBefore(doc, tokenAt(doc.tokens, quote.open)); // index of "examen"
 */
export function offenceCueBefore(doc: ParsedDocument, openToken: number): number {
  const { tokens, rules } = doc;
  const preposition = tokens[openToken - 1];
  if (!preposition?.word || !rules.offencePrepositions.has(preposition.lower)) return -1;
  const sentence = doc.sentenceOf[openToken - 1];
  for (let k = openToken - 2; k >= 0 && k >= openToken - 1 - OFFENCE_WINDOW && doc.sentenceOf[k] === sentence; k--) {
    if (doc.quoteOf[k] !== -1) return -1;
    if (rules.offenceCues.has(tokens[k]!.lower)) return k;
  }
  return -1;
}

/** « … », « … »… Ces expressions: a demonstrative and a naming noun right after take the quotation up as a term. */
function takenUpAsTerm(doc: ParsedDocument, closeToken: number): boolean {
  const { tokens, rules } = doc;
  let k = closeToken;
  while (k < tokens.length && k < closeToken + 3 && !tokens[k]!.word) k++;
  const demonstrative = tokens[k];
  const noun = tokens[k + 1];
  if (!demonstrative || !noun || !rules.demonstratives.has(demonstrative.lower)) return false;
  return singulars(noun.lower).some((form) => rules.namingCues.has(form));
}

/**
 * “A Most Violent Year” opens on Friday, «Les Voix des femmes» appelle…: a quotation that opens its sentence and
 * runs straight into a verb, with no attribution, is that verb's subject — a name.
 */
function subjectOfNextVerb(doc: ParsedDocument, openToken: number, closeToken: number, close: number): boolean {
  const { tokens, rules } = doc;
  const sentence = doc.sentenceOf[openToken];
  for (let k = openToken - 1; k >= 0 && doc.sentenceOf[k] === sentence; k--) {
    if (tokens[k]!.word && !rules.conjunctions.has(tokens[k]!.lower)) return false;
  }
  // '“It’s over,” one source said': punctuation inside the closing mark ends a sentence of speech.
  if (/[,.;!?…]\s*$/u.test(doc.text.slice(Math.max(0, close - 4), close - 1))) return false;
  const next = tokens[closeToken];
  if (!next?.word || next.capitalized || doc.sentenceOf[closeToken] !== sentence || next.paragraph !== tokens[openToken]?.paragraph) return false;
  for (let k = closeToken; k < tokens.length && k < closeToken + SUBJECT_WINDOW && tokens[k]!.word; k++) {
    if (isAttributionAt(doc, k) || rules.pronouns.has(tokens[k]!.lower)) return false;
  }
  return true;
}

/** "It’s" → "it", "don’t" → "don", "we’re" → "we": a contraction is a function word when its base is one. */
function contractionBase(word: string): string {
  return word.toLowerCase().replace(CONTRACTION, '');
}
