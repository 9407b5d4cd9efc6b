import { storyTokens } from './story-tokens.ts';

/** A sparse vector: token → weight. */
export type SparseVector = Map<string, number>;

/** Words of the body read for matching: the lead tells the event; the rest adds noise and time. */
const BODY_TOKENS = 250;
/** A headline word counts as much as this many body words. */
const TITLE_WEIGHT = 1.5;
/**
 * Documents that contain none of the batch's words, added to every document count: a small batch
 * (two articles about one event) must not make their shared words look common.
 */
const BACKGROUND_DOCUMENTS = 100;

/**
 * How often each word occurs in the headline and lead of an article (headline words count double).
 *
 * @example
 *   termCounts('Quake in Nepal', ['A quake hit Nepal on Saturday.']).get('nepal'); // 3
 */
export function termCounts(title: string, paragraphs: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of storyTokens(title)) counts.set(token, (counts.get(token) ?? 0) + TITLE_WEIGHT);
  let taken = 0;
  for (const paragraph of paragraphs) {
    for (const token of storyTokens(paragraph)) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      if (++taken >= BODY_TOKENS) return counts;
    }
  }
  return counts;
}

/**
 * TF-IDF vectors (sublinear term frequency, L2-normalised) of a batch of documents, with the
 * number of documents each word occurs in.
 *
 * @example
 *   const { vectors } = tfIdfVectors([termCounts(a.title, a.paragraphs), termCounts(b.title, b.paragraphs)]);
 *   cosine(vectors[0]!, vectors[1]!); // 0.71
 */
export function tfIdfVectors(documents: readonly Map<string, number>[]): { vectors: SparseVector[]; documentFrequency: Map<string, number> } {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) for (const token of document.keys()) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  const total = documents.length + BACKGROUND_DOCUMENTS;
  const vectors = documents.map((document) => {
    const vector: SparseVector = new Map();
    let norm = 0;
    for (const [token, count] of document) {
      const weight = (1 + Math.log(count)) * Math.log(1 + total / ((documentFrequency.get(token) ?? 1) + 0.5));
      vector.set(token, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [token, weight] of vector) vector.set(token, weight / norm);
    return vector;
  });
  return { vectors, documentFrequency };
}

/**
 * Dot product of two sparse vectors: their cosine when both are L2-normalised.
 *
 * @example
 *   cosine(new Map([['nepal', 1]]), new Map([['nepal', 1]])); // 1
 */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [token, weight] of small) sum += weight * (large.get(token) ?? 0);
  return sum;
}
