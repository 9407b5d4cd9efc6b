import { ChannelType, PermissionFlagsBits, type Client, type GuildBasedChannel, type PermissionResolvable } from 'discord.js';

/** Channel types a digest can be posted to. */
export const POSTABLE_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
] as const;

const THREADS = new Set<ChannelType>([ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread]);

/** Permission names as Discord's settings show them. */
const NAMES = new Map<bigint, string>([
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.CreatePublicThreads, 'Create Public Threads'],
]);

/**
 * What the bot needs to post digests in a channel of this type: View Channel, Embed Links, and
 * Send Messages (a text channel, or a forum where it creates posts) or Send Messages in Threads
 * (a thread); with a new thread per digest, Create Public Threads and Send Messages in Threads.
 *
 * @example
 *   requiredPostingPermissions(ChannelType.GuildForum, false); // View Channel, Send Messages, Send Messages in Threads, Embed Links
 */
export function requiredPostingPermissions(type: ChannelType, threadPerDigest: boolean): bigint[] {
  const needs = [PermissionFlagsBits.ViewChannel];
  if (THREADS.has(type)) needs.push(PermissionFlagsBits.SendMessagesInThreads);
  else if (type === ChannelType.GuildForum) needs.push(PermissionFlagsBits.SendMessages, PermissionFlagsBits.SendMessagesInThreads);
  else {
    needs.push(PermissionFlagsBits.SendMessages);
    if (threadPerDigest) needs.push(PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads);
  }
  needs.push(PermissionFlagsBits.EmbedLinks);
  return needs;
}

/** What checking a channel found: the bot can post, lacks some permissions, or the channel is unusable. */
export type PostingCheck =
  | { ok: true; channel: GuildBasedChannel | null }
  | { ok: false; problem: 'missing_permissions'; missing: string[]; channel: GuildBasedChannel }
  | { ok: false; problem: 'unknown_channel' | 'not_postable' };

/**
 * Checks, from the gateway's cache (fetched when missing), that the bot can post digests in a
 * channel: it exists, is a text/announcement/forum channel or a thread (or a DM), and the bot
 * has every permission `requiredPostingPermissions` lists there.
 *
 * @example
 *   const check = await checkPostingPermissions(client, channelId, false);
 *   if (!check.ok && check.problem === 'missing_permissions') console.log(check.missing.join(', '));
 */
export async function checkPostingPermissions(client: Client, channelId: string, threadPerDigest: boolean): Promise<PostingCheck> {
  let channel;
  try {
    channel = client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId));
  } catch {
    return { ok: false, problem: 'unknown_channel' };
  }
  if (!channel) return { ok: false, problem: 'unknown_channel' };
  if (channel.isDMBased()) return { ok: true, channel: null };
  if (!(POSTABLE_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type)) return { ok: false, problem: 'not_postable' };
  const me = channel.guild.members.me ?? (await channel.guild.members.fetchMe());
  const permissions = channel.permissionsFor(me);
  const missing = requiredPostingPermissions(channel.type, threadPerDigest)
    .filter((flag) => !permissions.has(flag as PermissionResolvable, true))
    .map((flag) => NAMES.get(flag) ?? String(flag));
  return missing.length ? { ok: false, problem: 'missing_permissions', missing, channel } : { ok: true, channel };
}

/**
 * Whether a channel type is a thread (posts go in it; no thread of its own).
 *
 * @example
 *   isThreadType(ChannelType.PublicThread); // true
 */
export function isThreadType(type: ChannelType): boolean {
  return THREADS.has(type);
}
