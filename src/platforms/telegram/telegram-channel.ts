import type { Api } from 'grammy';
import type { DeliveryChannel } from '../../delivery/delivery-channel.ts';
import { TELEGRAM_LIMITS } from '../../delivery/send/channel-limits.ts';
import { renderTelegram, type TelegramMessage } from '../../render/render-telegram.ts';
import { toDeliveryError } from './telegram-errors.ts';

/**
 * Telegram as a delivery channel: digests rendered as HTML messages, sent with sendMessage to
 * the chat (and forum topic) of the subscription.
 *
 * @example
 *   const channel = telegramChannel(bot.api);
 */
export function telegramChannel(api: Api): DeliveryChannel {
  return {
    platform: 'telegram',
    limits: TELEGRAM_LIMITS,
    render: (digest, chat) => renderTelegram(digest, chat.settings.lang ?? digest.stories[0]?.lang ?? null).map((message) => JSON.stringify(message)),
    async send(chat, payload) {
      const message = JSON.parse(payload) as TelegramMessage;
      try {
        const sent = await api.sendMessage(chat.chatId, message.html, {
          parse_mode: 'HTML',
          link_preview_options: message.previewUrl ? { url: message.previewUrl } : { is_disabled: true },
          ...(chat.threadId ? { message_thread_id: Number(chat.threadId) } : {}),
        });
        return String(sent.message_id);
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}
