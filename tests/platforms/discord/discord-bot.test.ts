import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/commands/command-registry.ts';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.ts';

let bot: DiscordHarness;
beforeAll(async () => {
  bot = await startDiscordHarness();
});
afterAll(async () => {
  await bot.close();
});

describe('the Discord bot against a strict fake Discord', () => {
  it('logs in with only the Guilds intent and registers every shared command, in English and French', () => {
    expect(bot.fake.identifies.map((identify) => identify.intents)).toEqual([1]);
    const registered = bot.fake.commands.global ?? [];
    expect(registered.map((command) => command.name)).toEqual(COMMANDS.map((command) => command.name));
    for (const command of registered) expect((command.description_localizations as Record<string, string>).fr).toBeTruthy();
    const subscribe = registered.find((command) => command.name === 'subscribe')!;
    expect(subscribe.default_member_permissions).toBe('16');
    expect(registered.find((command) => command.name === 'digest')!.default_member_permissions).toBeUndefined();
  });

  it('lets a member with Manage Channels subscribe a channel, and /digest posts one embed per story', async () => {
    const channel = bot.newChannel('news');
    const subscribed = await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    expect(subscribed.content).toContain('Subscribed to World Topics');
    const digest = await bot.asMember(channel, 'digest');
    expect(digest.deferred).toBe(true);
    expect(digest.content).toMatch(/Here is the digest: \d+ stories/);
    const posted = bot.fake.messagesIn(channel.id);
    expect(posted.length).toBeGreaterThan(0);
    const embeds = posted.flatMap((message) => message.embeds);
    expect(embeds.length).toBe(5);
    expect(embeds.map((embed) => embed.title)).toContain('Harbour bridge reopens after long repairs');
    for (const message of posted) expect(message.allowedMentions).toEqual({ parse: [] });
    expect(bot.fake.refusals).toEqual([]);
  });
});
