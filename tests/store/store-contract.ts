import { expect, it } from 'vitest';
import type { StoredArticle } from '../../src/store/records.ts';
import type { Store } from '../../src/store/store.ts';

const settings = { cron: '0 8 * * *', timezone: 'Europe/Paris', stories: 5, lang: null, postWhenEmpty: false, include: [], exclude: [], languages: [] };

export function article(overrides: Partial<StoredArticle> & { id: string }): StoredArticle {
  return {
    feedId: 'monde',
    guid: overrides.id,
    url: `https://example.org/${overrides.id}`,
    title: `Title ${overrides.id}`,
    author: null,
    publishedAt: 1_000,
    firstSeenAt: 1_000,
    lang: 'fr',
    paragraphs: ['Premier paragraphe.', 'Second.'],
    html: null,
    imageUrl: null,
    categories: [],
    fresh: true,
    ...overrides,
  };
}

/** The behaviour every Store implementation must have, run against SQLite and PostgreSQL. */
export function storeContract(open: () => Promise<Store>): void {
  it('stores feeds and their fetch state', async () => {
    const store = await open();
    try {
      await store.upsertFeed({ id: 'monde', url: 'https://example.org/rss', title: 'Le Monde', lang: 'fr', origin: 'config' }, 10);
      await store.recordFetchFailure('monde', { at: 20, error: 'HTTP 500', nextFetchAt: 80, pause: false });
      let feed = await store.getFeed('monde');
      expect(feed).toMatchObject({ failureCount: 1, lastError: 'HTTP 500', lastFetchedAt: 20, lastSuccessAt: null, nextFetchAt: 80 });
      await store.recordFetchSuccess('monde', { at: 30, etag: '"v1"', lastModified: 'Wed, 06 Nov 2024 09:00:00 GMT', nextFetchAt: 90 });
      feed = await store.getFeed('monde');
      expect(feed).toMatchObject({ failureCount: 0, lastError: null, lastSuccessAt: 30, etag: '"v1"', title: 'Le Monde', createdAt: 10 });
      expect(await store.getFeedByUrl('https://example.org/rss')).toMatchObject({ id: 'monde' });
    } finally {
      await store.close();
    }
  });

  it('stores an article once: by id, guid, canonical URL or re-issued title', async () => {
    const store = await open();
    try {
      await store.upsertFeed({ id: 'monde', url: 'https://example.org/rss', title: 'Le Monde', lang: 'fr', origin: 'config' }, 0);
      const first = await store.insertNewArticles([article({ id: 'a' }), article({ id: 'b' })]);
      expect(first.map((item) => item.id)).toEqual(['a', 'b']);
      const again = await store.insertNewArticles([
        article({ id: 'a' }),
        article({ id: 'c', guid: 'a' }),
        article({ id: 'd', guid: 'new-guid', url: 'https://example.org/b' }),
        article({ id: 'e', guid: 'reissued', url: 'https://example.org/e', title: 'TITLE  a!' }),
        article({ id: 'f' }),
      ]);
      expect(again.map((item) => item.id)).toEqual(['f']);
      const [stored] = await store.getArticles(['a']);
      expect(stored).toEqual(article({ id: 'a' }));
    } finally {
      await store.close();
    }
  });

  it('lists fresh articles of a window, newest first, leaving out what a chat already got', async () => {
    const store = await open();
    try {
      await store.upsertFeed({ id: 'monde', url: 'https://example.org/rss', title: 'Le Monde', lang: 'fr', origin: 'config' }, 0);
      await store.insertNewArticles([
        article({ id: 'old', firstSeenAt: 5, publishedAt: 5 }),
        article({ id: 'n1', firstSeenAt: 50, publishedAt: 40 }),
        article({ id: 'n2', firstSeenAt: 50, publishedAt: 45 }),
        article({ id: 'stale', firstSeenAt: 50, publishedAt: 1, fresh: false }),
      ]);
      const chat = await store.ensureChat({ platform: 'telegram', chatId: '42' }, { kind: 'private', title: null }, settings, 0);
      const window = { feedIds: ['monde'], seenAfter: 10, seenUntil: 100, limit: 10 };
      expect((await store.listArticles(window)).map((item) => item.id)).toEqual(['n2', 'n1']);
      const delivery = await store.createDelivery({ chatRef: chat.id, kind: 'scheduled', slotKey: 's1', windowStart: 10, windowEnd: 100, articleIds: ['n2'], parts: ['{}'], at: 100 });
      expect(delivery).not.toBeNull();
      expect((await store.listArticles({ ...window, notDeliveredTo: chat.id })).map((item) => item.id)).toEqual(['n1']);
      expect((await store.getChatById(chat.id))?.lastDigestAt).toBe(100);
    } finally {
      await store.close();
    }
  });

  it('keeps chats per platform and topic, with their settings and subscriptions', async () => {
    const store = await open();
    try {
      await store.upsertFeed({ id: 'monde', url: 'https://example.org/rss', title: 'Le Monde', lang: 'fr', origin: 'config' }, 0);
      const group = await store.ensureChat({ platform: 'telegram', chatId: '-100' }, { kind: 'group', title: 'News' }, settings, 1);
      const topic = await store.ensureChat({ platform: 'telegram', chatId: '-100', threadId: '7' }, { kind: 'group', title: 'News' }, settings, 1);
      expect(topic.id).not.toBe(group.id);
      expect(topic.threadId).toBe('7');
      expect((await store.ensureChat({ platform: 'telegram', chatId: '-100' }, { kind: 'group', title: 'Renamed' }, settings, 2)).id).toBe(group.id);
      expect(await store.subscribe(group.id, 'monde', 3)).toBe(true);
      expect(await store.subscribe(group.id, 'monde', 4)).toBe(false);
      expect(await store.listSubscriptions(group.id)).toEqual(['monde']);
      expect(await store.listSubscriptions(topic.id)).toEqual([]);
      expect(await store.listSubscribers('monde')).toEqual([group.id]);
      await store.updateChatSettings(group.id, { ...settings, cron: '30 7 * * 1-5', stories: 3 });
      await store.setChatPaused(group.id, 'Forbidden: bot was kicked');
      await store.moveChat(group.id, '-1001234');
      expect(await store.getChatById(group.id)).toMatchObject({
        chatId: '-1001234',
        title: 'Renamed',
        pausedReason: 'Forbidden: bot was kicked',
        settings: { cron: '30 7 * * 1-5', stories: 3, timezone: 'Europe/Paris' },
      });
      expect(await store.unsubscribe(group.id, 'monde')).toBe(true);
      expect(await store.unsubscribe(group.id, 'monde')).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('records a delivery before sending, each slot once, and tracks its parts', async () => {
    const store = await open();
    try {
      const chat = await store.ensureChat({ platform: 'discord', chatId: '9' }, { kind: 'group', title: null }, settings, 0);
      const request = { chatRef: chat.id, kind: 'scheduled' as const, slotKey: '2024-11-06T07:00', windowStart: 0, windowEnd: 10, articleIds: [], parts: ['p0', 'p1'], at: 10 };
      const delivery = await store.createDelivery(request);
      expect(delivery).toMatchObject({ status: 'pending', slotKey: '2024-11-06T07:00', attempts: 0 });
      expect(await store.createDelivery(request)).toBeNull();
      expect((await store.listUnfinishedDeliveries()).map((item) => item.id)).toEqual([delivery?.id]);
      await store.markPartSent(delivery!.id, 0, 'm-1', 11);
      expect(await store.listDeliveryParts(delivery!.id)).toEqual([
        { deliveryId: delivery!.id, seq: 0, payload: 'p0', sentAt: 11, messageId: 'm-1' },
        { deliveryId: delivery!.id, seq: 1, payload: 'p1', sentAt: null, messageId: null },
      ]);
      await store.recordDeliveryAttempt(delivery!.id, 'HTTP 502');
      await store.finishDelivery(delivery!.id, 'sent', null, 12);
      expect(await store.listUnfinishedDeliveries()).toEqual([]);
      expect(await store.listDeliveries(chat.id)).toMatchObject([{ status: 'sent', attempts: 1, completedAt: 12 }]);
    } finally {
      await store.close();
    }
  });
}
