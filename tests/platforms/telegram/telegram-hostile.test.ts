import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateTelegramHtml } from '../../fakes/telegram-html-validator.ts';
import { hostileFeed } from './hostile-feed.ts';
import { CHATS, startTelegramHarness, USERS, type TelegramHarness } from './telegram-harness.ts';

let h: TelegramHarness;
beforeAll(async () => {
  // Volume, not pacing, is the point here: no flood limits (they are tested elsewhere).
  h = await startTelegramHarness({ fast: true });
});
afterAll(async () => {
  await h.close();
});

describe('200 hostile feed items through the whole pipeline to the strict fake', () => {
  it('all render as Telegram HTML the fake accepts, in messages under its limits, each item in a digest', { timeout: 60_000 }, async () => {
    const chats = [USERS.ada.id, USERS.ben.id, USERS.cleo.id, CHATS.team];
    for (const [index, chatId] of chats.entries()) {
      h.feeds.route(`/hostile-${index}.xml`, (_request, response) => response.end(hostileFeed(`Hostile &lt;${index}&gt; & “feed” 🧨`, 50, index + 1)));
      const [subscribed] = await h.ask(chatId, `/subscribe ${h.feeds.url(`/hostile-${index}.xml`)}`, { from: chatId === CHATS.team ? USERS.cleo : Object.values(USERS).find((user) => user.id === chatId)! });
      expect(subscribed?.text).toMatch(/^(Subscribed to|Abonné à) Hostile <\d> & “feed” 🧨\./);
      const chat = (await h.chat(chatId))!;
      await h.service.store.updateChatSettings(chat.id, { ...chat.settings, stories: 50 });
    }
    const stored = await h.service.store.listArticles({ feedIds: (await h.service.store.listFeeds()).filter((feed) => feed.title.startsWith('Hostile')).map((feed) => feed.id), seenAfter: 0, seenUntil: Date.now() + 1e9, limit: 1000 });
    expect(stored).toHaveLength(200);

    const before = h.fake.messages.length;
    h.advance(25 * 3600_000);
    await h.service.scheduler.sweep();
    const delivered = new Set<string>();
    await h.fake.waitFor(
      () => {
        void Promise.all(chats.map(async (chatId) => (await h.service.store.listDeliveries((await h.chat(chatId))!.id)).filter((delivery) => delivery.kind === 'scheduled' && delivery.status === 'sent'))).then((lists) => {
          for (const delivery of lists.flat()) for (const id of delivery.articleIds) delivered.add(id);
        });
        return delivered.size >= 200;
      },
      'every hostile item delivered in a scheduled digest',
      45_000,
    );
    const sent = h.fake.messages.slice(before);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (const message of sent) {
      expect(message.parse_mode).toBe('HTML');
      expect(validateTelegramHtml(message.source).problems).toEqual([]);
      expect(message.text.length).toBeLessThanOrEqual(4096);
    }
    // Nothing was refused: no "can't parse entities", no "message is too long".
    expect(h.fake.calls.filter((call) => call.method === 'sendMessage' && call.status !== 200)).toEqual([]);
    // Feed text shows as text, never as markup.
    const texts = sent.map((message) => message.text).join('\n');
    expect(texts).toMatch(/<script>alert\("x"\)<\/script>|AT&T &amp; literal &lt;tag&gt;|\*\*bold\*\*/);
    expect(sent.flatMap((message) => message.entities).every((entity) => ['bold', 'italic', 'text_link', 'blockquote'].includes(entity.type))).toBe(true);
  });
});
