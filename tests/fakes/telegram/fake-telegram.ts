import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readMethodParams, type MethodParams } from './request-params.ts';
import { validateTelegramHtml, type TelegramEntity } from '../telegram-html-validator.ts';
import { TELEGRAM_RATE_LIMITS, TelegramRateLimiter, type FakeRateLimits } from './telegram-rate-limits.ts';

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
}

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
  private readonly updates: Record<string, unknown>[] = [];
  private readonly pollers = new Set<() => void>();
  private nextUpdateId = 1;
  private responseDelayMs = 0;
  private server: Server | null = null;
  private root = '';

  constructor(options: { token?: string; limits?: Partial<FakeRateLimits> | null; now?: () => number } = {}) {
    this.token = options.token ?? '123456:TEST-token_for-the-fake';
    this.now = options.now ?? Date.now;
    this.limiter = options.limits === null ? null : new TelegramRateLimiter({ ...TELEGRAM_RATE_LIMITS, ...options.limits });
    this.handle('getMe', () => this.bot);
    this.handle('sendMessage', (params) => this.sendMessage(params));
    this.handle('deleteWebhook', () => true);
    this.handle('setMyCommands', () => true);
    this.handle('getUpdates', (params) => this.getUpdates(params));
    this.handle('getChat', (params) => this.publicChat(this.resolveChat(params.chat_id)));
    this.handle('getChatMember', (params) => {
      this.resolveChat(params.chat_id);
      const userId = integer(params.user_id);
      if (userId === null) throw new TelegramApiError(400, 'Bad Request: user_id is empty');
      return { status: 'member', user: { id: userId, is_bot: false, first_name: 'User' } };
    });
  }

  /** Starts listening on 127.0.0.1 (a free port); resolves with the apiRoot to give grammY. */
  async start(): Promise<string> {
    const server = createServer((request, response) => void this.serve(request, response));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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
    this.chats.set(chat.id, { ...chat, refusal: null, migratedTo: null, nextMessageId: 1 });
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

  /** Queues an update for getUpdates; a waiting long poll returns it at once. */
  pushUpdate(update: Record<string, unknown>): number {
    const updateId = this.nextUpdateId++;
    this.updates.push({ update_id: updateId, ...update });
    for (const wake of this.pollers) wake();
    return updateId;
  }

  messagesTo(chatId: number): SentMessage[] {
    return this.messages.filter((message) => message.chat_id === chatId);
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

  private publicChat(chat: ChatState): Record<string, unknown> {
    const shown: Record<string, unknown> = { id: chat.id, type: chat.type };
    if (chat.title !== undefined) shown.title = chat.title;
    if (chat.username !== undefined) shown.username = chat.username;
    if (chat.first_name !== undefined) shown.first_name = chat.first_name;
    if (chat.is_forum) shown.is_forum = true;
    return shown;
  }

  private sendMessage(params: MethodParams): unknown {
    const chat = this.resolveChat(params.chat_id);
    if (chat.migratedTo !== null) {
      throw new TelegramApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: chat.migratedTo });
    }
    if (chat.refusal) throw new TelegramApiError(chat.refusal.code, chat.refusal.description);
    const source = typeof params.text === 'string' ? params.text : typeof params.text === 'number' ? String(params.text) : '';
    const parseMode = typeof params.parse_mode === 'string' && params.parse_mode !== '' ? params.parse_mode : null;
    let text = source;
    let entities: TelegramEntity[] = [];
    if (parseMode !== null) {
      if (parseMode.toLowerCase() !== 'html') throw new TelegramApiError(400, `Bad Request: unsupported parse_mode "${parseMode}" (this fake speaks HTML only)`);
      // The renderers' strict validator: Telegram's tags, nesting, entities and lengths.
      const check = validateTelegramHtml(source);
      if (check.error) throw new TelegramApiError(400, check.error);
      ({ text, entities } = check);
    }
    if (!text.trim()) throw new TelegramApiError(400, 'Bad Request: message text is empty');
    if (text.length > MAX_MESSAGE_LENGTH) throw new TelegramApiError(400, 'Bad Request: message is too long');
    const threadId = params.message_thread_id === undefined ? null : integer(params.message_thread_id);
    const now = this.now();
    if (this.limiter) {
      const retryAfter = this.limiter.check(chat, now);
      if (retryAfter) throw new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      this.limiter.record(chat, now);
    }
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
    this.messages.push(message);
    return {
      message_id: message.message_id,
      from: { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username },
      chat: this.publicChat(chat),
      date: Math.floor(now / 1000),
      text,
      ...(entities.length ? { entities } : {}),
      ...(threadId !== null ? { message_thread_id: threadId, is_topic_message: true } : {}),
    };
  }

  private async getUpdates(params: MethodParams): Promise<unknown> {
    const offset = integer(params.offset) ?? 0;
    const limit = Math.min(100, Math.max(1, integer(params.limit) ?? 100));
    const timeout = Math.max(0, integer(params.timeout) ?? 0);
    // Asking from an offset confirms every update before it.
    if (offset > 0) this.updates.splice(0, this.updates.filter((update) => (update.update_id as number) < offset).length);
    const pending = () => this.updates.filter((update) => (update.update_id as number) >= offset).slice(0, limit);
    if (!pending().length && timeout > 0 && this.server) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.pollers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeout * 1000);
        this.pollers.add(wake);
      });
    }
    return pending();
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = this.now();
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
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
