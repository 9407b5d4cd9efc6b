import type { Message } from 'grammy/types';
import { accessDeniedText } from '../../commands/access.ts';
import type { CommandAttachment, CommandContext, CommandDefinition, CommandReply, InterfaceLanguage } from '../../commands/command.ts';
import { COMMANDS, runCommand } from '../../commands/command-registry.ts';
import { findFeed } from '../../commands/find-feed.ts';
import { ensureChatWithDefaults } from '../../service/start-service.ts';
import type { ChatAddress } from '../../store/store.ts';
import type { BotCommandCall } from './bot-command.ts';
import type { CommandPlace } from './command-place.ts';
import { settingsKeyboard, settingsText } from './settings-keyboard.ts';
import type { TelegramBot } from './telegram-bot.ts';
import { replyFile, replyText } from './telegram-replies.ts';
import { unsubscribeKeyboard } from './unsubscribe-keyboard.ts';
import { welcomeText } from './welcome-text.ts';

/** Commands whose work takes a moment (fetching feeds): the chat shows "typing…" meanwhile. */
const SLOW_COMMANDS = new Set(['digest', 'subscribe', 'import']);

function say(lang: InterfaceLanguage, text: Record<InterfaceLanguage, string>): string {
  return text[lang];
}

/**
 * The chat a place's command applies to, as the store addresses it.
 *
 * @example
 *   addressOf(place); // { platform: 'telegram', chatId: '-1001234', threadId: '7' }
 */
export function addressOf(place: CommandPlace): ChatAddress {
  return { platform: 'telegram', chatId: String(place.chat.chatId), threadId: place.chat.threadId === null ? null : String(place.chat.threadId) };
}

function cooldownKey(place: CommandPlace): string {
  return `${place.chat.chatId}:${place.chat.threadId ?? ''}`;
}

/**
 * The "this instance is private" answer to someone not on the allow-list, with the ids the
 * owner needs; at most once a minute per chat, so a stranger cannot make the bot spam.
 * Returns whether the request may go on.
 *
 * @example
 *   if (!(await checkAccess(bot, place))) return;
 */
export async function checkAccess(bot: TelegramBot, place: CommandPlace): Promise<boolean> {
  if (bot.access.allows(place.access)) return true;
  if (bot.strangerCooldown.take(String(place.reply.chatId)) === 0) await replyText(bot.api, place.reply, accessDeniedText(place.access, place.userLanguage));
  bot.service.log.info({ chat: place.access.chatId, user: place.access.userId }, 'telegram: refused a user not on the allow-list');
  return false;
}

async function digestAnswer(bot: TelegramBot, place: CommandPlace, answer: Extract<CommandReply, { kind: 'digest' }>, chatRef: number, lang: InterfaceLanguage): Promise<void> {
  const { run } = answer;
  const where = place.managedChannel ? `«${place.managedChannel.title}»` : null;
  if (run.outcome === 'sent' || run.outcome === 'empty') {
    if (where) {
      await replyText(
        bot.api,
        place.reply,
        say(lang, { en: `📰 Digest posted to ${where}: ${run.stories} ${run.stories === 1 ? 'story' : 'stories'}.`, fr: `📰 Digest publié dans ${where} : ${run.stories} sujet${run.stories === 1 ? '' : 's'}.` }),
      );
    }
    return;
  }
  if (run.outcome === 'paused') {
    const reason = (await bot.service.store.getChatById(chatRef))?.pausedReason ?? '?';
    await replyText(
      bot.api,
      place.reply,
      say(lang, {
        en: `I could not post the digest ${where ? `to ${where}` : 'here'}, so its digests are paused: ${reason}. Give me back the right to post there, then /digest again.`,
        fr: `Je n’ai pas pu publier le digest ${where ? `dans ${where}` : 'ici'}, ses digests sont donc en pause : ${reason}. Redonnez-moi le droit d’y publier, puis relancez /digest.`,
      }),
    );
    return;
  }
  if (run.outcome === 'failed') {
    await replyText(bot.api, place.reply, say(lang, { en: 'The digest could not be sent; the error has been logged.', fr: 'Le digest n’a pas pu être envoyé ; l’erreur est dans le journal.' }));
  }
}

async function answerCommand(bot: TelegramBot, place: CommandPlace, definition: CommandDefinition, context: CommandContext, answer: CommandReply): Promise<void> {
  const { service } = bot;
  if (answer.kind === 'file') {
    await replyFile(bot.api, place.reply, answer.name, answer.content, answer.text);
    return;
  }
  if (answer.kind === 'digest') {
    await digestAnswer(bot, place, answer, context.chat.id, context.lang);
    return;
  }
  if (definition.name === 'unsubscribe') {
    // Still following feeds and none was named (or the name matched none): offer them as buttons.
    const subscribed = new Set(await service.store.listSubscriptions(context.chat.id));
    const feeds = (await service.store.listFeeds()).filter((feed) => subscribed.has(feed.id));
    if (feeds.length && (!context.args || !findFeed(feeds, context.args))) {
      await replyText(bot.api, place.reply, answer.text, unsubscribeKeyboard(context.chat.id, feeds));
      return;
    }
  }
  await replyText(bot.api, place.reply, answer.text);
}

/**
 * Runs a command a message carried, at its place: checks the allow-list, answers /start and
 * /done itself, checks who may change the chat before anything is stored, paces /digest per
 * chat, then runs the shared command and answers in Telegram's way (buttons for /settings and
 * /unsubscribe, a document for /export, nothing more than the digest itself for /digest).
 *
 * @example
 *   await runTelegramCommand(bot, message, { name: 'digest', args: '', addressed: false }, place, null);
 */
export async function runTelegramCommand(bot: TelegramBot, message: Message, call: BotCommandCall, place: CommandPlace, attachment: CommandAttachment | null): Promise<void> {
  const { service } = bot;
  if (!(await checkAccess(bot, place))) return;
  const known = await service.store.getChat(addressOf(place));
  const lang: InterfaceLanguage = known?.settings.lang === 'fr' || known?.settings.lang === 'en' ? known.settings.lang : place.userLanguage;

  if (call.name === 'start') {
    await replyText(bot.api, place.reply, welcomeText(service.config, lang, message.chat.type));
    return;
  }
  if (call.name === 'done' && message.chat.type === 'private' && message.from) {
    const ended = bot.channels.end(message.from.id);
    await replyText(
      bot.api,
      place.reply,
      ended
        ? say(lang, { en: `Done with «${ended.title}». Commands apply to this chat again.`, fr: `Terminé pour «${ended.title}». Les commandes s’appliquent de nouveau à ce chat.` })
        : say(lang, { en: 'You were not managing a channel. To manage one, forward me one of its posts.', fr: 'Vous ne gériez aucune chaîne. Pour en gérer une, transférez-moi un de ses messages.' }),
    );
    return;
  }
  const definition = COMMANDS.find((command) => command.name === call.name);
  if (!definition) {
    if (message.chat.type === 'private' || call.addressed) {
      await replyText(bot.api, place.reply, say(lang, { en: `Unknown command: /${call.name}. See /help.`, fr: `Commande inconnue : /${call.name}. Voir /help.` }));
    }
    return;
  }
  if (definition.manages && !(await place.canManage())) {
    const what = place.chat.kind === 'channel' ? say(lang, { en: 'this channel’s', fr: 'cette chaîne' }) : say(lang, { en: 'this chat’s', fr: 'ce chat' });
    await replyText(
      bot.api,
      place.reply,
      say(lang, {
        en: `Sorry, only ${what} administrators can use /${definition.name}. Anyone can ask for a /digest or the /list of feeds.`,
        fr: `Désolé, seuls les administrateurs de ${what} peuvent utiliser /${definition.name}. Tout le monde peut demander un /digest ou la /list des flux.`,
      }),
    );
    return;
  }
  if (definition.name === 'digest') {
    const waitMs = bot.digestCooldown.take(cooldownKey(place));
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      await replyText(bot.api, place.reply, say(lang, { en: `A digest was just posted here. Please try again in ${seconds} s.`, fr: `Un digest vient d’être publié ici. Réessayez dans ${seconds} s, s’il vous plaît.` }));
      return;
    }
  }
  if (definition.name === 'settings' && !call.args) {
    const chat = known ?? (await ensureChatWithDefaults(service, addressOf(place), { kind: place.chat.kind, title: place.chat.title }, service.delivery.now()));
    await replyText(bot.api, place.reply, settingsText(chat, lang, place.managedChannel ? `«${place.managedChannel.title}»` : null), settingsKeyboard(chat, lang));
    return;
  }
  if (SLOW_COMMANDS.has(definition.name) && message.chat.type !== 'channel') {
    bot.api.sendChatAction(place.reply.chatId, 'typing', place.reply.threadId !== null ? { message_thread_id: place.reply.threadId } : {}).catch(() => undefined);
  }
  const chat = known ?? (await ensureChatWithDefaults(service, addressOf(place), { kind: place.chat.kind, title: place.chat.title }, service.delivery.now()));
  const context: CommandContext = { service, chat, user: place.user, lang, args: call.args, attachment, canManage: () => Promise.resolve(true) };
  const answer = await runCommand(definition.name, context);
  await answerCommand(bot, place, definition, context, answer);
}
