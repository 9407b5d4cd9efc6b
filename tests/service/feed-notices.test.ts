import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleChannel } from '../../src/delivery/console-channel.ts';
import type { DeliveryChannel } from '../../src/delivery/delivery-channel.ts';
import { FeedError } from '../../src/feeds/feed-error.ts';
import { silentLogger } from '../../src/logger.ts';
import { feedNotice, notifySubscribers } from '../../src/service/feed-notices.ts';
import { chatSettingsSchema, type Platform } from '../../src/store/records.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';

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
});
