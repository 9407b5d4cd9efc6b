import { describe, expect, it, vi } from 'vitest';
import { runScheduledDigest } from '../../../src/delivery/run-scheduled-digest.ts';
import { DigestScheduler } from '../../../src/delivery/scheduler.ts';
import { silentLogger } from '../../../src/logger.ts';
import { deliveryFixture, HEADLINES, type DeliveryFixture } from '../support/delivery-fixture.ts';
import { useFakeTime } from '../support/fake-time.ts';

useFakeTime('2025-03-29T12:00:00Z');

function startScheduler(fixture: DeliveryFixture, runSlot?: ConstructorParameters<typeof DigestScheduler>[0]['runSlot']): DigestScheduler {
  return new DigestScheduler({
    store: fixture.store,
    log: silentLogger(),
    instanceId: fixture.context.instanceId,
    now: Date.now,
    claimLeaseMs: 120_000,
    retryMs: 60_000,
    runSlot:
      runSlot ??
      (async (chatRef, slot) => {
        await runScheduledDigest(fixture.context, chatRef, slot);
      }),
  });
}

async function slotsOf(fixture: DeliveryFixture, chatRef: number): Promise<string[]> {
  const deliveries = await fixture.store.listDeliveries(chatRef);
  return deliveries.filter((delivery) => delivery.kind === 'scheduled').map((delivery) => new Date(delivery.slotAt ?? 0).toISOString());
}

async function runFor(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('DigestScheduler', () => {
  it('fires each slot on time, in the chat’s time zone', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { postWhenEmpty: true, cron: '0 8 * * *', timezone: 'America/New_York' });
    await fixture.publish(HEADLINES.slice(0, 2));
    const scheduler = startScheduler(fixture);
    await scheduler.start([chat]);
    expect(scheduler.nextRun(chat.id)?.toISOString()).toBe('2025-03-30T12:00:00.000Z');
    await runFor(2 * 24 * 3_600_000);
    expect(await slotsOf(fixture, chat.id)).toEqual(['2025-03-30T12:00:00.000Z', '2025-03-31T12:00:00.000Z']);
    const first = fixture.sink.messages[0]!;
    // On time: within the second, not at the next sweep.
    expect(first.at - Date.parse('2025-03-30T12:00:00Z')).toBeLessThan(1000);
    // The first digest's two stories, then "nothing new" (the chat asked for it) the next day.
    expect(new Set(fixture.sink.to(chat.chatId).slice(0, 2))).toEqual(new Set(HEADLINES.slice(0, 2)));
    expect(fixture.sink.to(chat.chatId).slice(2)).toEqual(['nothing new']);
    await scheduler.stop();
    await fixture.close();
  });

  it('records nothing for a slot with nothing new when the chat wants silence', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { cron: '0 13 * * *', timezone: 'UTC' });
    const scheduler = startScheduler(fixture);
    await scheduler.start([chat]);
    await runFor(2 * 3_600_000);
    expect(await fixture.store.listDeliveries(chat.id)).toEqual([]);
    expect(fixture.sink.messages).toEqual([]);
    // The slot still ran (and is remembered): a restart owes nothing.
    expect(await fixture.store.latestCompletedSlots()).toEqual(new Map([[chat.id, Date.parse('2025-03-29T13:00:00Z')]]));
    await scheduler.stop();
    await fixture.close();
  });

  it.each([
    ['Europe/Paris spring forward', 'Europe/Paris', '30 2 * * *', '2025-03-29T00:00:00Z', ['2025-03-29T01:30:00.000Z', '2025-03-30T01:30:00.000Z', '2025-03-31T00:30:00.000Z']],
    ['Europe/Paris fall back', 'Europe/Paris', '30 2 * * *', '2025-10-25T00:00:00Z', ['2025-10-25T00:30:00.000Z', '2025-10-26T00:30:00.000Z', '2025-10-27T01:30:00.000Z']],
    ['America/New_York spring forward', 'America/New_York', '30 2 * * *', '2025-03-08T00:00:00Z', ['2025-03-08T07:30:00.000Z', '2025-03-09T07:30:00.000Z', '2025-03-10T06:30:00.000Z']],
    ['America/New_York fall back', 'America/New_York', '30 1 * * *', '2025-11-01T00:00:00Z', ['2025-11-01T05:30:00.000Z', '2025-11-02T05:30:00.000Z', '2025-11-03T06:30:00.000Z']],
  ])('%s: one digest a day, none skipped, none doubled', async (_name, timezone, cron, start, expected) => {
    vi.setSystemTime(Date.parse(start));
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { postWhenEmpty: true, cron, timezone });
    const scheduler = startScheduler(fixture);
    await scheduler.start([chat]);
    await runFor(3 * 24 * 3_600_000);
    expect(await slotsOf(fixture, chat.id)).toEqual(expected);
    await scheduler.stop();
    await fixture.close();
  });

  it('hourly across the Paris spring gap and New York fall back: no hour lost, none repeated', async () => {
    vi.setSystemTime(Date.parse('2025-11-02T03:30:00Z'));
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { postWhenEmpty: true, cron: '0 * * * *', timezone: 'America/New_York' });
    const scheduler = startScheduler(fixture);
    await scheduler.start([chat]);
    await runFor(4 * 3_600_000);
    // 00:00 EDT, 01:00 EDT, [01:00 EST is the same wall-clock slot], 02:00 EST, 03:00 EST
    expect(await slotsOf(fixture, chat.id)).toEqual(['2025-11-02T04:00:00.000Z', '2025-11-02T05:00:00.000Z', '2025-11-02T07:00:00.000Z']);
    await scheduler.stop();
    await fixture.close();
  });

  it('after downtime, a chat that missed slots gets one digest on start, for the latest slot', async () => {
    const fixture = await deliveryFixture();
    // Created three days ago, with a digest every day at 08:00 UTC: three slots missed while down.
    const chat = await fixture.chat('private', { postWhenEmpty: true, cron: '0 8 * * *', timezone: 'UTC', scheduleSince: Date.parse('2025-03-26T09:00:00Z') });
    await fixture.publish(HEADLINES.slice(0, 2), Date.parse('2025-03-27T10:00:00Z'));
    const scheduler = startScheduler(fixture);
    await scheduler.start([chat]);
    await runFor(5000);
    expect(await slotsOf(fixture, chat.id)).toEqual(['2025-03-29T08:00:00.000Z']);
    expect(fixture.sink.to(chat.chatId)).toHaveLength(2);
    await runFor(24 * 3_600_000);
    expect(await slotsOf(fixture, chat.id)).toEqual(['2025-03-29T08:00:00.000Z', '2025-03-30T08:00:00.000Z']);
    await scheduler.stop();

    // A restart right after owes nothing: the slot is already in the ledger.
    const again = startScheduler(fixture);
    await again.start([(await fixture.store.getChatById(chat.id))!]);
    await runFor(60_000);
    expect(await slotsOf(fixture, chat.id)).toHaveLength(2);
    await again.stop();
    await fixture.close();
  });

  it('never runs a chat twice at once: a run longer than the interval is followed by one catch-up', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { postWhenEmpty: true, cron: '*/10 * * * *', timezone: 'UTC' });
    let running = 0;
    let overlapped = false;
    const slots: string[] = [];
    const scheduler = startScheduler(fixture, async (_chatRef, slot) => {
      running++;
      if (running > 1) overlapped = true;
      slots.push(new Date(slot.slotAt).toISOString());
      // The first run takes 35 minutes: slots 12:20, 12:30 and 12:40 fall while it runs.
      await new Promise((resolve) => setTimeout(resolve, slots.length === 1 ? 35 * 60_000 : 1000));
      running--;
    });
    await scheduler.start([chat]);
    await runFor(65 * 60_000);
    expect(overlapped).toBe(false);
    expect(slots).toEqual(['2025-03-29T12:10:00.000Z', '2025-03-29T12:40:00.000Z', '2025-03-29T12:50:00.000Z', '2025-03-29T13:00:00.000Z']);
    await scheduler.stop();
    await fixture.close();
  });

  it('a new schedule owes no digest for slots before it was set', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { postWhenEmpty: true, cron: '0 8 * * *', timezone: 'UTC', scheduleSince: Date.parse('2025-03-20T00:00:00Z') });
    const scheduler = startScheduler(fixture);
    await scheduler.start([]);
    // 12:00 now: the user switches to 09:00 daily; 09:00 today is already past and not owed.
    scheduler.schedule({ ...chat, settings: { ...chat.settings, cron: '0 9 * * *', scheduleSince: Date.now() } });
    await runFor(60_000);
    expect(await slotsOf(fixture, chat.id)).toEqual([]);
    expect(scheduler.nextRun(chat.id)?.toISOString()).toBe('2025-03-30T09:00:00.000Z');
    await scheduler.stop();
    await fixture.close();
  });

  it('retries a slot whose run failed, once, later', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { postWhenEmpty: true, cron: '0 13 * * *', timezone: 'UTC' });
    const calls: number[] = [];
    const scheduler = startScheduler(fixture, async (chatRef, slot) => {
      calls.push(Date.now());
      if (calls.length === 1) throw new Error('database is locked');
      await runScheduledDigest(fixture.context, chatRef, slot);
    });
    await scheduler.start([chat]);
    await runFor(2 * 3_600_000);
    expect(calls.map((at) => new Date(at).toISOString().slice(11, 16))).toEqual(['13:00', '13:01']);
    expect(await slotsOf(fixture, chat.id)).toEqual(['2025-03-29T13:00:00.000Z']);
    await scheduler.stop();
    await fixture.close();
  });
});
