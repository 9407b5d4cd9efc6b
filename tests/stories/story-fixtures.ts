import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { ArticleAnalysis } from '../../src/digest/analysis.ts';
import type { StoredArticle } from '../../src/store/records.ts';
import type { AnalyzedArticle } from '../../src/stories/story.ts';

/** The time test articles are published at unless they say otherwise. */
export const NOW = Date.parse('2024-11-06T08:00:00Z');
const HOUR = 3600 * 1000;

const DEV_ARTICLES = new URL('../../../shared/eval/dev/articles/', import.meta.url);
const FIXTURES = new URL('../fixtures/stories/', import.meta.url);

/** The evaluation set lives in ../shared beside the repository; a checkout without it skips the tests that read it. */
export const devArticlesAvailable = existsSync(DEV_ARTICLES);

/** Prints, once per test file, why tests on the evaluation articles are skipped. */
export function explainDevArticlesSkip(what: string): void {
  if (!devArticlesAvailable) console.log(`[skipped] ${what}: ../shared/eval/dev/articles is not beside the repository`);
}

/** A stored article with sensible defaults. */
export function storedArticle(fields: Partial<StoredArticle> & Pick<StoredArticle, 'id' | 'title' | 'paragraphs'>): StoredArticle {
  return {
    feedId: 'feed',
    guid: null,
    url: null,
    author: null,
    publishedAt: NOW - HOUR,
    lang: null,
    html: null,
    imageUrl: null,
    categories: [],
    firstSeenAt: NOW - HOUR,
    fresh: true,
    ...fields,
  };
}

/** An empty reading: what clustering tests need when only the text matters. */
export function emptyAnalysis(lang = 'en'): ArticleAnalysis {
  return { lang, title: null, summary: [], quotes: [], figures: [] };
}

export function analyzed(article: StoredArticle, analysis: Partial<ArticleAnalysis> = {}): AnalyzedArticle {
  return { article, analysis: { ...emptyAnalysis(article.lang ?? 'en'), ...analysis } };
}

interface DevArticle {
  id: string;
  lang: string;
  title: string;
  text: string;
}

/** The real articles of the evaluation set: each tells a different event. */
export function devArticles(): StoredArticle[] {
  if (!devArticlesAvailable) return [];
  return readdirSync(DEV_ARTICLES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(new URL(file, DEV_ARTICLES), 'utf8')) as DevArticle)
    .map((dev) => storedArticle({ id: `dev-${dev.id}`, feedId: `dev-feed-${dev.id}`, title: dev.title, paragraphs: dev.text.split('\n'), lang: dev.lang }));
}

interface SameEventArticle {
  id: string;
  of: string;
  kind: 'rewrite' | 'independent' | 'translation';
  lang: string;
  title: string;
  paragraphs: string[];
}

/** Hand-written second versions of dev articles (tests/fixtures/stories/same-event.json). */
export function sameEventArticles(): (StoredArticle & { of: string; kind: SameEventArticle['kind'] })[] {
  const file = JSON.parse(readFileSync(new URL('same-event.json', FIXTURES), 'utf8')) as { articles: SameEventArticle[] };
  return file.articles.map((item) => ({
    ...storedArticle({ id: item.id, feedId: `other-feed-${item.id}`, title: item.title, paragraphs: item.paragraphs, lang: item.lang }),
    of: `dev-${item.of}`,
    kind: item.kind,
  }));
}

interface FeedItem {
  feed: string;
  title: string;
  url: string | null;
  lang: string | null;
  publishedAt: string;
  paragraphs: string[];
}

/** Real items of the development feeds (tests/fixtures/stories/feed-articles.json). */
export function feedItems(): StoredArticle[] {
  const file = JSON.parse(readFileSync(new URL('feed-articles.json', FIXTURES), 'utf8')) as { articles: FeedItem[] };
  return file.articles.map((item, index) =>
    storedArticle({
      id: `${item.feed}-${String(index).padStart(3, '0')}`,
      feedId: item.feed,
      title: item.title,
      url: item.url,
      lang: item.lang,
      publishedAt: Date.parse(item.publishedAt),
      paragraphs: item.paragraphs,
    }),
  );
}
