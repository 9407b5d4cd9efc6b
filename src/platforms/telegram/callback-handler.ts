import type { CallbackQuery } from 'grammy/types';
import { findSettingOption, settingOptionsFor } from '../../commands/chat-setting-options.ts';
import type { CommandContext, InterfaceLanguage } from '../../commands/command.ts';
import { runCommand } from '../../commands/command-registry.ts';
import { truncate } from '../../render/truncate.ts';
import type { ChatRecord } from '../../store/records.ts';
import { decodeButton, feedKey } from './callback-data.ts';
import { isChatAdmin } from './chat-admin.ts';
import { interfaceLanguage } from './command-place.ts';
import { settingsKeyboard, settingsText } from './settings-keyboard.ts';
import type { TelegramBot } from './telegram-bot.ts';
import { editReply } from './telegram-replies.ts';
import { unsubscribeKeyboard } from './unsubscribe-keyboard.ts';

function say(lang: InterfaceLanguage, text: Record<InterfaceLanguage, string>): string {
  return text[lang];
}

/**
 * Whether the user who pressed a button may change this chat: in the chat's own private chat,
 * its user; in a group or a channel, an administrator of it (asked of Telegram, as a keyboard
 * under a group message can be pressed by anyone); from a private chat, an administrator of the
 * channel it manages. The allow-list applies as to commands.
 */
async function mayChange(bot: TelegramBot, query: CallbackQuery, chat: ChatRecord): Promise<boolean> {
  const pressedIn = query.message?.chat;
  if (!pressedIn) return false;
  if (!bot.access.allows({ chatId: String(pressedIn.id), userId: String(query.from.id) })) return false;
  if (chat.chatId === String(pressedIn.id)) return pressedIn.type === 'private' ? pressedIn.id === query.from.id : isChatAdmin(bot.api, pressedIn.id, query.from.id);
  return pressedIn.type === 'private' && chat.kind === 'channel' && isChatAdmin(bot.api, Number(chat.chatId), query.from.id);
}

/**
 * Handles a press on one of the bot's inline keyboards: a setting (applied through the shared
 * /settings command), a feed to unsubscribe from (through the shared /unsubscribe), or a row's
 * label (explained). The message is edited to show the new state, and the query is always
 * answered, so the user's button never keeps spinning.
 *
 * @example
 *   bot.on('callback_query:data', (ctx) => handleButton(telegram, ctx.callbackQuery));
 */
export async function handleButton(bot: TelegramBot, query: CallbackQuery): Promise<void> {
  const state = { answered: false };
  const answer = async (text: string, alert = false) => {
    state.answered = true;
    await bot.api.answerCallbackQuery(query.id, { text: truncate(text, 200), show_alert: alert });
  };
  try {
    await pressButton(bot, query, answer);
  } catch (error) {
    if (!state.answered) {
      const lang = interfaceLanguage(query.from.language_code);
      await answer(say(lang, { en: 'That did not work; the error has been logged.', fr: 'Cela n’a pas marché ; l’erreur est dans le journal.' }), true).catch(() => undefined);
    }
    throw error;
  }
}

async function pressButton(bot: TelegramBot, query: CallbackQuery, answer: (text: string, alert?: boolean) => Promise<void>): Promise<void> {
  const { service } = bot;
  const userLang = interfaceLanguage(query.from.language_code);
  const action = query.data === undefined ? null : decodeButton(query.data);
  const message = query.message;
  if (!action || !message) {
    await answer(say(userLang, { en: 'This button no longer works: send the command again.', fr: 'Ce bouton ne fonctionne plus : renvoyez la commande.' }), true);
    return;
  }
  const chat = await service.store.getChatById(action.chatRef);
  if (action.kind === 'label') {
    const option = settingOptionsFor('telegram').find((candidate) => candidate.key === action.key);
    const lang = chat?.settings.lang === 'fr' || chat?.settings.lang === 'en' ? chat.settings.lang : userLang;
    await answer(option ? `${option.label[lang]}: ${say(lang, { en: 'pick a value on this row', fr: 'choisissez une valeur sur cette ligne' })}` : '…');
    return;
  }
  if (!chat || chat.platform !== 'telegram') {
    await answer(say(userLang, { en: 'This chat is no longer known: send the command again.', fr: 'Ce chat n’est plus connu : renvoyez la commande.' }), true);
    return;
  }
  const lang: InterfaceLanguage = chat.settings.lang === 'fr' || chat.settings.lang === 'en' ? chat.settings.lang : userLang;
  if (!(await mayChange(bot, query, chat))) {
    await answer(say(lang, { en: 'Only administrators can change this.', fr: 'Seuls les administrateurs peuvent changer ceci.' }), true);
    return;
  }
  const context = (args: string): CommandContext => ({ service, chat, user: { id: String(query.from.id), name: query.from.username ?? query.from.first_name }, lang, args, canManage: () => Promise.resolve(true) });
  const where = chat.chatId === String(message.chat.id) ? null : `«${chat.title ?? chat.chatId}»`;

  if (action.kind === 'setting') {
    const option = findSettingOption(action.key, 'telegram');
    if (!option?.parse(action.value)) {
      await answer(say(lang, { en: 'This button no longer works: send /settings again.', fr: 'Ce bouton ne fonctionne plus : renvoyez /settings.' }), true);
      return;
    }
    await runCommand('settings', context(`${option.key} ${action.value}`));
    const updated = (await service.store.getChatById(chat.id)) ?? chat;
    const shownIn: InterfaceLanguage = updated.settings.lang === 'fr' || updated.settings.lang === 'en' ? updated.settings.lang : userLang;
    await editReply(bot.api, message.chat.id, message.message_id, settingsText(updated, shownIn, where), settingsKeyboard(updated, shownIn));
    await answer(say(shownIn, { en: `Saved: ${option.label.en}`, fr: `Enregistré : ${option.label.fr}` }));
    return;
  }

  const subscribed = new Set(await service.store.listSubscriptions(chat.id));
  const feeds = (await service.store.listFeeds()).filter((feed) => subscribed.has(feed.id));
  const feed = feeds.find((candidate) => feedKey(candidate.id) === action.feedKey);
  if (!feed) {
    await answer(say(lang, { en: 'This feed is no longer followed here.', fr: 'Ce flux n’est déjà plus suivi ici.' }));
    return;
  }
  const result = await runCommand('unsubscribe', context(feed.id));
  const rest = feeds.filter((candidate) => candidate.id !== feed.id);
  const text = result.kind === 'text' ? result.text : '…';
  const more = rest.length ? say(lang, { en: '\nRemove another?', fr: '\nEn retirer un autre ?' }) : '';
  await editReply(bot.api, message.chat.id, message.message_id, `${text}${more}`, rest.length ? unsubscribeKeyboard(chat.id, rest) : { inline_keyboard: [] });
  await answer(text);
}
