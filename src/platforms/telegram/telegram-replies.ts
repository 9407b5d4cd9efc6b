import { InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { truncate } from '../../render/truncate.ts';
import { splitReply } from './reply-chunks.ts';

/** Where an answer goes: the chat (and forum topic) a command came from, replying to it in groups. */
export interface ReplyTarget {
  chatId: number;
  threadId: number | null;
  /** The command's message, quoted in busy groups; null in private chats and channels. */
  replyTo: number | null;
}

/** Telegram's limit on a document's caption, after parsing. */
const MAX_CAPTION = 1024;

function placement(target: ReplyTarget, first: boolean) {
  return {
    ...(target.threadId !== null ? { message_thread_id: target.threadId } : {}),
    ...(first && target.replyTo !== null ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } } : {}),
  };
}

/**
 * Sends a command's answer as plain text (no parse mode: nothing in it can break Telegram's
 * parser, feed titles included), split under 4096 characters at line breaks, link previews
 * off, an inline keyboard under the last part. Resolves with the id of the last message.
 *
 * @example
 *   await replyText(api, { chatId: 42, threadId: null, replyTo: null }, 'Subscribed to Le Monde.');
 */
export async function replyText(api: Api, target: ReplyTarget, text: string, keyboard?: InlineKeyboardMarkup): Promise<number> {
  const parts = splitReply(text);
  let last = 0;
  for (const [index, part] of parts.entries()) {
    const sent = await api.sendMessage(target.chatId, part, {
      link_preview_options: { is_disabled: true },
      ...placement(target, index === 0),
      ...(keyboard && index === parts.length - 1 ? { reply_markup: keyboard } : {}),
    });
    last = sent.message_id;
  }
  return last;
}

/**
 * Sends a file (an /export) as a document with a plain-text caption of at most 1024 characters.
 *
 * @example
 *   await replyFile(api, target, 'precis-feeds.opml', opml, '3 feeds of this chat as OPML');
 */
export async function replyFile(api: Api, target: ReplyTarget, name: string, content: string, caption: string): Promise<void> {
  await api.sendDocument(target.chatId, new InputFile(Buffer.from(content, 'utf8'), name), { caption: truncate(caption, MAX_CAPTION), ...placement(target, true) });
}

/**
 * Replaces the text and keyboard of a message the bot sent (a settings or unsubscribe keyboard
 * after a press). "message is not modified" is not a failure: the message already says it.
 *
 * @example
 *   await editReply(api, chatId, messageId, settingsText(chat, 'en'), settingsKeyboard(chat, 'en'));
 */
export async function editReply(api: Api, chatId: number, messageId: number, text: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
  try {
    await api.editMessageText(chatId, messageId, splitReply(text)[0] ?? '…', { link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) });
  } catch (error) {
    if (error instanceof Error && /message is not modified/.test(error.message)) return;
    throw error;
  }
}
