import type { StoredArticle } from '../store/records.ts';
import { clusterArticles } from '../stories/cluster-articles.ts';
import { chooseKeySentences } from '../stories/key-sentences.ts';
import { chooseKeyFigures } from '../stories/key-figures.ts';
import { mergeFigures } from '../stories/merge-figures.ts';
import { mergeQuotes } from '../stories/merge-quotes.ts';
import { rankStories } from '../stories/rank-stories.ts';
import type { AnalyzedArticle, Story } from '../stories/story.ts';
import type { ArticleAnalysis } from './analysis.ts';
import { analyzeArticle } from './analyze.ts';
import type { Digest, DigestSource, DigestStory } from './digest.ts';

/** What a digest shows and for whom. */
export interface DigestOptions {
  /** How many stories to keep. */
  stories: number;
  quotesPerStory: number;
  figuresPerStory: number;
  /** Key sentences per story; 2 when absent. */
  sentencesPerStory?: number | undefined;
  /** Display name of each feed, by feed id. */
  feedNames: ReadonlyMap<string, string>;
  /** Optional importance of each feed in ranking, by feed id; 1 when absent. */
  feedWeights?: ReadonlyMap<string, number> | undefined;
  timezone: string;
  now: number;
}

const DEFAULT_SENTENCES_PER_STORY = 2;

/**
 * Reads one stored article with the digest engine.
 *
 * @example
 *   const analysis = analyzeStoredArticle(article);
 *   analysis.quotes.length; // 2
 */
export function analyzeStoredArticle(article: StoredArticle, onError?: (error: unknown, article: StoredArticle) => void): ArticleAnalysis {
  try {
    return analyzeArticle({ title: article.title, text: article.paragraphs.join('\n'), lang: article.lang ?? undefined });
  } catch (error) {
    // One article the engine cannot read must not cost the chat its whole digest: it still appears,
    // with its headline and link, just without quotes, figures or key sentences.
    onError?.(error, article);
    return { lang: article.lang ?? 'und', title: article.title, summary: [], quotes: [], figures: [] };
  }
}

/** Each feed once, in story order, with the link to its own article. */
function storySources(story: Story, feedNames: ReadonlyMap<string, string>): DigestSource[] {
  const sources = new Map<string, DigestSource>();
  for (const { article } of story.articles) {
    if (!sources.has(article.feedId)) sources.set(article.feedId, { name: feedNames.get(article.feedId) ?? article.feedId, url: article.url });
  }
  return [...sources.values()];
}

function toDigestStory(story: Story, options: DigestOptions): DigestStory {
  const lead = story.articles[0]!;
  const headline = lead.article.title;
  // Attributed quotes first (who said it is half the news), then by first appearance.
  const quotes = mergeQuotes(story.articles.map(({ analysis }) => analysis.quotes))
    .map((quote, order) => ({ quote, order }))
    .sort((a, b) => Number(b.quote.speaker !== null) - Number(a.quote.speaker !== null) || a.order - b.order)
    .slice(0, Math.max(0, options.quotesPerStory))
    .map(({ quote }) => quote);
  const figures = chooseKeyFigures(mergeFigures(story.articles.map(({ analysis }) => analysis.figures)), options.figuresPerStory);
  const summary = chooseKeySentences(
    story.articles.map(({ analysis }) => analysis.summary),
    quotes,
    headline,
    options.sentencesPerStory ?? DEFAULT_SENTENCES_PER_STORY,
  );
  return {
    id: story.id,
    headline,
    url: story.articles.find(({ article }) => article.url !== null)?.article.url ?? null,
    lang: lead.analysis.lang,
    summary,
    quotes,
    figures,
    sources: storySources(story, options.feedNames),
    publishedAt: Math.max(...story.articles.map(({ article }) => article.publishedAt)),
    imageUrl: story.articles.find(({ article }) => article.imageUrl)?.article.imageUrl ?? null,
  };
}

/**
 * Builds the digest of articles the engine has already read: groups them into stories, ranks the
 * stories and keeps the top ones, each with merged quotes and figures and key sentences that do
 * not repeat them. Pure: the time comes in `options.now`.
 *
 * @example
 *   const digest = assembleDigest(articles.map((article) => ({ article, analysis: analyzeStoredArticle(article) })), options);
 */
export function assembleDigest(analyzed: readonly AnalyzedArticle[], options: DigestOptions): Digest {
  const ranked = rankStories(clusterArticles(analyzed), { now: options.now, feedWeights: options.feedWeights });
  const kept = ranked.slice(0, Math.max(0, options.stories));
  return {
    generatedAt: options.now,
    timezone: options.timezone,
    stories: kept.map((story) => toDigestStory(story, options)),
    omittedStories: ranked.length - kept.length,
    articleIds: kept.flatMap((story) => story.articles.map(({ article }) => article.id)),
  };
}

/**
 * Builds the digest of a set of articles: reads each with the digest engine, then
 * `assembleDigest`. Pure: the time comes in `options.now`.
 *
 * @example
 *   const digest = buildDigest(articles, { stories: 5, quotesPerStory: 2, figuresPerStory: 3, feedNames, timezone: 'Europe/Paris', now });
 */
export function buildDigest(articles: readonly StoredArticle[], options: DigestOptions): Digest {
  return assembleDigest(
    articles.map((article) => ({ article, analysis: analyzeStoredArticle(article) })),
    options,
  );
}
