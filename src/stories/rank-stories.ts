import type { Story } from './story.ts';

const HOUR = 3600 * 1000;
/** A story loses half its freshness bonus every this many hours. */
const FRESHNESS_HALF_LIFE_HOURS = 12;
/** Bounds of a feed's weight: a typo in a config must not let one feed bury all others. */
const MAX_FEED_WEIGHT = 10;

/** What ranking needs besides the stories. */
export interface RankingOptions {
  /** The time the digest is built for (ms since the epoch). */
  now: number;
  /** Optional importance of each feed, by feed id; 1 when absent. */
  feedWeights?: ReadonlyMap<string, number> | undefined;
}

function feedWeight(feedId: string, weights: ReadonlyMap<string, number> | undefined): number {
  const weight = weights?.get(feedId) ?? 1;
  return Number.isFinite(weight) ? Math.min(MAX_FEED_WEIGHT, Math.max(0, weight)) : 1;
}

/**
 * How newsworthy a story is: the weight of the distinct feeds that carry it (each feed counts
 * once), scaled by freshness from 1 (just published) down to one half (long ago), plus a little
 * for having quotes and figures to show.
 *
 * @example
 *   storyScore(wireStoryInTwoFeeds, { now }); // ≈ 2 when fresh
 */
export function storyScore(story: Story, options: RankingOptions): number {
  const feeds = new Set(story.articles.map(({ article }) => article.feedId));
  let coverage = 0;
  for (const feedId of feeds) coverage += feedWeight(feedId, options.feedWeights);
  const newest = Math.max(...story.articles.map(({ article }) => article.publishedAt));
  const ageHours = Math.max(0, (options.now - newest) / HOUR);
  const freshness = 0.5 + 0.5 * 0.5 ** (ageHours / FRESHNESS_HALF_LIFE_HOURS);
  const substance = story.articles.some(({ analysis }) => analysis.quotes.length) ? 0.1 : 0;
  const figures = story.articles.some(({ analysis }) => analysis.figures.length) ? 0.05 : 0;
  return coverage * freshness + substance + figures;
}

function newest(story: Story): number {
  return Math.max(...story.articles.map(({ article }) => article.publishedAt));
}

/**
 * Stories from most to least newsworthy (`storyScore`); ties go to the newer story, then to the
 * smaller id, so the order never depends on input order.
 *
 * @example
 *   const [top] = rankStories(stories, { now, feedWeights: new Map([['le-monde', 2]]) });
 */
export function rankStories(stories: readonly Story[], options: RankingOptions): Story[] {
  return stories
    .map((story) => ({ story, score: storyScore(story, options), newest: newest(story) }))
    .sort((a, b) => b.score - a.score || b.newest - a.newest || (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0))
    .map(({ story }) => story);
}
