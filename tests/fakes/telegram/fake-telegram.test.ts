import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from './fake-telegram.ts';

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
