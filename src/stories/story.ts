import type { ArticleAnalysis } from '../digest/analysis.ts';
import type { StoredArticle } from '../store/records.ts';

/** An article with the engine's reading of it: the unit stories are made of. */
export interface AnalyzedArticle {
  article: StoredArticle;
  analysis: ArticleAnalysis;
}

/**
 * Articles from one or more feeds that tell the same event. `articles[0]` is the lead
 * article: the one whose headline and link the digest shows.
 */
export interface Story {
  id: string;
  articles: AnalyzedArticle[];
}
