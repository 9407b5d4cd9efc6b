import type { AnalyzedArticle, Story } from './story.ts';

const MIN_TOKEN_LENGTH = 3;
/** Cosine similarity above which two articles are taken to tell the same event. */
const SAME_EVENT_THRESHOLD = 0.35;

function tokens(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((token) => token.length >= MIN_TOKEN_LENGTH);
}

/** The words that characterise an article: its title (counted twice) and its first paragraphs. */
function signature(item: AnalyzedArticle): string[] {
  const title = tokens(item.article.title);
  return [...title, ...title, ...tokens(item.article.paragraphs.slice(0, 3).join(' '))];
}

type Vector = Map<string, number>;

function tfIdfVectors(documents: string[][]): Vector[] {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) for (const token of new Set(document)) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  return documents.map((document) => {
    const vector: Vector = new Map();
    for (const token of document) vector.set(token, (vector.get(token) ?? 0) + 1);
    let norm = 0;
    for (const [token, count] of vector) {
      const weight = (1 + Math.log(count)) * Math.log(1 + documents.length / (documentFrequency.get(token) ?? 1));
      vector.set(token, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [token, weight] of vector) vector.set(token, weight / norm);
    return vector;
  });
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [token, weight] of small) sum += weight * (large.get(token) ?? 0);
  return sum;
}

/**
 * Groups articles that tell the same event into stories (same canonical URL, or similar words
 * in title and lead), keeping the earliest-published article of each group first.
 *
 * @example
 *   const stories = clusterArticles(analyzed); // stories[0].articles.length === 2 for a wire story in two feeds
 */
export function clusterArticles(items: readonly AnalyzedArticle[]): Story[] {
  const vectors = tfIdfVectors(items.map(signature));
  const parent = items.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[index] = root;
    return root;
  };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      const va = vectors[i];
      const vb = vectors[j];
      if (!a || !b || !va || !vb) continue;
      const sameUrl = a.article.url !== null && a.article.url === b.article.url;
      if (sameUrl || cosine(va, vb) >= SAME_EVENT_THRESHOLD) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, AnalyzedArticle[]>();
  items.forEach((item, index) => {
    const root = find(index);
    const group = groups.get(root) ?? [];
    group.push(item);
    groups.set(root, group);
  });
  return [...groups.values()].map((articles) => {
    const ordered = [...articles].sort((a, b) => a.article.publishedAt - b.article.publishedAt || a.article.id.localeCompare(b.article.id));
    return { id: ordered[0]?.article.id ?? '', articles: ordered };
  });
}
