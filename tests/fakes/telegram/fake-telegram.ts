import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readMethodParams, type MethodParams, type UploadedFile } from './request-params.ts';
import { validateTelegramHtml, type TelegramEntity } from '../telegram-html-validator.ts';
import { botCommandsProblem, MAX_CALLBACK_ANSWER_LENGTH, MAX_CAPTION_LENGTH, replyMarkupProblem } from './message-rules.ts';
import { TELEGRAM_RATE_LIMITS, TelegramRateLimiter, type FakeRateLimits } from './telegram-rate-limits.ts';
import { chatMember, documentMessage, textMessage, type DocumentInfo, type FakeUser, type MemberStatus, type UpdateChat } from './update-builders.ts';

export type { FakeUser, MemberStatus } from './update-builders.ts';

/** The most characters (UTF-16 code units, after entity parsing) a text message may have. */
export const MAX_MESSAGE_LENGTH = 4096;

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

/** A chat the fake knows. */
export interface FakeChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  is_forum?: boolean;
}

/** A message the fake accepted, as sent and as Telegram would store it. */
export interface SentMessage {
  message_id: number;
  chat_id: number;
  /** The text after entity parsing. */
  text: string;
  entities: TelegramEntity[];
  /** The text as sent (HTML when parse_mode is HTML). */
  source: string;
  parse_mode: string | null;
  message_thread_id: number | null;
  params: MethodParams;
  at: number;
  /** A file sent with sendDocument (its caption is `text`). */
  document?: { file_name: string; data: Buffer };
  /** How many times editMessageText changed it. */
  edits?: number;
}

/** A callback query the fake delivered, and the bot's answer once it came. */
export interface CallbackQueryState {
  id: string;
  data: string;
  answer: { text: string | null; show_alert: boolean } | null;
}

/** A file users sent (downloadable with getFile and the file route), or the bot uploaded. */
interface StoredFile {
  info: DocumentInfo;
  path: string;
  data: Buffer;
}

/** An update posted to the bot's webhook, and the HTTP status its server answered (0: no answer). */
export interface WebhookDelivery {
  update_id: number;
  status: number;
}

/** The GroupAnonymousBot Telegram shows as the sender of an anonymous group admin's messages. */
export const ANONYMOUS_ADMIN: FakeUser = { id: 1087968824, first_name: 'Group', username: 'GroupAnonymousBot', is_bot: true };

/** How a test message is sent: by a user, an anonymous admin (as the group), in a forum topic. */
export interface FakeMessageOptions {
  from?: FakeUser;
  /** Sent on behalf of a chat (an anonymous admin posts as the group itself). */
  senderChat?: number;
  threadId?: number;
  /** Any other Message fields (reply_to_message, forward_origin…). */
  extra?: Record<string, unknown>;
}

/** One API call as the fake answered it. */
export interface RecordedCall {
  method: string;
  params: MethodParams;
  status: number;
  description: string | null;
  at: number;
}

/** A Bot API error: becomes `{ ok: false, error_code, description, parameters }` with that HTTP status. */
export class TelegramApiError extends Error {
  override readonly name = 'TelegramApiError';

  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

/** Handles one Bot API method: returns its `result` or throws a TelegramApiError. */
export type MethodHandler = (params: MethodParams, fake: FakeTelegram) => unknown;

interface ChatState extends FakeChat {
  refusal: { code: number; description: string } | null;
  migratedTo: number | null;
  nextMessageId: number;
  /** Message ids that exist in the chat (users' and the bot's), for replies and edits. */
  messageIds: Set<number>;
  /** ChatMember objects by user id (the bot's included). */
  members: Map<number, Record<string, unknown>>;
  /** Forum topics by thread id. */
  topics: Map<number, { name: string; closed: boolean }>;
}

/** Update types Telegram sends when allowed_updates is empty or was never set. */
const DEFAULT_UPDATE_TYPES = ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'callback_query', 'my_chat_member', 'inline_query', 'chosen_inline_result', 'shipping_query', 'pre_checkout_query', 'poll', 'poll_answer', 'chat_join_request'];

/** Telegram's file size limit for getFile downloads. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

interface Fault {
  method: string;
  remaining: number;
  kind: 'error' | 'drop';
  status: number;
  description: string;
}

const PERMANENT = {
  blocked: 'Forbidden: bot was blocked by the user',
  kickedGroup: 'Forbidden: bot was kicked from the group chat',
  kickedSupergroup: 'Forbidden: bot was kicked from the supergroup chat',
  notInChannel: 'Forbidden: bot is not a member of the channel chat',
};

function integer(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return null;
}

/**
 * A strict stand-in for the Telegram Bot API on 127.0.0.1, for tests and benchmarks that drive
 * the real grammY client (`new Bot(fake.token, { client: { apiRoot: fake.apiRoot } })`).
 *
 * It answers `POST /bot<token>/<method>` with JSON, URL-encoded or multipart bodies like the real
 * server, and is as strict as Telegram where Précis can get things wrong: HTML parse mode
 * (supported tags only, balanced, `<` and `&` escaped), 4096 characters after entity parsing,
 * empty texts, flood control (30 messages/s overall, 1/s per private chat with small bursts,
 * 20/min per group or channel → 429 with retry_after), blocked users and kicked bots (403),
 * unknown chats (400), and groups upgraded to supergroups (400 with migrate_to_chat_id).
 *
 * State API: `addChat`, `block`, `kick`, `deleteChat`, `migrateToSupergroup`, `allow`,
 * `failNext` (5xx or any error), `dropNext` (connection reset), `delayResponses`; records
 * `messages` (accepted) and `calls` (all). Extend with `handle(method, handler)`; `getUpdates`
 * serves updates queued with `pushUpdate` (offsets confirm, long polling waits).
 *
 * @example
 *   const fake = new FakeTelegram();
 *   const apiRoot = await fake.start();
 *   fake.addChat({ id: 42, type: 'private', first_name: 'Ada' });
 *   await new Api(fake.token, { apiRoot }).sendMessage(42, '<b>Hi</b>', { parse_mode: 'HTML' });
 *   fake.messagesTo(42)[0]?.text; // 'Hi'
 */
export class FakeTelegram {
  readonly token: string;
  readonly bot = { id: 7000001, is_bot: true, first_name: 'Précis', username: 'precis_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
  readonly messages: SentMessage[] = [];
  readonly calls: RecordedCall[] = [];
  private readonly chats = new Map<number, ChatState>();
  private readonly handlers = new Map<string, MethodHandler>();
  private readonly faults: Fault[] = [];
  private readonly limiter: TelegramRateLimiter | null;
  private readonly now: () => number;
  /** Commands set with setMyCommands, by scope type and language ("default:", "default:fr"). */
  readonly commands = new Map<string, { command: string; description: string }[]>();
  readonly callbackQueries = new Map<string, CallbackQueryState>();
  readonly webhookDeliveries: WebhookDelivery[] = [];
  webhook: { url: string; secret: string | null; allowedUpdates: string[] | null } | null = null;
  private readonly updates: Record<string, unknown>[] = [];
  private readonly pollers = new Set<() => void>();
  private readonly files = new Map<string, StoredFile>();
  private allowedUpdates: string[] = [];
  private waitingPoll: (() => void) | null = null;
  private nextUpdateId = 1;
  private nextFileId = 1;
  private nextQueryId = 1;
  private responseDelayMs = 0;
  private server: Server | null = null;
  private root = '';

  constructor(options: { token?: string; limits?: Partial<FakeRateLimits> | null; now?: () => number } = {}) {
    this.token = options.token ?? '123456:TEST-token_for-the-fake';
    this.now = options.now ?? Date.now;
    this.limiter = options.limits === null ? null : new TelegramRateLimiter({ ...TELEGRAM_RATE_LIMITS, ...options.limits });
    this.handle('getMe', () => this.bot);
    this.handle('sendMessage', (params) => this.sendMessage(params));
    this.handle('sendDocument', (params) => this.sendDocument(params));
    this.handle('sendChatAction', (params) => {
      this.writableChat(params.chat_id);
      return true;
    });
    this.handle('editMessageText', (params) => this.editMessageText(params));
    this.handle('answerCallbackQuery', (params) => this.answerCallbackQuery(params));
    this.handle('setWebhook', (params) => this.setWebhook(params));
    this.handle('deleteWebhook', (params) => {
      this.webhook = null;
      if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') this.updates.splice(0);
      return true;
    });
    this.handle('getWebhookInfo', () => ({ url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.updates.length }));
    this.handle('setMyCommands', (params) => {
      const problem = botCommandsProblem(params.commands);
      if (problem) throw new TelegramApiError(400, problem);
      this.commands.set(this.commandsKey(params), params.commands as { command: string; description: string }[]);
      return true;
    });
    this.handle('getMyCommands', (params) => this.commands.get(this.commandsKey(params)) ?? []);
    this.handle('getUpdates', (params) => this.getUpdates(params));
    this.handle('getChat', (params) => this.publicChat(this.reachableChat(params.chat_id)));
    this.handle('getChatMember', (params) => {
      const chat = this.reachableChat(params.chat_id);
      const userId = integer(params.user_id);
      if (userId === null) throw new TelegramApiError(400, 'Bad Request: user_id is empty');
      return chat.members.get(userId) ?? this.defaultMember(chat, userId);
    });
    this.handle('getFile', (params) => {
      const file = typeof params.file_id === 'string' ? this.files.get(params.file_id) : undefined;
      if (!file) throw new TelegramApiError(400, 'Bad Request: invalid file_id');
      if (file.data.length > MAX_DOWNLOAD_BYTES) throw new TelegramApiError(400, 'Bad Request: file is too big');
      return { file_id: file.info.file_id, file_unique_id: file.info.file_unique_id, file_size: file.data.length, file_path: file.path };
    });
  }

  /** Starts listening on 127.0.0.1 (a free port, or `port`); resolves with the apiRoot to give grammY. */
  async start(port = 0): Promise<string> {
    const server = createServer((request, response) => void this.serve(request, response));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.server = server;
    this.root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.root;
  }

  get apiRoot(): string {
    return this.root;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollers) wake();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Registers (or replaces) a method. */
  handle(method: string, handler: MethodHandler): this {
    this.handlers.set(method, handler);
    return this;
  }

  addChat(chat: FakeChat): this {
    this.chats.set(chat.id, { ...chat, refusal: null, migratedTo: null, nextMessageId: 1, messageIds: new Set(), members: new Map(), topics: new Map() });
    return this;
  }

  /** Sets a user's (or the bot's, `fake.bot`) membership in a chat, as getChatMember reports it. */
  setMember(chatId: number, user: FakeUser, status: MemberStatus, rights: Record<string, unknown> = {}): this {
    this.chatState(chatId).members.set(user.id, chatMember(user, status, rights));
    return this;
  }

  /** A forum topic (`is_forum` chats): messages may be sent to it with message_thread_id. */
  addTopic(chatId: number, threadId: number, name = `Topic ${threadId}`): this {
    this.chatState(chatId).topics.set(threadId, { name, closed: false });
    return this;
  }

  /** Closes a forum topic: sending there answers 400 TOPIC_CLOSED. */
  closeTopic(chatId: number, threadId: number): this {
    const topic = this.chatState(chatId).topics.get(threadId);
    if (!topic) throw new Error(`fake Telegram: no topic ${threadId} in ${chatId}`);
    topic.closed = true;
    return this;
  }

  /** The user blocked the bot (private chats): 403 until `allow`. */
  block(chatId: number): this {
    return this.refuse(chatId, 403, PERMANENT.blocked);
  }

  /** The bot was removed from a group, supergroup or channel: 403 until `allow`. */
  kick(chatId: number): this {
    const type = this.chats.get(chatId)?.type;
    return this.refuse(chatId, 403, type === 'channel' ? PERMANENT.notInChannel : type === 'supergroup' ? PERMANENT.kickedSupergroup : PERMANENT.kickedGroup);
  }

  /** Any refusal for one chat, e.g. 400 "Bad Request: not enough rights to send text messages to the chat". */
  refuse(chatId: number, code: number, description: string): this {
    this.chatState(chatId).refusal = { code, description };
    return this;
  }

  /** The user unblocked the bot, or it was added back. */
  allow(chatId: number): this {
    this.chatState(chatId).refusal = null;
    return this;
  }

  /** The chat no longer exists: 400 "chat not found". */
  deleteChat(chatId: number): this {
    this.chats.delete(chatId);
    return this;
  }

  /** The group became a supergroup with a new id: the old id answers 400 with migrate_to_chat_id. */
  migrateToSupergroup(groupId: number, supergroupId: number): this {
    const group = this.chatState(groupId);
    group.migratedTo = supergroupId;
    this.addChat({ id: supergroupId, type: 'supergroup', title: group.title ?? 'Group' });
    return this;
  }

  /** The next `times` calls of `method` fail with this status (default: 502 Bad Gateway). */
  failNext(method: string, options: { status?: number; description?: string; times?: number } = {}): this {
    const status = options.status ?? 502;
    this.faults.push({ method, remaining: options.times ?? 1, kind: 'error', status, description: options.description ?? (status >= 500 ? 'Bad Gateway' : 'Bad Request') });
    return this;
  }

  /** The next `times` calls of `method` lose their connection before any answer. */
  dropNext(method: string, times = 1): this {
    this.faults.push({ method, remaining: times, kind: 'drop', status: 0, description: 'connection reset' });
    return this;
  }

  /** Answers every call `ms` later (after the message was accepted: a client dying meanwhile leaves it sent). */
  delayResponses(ms: number): this {
    this.responseDelayMs = ms;
    return this;
  }

  /**
   * Queues an update: a waiting long poll returns it at once; with a webhook set, it is posted
   * there (with the secret token header) and stays queued until the webhook answers 2xx.
   */
  pushUpdate(update: Record<string, unknown>): number {
    const updateId = this.nextUpdateId++;
    const queued = { update_id: updateId, ...update };
    this.updates.push(queued);
    if (this.webhook) void this.postToWebhook(queued);
    for (const wake of this.pollers) wake();
    return updateId;
  }

  messagesTo(chatId: number): SentMessage[] {
    return this.messages.filter((message) => message.chat_id === chatId);
  }

  /**
   * A user (or an anonymous admin) writes `text` in a chat: the message as Telegram delivers it,
   * with `bot_command` entities. Returns the message.
   *
   * @example
   *   fake.userMessage(42, '/subscribe https://example.org/rss', { from: ada });
   */
  userMessage(chatId: number, text: string, options: FakeMessageOptions = {}): Record<string, unknown> {
    const chat = this.chatState(chatId);
    const message = textMessage(this.updateChat(chat), text, {
      ...this.messageFields(chat, options),
      ...(options.senderChat !== undefined ? { sender_chat: this.updateChat(this.chatState(options.senderChat)) } : {}),
    });
    this.pushUpdate({ message });
    return message;
  }

  /** An admin posts `text` in a channel: a channel_post with no `from`, signed by the channel. */
  channelPost(channelId: number, text: string): Record<string, unknown> {
    const chat = this.chatState(channelId);
    const message = textMessage(this.updateChat(chat), text, { ...this.messageFields(chat, {}), sender_chat: this.updateChat(chat) });
    this.pushUpdate({ channel_post: message });
    return message;
  }

  /** A user sends a file (getFile serves it), with an optional caption (commands in it get entities). */
  userDocument(chatId: number, file: { name: string; content: string | Buffer; mimeType?: string }, caption: string | null, options: FakeMessageOptions = {}): Record<string, unknown> {
    const chat = this.chatState(chatId);
    const info = this.storeFile(file.name, Buffer.from(file.content), file.mimeType);
    const message = documentMessage(this.updateChat(chat), info, caption, this.messageFields(chat, options));
    this.pushUpdate({ message });
    return message;
  }

  /** A user forwards a post of a channel into a chat (a private chat with the bot, usually). */
  forwardFromChannel(chatId: number, channelId: number, options: FakeMessageOptions & { text?: string } = {}): Record<string, unknown> {
    const channel = this.chatState(channelId);
    const origin = { type: 'channel', chat: this.updateChat(channel), message_id: channel.nextMessageId++, date: Math.floor(this.now() / 1000) };
    return this.userMessage(chatId, options.text ?? 'A post of the channel', { ...options, extra: { forward_origin: origin, forward_date: origin.date, ...options.extra } });
  }

  /** A user presses an inline keyboard button under one of the bot's messages; returns the query id. */
  pressButton(chatId: number, messageId: number, data: string, from: FakeUser): string {
    const sent = this.messages.find((message) => message.chat_id === chatId && message.message_id === messageId);
    if (!sent) throw new Error(`fake Telegram: the bot sent no message ${messageId} to ${chatId}`);
    const buttons = ((sent.params.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? []).flat();
    if (!buttons.some((button) => button.callback_data === data)) throw new Error(`fake Telegram: message ${messageId} has no button with data "${data}"`);
    const id = String(this.nextQueryId++);
    this.callbackQueries.set(id, { id, data, answer: null });
    const chat = this.chatState(chatId);
    const message = {
      message_id: sent.message_id,
      date: Math.floor(sent.at / 1000),
      chat: this.updateChat(chat),
      from: { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username },
      text: sent.text,
      ...(sent.entities.length ? { entities: sent.entities } : {}),
      ...(sent.message_thread_id !== null ? { message_thread_id: sent.message_thread_id, is_topic_message: true } : {}),
      ...(sent.params.reply_markup ? { reply_markup: sent.params.reply_markup } : {}),
    };
    this.pushUpdate({ callback_query: { id, from: { is_bot: false, ...from }, message, chat_instance: `ci${chatId}`, data } });
    return id;
  }

  /**
   * The bot's membership in a chat changes (removed, kicked, blocked by a private chat's user,
   * added back, promoted): the fake's answers change with it and a my_chat_member update is sent.
   */
  changeBotMembership(chatId: number, status: MemberStatus, by: FakeUser, rights: Record<string, unknown> = {}): void {
    const chat = this.chatState(chatId);
    const old = chat.members.get(this.bot.id) ?? this.defaultMember(chat, this.bot.id);
    const botUser: FakeUser = { id: this.bot.id, first_name: this.bot.first_name, username: this.bot.username, is_bot: true };
    const updated = chatMember(botUser, status, rights);
    chat.members.set(this.bot.id, updated);
    if (status === 'kicked' || status === 'left') {
      if (chat.type === 'private') this.block(chatId);
      else this.kick(chatId);
    } else if (chat.refusal?.code === 403) this.allow(chatId);
    this.pushUpdate({ my_chat_member: { chat: this.updateChat(chat), from: { is_bot: false, ...by }, date: Math.floor(this.now() / 1000), old_chat_member: old, new_chat_member: updated } });
  }

  /**
   * A group becomes a supergroup, as Telegram announces it: the old id now answers 400 with
   * migrate_to_chat_id, and service messages go to both chats (migrate_to_chat_id in the group,
   * migrate_from_chat_id in the supergroup).
   */
  upgradeGroup(groupId: number, supergroupId: number, by: FakeUser): void {
    this.migrateToSupergroup(groupId, supergroupId);
    const group = this.chatState(groupId);
    const supergroup = this.chatState(supergroupId);
    this.pushUpdate({ message: { ...this.messageFields(group, { from: by }), chat: this.updateChat(group), migrate_to_chat_id: supergroupId } });
    this.pushUpdate({ message: { ...this.messageFields(supergroup, { from: ANONYMOUS_ADMIN }), chat: this.updateChat(supergroup), sender_chat: this.updateChat(group), migrate_from_chat_id: groupId } });
  }

  /** Documents the bot sent to a chat. */
  documentsTo(chatId: number): SentMessage[] {
    return this.messagesTo(chatId).filter((message) => message.document !== undefined);
  }

  /** Resolves once `condition` holds; rejects after `timeoutMs` naming `what`. */
  async waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`fake Telegram: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Updates not yet confirmed (getUpdates offset) or acknowledged (webhook 2xx). */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  /** 429 answers given so far. */
  get tooManyRequests(): number {
    return this.calls.filter((call) => call.status === 429).length;
  }

  private chatState(chatId: number): ChatState {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`fake Telegram: no chat ${chatId} (addChat first)`);
    return chat;
  }

  private resolveChat(value: unknown): ChatState {
    if (value === undefined || value === null || value === '') throw new TelegramApiError(400, 'Bad Request: chat_id is empty');
    const id = integer(value);
    const chat =
      id !== null ? this.chats.get(id) : typeof value === 'string' ? [...this.chats.values()].find((candidate) => `@${candidate.username ?? ''}` === value) : undefined;
    if (!chat) throw new TelegramApiError(400, 'Bad Request: chat not found');
    return chat;
  }

  /** A chat the bot can reach: a refusal with 403 (blocked, kicked) answers every method. */
  private reachableChat(value: unknown): ChatState {
    const chat = this.resolveChat(value);
    if (chat.refusal?.code === 403) throw new TelegramApiError(chat.refusal.code, chat.refusal.description);
    return chat;
  }

  /** A chat the bot may post to now, or Telegram's refusal: migration, blocked, kicked, topics. */
  private writableChat(value: unknown, threadValue?: unknown): ChatState {
    const chat = this.resolveChat(value);
    if (chat.migratedTo !== null) {
      throw new TelegramApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: chat.migratedTo });
    }
    if (chat.refusal) throw new TelegramApiError(chat.refusal.code, chat.refusal.description);
    const threadId = threadValue === undefined ? null : integer(threadValue);
    if (threadId !== null && chat.is_forum) {
      const topic = chat.topics.get(threadId);
      if (!topic) throw new TelegramApiError(400, 'Bad Request: message thread not found');
      if (topic.closed) throw new TelegramApiError(400, 'Bad Request: TOPIC_CLOSED');
    }
    return chat;
  }

  private defaultMember(chat: ChatState, userId: number): Record<string, unknown> {
    if (userId === this.bot.id) {
      const bot: FakeUser = { id: this.bot.id, first_name: this.bot.first_name, username: this.bot.username, is_bot: true };
      if (chat.refusal?.code === 403) return chatMember(bot, chat.type === 'private' ? 'kicked' : 'left');
      return chat.type === 'channel' ? chatMember(bot, 'administrator', { can_post_messages: true }) : chatMember(bot, 'member');
    }
    return chatMember({ id: userId, first_name: 'User' }, chat.type === 'private' && chat.id !== userId ? 'left' : 'member');
  }

  private updateChat(chat: ChatState): UpdateChat {
    return this.publicChat(chat) as unknown as UpdateChat;
  }

  private messageFields(chat: ChatState, options: FakeMessageOptions): { message_id: number; date: number; from?: FakeUser; message_thread_id?: number; extra?: Record<string, unknown> } {
    const messageId = chat.nextMessageId++;
    chat.messageIds.add(messageId);
    return {
      message_id: messageId,
      date: Math.floor(this.now() / 1000),
      ...(options.from ? { from: { is_bot: false, ...options.from } } : {}),
      ...(options.threadId !== undefined ? { message_thread_id: options.threadId } : {}),
      ...(options.extra ? { extra: options.extra } : {}),
    };
  }

  private storeFile(name: string, data: Buffer, mimeType?: string): DocumentInfo {
    const id = this.nextFileId++;
    const info: DocumentInfo = { file_id: `file-${id}-${name.length}`, file_unique_id: `u${id}`, file_name: name, file_size: data.length, ...(mimeType ? { mime_type: mimeType } : {}) };
    this.files.set(info.file_id, { info, path: `documents/file_${id}${/\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? ''}`, data });
    return info;
  }

  private commandsKey(params: MethodParams): string {
    const scope = (params.scope as { type?: string } | undefined)?.type ?? 'default';
    return `${scope}:${typeof params.language_code === 'string' ? params.language_code : ''}`;
  }

  /** Parses HTML (when asked) the way sendMessage does; throws Telegram's error. */
  private parseText(source: string, parseMode: string | null): { text: string; entities: TelegramEntity[] } {
    if (parseMode === null) return { text: source, entities: [] };
    if (parseMode.toLowerCase() !== 'html') throw new TelegramApiError(400, `Bad Request: unsupported parse_mode "${parseMode}" (this fake speaks HTML only)`);
    // The renderers' strict validator: Telegram's tags, nesting, entities and lengths.
    const check = validateTelegramHtml(source);
    if (check.error) throw new TelegramApiError(400, check.error);
    return { text: check.text, entities: check.entities };
  }

  private checkReplyTo(chat: ChatState, params: MethodParams): void {
    const reply = params.reply_parameters as { message_id?: unknown; allow_sending_without_reply?: unknown } | undefined;
    if (!reply) return;
    const messageId = integer(reply.message_id);
    if (messageId === null || (!chat.messageIds.has(messageId) && reply.allow_sending_without_reply !== true)) throw new TelegramApiError(400, 'Bad Request: message to be replied not found');
  }

  private rateLimit(chat: ChatState, now: number): void {
    if (!this.limiter) return;
    const retryAfter = this.limiter.check(chat, now);
    if (retryAfter) throw new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    this.limiter.record(chat, now);
  }

  private botMessage(chat: ChatState, message: SentMessage): Record<string, unknown> {
    return {
      message_id: message.message_id,
      from: { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username },
      chat: this.publicChat(chat),
      date: Math.floor(message.at / 1000),
      ...(message.document ? { caption: message.text } : { text: message.text }),
      ...(message.entities.length ? { [message.document ? 'caption_entities' : 'entities']: message.entities } : {}),
      ...(message.message_thread_id !== null ? { message_thread_id: message.message_thread_id, is_topic_message: true } : {}),
      ...(message.params.reply_markup ? { reply_markup: message.params.reply_markup } : {}),
    };
  }

  private sendDocument(params: MethodParams): unknown {
    const chat = this.writableChat(params.chat_id, params.message_thread_id);
    const document = params.document;
    let file: { file_name: string; data: Buffer };
    if (document && typeof document === 'object' && 'data' in document) {
      const upload = document as UploadedFile;
      file = { file_name: upload.filename, data: upload.data };
    } else if (typeof document === 'string' && this.files.has(document)) {
      const stored = this.files.get(document)!;
      file = { file_name: stored.info.file_name, data: stored.data };
    } else throw new TelegramApiError(400, 'Bad Request: there is no document in the request');
    const parseMode = typeof params.parse_mode === 'string' && params.parse_mode !== '' ? params.parse_mode : null;
    const source = typeof params.caption === 'string' ? params.caption : '';
    const { text, entities } = this.parseText(source, parseMode);
    if (text.length > MAX_CAPTION_LENGTH) throw new TelegramApiError(400, 'Bad Request: message caption is too long');
    const problem = replyMarkupProblem(params.reply_markup);
    if (problem) throw new TelegramApiError(400, problem);
    this.checkReplyTo(chat, params);
    const now = this.now();
    this.rateLimit(chat, now);
    const message: SentMessage = { message_id: chat.nextMessageId++, chat_id: chat.id, text, entities, source, parse_mode: parseMode, message_thread_id: params.message_thread_id === undefined ? null : integer(params.message_thread_id), params, at: now, document: file };
    chat.messageIds.add(message.message_id);
    this.messages.push(message);
    const info = this.storeFile(file.file_name, file.data);
    return { ...this.botMessage(chat, message), document: info };
  }

  private editMessageText(params: MethodParams): unknown {
    const chat = this.reachableChat(params.chat_id);
    const messageId = integer(params.message_id);
    const message = this.messages.find((candidate) => candidate.chat_id === chat.id && candidate.message_id === messageId && !candidate.document);
    if (!message) throw new TelegramApiError(400, 'Bad Request: message to edit not found');
    const source = typeof params.text === 'string' ? params.text : '';
    const parseMode = typeof params.parse_mode === 'string' && params.parse_mode !== '' ? params.parse_mode : null;
    const { text, entities } = this.parseText(source, parseMode);
    if (!text.trim()) throw new TelegramApiError(400, 'Bad Request: message text is empty');
    if (text.length > MAX_MESSAGE_LENGTH) throw new TelegramApiError(400, 'Bad Request: MESSAGE_TOO_LONG');
    const problem = replyMarkupProblem(params.reply_markup);
    if (problem) throw new TelegramApiError(400, problem);
    if (text === message.text && JSON.stringify(entities) === JSON.stringify(message.entities) && JSON.stringify(params.reply_markup ?? null) === JSON.stringify(message.params.reply_markup ?? null)) {
      throw new TelegramApiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    message.text = text;
    message.entities = entities;
    message.source = source;
    message.parse_mode = parseMode;
    message.params = { ...message.params, ...params, reply_markup: params.reply_markup };
    message.edits = (message.edits ?? 0) + 1;
    return this.botMessage(chat, message);
  }

  private answerCallbackQuery(params: MethodParams): unknown {
    const query = typeof params.callback_query_id === 'string' ? this.callbackQueries.get(params.callback_query_id) : undefined;
    if (!query || query.answer) throw new TelegramApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
    const text = typeof params.text === 'string' ? params.text : null;
    if (text && text.length > MAX_CALLBACK_ANSWER_LENGTH) throw new TelegramApiError(400, 'Bad Request: MESSAGE_TOO_LONG');
    query.answer = { text, show_alert: params.show_alert === true || params.show_alert === 'true' };
    return true;
  }

  private setWebhook(params: MethodParams): unknown {
    const url = typeof params.url === 'string' ? params.url : '';
    if (!url) {
      this.webhook = null;
      return true;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TelegramApiError(400, 'Bad Request: bad webhook: Failed to resolve host: Name or service not known');
    }
    // Like a self-hosted Bot API server (--local), plain HTTP and any port are accepted.
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TelegramApiError(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    const secret = typeof params.secret_token === 'string' ? params.secret_token : null;
    if (secret !== null && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw new TelegramApiError(400, 'Bad Request: secret token contains unallowed characters');
    const allowed = Array.isArray(params.allowed_updates) ? (params.allowed_updates as string[]) : null;
    this.webhook = { url, secret, allowedUpdates: allowed };
    // A long poll still waiting ends with a conflict; what was queued goes to the webhook.
    for (const wake of this.pollers) wake();
    for (const update of [...this.updates]) void this.postToWebhook(update);
    return true;
  }

  private updateAllowed(update: Record<string, unknown>, allowed: readonly string[] | null): boolean {
    const type = Object.keys(update).find((key) => key !== 'update_id') ?? '';
    return (allowed && allowed.length ? allowed : DEFAULT_UPDATE_TYPES).includes(type);
  }

  private async postToWebhook(update: Record<string, unknown>): Promise<void> {
    const webhook = this.webhook;
    if (!webhook) return;
    const updateId = update.update_id as number;
    if (!this.updateAllowed(update, webhook.allowedUpdates)) {
      this.updates.splice(this.updates.indexOf(update), 1);
      return;
    }
    let status: number;
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(webhook.secret ? { 'x-telegram-bot-api-secret-token': webhook.secret } : {}) },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0; // no answer: connection refused, reset or timed out
    }
    this.webhookDeliveries.push({ update_id: updateId, status });
    const index = this.updates.indexOf(update);
    if (status >= 200 && status < 300 && index !== -1) this.updates.splice(index, 1);
  }

  private publicChat(chat: ChatState): Record<string, unknown> {
    const shown: Record<string, unknown> = { id: chat.id, type: chat.type };
    if (chat.title !== undefined) shown.title = chat.title;
    if (chat.username !== undefined) shown.username = chat.username;
    if (chat.first_name !== undefined) shown.first_name = chat.first_name;
    if (chat.is_forum) shown.is_forum = true;
    return shown;
  }

  private sendMessage(params: MethodParams): unknown {
    const chat = this.writableChat(params.chat_id, params.message_thread_id);
    const markupProblem = replyMarkupProblem(params.reply_markup);
    if (markupProblem) throw new TelegramApiError(400, markupProblem);
    this.checkReplyTo(chat, params);
    const source = typeof params.text === 'string' ? params.text : typeof params.text === 'number' ? String(params.text) : '';
    const parseMode = typeof params.parse_mode === 'string' && params.parse_mode !== '' ? params.parse_mode : null;
    const { text, entities } = this.parseText(source, parseMode);
    if (!text.trim()) throw new TelegramApiError(400, 'Bad Request: message text is empty');
    if (text.length > MAX_MESSAGE_LENGTH) throw new TelegramApiError(400, 'Bad Request: message is too long');
    const threadId = params.message_thread_id === undefined ? null : integer(params.message_thread_id);
    const now = this.now();
    this.rateLimit(chat, now);
    const message: SentMessage = {
      message_id: chat.nextMessageId++,
      chat_id: chat.id,
      text,
      entities,
      source,
      parse_mode: parseMode,
      message_thread_id: threadId,
      params,
      at: now,
    };
    chat.messageIds.add(message.message_id);
    this.messages.push(message);
    return this.botMessage(chat, message);
  }

  private async getUpdates(params: MethodParams): Promise<unknown> {
    if (this.webhook) throw new TelegramApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = integer(params.offset) ?? 0;
    const limit = Math.min(100, Math.max(1, integer(params.limit) ?? 100));
    const timeout = Math.max(0, integer(params.timeout) ?? 0);
    // Telegram keeps the last allowed_updates until a call sets another.
    if (Array.isArray(params.allowed_updates)) this.allowedUpdates = params.allowed_updates as string[];
    // Asking from an offset confirms every update before it.
    if (offset > 0) this.updates.splice(0, this.updates.filter((update) => (update.update_id as number) < offset).length);
    // Updates of types not allowed are never delivered.
    for (let index = this.updates.length - 1; index >= 0; index--) if (!this.updateAllowed(this.updates[index]!, this.allowedUpdates)) this.updates.splice(index, 1);
    const pending = () => this.updates.filter((update) => (update.update_id as number) >= offset && this.updateAllowed(update, this.allowedUpdates)).slice(0, limit);
    // A second poll while one waits ends the first, as two bot instances would.
    this.waitingPoll?.();
    if (!pending().length && timeout > 0 && this.server) {
      const ended = { conflicted: false };
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.pollers.delete(wake);
          if (this.waitingPoll === conflict) this.waitingPoll = null;
          resolve();
        };
        const conflict = () => {
          ended.conflicted = true;
          wake();
        };
        const timer = setTimeout(wake, timeout * 1000);
        this.pollers.add(wake);
        this.waitingPoll = conflict;
      });
      if (ended.conflicted) throw new TelegramApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
      if (this.webhook as FakeTelegram['webhook']) throw new TelegramApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    return pending();
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = this.now();
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(pathname);
    if (download) {
      const file = download[1] === this.token ? [...this.files.values()].find((candidate) => candidate.path === decodeURIComponent(download[2] ?? '')) : undefined;
      this.calls.push({ method: 'file', params: { path: download[2] }, status: file ? 200 : 404, description: file ? null : 'Not Found', at });
      response.writeHead(file ? 200 : 404, { 'content-type': file ? 'application/octet-stream' : 'application/json' });
      response.end(file ? file.data : JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(pathname);
    const reply = (status: number, body: Record<string, unknown>, method: string, params: MethodParams) => {
      this.calls.push({ method, params, status, description: typeof body.description === 'string' ? body.description : null, at });
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (this.responseDelayMs) setTimeout(send, this.responseDelayMs);
      else send();
    };
    if (!match?.[1] || !match[2]) {
      reply(404, { ok: false, error_code: 404, description: 'Not Found' }, '?', {});
      return;
    }
    const [, token, method] = match;
    let params: MethodParams = {};
    try {
      params = await readMethodParams(request);
    } catch (error) {
      reply(400, { ok: false, error_code: 400, description: `Bad Request: ${error instanceof Error ? error.message : String(error)}` }, method, params);
      return;
    }
    if (token !== this.token) {
      reply(401, { ok: false, error_code: 401, description: 'Unauthorized' }, method, params);
      return;
    }
    const fault = this.faults.find((candidate) => candidate.method === method && candidate.remaining > 0);
    if (fault) {
      fault.remaining--;
      if (fault.kind === 'drop') {
        this.calls.push({ method, params, status: 0, description: fault.description, at });
        request.socket.destroy();
        return;
      }
      reply(fault.status, { ok: false, error_code: fault.status, description: fault.description }, method, params);
      return;
    }
    const handler = this.handlers.get(method);
    if (!handler) {
      reply(404, { ok: false, error_code: 404, description: 'Not Found: method not found' }, method, params);
      return;
    }
    try {
      reply(200, { ok: true, result: await handler(params, this) }, method, params);
    } catch (error) {
      if (error instanceof TelegramApiError) {
        reply(error.code, { ok: false, error_code: error.code, description: error.description, ...(error.parameters ? { parameters: error.parameters } : {}) }, method, params);
      } else {
        reply(500, { ok: false, error_code: 500, description: `Internal Server Error: ${error instanceof Error ? error.message : String(error)}` }, method, params);
      }
    }
  }
}
