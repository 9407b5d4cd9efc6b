import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runScheduledDigest } from '../../../src/delivery/run-scheduled-digest.ts';
import { DigestScheduler } from '../../../src/delivery/scheduler.ts';
import { silentLogger } from '../../../src/logger.ts';
import { openPostgresStore } from '../../../src/store/postgres/open-postgres-store.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { createThrowawayDatabase, explainPostgresSkip, testDatabaseUrl } from '../../helpers/postgres.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { UNLIMITED } from '../../../src/delivery/send/channel-limits.ts';
import { deliveryFixture, HEADLINES, type DeliveryFixture } from '../support/delivery-fixture.ts';
import { FakeSink } from '../support/fake-sink.ts';
import { useFakeTime } from '../support/fake-time.ts';

useFakeTime('2025-03-29T11:58:00Z');
const tempDir = useTempDir();
explainPostgresSkip('two instances on one PostgreSQL database');

function scheduler(fixture: DeliveryFixture, runs: string[]): DigestScheduler {
  return new DigestScheduler({
    store: fixture.store,
    log: silentLogger(),
    instanceId: fixture.context.instanceId,
    now: Date.now,
    claimLeaseMs: 120_000,
    runSlot: async (chatRef, slot) => {
      runs.push(`${fixture.context.instanceId} ${slot.slotKey}`);
      await runScheduledDigest(fixture.context, chatRef, slot);
    },
  });
}

/** Two instances on one database, each with its own connection, scheduler and sender, posting to one platform. */
async function twoInstances(open: () => Promise<Store>): Promise<void> {
  const sink = new FakeSink(UNLIMITED);
  const a = await deliveryFixture({ store: await open(), sink, instanceId: 'instance-a' });
  const b = await deliveryFixture({ store: await open(), sink, instanceId: 'instance-b' });
  const chats = [];
  for (let index = 0; index < 6; index++) chats.push(await a.chat(index % 2 ? 'group' : 'private', { cron: '*/15 * * * *', timezone: 'Europe/Paris', postWhenEmpty: true }));
  await a.publish(HEADLINES.slice(0, 2), Date.now() - 60_000);
  const runs: string[] = [];
  const schedulers = [scheduler(a, runs), scheduler(b, runs)];
  for (const instance of schedulers) await instance.start(chats);
  for (let second = 0; second < 47 * 60; second += 5) {
    if (second === 20 * 60) await b.publish(HEADLINES.slice(2, 3));
    await vi.advanceTimersByTimeAsync(5000);
    // Let real I/O (PostgreSQL round trips) keep up with fake time.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const instance of schedulers) await instance.stop();

  // Slots 12:00, 12:15, 12:30 and 12:45 UTC: each run once per chat (the run coordinator let one instance in)…
  expect(runs).toHaveLength(chats.length * 4);
  expect(new Set(runs.map((run) => run.split(' ')[1])).size).toBe(runs.length);
  // …and recorded and sent once.
  const deliveries = (await Promise.all(chats.map((chat) => a.store.listDeliveries(chat.id)))).flat();
  expect(deliveries).toHaveLength(chats.length * 4);
  expect(new Set(deliveries.map((delivery) => `${delivery.chatRef}|${delivery.slotKey}`)).size).toBe(deliveries.length);
  // 12:00 had two stories, 12:30 the one published at 12:20; 12:15 and 12:45 had nothing new.
  for (const chat of chats) expect(sink.to(chat.chatId).sort()).toEqual([...HEADLINES.slice(0, 3), 'nothing new', 'nothing new'].sort());
  expect(new Set(deliveries.map((delivery) => delivery.leaseOwner)).size).toBeGreaterThanOrEqual(1);
  await a.close();
  await b.close();
}

describe('two instances on one database', () => {
  it('fire each slot of each chat once (SQLite file)', async () => {
    const path = join(tempDir(), 'shared.sqlite');
    await twoInstances(() => openSqliteStore(path));
  });

  describe.skipIf(!testDatabaseUrl)('PostgreSQL', () => {
    const drops: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const drop of drops) await drop();
    });
    it('fire each slot of each chat once (PostgreSQL)', async () => {
      const database = await createThrowawayDatabase();
      drops.push(database.drop);
      await twoInstances(() => openPostgresStore(database.url));
    });
  });
});
