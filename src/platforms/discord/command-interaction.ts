import { MessageFlags, PermissionFlagsBits, PermissionsBitField, type ChatInputCommandInteraction, type Client } from 'discord.js';
import { accessDeniedText, isAllowed, type AccessRequest } from '../../commands/access.ts';
import type { ChatCooldown } from '../../commands/chat-cooldown.ts';
import type { CommandAttachment, CommandContext, CommandDefinition, CommandReply, InterfaceLanguage } from '../../commands/command.ts';
import { COMMANDS, runCommand } from '../../commands/command-registry.ts';
import { escapeDiscordMarkdown } from '../../render/discord-markdown.ts';
import { ensureChatWithDefaults, type RunningService } from '../../service/start-service.ts';
import { checkPostingPermissions, type PostingCheck } from './bot-permissions.ts';
import { readAttachment } from './read-attachment.ts';
import { splitReply } from './reply-chunks.ts';
import { commandArgs, takesTargetChannel, TARGET_CHANNEL_OPTION } from './slash-commands.ts';

/** What the interaction handlers share while the bot runs. */
export interface DiscordBot {
  client: Client;
  service: RunningService;
  /** One `/digest` per channel per interval. */
  cooldown: ChatCooldown;
}

/** Interaction replies never mention anyone, whatever their text. */
export const NO_MENTIONS = { parse: [] as never[] };

/** Commands after which the target channel receives digests: the bot must be able to post there. */
const POSTING_COMMANDS = new Set(['subscribe', 'import', 'digest']);

/**
 * The user's interface language from their Discord client locale.
 *
 * @example
 *   interfaceLanguage('fr'); // 'fr'
 *   interfaceLanguage('en-GB'); // 'en'
 */
export function interfaceLanguage(locale: string): InterfaceLanguage {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function bilingual(lang: InterfaceLanguage, text: Record<InterfaceLanguage, string>): string {
  return text[lang];
}

/**
 * Whether the user may change the target channel: anyone in a DM; in a server, Manage Channels
 * in the channel where the command was typed (Discord computes it for the interaction) and, when
 * the command names another channel, there too.
 */
function mayManage(interaction: ChatInputCommandInteraction, targetId: string): boolean {
  if (!interaction.inGuild()) return true;
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels)) return false;
  if (targetId === interaction.channelId) return true;
  const target = interaction.options.getChannel(TARGET_CHANNEL_OPTION);
  const permissions = target && 'permissions' in target ? target.permissions : null;
  if (permissions instanceof PermissionsBitField) return permissions.has(PermissionFlagsBits.ManageChannels);
  if (typeof permissions === 'string') return new PermissionsBitField(BigInt(permissions)).has(PermissionFlagsBits.ManageChannels);
  return true;
}

/** A channel as users see it (#name), without the <#id> mention syntax. */
function channelLabel(client: Client, channelId: string): string {
  const channel = client.channels.cache.get(channelId);
  return channel && 'name' in channel && channel.name ? `#${channel.name}` : `#${channelId}`;
}

function postingProblem(check: Exclude<PostingCheck, { ok: true }>, where: string, lang: InterfaceLanguage): string {
  switch (check.problem) {
    case 'unknown_channel':
      return bilingual(lang, { en: `I cannot find or see the channel ${where}.`, fr: `Je ne trouve pas ou ne vois pas le salon ${where}.` });
    case 'not_postable':
      return bilingual(lang, {
        en: `${where} cannot take digests: choose a text or announcement channel, a forum or a thread.`,
        fr: `${where} ne peut pas recevoir de digests : choisissez un salon textuel ou d’annonces, un forum ou un fil.`,
      });
    case 'missing_permissions':
      return bilingual(lang, {
        en: `I cannot post digests in ${where}: I am missing ${check.missing.join(', ')} there. Give me ${check.missing.length > 1 ? 'these permissions' : 'this permission'} in the channel (or my role) and try again.`,
        fr: `Je ne peux pas publier de digests dans ${where} : il me manque ${check.missing.join(', ')}. Donnez-moi ${check.missing.length > 1 ? 'ces permissions' : 'cette permission'} dans le salon (ou à mon rôle) et réessayez.`,
      });
  }
}

async function digestReplyText(bot: DiscordBot, answer: Extract<CommandReply, { kind: 'digest' }>, chatRef: number, lang: InterfaceLanguage): Promise<string> {
  const { run } = answer;
  if (run.outcome === 'sent' || run.outcome === 'empty') {
    if (!run.stories) return bilingual(lang, { en: 'Nothing new in this channel’s feeds for now.', fr: 'Rien de nouveau dans les flux de ce salon pour l’instant.' });
    return bilingual(lang, {
      en: `📰 Here is the digest: ${run.stories} ${run.stories === 1 ? 'story' : 'stories'}.`,
      fr: `📰 Voici le digest : ${run.stories} sujet${run.stories === 1 ? '' : 's'}.`,
    });
  }
  if (run.outcome === 'paused') {
    const reason = (await bot.service.store.getChatById(chatRef))?.pausedReason ?? '?';
    return bilingual(lang, {
      en: `I could not post the digest here, so this channel’s digests are paused: ${reason}. Fix it, then run /digest again.`,
      fr: `Je n’ai pas pu publier le digest ici, les digests de ce salon sont donc en pause : ${reason}. Corrigez-le, puis relancez /digest.`,
    });
  }
  return bilingual(lang, { en: 'The digest could not be sent; the error has been logged.', fr: 'Le digest n’a pas pu être envoyé ; l’erreur est dans le journal.' });
}

/** Posts a command's answer as the (deferred) interaction reply: text split into messages, files attached. */
async function sendAnswer(bot: DiscordBot, interaction: ChatInputCommandInteraction, answer: CommandReply, chatRef: number, lang: InterfaceLanguage): Promise<void> {
  if (answer.kind === 'file') {
    await interaction.editReply({
      content: splitReply(escapeDiscordMarkdown(answer.text))[0] ?? '',
      files: [{ attachment: Buffer.from(answer.content, 'utf8'), name: answer.name }],
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const text = answer.kind === 'text' ? answer.text : await digestReplyText(bot, answer, chatRef, lang);
  const [first = '…', ...rest] = splitReply(escapeDiscordMarkdown(text));
  await interaction.editReply({ content: first, allowedMentions: NO_MENTIONS });
  for (const chunk of rest) await interaction.followUp({ content: chunk, allowedMentions: NO_MENTIONS });
}

function attachmentOf(interaction: ChatInputCommandInteraction, definition: CommandDefinition): CommandAttachment | null {
  if (definition.name !== 'import') return null;
  const file = interaction.options.getAttachment('file');
  return file ? { name: file.name, size: file.size, read: () => readAttachment(file.url) } : null;
}

/**
 * Answers a slash command: checks access, Manage Channels (for commands that change a channel)
 * and `/digest`'s per-channel cooldown with an immediate private reply; otherwise defers at once
 * (Discord wants an answer within 3 s), checks the bot can post in the target channel, and runs
 * the shared command with the target channel as the chat. Never throws for a bad command.
 *
 * @example
 *   client.on(Events.InteractionCreate, (interaction) => { if (interaction.isChatInputCommand()) void answerCommand(bot, interaction); });
 */
export async function answerCommand(bot: DiscordBot, interaction: ChatInputCommandInteraction): Promise<void> {
  const { service } = bot;
  const userLang = interfaceLanguage(interaction.locale);
  const quick = (text: string) => interaction.reply({ content: splitReply(escapeDiscordMarkdown(text))[0] ?? '…', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  const definition = COMMANDS.find((command) => command.name === interaction.commandName);
  if (!definition) {
    await quick(bilingual(userLang, { en: `Unknown command /${interaction.commandName}. See /help.`, fr: `Commande inconnue : /${interaction.commandName}. Voir /help.` }));
    return;
  }
  const access: AccessRequest = { platform: 'discord', guildId: interaction.guildId, userId: interaction.user.id };
  if (!isAllowed(service.config.access, access)) {
    await quick(accessDeniedText(access, userLang));
    return;
  }
  const targetId = (takesTargetChannel(definition) ? interaction.options.getChannel(TARGET_CHANNEL_OPTION)?.id : undefined) ?? interaction.channelId;
  const manages = mayManage(interaction, targetId);
  if (definition.manages && !manages) {
    await quick(
      bilingual(userLang, {
        en: `You need the Manage Channels permission ${targetId === interaction.channelId ? 'here' : `in ${channelLabel(bot.client, targetId)}`} to use /${definition.name}.`,
        fr: `Il vous faut la permission Gérer les salons ${targetId === interaction.channelId ? 'ici' : `dans ${channelLabel(bot.client, targetId)}`} pour utiliser /${definition.name}.`,
      }),
    );
    return;
  }
  if (definition.name === 'digest') {
    const waitMs = bot.cooldown.take(targetId);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      await quick(
        bilingual(userLang, {
          en: `A digest was just posted in this channel. Please try again in ${seconds} s.`,
          fr: `Un digest vient d’être publié dans ce salon. Réessayez dans ${seconds} s, s’il vous plaît.`,
        }),
      );
      return;
    }
  }
  await interaction.deferReply();
  let lang = userLang;
  try {
    const known = await service.store.getChat({ platform: 'discord', chatId: targetId });
    lang = (known?.settings.lang as InterfaceLanguage | null | undefined) ?? userLang;
    let check: PostingCheck | null = null;
    // Turning on a thread per digest needs more of the bot (Create Public Threads): checked before it is saved.
    const threadsAsked = definition.name === 'settings' && interaction.options.getBoolean('thread_per_digest') === true;
    if (POSTING_COMMANDS.has(definition.name) || threadsAsked) {
      check = await checkPostingPermissions(bot.client, targetId, threadsAsked || known?.settings.threadPerDigest === true);
      if (!check.ok) {
        if (definition.name === 'digest') bot.cooldown.release(targetId);
        await interaction.editReply({ content: escapeDiscordMarkdown(postingProblem(check, channelLabel(bot.client, targetId), lang)), allowedMentions: NO_MENTIONS });
        return;
      }
    }
    const channel = check?.ok ? check.channel : null;
    const title = interaction.inGuild() ? `#${channel?.name ?? (targetId === interaction.channelId && interaction.channel && 'name' in interaction.channel ? interaction.channel.name : targetId)}` : `@${interaction.user.username}`;
    let chat = await ensureChatWithDefaults(service, { platform: 'discord', chatId: targetId }, { kind: interaction.inGuild() ? 'group' : 'private', title }, service.delivery.now());
    if (check?.ok && chat.pausedReason !== null) chat = (await service.resumeChat({ platform: 'discord', chatId: targetId }, `/${definition.name}: the bot can post there again`)) ?? chat;
    const context: CommandContext = {
      service,
      chat,
      user: { id: interaction.user.id, name: interaction.user.username },
      lang,
      args: commandArgs(definition, interaction.options),
      attachment: attachmentOf(interaction, definition),
      canManage: () => Promise.resolve(manages),
    };
    const answer = await runCommand(definition.name, context);
    await sendAnswer(bot, interaction, answer, chat.id, lang);
  } catch (error) {
    service.log.error({ err: error, command: definition.name, channel: targetId }, 'discord command failed');
    await interaction
      .editReply({ content: bilingual(lang, { en: `/${definition.name} failed. The error has been logged.`, fr: `La commande /${definition.name} a échoué. L’erreur est dans le journal.` }), allowedMentions: NO_MENTIONS })
      .catch((replyError: unknown) => service.log.warn({ err: replyError }, 'could not tell the user about a failed command'));
  }
}
