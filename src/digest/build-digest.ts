import type { StoredArticle } from '../store/records.ts';
import { clusterArticles } from '../stories/cluster-articles.ts';
import type { AnalyzedArticle, Story } from '../stories/story.ts';
import type { ArticleAnalysis, Figure, Quote } from './analysis.ts';
import { analyzeArticle } from './analyze.ts';
import type { Digest, DigestStory } from './digest.ts';

export interface DigestOptions {
  stories: number;
  quotesPerStory: number;
  figuresPerStory: number;
  /** Display name of each feed, by feed id. */
  feedNames: ReadonlyMap<string, string>;
  timezone: string;
  now: number;
}

const HOUR = 3600 * 1000;

/** Reads one stored article with the digest engine. */
export function analyzeStoredArticle(article: StoredArticle): ArticleAnalysis {
  return analyzeArticle({ title: article.title, text: article.paragraphs.join('\n'), lang: article.lang ?? undefined });
}

function quoteKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function mergeQuotes(story: Story, limit: number): Quote[] {
  const seen = new Set<string>();
  const quotes: Quote[] = [];
  for (const { analysis } of story.articles) {
    for (const quote of analysis.quotes) {
      const key = quoteKey(quote.text);
      if (seen.has(key)) continue;
      seen.add(key);
      quotes.push(quote);
    }
  }
  // Attributed quotes first: a quote without a speaker tells the reader less.
  return quotes.sort((a, b) => Number(b.speaker !== null) - Number(a.speaker !== null)).slice(0, limit);
}

function mergeFigures(story: Story, limit: number): Figure[] {
  const seen = new Set<string>();
  const figures: Figure[] = [];
  for (const { analysis } of story.articles) {
    for (const figure of analysis.figures) {
      const key = `${figure.value}|${quoteKey(figure.unit ?? '')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      figures.push(figure);
    }
  }
  // Figures that say what they count first; then article order.
  return figures.sort((a, b) => Number(b.unit !== null) - Number(a.unit !== null)).slice(0, limit);
}

/** Higher is more newsworthy: reported by more feeds, more recent, with quotes and figures to show. */
function storyScore(story: Story, now: number): number {
  const newest = Math.max(...story.articles.map(({ article }) => article.publishedAt));
  const ageHours = Math.max(0, (now - newest) / HOUR);
  const feeds = new Set(story.articles.map(({ article }) => article.feedId)).size;
  const lead = story.articles[0]?.analysis;
  const substance = (lead?.quotes.length ? 0.5 : 0) + (lead?.figures.length ? 0.3 : 0);
  return feeds * 2 + substance + 1 / (1 + ageHours / 12);
}

function toDigestStory(story: Story, options: DigestOptions): DigestStory {
  const lead = story.articles[0] as AnalyzedArticle;
  const sources = new Map<string, { name: string; url: string | null }>();
  for (const { article } of story.articles) {
    const name = options.feedNames.get(article.feedId) ?? article.feedId;
    if (!sources.has(name)) sources.set(name, { name, url: article.url });
  }
  return {
    id: story.id,
    headline: lead.article.title,
    url: lead.article.url,
    lang: lead.analysis.lang,
    summary: lead.analysis.summary.slice(0, 2),
    quotes: mergeQuotes(story, options.quotesPerStory),
    figures: mergeFigures(story, options.figuresPerStory),
    sources: [...sources.values()],
    publishedAt: Math.max(...story.articles.map(({ article }) => article.publishedAt)),
    imageUrl: story.articles.find(({ article }) => article.imageUrl)?.article.imageUrl ?? null,
  };
}

/**
 * Builds the digest of a set of articles: reads each, groups them into stories, ranks the
 * stories and keeps the top ones. Pure: the time comes in `options.now`.
 *
 * @example
 *   const digest = buildDigest(articles, { stories: 5, quotesPerStory: 2, figuresPerStory: 3, feedNames, timezone: 'Europe/Paris', now });
 */
export function buildDigest(articles: readonly StoredArticle[], options: DigestOptions): Digest {
  const analyzed = articles.map((article) => ({ article, analysis: analyzeStoredArticle(article) }));
  const ranked = clusterArticles(analyzed)
    .map((story) => ({ story, score: storyScore(story, options.now) }))
    .sort((a, b) => b.score - a.score || a.story.id.localeCompare(b.story.id));
  const kept = ranked.slice(0, options.stories).map(({ story }) => story);
  return {
    generatedAt: options.now,
    timezone: options.timezone,
    stories: kept.map((story) => toDigestStory(story, options)),
    omittedStories: ranked.length - kept.length,
    articleIds: kept.flatMap((story) => story.articles.map(({ article }) => article.id)),
  };
}
