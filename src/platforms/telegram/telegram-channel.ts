import type { Api } from 'grammy';
import type { DeliveryChannel } from '../../delivery/delivery-channel.ts';
import { isQuietAt } from '../../delivery/quiet-hours.ts';
import { TELEGRAM_LIMITS, type DeliveryLimits } from '../../delivery/send/channel-limits.ts';
import { renderTelegram, type TelegramMessage } from '../../render/render-telegram.ts';
import type { ChatRecord } from '../../store/records.ts';
import { splitReply } from './reply-chunks.ts';
import { toDeliveryError } from './telegram-errors.ts';

function topic(chat: ChatRecord) {
  return chat.threadId ? { message_thread_id: Number(chat.threadId) } : {};
}

/**
 * Telegram as a delivery channel: digests rendered by the shared renderer as HTML messages (every
 * feed string escaped, split under 4096 characters between stories, a link preview for the top
 * story only), sent with sendMessage to the chat and forum topic of the subscription. Digests
 * made during the chat's quiet hours, and notices sent then, arrive without a sound. `api`
 * should carry no throttler: the delivery core paces every digest and notice to `TELEGRAM_LIMITS`.
 *
 * @example
 *   const channel = telegramChannel(new Api(token, { apiRoot, timeoutSeconds: 30 }));
 */
export function telegramChannel(api: Api, options: { now?: () => number; limits?: DeliveryLimits } = {}): DeliveryChannel {
  const now = options.now ?? Date.now;
  return {
    platform: 'telegram',
    limits: options.limits ?? TELEGRAM_LIMITS,
    render: (digest, chat) =>
      renderTelegram(digest, chat.settings.lang ?? digest.stories[0]?.lang ?? null, { silent: isQuietAt(chat.settings.quietHours, chat.settings.timezone, digest.generatedAt) }).map((message) =>
        JSON.stringify(message),
      ),
    async send(chat, payload) {
      const message = JSON.parse(payload) as TelegramMessage;
      try {
        const sent = await api.sendMessage(chat.chatId, message.html, {
          parse_mode: 'HTML',
          link_preview_options: message.previewUrl ? { url: message.previewUrl } : { is_disabled: true },
          ...(message.silent ? { disable_notification: true } : {}),
          ...topic(chat),
        });
        return String(sent.message_id);
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async notify(chat, text, turn) {
      const quiet = isQuietAt(chat.settings.quietHours, chat.settings.timezone, now());
      try {
        for (const part of splitReply(text)) {
          await turn();
          await api.sendMessage(chat.chatId, part, { link_preview_options: { is_disabled: true }, ...(quiet ? { disable_notification: true } : {}), ...topic(chat) });
        }
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}
