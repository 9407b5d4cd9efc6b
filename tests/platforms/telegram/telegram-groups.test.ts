import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_ADMIN } from '../../fakes/telegram/fake-telegram.ts';
import { CHATS, startTelegramHarness, USERS, type TelegramHarness } from './telegram-harness.ts';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h.close();
});

describe('the Telegram bot in groups and forum topics', () => {
  it('lets only administrators change a group, anyone ask for a /digest, at most once per 30 s', async () => {
    const [refused] = await h.ask(CHATS.team, '/subscribe@precis_test_bot World News', { from: USERS.dan });
    expect(refused?.text).toBe('Sorry, only this chat’s administrators can use /subscribe. Anyone can ask for a /digest or the /list of feeds.');
    // The refusal quotes the command, as replies in a busy group do.
    expect(refused?.params.reply_parameters).toMatchObject({ message_id: expect.any(Number) as number });
    expect(await h.chat(CHATS.team)).toBeNull();

    const [subscribed] = await h.ask(CHATS.team, '/subscribe@precis_test_bot World News', { from: USERS.cleo });
    expect(subscribed?.text).toBe('Subscribed to World News.');
    expect(await h.subscriptionsOf(CHATS.team)).toEqual(['world-news']);

    const digest = await h.ask(CHATS.team, '/digest', { from: USERS.dan });
    expect(digest[0]?.parse_mode).toBe('HTML');
    expect(digest[0]?.text).toContain('Harbour city approves');
    const [again] = await h.ask(CHATS.team, '/digest@precis_test_bot', { from: USERS.dan });
    expect(again?.text).toMatch(/^A digest was just posted here\. Please try again in (29|30) s\.$/);
  });

  it('imports an OPML file sent with /import as its caption, or answered with /import, from administrators only', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="Actualités" title="Actualités" type="rss" xmlUrl="${h.feeds.url('/actualites.xml')}"/></body></opml>`;
    let since = h.fake.messagesTo(CHATS.team).length;
    h.fake.userDocument(CHATS.team, { name: 'feeds.opml', content: opml }, '/import@precis_test_bot', { from: USERS.dan });
    const [refused] = await h.messagesAfter(CHATS.team, since);
    expect(refused?.text).toMatch(/^Sorry, only this chat’s administrators can use \/import/);
    since = h.fake.messagesTo(CHATS.team).length;
    const document = h.fake.userDocument(CHATS.team, { name: 'feeds.opml', content: opml }, null, { from: USERS.cleo });
    // A document alone in a group is none of the bot's business…
    await h.fake.waitFor(() => h.fake.pendingUpdates === 0, 'the update');
    expect(h.fake.messagesTo(CHATS.team)).toHaveLength(since);
    // …until an administrator answers it with /import.
    const [imported] = await h.ask(CHATS.team, '/import', { from: USERS.cleo, extra: { reply_to_message: document } });
    expect(imported?.text).toMatch(/^Import of feeds\.opml: 1 of 1 feeds added\./);
    expect(await h.subscriptionsOf(CHATS.team)).toEqual(expect.arrayContaining(['world-news']));
    expect(await h.subscriptionsOf(CHATS.team)).toHaveLength(2);
  });

  it('takes an anonymous administrator (posting as the group) as an administrator', async () => {
    const [answer] = await h.ask(CHATS.team, '/timezone Europe/Berlin', { from: ANONYMOUS_ADMIN, senderChat: CHATS.team });
    expect(answer?.text).toMatch(/^Time zone set to Europe\/Berlin\./);
  });

  it('ignores commands meant for another bot and unknown commands not addressed to it', async () => {
    const before = h.fake.messagesTo(CHATS.team).length;
    h.fake.userMessage(CHATS.team, '/digest@some_other_bot', { from: USERS.dan });
    h.fake.userMessage(CHATS.team, '/weather', { from: USERS.dan });
    // A channel post copied into its discussion group, and a forwarded command: someone else's words.
    h.fake.userMessage(CHATS.team, '/digest@precis_test_bot', { from: USERS.dan, extra: { is_automatic_forward: true } });
    h.fake.userMessage(CHATS.team, '/digest@precis_test_bot', { from: USERS.dan, extra: { forward_origin: { type: 'hidden_user', sender_user_name: 'X', date: 0 } } });
    const [unknown] = await h.ask(CHATS.team, '/weather@precis_test_bot', { from: USERS.dan });
    expect(unknown?.text).toBe('Unknown command: /weather. See /help.');
    expect(h.fake.messagesTo(CHATS.team)).toHaveLength(before + 1);
  });

  it('keeps a forum topic’s subscription to that topic and delivers its digests there', async () => {
    const [subscribed] = await h.ask(CHATS.forum, '/subscribe Actualités', { from: USERS.cleo, threadId: 7 });
    expect(subscribed?.message_thread_id).toBe(7);
    expect(await h.subscriptionsOf(CHATS.forum, 7)).toEqual(['actualites']);
    expect(await h.subscriptionsOf(CHATS.forum)).toEqual([]);

    const digest = await h.ask(CHATS.forum, '/digest', { from: USERS.dan, threadId: 7 });
    expect(digest.every((message) => message.message_thread_id === 7)).toBe(true);
    expect(digest[0]?.text).toMatch(/Lyon adopte un plan vélo|Corée du Nord|Tempête/);

    const [empty] = await h.ask(CHATS.forum, '/digest', { from: USERS.dan, threadId: 9 });
    expect(empty?.message_thread_id).toBe(9);
    expect(empty?.text).toMatch(/^This chat follows no feed yet/);

    // A scheduled digest to a topic closed since: the topic's digests pause, the rest of the forum is untouched.
    h.fake.closeTopic(CHATS.forum, 7);
    h.advance(25 * 3600_000);
    await h.service.scheduler.sweep();
    await h.fake.waitFor(() => h.fake.calls.some((call) => call.description === 'Bad Request: TOPIC_CLOSED'), 'the refused send');
    await h.until(async () => (await h.chat(CHATS.forum, 7))?.pausedReason != null, 'the topic to be paused');
    expect((await h.chat(CHATS.forum, 7))?.pausedReason).toBe('Bad Request: TOPIC_CLOSED');
  });

  it('pauses a group that removed the bot and resumes it when the bot is added back, with a welcome', async () => {
    h.fake.changeBotMembership(CHATS.team, 'kicked', USERS.cleo);
    await h.fake.waitFor(() => h.fake.pendingUpdates === 0, 'the update');
    await h.until(async () => (await h.chat(CHATS.team))?.pausedReason != null, 'the group to be paused');
    expect((await h.chat(CHATS.team))?.pausedReason).toBe('Telegram: the bot was removed from Team by @cleo');

    const before = h.fake.messagesTo(CHATS.team).length;
    h.fake.changeBotMembership(CHATS.team, 'member', USERS.cleo);
    const [welcome] = await h.messagesAfter(CHATS.team, before);
    expect(welcome?.text).toMatch(/^Hello! Précis sums up the news/);
    expect((await h.chat(CHATS.team))?.pausedReason).toBeNull();
    expect(await h.subscriptionsOf(CHATS.team)).toContain('world-news');
  });

  it('pauses a private chat whose user blocked the bot, and resumes it when they come back', async () => {
    await h.ask(USERS.ada.id, '/subscribe World News', { from: USERS.ada });
    h.fake.changeBotMembership(USERS.ada.id, 'kicked', USERS.ada);
    await h.until(async () => (await h.chat(USERS.ada.id))?.pausedReason != null, 'the private chat to be paused');
    expect((await h.chat(USERS.ada.id))?.pausedReason).toBe('Telegram: the user blocked the bot');
    h.fake.changeBotMembership(USERS.ada.id, 'member', USERS.ada);
    await h.until(async () => (await h.chat(USERS.ada.id))?.pausedReason == null, 'the private chat to resume');
    expect((await h.chat(USERS.ada.id))?.pausedReason).toBeNull();
  });

  it('follows a group to its new supergroup id: subscriptions kept, digests arrive there', async () => {
    await h.ask(CHATS.upgraded, '/subscribe World News', { from: USERS.cleo });
    h.fake.upgradeGroup(CHATS.upgraded, -1002005, USERS.cleo);
    await h.until(async () => (await h.chat(-1002005)) !== null, 'the chat to move to the supergroup');
    expect(await h.chat(CHATS.upgraded)).toBeNull();
    expect(await h.subscriptionsOf(-1002005)).toEqual(['world-news']);
    // The group was allowed by id: its new id is, until the owner writes it down.
    expect(h.logs.some((line) => line.includes('add \\"-1002005\\" to access.telegram.chats'))).toBe(true);
    h.advance(60_000);
    const digest = await h.ask(-1002005, '/digest', { from: USERS.dan });
    expect(digest[0]?.text).toContain('Harbour city approves');
  });
});
