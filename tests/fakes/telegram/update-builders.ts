/**
 * Updates as the Telegram Bot API sends them, for tests to inject into the fake (`pushUpdate`):
 * user messages with `bot_command` entities where Telegram would mark them, channel posts
 * (no `from`), documents, forwards from channels, callback queries and `my_chat_member` changes.
 */

/** A Telegram user as updates carry it. */
export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}

/** A chat as updates carry it. */
export interface UpdateChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  is_forum?: boolean;
}

/** One message entity (offsets and lengths in UTF-16 code units, as Telegram counts). */
export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
}

// Telegram marks "/command" and "/command@botname" at the start of a word.
const COMMAND = /(?<=^|\s)\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?=$|\s|[.,!?;:])/g;

/**
 * The entities Telegram's client would send with this text: a `bot_command` for each command,
 * wherever it stands (grammY's `bot.command` only matches one at offset 0).
 *
 * @example
 *   commandEntities('/subscribe@precis_bot https://x'); // [{ type: 'bot_command', offset: 0, length: 21 }]
 */
export function commandEntities(text: string): MessageEntity[] {
  return [...text.matchAll(COMMAND)].map((match) => ({ type: 'bot_command', offset: match.index, length: match[0].length }));
}

/** What `message` needs beyond the chat and text. */
export interface MessageFields {
  message_id: number;
  date: number;
  from?: FakeUser;
  sender_chat?: UpdateChat;
  message_thread_id?: number;
  extra?: Record<string, unknown>;
}

/**
 * A text message as Telegram delivers it, with command entities (and, in a forum topic,
 * `message_thread_id` and `is_topic_message`).
 *
 * @example
 *   textMessage({ id: 42, type: 'private' }, '/start', { message_id: 1, date: 0, from: ada });
 */
export function textMessage(chat: UpdateChat, text: string, fields: MessageFields): Record<string, unknown> {
  const entities = commandEntities(text);
  return {
    message_id: fields.message_id,
    date: fields.date,
    chat,
    ...(fields.from ? { from: fields.from } : {}),
    ...(fields.sender_chat ? { sender_chat: fields.sender_chat } : {}),
    ...(fields.message_thread_id !== undefined ? { message_thread_id: fields.message_thread_id, is_topic_message: true } : {}),
    text,
    ...(entities.length ? { entities } : {}),
    ...fields.extra,
  };
}

/** A file a user sent, as `Message.document` describes it. */
export interface DocumentInfo {
  file_id: string;
  file_unique_id: string;
  file_name: string;
  mime_type?: string;
  file_size: number;
}

/**
 * A document message, with its caption's command entities in `caption_entities`.
 *
 * @example
 *   documentMessage(chat, { file_id: 'f1', … }, '/import', { message_id: 3, date: 0, from: ada });
 */
export function documentMessage(chat: UpdateChat, document: DocumentInfo, caption: string | null, fields: MessageFields): Record<string, unknown> {
  const entities = caption ? commandEntities(caption) : [];
  return {
    message_id: fields.message_id,
    date: fields.date,
    chat,
    ...(fields.from ? { from: fields.from } : {}),
    ...(fields.message_thread_id !== undefined ? { message_thread_id: fields.message_thread_id, is_topic_message: true } : {}),
    document,
    ...(caption ? { caption } : {}),
    ...(entities.length ? { caption_entities: entities } : {}),
    ...fields.extra,
  };
}

/** A chat member as `ChatMember` objects describe it. */
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

/**
 * A ChatMember object for a user and status (administrators may post in channels unless told otherwise).
 *
 * @example
 *   chatMember(bot, 'administrator', { can_post_messages: true });
 */
export function chatMember(user: FakeUser, status: MemberStatus, rights: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = { user: { is_bot: false, ...user }, status };
  if (status === 'creator') return { ...base, is_anonymous: false };
  if (status === 'administrator') {
    return { ...base, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: false, can_post_messages: true, can_change_info: false, can_invite_users: true, ...rights };
  }
  if (status === 'restricted') return { ...base, is_member: true, can_send_messages: false, until_date: 0, ...rights };
  if (status === 'kicked') return { ...base, until_date: 0 };
  return base;
}
