import type { ChatRecord, DeliveryKind } from '../store/records.ts';
import { collectDigest } from './collect-digest.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { sendDelivery, type SendOutcome } from './send-delivery.ts';

export interface DigestRun {
  outcome: SendOutcome | 'empty' | 'duplicate_slot' | 'no_channel';
  stories: number;
  deliveryId: number | null;
}

/**
 * Builds a chat's digest, records it in the ledger with its rendered messages, then sends it.
 * A scheduled slot is recorded once per chat: firing it twice (two instances, a restart)
 * sends nothing the second time.
 *
 * @example
 *   await deliverDigest(context, chat, { kind: 'scheduled', slotKey: '2024-11-06T08:00' });
 */
export async function deliverDigest(
  context: DeliveryContext,
  chat: ChatRecord,
  request: { kind: DeliveryKind; slotKey: string | null },
): Promise<DigestRun> {
  const channel = context.channels.get(chat.platform);
  if (!channel) return { outcome: 'no_channel', stories: 0, deliveryId: null };
  const { digest, windowStart, windowEnd } = await collectDigest(context, chat, request.kind);
  const silent = !digest.stories.length && request.kind === 'scheduled' && !chat.settings.postWhenEmpty;
  const delivery = await context.store.createDelivery({
    chatRef: chat.id,
    kind: request.kind,
    slotKey: request.slotKey,
    windowStart,
    windowEnd,
    articleIds: digest.articleIds,
    parts: silent ? [] : channel.render(digest, chat),
    at: context.now(),
  });
  if (!delivery) return { outcome: 'duplicate_slot', stories: 0, deliveryId: null };
  const outcome = await sendDelivery(context, delivery);
  return { outcome: silent ? 'empty' : outcome, stories: digest.stories.length, deliveryId: delivery.id };
}
