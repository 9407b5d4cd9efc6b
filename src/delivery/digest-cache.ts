import type { ArticleAnalysis } from '../digest/analysis.ts';
import { analyzeStoredArticle } from '../digest/build-digest.ts';
import type { Digest } from '../digest/digest.ts';
import type { StoredArticle } from '../store/records.ts';
import type { AnalyzedArticle } from '../stories/story.ts';

/** A Map that forgets its least recently used entries beyond `capacity`. */
class LruMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

/**
 * Work shared by the chats of one fan-out: each article is read by the digest engine once (not
 * once per chat), and chats whose digests would be identical (same articles, same options)
 * share one. Stored articles never change, so nothing here goes stale.
 *
 * @example
 *   const cache = new DigestCache();
 *   const analyzed = cache.analyze(articles);
 *   const digest = cache.digest(key, () => assembleDigest(analyzed, options));
 */
export class DigestCache {
  private readonly analyses: LruMap<ArticleAnalysis>;
  private readonly digests: LruMap<Digest>;

  private readonly onAnalysisError: ((error: unknown, article: StoredArticle) => void) | undefined;

  constructor(options: { articles?: number; digests?: number; onAnalysisError?: (error: unknown, article: StoredArticle) => void } = {}) {
    this.onAnalysisError = options.onAnalysisError;
    this.analyses = new LruMap(options.articles ?? 5000);
    this.digests = new LruMap(options.digests ?? 64);
  }

  analyze(articles: readonly StoredArticle[]): AnalyzedArticle[] {
    return articles.map((article) => {
      let analysis = this.analyses.get(article.id);
      if (!analysis) {
        analysis = analyzeStoredArticle(article, this.onAnalysisError);
        this.analyses.set(article.id, analysis);
      }
      return { article, analysis };
    });
  }

  digest(key: string, build: () => Digest): Digest {
    const cached = this.digests.get(key);
    if (cached) return cached;
    const built = build();
    this.digests.set(key, built);
    return built;
  }
}
