import {
  ApplicationCommandOptionType,
  Client,
  Events,
  GatewayIntentBits,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandContext, InterfaceLanguage } from '../../commands/command.ts';
import { COMMANDS, runCommand } from '../../commands/command-registry.ts';
import { escapeDiscordMarkdown } from '../../render/discord-markdown.ts';
import { ensureChatWithDefaults, type PlatformRuntime, type RunningService } from '../../service/start-service.ts';
import { discordChannel } from './discord-channel.ts';

function slashCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((command) => ({
    name: command.name,
    description: command.description.en,
    description_localizations: { fr: command.description.fr },
    ...(command.manages ? { default_member_permissions: PermissionFlagsBits.ManageChannels.toString() } : {}),
    options: command.argument
      ? [
          {
            type: ApplicationCommandOptionType.String,
            name: command.argument.name,
            description: command.argument.description.en,
            description_localizations: { fr: command.argument.description.fr },
            required: command.argument.required,
          },
        ]
      : [],
  }));
}

async function handleInteraction(service: RunningService, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply();
  const definition = COMMANDS.find((command) => command.name === interaction.commandName);
  const chat = await ensureChatWithDefaults(
    service,
    { platform: 'discord', chatId: interaction.channelId },
    { kind: interaction.inGuild() ? 'group' : 'private', title: null },
    service.delivery.now(),
  );
  const context: CommandContext = {
    service,
    chat,
    user: { id: interaction.user.id, name: interaction.user.username },
    lang: (chat.settings.lang as InterfaceLanguage | null) ?? (interaction.locale.startsWith('fr') ? 'fr' : 'en'),
    args: definition?.argument ? (interaction.options.getString(definition.argument.name) ?? '').trim() : '',
    canManage: () => Promise.resolve(!interaction.inGuild() || interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels)),
  };
  const answer = await runCommand(interaction.commandName, context);
  const text = answer.kind === 'text' ? escapeDiscordMarkdown(answer.text) : answer.run.stories ? '📰' : context.lang === 'fr' ? 'Rien de nouveau.' : 'Nothing new.';
  await interaction.editReply({ content: text.slice(0, 2000), allowedMentions: { parse: [] } });
}

/**
 * The Discord bot (discord.js): slash commands go to the shared command layer, digests go out
 * through the delivery core as embeds.
 *
 * @example
 *   platforms.push(discordRuntime({ token: process.env.DISCORD_BOT_TOKEN, apiRoot: undefined }));
 */
export function discordRuntime(options: { token: string; apiRoot: string | undefined }): PlatformRuntime {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(options.apiRoot ? { rest: { api: options.apiRoot } } : {}) });
  client.rest.setToken(options.token);
  return {
    channel: discordChannel(client.rest),
    async start(service) {
      client.on(Events.InteractionCreate, (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        void service.work.run(
          () => handleInteraction(service, interaction),
          (error) => service.log.error({ err: error, command: interaction.commandName }, 'discord command failed'),
        );
      });
      client.on(Events.Error, (error) => service.log.error({ err: error }, 'discord client error'));
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token);
      await ready;
      await client.application?.commands.set(slashCommands());
      service.log.info(`Discord bot ${client.user?.tag ?? ''} is connected`);
    },
    async stop() {
      await client.destroy();
    },
  };
}
