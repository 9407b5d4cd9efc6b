import type { Message } from 'grammy/types';
import type { CommandAttachment } from '../../commands/command.ts';
import { parseBotCommand, type BotCommandCall } from './bot-command.ts';
import { setUpChannel } from './channel-setup.ts';
import { commandPlace } from './command-place.ts';
import { migrateGroup } from './membership.ts';
import { checkAccess, runTelegramCommand } from './telegram-command.ts';
import type { TelegramBot } from './telegram-bot.ts';
import { documentAttachment, looksLikeOpml } from './telegram-files.ts';
import { replyText } from './telegram-replies.ts';

/** The file an /import refers to: sent with it (as its caption), or the message it replies to. */
function importedFile(bot: TelegramBot, message: Message): CommandAttachment | null {
  const document = message.document ?? message.reply_to_message?.document;
  return document ? documentAttachment(bot.api, bot.files, document) : null;
}

/**
 * Handles a message or a channel post: group → supergroup migrations, commands (in the text, or
 * in a document's caption), and in private chats an OPML file sent alone (imported), a post
 * forwarded from a channel (to manage that channel from here) and a word of help for anything
 * else. Messages in groups and channels that carry no command are left alone.
 *
 * @example
 *   bot.on('message', (ctx) => handleMessage(telegram, ctx.message, false));
 */
export async function handleMessage(bot: TelegramBot, message: Message, channelPost: boolean): Promise<void> {
  if (message.migrate_to_chat_id !== undefined) {
    await migrateGroup(bot, message.chat.id, message.migrate_to_chat_id);
    return;
  }
  if (message.migrate_from_chat_id !== undefined) {
    await migrateGroup(bot, message.migrate_from_chat_id, message.chat.id);
    return;
  }
  // A forwarded message (or a channel post copied into its discussion group) repeats someone else's words: no command.
  const forwarded = message.forward_origin !== undefined || message.is_automatic_forward === true;
  const call = forwarded ? null : parseBotCommand(message, bot.me.username);
  const place = commandPlace(bot, message, channelPost);
  if (call) {
    await runTelegramCommand(bot, message, call, place, call.name === 'import' ? importedFile(bot, message) : null);
    return;
  }
  if (message.chat.type !== 'private' || !message.from || message.from.is_bot) return;
  if (message.forward_origin?.type === 'channel') {
    await setUpChannel(bot, message, message.forward_origin, place);
    return;
  }
  if (forwarded) return;
  if (message.document && looksLikeOpml(message.document)) {
    const importCall: BotCommandCall = { name: 'import', args: '', addressed: false };
    await runTelegramCommand(bot, message, importCall, place, documentAttachment(bot.api, bot.files, message.document));
    return;
  }
  if (!(await checkAccess(bot, place))) return;
  if (bot.strangerCooldown.take(`hint:${message.chat.id}`) === 0) {
    await replyText(
      bot.api,
      place.reply,
      place.userLanguage === 'fr'
        ? 'Je comprends les commandes : /subscribe <flux>, /digest, /list, /settings… Toutes sont dans /help. Envoyez-moi un fichier OPML pour importer des flux, ou un message transféré d’une chaîne pour la gérer.'
        : 'I understand commands: /subscribe <feed>, /digest, /list, /settings… /help lists them all. Send me an OPML file to import feeds, or a post forwarded from a channel to manage it.',
    );
  }
}
