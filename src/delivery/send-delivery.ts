import type { ChatRecord, DeliveryPartRecord, DeliveryRecord } from '../store/records.ts';
import type { DeliveryChannel } from './delivery-channel.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { DeliveryError } from './delivery-error.ts';
import { migrateChat } from './resume-chat.ts';
import { throttledChat } from './send/send-throttle.ts';

/**
 * How a delivery ended this time:
 * `sent` every part is out; `failed` given up (logged); `paused` the chat refused the bot and is
 * paused; `skipped` its platform does not run in this process; `interrupted` the service is
 * stopping (the rest stays pending); `taken` another instance holds its lease.
 */
export type SendOutcome = 'sent' | 'failed' | 'paused' | 'skipped' | 'interrupted' | 'taken';

/** Migrations followed for one message before giving up (a chain of moves means something is wrong). */
const MAX_MIGRATIONS = 3;

function asDeliveryError(error: unknown): DeliveryError {
  return error instanceof DeliveryError ? error : new DeliveryError('transient', error instanceof Error ? error.message : String(error));
}

function chatLabel(chat: ChatRecord): string {
  return `${chat.platform}:${chat.chatId}${chat.threadId ? `/${chat.threadId}` : ''}`;
}

async function giveUp(context: DeliveryContext, delivery: DeliveryRecord, parts: readonly DeliveryPartRecord[], reason: string): Promise<void> {
  await context.store.finishDelivery(delivery.id, 'failed', reason, context.now());
  // Nothing of it reached the chat: its articles go back to the chat's next digest instead of being lost.
  if (!parts.some((part) => part.sentAt !== null)) await context.store.returnDeliveryArticles(delivery.id);
}

/**
 * Sends every part of a recorded delivery that is not marked sent yet, in order, each paced by
 * the platform's throttle (an on-demand digest ahead of scheduled ones) and marked sent (with the
 * platform's message id) as soon as it is accepted. Safe to call again after a crash: sent parts are skipped, so only the one message in
 * flight when the process died can go out twice. The caller holds the chat's lock.
 *
 * - 429: waits the retry_after (the chat is held back in the throttle), up to `maxRateLimited` times;
 * - network/5xx: retries with exponential backoff, up to `maxAttempts` tries;
 * - permanent refusal (blocked, kicked, deleted, no rights): pauses the chat, with the reason;
 * - migration: moves the chat to its new id and resends there;
 * - a message the platform refuses as such: skipped and logged; the others still go out.
 * A delivery given up before any part was sent gives its articles back to the next digest.
 *
 * @example
 *   const outcome = await context.locks.run(delivery.chatRef, () => sendDelivery(context, delivery));
 */
export async function sendDelivery(context: DeliveryContext, delivery: DeliveryRecord): Promise<SendOutcome> {
  const { store, log, policy } = context;
  const owner = context.instanceId;
  let chat = await store.getChatById(delivery.chatRef);
  if (!chat) {
    await store.finishDelivery(delivery.id, 'failed', 'chat no longer exists', context.now());
    return 'failed';
  }
  const channel: DeliveryChannel | undefined = context.channels.get(chat.platform);
  const throttle = context.throttles.get(chat.platform);
  if (!channel || !throttle) return 'skipped';
  const parts = await store.listDeliveryParts(delivery.id);
  if (chat.pausedReason && delivery.kind === 'scheduled') {
    await giveUp(context, delivery, parts, `chat paused: ${chat.pausedReason}`);
    return 'paused';
  }
  if (!(await store.leaseDelivery(delivery.id, owner, context.now() + policy.leaseMs, context.now()))) return 'taken';

  const refused: string[] = [];
  let label = chatLabel(chat);
  // A digest someone asked for (/digest) goes before scheduled ones; command answers go before both.
  const priority = delivery.kind === 'on_demand' ? 'requested' : 'bulk';
  for (const part of parts) {
    if (part.sentAt !== null) continue;
    let attempts = 0;
    let rateLimited = 0;
    let migrations = 0;
    for (;;) {
      const facts = () => ({ delivery: delivery.id, chat: label, part: part.seq });
      if (context.signal.aborted) {
        await store.releaseDeliveryLease(delivery.id, owner);
        return 'interrupted';
      }
      let endTurn: () => void;
      try {
        endTurn = await throttle.acquire(throttledChat(chat), context.signal, priority);
      } catch {
        await store.releaseDeliveryLease(delivery.id, owner);
        return 'interrupted';
      }
      try {
        if (!(await store.leaseDelivery(delivery.id, owner, context.now() + policy.leaseMs, context.now()))) {
          log.warn(facts(), 'delivery taken over by another instance; leaving it to them');
          return 'taken';
        }
        // The turn ends once the ledger knows: a crash can only repeat a message still in flight.
        const messageId = await channel.send(chat, part.payload);
        await store.markPartSent(delivery.id, part.seq, messageId, context.now());
        part.sentAt = context.now();
        break;
      } catch (error) {
        endTurn();
        const failure = asDeliveryError(error);
        if (failure.kind === 'permanent') {
          await store.setChatPaused(chat.id, failure.description);
          await giveUp(context, delivery, parts, failure.description);
          log.warn({ ...facts(), reason: failure.description, status: failure.facts.status }, `chat paused: ${failure.description}`);
          return 'paused';
        }
        if (failure.kind === 'migrated' && failure.facts.migrateToChatId && migrations < MAX_MIGRATIONS) {
          migrations++;
          chat = await migrateChat(context, chat, failure.facts.migrateToChatId);
          log.info(facts(), `chat migrated to ${chat.chatId}; resending there`);
          label = chatLabel(chat);
          continue;
        }
        await store.recordDeliveryAttempt(delivery.id, failure.description);
        if (failure.kind === 'invalid' || failure.kind === 'migrated') {
          refused.push(`part ${part.seq}: ${failure.description}`);
          log.error({ ...facts(), reason: failure.description, status: failure.facts.status }, 'message refused by the platform; skipping it');
          break;
        }
        if (failure.kind === 'rate_limited') {
          rateLimited++;
          const wait = failure.facts.retryAfterMs ?? policy.backoffMs;
          throttle.penalize(throttledChat(chat).key, context.now() + wait);
          if (rateLimited < policy.maxRateLimited) {
            log.warn({ ...facts(), wait }, `rate limited: ${failure.description}`);
            continue;
          }
        } else {
          attempts++;
          if (attempts < policy.maxAttempts) {
            const wait = policy.backoffMs * 2 ** (attempts - 1) * (0.5 + context.random() / 2);
            log.debug({ ...facts(), wait, attempts }, `retrying: ${failure.description}`);
            try {
              await context.sleep(wait, context.signal);
            } catch {
              await store.releaseDeliveryLease(delivery.id, owner);
              return 'interrupted';
            }
            continue;
          }
        }
        await giveUp(context, delivery, parts, failure.description);
        log.error({ ...facts(), reason: failure.description, attempts, rateLimited }, `delivery given up: ${failure.description}`);
        return 'failed';
      } finally {
        endTurn();
      }
    }
  }
  if (refused.length && refused.length === parts.length) {
    await giveUp(context, delivery, parts, refused.join('; '));
    return 'failed';
  }
  await store.finishDelivery(delivery.id, refused.length ? 'failed' : 'sent', refused.length ? refused.join('; ') : null, context.now());
  if (chat.pausedReason && !refused.length) {
    // The platform took a message in a chat we had paused: the bot is back.
    await store.setChatPaused(chat.id, null);
    log.info({ chat: chatLabel(chat) }, 'chat resumed: a message went through');
  }
  return refused.length ? 'failed' : 'sent';
}

/**
 * Completes deliveries recorded but not finished (after a crash, a stop, or another instance's
 * death): each one not held by a live lease is queued, sent concurrently with the others and
 * within the platform limits. Returns how many were queued; `inFlight` avoids queuing one twice.
 *
 * @example
 *   await resumeUnfinishedDeliveries(context, new Set());
 */
export async function resumeUnfinishedDeliveries(context: DeliveryContext, inFlight: Set<number> = new Set()): Promise<number> {
  const now = context.now();
  const pending = (await context.store.listUnfinishedDeliveries()).filter(
    (delivery) =>
      !inFlight.has(delivery.id) && (delivery.leaseOwner === null || delivery.leaseOwner === context.instanceId || (delivery.leaseUntil ?? 0) < now),
  );
  const runs = pending.map((delivery) => {
    inFlight.add(delivery.id);
    return context.queue
      .run(() => context.locks.run(delivery.chatRef, () => sendDelivery(context, delivery)))
      .then(
        (outcome) => {
          if (outcome !== 'skipped') context.log.info({ delivery: delivery.id, chat: delivery.chatRef, outcome }, 'resumed an unfinished delivery');
        },
        (error: unknown) => context.log.error({ err: error, delivery: delivery.id }, 'resumed delivery failed'),
      )
      .finally(() => inFlight.delete(delivery.id));
  });
  await Promise.all(runs);
  return pending.length;
}
