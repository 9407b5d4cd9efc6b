import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTelegram, type FakeUser } from './fake-telegram.ts';
import { commandEntities } from './update-builders.ts';

const ada: FakeUser = { id: 42, first_name: 'Ada', language_code: 'fr' };

let fake: FakeTelegram;
let api: Api;

beforeEach(async () => {
  fake = new FakeTelegram();
  api = new Api(fake.token, { apiRoot: await fake.start() });
  fake.addChat({ id: 42, type: 'private', first_name: 'Ada' }).addChat({ id: -100, type: 'group', title: 'Team' });
});
afterEach(async () => {
  await fake.stop();
});

async function refusal(call: Promise<unknown>): Promise<{ code: number; description: string; parameters: unknown }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GrammyError) return { code: error.error_code, description: error.description, parameters: error.parameters };
    throw error;
  }
  throw new Error('the call was accepted');
}

describe('fake Telegram Bot API: sendMessage through grammY', () => {
  it('answers getMe, records accepted messages with their parsed text', async () => {
    expect((await api.getMe()).username).toBe('precis_test_bot');
    const sent = await api.sendMessage(42, '<b>Hello</b> &amp; welcome', { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(sent).toMatchObject({ message_id: 1, text: 'Hello & welcome', chat: { id: 42, type: 'private' }, entities: [{ type: 'bold', offset: 0, length: 5 }] });
    expect(fake.messagesTo(42)).toMatchObject([{ text: 'Hello & welcome', parse_mode: 'HTML', params: { link_preview_options: { is_disabled: true } } }]);
  });

  it('takes multipart bodies too (grammY sends them with files)', async () => {
    fake.handle('sendDocument', (params) => {
      const document = params.document as { filename: string } | undefined;
      return { message_id: 99, caption: params.caption, file: document?.filename ?? Object.keys(params).join(',') };
    });
    const sent = (await api.sendDocument(42, new InputFile(Buffer.from('hello'), 'hello.txt'), { caption: 'a file' })) as unknown as { caption: string; file: string };
    expect(sent).toMatchObject({ caption: 'a file', file: 'hello.txt' });
  });

  it('refuses what Telegram refuses, with Telegram’s answers', async () => {
    expect(await refusal(api.sendMessage(42, 'a <br> b', { parse_mode: 'HTML' }))).toMatchObject({ code: 400, description: expect.stringMatching(/^Bad Request: can't parse entities: /) as string });
    expect(await refusal(api.sendMessage(42, '<b>x</i>', { parse_mode: 'HTML' }))).toMatchObject({ code: 400, description: expect.stringMatching(/^Bad Request: can't parse entities: /) as string });
    expect(await refusal(api.sendMessage(42, 'Tom & Jerry', { parse_mode: 'HTML' }))).toMatchObject({ code: 400, description: expect.stringMatching(/^Bad Request: can't parse entities: /) as string });
    // Without parse_mode, & and < are just text.
    expect((await api.sendMessage(42, 'Tom & Jerry <3')).text).toBe('Tom & Jerry <3');
    expect(await refusal(api.sendMessage(42, '<b> </b>', { parse_mode: 'HTML' }))).toMatchObject({ code: 400, description: 'Bad Request: message text is empty' });
    expect(await refusal(api.sendMessage(42, ''))).toMatchObject({ code: 400, description: 'Bad Request: message text is empty' });
    // 4096 characters after entity parsing: tags and entities do not count, UTF-16 units do.
    expect((await api.sendMessage(42, `<b>${'&amp;'.repeat(4096)}</b>`, { parse_mode: 'HTML' })).text).toHaveLength(4096);
    expect(await refusal(api.sendMessage(42, `${'😀'.repeat(2048)}x`))).toMatchObject({ code: 400, description: 'Bad Request: message is too long' });
    expect(await refusal(api.sendMessage(7, 'hi'))).toMatchObject({ code: 400, description: 'Bad Request: chat not found' });
  });

  it('answers 403 for blocked users and kicked bots until allowed again', async () => {
    fake.block(42).kick(-100);
    expect(await refusal(api.sendMessage(42, 'hi'))).toMatchObject({ code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await refusal(api.sendMessage(-100, 'hi'))).toMatchObject({ code: 403, description: 'Forbidden: bot was kicked from the group chat' });
    fake.allow(42);
    expect((await api.sendMessage(42, 'hi')).text).toBe('hi');
  });

  it('tells the new id of a group upgraded to a supergroup', async () => {
    fake.migrateToSupergroup(-100, -1009);
    expect(await refusal(api.sendMessage(-100, 'hi'))).toEqual({
      code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -1009 },
    });
    expect((await api.sendMessage(-1009, 'hi')).chat.type).toBe('supergroup');
  });

  it('rate-limits like Telegram: 1/s per private chat after a small burst, 20/min per group, 30/s overall', async () => {
    for (let i = 0; i < 3; i++) await api.sendMessage(42, `burst ${i}`);
    const limited = await refusal(api.sendMessage(42, 'one too many'));
    expect(limited).toEqual({ code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });

    for (let i = 0; i < 20; i++) await api.sendMessage(-100, `group ${i}`);
    const group = await refusal(api.sendMessage(-100, 'group 21'));
    expect(group.code).toBe(429);
    expect((group.parameters as { retry_after: number }).retry_after).toBeGreaterThan(50);

    for (let id = 1; id <= 40; id++) fake.addChat({ id: 1000 + id, type: 'private', first_name: `u${id}` });
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, index) => api.sendMessage(1001 + index, 'wave')));
    // 24 of this second's 30 were already used above (3 + 20 + the refused ones do not count).
    expect(results.filter((result) => result.status === 'fulfilled').length).toBeLessThanOrEqual(30 - 23);
    expect(fake.tooManyRequests).toBeGreaterThan(30);
  });

  it('fails on demand: 5xx, and connections lost before any answer', async () => {
    fake.failNext('sendMessage', { status: 502 }).dropNext('sendMessage');
    expect(await refusal(api.sendMessage(42, 'a'))).toMatchObject({ code: 502, description: 'Bad Gateway' });
    await expect(api.sendMessage(42, 'b')).rejects.toBeInstanceOf(HttpError);
    expect((await api.sendMessage(42, 'c')).text).toBe('c');
    expect(fake.messages.map((message) => message.text)).toEqual(['c']);
  });

  it('serves queued updates to long polling, confirming by offset', async () => {
    const polling = api.getUpdates({ offset: 0, timeout: 5 });
    fake.pushUpdate({ message: { message_id: 1, date: 0, chat: { id: 42, type: 'private' }, text: '/start' } });
    const first = await polling;
    expect(first.map((update) => update.update_id)).toEqual([1]);
    expect(await api.getUpdates({ offset: 2, timeout: 0 })).toEqual([]);
    expect(await api.getUpdates({ offset: 0, timeout: 0 })).toEqual([]);
  });
});

describe('fake Telegram Bot API: what a bot does besides sending messages', () => {
  it('marks commands with bot_command entities where Telegram would', () => {
    expect(commandEntities('/subscribe@precis_test_bot https://x.org/a?b=/c')).toEqual([{ type: 'bot_command', offset: 0, length: 26 }]);
    expect(commandEntities('see /help, then /list.')).toEqual([
      { type: 'bot_command', offset: 4, length: 5 },
      { type: 'bot_command', offset: 16, length: 5 },
    ]);
    expect(commandEntities('a/b and https://x.org/path')).toEqual([]);
  });

  it('validates and keeps command lists per language', async () => {
    await api.setMyCommands([{ command: 'digest', description: 'Now' }]);
    await api.setMyCommands([{ command: 'digest', description: 'Maintenant' }], { language_code: 'fr' });
    expect(fake.commands.get('default:fr')).toEqual([{ command: 'digest', description: 'Maintenant' }]);
    expect(await api.getMyCommands()).toEqual([{ command: 'digest', description: 'Now' }]);
    expect(await refusal(api.setMyCommands([{ command: 'Digest', description: 'x' }]))).toMatchObject({ code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' });
    expect(await refusal(api.setMyCommands([{ command: 'digest', description: '' }]))).toMatchObject({ description: 'Bad Request: command description must be non-empty' });
  });

  it('reports members by role, the bot’s own membership, and refuses chats that removed the bot', async () => {
    fake.setMember(-100, { id: 5, first_name: 'Owner' }, 'creator').setMember(-100, { id: 6, first_name: 'Mod' }, 'administrator');
    expect((await api.getChatMember(-100, 5)).status).toBe('creator');
    expect((await api.getChatMember(-100, 6)).status).toBe('administrator');
    expect((await api.getChatMember(-100, 7)).status).toBe('member');
    fake.addChat({ id: -1005, type: 'channel', title: 'News' });
    expect(await api.getChatMember(-1005, fake.bot.id)).toMatchObject({ status: 'administrator', can_post_messages: true });
    fake.kick(-100);
    expect(await refusal(api.getChatMember(-100, 5))).toMatchObject({ code: 403, description: 'Forbidden: bot was kicked from the group chat' });
    expect(await refusal(api.getChat(-100))).toMatchObject({ code: 403 });
  });

  it('checks inline keyboards, replies and forum topics', async () => {
    expect(await refusal(api.sendMessage(42, 'x', { reply_markup: { inline_keyboard: [[{ text: 'Go', callback_data: 'é'.repeat(33) }]] } }))).toMatchObject({ description: 'Bad Request: BUTTON_DATA_INVALID' });
    expect(await refusal(api.sendMessage(42, 'x', { reply_markup: { inline_keyboard: [[{ text: '', callback_data: 'a' }]] } }))).toMatchObject({ code: 400 });
    expect(await refusal(api.sendMessage(42, 'x', { reply_parameters: { message_id: 99 } }))).toMatchObject({ description: 'Bad Request: message to be replied not found' });
    expect((await api.sendMessage(42, 'x', { reply_parameters: { message_id: 99, allow_sending_without_reply: true } })).text).toBe('x');
    fake.addChat({ id: -1007, type: 'supergroup', title: 'Forum', is_forum: true }).addTopic(-1007, 12);
    expect((await api.sendMessage(-1007, 'in topic', { message_thread_id: 12 })).message_thread_id).toBe(12);
    expect(await refusal(api.sendMessage(-1007, 'x', { message_thread_id: 13 }))).toMatchObject({ description: 'Bad Request: message thread not found' });
    fake.closeTopic(-1007, 12);
    expect(await refusal(api.sendMessage(-1007, 'x', { message_thread_id: 12 }))).toMatchObject({ description: 'Bad Request: TOPIC_CLOSED' });
  });

  it('delivers button presses, takes one answer per query, and edits messages strictly', async () => {
    const sent = await api.sendMessage(42, '<b>Pick</b>', { parse_mode: 'HTML', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    expect(() => fake.pressButton(42, sent.message_id, 'zzz', ada)).toThrow(/no button/);
    const queryId = fake.pressButton(42, sent.message_id, 'a', ada);
    const [update] = await api.getUpdates({ offset: 0, timeout: 0 });
    expect(update?.callback_query).toMatchObject({ id: queryId, data: 'a', from: { id: 42 }, message: { message_id: sent.message_id, text: 'Pick' } });
    await api.answerCallbackQuery(queryId, { text: 'Done' });
    expect(fake.callbackQueries.get(queryId)?.answer).toEqual({ text: 'Done', show_alert: false });
    expect(await refusal(api.answerCallbackQuery(queryId))).toMatchObject({ description: expect.stringContaining('query is too old') as string });
    await api.editMessageText(42, sent.message_id, '<i>Picked</i> A', { parse_mode: 'HTML' });
    expect(fake.messagesTo(42)[0]).toMatchObject({ text: 'Picked A', edits: 1 });
    expect(await refusal(api.editMessageText(42, sent.message_id, '<i>Picked</i> A', { parse_mode: 'HTML' }))).toMatchObject({ description: expect.stringContaining('message is not modified') as string });
    expect(await refusal(api.editMessageText(42, sent.message_id, '<i>bad</b>', { parse_mode: 'HTML' }))).toMatchObject({ description: expect.stringMatching(/can't parse entities/) as string });
    expect(await refusal(api.editMessageText(42, 999, 'x'))).toMatchObject({ description: 'Bad Request: message to edit not found' });
  });

  it('takes documents with a caption of at most 1024 characters, and serves users’ files through getFile', async () => {
    const sent = await api.sendDocument(42, new InputFile(Buffer.from('<opml/>'), 'feeds.opml'), { caption: '<b>2</b> feeds', parse_mode: 'HTML' });
    expect(sent.caption).toBe('2 feeds');
    expect(fake.documentsTo(42)[0]?.document).toEqual({ file_name: 'feeds.opml', data: Buffer.from('<opml/>') });
    expect(await refusal(api.sendDocument(42, new InputFile(Buffer.from('x'), 'a.txt'), { caption: 'x'.repeat(1025) }))).toMatchObject({ description: 'Bad Request: message caption is too long' });

    const message = fake.userDocument(42, { name: 'mine.opml', content: '<opml version="2.0"/>' }, null, { from: ada });
    const document = message.document as { file_id: string; file_size: number };
    const file = await api.getFile(document.file_id);
    expect(file.file_size).toBe(21);
    const download = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path ?? ''}`);
    expect(await download.text()).toBe('<opml version="2.0"/>');
    expect((await fetch(`${fake.apiRoot}/file/botWRONG/${file.file_path ?? ''}`)).status).toBe(404);
    expect(await refusal(api.getFile('nope'))).toMatchObject({ description: 'Bad Request: invalid file_id' });
  });

  it('filters updates by allowed_updates and ends a poll when a second one starts (two instances)', async () => {
    fake.userMessage(42, 'hello', { from: ada });
    fake.pushUpdate({ edited_message: { message_id: 1, date: 0, chat: { id: 42, type: 'private' }, text: 'x' } });
    const updates = await api.getUpdates({ offset: 0, timeout: 0, allowed_updates: ['message'] });
    expect(updates.map((update) => Object.keys(update)[1])).toEqual(['message']);
    const offset = (updates[0]?.update_id ?? 0) + 1;
    const first = api.getUpdates({ offset, timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = api.getUpdates({ offset, timeout: 0 });
    expect(await refusal(first)).toMatchObject({ code: 409, description: expect.stringContaining('terminated by other getUpdates request') as string });
    await second;
  });

  it('posts updates to a webhook with its secret token, and refuses getUpdates meanwhile', async () => {
    const received: { secret: string | undefined; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ secret: request.headers['x-telegram-bot-api-secret-token'] as string | undefined, body });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await api.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, { secret_token: 's3cret', allowed_updates: ['message'] });
      expect(await refusal(api.getUpdates({ timeout: 0 }))).toMatchObject({ code: 409 });
      expect(await refusal(api.setWebhook('http://127.0.0.1/x', { secret_token: 'no spaces' }))).toMatchObject({ description: 'Bad Request: secret token contains unallowed characters' });
      fake.userMessage(42, '/start', { from: ada });
      await fake.waitFor(() => fake.webhookDeliveries.length === 1, 'the webhook delivery');
      expect(received[0]?.secret).toBe('s3cret');
      expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({ message: { text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } });
      expect(fake.pendingUpdates).toBe(0);
      await api.deleteWebhook();
      expect(await api.getUpdates({ timeout: 0 })).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('announces membership changes and supergroup upgrades as Telegram does', async () => {
    fake.changeBotMembership(42, 'kicked', ada);
    expect(await refusal(api.sendMessage(42, 'hi'))).toMatchObject({ code: 403, description: 'Forbidden: bot was blocked by the user' });
    fake.changeBotMembership(42, 'member', ada);
    expect((await api.sendMessage(42, 'hi')).text).toBe('hi');
    fake.upgradeGroup(-100, -1000100, ada);
    const updates = await api.getUpdates({ offset: 0, timeout: 0 });
    expect(updates.map((update) => update.my_chat_member?.new_chat_member.status ?? update.message?.migrate_to_chat_id ?? update.message?.migrate_from_chat_id)).toEqual(['kicked', 'member', -1000100, -100]);
    expect(await refusal(api.sendMessage(-100, 'hi'))).toMatchObject({ parameters: { migrate_to_chat_id: -1000100 } });
  });
});
