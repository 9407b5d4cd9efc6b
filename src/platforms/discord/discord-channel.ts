import { Routes, type REST } from 'discord.js';
import type { DeliveryChannel } from '../../delivery/delivery-channel.ts';
import { DISCORD_LIMITS } from '../../delivery/send/channel-limits.ts';
import { renderDiscord, type DiscordMessage } from '../../render/render-discord.ts';
import { toDeliveryError } from './discord-errors.ts';

/**
 * Discord as a delivery channel: one embed per story, posted to the subscribed channel or
 * thread with `allowed_mentions: { parse: [] }` so feed text can never ping anyone.
 *
 * @example
 *   const channel = discordChannel(client.rest);
 */
export function discordChannel(rest: REST): DeliveryChannel {
  return {
    platform: 'discord',
    limits: DISCORD_LIMITS,
    render: (digest, chat) => renderDiscord(digest, chat.settings.lang ?? digest.stories[0]?.lang ?? null).map((message) => JSON.stringify(message)),
    async send(chat, payload) {
      const message = JSON.parse(payload) as DiscordMessage;
      try {
        const sent = (await rest.post(Routes.channelMessages(chat.threadId ?? chat.chatId), {
          body: { content: message.content || undefined, embeds: message.embeds, allowed_mentions: { parse: [] } },
        })) as { id: string };
        return sent.id;
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}
