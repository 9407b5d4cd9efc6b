import type { FeedRecord } from '../store/records.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { deliverDigest, type DigestRun } from './deliver-digest.ts';

/** One scheduler slot of one chat: `slotKey` is unique per chat and slot, shared by every instance. */
export interface ScheduledSlot {
  slotKey: string;
  slotAt: number;
}

/**
 * The slot key every instance computes for a chat's slot: the coordination key of node-cron's
 * run coordinator and the delivery's unique slot key in the ledger.
 *
 * @example
 *   slotKeyFor(42, Date.UTC(2025, 0, 6, 7)); // 'digest:42:2025-01-06T07:00:00.000Z'
 */
export function slotKeyFor(chatRef: number, slotAt: number): string {
  return `digest:${chatRef}:${new Date(slotAt).toISOString()}`;
}

/**
 * Feeds due for a fetch (last fetched longer ago than their poll interval, i.e. past their
 * `nextFetchAt`, or never fetched), among those given; paused feeds are left to the poller.
 *
 * @example
 *   const due = feedsDueBefore(await store.listFeeds(), subscribed, Date.now());
 */
export function feedsDueBefore(feeds: readonly FeedRecord[], feedIds: readonly string[], now: number): string[] {
  const wanted = new Set(feedIds);
  return feeds.filter((feed) => wanted.has(feed.id) && feed.pausedAt === null && (feed.nextFetchAt === null || feed.nextFetchAt <= now)).map((feed) => feed.id);
}

/**
 * Runs one chat's scheduled digest for a slot the scheduler claimed: waits its turn in the
 * delivery queue, refreshes the chat's feeds that are due (through the feeds layer's hook; a
 * failed refresh never stops the digest), then builds, records and sends the digest. A paused
 * chat is skipped.
 *
 * @example
 *   await runScheduledDigest(context, chat.id, { slotKey: slotKeyFor(chat.id, slotAt), slotAt });
 */
export async function runScheduledDigest(context: DeliveryContext, chatRef: number, slot: ScheduledSlot): Promise<DigestRun | null> {
  return context.queue.run(async () => {
    const { store, log } = context;
    const chat = await store.getChatById(chatRef);
    if (!chat) return null;
    if (chat.pausedReason) return { outcome: 'paused', stories: 0, deliveryId: null };
    if (context.refreshFeeds) {
      const due = feedsDueBefore(await store.listFeeds(), await store.listSubscriptions(chat.id), context.now());
      if (due.length) {
        try {
          await context.refreshFeeds(due);
        } catch (error) {
          log.warn({ err: error, chat: chatRef, feeds: due }, 'feed refresh before a digest failed; sending what is stored');
        }
      }
    }
    const current = (await store.getChatById(chatRef)) ?? chat;
    return deliverDigest(context, current, { kind: 'scheduled', slotKey: slot.slotKey, slotAt: slot.slotAt });
  });
}
