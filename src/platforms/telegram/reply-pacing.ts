import { autoRetry } from '@grammyjs/auto-retry';
import type { Transformer } from 'grammy';
import type { SendThrottle, ThrottledChat } from '../../delivery/send/send-throttle.ts';

/** Methods that post or change a message: the ones Telegram's flood limits count ("typing…" is not one). */
const POSTING = /^(send(?!ChatAction)|copy|forward|edit)/;

/**
 * The chat a Bot API call posts to, keyed as the delivery core keys it (the chat id as a string):
 * ids above zero are private chats; the others are groups and channels, which share one limit.
 *
 * @example
 *   replyChat({ chat_id: -100123, text: 'hi' }); // { key: '-100123', kind: 'group' }
 */
export function replyChat(payload: unknown): ThrottledChat | null {
  const chatId = (payload as { chat_id?: unknown } | null)?.chat_id;
  if (typeof chatId === 'number') return { key: String(chatId), kind: chatId > 0 ? 'private' : 'group' };
  if (typeof chatId === 'string' && chatId !== '') return { key: chatId, kind: /^\d+$/.test(chatId) ? 'private' : 'group' };
  return null;
}

/**
 * A grammY transformer for command answers: each method that posts takes its turn on the
 * delivery core's Telegram throttle in the `reply` lane — within the same 30 a second overall
 * and per-chat limits as the digests (a private chat's answer and digest share its one a
 * second), ahead of the digest messages waiting — so answers come promptly during a fan-out
 * without ever pushing Telegram over its limits. A 429 all the same (another process on the
 * token) holds the chat back for digests too, and the call is retried after its retry_after (at
 * most 30 s, three times), as are 5xx answers; network errors are thrown at once, to be logged,
 * not retried for hours. Lookups (getMe, getChatMember, getFile, getUpdates…) pass straight
 * through, so a permission check never waits behind the chat's own messages.
 *
 * @example
 *   bot.api.config.use(replyPacing(service.delivery.throttles.get('telegram')!, service.delivery.now));
 */
export function replyPacing(throttle: SendThrottle, now: () => number): Transformer {
  const retry = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true });
  const paced: Transformer = async (prev, method, payload, signal) => {
    const chat = replyChat(payload);
    // grammY types its signal after a polyfill; the one a caller passes on Node is the platform's own.
    await throttle.pace(chat, 'reply', signal instanceof AbortSignal ? signal : undefined);
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 429 && chat) throttle.penalize(chat.key, now() + (result.parameters?.retry_after ?? 1) * 1000);
    return result;
  };
  return (prev, method, payload, signal) => (POSTING.test(method) ? retry((...call) => paced(prev, ...call), method, payload, signal) : prev(method, payload, signal));
}
