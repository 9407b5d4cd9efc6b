import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDigest } from '../../../src/delivery/deliver-digest.ts';
import { defaultChatSettings } from '../../../src/service/chat-defaults.ts';
import { COMMANDS } from '../../../src/commands/command-registry.ts';
import { findMentions, validateDiscordMessage } from '../../fakes/discord-payload-validator.ts';
import { CHANNEL, snowflake } from '../../fakes/discord/fake-discord.ts';
import { BITS } from '../../fakes/discord/fake-permissions.ts';
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

describe('permissions and access', () => {
  it('refuses /subscribe to a member without Manage Channels, privately, and subscribes nothing', async () => {
    const channel = bot.newChannel('members-only');
    const answer = await bot.asMember(channel, 'subscribe', { feed: 'World Topics' });
    expect(answer.deferred).toBe(false);
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain('Manage Channels');
    expect(await bot.service.store.getChat({ platform: 'discord', chatId: channel.id })).toBeNull();
  });

  it('checks the bot can post in the target channel first and names the missing permission', async () => {
    const channel = bot.newChannel('no-embeds');
    bot.fake.setOverwrites(channel, [{ id: bot.guild.roles[1]!.id, type: 0, allow: 0n, deny: BITS.EmbedLinks }]);
    const answer = await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    expect(answer.content).toContain('Embed Links');
    expect(answer.content).not.toContain('Subscribed');
    const chat = await bot.service.store.getChat({ platform: 'discord', chatId: channel.id });
    expect(chat === null || (await bot.service.store.listSubscriptions(chat.id)).length === 0).toBe(true);
  });

  it('subscribes another channel named in the channel option, checking both the user and the bot there', async () => {
    const general = bot.newChannel('general');
    const digests = bot.newChannel('digests');
    const answer = await bot.asAdmin(general, 'subscribe', { feed: 'World Topics', channel: digests.id });
    expect(answer.content).toContain('Subscribed to World Topics');
    const chat = await bot.service.store.getChat({ platform: 'discord', chatId: digests.id });
    expect(chat).not.toBeNull();
    expect(await bot.service.store.listSubscriptions(chat!.id)).toEqual(['world-topics']);
    expect(await bot.service.store.getChat({ platform: 'discord', chatId: general.id })).toBeNull();
  });

  it('refuses to change another channel where the user lacks Manage Channels', async () => {
    const general = bot.newChannel('general-2');
    const locked = bot.newChannel('locked');
    bot.fake.setOverwrites(locked, [{ id: bot.adminRole.id, type: 0, allow: 0n, deny: BITS.ManageChannels }]);
    const answer = await bot.asAdmin(general, 'subscribe', { feed: 'World Topics', channel: locked.id });
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain('Manage Channels permission in #locked');
    expect(await bot.service.store.getChat({ platform: 'discord', chatId: locked.id })).toBeNull();
  });

  it('answers a server outside the allow-list with the ids to allow', async () => {
    const other = bot.fake.addGuild({ name: 'Stranger Server' });
    const channel = bot.fake.addChannel({ guild: other, name: 'lobby' });
    const stranger = { id: snowflake(), username: 'stranger' };
    bot.fake.addMember(other, stranger.id);
    const answer = await bot.fake.command({ user: stranger, guildId: other.id, channelId: channel.id, command: 'digest' });
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain(other.id);
    expect(answer.content).toContain(stranger.id);
    expect(answer.content).toContain('PRECIS\\_ALLOWED\\_GUILDS');
    const choices = await bot.fake.autocomplete({ user: stranger, guildId: other.id, channelId: channel.id, command: 'timezone', focused: 'zone', options: { zone: 'par' } });
    expect(choices).toEqual([]);
  });

  it('lets an allowed user get personal digests in a direct message', async () => {
    const subscribed = await bot.fake.command({ user: bot.dmUser, guildId: null, channelId: bot.dm.id, command: 'subscribe', options: { feed: 'World Topics' } });
    expect(subscribed.content).toContain('Subscribed to World Topics');
    const digest = await bot.fake.command({ user: bot.dmUser, guildId: null, channelId: bot.dm.id, command: 'digest' });
    expect(digest.content).toContain('Here is the digest');
    expect(bot.fake.messagesIn(bot.dm.id).flatMap((message) => message.embeds).length).toBe(5);
  });

  it('rate-limits /digest per channel with a polite wait', async () => {
    const channel = bot.newChannel('busy');
    await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    const first = await bot.asMember(channel, 'digest');
    expect(first.content).toContain('Here is the digest');
    const second = await bot.asMember(channel, 'digest');
    expect(second.ephemeral).toBe(true);
    expect(second.content).toMatch(/try again in \d+ s/);
  });
});

describe('rendering within Discord’s limits', () => {
  it('splits a digest whose stories exceed one message into several valid messages', async () => {
    const channel = bot.newChannel('long-reads');
    await bot.asAdmin(channel, 'subscribe', { feed: 'Long Reads' });
    const settings = await bot.asAdmin(channel, 'settings', { stories: 20 });
    expect(settings.content).toContain('20');
    await bot.asMember(channel, 'digest');
    const posted = bot.fake.messagesIn(channel.id);
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.flatMap((message) => message.embeds).length).toBe(14);
    for (const message of posted) {
      expect(validateDiscordMessage({ content: message.content, embeds: message.embeds })).toEqual([]);
      expect(message.embeds.length).toBeLessThanOrEqual(10);
    }
    expect(bot.fake.refusals).toEqual([]);
  });

  it('never lets hostile feed text mention anyone or break an embed', async () => {
    const channel = bot.newChannel('hostile');
    const subscribed = await bot.asAdmin(channel, 'subscribe', { feed: 'Hostile Feed' });
    expect(subscribed.content).toContain('Subscribed');
    await bot.asMember(channel, 'digest');
    const byUrl = await bot.asAdmin(channel, 'subscribe', { feed: bot.feeds.url('/hostile.xml') });
    const posted = bot.fake.messagesIn(channel.id);
    expect(posted.length).toBeGreaterThan(0);
    for (const message of posted) {
      expect(message.allowedMentions).toEqual({ parse: [] });
      expect(findMentions(JSON.stringify(message.embeds) + message.content)).toEqual([]);
    }
    expect(byUrl.content).toContain('everyone Hostile');
    expect(findMentions(byUrl.content)).toEqual([]);
    const shown = JSON.stringify(posted.map((message) => message.embeds));
    expect(shown).toContain('everyone');
    expect(shown).toContain('123456789012345678');
    expect(bot.fake.refusals).toEqual([]);
  });
});

describe('robustness', () => {
  it('pauses the subscription of a channel deleted while the bot was away, with the reason', async () => {
    const channel = bot.newChannel('doomed');
    await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    const chat = (await bot.service.store.getChat({ platform: 'discord', chatId: channel.id }))!;
    bot.fake.deleteChannel(channel, { silently: true });
    const run = await deliverDigest(bot.service.delivery, chat, { kind: 'on_demand', slotKey: null });
    expect(run.outcome).toBe('paused');
    const paused = (await bot.service.store.getChatById(chat.id))!;
    expect(paused.pausedReason).toContain('Unknown Channel');
    expect(bot.fake.refusals.at(-1)).toMatchObject({ status: 404, body: { code: 10003 } });
    bot.fake.refusals.length = 0;
  });

  it('pauses a channel as soon as Discord says it was deleted', async () => {
    const channel = bot.newChannel('deleted-live');
    await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    const chat = (await bot.service.store.getChat({ platform: 'discord', chatId: channel.id }))!;
    bot.fake.deleteChannel(channel);
    await expect.poll(async () => (await bot.service.store.getChatById(chat.id))?.pausedReason, { timeout: 5000 }).toContain('deleted');
  });

  it('pauses every channel of a server that removed the bot', async () => {
    const server = bot.fake.addGuild({ name: 'Short-lived Server', ownerId: bot.admin.id });
    const channel = bot.fake.addChannel({ guild: server, name: 'short-lived' });
    // A channel Précis delivers to in that server (as if subscribed while the server was allowed).
    await bot.service.store.ensureChat({ platform: 'discord', chatId: channel.id }, { kind: 'group', title: '#short-lived' }, defaultChatSettings(bot.service.config), Date.now());
    bot.fake.kickBot(server);
    await expect.poll(async () => (await bot.service.store.getChat({ platform: 'discord', chatId: channel.id }))?.pausedReason, { timeout: 5000 }).toContain('removed from the server');
  });

  it('pauses on Missing Permissions, and resumes when the permission is given back', async () => {
    const channel = bot.newChannel('revoked');
    await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    const chat = (await bot.service.store.getChat({ platform: 'discord', chatId: channel.id }))!;
    const botRole = bot.guild.roles[1]!.id;
    bot.fake.setOverwrites(channel, [{ id: botRole, type: 0, allow: 0n, deny: BITS.SendMessages }]);
    const run = await deliverDigest(bot.service.delivery, chat, { kind: 'on_demand', slotKey: null });
    expect(run.outcome).toBe('paused');
    expect((await bot.service.store.getChatById(chat.id))!.pausedReason).toContain('Missing Permissions');
    bot.fake.refusals.length = 0;
    bot.fake.setOverwrites(channel, []);
    await expect.poll(async () => (await bot.service.store.getChatById(chat.id))?.pausedReason, { timeout: 6000 }).toBeNull();
  });

  it('waits out 429s (per route and global) and still delivers every message', async () => {
    const channel = bot.newChannel('rate-limited');
    await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    bot.fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.2);
    bot.fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.1, true);
    const answer = await bot.asMember(channel, 'digest');
    expect(answer.content).toContain('Here is the digest');
    expect(bot.fake.messagesIn(channel.id).flatMap((message) => message.embeds).length).toBe(5);
    expect(bot.fake.refusals.filter((refusal) => refusal.status === 429)).toHaveLength(2);
    bot.fake.refusals.length = 0;
  });

  it('fans a digest out to 60 channels within Discord’s global limit of 50 requests a second, without a 429', async () => {
    const settings = defaultChatSettings(bot.service.config);
    const chats = [];
    for (let index = 0; index < 60; index++) {
      const channel = bot.newChannel(`fan-${index}`);
      const chat = await bot.service.store.ensureChat({ platform: 'discord', chatId: channel.id }, { kind: 'group', title: channel.name }, settings, Date.now());
      await bot.service.store.subscribe(chat.id, 'world-topics', Date.now());
      chats.push(chat);
    }
    const started = Date.now();
    const runs = await Promise.all(chats.map((chat) => deliverDigest(bot.service.delivery, chat, { kind: 'on_demand', slotKey: null })));
    const elapsed = Date.now() - started;
    expect(runs.every((run) => run.outcome === 'sent')).toBe(true);
    for (const chat of chats) expect(bot.fake.messagesIn(chat.chatId)).toHaveLength(1);
    expect(bot.fake.refusals.filter((refusal) => refusal.status === 429)).toEqual([]);
    expect(elapsed).toBeGreaterThanOrEqual(1000); // 60 sends cannot fit in one second at 50/s
    console.log(`fan-out: 60 Discord channels in ${elapsed} ms`);
  });

  it('resumes the gateway session after a disconnect and keeps answering', async () => {
    const channel = bot.newChannel('after-drop');
    const resumes = bot.fake.resumes;
    bot.fake.dropGateway();
    await bot.fake.waitFor(() => bot.fake.resumes > resumes, 'a RESUME', 10_000);
    const answer = await bot.asMember(channel, 'help');
    expect(answer.content).toContain('/subscribe');
    expect(bot.fake.identifies).toHaveLength(1);
  });
});

describe('autocomplete', () => {
  it('offers the channel’s feeds for /unsubscribe, and unsubscribes the one chosen', async () => {
    const channel = bot.newChannel('two-feeds');
    await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    await bot.asAdmin(channel, 'subscribe', { feed: 'Long Reads' });
    const all = await bot.fake.autocomplete({ user: bot.admin, guildId: bot.guild.id, channelId: channel.id, command: 'unsubscribe', focused: 'feed', options: { feed: '' } });
    expect(all.map((choice) => choice.name).sort()).toEqual(['Long Reads', 'World Topics']);
    const some = await bot.fake.autocomplete({ user: bot.admin, guildId: bot.guild.id, channelId: channel.id, command: 'unsubscribe', focused: 'feed', options: { feed: 'long' } });
    expect(some).toEqual([{ name: 'Long Reads', value: 'long-reads' }]);
    const done = await bot.asAdmin(channel, 'unsubscribe', { feed: String(some[0]!.value) });
    expect(done.content).toContain('Unsubscribed from Long Reads');
  });

  it('offers the instance’s feeds for /subscribe, and a URL being typed as it is', async () => {
    const channel = bot.newChannel('suggest');
    const named = await bot.fake.autocomplete({ user: bot.admin, guildId: bot.guild.id, channelId: channel.id, command: 'subscribe', focused: 'feed', options: { feed: 'wor' } });
    expect(named).toEqual([{ name: 'World Topics', value: 'World Topics' }]);
    const url = await bot.fake.autocomplete({ user: bot.admin, guildId: bot.guild.id, channelId: channel.id, command: 'subscribe', focused: 'feed', options: { feed: 'https://example.org/rss' } });
    expect(url[0]).toEqual({ name: 'https://example.org/rss', value: 'https://example.org/rss' });
  });

  it('offers matching time zones for /timezone, and sets the one chosen', async () => {
    const channel = bot.newChannel('zones');
    const choices = await bot.fake.autocomplete({ user: bot.admin, guildId: bot.guild.id, channelId: channel.id, command: 'timezone', focused: 'zone', options: { zone: 'new y' } });
    expect(choices[0]).toEqual({ name: 'America/New_York', value: 'America/New_York' });
    expect(choices.length).toBeLessThanOrEqual(25);
    const none = await bot.fake.autocomplete({ user: bot.admin, guildId: bot.guild.id, channelId: channel.id, command: 'timezone', focused: 'zone', options: { zone: '' } });
    expect(none.length).toBeGreaterThan(0);
    const set = await bot.asAdmin(channel, 'timezone', { zone: 'America/New_York' });
    expect(set.content).toContain('America/New\\_York');
  });
});

describe('threads and forums', () => {
  it('opens a new forum post per digest, with the digest’s parts inside it', async () => {
    const forum = bot.newChannel('news-forum', { type: CHANNEL.forum });
    const general = bot.newChannel('forum-admin');
    const subscribed = await bot.asAdmin(general, 'subscribe', { feed: 'Long Reads', channel: forum.id });
    expect(subscribed.content).toContain('Subscribed');
    const chat = (await bot.service.store.getChat({ platform: 'discord', chatId: forum.id }))!;
    await bot.service.store.updateChatSettings(chat.id, { ...chat.settings, stories: 14 });
    const run = await deliverDigest(bot.service.delivery, { ...chat, settings: { ...chat.settings, stories: 14 } }, { kind: 'on_demand', slotKey: null });
    expect(run.outcome).toBe('sent');
    const threads = [...bot.fake.channels.values()].filter((channel) => channel.parentId === forum.id);
    expect(threads).toHaveLength(1);
    const inThread = bot.fake.messagesIn(threads[0]!.id);
    expect(inThread[0]!.via).toBe('forum_post');
    expect(inThread.length).toBeGreaterThan(1);
    expect(inThread.flatMap((message) => message.embeds)).toHaveLength(14);
    expect(threads[0]!.name).toContain('digest');
  });

  it('continues a digest in the post it opened before a restart (the thread known from the gateway)', async () => {
    const forum = bot.newChannel('restart-forum', { type: CHANNEL.forum });
    const chat = await bot.service.store.ensureChat({ platform: 'discord', chatId: forum.id }, { kind: 'group', title: '#restart-forum' }, defaultChatSettings(bot.service.config), Date.now());
    const part = (key: string, index: number, last: boolean) =>
      JSON.stringify({ content: '', embeds: [{ title: `story ${index}`, color: 1, fields: [] }], digest: { key, threadName: 'Précis digest — before the restart', part: index, last } });
    const discord = bot.service.delivery.channels.get('discord')!;
    await discord.send(chat, part('before', 0, false));
    await bot.asMember(bot.newChannel('barrier'), 'help'); // answered after THREAD_CREATE (same gateway stream): the cache has the post
    // Another key: what the restarted process sees (its memory of the digest's thread is gone).
    await discord.send(chat, part('after-restart', 1, true));
    const threads = [...bot.fake.channels.values()].filter((channel) => channel.parentId === forum.id);
    expect(threads).toHaveLength(1);
    expect(bot.fake.messagesIn(threads[0]!.id).map((message) => message.embeds[0]!.title)).toEqual(['story 0', 'story 1']);
  });

  it('opens a thread per digest in a text channel when the setting asks for it', async () => {
    const channel = bot.newChannel('threaded');
    await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    const settings = await bot.asAdmin(channel, 'settings', { thread_per_digest: true });
    expect(settings.content).toContain('A new thread per digest');
    await bot.asMember(channel, 'digest');
    const threads = [...bot.fake.channels.values()].filter((candidate) => candidate.parentId === channel.id);
    expect(threads).toHaveLength(1);
    expect(bot.fake.messagesIn(channel.id)).toHaveLength(0);
    expect(bot.fake.messagesIn(threads[0]!.id).flatMap((message) => message.embeds)).toHaveLength(5);
  });

  it('refuses a thread per digest where the bot may not create threads, naming the permission', async () => {
    const channel = bot.newChannel('no-threads');
    bot.fake.setOverwrites(channel, [{ id: bot.guild.roles[1]!.id, type: 0, allow: 0n, deny: BITS.CreatePublicThreads }]);
    const answer = await bot.asAdmin(channel, 'settings', { thread_per_digest: true });
    expect(answer.content).toContain('Create Public Threads');
    expect((await bot.service.store.getChat({ platform: 'discord', chatId: channel.id }))?.settings.threadPerDigest).not.toBe(true);
  });

  it('takes a thread as a target of its own', async () => {
    const parent = bot.newChannel('parent');
    const thread = bot.newChannel('a-thread', { type: CHANNEL.publicThread, parentId: parent.id });
    await bot.asAdmin(thread, 'subscribe', { feed: 'World Topics' });
    await bot.asMember(thread, 'digest');
    expect(bot.fake.messagesIn(thread.id).flatMap((message) => message.embeds)).toHaveLength(5);
  });
});

describe('settings, export and import', () => {
  it('shows and changes the settings, in French for a French client', async () => {
    const channel = bot.newChannel('reglages');
    const shown = await bot.asAdmin(channel, 'settings', undefined, 'fr');
    expect(shown.content).toContain('Réglages de ce chat');
    expect(shown.content).toContain('Sujets par digest : 5'.replace(' :', ':'));
    const changed = await bot.asAdmin(channel, 'settings', { stories: 8, language: 'fr', nothing_new: true }, 'en-US');
    expect(changed.content).toContain('Réglages enregistrés');
    const chat = (await bot.service.store.getChat({ platform: 'discord', chatId: channel.id }))!;
    expect(chat.settings).toMatchObject({ stories: 8, lang: 'fr', postWhenEmpty: true });
    const refused = await bot.asMember(channel, 'settings', { stories: 3 });
    expect(refused.ephemeral).toBe(true);
  });

  it('exports the channel’s feeds as an OPML attachment, and imports an OPML file with a summary', async () => {
    const source = bot.newChannel('export-source');
    await bot.asAdmin(source, 'subscribe', { feed: 'World Topics' });
    await bot.asAdmin(source, 'subscribe', { feed: bot.feeds.url('/topics.xml') });
    const exported = await bot.asMember(source, 'export');
    expect(exported.files).toHaveLength(1);
    expect(exported.files[0]!.name).toBe('precis-feeds.opml');
    expect(exported.files[0]!.content).toContain(bot.feeds.url('/topics.xml'));
    expect(exported.content).toContain('2 feeds');

    const opml = exported.files[0]!.content.replace('</body>', `<outline text="Gone" xmlUrl="${bot.feeds.url('/missing.xml')}"/></body>`);
    const attachment = bot.fake.addAttachment('subscriptions.opml', opml);
    const target = bot.newChannel('import-target');
    const imported = await bot.asAdmin(target, 'import', { file: attachment.id });
    expect(imported.content).toContain('2 of 3 feeds added');
    expect(imported.content).toContain('Gone');
    expect(imported.content).toContain('404');
    const chat = (await bot.service.store.getChat({ platform: 'discord', chatId: target.id }))!;
    expect((await bot.service.store.listSubscriptions(chat.id)).length).toBe(2);
    const again = await bot.asAdmin(target, 'import', { file: attachment.id });
    expect(again.content).toContain('Already followed');
    const notOpml = bot.fake.addAttachment('notes.txt', 'just some notes');
    const refused = await bot.asAdmin(target, 'import', { file: notOpml.id }, 'fr');
    expect(refused.content).toContain('n’est pas un fichier OPML utilisable');
  });
});

describe('every message and reply', () => {
  it('posts notices (a feed paused…) escaped and without mentions, as a new post in a forum', async () => {
    const channel = bot.newChannel('notices');
    await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    const chat = (await bot.service.store.getChat({ platform: 'discord', chatId: channel.id }))!;
    const discord = bot.service.delivery.channels.get('discord')!;
    await discord.notify!(chat, 'The feed **@everyone news** is paused: HTTP 404', () => Promise.resolve());
    const [notice] = bot.fake.messagesIn(channel.id);
    expect(notice!.allowedMentions).toEqual({ parse: [] });
    expect(findMentions(notice!.content)).toEqual([]);
    expect(notice!.content).toContain('\\*\\*');
  });

  it('were all sent with no allowed mentions, interaction replies included', () => {
    const replies = [...bot.fake.interactions.values()].flatMap((interaction) => [
      ...interaction.callbacks.filter((callback) => callback.type === 4).map((callback) => callback.data?.allowed_mentions),
      ...(interaction.original ? [interaction.original.allowedMentions] : []),
      ...interaction.followups.map((followup) => followup.allowedMentions),
    ]);
    expect(replies.length).toBeGreaterThan(20);
    for (const allowed of replies) expect(allowed).toEqual({ parse: [] });
    for (const message of bot.fake.messages) expect(message.allowedMentions).toEqual({ parse: [] });
  });
});
