import type { ChatRecord, DeliveryKind } from '../store/records.ts';
import { collectDigest } from './collect-digest.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { sendDelivery, type SendOutcome } from './send-delivery.ts';

/** What became of one digest run. */
export interface DigestRun {
  outcome: SendOutcome | 'empty' | 'duplicate_slot' | 'no_channel';
  stories: number;
  deliveryId: number | null;
}

/** What to deliver: a scheduled slot (`slotKey` unique per chat, `slotAt` its instant) or an on-demand digest. */
export interface DigestRequest {
  kind: DeliveryKind;
  slotKey: string | null;
  slotAt?: number | null | undefined;
}

/**
 * Builds a chat's digest, records it in the ledger with its rendered messages (the outbox),
 * then sends it. All of a chat's digests take turns (the chat's lock), so two never interleave.
 * A scheduled slot is recorded once per chat: firing it twice (two instances, a restart) sends
 * nothing the second time. An empty scheduled digest stays silent (and unrecorded) unless the
 * chat asked for "nothing new" messages.
 *
 * @example
 *   await deliverDigest(context, chat, { kind: 'scheduled', slotKey: '2024-11-06T07:00:00.000Z', slotAt });
 *   await deliverDigest(context, chat, { kind: 'on_demand', slotKey: null });
 */
export async function deliverDigest(context: DeliveryContext, chat: ChatRecord, request: DigestRequest): Promise<DigestRun> {
  const channel = context.channels.get(chat.platform);
  if (!channel) return { outcome: 'no_channel', stories: 0, deliveryId: null };
  return context.locks.run(chat.id, async () => {
    const current = (await context.store.getChatById(chat.id)) ?? chat;
    const collected = await collectDigest(context, current, request.kind, request.slotAt ?? null);
    const { digest } = collected;
    const silent = !digest.stories.length && request.kind === 'scheduled' && !current.settings.postWhenEmpty;
    // Nothing to say and nothing consumed: no ledger row (the slot's claim already records that it ran).
    if (silent && !digest.articleIds.length) return { outcome: 'empty', stories: 0, deliveryId: null };
    const at = context.now();
    const delivery = await context.store.createDelivery({
      chatRef: current.id,
      kind: request.kind,
      slotKey: request.slotKey,
      slotAt: request.slotAt ?? null,
      windowStart: collected.windowStart,
      windowEnd: collected.windowEnd,
      articleIds: digest.articleIds,
      storyOf: collected.storyOf,
      parts: silent ? [] : channel.render(digest, current),
      at,
      leaseOwner: context.instanceId,
      leaseUntil: at + context.policy.leaseMs,
    });
    if (!delivery) return { outcome: 'duplicate_slot', stories: 0, deliveryId: null };
    const outcome = await sendDelivery(context, delivery);
    return { outcome: silent && outcome === 'sent' ? 'empty' : outcome, stories: digest.stories.length, deliveryId: delivery.id };
  });
}
