import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfig } from '../../../src/config/load-config.ts';
import { createLogger } from '../../../src/logger.ts';
import { telegramRuntime, type TelegramRuntimeOptions } from '../../../src/platforms/telegram/telegram-runtime.ts';
import { startService, type RunningService, type ServiceHandle } from '../../../src/service/start-service.ts';
import type { ChatRecord } from '../../../src/store/records.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { startLocalServer, type LocalServer } from '../../feeds/local-server.ts';
import { FakeTelegram, type FakeMessageOptions, type FakeUser, type SentMessage } from '../../fakes/telegram/fake-telegram.ts';
import { repoRoot } from '../../helpers/paths.ts';

/** People of the tests: three allowed users, a member of the allowed groups who is not an admin, and a stranger. */
export const USERS = {
  ada: { id: 1001, first_name: 'Ada', username: 'ada', language_code: 'en' },
  ben: { id: 1002, first_name: 'Benoît', username: 'ben', language_code: 'fr' },
  cleo: { id: 1003, first_name: 'Cleo', username: 'cleo', language_code: 'en' },
  dan: { id: 1004, first_name: 'Dan', username: 'dan', language_code: 'en' },
  stranger: { id: 1009, first_name: 'Sam', username: 'sam', language_code: 'en' },
} satisfies Record<string, FakeUser>;

/** Chats allowed by id (PRECIS_ALLOWED_CHATS); the channel "Evening Brief" is not, and is set up by forwarding. */
export const CHATS = { team: -2001, forum: -1002002, morning: -1003001, evening: -1003002, upgraded: -2005 } as const;

/** A running Précis with the Telegram bot against the strict fake Bot API, with local feeds. */
export interface TelegramHarness {
  fake: FakeTelegram;
  service: RunningService;
  handle: ServiceHandle;
  /** A loopback server for feeds added by URL (the bundled samples and whatever a test routes). */
  feeds: LocalServer;
  /** Moves the service's clock (scheduler, cooldowns, windows) forward. */
  advance(ms: number): void;
  /** Log lines (JSON) the service wrote. */
  logs: string[];
  /** A user writes in a chat; resolves with the bot's next `count` messages there. */
  ask(chatId: number, text: string, options?: FakeMessageOptions & { count?: number; timeoutMs?: number }): Promise<SentMessage[]>;
  /** Waits for `count` more bot messages in a chat than it had at `since` (a length of messagesTo). */
  messagesAfter(chatId: number, since: number, count?: number, timeoutMs?: number): Promise<SentMessage[]>;
  /** Resolves once an async check (a store read) holds; rejects after 10 s naming `what`. */
  until(check: () => Promise<boolean>, what: string): Promise<void>;
  chat(chatId: number, threadId?: number | null): Promise<ChatRecord | null>;
  subscriptionsOf(chatId: number, threadId?: number | null): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Starts the fake Bot API, a loopback feed server and Précis (`startService` with the real
 * Telegram runtime, a temp SQLite store, a temp config with the bundled samples as its feeds)
 * against them, with the test users' private chats, a group, a forum and two channels.
 */
export async function startTelegramHarness(options: { runtime?: Partial<TelegramRuntimeOptions>; env?: Record<string, string>; config?: string; fast?: boolean } = {}): Promise<TelegramHarness> {
  // fast: no flood limits in the fake nor pacing in the delivery core (for volume tests); Telegram's otherwise.
  const fake = new FakeTelegram(options.fast ? { limits: null } : {});
  const apiRoot = await fake.start();
  for (const user of Object.values(USERS)) fake.addChat({ id: user.id, type: 'private', first_name: user.first_name, username: user.username });
  fake.addChat({ id: CHATS.team, type: 'group', title: 'Team' });
  fake.addChat({ id: CHATS.upgraded, type: 'group', title: 'Growing Team' });
  fake.addChat({ id: CHATS.forum, type: 'supergroup', title: 'Newsroom', is_forum: true }).addTopic(CHATS.forum, 7, 'World').addTopic(CHATS.forum, 9, 'France');
  fake.addChat({ id: CHATS.morning, type: 'channel', title: 'Morning Brief', username: 'morningbrief' });
  fake.addChat({ id: CHATS.evening, type: 'channel', title: 'Evening Brief' });
  for (const chatId of [CHATS.team, CHATS.upgraded, CHATS.forum]) fake.setMember(chatId, USERS.cleo, 'administrator');
  fake.setMember(CHATS.team, USERS.ada, 'creator');
  fake.setMember(CHATS.evening, USERS.ada, 'creator').setMember(CHATS.evening, USERS.ben, 'member');

  const feeds = await startLocalServer();
  const samples = join(repoRoot, 'config/samples');
  feeds.route('/world.atom', (_request, response) => response.end(readFileSync(join(samples, 'world-en.atom'))));
  feeds.route('/actualites.xml', (_request, response) => response.end(readFileSync(join(samples, 'actualites-fr.xml'))));
  const dir = mkdtempSync(join(tmpdir(), 'precis-telegram-'));
  copyFileSync(join(samples, 'world-en.atom'), join(dir, 'world.atom'));
  copyFileSync(join(samples, 'actualites-fr.xml'), join(dir, 'actualites.xml'));
  const feedOptions = 'maxAgeDays: 0\n    firstFetchNewest: 100\n    teaserWords: 0';
  writeFileSync(
    join(dir, 'precis.yaml'),
    options.config ??
      `feeds:\n  - name: World News\n    file: world.atom\n    lang: en\n    ${feedOptions}\n  - name: Actualités\n    file: actualites.xml\n    lang: fr\n    ${feedOptions}\nschedule:\n  cron: "0 8 * * *"\n  timezone: Europe/Paris\nfeedDefaults:\n  maxAgeDays: 0\n  firstFetchNewest: 100\n  teaserWords: 0\nhealth:\n  heartbeat: ${join(dir, 'heartbeat.json')}\n`,
  );
  const config = loadConfig(
    {
      PRECIS_CONFIG: join(dir, 'precis.yaml'),
      DATABASE_URL: `sqlite:${join(dir, 'precis.sqlite')}`,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: apiRoot,
      PRECIS_ALLOWED_USERS: [USERS.ada.id, USERS.ben.id, USERS.cleo.id].join(','),
      PRECIS_ALLOWED_CHATS: [CHATS.team, CHATS.forum, CHATS.morning, CHATS.upgraded].join(','),
      PRECIS_ALLOW_PRIVATE_URLS: '1',
      ...options.env,
    },
    dir,
  );
  const logs: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean)));
  const log = createLogger('info', logStream);
  const store = await openStore(config.storage);
  let skewMs = 0;
  const handle = await startService({
    config,
    store,
    log,
    now: () => Date.now() + skewMs,
    instanceId: 'telegram-test',
    platforms: [
      telegramRuntime({
        ...config.telegram!,
        connectBackoff: { firstMs: 50, maxMs: 200 },
        ...(options.fast ? { limits: { global: { count: 500, perMs: 1000 }, perChat: { private: null, group: null, channel: null } } } : {}),
        ...options.runtime,
      }),
    ],
  });
  const messagesAfter = async (chatId: number, since: number, count = 1, timeoutMs = 15_000) => {
    await fake.waitFor(() => fake.messagesTo(chatId).length >= since + count, `${count} message(s) from the bot in ${chatId}`, timeoutMs);
    return fake.messagesTo(chatId).slice(since);
  };
  const chat = (chatId: number, threadId: number | null = null) => store.getChat({ platform: 'telegram', chatId: String(chatId), threadId: threadId === null ? null : String(threadId) });
  return {
    fake,
    service: handle.service,
    handle,
    feeds,
    advance: (ms) => {
      skewMs += ms;
    },
    logs,
    async ask(chatId, text, askOptions = {}) {
      const since = fake.messagesTo(chatId).length;
      fake.userMessage(chatId, text, askOptions);
      return messagesAfter(chatId, since, askOptions.count ?? 1, askOptions.timeoutMs);
    },
    messagesAfter,
    async until(check, what) {
      const deadline = Date.now() + 10_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    chat,
    async subscriptionsOf(chatId, threadId = null) {
      const record = await chat(chatId, threadId);
      return record ? store.listSubscriptions(record.id) : [];
    },
    async close() {
      await handle.stop();
      await fake.stop();
      await feeds.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
