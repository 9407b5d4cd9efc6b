import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryContext, type DeliveryContext } from '../../src/delivery/delivery-context.ts';
import { runScheduledDigest, slotKeyFor } from '../../src/delivery/run-scheduled-digest.ts';
import { silentLogger } from '../../src/logger.ts';
import { telegramChannel } from '../../src/platforms/telegram/telegram-channel.ts';
import { chatSettingsSchema, type ChatKind, type ChatRecord } from '../../src/store/records.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.ts';
import type { FakeRateLimits } from '../fakes/telegram/telegram-rate-limits.ts';
import { DIGEST_CONFIG, HEADLINES, storedArticle } from './support/delivery-fixture.ts';

let fake: FakeTelegram | null = null;
let store: Store | null = null;

afterEach(async () => {
  await fake?.stop();
  await store?.close();
  fake = null;
  store = null;
});

/** The delivery core, the real Telegram adapter and grammY, against the strict fake Bot API. */
async function setup(limits?: Partial<FakeRateLimits>): Promise<{ fake: FakeTelegram; store: Store; context: DeliveryContext }> {
  fake = new FakeTelegram({ limits: limits ?? {} });
  const apiRoot = await fake.start();
  store = await openSqliteStore(':memory:');
  await store.upsertFeed({ id: 'wire', url: 'https://news.example.org/wire.xml', title: 'Wire & Co <News>', lang: 'en', origin: 'config' }, 0);
  await store.insertNewArticles(HEADLINES.slice(0, 4).map((headline) => storedArticle(`${headline} <live> & more`, Date.now() - 60_000)));
  const context = createDeliveryContext({
    store,
    channels: [telegramChannel(new Api(fake.token, { apiRoot }))],
    digest: DIGEST_CONFIG,
    log: silentLogger(),
    instanceId: 'test',
    policy: { backoffMs: 20 },
  });
  return { fake, store, context };
}

async function chat(kind: ChatKind, id: number, stories = 5): Promise<ChatRecord> {
  fake!.addChat(kind === 'private' ? { id, type: 'private', first_name: 'Ada' } : { id, type: 'group', title: 'Team' });
  const record = await store!.ensureChat({ platform: 'telegram', chatId: String(id) }, { kind, title: null }, chatSettingsSchema.parse({ cron: '0 8 * * *', timezone: 'Europe/Paris', stories }), 0);
  await store!.subscribe(record.id, 'wire', 0);
  return record;
}

function digestOf(context: DeliveryContext, record: ChatRecord) {
  const slotAt = Date.now();
  return runScheduledDigest(context, record.id, { slotKey: slotKeyFor(record.id, slotAt), slotAt });
}

describe('digests through grammY to a strict fake Bot API', () => {
  it('go out to many chats at once, valid HTML, paced under Telegram’s limits: no 429', async () => {
    const { context } = await setup();
    const chats = await Promise.all(Array.from({ length: 16 }, (_, index) => chat(index % 2 ? 'group' : 'private', index % 2 ? -100 - index : 100 + index)));
    const runs = await Promise.all(chats.map((record) => digestOf(context, record)));
    expect(runs.every((run) => run?.outcome === 'sent' && run.stories === 4)).toBe(true);
    expect(fake!.messages).toHaveLength(16);
    expect(fake!.tooManyRequests).toBe(0);
    expect(fake!.messages[0]?.text).toContain('<live> & more');
    // Paced, not in a burst: 16 messages at one per ~35 ms.
    expect(fake!.messages.at(-1)!.at - fake!.messages[0]!.at).toBeGreaterThanOrEqual(15 * 30);
  });

  it('honour a 429’s retry_after and deliver once', async () => {
    // A stricter server than the declared limits: every second message to this chat is refused for a while.
    const { context } = await setup({ privateBurst: 1, privatePerSecond: 0.7 });
    const record = await chat('private', 42, 1);
    await digestOf(context, record);
    await store!.insertNewArticles([storedArticle(HEADLINES[6]!, Date.now())]);
    const run = await digestOf(context, (await store!.getChatById(record.id))!);
    expect(run?.outcome).toBe('sent');
    expect(fake!.tooManyRequests).toBe(1);
    expect(fake!.messagesTo(42)).toHaveLength(2);
  });

  it('retry a 502 and a lost connection, then send once', async () => {
    const { context } = await setup();
    const record = await chat('private', 42);
    fake!.failNext('sendMessage', { status: 502 }).dropNext('sendMessage');
    expect((await digestOf(context, record))?.outcome).toBe('sent');
    expect(fake!.messagesTo(42)).toHaveLength(1);
  });

  it('pause a chat whose user blocked the bot, with Telegram’s reason', async () => {
    const { context } = await setup();
    const record = await chat('private', 42);
    fake!.block(42);
    expect((await digestOf(context, record))?.outcome).toBe('paused');
    expect((await store!.getChatById(record.id))?.pausedReason).toBe('Forbidden: bot was blocked by the user');
  });

  it('follow a group upgraded to a supergroup: new id stored, message resent there', async () => {
    const { context } = await setup();
    const record = await chat('group', -4001);
    fake!.migrateToSupergroup(-4001, -1004001);
    expect((await digestOf(context, record))?.outcome).toBe('sent');
    expect(fake!.messagesTo(-1004001)).toHaveLength(1);
    expect((await store!.getChatById(record.id))?.chatId).toBe('-1004001');
  });
});
