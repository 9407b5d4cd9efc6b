import type { DeliveryChannel } from '../delivery/delivery-channel.ts';
import { throttledChat, type SendThrottle } from '../delivery/send/send-throttle.ts';
import type { FeedEvent } from '../feeds/ingest-context.ts';
import type { Logger } from '../logger.ts';
import type { ChatRecord, Platform } from '../store/records.ts';
import type { Store } from '../store/store.ts';

/**
 * The short notice a chat gets when one of its feeds is paused after repeated failures, or
 * works again, in the chat's language (English unless it chose French).
 *
 * @example
 *   feedNotice({ kind: 'resumed', feed }, chat); // 'The feed “Le Monde” works again: …'
 */
export function feedNotice(event: FeedEvent, chat: Pick<ChatRecord, 'settings'>): string {
  const title = event.feed.title || event.feed.url;
  const french = chat.settings.lang === 'fr';
  if (event.kind === 'resumed') {
    return french ? `Le flux « ${title} » fonctionne de nouveau : ses articles reviennent dans vos résumés.` : `The feed “${title}” works again: its articles are back in your digests.`;
  }
  const why = event.error.detail;
  return french
    ? `Le flux « ${title} » est en pause : il échoue depuis plusieurs tentatives (${why}). Précis réessaiera de temps en temps et vous préviendra quand il refonctionnera.`
    : `The feed “${title}” is paused: it failed repeatedly (${why}). Précis will keep trying now and then and tell you when it works again.`;
}

/**
 * Tells every chat subscribed to the event's feed, through its platform channel's `notify`,
 * each message paced by the platform's throttle when `throttles` has one (notices share the
 * platform's limits with digests and answers). A chat whose channel cannot send notices, or a
 * send that fails, is only logged.
 *
 * @example
 *   await notifySubscribers({ store, channels, log, throttles: delivery.throttles }, { kind: 'paused', feed, error });
 */
export async function notifySubscribers(
  context: { store: Store; channels: ReadonlyMap<Platform, DeliveryChannel>; log: Logger; throttles?: ReadonlyMap<Platform, SendThrottle> },
  event: FeedEvent,
): Promise<number> {
  const { store, channels, log } = context;
  let told = 0;
  for (const chatRef of await store.listSubscribers(event.feed.id)) {
    const chat = await store.getChatById(chatRef);
    if (!chat || chat.pausedReason) continue;
    const channel = channels.get(chat.platform);
    const text = feedNotice(event, chat);
    if (!channel?.notify) {
      log.info({ chat: `${chat.platform}:${chat.chatId}`, feed: event.feed.id }, `feed ${event.kind} (this platform cannot post notices): ${text}`);
      continue;
    }
    try {
      const throttle = context.throttles?.get(chat.platform);
      await channel.notify(chat, text, () => (throttle ? throttle.pace(throttledChat(chat), 'bulk') : Promise.resolve()));
      told++;
    } catch (error) {
      log.warn({ err: error, chat: `${chat.platform}:${chat.chatId}`, feed: event.feed.id }, `could not tell the chat that a feed is ${event.kind}`);
    }
  }
  return told;
}
