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

type Vector = Map<number, number>;

interface Candidate {
  sentence: Sentence;
  /** Rank among candidates in article order (0 = lead). */
  position: number;
  vector: Vector;
}

const DAMPING = 0.85;
const ITERATIONS = 30;
const MIN_WORDS = 6;
const MAX_WORDS = 70;
/** At most this many sentences enter the graph: ranking is quadratic and lead bias favours the top anyway. */
const MAX_CANDIDATES = 60;
/** A sentence whose words are more than this share quoted restates a quote. */
const MAX_QUOTED_SHARE = 0.5;
/** Two picks more similar than this say the same thing. */
const MAX_REDUNDANCY = 0.5;
const WEIGHT_RANK = 0.3;
const WEIGHT_LEAD = 0.45;
const WEIGHT_TITLE = 0.25;
const STEM_LENGTH = 6;
const WORD = /[\p{L}\p{N}]+/gu;
/** "JAKARTA (Reuters) - ", "LONDON — ": the dateline that opens wire copy. */
const DATELINE = /^(?:\p{Lu}[\p{Lu}\p{M} .,'’-]{1,40}\s*(?:\([^)]{1,30}\))?|\([^)]{1,30}\))\s*[-—–]+\s+/u;
const BYLINE = /^\(?(?:reporting|additional reporting|writing|editing|par|by)\b/iu;

/** One to three key sentences in article order, datelines removed. */
export function keySentences(doc: ParsedDocument, title: string | null, quotations: readonly Quotation[]): string[] {
  const candidates = findCandidates(doc, quotations);
  if (candidates.length === 0) return [];
  const vocabulary = new Map<string, number>();
  const termLists = candidates.map((c) => terms(doc, c.sentence.text, vocabulary));
  const idf = inverseFrequencies(termLists, vocabulary.size);
  candidates.forEach((candidate, i) => (candidate.vector = weigh(termLists[i]!, idf)));
  const titleVector = title ? weigh(terms(doc, title, vocabulary, false), idf) : new Map<number, number>();
  const ranks = textRank(candidates.map((c) => c.vector));
  const maxRank = Math.max(...ranks);
  const scores = candidates.map((candidate, i) => {
    const lead = 1 / Math.sqrt(1 + candidate.position);
    const titleSimilarity = cosine(candidate.vector, titleVector);
    return WEIGHT_RANK * (ranks[i]! / maxRank) + WEIGHT_LEAD * lead + WEIGHT_TITLE * titleSimilarity;
  });
  const wanted = summaryLength(candidates.length);
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const picked: number[] = [];
  for (const i of order) {
    if (picked.length >= wanted) break;
    if (picked.some((j) => cosine(candidates[i]!.vector, candidates[j]!.vector) > MAX_REDUNDANCY)) continue;
    picked.push(i);
  }
  return picked.sort((a, b) => a - b).map((i) => candidates[i]!.sentence.text.replace(DATELINE, ''));
}

/** Short articles get one sentence, long ones up to three. */
function summaryLength(candidates: number): number {
  if (candidates < 20) return 1;
  if (candidates < 40) return 2;
  return 3;
}

function findCandidates(doc: ParsedDocument, quotations: readonly Quotation[]): Candidate[] {
  const { sentences, headings, text } = doc;
  const datelineParagraph = findDateline(doc);
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (sentence.paragraph < datelineParagraph) continue;
    if (headings[sentence.paragraph] && sentence.wholeParagraph) continue;
    const words = sentence.text.match(WORD)?.length ?? 0;
    if (words < MIN_WORDS || words > MAX_WORDS) continue;
    if (BYLINE.test(sentence.text) || /https?:\/\//u.test(sentence.text) || /[?]["»”]?$/u.test(sentence.text)) continue;
    if (quotedShare(text, sentence, quotations) > MAX_QUOTED_SHARE) continue;
    candidates.push({ sentence, position: candidates.length, vector: new Map() });
  }
  return candidates;
}

/** The paragraph that opens with a dateline; what comes before it is captions. 0 when there is none. */
function findDateline(doc: ParsedDocument): number {
  const lines = doc.text.split('\n');
  const limit = Math.min(lines.length, 4);
  for (let i = 0; i < limit; i++) if (DATELINE.test(lines[i]!)) return i;
  return 0;
}

function quotedShare(text: string, sentence: Sentence, quotations: readonly Quotation[]): number {
  let quoted = 0;
  for (const quotation of quotations) {
    if (quotation.short || quotation.nonSpeech) continue;
    for (const part of quotation.parts) {
      const start = Math.max(part.start, sentence.start);
      const end = Math.min(part.end, sentence.end);
      if (end > start) quoted += text.slice(start, end).match(WORD)?.length ?? 0;
    }
  }
  const total = sentence.text.match(WORD)?.length ?? 1;
  return quoted / total;
}

function terms(doc: ParsedDocument, sentence: string, vocabulary: Map<string, number>, grow = true): number[] {
  const ids: number[] = [];
  for (const match of sentence.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (word.length < 3 || doc.rules.stopwords.has(word)) continue;
    const stem = word.slice(0, STEM_LENGTH);
    let id = vocabulary.get(stem);
    if (id === undefined) {
      if (!grow) continue;
      id = vocabulary.size;
      vocabulary.set(stem, id);
    }
    ids.push(id);
  }
  return ids;
}

function inverseFrequencies(termLists: readonly number[][], size: number): Float64Array {
  const documentFrequency = new Float64Array(size);
  for (const list of termLists) for (const id of new Set(list)) documentFrequency[id]!++;
  const idf = new Float64Array(size);
  for (let id = 0; id < size; id++) idf[id] = Math.log((1 + termLists.length) / (1 + documentFrequency[id]!)) + 1;
  return idf;
}

function weigh(ids: readonly number[], idf: Float64Array): Vector {
  const vector: Vector = new Map();
  for (const id of ids) vector.set(id, (vector.get(id) ?? 0) + (idf[id] ?? 1));
  let norm = 0;
  for (const weight of vector.values()) norm += weight * weight;
  norm = Math.sqrt(norm) || 1;
  for (const [id, weight] of vector) vector.set(id, weight / norm);
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [id, weight] of small) dot += weight * (large.get(id) ?? 0);
  return dot;
}

/** PageRank over the weighted sentence-similarity graph. */
function textRank(vectors: readonly Vector[]): number[] {
  const n = vectors.length;
  const weights = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const outgoing = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let ranks = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    for (let j = 0; j < n; j++) {
      if (outgoing[j] === 0) continue;
      const share = (DAMPING * ranks[j]!) / outgoing[j]!;
      const row = weights[j]!;
      for (let i = 0; i < n; i++) next[i]! += share * row[i]!;
    }
    ranks = next;
  }
  return ranks;
}
