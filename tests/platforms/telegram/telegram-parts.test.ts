import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Api, GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { chatSettingsSchema, type ChatRecord } from '../../../src/store/records.ts';
import { parseBotCommand } from '../../../src/platforms/telegram/bot-command.ts';
import { decodeButton, encodeButton, feedKey, MAX_CALLBACK_DATA_BYTES } from '../../../src/platforms/telegram/callback-data.ts';
import { ChannelSessions, CHANNEL_SESSION_MS } from '../../../src/platforms/telegram/channel-sessions.ts';
import { splitReply } from '../../../src/platforms/telegram/reply-chunks.ts';
import { settingsKeyboard } from '../../../src/platforms/telegram/settings-keyboard.ts';
import { telegramChannel } from '../../../src/platforms/telegram/telegram-channel.ts';
import { loggableError, toDeliveryError } from '../../../src/platforms/telegram/telegram-errors.ts';
import { webhookSecret } from '../../../src/platforms/telegram/telegram-runtime.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { digest, NOW, story } from '../../render/hostile-digest.ts';

const command = (text: string) => ({ text, entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] });

function chatRecord(overrides: Partial<ChatRecord> = {}): ChatRecord {
  const settings = chatSettingsSchema.parse({ cron: '0 8 * * *', timezone: 'Europe/Paris', stories: 5 });
  return { id: 123_456_789, platform: 'telegram', chatId: '-1001234567890', threadId: null, kind: 'group', title: 'Team', settings, pausedReason: null, lastDigestAt: null, createdAt: 0, ...overrides };
}

function grammyError(code: number, description: string, parameters: Record<string, number> = {}): GrammyError {
  return new GrammyError(`Call to 'sendMessage' failed! (${code}: ${description})`, { ok: false, error_code: code, description, parameters }, 'sendMessage', {});
}

describe('Telegram commands as messages carry them', () => {
  it('reads the command at the start of a text or caption, for this bot only', () => {
    expect(parseBotCommand(command('/Subscribe@Precis_Test_Bot  https://x.org/rss '), 'precis_test_bot')).toEqual({ name: 'subscribe', args: 'https://x.org/rss', addressed: true });
    expect(parseBotCommand(command('/digest'), 'precis_test_bot')).toEqual({ name: 'digest', args: '', addressed: false });
    expect(parseBotCommand(command('/digest@other_bot'), 'precis_test_bot')).toBeNull();
    expect(parseBotCommand({ caption: '/import', caption_entities: [{ type: 'bot_command', offset: 0, length: 7 }] }, 'precis_test_bot')).toEqual({ name: 'import', args: '', addressed: false });
    // A command that is not at the start is no command (as grammY's bot.command has it).
    expect(parseBotCommand({ text: 'see /help', entities: [{ type: 'bot_command', offset: 4, length: 5 }] }, 'precis_test_bot')).toBeNull();
    // "/" without an entity (a path, typed text) is not a command either.
    expect(parseBotCommand({ text: '/etc/passwd' }, 'precis_test_bot')).toBeNull();
  });

  it('splits long answers at line breaks under 4096 characters, never inside an emoji', () => {
    const lines = Array.from({ length: 300 }, (_, index) => `• Feed number ${index} — ${'x'.repeat(20)}`);
    const parts = splitReply(lines.join('\n'));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.length <= 4096)).toBe(true);
    expect(parts.join('\n')).toBe(lines.join('\n'));
    const emoji = splitReply('😀'.repeat(3000));
    expect(emoji.every((part) => part.length <= 4096 && !/[\ud800-\udbff]$/.test(part))).toBe(true);
    expect(emoji.join('')).toBe('😀'.repeat(3000));
    expect(splitReply('')).toEqual(['…']);
  });
});

describe('inline keyboards', () => {
  it('encodes button actions within 64 bytes and refuses data it never wrote', () => {
    const actions = [
      { kind: 'setting', chatRef: 123_456_789_012, key: 'quiet_hours', value: '22:30-06:45' },
      { kind: 'unsubscribe', chatRef: 1, feedKey: feedKey('a-very-long-feed-id-'.repeat(10)) },
      { kind: 'label', chatRef: 7, key: 'stories' },
    ] as const;
    for (const action of actions) {
      const data = encodeButton(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
      expect(decodeButton(data)).toEqual(action);
    }
    expect(decodeButton('s:1:stories:8; DROP TABLE')).toBeNull();
    expect(decodeButton('x:1')).toBeNull();
    expect(() => encodeButton({ kind: 'setting', chatRef: 1, key: 'stories', value: 'x'.repeat(70) })).toThrow(RangeError);
  });

  it('offers every Telegram setting with the current value ticked, and a custom value too', () => {
    const chat = chatRecord({ settings: { ...chatRecord().settings, stories: 12, quietHours: { from: 1350, to: 405 } } });
    const rows = settingsKeyboard(chat, 'en').inline_keyboard;
    expect(rows.map((row) => row[0]?.text)).toEqual(['📰', '🌐', '💬', '🌙']);
    expect(rows[0]?.map((button) => button.text)).toEqual(['📰', '3', '5', '8', '10', '✓ 12', '15']);
    expect(rows[3]?.map((button) => button.text)).toEqual(['🌙', 'none', '22:00–07:00', '23:00–08:00', '21:00–06:00', '✓ 22:30-06:45']);
    for (const button of rows.flat()) expect(Buffer.byteLength('callback_data' in button ? button.callback_data : '')).toBeLessThanOrEqual(64);
  });
});

describe('small state', () => {
  it('remembers the channel a user manages for an hour after their last command', () => {
    let now = 0;
    const sessions = new ChannelSessions(() => now);
    sessions.start(42, { channelId: -100, title: 'News' });
    now = CHANNEL_SESSION_MS - 1;
    expect(sessions.current(42)).toEqual({ channelId: -100, title: 'News' });
    now += CHANNEL_SESSION_MS - 1;
    expect(sessions.current(42)?.title).toBe('News');
    now += CHANNEL_SESSION_MS;
    expect(sessions.current(42)).toBeNull();
    sessions.start(42, { channelId: -100, title: 'News' });
    expect(sessions.end(42)?.channelId).toBe(-100);
    expect(sessions.current(42)).toBeNull();
  });
});

describe('Telegram failures in the delivery core’s terms', () => {
  it('maps Bot API answers to permanent, migrated, rate-limited, transient and invalid', () => {
    expect(toDeliveryError(grammyError(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({ kind: 'permanent', facts: { status: 403 } });
    expect(toDeliveryError(grammyError(403, 'Forbidden: bot was kicked from the supergroup chat'))).toMatchObject({ kind: 'permanent' });
    expect(toDeliveryError(grammyError(400, 'Bad Request: chat not found'))).toMatchObject({ kind: 'permanent' });
    expect(toDeliveryError(grammyError(400, 'Bad Request: TOPIC_CLOSED'))).toMatchObject({ kind: 'permanent' });
    expect(toDeliveryError(grammyError(400, 'Bad Request: message thread not found'))).toMatchObject({ kind: 'permanent' });
    expect(toDeliveryError(grammyError(400, 'Bad Request: not enough rights to send text messages to the chat'))).toMatchObject({ kind: 'permanent' });
    expect(toDeliveryError(grammyError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1009 }))).toMatchObject({ kind: 'migrated', facts: { migrateToChatId: '-1009' } });
    expect(toDeliveryError(grammyError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }))).toMatchObject({ kind: 'rate_limited', facts: { retryAfterMs: 7000 } });
    expect(toDeliveryError(grammyError(502, 'Bad Gateway'))).toMatchObject({ kind: 'transient' });
    expect(toDeliveryError(grammyError(400, "Bad Request: can't parse entities: Unexpected end tag"))).toMatchObject({ kind: 'invalid' });
  });

  it('keeps the bot token, which network errors carry in their URL, out of messages and logs', () => {
    const token = '123456:SECRET-token';
    const cause = Object.assign(new Error(`request to https://api.telegram.org/bot${token}/sendMessage failed, reason: getaddrinfo ENOTFOUND api.telegram.org`), { code: 'ENOTFOUND' });
    const error = new HttpError("Network request for 'sendMessage' failed!", cause);
    const delivery = toDeliveryError(error);
    expect(delivery).toMatchObject({ kind: 'transient', description: "network error: Network request for 'sendMessage' failed! (getaddrinfo ENOTFOUND api.telegram.org)" });
    const logged = loggableError(error) as Error;
    expect(JSON.stringify({ message: logged.message, name: logged.name, own: Object.entries(logged) })).not.toContain(token);
    expect(logged.message).toContain('ENOTFOUND');
  });
});

describe('the Telegram delivery channel', () => {
  it('marks digests made during quiet hours silent, and only those', () => {
    const channel = telegramChannel(new Api('1:x', { apiRoot: 'http://127.0.0.1:1' }));
    // NOW is 09:41 in Paris.
    const quiet = chatRecord({ settings: { ...chatRecord().settings, quietHours: { from: 9 * 60, to: 10 * 60 } } });
    const loud = chatRecord({ settings: { ...chatRecord().settings, quietHours: { from: 22 * 60, to: 7 * 60 } } });
    const payloads = channel.render(digest([story({ id: 'a' })]), quiet);
    expect(payloads.every((payload) => (JSON.parse(payload) as { silent?: boolean }).silent === true)).toBe(true);
    expect(channel.render(digest([story({ id: 'a' })]), loud).some((payload) => 'silent' in (JSON.parse(payload) as object))).toBe(false);
    expect(new Date(NOW).toISOString()).toBe('2024-11-06T08:41:00.000Z');
  });

  it('derives a webhook secret Telegram accepts, stable for a token', () => {
    expect(webhookSecret('1:a')).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(webhookSecret('1:a')).toBe(webhookSecret('1:a'));
    expect(webhookSecret('1:a')).not.toBe(webhookSecret('1:b'));
  });
});

describe('Telegram configuration from the environment', () => {
  const tempDir = useTempDir();
  const cwd = () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'precis.yaml'), 'feeds: []\n');
    return dir;
  };
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env, cwd());
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.join('\n');
      throw error;
    }
    return '';
  };

  it('reads Telegram user and chat ids for the allow-list, and the webhook settings', () => {
    const config = loadConfig(
      {
        TELEGRAM_BOT_TOKEN: '123:abc',
        PRECIS_ALLOWED_USERS: '123456789, 234567890123456789',
        PRECIS_ALLOWED_CHATS: '-1001234567890,-42',
        TELEGRAM_WEBHOOK_URL: 'https://precis.example.org/tg/hook',
        TELEGRAM_WEBHOOK_PORT: '9000',
      },
      cwd(),
    );
    expect(config.access.telegram).toEqual({ users: ['123456789'], chats: ['-1001234567890', '-42'] });
    expect(config.access.discord.users).toEqual(['234567890123456789']);
    expect(config.telegram?.webhook).toEqual({ url: 'https://precis.example.org/tg/hook', host: '0.0.0.0', port: 9000, path: '/tg/hook', secret: undefined });
    expect(config.limits.feedsPerChat).toBe(50);
  });

  it('refuses webhook settings Telegram would not work with, naming the variable', () => {
    expect(problems({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'http://precis.example.org/hook' })).toContain('TELEGRAM_WEBHOOK_URL: must be an https:// URL');
    // A self-hosted Bot API server calls plain HTTP webhooks.
    expect(problems({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081', TELEGRAM_WEBHOOK_URL: 'http://precis:8080/hook' })).toBe('');
    expect(problems({ TELEGRAM_WEBHOOK_URL: 'https://precis.example.org/hook' })).toContain('TELEGRAM_BOT_TOKEN is not');
    expect(problems({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'https://x.org/h', TELEGRAM_WEBHOOK_PORT: '70000', TELEGRAM_WEBHOOK_SECRET: 'has spaces' })).toMatch(
      /TELEGRAM_WEBHOOK_PORT: is not a port number[\s\S]*TELEGRAM_WEBHOOK_SECRET: must be 1–256 characters/,
    );
    expect(problems({ PRECIS_ALLOWED_CHATS: 'my-group' })).toContain('PRECIS_ALLOWED_CHATS: must be Telegram chat ids');
  });
});
