import { Api, type Transformer } from 'grammy';
import { describe, expect, it } from 'vitest';
import { sleepFor } from '../../../src/delivery/delivery-context.ts';
import { TELEGRAM_LIMITS } from '../../../src/delivery/send/channel-limits.ts';
import { SendThrottle } from '../../../src/delivery/send/send-throttle.ts';
import { replyChat, replyPacing } from '../../../src/platforms/telegram/reply-pacing.ts';
import { settle, useFakeTime } from '../../delivery/support/fake-time.ts';

useFakeTime('2025-01-06T08:00:00Z');

/** A Bot API stand-in under the transformer: records each call that reaches it, answering 429 to the first `tooMany`. */
function recordingApi(throttle: SendThrottle, tooMany = 0) {
  const calls: { method: string; chatId: unknown; at: number }[] = [];
  let refusals = tooMany;
  const answer = (method: string, payload: { chat_id?: unknown }) => {
    calls.push({ method, chatId: payload.chat_id, at: Date.now() });
    if (method.startsWith('send') && refusals-- > 0) return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } };
    if (method === 'getChatMember') return { ok: true, result: { status: 'member', user: { id: 7, is_bot: false, first_name: 'Ada' } } };
    if (method === 'sendChatAction') return { ok: true, result: true };
    return { ok: true, result: { message_id: calls.length, date: 0, chat: { id: payload.chat_id, type: 'private', first_name: 'Ada' }, text: 'ok' } };
  };
  const bottom = ((_prev: unknown, method: string, payload: { chat_id?: unknown }) => Promise.resolve(answer(method, payload))) as unknown as Transformer;
  const api = new Api('123:abc');
  api.config.use(bottom);
  api.config.use(replyPacing(throttle, Date.now));
  return { api, calls };
}

describe('replyPacing', () => {
  it('keys a call by its chat as the delivery core does', () => {
    expect(replyChat({ chat_id: 42, text: 'hi' })).toEqual({ key: '42', kind: 'private' });
    expect(replyChat({ chat_id: -1001234, text: 'hi' })).toEqual({ key: '-1001234', kind: 'group' });
    expect(replyChat({ chat_id: '@morningbrief', text: 'hi' })).toEqual({ key: '@morningbrief', kind: 'group' });
    expect(replyChat({ callback_query_id: 'x' })).toBeNull();
  });

  it('sends an answer in the chat’s next turn after its digest, lookups and “typing…” at once', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, { now: Date.now, sleep: sleepFor });
    const { api, calls } = recordingApi(throttle);
    const start = Date.now();
    (await throttle.acquire({ key: '42', kind: 'private' }))();
    const answer = api.sendMessage(42, 'Your feeds: …');
    await api.getChatMember(42, 7);
    await api.sendChatAction(42, 'typing');
    await settle(api.sendMessage(43, 'Someone else’s answer'), 1000, 5);
    await settle(answer);
    const at = (method: string, chatId: number) => (calls.find((call) => call.method === method && call.chatId === chatId)?.at ?? NaN) - start;
    expect(at('getChatMember', 42)).toBe(0);
    expect(at('sendChatAction', 42)).toBe(0);
    expect(at('sendMessage', 43)).toBeLessThan(100);
    expect(at('sendMessage', 42)).toBeGreaterThanOrEqual(1000);
    expect(at('sendMessage', 42)).toBeLessThanOrEqual(1100);
  });

  it('after a 429, holds the chat’s digests back for its retry_after too, and retries the answer once it has passed', async () => {
    const throttle = new SendThrottle(TELEGRAM_LIMITS, { now: Date.now, sleep: sleepFor });
    const { api, calls } = recordingApi(throttle, 1);
    const start = Date.now();
    const sending = api.sendMessage(42, 'Subscribed.');
    await settle(new Promise((resolve) => setTimeout(resolve, 100)));
    expect(calls).toHaveLength(1);
    const digest = throttle.acquire({ key: '42', kind: 'private' }).then((done) => {
      done();
      return Date.now() - start;
    });
    const [sent, digestAt] = await settle(Promise.all([sending, digest]));
    expect(sent.message_id).toBe(2);
    expect(digestAt).toBeGreaterThanOrEqual(3000);
    expect(calls[1]!.at - start).toBeGreaterThanOrEqual(3000);
  });
});
