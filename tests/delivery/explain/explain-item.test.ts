import { describe, expect, it, vi } from 'vitest';
import { explainItem, urlVariants } from '../../../src/delivery/explain-item.ts';
import { runScheduledDigest, slotKeyFor } from '../../../src/delivery/run-scheduled-digest.ts';
import type { ChatRecord } from '../../../src/store/records.ts';
import { deliveryFixture, DIGEST_CONFIG, HEADLINES, storedArticle, type DeliveryFixture } from '../support/delivery-fixture.ts';
import { settle, useFakeTime } from '../support/fake-time.ts';

useFakeTime('2025-01-06T07:00:00Z');

async function deliverNow(fixture: DeliveryFixture, chat: ChatRecord) {
  const slotAt = Date.now();
  return settle(runScheduledDigest(fixture.context, chat.id, { slotKey: slotKeyFor(chat.id, slotAt), slotAt }));
}

async function explain(fixture: DeliveryFixture, chat: ChatRecord, url: string) {
  const current = (await fixture.store.getChatById(chat.id))!;
  return explainItem({ store: fixture.store, now: Date.now(), windowHours: DIGEST_CONFIG.windowHours }, current, url);
}

describe('why: what happened to an item for a chat', () => {
  it('tells apart not fetched, another feed, back catalogue, filtered and pending items', async () => {
    const fixture = await deliveryFixture();
    await fixture.store.upsertFeed({ id: 'other', url: 'https://other.example.org/feed.xml', title: 'Other Feed', lang: 'en', origin: 'config' }, 0);
    const chat = await fixture.chat('private', { exclude: ['volcano'] });
    await fixture.store.insertNewArticles([
      storedArticle('Elsewhere story', Date.now(), { id: 'elsewhere', feedId: 'other', url: 'https://other.example.org/elsewhere' }),
      storedArticle('Old archive piece', Date.now(), { id: 'archive', url: 'https://news.example.org/archive', fresh: false }),
      storedArticle(HEADLINES[1]!, Date.now(), { id: 'volcano', url: 'https://news.example.org/volcano' }),
      storedArticle(HEADLINES[0]!, Date.now(), { id: 'rail', url: 'https://news.example.org/rail' }),
    ]);
    expect((await explain(fixture, chat, 'https://nowhere.example.org/x')).explanation).toEqual({ status: 'not_fetched', url: 'https://nowhere.example.org/x', feeds: 1 });
    expect((await explain(fixture, chat, 'not a link')).explanation.status).toBe('invalid_url');
    expect((await explain(fixture, chat, 'https://other.example.org/elsewhere')).explanation).toMatchObject({ status: 'other_feed', feeds: ['Other Feed'] });
    expect((await explain(fixture, chat, 'https://news.example.org/archive')).explanation).toMatchObject({ status: 'back_catalogue', feed: 'Wire' });
    expect((await explain(fixture, chat, 'https://news.example.org/volcano')).explanation).toMatchObject({ status: 'filtered', rule: { kind: 'exclude', term: 'volcano' } });
    // Tracking parameters, fragment, "www." and a trailing slash do not hide it.
    const pending = await explain(fixture, chat, 'http://www.news.example.org/rail/?utm_source=tg#top');
    expect(pending.explanation).toMatchObject({ status: 'pending', nextDigestAt: Date.parse('2025-01-06T08:00:00Z') });
    await fixture.close();
  });

  it('names the digest an item was sent in, and the story it was merged into', async () => {
    const fixture = await deliveryFixture();
    await fixture.store.upsertFeed({ id: 'other', url: 'https://other.example.org/feed.xml', title: 'Other Feed', lang: 'en', origin: 'config' }, 0);
    const chat = await fixture.chat();
    await fixture.store.subscribe(chat.id, 'other', Date.now());
    // The same link in two feeds: one story, led by the earlier article.
    await fixture.store.insertNewArticles([
      storedArticle(HEADLINES[2]!, Date.now() - 60_000, { id: 'lead', url: 'https://news.example.org/rates', publishedAt: Date.now() - 600_000 }),
      storedArticle('Rates on hold again at the central bank', Date.now() - 60_000, { id: 'follower', feedId: 'other', url: 'https://news.example.org/rates', guid: 'f' }),
    ]);
    const run = await deliverNow(fixture, chat);
    expect(run?.stories).toBe(1);
    const report = await explain(fixture, chat, 'https://news.example.org/rates');
    expect(report.explanation).toMatchObject({ status: 'delivered', delivery: { id: run!.deliveryId, status: 'sent' }, story: { id: 'lead', headline: HEADLINES[2] } });
    await fixture.close();
  });

  it('says when an item was not selected, and when its digest could not be sent', async () => {
    const fixture = await deliveryFixture();
    const chat = await fixture.chat('private', { stories: 1 });
    await fixture.publish(HEADLINES.slice(0, 3), Date.now() - 60_000);
    await deliverNow(fixture, chat);
    const sent = fixture.sink.messages[0]!.payload;
    const left = HEADLINES.slice(0, 3).find((headline) => headline !== sent)!;
    const leftId = storedArticle(left, 0).id;
    const [article] = await fixture.store.getArticles([leftId]);
    const notSelected = await explain(fixture, chat, article!.url!);
    expect(notSelected.explanation).toMatchObject({ status: 'not_selected', tooOld: false });

    vi.advanceTimersByTime(3_600_000);
    await fixture.publish(HEADLINES.slice(5, 6), Date.now() - 1000);
    fixture.sink.block(chat.chatId);
    await deliverNow(fixture, (await fixture.store.getChatById(chat.id))!);
    const blocked = await explain(fixture, chat, storedArticle(HEADLINES[5]!, 0).url!);
    // The chat blocked the bot: that digest failed and its articles went back to the next one.
    expect(blocked.explanation).toMatchObject({ status: 'not_delivered', delivery: { status: 'failed', lastError: 'Forbidden: bot was blocked by the user' } });
    await fixture.close();
  });

  it('knows the forms a link takes', () => {
    const variants = urlVariants('https://www.example.org/a/?utm_source=x&id=3#top');
    expect(variants).toContain('https://www.example.org/a/?id=3');
    expect(variants).toContain('https://example.org/a?id=3');
    expect(variants).toContain('http://example.org/a/?id=3');
    expect(urlVariants('ftp://example.org/a')).toEqual([]);
  });
});
