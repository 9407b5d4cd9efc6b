import type { DeliveryRecord } from '../store/records.ts';
import { DeliveryError } from './delivery-error.ts';
import type { DeliveryContext } from './delivery-context.ts';

/** Tries per message before a delivery is given up (and logged). */
export const MAX_SEND_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 1000;

export type SendOutcome = 'sent' | 'failed' | 'paused' | 'skipped';

function backoff(attempt: number): number {
  return BASE_BACKOFF_MS * 2 ** attempt * (0.5 + Math.random() / 2);
}

/**
 * Sends every part of a recorded delivery that is not marked sent yet, in order, marking each
 * as soon as the platform accepted it. Safe to call again after a crash: sent parts are skipped.
 *
 * @example
 *   for (const delivery of await store.listUnfinishedDeliveries()) await sendDelivery(context, delivery);
 */
export async function sendDelivery(context: DeliveryContext, delivery: DeliveryRecord): Promise<SendOutcome> {
  const { store, log } = context;
  let chat = await store.getChatById(delivery.chatRef);
  if (!chat) {
    await store.finishDelivery(delivery.id, 'failed', 'chat no longer exists', context.now());
    return 'failed';
  }
  if (chat.pausedReason) {
    await store.finishDelivery(delivery.id, 'failed', `chat paused: ${chat.pausedReason}`, context.now());
    return 'paused';
  }
  const channel = context.channels.get(chat.platform);
  if (!channel) return 'skipped'; // That platform is not running in this process; it stays pending.

  for (const part of await store.listDeliveryParts(delivery.id)) {
    if (part.sentAt !== null) continue;
    for (let attempt = 0; ; attempt++) {
      try {
        const messageId = await channel.send(chat, part.payload);
        await store.markPartSent(delivery.id, part.seq, messageId, context.now());
        break;
      } catch (error) {
        const failure = error instanceof DeliveryError ? error : new DeliveryError('transient', error instanceof Error ? error.message : String(error));
        const facts = { delivery: delivery.id, chat: `${chat.platform}:${chat.chatId}`, part: part.seq, kind: failure.kind };
        if (failure.kind === 'permanent') {
          await store.setChatPaused(chat.id, failure.description);
          await store.finishDelivery(delivery.id, 'failed', failure.description, context.now());
          log.warn(facts, `chat paused: ${failure.description}`);
          return 'paused';
        }
        if (failure.kind === 'migrated' && failure.facts.migrateToChatId) {
          await store.moveChat(chat.id, failure.facts.migrateToChatId);
          chat = (await store.getChatById(chat.id)) ?? chat;
          log.info({ ...facts, to: failure.facts.migrateToChatId }, 'chat migrated; resending to the new id');
          continue;
        }
        await store.recordDeliveryAttempt(delivery.id, failure.description);
        if (failure.kind === 'invalid' || attempt + 1 >= MAX_SEND_ATTEMPTS) {
          await store.finishDelivery(delivery.id, 'failed', failure.description, context.now());
          log.error(facts, `delivery given up: ${failure.description}`);
          return 'failed';
        }
        const wait = failure.kind === 'rate_limited' ? (failure.facts.retryAfterMs ?? BASE_BACKOFF_MS) : backoff(attempt);
        log.debug({ ...facts, wait }, `retrying: ${failure.description}`);
        await context.sleep(wait);
      }
    }
  }
  await store.finishDelivery(delivery.id, 'sent', null, context.now());
  return 'sent';
}

/** Completes every delivery a previous run recorded but did not finish (after a crash or a stop). */
export async function resumeUnfinishedDeliveries(context: DeliveryContext): Promise<number> {
  const pending = await context.store.listUnfinishedDeliveries();
  for (const delivery of pending) await sendDelivery(context, delivery);
  return pending.length;
}
