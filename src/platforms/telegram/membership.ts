import type { ChatMemberUpdated } from 'grammy/types';
import type { RunningService } from '../../service/start-service.ts';
import type { ChatRecord } from '../../store/records.ts';
import { chatTitle, interfaceLanguage } from './command-place.ts';
import type { TelegramBot } from './telegram-bot.ts';
import { replyText } from './telegram-replies.ts';
import { welcomeText } from './welcome-text.ts';

/** Every chat record of a Telegram chat: the chat itself and each forum topic with subscriptions. */
async function recordsOf(service: RunningService, chatId: number): Promise<ChatRecord[]> {
  return (await service.store.listChats()).filter((chat) => chat.platform === 'telegram' && chat.chatId === String(chatId));
}

/** Why Telegram no longer lets the bot post in a chat, in words for /list and the logs. */
function removalReason(update: ChatMemberUpdated): string {
  const by = update.from.username ? `@${update.from.username}` : update.from.first_name;
  const status = update.new_chat_member.status;
  if (update.chat.type === 'private') return 'Telegram: the user blocked the bot';
  if (status === 'restricted') return `Telegram: the bot may not send messages in ${chatTitle(update.chat) ?? 'the chat'} (restricted by ${by})`;
  if (status === 'administrator') return `Telegram: the bot may not post in the channel ${chatTitle(update.chat) ?? ''} (changed by ${by})`;
  return `Telegram: the bot was removed from ${chatTitle(update.chat) ?? 'the chat'} by ${by}`;
}

/** Whether the bot may post in the chat with this membership. */
function canPost(update: ChatMemberUpdated): boolean {
  const member = update.new_chat_member;
  switch (member.status) {
    case 'creator':
    case 'member':
      return true;
    case 'administrator':
      return update.chat.type !== 'channel' || member.can_post_messages !== false;
    case 'restricted':
      return member.is_member && member.can_send_messages;
    case 'left':
    case 'kicked':
      return false;
  }
}

function wasIn(update: ChatMemberUpdated): boolean {
  const status = update.old_chat_member.status;
  return status !== 'left' && status !== 'kicked';
}

/**
 * The bot's own membership changed (`my_chat_member`): removed, kicked, blocked by a private
 * chat's user or deprived of the right to post → the chat's digests (every forum topic's too)
 * are paused, subscriptions kept; added back or unblocked → they resume through the delivery
 * core. A group that just added the bot gets a short welcome when its adder may use it.
 *
 * @example
 *   bot.on('my_chat_member', (ctx) => handleMembership(telegram, ctx.myChatMember));
 */
export async function handleMembership(bot: TelegramBot, update: ChatMemberUpdated): Promise<void> {
  const { service } = bot;
  const chatId = update.chat.id;
  if (!canPost(update)) {
    const reason = removalReason(update);
    for (const chat of await recordsOf(service, chatId)) {
      if (chat.pausedReason !== null) continue;
      await service.store.setChatPaused(chat.id, reason);
      service.log.info({ chat: `telegram:${chat.chatId}`, topic: chat.threadId }, `chat paused: ${reason}`);
    }
    return;
  }
  for (const chat of await recordsOf(service, chatId)) {
    if (chat.pausedReason !== null) await service.resumeChat({ platform: 'telegram', chatId: chat.chatId, threadId: chat.threadId }, 'the bot can post there again (my_chat_member)');
  }
  const joinedGroup = !wasIn(update) && (update.chat.type === 'group' || update.chat.type === 'supergroup');
  if (joinedGroup && bot.access.allows({ chatId: String(chatId), userId: String(update.from.id) })) {
    await replyText(bot.api, { chatId, threadId: null, replyTo: null }, welcomeText(service.config, interfaceLanguage(update.from.language_code), update.chat.type));
  }
}

/**
 * A group became a supergroup with a new id: its subscriptions, settings and history follow
 * (the delivery core's migration). Telegram announces it in both chats; the second call finds
 * nothing left to move.
 *
 * @example
 *   await migrateGroup(bot, message.chat.id, message.migrate_to_chat_id);
 */
export async function migrateGroup(bot: TelegramBot, fromChatId: number, toChatId: number): Promise<void> {
  bot.access.followMigration(String(fromChatId), String(toChatId));
  await bot.service.migrateChat({ platform: 'telegram', chatId: String(fromChatId), threadId: null }, String(toChatId));
}
