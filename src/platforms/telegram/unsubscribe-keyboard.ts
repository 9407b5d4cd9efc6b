import type { InlineKeyboardMarkup } from 'grammy/types';
import { feedLine } from '../../render/feed-text.ts';
import type { FeedRecord } from '../../store/records.ts';
import { encodeButton, feedKey } from './callback-data.ts';

/** Telegram shows at most 100 buttons under a message; the rest are typed (/unsubscribe <name>). */
const MAX_BUTTONS = 100;
const MAX_LABEL = 48;

/**
 * One button per feed the chat follows, each unsubscribing from it when pressed.
 *
 * @example
 *   await api.sendMessage(chatId, 'Which feed?', { reply_markup: unsubscribeKeyboard(chat.id, feeds) });
 */
export function unsubscribeKeyboard(chatRef: number, feeds: readonly FeedRecord[]): InlineKeyboardMarkup {
  return {
    inline_keyboard: feeds.slice(0, MAX_BUTTONS).map((feed) => {
      const title = feedLine(feed.title, MAX_LABEL) || feedLine(feed.url, MAX_LABEL);
      return [{ text: `✖ ${title}`, callback_data: encodeButton({ kind: 'unsubscribe', chatRef, feedKey: feedKey(feed.id) }) }];
    }),
  };
}
