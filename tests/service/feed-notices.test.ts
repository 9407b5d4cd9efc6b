import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { consoleChannel } from '../../src/delivery/console-channel.ts';
import type { DeliveryChannel } from '../../src/delivery/delivery-channel.ts';
import { sleepFor } from '../../src/delivery/delivery-context.ts';
import { TELEGRAM_LIMITS } from '../../src/delivery/send/channel-limits.ts';
import { SendThrottle } from '../../src/delivery/send/send-throttle.ts';
import { FeedError } from '../../src/feeds/feed-error.ts';
import { silentLogger } from '../../src/logger.ts';
import { consoleRuntime } from '../../src/service/console-runtime.ts';
import { feedNotice, notifySubscribers } from '../../src/service/feed-notices.ts';
import { startService } from '../../src/service/start-service.ts';
import { chatSettingsSchema, type Platform } from '../../src/store/records.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const settings = chatSettingsSchema.parse({ cron: '0 8 * * *', timezone: 'UTC', stories: 5 });

describe('feed notices', () => {
  it('tells each subscribed chat once, in its language, through its channel', async () => {
    const store = await openSqliteStore(':memory:');
    const feed = await store.upsertFeed({ id: 'lemonde', url: 'https://www.lemonde.fr/rss/une.xml', title: 'Le Monde', lang: 'fr', origin: 'chat' }, 1);
    const english = await store.ensureChat({ platform: 'console', chatId: 'en' }, { kind: 'private', title: null }, settings, 1);
    const french = await store.ensureChat({ platform: 'console', chatId: 'fr' }, { kind: 'private', title: null }, { ...settings, lang: 'fr' }, 1);
    await store.ensureChat({ platform: 'console', chatId: 'other' }, { kind: 'private', title: null }, settings, 1);
    await store.subscribe(english.id, feed.id, 1);
    await store.subscribe(french.id, feed.id, 1);
    const sent: [string, string][] = [];
    const channel: DeliveryChannel = {
      ...consoleChannel(new PassThrough()),
      notify: (chat, text) => {
        sent.push([chat.chatId, text]);
        return Promise.resolve();
      },
    };
    const event = { kind: 'paused' as const, feed, error: new FeedError('http_error', feed.url, 'HTTP 502', { status: 502 }) };
    const told = await notifySubscribers({ store, channels: new Map<Platform, DeliveryChannel>([['console', channel]]), log: silentLogger() }, event);
    expect(told).toBe(2);
    expect(sent).toEqual([
      ['en', 'The feed “Le Monde” is paused: it failed repeatedly (HTTP 502). Précis will keep trying now and then and tell you when it works again.'],
      ['fr', 'Le flux « Le Monde » est en pause : il échoue depuis plusieurs tentatives (HTTP 502). Précis réessaiera de temps en temps et vous préviendra quand il refonctionnera.'],
    ]);
    expect(feedNotice({ kind: 'resumed', feed }, english)).toBe('The feed “Le Monde” works again: its articles are back in your digests.');
    await store.close();
  });

  it('paces each message of a notice on the platform’s throttle, within each chat’s own limit', async () => {
    const store = await openSqliteStore(':memory:');
    const feed = await store.upsertFeed({ id: 'lemonde', url: 'https://www.lemonde.fr/rss/une.xml', title: 'Le Monde', lang: 'fr', origin: 'chat' }, 1);
    for (const chatId of ['alice', 'bob']) await store.subscribe((await store.ensureChat({ platform: 'console', chatId }, { kind: 'private', title: null }, settings, 1)).id, feed.id, 1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const throttle = new SendThrottle(TELEGRAM_LIMITS, { now: Date.now, sleep: sleepFor });
      // A digest message just went to alice: her chat's next turn is a second away.
      (await throttle.acquire({ key: 'alice', kind: 'private' }))();
      const start = Date.now();
      const sent: [string, number][] = [];
      const channel: DeliveryChannel = {
        ...consoleChannel(new PassThrough()),
        // A notice in two messages, each after its turn.
        notify: async (chat, _text, turn) => {
          for (let part = 0; part < 2; part++) {
            await turn();
            sent.push([chat.chatId, Date.now() - start]);
          }
        },
      };
      const event = { kind: 'resumed' as const, feed };
      const telling = notifySubscribers({ store, channels: new Map<Platform, DeliveryChannel>([['console', channel]]), log: silentLogger(), throttles: new Map([['console', throttle]]) }, event);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await telling).toBe(2);
      const times = (chatId: string) => sent.filter(([id]) => id === chatId).map(([, at]) => at);
      expect(times('alice')[0]).toBeGreaterThanOrEqual(1000);
      for (const chatId of ['alice', 'bob']) expect(times(chatId)[1]! - times(chatId)[0]!).toBeGreaterThanOrEqual(1000);
    } finally {
      vi.useRealTimers();
      await store.close();
    }
  });
});

describe('the running service and a failing feed', () => {
  it('pauses the feed after the configured failures and tells its subscribed chat once', async () => {
    const dir = tempDir();
    // A port that refuses connections: bound, then closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config/precis.yaml'), `feeds:\n  - name: Down Feed\n    url: http://127.0.0.1:${port}/feed\nfetching:\n  pauseAfterFailures: 1\n`);
    const config = loadConfig({ PRECIS_ALLOW_PRIVATE_URLS: '1' }, dir);
    const store = await openSqliteStore(join(dir, 'data.sqlite'));
    const feed = await store.upsertFeed({ id: 'down-feed', url: `http://127.0.0.1:${port}/feed`, title: 'Down Feed', lang: null, origin: 'config' }, 1);
    const chat = await store.ensureChat({ platform: 'console', chatId: 'console' }, { kind: 'private', title: 'console' }, settings, 1);
    await store.subscribe(chat.id, feed.id, 1);
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const handle = await startService({ config, store, log: silentLogger(), platforms: [consoleRuntime(output)] });
    await handle.service.work.drain();
    await handle.stop();
    expect(printed.match(/The feed “Down Feed” is paused/g)).toHaveLength(1);
    expect(printed).toMatch(/network error/);
  });
});
