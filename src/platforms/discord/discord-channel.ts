import { ChannelType, Routes, type Client } from 'discord.js';
import type { DeliveryChannel } from '../../delivery/delivery-channel.ts';
import { DeliveryError } from '../../delivery/delivery-error.ts';
import { DISCORD_LIMITS } from '../../delivery/send/channel-limits.ts';
import { escapeDiscordMarkdown } from '../../render/discord-markdown.ts';
import { formatDateTime, labelsFor } from '../../render/labels.ts';
import { renderDiscord, type DiscordMessage } from '../../render/render-discord.ts';
import type { ChatRecord } from '../../store/records.ts';
import { isThreadType } from './bot-permissions.ts';
import { toDeliveryError } from './discord-errors.ts';
import { splitReply } from './reply-chunks.ts';

/**
 * One stored part of a digest: the message, and which digest it belongs to so that, when the
 * digest gets its own thread or forum post, the parts after the first follow it there.
 */
interface DiscordPart extends DiscordMessage {
  digest: { key: string; threadName: string; part: number; last: boolean };
}

/** Every message Précis posts says it mentions nobody, whatever its text. */
const NO_MENTIONS = { parse: [] as never[] };
/** Threads remembered for digests being sent (a digest's parts go out within seconds). */
const MAX_REMEMBERED_THREADS = 1000;

function body(message: DiscordMessage) {
  return { content: message.content || undefined, embeds: message.embeds, allowed_mentions: NO_MENTIONS };
}

/**
 * Discord as a delivery channel: one embed per story (split by the renderer within Discord's
 * limits), posted to the subscribed channel, thread or DM with `allowed_mentions: { parse: [] }`
 * so feed text never pings anyone. A forum channel gets a new post per digest; a text channel
 * does too (a public thread) when the chat's `threadPerDigest` setting is on. Discord's own
 * per-route buckets are kept by discord.js's REST queue; the delivery core paces digests and
 * notices to `DISCORD_LIMITS` (50 requests/s). Command answers are not paced there: they go to
 * the interaction's own endpoints, which Discord does not count against the bot's global limit.
 *
 * @example
 *   const channel = discordChannel(client);
 *   await channel.send(chat, channel.render(digest, chat)[0]!);
 */
export function discordChannel(client: Client): DeliveryChannel {
  const threads = new Map<string, string>();
  const remember = (key: string, threadId: string) => {
    threads.set(key, threadId);
    if (threads.size > MAX_REMEMBERED_THREADS) threads.delete(threads.keys().next().value!);
  };

  // From the gateway's cache; a channel not in it (a DM) is fetched once and cached by discord.js.
  const channelType = async (channelId: string): Promise<ChannelType> => {
    const channel = client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId));
    if (!channel) throw new DeliveryError('permanent', `Discord: the channel ${channelId} no longer exists`);
    return channel.type;
  };

  const post = async (channelId: string, message: DiscordMessage): Promise<string> => {
    const sent = (await client.rest.post(Routes.channelMessages(channelId), { body: body(message) })) as { id: string };
    return sent.id;
  };

  /**
   * The thread a digest opened before a restart: the gateway's cache holds the active threads, so
   * the rest of the digest follows its first part (named after the digest, owned by the bot).
   */
  const openedBefore = (parentId: string, threadName: string): string | undefined =>
    client.channels.cache.find((channel) => channel.isThread() && channel.parentId === parentId && channel.ownerId === client.user?.id && channel.name === threadName)?.id;

  /** Posts a part of a digest that opens (or continues) its own thread or forum post. */
  const postInThread = async (chat: ChatRecord, type: ChannelType, part: DiscordPart): Promise<string> => {
    const { key, threadName, part: index, last } = part.digest;
    const known = threads.get(key) ?? (index > 0 ? openedBefore(chat.chatId, threadName) : undefined);
    if (known) {
      const id = await post(known, part);
      if (last) threads.delete(key);
      return id;
    }
    if (type === ChannelType.GuildForum) {
      // A forum post is a thread whose first message is this part; later parts follow in it (a part
      // whose post is gone opens one of its own).
      const name = index === 0 ? threadName : `${threadName} (${index + 1})`;
      const thread = (await client.rest.post(Routes.threads(chat.chatId), { body: { name, message: body(part) } })) as { id: string; message?: { id: string } };
      if (!last) remember(key, thread.id);
      return thread.message?.id ?? thread.id;
    }
    if (index > 0) return post(chat.chatId, part); // its thread is gone (deleted, archived): continue in the channel
    const thread = (await client.rest.post(Routes.threads(chat.chatId), { body: { name: threadName, type: ChannelType.PublicThread, auto_archive_duration: 1440 } })) as { id: string };
    remember(key, thread.id);
    const id = await post(thread.id, part);
    if (last) threads.delete(key);
    return id;
  };

  return {
    platform: 'discord',
    limits: DISCORD_LIMITS,
    render(digest, chat) {
      const lang = chat.settings.lang ?? digest.stories[0]?.lang ?? null;
      const labels = labelsFor(lang);
      const threadName = `${labels.digestTitle} — ${formatDateTime(digest.generatedAt, digest.timezone, labels.locale)}`.slice(0, 100);
      const messages = renderDiscord(digest, lang);
      return messages.map((message, part) => {
        const stored: DiscordPart = { ...message, digest: { key: `${chat.id}:${digest.generatedAt}`, threadName, part, last: part === messages.length - 1 } };
        return JSON.stringify(stored);
      });
    },
    async send(chat, payload) {
      const part = JSON.parse(payload) as Partial<DiscordPart> & DiscordMessage;
      try {
        const target = chat.threadId ?? chat.chatId;
        if (!part.digest) return await post(target, part);
        const type = await channelType(target);
        const ownThread = type === ChannelType.GuildForum || (chat.settings.threadPerDigest === true && !isThreadType(type) && type !== ChannelType.DM);
        return ownThread ? await postInThread(chat, type, part as DiscordPart) : await post(target, part);
      } catch (error) {
        throw toDeliveryError(error, chat.chatId);
      }
    },
    async notify(chat, text, turn) {
      const target = chat.threadId ?? chat.chatId;
      try {
        const type = await channelType(target);
        // A forum takes no plain message: the notice opens a post of its own.
        for (const chunk of splitReply(escapeDiscordMarkdown(text))) {
          await turn();
          if (type === ChannelType.GuildForum) await client.rest.post(Routes.threads(target), { body: { name: 'Précis', message: { content: chunk, allowed_mentions: NO_MENTIONS } } });
          else await post(target, { content: chunk, embeds: [] });
        }
      } catch (error) {
        throw toDeliveryError(error, chat.chatId);
      }
    },
  };
}
