import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSecret } from '../../../src/platforms/telegram/telegram-runtime.ts';
import { startTelegramHarness, USERS, type TelegramHarness } from './telegram-harness.ts';

/** A port free on 127.0.0.1 right now (the webhook URL must name it before the listener starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let h: TelegramHarness;
let port: number;
beforeAll(async () => {
  port = await freePort();
  h = await startTelegramHarness({ runtime: { webhook: { url: `http://127.0.0.1:${port}/telegram/hook`, host: '127.0.0.1', port, path: '/telegram/hook', secret: undefined } } });
});
afterAll(async () => {
  await h.close();
});

function post(body: unknown, headers: Record<string, string> = {}, path = '/telegram/hook'): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('the Telegram bot in webhook mode', () => {
  it('sets its webhook with a secret token and takes the updates Telegram posts there', async () => {
    expect(h.fake.webhook).toEqual({ url: `http://127.0.0.1:${port}/telegram/hook`, secret: webhookSecret(h.fake.token), allowedUpdates: ['message', 'channel_post', 'callback_query', 'my_chat_member'] });
    expect(h.fake.calls.some((call) => call.method === 'getUpdates')).toBe(false);
    const [welcome] = await h.ask(USERS.ada.id, '/start', { from: USERS.ada });
    expect(welcome?.text).toMatch(/^Hello! Précis sums up the news/);
    expect(h.fake.webhookDeliveries.at(-1)?.status).toBe(200);
    expect(h.logs.some((line) => line.includes(`receives updates at http://127.0.0.1:${port}/telegram/hook`))).toBe(true);
  });

  it('refuses requests without the right secret token, and anything that is not an update', async () => {
    const update = { update_id: 999_001, message: { message_id: 1, date: 0, chat: { id: USERS.ada.id, type: 'private' }, from: { id: USERS.ada.id, is_bot: false, first_name: 'Ada' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } };
    const before = h.fake.messagesTo(USERS.ada.id).length;
    expect((await post(update)).status).toBe(401);
    expect((await post(update, { 'x-telegram-bot-api-secret-token': 'guess' })).status).toBe(401);
    expect((await post(update, { 'x-telegram-bot-api-secret-token': webhookSecret(h.fake.token) }, '/elsewhere')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/telegram/hook`)).status).toBe(405);
    expect((await post({ hello: 'world' }, { 'x-telegram-bot-api-secret-token': webhookSecret(h.fake.token) })).status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.messagesTo(USERS.ada.id)).toHaveLength(before);
    // With the secret, the same update is taken.
    h.advance(60_000);
    expect((await post(update, { 'x-telegram-bot-api-secret-token': webhookSecret(h.fake.token) })).status).toBe(200);
    await h.messagesAfter(USERS.ada.id, before);
  });
});
