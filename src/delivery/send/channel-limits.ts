import type { ChatKind } from '../../store/records.ts';

/**
 * At most `count` messages in any `perMs` window, and (per chat) never two closer than `minGapMs`.
 *
 * @example
 *   const telegramGroups: RateLimit = { count: 20, perMs: 60_000, minGapMs: 1000 };
 */
export interface RateLimit {
  count: number;
  perMs: number;
  minGapMs?: number;
}

/**
 * The sending limits a platform imposes, declared by its DeliveryChannel and enforced by the
 * delivery core's throttle, so a 10,000-chat digest goes out at the limit instead of in a storm
 * of 429s. `null` means no limit at that level.
 *
 * @example
 *   const channel: DeliveryChannel = { platform: 'telegram', limits: TELEGRAM_LIMITS, render, send };
 */
export interface DeliveryLimits {
  /** Across all chats of the bot. */
  global: RateLimit | null;
  /** Per chat (or thread), by the kind of chat. */
  perChat: Readonly<Record<ChatKind, RateLimit | null>>;
}

/**
 * Telegram Bot API: about 30 messages a second overall; in any one chat about one a second, and
 * in a group or channel no more than 20 a minute
 * (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this). Digests,
 * command answers and notices all count, so they share these limits.
 */
export const TELEGRAM_LIMITS: DeliveryLimits = {
  global: { count: 30, perMs: 1000 },
  perChat: {
    private: { count: 1, perMs: 1000 },
    group: { count: 20, perMs: 60_000, minGapMs: 1000 },
    channel: { count: 20, perMs: 60_000, minGapMs: 1000 },
  },
};

/**
 * Discord: 50 requests a second per bot, and a bucket per route — for posting in a channel,
 * 5 messages per 5 s. discord.js's REST client also queues each bucket itself (from the
 * X-RateLimit headers); pacing channels here too means no send waits inside discord.js while
 * holding its turn. Interaction answers are not counted: Discord does not bind interaction
 * endpoints to the bot's global limit, and they have buckets of their own.
 */
export const DISCORD_LIMITS: DeliveryLimits = {
  global: { count: 50, perMs: 1000 },
  perChat: { private: { count: 5, perMs: 5000 }, group: { count: 5, perMs: 5000 }, channel: { count: 5, perMs: 5000 } },
};

/** No limits at all (the console). */
export const UNLIMITED: DeliveryLimits = { global: null, perChat: { private: null, group: null, channel: null } };
