import { buildDigest } from '../digest/build-digest.ts';
import type { Digest } from '../digest/digest.ts';
import type { ChatRecord, DeliveryKind } from '../store/records.ts';
import type { DeliveryContext } from './delivery-context.ts';

const HOUR = 3600 * 1000;
/** Articles read per digest at most; far more than any digest shows. */
const MAX_ARTICLES = 500;

export interface CollectedDigest {
  digest: Digest;
  windowStart: number;
  windowEnd: number;
}

/**
 * Builds the digest a chat should get now.
 * - `scheduled`: what arrived since the chat's previous scheduled digest and was never sent to it.
 * - `on_demand` (/digest): the latest stories, whether sent before or not; it never moves the
 *   scheduled window, so the next scheduled digest still covers everything new.
 *
 * @example
 *   const { digest } = await collectDigest(context, chat, 'scheduled');
 */
export async function collectDigest(context: DeliveryContext, chat: ChatRecord, kind: DeliveryKind): Promise<CollectedDigest> {
  const { store } = context;
  const now = context.now();
  const feedIds = await store.listSubscriptions(chat.id);
  const lookback = now - context.digest.windowHours * HOUR;
  const windowStart = kind === 'scheduled' ? Math.max(chat.lastDigestAt ?? lookback, 0) : lookback;
  let articles = await store.listArticles({
    feedIds,
    seenAfter: windowStart,
    seenUntil: now,
    notDeliveredTo: kind === 'scheduled' ? chat.id : undefined,
    limit: MAX_ARTICLES,
  });
  // An on-demand digest is never empty while the chat's feeds have any news at all.
  if (kind === 'on_demand' && !articles.length) {
    articles = await store.listArticles({ feedIds, seenAfter: 0, seenUntil: now, limit: chat.settings.stories * 3 });
  }
  const feeds = await store.listFeeds();
  const digest = buildDigest(articles, {
    stories: chat.settings.stories,
    quotesPerStory: context.digest.quotesPerStory,
    figuresPerStory: context.digest.figuresPerStory,
    feedNames: new Map(feeds.map((feed) => [feed.id, feed.title])),
    timezone: chat.settings.timezone,
    now,
  });
  return { digest, windowStart, windowEnd: now };
}
