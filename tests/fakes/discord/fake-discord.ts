import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { validateDiscordMessage } from '../discord-payload-validator.ts';
import { validateCommands } from './command-validator.ts';
import { BITS, computePermissions, type FakeOverwrite, type FakeRole } from './fake-permissions.ts';

/** Channel types the fake knows (Discord's numbers). */
export const CHANNEL = { text: 0, dm: 1, category: 4, announcement: 5, announcementThread: 10, publicThread: 11, privateThread: 12, forum: 15 } as const;

const THREAD_TYPES = new Set<number>([CHANNEL.announcementThread, CHANNEL.publicThread, CHANNEL.privateThread]);

export interface FakeChannel {
  id: string;
  type: number;
  name: string;
  guildId: string | null;
  parentId: string | null;
  overwrites: FakeOverwrite[];
  /** DM channels: the other user. */
  recipientId: string | null;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  roles: FakeRole[];
  members: Map<string, { roles: string[] }>;
}

/** A message the bot posted, as the fake stored it. */
export interface FakeMessage {
  id: string;
  channelId: string;
  content: string;
  embeds: Record<string, unknown>[];
  /** The `allowed_mentions` the bot sent, or undefined when it sent none (Discord then parses every mention). */
  allowedMentions: unknown;
  files: { name: string; content: string }[];
  /** Where it came from: a channel message, a forum post's first message, or an interaction reply. */
  via: 'channel' | 'forum_post' | 'interaction';
}

/** What the fake answered with an error status, for tests to assert on. */
export interface FakeRefusal {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** One interaction the fake dispatched and everything the bot answered to it. */
export interface FakeInteraction {
  id: string;
  token: string;
  dispatchedAt: number;
  callbacks: { type: number; data: Record<string, unknown> | undefined; at: number }[];
  /** The original response as last edited (content, embeds, files), or null. */
  original: FakeMessage | null;
  followups: FakeMessage[];
}

/** The final answer of a command interaction: its text and any files. */
export interface FakeReply {
  interaction: FakeInteraction;
  /** Whether the first answer was a deferral (type 5) or an immediate message (type 4). */
  deferred: boolean;
  ephemeral: boolean;
  content: string;
  files: { name: string; content: string }[];
  /** Follow-up messages' contents, in order. */
  more: string[];
}

interface Session {
  id: string;
  seq: number;
  socket: WebSocket | null;
  events: { s: number; payload: string }[];
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
interface InjectedFailure {
  method: string;
  path: RegExp;
  answer: Answer;
}

interface UserSpec {
  id: string;
  username?: string;
}

/** A command option as a test gives it: name and value (attachments and channels by id). */
export type OptionInput = Record<string, string | number | boolean>;

export interface InteractionInput {
  user: UserSpec;
  /** The guild; null for a direct message. */
  guildId: string | null;
  channelId: string;
  command: string;
  options?: OptionInput;
  locale?: string;
}

/** Discord's bucket of a request: the route with ids generalised, per major parameter (channel, guild, webhook). */
function bucketOf(method: string, route: string): string {
  // Webhooks and interactions are limited per id and token (each interaction has its own).
  const token = /^\/(?:webhooks|interactions)\/(\d+\/[^/]+)/.exec(route)?.[1];
  const major = token ?? /^\/(?:channels|guilds)\/(\d+)/.exec(route)?.[1] ?? '';
  return `${method} ${route.replace(/\/\d{5,}/g, '/:id').replace(/\/(webhooks|interactions)\/:id\/[^/]+/, '/$1/:id/:token')} ${major}`;
}

let nextId = 1_200_000_000_000_000_000n;
/** A fresh snowflake-shaped id. */
export function snowflake(): string {
  nextId += 1n;
  return nextId.toString();
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON body, or multipart (`payload_json` + `files[n]`) as discord.js sends attachments. */
async function parsePayload(request: IncomingMessage): Promise<{ body: Record<string, unknown>; files: { name: string; content: string }[] }> {
  const raw = await readBody(request);
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
    const payloadJson = form.get('payload_json');
    const body = JSON.parse(typeof payloadJson === 'string' ? payloadJson : '{}') as Record<string, unknown>;
    const files: { name: string; content: string }[] = [];
    const entries: [string, unknown][] = [];
    form.forEach((value, key) => entries.push([key, value]));
    for (const [key, value] of entries) {
      if (key.startsWith('files[') && value instanceof Blob) files.push({ name: value instanceof File ? value.name : key, content: await value.text() });
    }
    return { body, files };
  }
  return { body: raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {}, files: [] };
}

const ERRORS = {
  unknownChannel: { status: 404, body: { message: 'Unknown Channel', code: 10003 } },
  unknownGuild: { status: 404, body: { message: 'Unknown Guild', code: 10004 } },
  unknownMember: { status: 404, body: { message: 'Unknown Member', code: 10007 } },
  unknownInteraction: { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
  missingAccess: { status: 403, body: { message: 'Missing Access', code: 50001 } },
  missingPermissions: { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
  unauthorized: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
  alreadyAcknowledged: { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } },
} satisfies Record<string, Answer>;

/**
 * A local stand-in for Discord, as strict as the real one where Précis depends on it: the REST API
 * under `/api/v10` (gateway/bot, users/@me, application commands global and per guild, channels,
 * guilds, roles and members, channel messages, threads and forum posts, interaction callbacks and
 * webhook follow-ups) with Discord's limits, error codes (10003 Unknown Channel, 50001 Missing
 * Access, 50013 Missing Permissions), permission arithmetic and rate-limit headers and 429s; and a
 * plain-JSON gateway (HELLO → IDENTIFY → READY → GUILD_CREATE, heartbeats, RESUME, dispatches).
 * The real discord.js client logs in against it through `rest.api`.
 *
 * @example
 *   const discord = await FakeDiscord.start();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiRoot } });
 */
export class FakeDiscord {
  readonly token = 'MTIwMDAwMDAwMDAwMDAwMDAwMQ.Gfake1.precis-test-token-0123456789abcdef';
  readonly bot = { id: '1100000000000000001', username: 'Précis', discriminator: '0', global_name: null, avatar: null, bot: true };
  readonly applicationId = '1100000000000000001';
  readonly guilds = new Map<string, FakeGuild>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages: FakeMessage[] = [];
  readonly refusals: FakeRefusal[] = [];
  readonly requests: { method: string; path: string; status: number }[] = [];
  readonly commands: { global: Record<string, unknown>[] | null; guild: Map<string, Record<string, unknown>[]> } = { global: null, guild: new Map() };
  /** IDENTIFY payloads received (intents, token checked). */
  readonly identifies: { intents: number }[] = [];
  resumes = 0;
  readonly interactions = new Map<string, FakeInteraction>();
  /** Per-route bucket (per major parameter): requests per window before a 429 — Discord posts 5 messages per 5 s in a channel. */
  bucket = { limit: 5, windowMs: 5000 };
  globalPerSecond = 50;
  heartbeatIntervalMs = 41_250;
  /** Bodies served under /attachments/ (for /import). */
  private readonly attachments = new Map<string, { name: string; content: string }>();
  private readonly failures: InjectedFailure[] = [];
  private readonly buckets = new Map<string, { count: number; resetAt: number }>();
  private globalWindow = { count: 0, resetAt: 0 };
  private readonly sessions = new Map<string, Session>();
  private current: Session | null = null;
  private readonly waiters = new Set<() => void>();
  private readonly sockets = new Set<Socket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private server: Server | null = null;
  private port = 0;

  /** Starts the fake on 127.0.0.1 (a free port). */
  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await fake.listen();
    return fake;
  }

  /** The REST base for discord.js (`rest: { api }`), like https://discord.com/api. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  private get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  private async listen(): Promise<void> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => json(response, 500, { message: String(error), code: 0 }));
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('upgrade', (request, socket, head) => {
      if (!request.url?.startsWith('/gateway')) return socket.destroy();
      this.wss.handleUpgrade(request, socket, head, (ws) => this.onGateway(ws));
      return undefined;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Stops the server and the gateway. */
  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ——— world set-up ———

  /** Adds a guild with its @everyone role (`everyone` permissions) and the bot as a member with `botPermissions` on its own role. */
  addGuild(spec: { name: string; ownerId?: string; everyone?: bigint; botPermissions?: bigint }): FakeGuild {
    const id = snowflake();
    const botRole: FakeRole = { id: snowflake(), name: 'Précis', permissions: spec.botPermissions ?? BITS.ViewChannel | BITS.SendMessages | BITS.EmbedLinks | BITS.SendMessagesInThreads | BITS.CreatePublicThreads, position: 1 };
    const guild: FakeGuild = {
      id,
      name: spec.name,
      ownerId: spec.ownerId ?? snowflake(),
      roles: [{ id, name: '@everyone', permissions: spec.everyone ?? BITS.ViewChannel | BITS.SendMessages | BITS.ReadMessageHistory, position: 0 }, botRole],
      members: new Map([[this.bot.id, { roles: [botRole.id] }]]),
    };
    this.guilds.set(id, guild);
    if (this.current) this.dispatch('GUILD_CREATE', this.guildPayload(guild));
    return guild;
  }

  /** Adds a role to a guild. */
  addRole(guild: FakeGuild, name: string, permissions: bigint): FakeRole {
    const role: FakeRole = { id: snowflake(), name, permissions, position: guild.roles.length };
    guild.roles.push(role);
    if (this.current) this.dispatch('GUILD_ROLE_CREATE', { guild_id: guild.id, role: this.rolePayload(role) });
    return role;
  }

  /** Adds a member (a user id) with roles. */
  addMember(guild: FakeGuild, userId: string, roles: FakeRole[] = []): void {
    guild.members.set(userId, { roles: roles.map((role) => role.id) });
  }

  /** Adds a channel to a guild (or a DM channel with `recipientId`), announced on the gateway. */
  addChannel(spec: { guild?: FakeGuild; name: string; type?: number; parentId?: string; overwrites?: FakeOverwrite[]; recipientId?: string }): FakeChannel {
    const channel: FakeChannel = {
      id: snowflake(),
      type: spec.type ?? (spec.recipientId ? CHANNEL.dm : CHANNEL.text),
      name: spec.name,
      guildId: spec.guild?.id ?? null,
      parentId: spec.parentId ?? null,
      overwrites: spec.overwrites ?? [],
      recipientId: spec.recipientId ?? null,
    };
    this.channels.set(channel.id, channel);
    if (this.current && channel.guildId) this.dispatch(THREAD_TYPES.has(channel.type) ? 'THREAD_CREATE' : 'CHANNEL_CREATE', this.channelPayload(channel));
    return channel;
  }

  /** Replaces a channel's permission overwrites (CHANNEL_UPDATE is dispatched). */
  setOverwrites(channel: FakeChannel, overwrites: FakeOverwrite[]): void {
    channel.overwrites = overwrites;
    if (this.current) this.dispatch('CHANNEL_UPDATE', this.channelPayload(channel));
  }

  /** Deletes a channel; with `silently` no CHANNEL_DELETE is dispatched (as if the bot was offline). */
  deleteChannel(channel: FakeChannel, options: { silently?: boolean } = {}): void {
    this.channels.delete(channel.id);
    if (this.current && !options.silently) this.dispatch('CHANNEL_DELETE', this.channelPayload(channel));
  }

  /** Removes the bot from a guild (kicked, or the server deleted): GUILD_DELETE is dispatched. */
  kickBot(guild: FakeGuild): void {
    guild.members.delete(this.bot.id);
    if (this.current) this.dispatch('GUILD_DELETE', { id: guild.id, unavailable: false });
  }

  /** Serves a file as a Discord CDN attachment; returns the attachment object an interaction resolves. */
  addAttachment(name: string, content: string): { id: string; filename: string; size: number; url: string; proxy_url: string; content_type: string } {
    const id = snowflake();
    this.attachments.set(id, { name, content });
    const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(name)}`;
    return { id, filename: name, size: Buffer.byteLength(content), url, proxy_url: url, content_type: 'text/x-opml; charset=utf-8' };
  }

  /** The next request matching `method` and `path` is answered with `answer` instead. */
  failNext(method: string, path: RegExp, answer: Answer): void {
    this.failures.push({ method, path, answer });
  }

  /** The next matching request gets a 429 with `retry_after` seconds (per-route, or global). */
  rateLimitNext(method: string, path: RegExp, retryAfter: number, global = false): void {
    this.failNext(method, path, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global, code: global ? 0 : undefined },
      headers: {
        'retry-after': String(Math.ceil(retryAfter)),
        'x-ratelimit-limit': String(this.bucket.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': 'injected',
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    });
  }

  /** The bot's permissions in a channel (threads use their parent's overwrites). */
  botPermissions(channel: FakeChannel): bigint {
    return this.userPermissions(channel, this.bot.id);
  }

  /** A user's permissions in a channel, as Discord computes them. */
  userPermissions(channel: FakeChannel, userId: string): bigint {
    if (!channel.guildId) return BITS.ViewChannel | BITS.SendMessages | BITS.EmbedLinks | BITS.AttachFiles | BITS.ReadMessageHistory;
    const guild = this.guilds.get(channel.guildId);
    if (!guild) return 0n;
    const source = THREAD_TYPES.has(channel.type) && channel.parentId ? (this.channels.get(channel.parentId) ?? channel) : channel;
    return computePermissions(guild, source.overwrites, userId);
  }

  /** Messages posted in a channel (or forum posts' first messages under it). */
  messagesIn(channelId: string): FakeMessage[] {
    return this.messages.filter((message) => message.channelId === channelId);
  }

  /** Resolves once `check` holds (checked after every request and dispatch), or rejects after `timeoutMs`. */
  async waitFor(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(probe);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const probe = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(probe);
        resolve();
      };
      this.waiters.add(probe);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  // ——— gateway ———

  private onGateway(socket: WebSocket): void {
    const send = (payload: unknown) => socket.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null });
    socket.on('message', (data: Buffer) => {
      const packet = JSON.parse(data.toString('utf8')) as { op: number; d: Record<string, unknown> | number | null };
      if (packet.op === 1) { send({ op: 11, d: null, s: null, t: null }); return; }
      if (packet.op === 2 && packet.d && typeof packet.d === 'object') {
        if (packet.d.token !== this.token) { socket.close(4004, 'Authentication failed.'); return; }
        this.identifies.push({ intents: Number(packet.d.intents) });
        const session: Session = { id: snowflake(), seq: 0, socket, events: [] };
        this.sessions.set(session.id, session);
        this.current = session;
        this.dispatch('READY', {
          v: 10,
          user: this.bot,
          guilds: [...this.guilds.values()].map((guild) => ({ id: guild.id, unavailable: true })),
          session_id: session.id,
          resume_gateway_url: this.gatewayUrl,
          shard: [0, 1],
          application: { id: this.applicationId, flags: 0 },
        });
        for (const guild of this.guilds.values()) this.dispatch('GUILD_CREATE', this.guildPayload(guild));
        return undefined;
      }
      if (packet.op === 6 && packet.d && typeof packet.d === 'object') {
        const session = this.sessions.get(String(packet.d.session_id));
        if (!session || packet.d.token !== this.token) { send({ op: 9, d: false, s: null, t: null }); return; }
        this.resumes++;
        session.socket = socket;
        this.current = session;
        const since = Number(packet.d.seq);
        for (const event of session.events) if (event.s > since) socket.send(event.payload);
        this.dispatch('RESUMED', {});
        return undefined;
      }
      return undefined;
    });
    socket.on('close', () => {
      for (const session of this.sessions.values()) if (session.socket === socket) session.socket = null;
      this.wake();
    });
    this.wake();
  }

  /** Whether the bot currently has a live gateway connection. */
  get connected(): boolean {
    return this.current?.socket?.readyState === 1;
  }

  /** Sends a dispatch event (op 0) on the current session; kept for RESUME when the socket is down. */
  dispatch(event: string, data: unknown): void {
    const session = this.current;
    if (!session) throw new Error('no gateway session: the bot has not identified');
    session.seq++;
    const payload = JSON.stringify({ op: 0, t: event, s: session.seq, d: data });
    session.events.push({ s: session.seq, payload });
    if (session.socket?.readyState === 1) session.socket.send(payload);
    this.wake();
  }

  /** Closes the gateway connection abnormally (code 4000), as a network drop would; the bot should resume. */
  dropGateway(): void {
    const socket = this.current?.socket;
    if (socket) {
      socket.close(4000, 'Unknown error');
      this.current!.socket = null;
    }
  }

  // ——— interactions ———

  private userPayload(user: UserSpec) {
    return { id: user.id, username: user.username ?? `user${user.id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
  }

  private baseInteraction(input: InteractionInput, type: number, data: Record<string, unknown>) {
    const channel = this.channels.get(input.channelId);
    const id = snowflake();
    const token = `itoken-${id}`;
    const common = {
      id,
      application_id: this.applicationId,
      type,
      data,
      channel_id: input.channelId,
      channel: channel ? this.channelPayload(channel) : { id: input.channelId, type: CHANNEL.dm },
      token,
      version: 1,
      locale: input.locale ?? 'en-US',
      entitlements: [],
      attachment_size_limit: 10_485_760,
      authorizing_integration_owners: { '0': input.guildId ?? input.user.id },
      context: input.guildId ? 0 : 1,
      app_permissions: channel ? this.botPermissions(channel).toString() : '0',
    };
    if (!input.guildId) return { ...common, user: this.userPayload(input.user) };
    const guild = this.guilds.get(input.guildId);
    const member = guild?.members.get(input.user.id);
    return {
      ...common,
      guild_id: input.guildId,
      guild_locale: 'en-US',
      member: {
        user: this.userPayload(input.user),
        roles: member?.roles ?? [],
        permissions: channel ? this.userPermissions(channel, input.user.id).toString() : '0',
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        pending: false,
        nick: null,
        avatar: null,
      },
    };
  }

  private commandOptions(input: InteractionInput, focused: string | null) {
    const registered = [...(input.guildId ? (this.commands.guild.get(input.guildId) ?? []) : []), ...(this.commands.global ?? [])];
    const definition = registered.find((command) => command.name === input.command);
    if (!definition) throw new Error(`/${input.command} is not registered with the fake`);
    const shapes = (definition.options ?? []) as { name: string; type: number }[];
    const resolved: { channels?: Record<string, unknown>; attachments?: Record<string, unknown> } = {};
    const options = Object.entries(input.options ?? {}).map(([name, value]) => {
      const shape = shapes.find((option) => option.name === name);
      if (!shape) throw new Error(`/${input.command} has no option "${name}"`);
      if (shape.type === 7) {
        const channel = this.channels.get(String(value));
        if (channel) {
          resolved.channels ??= {};
          resolved.channels[channel.id] = { id: channel.id, name: channel.name, type: channel.type, permissions: this.userPermissions(channel, input.user.id).toString(), parent_id: channel.parentId };
        }
      }
      if (shape.type === 11) {
        const attachment = this.attachments.get(String(value));
        if (!attachment) throw new Error(`no attachment ${String(value)}: use addAttachment()`);
        const url = `http://127.0.0.1:${this.port}/attachments/${String(value)}/${encodeURIComponent(attachment.name)}`;
        resolved.attachments ??= {};
        resolved.attachments[String(value)] = { id: String(value), filename: attachment.name, size: Buffer.byteLength(attachment.content), url, proxy_url: url, content_type: 'text/x-opml; charset=utf-8' };
      }
      return { name, type: shape.type, value, ...(focused === name ? { focused: true } : {}) };
    });
    return { id: String(definition.id), name: input.command, type: 1, options, ...(Object.keys(resolved).length ? { resolved } : {}), ...(input.guildId ? { guild_id: input.guildId } : {}) };
  }

  /**
   * A user runs a slash command; resolves with the bot's final answer (its immediate reply, or the
   * edit of its deferred reply). Registered commands only, options checked against their shapes.
   */
  async command(input: InteractionInput, timeoutMs = 8000): Promise<FakeReply> {
    const payload = this.baseInteraction(input, 2, this.commandOptions(input, null));
    const record: FakeInteraction = { id: payload.id, token: payload.token, dispatchedAt: Date.now(), callbacks: [], original: null, followups: [] };
    this.interactions.set(record.id, record);
    this.dispatch('INTERACTION_CREATE', payload);
    const answered = () => {
      const first = record.callbacks[0];
      return first !== undefined && (first.type === 4 || record.original !== null);
    };
    await this.waitFor(answered, `an answer to /${input.command}`, timeoutMs);
    const first = record.callbacks[0]!;
    const message = first.type === 4 ? record.original : record.original;
    return {
      interaction: record,
      deferred: first.type === 5,
      ephemeral: ((Number(first.data?.flags ?? 0) & 64) !== 0),
      content: message?.content ?? '',
      files: message?.files ?? [],
      more: record.followups.map((followup) => followup.content),
    };
  }

  /** A user types in an autocompleted option; resolves with the choices the bot offered. */
  async autocomplete(input: InteractionInput & { focused: string }, timeoutMs = 5000): Promise<{ name: string; value: string | number }[]> {
    const payload = this.baseInteraction(input, 4, this.commandOptions(input, input.focused));
    const record: FakeInteraction = { id: payload.id, token: payload.token, dispatchedAt: Date.now(), callbacks: [], original: null, followups: [] };
    this.interactions.set(record.id, record);
    this.dispatch('INTERACTION_CREATE', payload);
    await this.waitFor(() => record.callbacks.length > 0, `autocomplete choices for /${input.command}`, timeoutMs);
    const callback = record.callbacks[0]!;
    if (callback.type !== 8) throw new Error(`autocomplete answered with callback type ${callback.type}`);
    return (callback.data?.choices ?? []) as { name: string; value: string | number }[];
  }

  // ——— REST ———

  private rateLimitHeaders(route: string, counted: boolean): { headers: Record<string, string>; limited: Answer | null } {
    const now = Date.now();
    if (now >= this.globalWindow.resetAt) this.globalWindow = { count: 0, resetAt: now + 1000 };
    if (counted) this.globalWindow.count++;
    if (counted && this.globalWindow.count > this.globalPerSecond) {
      const after = (this.globalWindow.resetAt - now) / 1000;
      return {
        headers: {},
        limited: {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: after, global: true, code: 0 },
          headers: { 'retry-after': String(Math.max(1, Math.ceil(after))), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
        },
      };
    }
    let bucket = this.buckets.get(route);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { count: 0, resetAt: now + this.bucket.windowMs };
      this.buckets.set(route, bucket);
    }
    bucket.count++;
    const resetAfter = (bucket.resetAt - now) / 1000;
    const headers = {
      'x-ratelimit-limit': String(this.bucket.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.bucket.limit - bucket.count)),
      'x-ratelimit-reset': String(bucket.resetAt / 1000),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': Buffer.from(route).toString('base64url').slice(0, 16),
    };
    if (bucket.count > this.bucket.limit) {
      return {
        headers,
        limited: {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: resetAfter, global: false },
          headers: { ...headers, 'retry-after': String(Math.max(1, Math.ceil(resetAfter))), 'x-ratelimit-scope': 'user' },
        },
      };
    }
    return { headers, limited: null };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const path = decodeURIComponent(url.pathname);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method, path, status });
      if (status >= 400) this.refusals.push({ method, path, status, body });
      json(response, status, body, headers);
      this.wake();
    };
    const attachment = /^\/attachments\/(\d+)\//.exec(path);
    if (attachment) {
      const file = this.attachments.get(attachment[1]!);
      if (!file) { answer(404, { message: 'Not found' }); return; }
      this.requests.push({ method, path, status: 200 });
      response.writeHead(200, { 'content-type': 'text/x-opml; charset=utf-8' });
      response.end(file.content);
      return undefined;
    }
    if (!path.startsWith('/api/v10/')) { answer(404, { message: '404: Not Found', code: 0 }); return; }
    const route = path.slice('/api/v10'.length);
    const injected = this.failures.findIndex((failure) => failure.method === method && failure.path.test(route));
    if (injected >= 0) {
      const [failure] = this.failures.splice(injected, 1);
      await readBody(request);
      answer(failure!.answer.status, failure!.answer.body, failure!.answer.headers); return;
    }
    const isWebhook = route.startsWith('/interactions/') || route.startsWith('/webhooks/');
    if (!isWebhook && request.headers.authorization !== `Bot ${this.token}`) { answer(ERRORS.unauthorized.status, ERRORS.unauthorized.body); return; }
    // "Interaction endpoints are not bound to the bot's Global Rate Limit" (Discord, Rate Limits): their buckets still apply.
    const { headers, limited } = this.rateLimitHeaders(bucketOf(method, route), !isWebhook);
    if (limited) {
      await readBody(request);
      answer(limited.status, limited.body, limited.headers); return;
    }
    const reply = (status: number, body: unknown) => answer(status, body, headers);
    const fail = (error: Answer) => answer(error.status, error.body, headers);
    let match: RegExpExecArray | null;

    if (method === 'GET' && route === '/gateway/bot') {
      reply(200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }); return;
    }
    if (method === 'GET' && route === '/gateway') { reply(200, { url: this.gatewayUrl }); return; }
    if (method === 'GET' && route === '/users/@me') { reply(200, this.bot); return; }
    if (method === 'GET' && route === '/applications/@me') { reply(200, { id: this.applicationId, name: 'Précis', flags: 0, bot: this.bot }); return; }
    if ((match = /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/.exec(route)) && method === 'PUT') {
      const { body } = await parsePayload(request);
      if (match[1] !== this.applicationId) { fail({ status: 404, body: { message: 'Unknown Application', code: 10002 } }); return; }
      if (match[2] && !this.guilds.has(match[2])) { fail(ERRORS.missingAccess); return; }
      const problems = validateCommands(body);
      if (problems.length) { reply(400, { message: 'Invalid Form Body', code: 50035, errors: problems }); return; }
      const stored = (body as unknown as Record<string, unknown>[]).map((command) => ({ ...command, id: snowflake(), application_id: this.applicationId, version: snowflake(), type: 1 }));
      if (match[2]) this.commands.guild.set(match[2], stored);
      else this.commands.global = stored;
      reply(200, stored); return;
    }
    if ((match = /^\/channels\/(\d+)$/.exec(route)) && method === 'GET') {
      const channel = this.channels.get(match[1]!);
      if (!channel) { fail(ERRORS.unknownChannel); return; }
      if (channel.guildId && !(this.botPermissions(channel) & BITS.ViewChannel)) { fail(ERRORS.missingAccess); return; }
      reply(200, this.channelPayload(channel)); return;
    }
    if ((match = /^\/guilds\/(\d+)$/.exec(route)) && method === 'GET') {
      const guild = this.guilds.get(match[1]!);
      if (guild) reply(200, this.guildPayload(guild));
      else fail(ERRORS.unknownGuild);
      return;
    }
    if ((match = /^\/guilds\/(\d+)\/roles$/.exec(route)) && method === 'GET') {
      const guild = this.guilds.get(match[1]!);
      if (guild) reply(200, guild.roles.map((role) => this.rolePayload(role)));
      else fail(ERRORS.unknownGuild);
      return;
    }
    if ((match = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(route)) && method === 'GET') {
      const guild = this.guilds.get(match[1]!);
      if (!guild) { fail(ERRORS.unknownGuild); return; }
      const member = guild.members.get(match[2]!);
      if (member) reply(200, this.memberPayload(match[2]!, member));
      else fail(ERRORS.unknownMember);
      return;
    }
    if ((match = /^\/channels\/(\d+)\/messages$/.exec(route)) && method === 'POST') {
      const { body, files } = await parsePayload(request);
      const channel = this.channels.get(match[1]!);
      if (!channel) { fail(ERRORS.unknownChannel); return; }
      const permissions = this.botPermissions(channel);
      if (!(permissions & BITS.ViewChannel)) { fail(ERRORS.missingAccess); return; }
      if (channel.type === CHANNEL.forum) { reply(400, { message: 'Cannot send messages in a forum channel: create a post', code: 50008 }); return; }
      const sendBit = THREAD_TYPES.has(channel.type) ? BITS.SendMessagesInThreads : BITS.SendMessages;
      if (!(permissions & sendBit)) { fail(ERRORS.missingPermissions); return; }
      if (Array.isArray(body.embeds) && body.embeds.length && !(permissions & BITS.EmbedLinks)) { fail(ERRORS.missingPermissions); return; }
      const invalid = this.invalid(body);
      if (invalid) { reply(400, invalid); return; }
      reply(200, this.store(channel.id, body, files, 'channel')); return;
    }
    if ((match = /^\/channels\/(\d+)\/threads$/.exec(route)) && method === 'POST') {
      const { body } = await parsePayload(request);
      const parent = this.channels.get(match[1]!);
      if (!parent) { fail(ERRORS.unknownChannel); return; }
      const permissions = this.botPermissions(parent);
      if (!(permissions & BITS.ViewChannel)) { fail(ERRORS.missingAccess); return; }
      if (typeof body.name !== 'string' || body.name.length < 1 || body.name.length > 100) { reply(400, { message: 'Invalid Form Body', code: 50035, errors: ['name: 1 to 100 characters'] }); return; }
      if (parent.type === CHANNEL.forum) {
        if (!(permissions & BITS.SendMessages)) { fail(ERRORS.missingPermissions); return; }
        const message = body.message as Record<string, unknown> | undefined;
        if (!message) { reply(400, { message: 'Invalid Form Body', code: 50035, errors: ['message: required for a forum post'] }); return; }
        if (Array.isArray(message.embeds) && message.embeds.length && !(permissions & BITS.EmbedLinks)) { fail(ERRORS.missingPermissions); return; }
        const invalid = this.invalid(message);
        if (invalid) { reply(400, invalid); return; }
        const thread = this.addChannel({ guild: this.guilds.get(parent.guildId!)!, name: body.name, type: CHANNEL.publicThread, parentId: parent.id });
        const stored = this.store(thread.id, message, [], 'forum_post');
        reply(201, { ...this.channelPayload(thread), message: stored }); return;
      }
      if (parent.type !== CHANNEL.text && parent.type !== CHANNEL.announcement) { reply(400, { message: 'Cannot create a thread here', code: 50024 }); return; }
      if (!(permissions & BITS.CreatePublicThreads)) { fail(ERRORS.missingPermissions); return; }
      const thread = this.addChannel({ guild: this.guilds.get(parent.guildId!)!, name: body.name, type: CHANNEL.publicThread, parentId: parent.id });
      reply(201, this.channelPayload(thread)); return;
    }
    if ((match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route)) && method === 'POST') {
      const { body, files } = await parsePayload(request);
      const record = this.interactions.get(match[1]!);
      if (!record || record.token !== match[2]) { fail(ERRORS.unknownInteraction); return; }
      if (Date.now() - record.dispatchedAt > 3000) { fail(ERRORS.unknownInteraction); return; }
      if (record.callbacks.length) { fail(ERRORS.alreadyAcknowledged); return; }
      const type = Number(body.type);
      const data = body.data as Record<string, unknown> | undefined;
      if (type === 4) {
        const invalid = this.invalid(data ?? {});
        if (invalid) { reply(400, invalid); return; }
        record.original = this.store(null, data ?? {}, files, 'interaction');
      }
      if (type === 8) {
        const choices = (data?.choices ?? []) as { name?: unknown; value?: unknown }[];
        const bad = choices.length > 25 || choices.some((choice) => typeof choice.name !== 'string' || !choice.name.length || choice.name.length > 100 || (typeof choice.value === 'string' && (choice.value.length > 100 || !choice.value.length)));
        if (bad) { reply(400, { message: 'Invalid Form Body', code: 50035, errors: ['choices: at most 25, names and values of 1 to 100 characters'] }); return; }
      }
      record.callbacks.push({ type, data, at: Date.now() });
      answer(204, undefined, headers); return;
    }
    if ((match = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/@original)?$/.exec(route)) && (method === 'PATCH' || method === 'POST')) {
      const { body, files } = await parsePayload(request);
      const record = [...this.interactions.values()].find((candidate) => candidate.token === match![2]);
      if (!record || match[1] !== this.applicationId) { fail({ status: 404, body: { message: 'Unknown Webhook', code: 10015 } }); return; }
      if (!record.callbacks.length) { fail({ status: 404, body: { message: 'Unknown Message', code: 10008 } }); return; }
      const invalid = this.invalid(body);
      if (invalid) { reply(400, invalid); return; }
      const stored = this.store(null, body, files, 'interaction');
      if (method === 'PATCH') record.original = stored;
      else record.followups.push(stored);
      reply(200, this.messagePayload(stored, record.id)); return;
    }
    answer(404, { message: '404: Not Found', code: 0 });
  }

  /** Discord's Invalid Form Body for a payload breaking its limits (or Précis's no-mention rule), else null. */
  private invalid(body: Record<string, unknown>): unknown {
    const payload = { content: body.content, embeds: body.embeds };
    const problems = validateDiscordMessage(payload).filter((problem) => !(problem.code === 'EMPTY_MESSAGE' && Array.isArray(body.attachments) && body.attachments.length));
    if (body.allowed_mentions !== undefined) {
      const allowed = body.allowed_mentions as { parse?: unknown };
      if (!Array.isArray(allowed.parse)) problems.push({ path: 'allowed_mentions.parse', code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    }
    return problems.length ? { message: 'Invalid Form Body', code: 50035, errors: problems } : null;
  }

  private store(channelId: string | null, body: Record<string, unknown>, files: { name: string; content: string }[], via: FakeMessage['via']): FakeMessage {
    const message: FakeMessage = {
      id: snowflake(),
      channelId: channelId ?? '',
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? (body.embeds as Record<string, unknown>[]) : [],
      allowedMentions: body.allowed_mentions,
      files,
      via,
    };
    if (channelId) this.messages.push(message);
    return message;
  }

  private messagePayload(message: FakeMessage, interactionId?: string) {
    return {
      id: message.id,
      channel_id: message.channelId || (this.channels.keys().next().value ?? '0'),
      author: this.bot,
      content: message.content,
      embeds: message.embeds,
      attachments: message.files.map((file) => ({ id: snowflake(), filename: file.name, size: file.content.length, url: 'http://fake/a', proxy_url: 'http://fake/a' })),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      type: interactionId ? 20 : 0,
      components: [],
    };
  }

  private rolePayload(role: FakeRole) {
    return { id: role.id, name: role.name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: role.position, permissions: role.permissions.toString(), managed: false, mentionable: false, flags: 0 };
  }

  private memberPayload(userId: string, member: { roles: string[] }) {
    const user = userId === this.bot.id ? this.bot : this.userPayload({ id: userId });
    return { user, roles: member.roles, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, pending: false, nick: null, avatar: null };
  }

  private channelPayload(channel: FakeChannel) {
    const base = { id: channel.id, type: channel.type, name: channel.name, flags: 0 };
    if (channel.type === CHANNEL.dm) return { ...base, name: undefined, recipients: [this.userPayload({ id: channel.recipientId ?? '0' })], last_message_id: null };
    const overwrites = channel.overwrites.map((overwrite) => ({ id: overwrite.id, type: overwrite.type, allow: overwrite.allow.toString(), deny: overwrite.deny.toString() }));
    if (THREAD_TYPES.has(channel.type)) {
      return {
        ...base,
        guild_id: channel.guildId,
        parent_id: channel.parentId,
        owner_id: this.bot.id,
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      };
    }
    return { ...base, guild_id: channel.guildId, position: 0, permission_overwrites: overwrites, parent_id: channel.parentId, nsfw: false, topic: null, rate_limit_per_user: 0, ...(channel.type === CHANNEL.forum ? { available_tags: [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0 } : {}) };
  }

  private guildPayload(guild: FakeGuild) {
    const channels = [...this.channels.values()].filter((channel) => channel.guildId === guild.id);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: guild.roles.map((role) => this.rolePayload(role)),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date(0).toISOString(),
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      members: [...guild.members.entries()].filter(([id]) => id === this.bot.id).map(([id, member]) => this.memberPayload(id, member)),
      channels: channels.filter((channel) => !THREAD_TYPES.has(channel.type)).map((channel) => this.channelPayload(channel)),
      threads: channels.filter((channel) => THREAD_TYPES.has(channel.type)).map((channel) => this.channelPayload(channel)),
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
