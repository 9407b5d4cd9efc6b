import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../src/store/postgres/open-postgres-store.ts';
import { chatSettingsSchema } from '../../../src/store/records.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { createThrowawayDatabase, explainPostgresSkip, testDatabaseUrl } from '../../helpers/postgres.ts';
import { storedArticle } from '../support/delivery-fixture.ts';

explainPostgresSkip('delivery ledger store methods on PostgreSQL');

const settings = chatSettingsSchema.parse({ cron: '0 8 * * *', timezone: 'UTC', stories: 5 });

async function seeded(store: Store) {
  await store.upsertFeed({ id: 'wire', url: 'https://news.example.org/wire.xml', title: 'Wire', lang: 'en', origin: 'config' }, 0);
  await store.upsertFeed({ id: 'other', url: 'https://other.example.org/feed.xml', title: 'Other', lang: 'en', origin: 'config' }, 0);
  const chat = await store.ensureChat({ platform: 'telegram', chatId: '42' }, { kind: 'private', title: null }, settings, 0);
  await store.subscribe(chat.id, 'wire', 0);
  return chat;
}

function ledgerContract(open: () => Promise<Store>): void {
  it('claims a slot once; a dead owner’s claim is taken over; the owner renews its own', async () => {
    const store = await open();
    try {
      const chat = await seeded(store);
      const claim = { slotKey: 'digest:1:2025-01-06T07:00:00.000Z', chatRef: chat.id, slotAt: 1000, at: 10_000, leaseMs: 5000 };
      expect(await store.claimSlot({ ...claim, owner: 'a' })).toBe('claimed');
      expect(await store.claimSlot({ ...claim, owner: 'b' })).toBe('held');
      expect(await store.claimSlot({ ...claim, owner: 'a', at: 12_000 })).toBe('claimed'); // renewed until 17 000
      expect(await store.claimSlot({ ...claim, owner: 'b', at: 16_000 })).toBe('held');
      expect(await store.claimSlot({ ...claim, owner: 'b', at: 17_001 })).toBe('claimed'); // a died
      await store.finishSlot(claim.slotKey, 'a', 'completed', 18_000); // not a's any more: no effect
      expect(await store.claimSlot({ ...claim, owner: 'c', at: 18_000 })).toBe('held');
      await store.finishSlot(claim.slotKey, 'b', 'completed', 18_000);
      expect(await store.claimSlot({ ...claim, owner: 'c', at: 99_000 })).toBe('done');

      const other = { ...claim, slotKey: 'digest:1:2025-01-07T07:00:00.000Z', slotAt: 2000 };
      expect(await store.claimSlot({ ...other, owner: 'a' })).toBe('claimed');
      await store.finishSlot(other.slotKey, 'a', 'released', 11_000);
      expect(await store.claimSlot({ ...other, owner: 'b', at: 11_000 })).toBe('claimed');
      // Only completed slots count: b's claim on the later slot is still in progress.
      expect(await store.latestCompletedSlots()).toEqual(new Map([[chat.id, 1000]]));

      await store.pruneDeliveryLedger(1500);
      expect(await store.claimSlot({ ...claim, owner: 'c', at: 100_000 })).toBe('claimed');
    } finally {
      await store.close();
    }
  });

  it('leases a delivery to one sender at a time and lets a dead sender’s lease be taken over', async () => {
    const store = await open();
    try {
      const chat = await seeded(store);
      const delivery = await store.createDelivery({
        chatRef: chat.id,
        kind: 'scheduled',
        slotKey: 's1',
        slotAt: 500,
        windowStart: 0,
        windowEnd: 1000,
        articleIds: [],
        parts: ['a', 'b'],
        at: 1000,
        leaseOwner: 'a',
        leaseUntil: 5000,
      });
      expect(delivery).toMatchObject({ slotAt: 500, leaseOwner: 'a', leaseUntil: 5000, status: 'pending' });
      expect(await store.leaseDelivery(delivery!.id, 'b', 9000, 4000)).toBe(false);
      expect(await store.leaseDelivery(delivery!.id, 'a', 9000, 4000)).toBe(true);
      expect(await store.leaseDelivery(delivery!.id, 'b', 20_000, 9001)).toBe(true);
      await store.releaseDeliveryLease(delivery!.id, 'a');
      expect((await store.getDelivery(delivery!.id))?.leaseOwner).toBe('b');
      await store.releaseDeliveryLease(delivery!.id, 'b');
      expect(await store.leaseDelivery(delivery!.id, 'c', 30_000, 10_000)).toBe(true);
      await store.finishDelivery(delivery!.id, 'sent', null, 11_000);
      expect(await store.leaseDelivery(delivery!.id, 'c', 30_000, 12_000)).toBe(false);
      expect(await store.listUnfinishedDeliveries()).toEqual([]);

      // Pruning forgets old finished deliveries with their messages, never an unfinished one.
      const old = await store.createDelivery({ chatRef: chat.id, kind: 'on_demand', slotKey: null, windowStart: 0, windowEnd: 0, articleIds: [], parts: ['p'], at: 500 });
      await store.pruneDeliveryLedger(2000);
      expect(await store.getDelivery(delivery!.id)).toBeNull();
      expect(await store.listDeliveryParts(delivery!.id)).toEqual([]);
      expect((await store.getDelivery(old!.id))?.status).toBe('pending');
    } finally {
      await store.close();
    }
  });

  it('records which story each delivered article was in, finds articles by link, and gives a failed digest’s articles back', async () => {
    const store = await open();
    try {
      const chat = await seeded(store);
      const [lead, merged, alone] = await store.insertNewArticles([
        storedArticle('Storm hits the coast', 100, { id: 'lead', url: 'https://news.example.org/storm' }),
        storedArticle('Coastal storm: the damage', 100, { id: 'merged', url: 'https://news.example.org/storm-damage' }),
        storedArticle('Elsewhere', 100, { id: 'alone', url: 'https://other.example.org/elsewhere', feedId: 'other' }),
      ]);
      expect(lead && merged && alone).toBeTruthy();
      const first = await store.createDelivery({
        chatRef: chat.id,
        kind: 'scheduled',
        slotKey: 's1',
        windowStart: 50,
        windowEnd: 200,
        articleIds: ['lead', 'merged'],
        storyOf: new Map([
          ['lead', 'lead'],
          ['merged', 'lead'],
        ]),
        parts: ['x'],
        at: 200,
      });
      expect((await store.getChatById(chat.id))?.lastDigestAt).toBe(200);
      expect(await store.listDeliveredArticles(chat.id, ['merged', 'alone'])).toEqual([{ articleId: 'merged', deliveryId: first!.id, storyId: 'lead' }]);
      expect((await store.findArticlesByUrl(['https://news.example.org/storm-damage', 'https://x.example/'], ['wire'])).map((article) => article.id)).toEqual(['merged']);
      expect(await store.findArticlesByUrl(['https://other.example.org/elsewhere'], ['wire'])).toEqual([]);
      expect((await store.findArticlesByUrl(['https://other.example.org/elsewhere'], null)).map((article) => article.id)).toEqual(['alone']);
      expect((await store.listRecentDeliveries(chat.id, 5)).map((delivery) => delivery.id)).toEqual([first!.id]);

      await store.returnDeliveryArticles(first!.id);
      expect(await store.listDeliveredArticles(chat.id, ['lead', 'merged'])).toEqual([]);
      expect((await store.getChatById(chat.id))?.lastDigestAt).toBe(50);
      // A later digest moved the window on: giving an older one back leaves the window alone.
      const second = await store.createDelivery({ chatRef: chat.id, kind: 'scheduled', slotKey: 's2', windowStart: 50, windowEnd: 300, articleIds: ['lead'], parts: [], at: 300 });
      await store.createDelivery({ chatRef: chat.id, kind: 'scheduled', slotKey: 's3', windowStart: 300, windowEnd: 400, articleIds: [], parts: [], at: 400 });
      await store.returnDeliveryArticles(second!.id);
      expect((await store.getChatById(chat.id))?.lastDigestAt).toBe(400);
    } finally {
      await store.close();
    }
  });
}

describe('delivery ledger store (SQLite)', () => {
  ledgerContract(() => openSqliteStore(':memory:'));
});

describe.skipIf(!testDatabaseUrl)('delivery ledger store (PostgreSQL)', () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });
  ledgerContract(async () => {
    const database = await createThrowawayDatabase();
    drops.push(database.drop);
    return openPostgresStore(database.url);
  });
});
