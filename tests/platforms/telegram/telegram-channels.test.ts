import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMessage } from '../../fakes/telegram/fake-telegram.ts';
import { CHATS, startTelegramHarness, USERS, type TelegramHarness } from './telegram-harness.ts';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h.close();
});

async function post(channelId: number, text: string): Promise<SentMessage[]> {
  const since = h.fake.messagesTo(channelId).length;
  h.fake.channelPost(channelId, text);
  return h.messagesAfter(channelId, since);
}

describe('the Telegram bot in channels', () => {
  it('takes commands from channel posts (their authors are the channel’s administrators)', async () => {
    const [subscribed] = await post(CHATS.morning, '/subscribe@precis_test_bot World News');
    expect(subscribed?.text).toBe('Subscribed to World News.');
    expect(subscribed?.params.reply_parameters).toBeUndefined();
    expect((await h.chat(CHATS.morning))?.kind).toBe('channel');
    const digest = await post(CHATS.morning, '/digest');
    expect(digest[0]?.parse_mode).toBe('HTML');
    expect(digest[0]?.text).toContain('Harbour city approves');
  });

  it('answers a channel that is not allowed with its id only (a channel post has no author)', async () => {
    const [denied] = await post(CHATS.evening, '/subscribe World News');
    expect(denied?.text).toContain(`this chat’s id ${CHATS.evening} to access.telegram.chats (or PRECIS_ALLOWED_CHATS)`);
    expect(denied?.text).not.toContain('your user id');
    expect(await h.chat(CHATS.evening)).toBeNull();
  });

  it('is set up from a private chat by forwarding a post of the channel: commands there apply to the channel', async () => {
    const privateChat = USERS.ada.id;
    let since = h.fake.messagesTo(privateChat).length;
    h.fake.forwardFromChannel(privateChat, CHATS.evening, { from: USERS.ada });
    const [managing] = await h.messagesAfter(privateChat, since);
    expect(managing?.text).toMatch(/^📢 You are now managing «Evening Brief» from here \(0 feeds\)/);

    const [subscribed] = await h.ask(privateChat, '/subscribe Actualités', { from: USERS.ada });
    expect(subscribed?.text).toBe('Subscribed to Actualités.');
    expect(await h.subscriptionsOf(CHATS.evening)).toEqual(['actualites']);
    expect(await h.subscriptionsOf(privateChat)).toEqual([]);

    since = h.fake.messagesTo(CHATS.evening).length;
    const [posted] = await h.ask(privateChat, '/digest', { from: USERS.ada });
    expect(posted?.text).toMatch(/^📰 Digest posted to «Evening Brief»: \d+ stor(y|ies)\.$/);
    const [digest] = await h.messagesAfter(CHATS.evening, since);
    expect(digest?.text).toMatch(/Lyon adopte un plan vélo|Corée du Nord|Tempête/);

    const [settings] = await h.ask(privateChat, '/settings', { from: USERS.ada });
    expect(settings?.text).toMatch(/^⚙️ Settings of «Evening Brief» — tap to change:/);
    const ten = (settings?.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard[0]!.find((entry) => entry.text === '10')!;
    const query = h.fake.pressButton(privateChat, settings!.message_id, ten.callback_data, USERS.ada);
    await h.fake.waitFor(() => h.fake.callbackQueries.get(query)?.answer !== null, 'the answer');
    expect((await h.chat(CHATS.evening))?.settings.stories).toBe(10);

    const [done] = await h.ask(privateChat, '/done', { from: USERS.ada });
    expect(done?.text).toBe('Done with «Evening Brief». Commands apply to this chat again.');
    const [list] = await h.ask(privateChat, '/list', { from: USERS.ada });
    expect(list?.text).toMatch(/^No feeds yet/);
  });

  it('refuses to set up a channel for a user who does not administer it, or where the bot cannot post', async () => {
    let since = h.fake.messagesTo(USERS.ben.id).length;
    h.fake.forwardFromChannel(USERS.ben.id, CHATS.evening, { from: USERS.ben });
    const [refused] = await h.messagesAfter(USERS.ben.id, since);
    expect(refused?.text).toBe('Seuls les administrateurs de «Evening Brief» peuvent régler ses digests.');

    h.fake.addChat({ id: -1003003, type: 'channel', title: 'Elsewhere' }).setMember(-1003003, { id: h.fake.bot.id, first_name: 'Précis', is_bot: true }, 'left');
    since = h.fake.messagesTo(USERS.ada.id).length;
    h.fake.forwardFromChannel(USERS.ada.id, -1003003, { from: USERS.ada });
    const [notAdmin] = await h.messagesAfter(USERS.ada.id, since);
    expect(notAdmin?.text).toMatch(/^I am not an administrator of «Elsewhere»\. Add me to the channel as an administrator allowed to post messages/);
  });
});
