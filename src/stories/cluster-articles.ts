import { groupSameEvent } from './group-same-event.ts';
import type { AnalyzedArticle, Story } from './story.ts';

function byPublication(a: AnalyzedArticle, b: AnalyzedArticle): number {
  return a.article.publishedAt - b.article.publishedAt || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0);
}

/**
 * Groups analysed articles into stories, one per event (see `groupSameEvent`), each with its
 * earliest-published article first: the original a wire story was copied from leads.
 *
 * @example
 *   const stories = clusterArticles(analyzed);
 *   stories[0]?.articles.length; // 2 for a wire story carried by two feeds
 */
export function clusterArticles(items: readonly AnalyzedArticle[]): Story[] {
  return groupSameEvent(items.map((item) => item.article)).map((group) => {
    const articles = group.map((index) => items[index]!).sort(byPublication);
    return { id: articles[0]!.article.id, articles };
  });
}
