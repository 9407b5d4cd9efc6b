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
  if (!Number.isFinite(gap)) return SAME_EVENT_SIMILARITY;
  const span = Math.min(1, Math.max(0, Math.abs(gap) - NEAR_IN_TIME) / (FAR_IN_TIME - NEAR_IN_TIME));
  return SAME_EVENT_SIMILARITY + span * (SAME_EVENT_SIMILARITY_DAYS_APART - SAME_EVENT_SIMILARITY);
}

/** Words per article that look for candidates: its heaviest, which carry most of its similarity. */
const CANDIDATE_WORDS = 30;
/** Words of the fingerprint that puts copies of one text together, however many feeds carry it. */
const FINGERPRINT_WORDS = 6;

function byWeight(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/**
 * Pairs of articles worth comparing (keys `i * count + j`, i < j):
 * - one has among its heaviest words an uncommon word the other also has. Words found in many
 *   articles are skipped: they cannot tell events apart, and skipping them keeps the work
 *   near-linear instead of comparing every pair;
 * - both have the same heaviest words (a fingerprint): copies of one wire story, which may be
 *   carried by so many feeds that none of their words is uncommon any more.
 */
function candidatePairs(vectors: readonly SparseVector[], documentFrequency: ReadonlyMap<string, number>): Set<number> {
  const count = vectors.length;
  const key = (i: number, j: number): number => (i < j ? i * count + j : j * count + i);
  const maxPosting = Math.max(16, Math.ceil(4 * Math.sqrt(count)));
  const pairs = new Set<number>();
  const fingerprints = new Map<string, number>();
  const uncommon = vectors.map((vector, index) => {
    const tokens = [...vector].sort(byWeight);
    const fingerprint = tokens.slice(0, FINGERPRINT_WORDS).map(([token]) => token).join(' ');
    const first = fingerprints.get(fingerprint);
    if (first === undefined) fingerprints.set(fingerprint, index);
    else if (fingerprint) pairs.add(key(first, index));
    return tokens.filter(([token]) => (documentFrequency.get(token) ?? 0) <= maxPosting);
  });
  const postings = new Map<string, number[]>();
  uncommon.forEach((tokens, index) => {
    for (const [token] of tokens) {
      const list = postings.get(token);
      if (list) list.push(index);
      else postings.set(token, [index]);
    }
  });
  uncommon.forEach((tokens, i) => {
    for (const [token] of tokens.slice(0, CANDIDATE_WORDS)) {
      for (const j of postings.get(token) ?? []) if (j !== i) pairs.add(key(i, j));
    }
  });
  return pairs;
}

function addInto(target: SparseVector, source: SparseVector): void {
  for (const [token, weight] of source) target.set(token, (target.get(token) ?? 0) + weight);
}

/**
 * Groups articles that tell the same event: the same link, or similar words in headline and lead
 * (TF-IDF cosine, with a stricter bar for articles published days apart). Candidates come from
 * shared uncommon words and from identical fingerprints (copies of one text), so a batch of 500
 * articles is not compared pair by pair. Groups join by average similarity, so one ambiguous
 * article cannot chain two stories together.
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
  for (const key of candidatePairs(vectors, documentFrequency)) {
    const i = Math.floor(key / count);
    const j = key % count;
    const similarity = cosine(vectors[i]!, vectors[j]!);
    if (similarity >= requiredSimilarity(articles[i]!.publishedAt - articles[j]!.publishedAt)) accepted.push({ i, j, similarity });
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
