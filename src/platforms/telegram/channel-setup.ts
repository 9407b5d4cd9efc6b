import type { Message, MessageOriginChannel } from 'grammy/types';
import type { InterfaceLanguage } from '../../commands/command.ts';
import { ensureChatWithDefaults } from '../../service/start-service.ts';
import { botCanPostInChannel, isChatAdmin } from './chat-admin.ts';
import type { CommandPlace } from './command-place.ts';
import { checkAccess } from './telegram-command.ts';
import type { TelegramBot } from './telegram-bot.ts';
import { replyText } from './telegram-replies.ts';

function say(lang: InterfaceLanguage, text: Record<InterfaceLanguage, string>): string {
  return text[lang];
}

/**
 * A user forwarded a channel's post into their private chat with the bot: after checking with
 * Telegram that they administer the channel and that the bot may post there, commands they
 * send here apply to that channel until /done (answers stay here, digests go to the channel).
 *
 * @example
 *   if (message.forward_origin?.type === 'channel') await setUpChannel(bot, message, message.forward_origin, place);
 */
export async function setUpChannel(bot: TelegramBot, message: Message, origin: MessageOriginChannel, place: CommandPlace): Promise<void> {
  const { service } = bot;
  const from = message.from;
  if (!from || !(await checkAccess(bot, place))) return;
  const lang = place.userLanguage;
  const channel = origin.chat;
  const title = channel.title;
  const check = await botCanPostInChannel(bot.api, channel.id, bot.me.id);
  if (!check.ok) {
    await replyText(
      bot.api,
      place.reply,
      check.problem === 'not_member'
        ? say(lang, {
            en: `I am not an administrator of «${title}». Add me to the channel as an administrator allowed to post messages, then forward me one of its posts again.`,
            fr: `Je ne suis pas administrateur de «${title}». Ajoutez-moi à la chaîne comme administrateur autorisé à publier des messages, puis transférez-moi de nouveau un de ses messages.`,
          })
        : say(lang, {
            en: `I am an administrator of «${title}» but may not post messages there. Give me the “Post messages” right, then forward me one of its posts again.`,
            fr: `Je suis administrateur de «${title}» mais ne peux pas y publier. Donnez-moi le droit « Publier des messages », puis transférez-moi de nouveau un de ses messages.`,
          }),
    );
    return;
  }
  if (!(await isChatAdmin(bot.api, channel.id, from.id))) {
    await replyText(bot.api, place.reply, say(lang, { en: `Only administrators of «${title}» can set up its digests.`, fr: `Seuls les administrateurs de «${title}» peuvent régler ses digests.` }));
    return;
  }
  const address = { platform: 'telegram' as const, chatId: String(channel.id), threadId: null };
  const chat = await ensureChatWithDefaults(service, address, { kind: 'channel', title }, service.delivery.now());
  // The bot was just found able to post there: a chat paused for lack of rights goes on.
  if (chat.pausedReason !== null) await service.resumeChat(address, 'an administrator set it up again and the bot can post there');
  bot.channels.start(from.id, { channelId: channel.id, title });
  const feeds = (await service.store.listSubscriptions(chat.id)).length;
  await replyText(
    bot.api,
    place.reply,
    say(lang, {
      en: `📢 You are now managing «${title}» from here (${feeds} feed${feeds === 1 ? '' : 's'}). The commands you send here apply to the channel: /subscribe <feed>, /unsubscribe, /list, /schedule, /timezone, /filter, /settings, /export, or send an OPML file to import; /digest posts a digest there now. Send /done to manage this chat again.`,
      fr: `📢 Vous gérez maintenant «${title}» d’ici (${feeds} flux). Les commandes envoyées ici s’appliquent à la chaîne : /subscribe <flux>, /unsubscribe, /list, /schedule, /timezone, /filter, /settings, /export, ou envoyez un fichier OPML à importer ; /digest y publie un digest tout de suite. Envoyez /done pour gérer de nouveau ce chat.`,
    }),
  );
}
