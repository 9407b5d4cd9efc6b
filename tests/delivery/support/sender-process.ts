/**
 * A Précis sender as its own process, for crash tests and the delivery benchmark: opens the
 * SQLite store given in PRECIS_TEST_DB, sends through the real grammY client to the (fake) Bot
 * API at PRECIS_TEST_API_ROOT, resumes unfinished deliveries, lets the scheduler catch up the
 * slot every chat is owed, and exits 0 once no chat is owed anything and nothing is pending.
 * Its parent kills it with SIGKILL at random moments and starts it again.
 *
 * Environment: PRECIS_TEST_DB, PRECIS_TEST_API_ROOT, PRECIS_TEST_TOKEN, PRECIS_TEST_INSTANCE,
 * PRECIS_TEST_FAST=1 (pace at 200 msg/s with no per-chat limit, for tests), PRECIS_TEST_SLOT (ms),
 * PRECIS_TEST_CONCURRENCY (chats at once; default the policy's).
 */
import { Api } from 'grammy';
import { createDeliveryContext } from '../../../src/delivery/delivery-context.ts';
import { runScheduledDigest } from '../../../src/delivery/run-scheduled-digest.ts';
import { DigestScheduler } from '../../../src/delivery/scheduler.ts';
import { resumeUnfinishedDeliveries } from '../../../src/delivery/send-delivery.ts';
import { createLogger } from '../../../src/logger.ts';
import { telegramChannel } from '../../../src/platforms/telegram/telegram-channel.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.ts';
import { DIGEST_CONFIG } from './delivery-fixture.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const store = await openSqliteStore(env('PRECIS_TEST_DB'));
const api = new Api(env('PRECIS_TEST_TOKEN'), { apiRoot: env('PRECIS_TEST_API_ROOT') });
const telegram = telegramChannel(api);
const channel = process.env.PRECIS_TEST_FAST ? { ...telegram, limits: { global: { count: 200, perMs: 1000 }, perChat: { private: null, group: null, channel: null } } } : telegram;
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
const context = createDeliveryContext({
  store,
  channels: [channel],
  digest: DIGEST_CONFIG,
  log,
  instanceId: env('PRECIS_TEST_INSTANCE'),
  policy: process.env.PRECIS_TEST_CONCURRENCY ? { concurrency: Number(process.env.PRECIS_TEST_CONCURRENCY) } : {},
});
const slotAt = Number(env('PRECIS_TEST_SLOT'));

const chats = await store.listChats();
const scheduler = new DigestScheduler({
  store,
  log,
  instanceId: context.instanceId,
  now: Date.now,
  claimLeaseMs: 120_000,
  runSlot: async (chatRef, slot) => {
    await runScheduledDigest(context, chatRef, slot);
  },
});
const inFlight = new Set<number>();
const resuming = resumeUnfinishedDeliveries(context, inFlight);
await scheduler.start(chats);
await resuming;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

/** Chats not yet done with the owed slot (kept small: each is checked until it is done). */
const remaining = new Set(chats.map((chat) => chat.id));
async function finished(): Promise<boolean> {
  if ((await store.listUnfinishedDeliveries()).length) return false;
  for (const chatRef of [...remaining]) {
    const deliveries = await store.listRecentDeliveries(chatRef, 5);
    if (deliveries.some((delivery) => delivery.slotAt === slotAt && delivery.status !== 'pending')) remaining.delete(chatRef);
  }
  return remaining.size === 0;
}

while (!(await finished())) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  // Whatever an earlier run of this process left pending (its lease is ours) goes out too.
  await resumeUnfinishedDeliveries(context, inFlight);
}
clearInterval(sampler);
await scheduler.stop();
await store.close();
process.stdout.write(`${JSON.stringify({ done: true, peakRss })}\n`);
process.exit(0);
