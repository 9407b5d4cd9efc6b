import type { ChatRecord, DeliveryRecord, FeedRecord, StoredArticle } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { compileItemFilter, type FilterRule } from './filters/item-filter.ts';
import { compileSchedule, nextSlotAfter } from './schedule/cron-slots.ts';

/** How many of a chat's latest deliveries are searched for an item. */
const RECENT_DELIVERIES = 200;
const HOUR = 3_600_000;
const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|xtor|at_medium|at_campaign|ref|ref_src)$/i;

/** The story an item was shown in. */
export interface StoryFacts {
  id: string;
  headline: string;
  /** Other articles merged into the same story. */
  mergedWith: { title: string; feed: string }[];
}

/** What happened to an item for one chat, as facts; the `/why` command words it. */
export type ItemExplanation =
  | { status: 'invalid_url'; url: string }
  | { status: 'not_fetched'; url: string; feeds: number }
  | { status: 'other_feed'; article: StoredArticle; feeds: string[] }
  | { status: 'back_catalogue'; article: StoredArticle; feed: string }
  | { status: 'filtered'; article: StoredArticle; rule: FilterRule }
  | { status: 'delivered'; article: StoredArticle; delivery: DeliveryRecord; story: StoryFacts | null }
  | { status: 'pending'; article: StoredArticle; nextDigestAt: number | null }
  | { status: 'not_selected'; article: StoredArticle; delivery: DeliveryRecord | null; tooOld: boolean }
  | { status: 'not_delivered'; article: StoredArticle; delivery: DeliveryRecord };

/** With the explanation: when the item was also shown by /digest, if it was. */
export interface ItemReport {
  explanation: ItemExplanation;
  shownOnDemandAt: number | null;
}

/**
 * The forms a link to the same item takes: as typed, without fragment or tracking parameters,
 * with and without a trailing slash, "www." or https — feeds and users rarely agree on one.
 *
 * @example
 *   urlVariants('https://www.example.org/a/?utm_source=x#top'); // includes 'https://www.example.org/a' and 'https://example.org/a/'
 */
export function urlVariants(input: string): string[] {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const variants = new Set<string>([url.href]);
  url.hash = '';
  variants.add(url.href);
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMETER.test(key)) url.searchParams.delete(key);
  const bases = [url.href];
  const host = url.hostname.startsWith('www.') ? url.hostname.slice(4) : `www.${url.hostname}`;
  for (const base of [...bases]) {
    const other = new URL(base);
    other.hostname = host;
    bases.push(other.href);
  }
  for (const base of [...bases]) {
    const other = new URL(base);
    other.protocol = other.protocol === 'https:' ? 'http:' : 'https:';
    bases.push(other.href);
  }
  for (const base of bases) {
    variants.add(base);
    const other = new URL(base);
    other.pathname = other.pathname.endsWith('/') && other.pathname !== '/' ? other.pathname.slice(0, -1) : `${other.pathname}/`;
    variants.add(other.href);
  }
  return [...variants];
}

async function storyFacts(store: Store, chat: ChatRecord, delivery: DeliveryRecord, storyId: string | null, feeds: ReadonlyMap<string, FeedRecord>): Promise<StoryFacts | null> {
  if (!storyId) return null;
  const members = (await store.listDeliveredArticles(chat.id, delivery.articleIds)).filter((row) => row.storyId === storyId);
  const articles = await store.getArticles([storyId, ...members.map((row) => row.articleId).filter((id) => id !== storyId)]);
  const lead = articles.find((article) => article.id === storyId);
  if (!lead) return null;
  return {
    id: storyId,
    headline: lead.title,
    mergedWith: articles.filter((article) => article.id !== storyId).map((article) => ({ title: article.title, feed: feeds.get(article.feedId)?.title ?? article.feedId })),
  };
}

function nextDigestOf(chat: ChatRecord, now: number): number | null {
  try {
    return nextSlotAfter(compileSchedule(chat.settings.cron, chat.settings.timezone), now);
  } catch {
    return null;
  }
}

/**
 * Explains what happened to an item (by its link) for a chat: not fetched yet, from a feed the
 * chat does not follow, back catalogue of a first fetch, kept out by which filter, sent in which
 * digest and merged into which story, waiting for the next digest, or not selected among the
 * top stories. Filters are judged with the chat's current settings.
 *
 * @example
 *   const { explanation } = await explainItem({ store, now: Date.now(), windowHours: 72 }, chat, 'https://example.org/a');
 *   explanation.status; // 'delivered'
 */
export async function explainItem(context: { store: Store; now: number; windowHours: number }, chat: ChatRecord, url: string): Promise<ItemReport> {
  const { store, now } = context;
  const variants = urlVariants(url);
  if (!variants.length) return { explanation: { status: 'invalid_url', url }, shownOnDemandAt: null };
  const feedIds = await store.listSubscriptions(chat.id);
  const feeds = new Map((await store.listFeeds()).map((feed) => [feed.id, feed]));
  const feedName = (id: string) => feeds.get(id)?.title ?? id;
  const found = await store.findArticlesByUrl(variants, feedIds);
  if (!found.length) {
    const elsewhere = await store.findArticlesByUrl(variants, null);
    const first = elsewhere[0];
    const explanation: ItemExplanation = first
      ? { status: 'other_feed', article: first, feeds: [...new Set(elsewhere.map((article) => feedName(article.feedId)))] }
      : { status: 'not_fetched', url, feeds: feedIds.length };
    return { explanation, shownOnDemandAt: null };
  }
  const recent = await store.listRecentDeliveries(chat.id, RECENT_DELIVERIES);
  const ids = new Set(found.map((article) => article.id));
  const shownOnDemandAt = recent.find((delivery) => delivery.kind === 'on_demand' && delivery.articleIds.some((id) => ids.has(id)))?.createdAt ?? null;
  const report = (explanation: ItemExplanation): ItemReport => ({ explanation, shownOnDemandAt });

  const delivered = (await store.listDeliveredArticles(chat.id, [...ids]))[0];
  if (delivered) {
    const delivery = await store.getDelivery(delivered.deliveryId);
    const article = found.find((candidate) => candidate.id === delivered.articleId) ?? found[0]!;
    if (delivery) return report({ status: 'delivered', article, delivery, story: await storyFacts(store, chat, delivery, delivered.storyId, feeds) });
  }
  const article = found[0]!;
  if (!article.fresh) return report({ status: 'back_catalogue', article, feed: feedName(article.feedId) });
  const verdict = compileItemFilter(chat.settings, (feedId) => feeds.get(feedId)?.lang ?? null).verdict(article);
  if (!verdict.kept) return report({ status: 'filtered', article, rule: verdict.rule });
  const covering = recent.find((delivery) => delivery.kind === 'scheduled' && delivery.windowStart < article.firstSeenAt && article.firstSeenAt <= delivery.windowEnd);
  if (covering && covering.status === 'failed' && covering.articleIds.includes(article.id)) return report({ status: 'not_delivered', article, delivery: covering });
  const firstWindowStart = now - context.windowHours * HOUR;
  if (chat.lastDigestAt === null || article.firstSeenAt > chat.lastDigestAt) {
    if (chat.lastDigestAt === null && article.firstSeenAt <= firstWindowStart) return report({ status: 'not_selected', article, delivery: null, tooOld: true });
    return report({ status: 'pending', article, nextDigestAt: nextDigestOf(chat, now) });
  }
  return report({ status: 'not_selected', article, delivery: covering ?? null, tooOld: false });
}
