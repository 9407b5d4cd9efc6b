import { Events, Routes, type Channel, type Client, type Guild } from 'discord.js';
import { ChatCooldown, DIGEST_COOLDOWN_MS } from '../../commands/chat-cooldown.ts';
import { COMMANDS } from '../../commands/command-registry.ts';
import { ConfigError } from '../../config/config-error.ts';
import type { PlatformRuntime, RunningService } from '../../service/start-service.ts';
import { answerAutocomplete } from './autocomplete-interaction.ts';
import { checkPostingPermissions } from './bot-permissions.ts';
import { answerCommand, type DiscordBot } from './command-interaction.ts';
import { discordChannel } from './discord-channel.ts';
import { createDiscordClient } from './discord-client.ts';
import { slashCommands } from './slash-commands.ts';

/** How the Discord bot connects. */
export interface DiscordRuntimeOptions {
  token: string;
  /** DISCORD_API_ROOT: a REST proxy (or a test fake), e.g. http://127.0.0.1:8080/api. */
  apiRoot: string | undefined;
  /** DISCORD_GUILD_ID: register the slash commands in this server only, instead of globally. */
  guildId: string | undefined;
}

/** How long login may take before start-up gives up. */
const READY_TIMEOUT_MS = 60_000;
/** Permission and role changes are looked at together after this pause. */
const RESUME_CHECK_DELAY_MS = 2000;

/** A login failure as a one-line configuration error (exit code 2), when it is one. */
function loginError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid') {
    return new ConfigError('DISCORD_BOT_TOKEN', [
      'Discord refused this token (401 Unauthorized): copy the bot token again from the Developer Portal (your application → Bot → Reset Token)',
    ]);
  }
  if (code === 'DisallowedIntents') {
    return new ConfigError('DISCORD_BOT_TOKEN', ['Discord refused the gateway intents this bot asks for (only Guilds is needed): check the application’s Bot settings']);
  }
  return error;
}

function waitForReady(client: Client): { ready: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Discord: not connected after ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { ready, cancel: () => clearTimeout(timer) };
}

/** Pauses the chat of a channel Discord says is gone (or that the bot can no longer reach). */
async function pauseChannel(service: RunningService, channelId: string, reason: string): Promise<void> {
  const chat = await service.store.getChat({ platform: 'discord', chatId: channelId });
  if (!chat || chat.pausedReason !== null) return;
  await service.store.setChatPaused(chat.id, reason);
  service.log.warn({ chat: `discord:${channelId}` }, `chat paused: ${reason}`);
}

/** Resumes the paused chats of these servers where the bot can post again (permissions granted back). */
async function resumePermitted(client: Client, service: RunningService, guildIds: ReadonlySet<string>): Promise<void> {
  const paused = (await service.store.listChats()).filter((chat) => chat.platform === 'discord' && chat.pausedReason !== null);
  for (const chat of paused) {
    const channel = client.channels.cache.get(chat.chatId);
    if (!channel || channel.isDMBased() || !guildIds.has(channel.guildId)) continue;
    const check = await checkPostingPermissions(client, chat.chatId, chat.settings.threadPerDigest === true);
    if (check.ok) await service.resumeChat({ platform: 'discord', chatId: chat.chatId }, 'the bot can post there again');
  }
}

/**
 * The Discord bot (discord.js, Guilds intent only): slash commands from the shared registry
 * (registered on start, per server with DISCORD_GUILD_ID), autocomplete, digests as embeds
 * through the delivery core. A deleted channel pauses its subscription; permissions granted back
 * resume it. Gateway drops are resumed by discord.js; a refused token stops start-up with a
 * one-line error naming DISCORD_BOT_TOKEN.
 *
 * @example
 *   platforms.push(discordRuntime({ token: process.env.DISCORD_BOT_TOKEN!, apiRoot: undefined, guildId: undefined }));
 */
export function discordRuntime(options: DiscordRuntimeOptions): PlatformRuntime {
  const client = createDiscordClient(options.apiRoot);
  const pendingGuilds = new Set<string>();
  let resumeTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  return {
    channel: discordChannel(client),
    async start(service) {
      const bot: DiscordBot = { client, service, cooldown: new ChatCooldown(DIGEST_COOLDOWN_MS, service.delivery.now) };
      const log = service.log;
      const track = (what: string, task: () => Promise<void>) => {
        void service.work.run(task, (error) => log.error({ err: error }, `discord: ${what} failed`));
      };
      const checkResumes = (guild: Guild | null) => {
        if (!guild || stopped) return;
        pendingGuilds.add(guild.id);
        resumeTimer ??= setTimeout(() => {
          resumeTimer = undefined;
          const guilds = new Set(pendingGuilds);
          pendingGuilds.clear();
          track('resuming paused channels', () => resumePermitted(client, service, guilds));
        }, RESUME_CHECK_DELAY_MS);
      };
      const channelGone = (channel: Channel, reason: string) => {
        track('pausing a deleted channel', () => pauseChannel(service, channel.id, reason));
      };

      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isAutocomplete()) {
          answerAutocomplete(bot, interaction).catch((error: unknown) => log.warn({ err: error }, 'discord autocomplete answer failed'));
        } else if (interaction.isChatInputCommand()) {
          track(`/${interaction.commandName}`, () => answerCommand(bot, interaction));
        }
      });
      client.on(Events.ChannelDelete, (channel) => channelGone(channel, 'Discord: the channel was deleted'));
      client.on(Events.ThreadDelete, (thread) => channelGone(thread, 'Discord: the thread was deleted'));
      // The raw packet, because by the time GuildDelete is emitted the guild's channels are forgotten.
      client.on(Events.Raw, (packet: { t?: unknown; d?: { id?: unknown; unavailable?: unknown } }) => {
        if (packet.t !== 'GUILD_DELETE' || packet.d?.unavailable === true || typeof packet.d?.id !== 'string') return; // unavailable: an outage
        const guild = client.guilds.cache.get(packet.d.id);
        for (const channel of guild?.channels.cache.values() ?? []) channelGone(channel, `Discord: the bot was removed from the server ${guild?.name ?? ''}`);
      });
      client.on(Events.ChannelUpdate, (_old, channel) => checkResumes(channel.isDMBased() ? null : channel.guild));
      client.on(Events.GuildRoleUpdate, (_old, role) => checkResumes(role.guild));
      client.on(Events.GuildRoleCreate, (role) => checkResumes(role.guild));
      client.on(Events.GuildCreate, (guild) => checkResumes(guild));
      client.on(Events.ShardDisconnect, (event) => log.warn({ code: event.code }, 'discord gateway disconnected'));
      client.on(Events.ShardReconnecting, () => log.info('discord gateway reconnecting'));
      client.on(Events.ShardResume, (_shard, replayed) => log.info({ replayed }, 'discord gateway resumed'));
      client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));

      const { ready, cancel } = waitForReady(client);
      try {
        await client.login(options.token);
      } catch (error) {
        cancel();
        throw loginError(error);
      }
      await ready;
      const applicationId = client.application?.id ?? client.user?.id;
      if (!applicationId) throw new Error('Discord: READY carried no application id');
      const body = slashCommands(COMMANDS);
      await client.rest.put(options.guildId ? Routes.applicationGuildCommands(applicationId, options.guildId) : Routes.applicationCommands(applicationId), { body });
      for (const guild of client.guilds.cache.values()) checkResumes(guild);
      log.info(
        { guilds: client.guilds.cache.size, commands: body.length, scope: options.guildId ? `server ${options.guildId}` : 'global' },
        `Discord bot ${client.user?.tag ?? ''} is connected`,
      );
    },
    async stop() {
      stopped = true;
      clearTimeout(resumeTimer);
      await client.destroy();
    },
  };
}
