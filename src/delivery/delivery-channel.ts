import type { Digest } from '../digest/digest.ts';
import type { ChatRecord, Platform } from '../store/records.ts';
import type { DeliveryLimits } from './send/channel-limits.ts';

/**
 * A platform the delivery core can post to. Adapters (Telegram, Discord, the console) implement
 * it; everything about schedules, windows, the ledger, pacing and retries stays platform-neutral.
 *
 * What an adapter must do:
 * - declare `limits` (TELEGRAM_LIMITS, DISCORD_LIMITS…): the core paces every send to them, and
 *   the adapter paces its command answers on the same throttle (`SendThrottle.pace`, priority
 *   `reply`) wherever the platform counts them against the same limits;
 * - make `send` post exactly one message and either resolve with its id or reject with a
 *   DeliveryError: `rate_limited` with `retryAfterMs` (429), `transient` (5xx, network,
 *   timeout), `permanent` (blocked, kicked, chat deleted, no permission: the chat is paused),
 *   `migrated` with `migrateToChatId` (Telegram group → supergroup: the chat moves and the
 *   message is resent), `invalid` (the platform refused this message itself);
 * - bound `send` in time (well under `DeliveryPolicy.leaseMs`, 60 s by default), or another
 *   instance may take the delivery over while the message is still in flight;
 * - call `resumeChat` when the bot is re-added to a paused chat, and `migrateChat` when the
 *   platform reports a chat's new id.
 *
 * @example
 *   const channel: DeliveryChannel = consoleChannel(process.stdout);
 *   const payloads = channel.render(digest, chat);
 *   const messageId = await channel.send(chat, payloads[0]!);
 */
export interface DeliveryChannel {
  readonly platform: Platform;
  /** The platform's sending limits, enforced by the core's throttle. */
  readonly limits: DeliveryLimits;
  /** The digest as this platform's messages, each serialised to a string for the ledger. */
  render(digest: Digest, chat: ChatRecord): string[];
  /**
   * Posts one rendered message; resolves to the platform's message id (null if it has none).
   * Rejects with a DeliveryError saying whether to retry, pause or give up.
   */
  send(chat: ChatRecord, payload: string): Promise<string | null>;
  /**
   * Posts a short plain-text notice (e.g. "the feed X is paused"), escaped for the platform,
   * awaiting `turn()` before each message it posts (the caller's pacing within the platform's
   * limits). Optional: a channel without it cannot be sent notices, and the service only logs them.
   */
  notify?(chat: ChatRecord, text: string, turn: () => Promise<void>): Promise<void>;
}
