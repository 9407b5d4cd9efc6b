import type { Chat, Message } from 'grammy/types';
import type { AccessRequest } from '../../commands/access.ts';
import type { InterfaceLanguage } from '../../commands/command.ts';
import type { ChatKind } from '../../store/records.ts';
import { isChatAdmin } from './chat-admin.ts';
import type { ChannelSession } from './channel-sessions.ts';
import type { TelegramBot } from './telegram-bot.ts';
import type { ReplyTarget } from './telegram-replies.ts';

/** The chat a command changes or reads: a private chat, a group (or one of its forum topics), a channel. */
export interface CommandChat {
  chatId: number;
  /** The forum topic the command was typed in: its subscriptions are its own. */
  threadId: number | null;
  kind: ChatKind;
  title: string | null;
}

/** Everything about where a command was typed and what it applies to. */
export interface CommandPlace {
  /** Where answers go (the chat and topic the command came from). */
  reply: ReplyTarget;
  /** What the command applies to: the same chat, or the channel its user manages from a private chat. */
  chat: CommandChat;
  managedChannel: ChannelSession | null;
  /** Who asks, for the allow-list. */
  access: Extract<AccessRequest, { platform: 'telegram' }>;
  user: { id: string; name: string | null };
  /** The user's own language (Telegram's language_code), before any chat setting. */
  userLanguage: InterfaceLanguage;
  /** Whether the user may change the chat: checked with Telegram only when a command needs it. */
  canManage: () => Promise<boolean>;
}

/**
 * The interface language for a Telegram language_code ("fr", "fr-CA" → French; anything else English).
 *
 * @example
 *   interfaceLanguage('fr-BE'); // 'fr'
 */
export function interfaceLanguage(code: string | undefined): InterfaceLanguage {
  return code?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * Précis's kind of chat for a Telegram chat type.
 *
 * @example
 *   chatKindOf('supergroup'); // 'group'
 */
export function chatKindOf(type: Chat['type']): ChatKind {
  if (type === 'private') return 'private';
  if (type === 'channel') return 'channel';
  return 'group';
}

/**
 * A chat's name as people know it: its title, or the user's @username or first name.
 *
 * @example
 *   chatTitle({ id: 42, type: 'private', first_name: 'Ada', username: 'ada' }); // '@ada'
 */
export function chatTitle(chat: Chat): string | null {
  if ('title' in chat) return chat.title ?? null;
  if ('username' in chat && chat.username) return `@${chat.username}`;
  return 'first_name' in chat ? chat.first_name : null;
}

/**
 * The forum topic of a message, or null (General topic, ordinary groups, replies in non-forum groups).
 *
 * @example
 *   topicOf(ctx.message); // 7 in the topic whose thread id is 7
 */
export function topicOf(message: Message): number | null {
  return message.is_topic_message && message.message_thread_id !== undefined ? message.message_thread_id : null;
}

/**
 * Where a command came from and what it applies to. In a private chat where the user chose a
 * channel (by forwarding one of its posts), commands apply to that channel and answers stay in
 * the private chat. Channel posts are by administrators by definition; in groups, the user must
 * be an administrator (or an anonymous one, posting as the group) to change anything.
 *
 * @example
 *   const place = commandPlace(bot, ctx.message, false);
 *   if (await place.canManage()) …
 */
export function commandPlace(bot: TelegramBot, message: Message, channelPost: boolean): CommandPlace {
  const { chat, from } = message;
  const threadId = topicOf(message);
  const reply: ReplyTarget = { chatId: chat.id, threadId, replyTo: chat.type === 'group' || chat.type === 'supergroup' ? message.message_id : null };
  const user = from && !channelPost ? { id: String(from.id), name: from.username ?? from.first_name } : { id: String(chat.id), name: chatTitle(chat) };
  const userLanguage = interfaceLanguage(from?.language_code);
  const access: CommandPlace['access'] = { platform: 'telegram', chatId: String(chat.id), userId: from && !channelPost ? String(from.id) : null };
  const managedChannel = chat.type === 'private' && from ? bot.channels.current(from.id) : null;
  if (managedChannel && from) {
    return {
      reply,
      chat: { chatId: managedChannel.channelId, threadId: null, kind: 'channel', title: managedChannel.title },
      managedChannel,
      access,
      user,
      userLanguage,
      canManage: () => isChatAdmin(bot.api, managedChannel.channelId, from.id),
    };
  }
  const place = { reply, chat: { chatId: chat.id, threadId, kind: chatKindOf(chat.type), title: chatTitle(chat) }, managedChannel: null, access, user, userLanguage };
  if (channelPost || chat.type === 'private') return { ...place, canManage: () => Promise.resolve(true) };
  // An anonymous administrator posts as the group itself; someone posting as a channel is not checked as an admin.
  if (message.sender_chat) return { ...place, canManage: () => Promise.resolve(message.sender_chat?.id === chat.id) };
  return { ...place, canManage: () => (from ? isChatAdmin(bot.api, chat.id, from.id) : Promise.resolve(false)) };
}
