import { assembleDigest } from '../digest/build-digest.ts';
import type { Digest } from '../digest/digest.ts';
import type { ChatRecord, DeliveryKind, StoredArticle } from '../store/records.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { compileItemFilter } from './filters/item-filter.ts';

const HOUR = 3600 * 1000;
/** Articles read per digest at most; far more than any digest shows. */
export const MAX_ARTICLES = 500;

/** A chat's digest, ready to record: what it covers and which story each article went into. */
export interface CollectedDigest {
  digest: Digest;
  windowStart: number;
  windowEnd: number;
  /** The story (its lead article's id) each shown article belongs to. */
  storyOf: Map<string, string>;
  /** Articles of the window the chat's filters kept out. */
  filteredOut: number;
}

/**
 * Which story each article of a digest went into. The digest lists the articles of its stories
 * in story order, each story's lead (whose id is the story's id) first.
 */
export function storiesOfArticles(digest: Digest): Map<string, string> {
  const storyOf = new Map<string, string>();
  const leads = new Set(digest.stories.map((story) => story.id));
  let current: string | null = null;
  for (const articleId of digest.articleIds) {
    if (leads.has(articleId)) current = articleId;
    if (current === null) return new Map();
    storyOf.set(articleId, current);
  }
  return storyOf;
}

/**
 * Builds the digest a chat should get now, with the chat's filters applied.
 * - `scheduled`: what arrived since the chat's previous scheduled digest and was never sent to
 *   it (a chat's first digest looks back `digest.windowHours`).
 * - `on_demand` (/digest): the latest stories of the last `windowHours`, sent before or not. It
 *   never moves the scheduled window, so the next scheduled digest still covers everything new
 *   (a deliberate choice: /digest is a look, not a delivery of the next digest).
 * `slotAt` dates a scheduled digest by its slot, so chats due at the same minute with the same
 * news share one digest build.
 *
 * @example
 *   const { digest, storyOf } = await collectDigest(context, chat, 'scheduled', slotAt);
 */
export async function collectDigest(context: DeliveryContext, chat: ChatRecord, kind: DeliveryKind, slotAt: number | null = null): Promise<CollectedDigest> {
  const { store } = context;
  const now = context.now();
  const feedIds = await store.listSubscriptions(chat.id);
  const feeds = await store.listFeeds();
  const feedLanguage = new Map(feeds.map((feed) => [feed.id, feed.lang]));
  const filter = compileItemFilter(chat.settings, (feedId) => feedLanguage.get(feedId) ?? null);
  const lookback = now - context.digest.windowHours * HOUR;
  const windowStart = kind === 'scheduled' ? Math.max(chat.lastDigestAt ?? lookback, 0) : lookback;
  const read = async (seenAfter: number, limit: number, notDeliveredTo: number | undefined): Promise<StoredArticle[]> =>
    (await store.listArticles({ feedIds, seenAfter, seenUntil: now, notDeliveredTo, limit })).filter((article) => filter.verdict(article).kept);
  const candidates = await store.listArticles({
    feedIds,
    seenAfter: windowStart,
    seenUntil: now,
    notDeliveredTo: kind === 'scheduled' ? chat.id : undefined,
    limit: MAX_ARTICLES,
  });
  let articles = candidates.filter((article) => filter.verdict(article).kept);
  const filteredOut = candidates.length - articles.length;
  // An on-demand digest is never empty while the chat's feeds have any news at all.
  if (kind === 'on_demand' && !articles.length) articles = await read(0, Math.max(chat.settings.stories * 3, MAX_ARTICLES / 10), undefined);

  const options = {
    stories: chat.settings.stories,
    quotesPerStory: context.digest.quotesPerStory,
    figuresPerStory: context.digest.figuresPerStory,
    feedNames: new Map(feeds.map((feed) => [feed.id, feed.title])),
    timezone: chat.settings.timezone,
    now: slotAt ?? now,
  };
  const key = JSON.stringify([articles.map((article) => article.id), options.stories, options.quotesPerStory, options.figuresPerStory, options.timezone, options.now]);
  const digest = context.cache.digest(key, () => assembleDigest(context.cache.analyze(articles), options));
  return { digest, windowStart, windowEnd: now, storyOf: storiesOfArticles(digest), filteredOut };
}
