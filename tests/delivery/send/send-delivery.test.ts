import { describe, expect, it, vi } from 'vitest';
import { deliverDigest } from '../../../src/delivery/deliver-digest.ts';
import { DeliveryError } from '../../../src/delivery/delivery-error.ts';
import { resumeChat } from '../../../src/delivery/resume-chat.ts';
import { runScheduledDigest, slotKeyFor } from '../../../src/delivery/run-scheduled-digest.ts';
import { TELEGRAM_LIMITS } from '../../../src/delivery/send/channel-limits.ts';
import { resumeUnfinishedDeliveries, sendDelivery } from '../../../src/delivery/send-delivery.ts';
import type { ChatRecord } from '../../../src/store/records.ts';
import { deliveryFixture, HEADLINES, type DeliveryFixture } from '../support/delivery-fixture.ts';
import { settle, useFakeTime } from '../support/fake-time.ts';

useFakeTime('2025-01-06T07:00:00Z');

function scheduled(fixture: DeliveryFixture, chat: ChatRecord) {
  const slotAt = Date.now();
  return settle(runScheduledDigest(fixture.context, chat.id, { slotKey: slotKeyFor(chat.id, slotAt), slotAt }));
}

describe('sending a digest', () => {
  it('records the delivery before sending, then marks each message sent with its id', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 3));
    const run = await scheduled(fixture, chat);
    expect(run).toMatchObject({ outcome: 'sent', stories: 3 });
    expect(fixture.sink.to(chat.chatId)).toHaveLength(3);
    const parts = await fixture.store.listDeliveryParts(run!.deliveryId!);
    expect(parts.map((part) => part.messageId)).toEqual(fixture.sink.messages.map((message) => message.messageId));
    expect((await fixture.store.getDelivery(run!.deliveryId!))?.status).toBe('sent');
    await fixture.close();
  });

  it('retries network and server errors with backoff, and sends once', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 1));
    fixture.sink.failNext(chat.chatId, () => new DeliveryError('transient', 'Internal Server Error', { status: 500 }), 2);
    const run = await scheduled(fixture, chat);
    expect(run?.outcome).toBe('sent');
    expect(fixture.sink.to(chat.chatId)).toHaveLength(1);
    const attempts = fixture.sink.attempts.map((attempt) => attempt.at - fixture.sink.attempts[0]!.at);
    expect(attempts).toEqual([0, 75, 225]); // 100 ms, then 200 ms, times the (fixed) jitter of 0.75
    expect((await fixture.store.getDelivery(run!.deliveryId!))?.attempts).toBe(2);
    await fixture.close();
  });

  it('gives up after a bounded number of tries, and gives the articles back to the next digest', async () => {
    const fixture = await deliveryFixture({ policy: { maxAttempts: 3 } });
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 2));
    fixture.sink.failNext(chat.chatId, () => new DeliveryError('transient', 'network error: ECONNRESET'), 3);
    const failed = await scheduled(fixture, chat);
    expect(failed?.outcome).toBe('failed');
    expect(fixture.sink.attempts).toHaveLength(3);
    expect(await fixture.store.getDelivery(failed!.deliveryId!)).toMatchObject({ status: 'failed', lastError: 'network error: ECONNRESET' });
    await settle(new Promise((resolve) => setTimeout(resolve, 3_600_000)), 3_700_000, 60_000);
    const next = await scheduled(fixture, (await fixture.store.getChatById(chat.id))!);
    expect(next).toMatchObject({ outcome: 'sent', stories: 2 });
    expect(fixture.sink.to(chat.chatId)).toHaveLength(2);
    await fixture.close();
  });

  it('honours a 429 retry_after before sending again', async () => {
    const fixture = await deliveryFixture({ limits: TELEGRAM_LIMITS });
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 1));
    fixture.sink.failNext(chat.chatId, () => new DeliveryError('rate_limited', 'Too Many Requests: retry after 5', { status: 429, retryAfterMs: 5000 }));
    const run = await scheduled(fixture, chat);
    expect(run?.outcome).toBe('sent');
    const [first, second] = fixture.sink.attempts;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(5000);
    await fixture.close();
  });

  it('pauses a chat that blocked the bot, keeps its news, and resumes when the bot is back', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 2));
    fixture.sink.block(chat.chatId);
    const run = await scheduled(fixture, chat);
    expect(run?.outcome).toBe('paused');
    expect((await fixture.store.getChatById(chat.id))?.pausedReason).toBe('Forbidden: bot was blocked by the user');
    expect((await fixture.store.listSubscriptions(chat.id)).length).toBe(1);

    // While paused, slots are skipped without building anything.
    expect(await scheduled(fixture, chat)).toMatchObject({ outcome: 'paused', deliveryId: null });

    fixture.sink.unblock(chat.chatId);
    await resumeChat(fixture.context, { platform: 'telegram', chatId: chat.chatId }, 'bot unblocked');
    await fixture.publish(HEADLINES.slice(2, 3), Date.now() + 1);
    vi.advanceTimersByTime(60_000);
    const after = await scheduled(fixture, (await fixture.store.getChatById(chat.id))!);
    expect(after).toMatchObject({ outcome: 'sent', stories: 3 });
    await fixture.close();
  });

  it('follows a group that became a supergroup: new id, same subscriptions, message resent there', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('group', {}, '-4001');
    await fixture.publish(HEADLINES.slice(0, 1));
    fixture.sink.migrate('-4001', '-1004001');
    const run = await scheduled(fixture, chat);
    expect(run?.outcome).toBe('sent');
    expect(fixture.sink.to('-1004001')).toHaveLength(1);
    expect(fixture.sink.to('-4001')).toHaveLength(0);
    const moved = await fixture.store.getChatById(chat.id);
    expect(moved?.chatId).toBe('-1004001');
    expect(await fixture.store.listSubscriptions(chat.id)).toEqual(['wire']);
    await fixture.close();
  });

  it('skips a message the platform refuses as such, and still sends the others', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 3));
    fixture.sink.failNext(chat.chatId, () => new DeliveryError('invalid', "Bad Request: can't parse entities", { status: 400 }));
    const run = await scheduled(fixture, chat);
    expect(run?.outcome).toBe('failed');
    expect(fixture.sink.to(chat.chatId)).toHaveLength(2);
    expect((await fixture.store.getDelivery(run!.deliveryId!))?.lastError).toMatch(/^part 0: Bad Request/);
    await fixture.close();
  });

  it('after a crash, sends only the parts not marked sent', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 3));
    const delivery = await fixture.store.createDelivery({
      chatRef: chat.id,
      kind: 'scheduled',
      slotKey: 'crashed',
      windowStart: 0,
      windowEnd: Date.now(),
      articleIds: [],
      parts: ['one', 'two', 'three'],
      at: Date.now(),
      leaseOwner: 'dead-process',
      leaseUntil: Date.now() + 60_000,
    });
    await fixture.store.markPartSent(delivery!.id, 0, '17', Date.now());
    // Held by a live lease: left alone.
    expect(await settle(resumeUnfinishedDeliveries(fixture.context))).toBe(0);
    vi.advanceTimersByTime(61_000);
    expect(await settle(resumeUnfinishedDeliveries(fixture.context))).toBe(1);
    expect(fixture.sink.to(chat.chatId)).toEqual(['two', 'three']);
    expect((await fixture.store.getDelivery(delivery!.id))?.status).toBe('sent');
    await fixture.close();
  });

  it('on stop, finishes the message in flight and leaves the rest pending for the next start', async () => {
    const fixture = await deliveryFixture({ limits: TELEGRAM_LIMITS });
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 3));
    const stopping = new AbortController();
    const context = { ...fixture.context, signal: stopping.signal };
    const slotAt = Date.now();
    const running = runScheduledDigest(context, chat.id, { slotKey: slotKeyFor(chat.id, slotAt), slotAt });
    // The first message goes at once; the second waits a second for the private chat's turn.
    await vi.advanceTimersByTimeAsync(100);
    stopping.abort(new Error('stopping'));
    const run = await settle(running);
    expect(run?.outcome).toBe('interrupted');
    expect(fixture.sink.to(chat.chatId)).toHaveLength(1);
    const delivery = await fixture.store.getDelivery(run!.deliveryId!);
    expect(delivery).toMatchObject({ status: 'pending', leaseOwner: null });

    // The next start (another process) completes it, without sending the first message again.
    const restarted = await deliveryFixture({ store: fixture.store, sink: fixture.sink, instanceId: 'next-process' });
    expect(await settle(resumeUnfinishedDeliveries(restarted.context))).toBe(1);
    expect(fixture.sink.to(chat.chatId)).toHaveLength(3);
    expect(new Set(fixture.sink.to(chat.chatId)).size).toBe(3);
    await fixture.close();
  });

  it('leaves a delivery another live instance is sending', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat();
    const delivery = await fixture.store.createDelivery({
      chatRef: chat.id,
      kind: 'on_demand',
      slotKey: null,
      windowStart: 0,
      windowEnd: 0,
      articleIds: [],
      parts: ['one'],
      at: Date.now(),
      leaseOwner: 'other-instance',
      leaseUntil: Date.now() + 60_000,
    });
    expect(await settle(sendDelivery(fixture.context, delivery!))).toBe('taken');
    expect(fixture.sink.messages).toHaveLength(0);
    await fixture.close();
  });

  it('sends to many chats concurrently: a slow chat holds nobody back', async () => {
    const fixture = await deliveryFixture({ limits: TELEGRAM_LIMITS, policy: { slowSendMs: 500 } });
    await fixture.publish(HEADLINES.slice(0, 1));
    const slow = await fixture.chat('private', {}, 'slow');
    fixture.sink.slow('slow', 30_000);
    const others = await Promise.all(Array.from({ length: 20 }, (_, index) => fixture.chat('private', {}, `fast${index}`)));
    const start = Date.now();
    const runs = [slow, ...others].map((chat) => runScheduledDigest(fixture.context, chat.id, { slotKey: slotKeyFor(chat.id, start), slotAt: start }));
    await settle(Promise.all(runs));
    const fast = fixture.sink.messages.filter((message) => message.chatId.startsWith('fast'));
    expect(fast).toHaveLength(20);
    // The hanging send holds its in-flight slot for slowSendMs at most; then 20 messages at 30/s.
    expect(Math.max(...fast.map((message) => message.at)) - start).toBeLessThan(500 + 20 * 35 + 100);
    expect(fixture.sink.to('slow')).toHaveLength(1);
    expect(fixture.sink.violations).toEqual([]);
    await fixture.close();
  });
});

describe('digest windows', () => {
  it('covers what arrived since the previous digest; never sends an item twice; /digest does not use up the window', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 2));
    expect(await scheduled(fixture, chat)).toMatchObject({ outcome: 'sent', stories: 2 });

    vi.advanceTimersByTime(3_600_000);
    await fixture.publish(HEADLINES.slice(2, 4));
    // On demand: the latest stories, whatever was sent before.
    const onDemand = await settle(deliverDigest(fixture.context, chat, { kind: 'on_demand', slotKey: null }));
    expect(onDemand).toMatchObject({ outcome: 'sent', stories: 4 });

    vi.advanceTimersByTime(3_600_000);
    const second = await scheduled(fixture, (await fixture.store.getChatById(chat.id))!);
    expect(second).toMatchObject({ outcome: 'sent', stories: 2 });
    const scheduledPayloads = [...fixture.sink.messages.slice(0, 2), ...fixture.sink.messages.slice(6)].map((message) => message.payload);
    expect(new Set(scheduledPayloads).size).toBe(4);
    expect(scheduledPayloads.sort()).toEqual([...HEADLINES.slice(0, 4)].sort());

    // Nothing new: silent by default.
    vi.advanceTimersByTime(3_600_000);
    expect(await scheduled(fixture, (await fixture.store.getChatById(chat.id))!)).toMatchObject({ outcome: 'empty', stories: 0 });
    expect(fixture.sink.messages).toHaveLength(8);
    await fixture.close();
  });

  it('posts "nothing new" only when the chat asked for it', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { postWhenEmpty: true });
    expect(await scheduled(fixture, chat)).toMatchObject({ outcome: 'sent', stories: 0 });
    expect(fixture.sink.to(chat.chatId)).toEqual(['nothing new']);
    await fixture.close();
  });

  it('applies the chat’s filters', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { exclude: ['volcano'], include: [] });
    await fixture.publish(HEADLINES.slice(0, 3));
    expect(await scheduled(fixture, chat)).toMatchObject({ outcome: 'sent', stories: 2 });
    expect(fixture.sink.to(chat.chatId)).not.toContain(HEADLINES[1]);
    await fixture.close();
  });
});
