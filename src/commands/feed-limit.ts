import type { CommandContext, InterfaceLanguage } from './command.ts';

/** How many more feeds a chat may follow under the instance's `limits.feedsPerChat`. */
export interface FeedRoom {
  following: number;
  limit: number;
  /** Feeds that may still be added (0 when the chat is at its limit). */
  left: number;
}

/**
 * The chat's room for more feeds: `limits.feedsPerChat` keeps one chat from making the instance
 * poll thousands of feeds.
 *
 * @example
 *   const room = await feedRoom(context);
 *   if (!room.left) return reply(context, feedLimitText(room));
 */
export async function feedRoom(context: Pick<CommandContext, 'service' | 'chat'>): Promise<FeedRoom> {
  const following = (await context.service.store.listSubscriptions(context.chat.id)).length;
  const limit = context.service.config.limits.feedsPerChat;
  return { following, limit, left: Math.max(0, limit - following) };
}

/**
 * Why a chat cannot follow more feeds, and what to do about it.
 *
 * @example
 *   feedLimitText({ following: 50, limit: 50, left: 0 }).en; // 'This chat follows 50 feeds, the most this instance allows …'
 */
export function feedLimitText(room: FeedRoom): Record<InterfaceLanguage, string> {
  return {
    en: `This chat follows ${room.following} feeds, the most this instance allows (limits.feedsPerChat: ${room.limit}). Remove one with /unsubscribe first.`,
    fr: `Ce chat suit ${room.following} flux, le maximum permis par cette instance (limits.feedsPerChat : ${room.limit}). Retirez-en un avec /unsubscribe d’abord.`,
  };
}
