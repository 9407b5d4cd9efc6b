import type { Logger } from '../logger.ts';
import type { ChatRecord } from '../store/records.ts';
import type { ChatAddress, Store } from '../store/store.ts';

/**
 * Resumes deliveries to a chat that was paused because the bot could not post there (blocked,
 * kicked, channel deleted, missing rights). Adapters call it when the bot is added back (Telegram
 * `my_chat_member` → member/administrator, Discord guild or permission update, a user unblocking
 * the bot). Returns the chat, or null when Précis does not know it. The next scheduled digest
 * covers what arrived while it was paused.
 *
 * @example
 *   await resumeChat({ store, log }, { platform: 'telegram', chatId: String(update.chat.id) }, 'bot re-added');
 */
export async function resumeChat(context: { store: Store; log: Logger }, address: ChatAddress, why: string): Promise<ChatRecord | null> {
  const chat = await context.store.getChat(address);
  if (!chat) return null;
  if (chat.pausedReason !== null) {
    await context.store.setChatPaused(chat.id, null);
    context.log.info({ chat: `${chat.platform}:${chat.chatId}`, was: chat.pausedReason }, `chat resumed: ${why}`);
  }
  return { ...chat, pausedReason: null };
}

/**
 * Moves a chat to its new id on the platform (Telegram turns a group into a supergroup with a
 * new id): subscriptions, settings and history follow. When Précis already knows the new id
 * (someone used a command there first), the old chat's feeds are added to it and the old chat is
 * paused as migrated. Returns the chat as it now is. Adapters call it on Telegram's
 * `migrate_to_chat_id` service message; the delivery core calls it on a "migrated" send error.
 *
 * @example
 *   const moved = await migrateChat({ store, log }, chat, '-1001234567890');
 */
export async function migrateChat(context: { store: Store; log: Logger; now: () => number }, chat: ChatRecord, newChatId: string): Promise<ChatRecord> {
  const { store } = context;
  if (chat.chatId === newChatId) return chat;
  const existing = await store.getChat({ platform: chat.platform, chatId: newChatId, threadId: chat.threadId });
  if (existing && existing.id !== chat.id) {
    for (const feedId of await store.listSubscriptions(chat.id)) await store.subscribe(existing.id, feedId, context.now());
    await store.setChatPaused(chat.id, `migrated to ${newChatId}`);
    context.log.info({ chat: `${chat.platform}:${chat.chatId}`, to: newChatId }, 'chat migrated into a chat already known: feeds merged');
    return existing;
  }
  await store.moveChat(chat.id, newChatId);
  return (await store.getChatById(chat.id)) ?? { ...chat, chatId: newChatId };
}
