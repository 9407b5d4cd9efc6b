import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/delivery/delivery-error.ts';
import { discordChannel } from '../../../src/platforms/discord/discord-channel.ts';
import { createDiscordClient } from '../../../src/platforms/discord/discord-client.ts';
import type { ChatRecord } from '../../../src/store/records.ts';
import { FakeDiscord } from '../../fakes/discord/fake-discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

function chatFor(channelId: string): ChatRecord {
  const settings = { cron: '0 8 * * *', timezone: 'UTC', stories: 5, lang: null, postWhenEmpty: false, include: [], exclude: [], languages: [] };
  return { id: 1, platform: 'discord', chatId: channelId, threadId: null, kind: 'group', title: null, settings, pausedReason: null, lastDigestAt: null, createdAt: 0 };
}

describe('the Discord delivery channel', () => {
  it('hands a long rate limit back to the delivery core instead of waiting inside the send', async () => {
    const guild = fake.addGuild({ name: 'Rate Limited' });
    const channel = fake.addChannel({ guild, name: 'slow' });
    const client = createDiscordClient(fake.apiRoot);
    client.rest.setToken(fake.token);
    const discord = discordChannel(client);
    fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 30);
    const started = Date.now();
    const failure = await discord.send(chatFor(channel.id), JSON.stringify({ content: 'hello', embeds: [] })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ kind: 'rate_limited' });
    expect((failure as DeliveryError).facts.retryAfterMs).toBeGreaterThanOrEqual(29_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    const sent = await discord.send(chatFor(channel.id), JSON.stringify({ content: 'hello again', embeds: [] }));
    expect(sent).toBe(fake.messagesIn(channel.id)[0]!.id);
    client.rest.clearHashSweeper();
    client.rest.clearHandlerSweeper();
  });
});
