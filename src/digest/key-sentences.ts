/**
 * The one to three sentences that say what happened: TextRank over TF-IDF sentence vectors, combined with a
 * lead bias and the similarity to the headline, then picked greedily without redundancy. Headings, captions
 * before the dateline, bylines and sentences that mostly restate a key quote are never picked.
 *
 * @example
 *   keySentences(doc, 'Un troisième Français mort dans le séisme au Népal', quotations);
 *   // ['Un troisième Français a été tué dans le tremblement de terre samedi au Népal, …']
 */
import type { ParsedDocument } from './document.ts';
import type { Quotation } from './quotes.ts';
import type { Sentence } from './sentences.ts';
import { tokenAt } from './tokens.ts';

/** A sparse TF-IDF vector: term ids in increasing order with their weights, unit length. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

interface Candidate {
  sentence: Sentence;
  /** Rank among candidates in article order (0 = lead). */
  position: number;
  terms: number[];
}

const EMPTY: Vector = { ids: new Int32Array(0), weights: new Float64Array(0) };
const DAMPING = 0.85;
const ITERATIONS = 30;
const MIN_WORDS = 6;
const MAX_WORDS = 70;
/** At most this many sentences enter the graph: ranking is quadratic and lead bias favours the top anyway. */
const MAX_CANDIDATES = 60;
/** A sentence whose words are more than this share quoted restates a quote. */
const MAX_QUOTED_SHARE = 0.5;
/** A sentence that opens with a key quote restates it when this share of its words is quoted. */
const MIN_QUOTED_SHARE_AT_START = 0.2;
/** Two picks more similar than this say the same thing. */
const MAX_REDUNDANCY = 0.5;
const WEIGHT_RANK = 0.3;
const WEIGHT_LEAD = 0.45;
const WEIGHT_TITLE = 0.25;
const STEM_LENGTH = 6;
const MIN_TERM_LENGTH = 3;
const WORD = /[\p{L}\p{N}]+/gu;
/** "JAKARTA (Reuters) - ", "LONDON — ", "(CNN) -- ": the dateline that opens wire copy. */
const DATELINE = /^(?:\p{Lu}[\p{Lu}\p{M} .,'’-]{1,40}\s*(?:\([^)]{1,30}\))?|\([^)]{1,30}\))\s*[-—–]+\s+/u;
const BYLINE = /^\(?(?:reporting|additional reporting|writing|editing|par|by)\b/iu;
/** Reader prompts and widget lines a feed carries along: never what happened. */
const BOILERPLATE = /^(?:lire aussi|lire|à lire|voir aussi|revivez|read more|read the full|click here|please share|share this|subscribe|sign up|photo|image|credit|crédit|advertisement|publicité)\b/iu;
/** A live-blog time opening a line ("16.06 …"). */
const LEADING_TIME = /^(?:[01]?\d|2[0-3])[.:h][0-5]\d\s+/u;

/** One to three key sentences in article order, datelines removed. */
export function keySentences(doc: ParsedDocument, title: string | null, quotations: readonly Quotation[]): string[] {
  const vocabulary = new Map<string, number>();
  const candidates = findCandidates(doc, quotations, vocabulary);
  if (candidates.length === 0) return [];
  const idf = inverseFrequencies(candidates.map((c) => c.terms), vocabulary.size);
  const vectors = candidates.map((c) => weigh(c.terms, idf));
  const titleVector = title ? weigh(titleTerms(title, vocabulary), idf) : EMPTY;
  const ranks = textRank(vectors);
  const maxRank = Math.max(...ranks);
  const scores = candidates.map((candidate, i) => {
    const lead = 1 / Math.sqrt(1 + candidate.position);
    return WEIGHT_RANK * (ranks[i]! / maxRank) + WEIGHT_LEAD * lead + WEIGHT_TITLE * cosine(vectors[i]!, titleVector);
  });
  const wanted = summaryLength(candidates.length);
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const picked: number[] = [];
  for (const i of order) {
    if (picked.length >= wanted) break;
    if (picked.some((j) => cosine(vectors[i]!, vectors[j]!) > MAX_REDUNDANCY)) continue;
    picked.push(i);
  }
  return picked
    .sort((a, b) => a - b)
    .map((i) => candidates[i]!.sentence.text.replace(DATELINE, '').replace(LEADING_TIME, ''));
}

/** Short articles get one sentence, long ones up to three. */
function summaryLength(candidates: number): number {
  if (candidates < 20) return 1;
  if (candidates < 40) return 2;
  return 3;
}

function findCandidates(doc: ParsedDocument, quotations: readonly Quotation[], vocabulary: Map<string, number>): Candidate[] {
  const { sentences, headings, tokens } = doc;
  const datelineParagraph = findDateline(doc);
  const keyQuoted = markKeyQuotes(doc, quotations);
  const candidates: Candidate[] = [];
  let t = 0;
  for (const sentence of sentences) {
    if (candidates.length >= MAX_CANDIDATES) break;
    while (t < tokens.length && tokens[t]!.start < sentence.start) t++;
    if (sentence.paragraph < datelineParagraph) continue;
    if (headings[sentence.paragraph] && sentence.wholeParagraph) continue;
    let words = 0;
    let quoted = 0;
    let opensWithQuote = false;
    const terms: number[] = [];
    for (let k = t; k < tokens.length && tokens[k]!.start < sentence.end; k++) {
      const token = tokens[k]!;
      if (!token.word) continue;
      if (words === 0) opensWithQuote = keyQuoted[k] === 1;
      words++;
      quoted += keyQuoted[k]!;
      if (token.lower.length < MIN_TERM_LENGTH || doc.rules.stopwords.has(token.lower)) continue;
      const stem = token.lower.slice(0, STEM_LENGTH);
      let id = vocabulary.get(stem);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(stem, id);
      }
      terms.push(id);
    }
    if (words < MIN_WORDS || words > MAX_WORDS || quoted / words > MAX_QUOTED_SHARE) continue;
    // '"We dodged a bullet," said Steve Cowan, a spokesman …': a quote and its attribution restate the quote.
    if (opensWithQuote && quoted / words >= MIN_QUOTED_SHARE_AT_START) continue;
    const text = sentence.text;
    if (BYLINE.test(text) || BOILERPLATE.test(text) || /https?:\/\//u.test(text) || /[?]["»”]?$/u.test(text)) continue;
    candidates.push({ sentence, position: candidates.length, terms });
  }
  return candidates;
}

/** For each token, 1 when it is inside a key quotation (not a scare quote or a title). */
function markKeyQuotes(doc: ParsedDocument, quotations: readonly Quotation[]): Uint8Array {
  const marks = new Uint8Array(doc.tokens.length);
  for (const quotation of quotations) {
    if (quotation.short || quotation.nonSpeech) continue;
    for (const part of quotation.parts) {
      for (let k = tokenAt(doc.tokens, part.start); k < doc.tokens.length && doc.tokens[k]!.start < part.end; k++) marks[k] = 1;
    }
  }
  return marks;
}

/** The paragraph that opens with a dateline; what comes before it is captions. 0 when there is none. */
function findDateline(doc: ParsedDocument): number {
  const lines = doc.text.split('\n', 4);
  for (let i = 0; i < lines.length; i++) if (DATELINE.test(lines[i]!)) return i;
  return 0;
}

function titleTerms(title: string, vocabulary: ReadonlyMap<string, number>): number[] {
  const ids: number[] = [];
  for (const match of title.matchAll(WORD)) {
    const id = vocabulary.get(match[0].toLowerCase().slice(0, STEM_LENGTH));
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

function inverseFrequencies(termLists: readonly number[][], size: number): Float64Array {
  const documentFrequency = new Float64Array(size);
  const seen = new Int32Array(size).fill(-1);
  termLists.forEach((list, index) => {
    for (const id of list) {
      if (seen[id] === index) continue;
      seen[id] = index;
      documentFrequency[id]!++;
    }
  });
  const idf = new Float64Array(size);
  for (let id = 0; id < size; id++) idf[id] = Math.log((1 + termLists.length) / (1 + documentFrequency[id]!)) + 1;
  return idf;
}

function weigh(ids: readonly number[], idf: Float64Array): Vector {
  if (ids.length === 0) return EMPTY;
  const sorted = [...ids].sort((a, b) => a - b);
  const unique: number[] = [];
  const weights: number[] = [];
  for (const id of sorted) {
    if (unique.at(-1) === id) weights[weights.length - 1]! += idf[id] ?? 1;
    else {
      unique.push(id);
      weights.push(idf[id] ?? 1);
    }
  }
  const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) || 1;
  return { ids: Int32Array.from(unique), weights: Float64Array.from(weights, (w) => w / norm) };
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** PageRank over the weighted sentence-similarity graph. */
function textRank(vectors: readonly Vector[]): number[] {
  const n = vectors.length;
  const weights = new Float64Array(n * n);
  const outgoing = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = cosine(vectors[i]!, vectors[j]!);
      weights[i * n + j] = w;
      weights[j * n + i] = w;
      outgoing[i]! += w;
      outgoing[j]! += w;
    }
  }
  let ranks = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Float64Array(n).fill((1 - DAMPING) / n);
    for (let j = 0; j < n; j++) {
      if (outgoing[j] === 0) continue;
      const share = (DAMPING * ranks[j]!) / outgoing[j]!;
      for (let i = 0; i < n; i++) next[i]! += share * weights[j * n + i]!;
    }
    ranks = next;
  }
  return [...ranks];
}
