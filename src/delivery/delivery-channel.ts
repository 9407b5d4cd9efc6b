import type { Digest } from '../digest/digest.ts';
import type { ChatRecord, Platform } from '../store/records.ts';

/**
 * A platform the delivery core can post to. Adapters (Telegram, Discord, the console) implement
 * it; everything about schedules, windows, the ledger and retries stays platform-neutral.
 *
 * @example
 *   const channel: DeliveryChannel = consoleChannel(process.stdout);
 *   const payloads = channel.render(digest, chat);
 *   const messageId = await channel.send(chat, payloads[0]!);
 */
export interface DeliveryChannel {
  readonly platform: Platform;
  /** The digest as this platform's messages, each serialised to a string for the ledger. */
  render(digest: Digest, chat: ChatRecord): string[];
  /**
   * Posts one rendered message; resolves to the platform's message id (null if it has none).
   * Rejects with a DeliveryError saying whether to retry, pause or give up.
   */
  send(chat: ChatRecord, payload: string): Promise<string | null>;
  /**
   * Posts a short plain-text notice (e.g. "the feed X is paused"), escaped for the platform.
   * Optional: a channel without it cannot be sent notices, and the service only logs them.
   */
  notify?(chat: ChatRecord, text: string): Promise<void>;
}
