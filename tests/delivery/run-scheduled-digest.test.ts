import { describe, expect, it } from 'vitest';
import { feedsDueBefore, runScheduledDigest, slotKeyFor } from '../../src/delivery/run-scheduled-digest.ts';
import { deliveryFixture, HEADLINES } from './support/delivery-fixture.ts';
import { settle, useFakeTime } from './support/fake-time.ts';

useFakeTime('2025-01-06T07:00:00Z');

describe('before a scheduled digest', () => {
  it('refreshes the chat’s feeds that are due, then digests what they brought', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat();
    await fixture.store.upsertFeed({ id: 'fresh', url: 'https://fresh.example.org/rss', title: 'Fresh', lang: 'en', origin: 'config' }, 0);
    await fixture.store.subscribe(chat.id, 'fresh', 0);
    // "wire" was fetched long ago (due); "fresh" a minute ago, next poll in 9 minutes (not due).
    await fixture.store.recordFetchSuccess('wire', { at: Date.now() - 3_600_000, nextFetchAt: Date.now() - 60_000 });
    await fixture.store.recordFetchSuccess('fresh', { at: Date.now() - 60_000, nextFetchAt: Date.now() + 540_000 });
    const refreshed: string[][] = [];
    const context = {
      ...fixture.context,
      refreshFeeds: async (feedIds: readonly string[]) => {
        refreshed.push([...feedIds]);
        // What the feeds layer would store from the fetch.
        await fixture.publish(HEADLINES.slice(0, 1), Date.now());
      },
    };
    const slotAt = Date.now();
    const run = await settle(runScheduledDigest(context, chat.id, { slotKey: slotKeyFor(chat.id, slotAt), slotAt }));
    expect(refreshed).toEqual([['wire']]);
    expect(run).toMatchObject({ outcome: 'sent', stories: 1 });
    await fixture.close();
  });

  it('still sends what is stored when the refresh fails', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat();
    await fixture.publish(HEADLINES.slice(0, 2), Date.now() - 1000);
    const context = { ...fixture.context, refreshFeeds: () => Promise.reject(new Error('DNS failure')) };
    const slotAt = Date.now();
    expect(await settle(runScheduledDigest(context, chat.id, { slotKey: slotKeyFor(chat.id, slotAt), slotAt }))).toMatchObject({ outcome: 'sent', stories: 2 });
    await fixture.close();
  });

  it('counts never-fetched feeds as due, and leaves paused ones to the poller', () => {
    const base = { url: '', title: '', lang: null, origin: 'config' as const, etag: null, lastModified: null, lastSuccessAt: null, failureCount: 0, lastError: null, createdAt: 0, pollHintMs: null };
    const feeds = [
      { ...base, id: 'never', lastFetchedAt: null, nextFetchAt: null, pausedAt: null },
      { ...base, id: 'paused', lastFetchedAt: 0, nextFetchAt: 0, pausedAt: 1 },
      { ...base, id: 'other-chat', lastFetchedAt: null, nextFetchAt: null, pausedAt: null },
    ];
    expect(feedsDueBefore(feeds, ['never', 'paused'], 1000)).toEqual(['never']);
  });
});
