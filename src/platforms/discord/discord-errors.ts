import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../../delivery/delivery-error.ts';

/** Discord JSON error codes that mean the bot cannot post there until someone acts, and why, in words. */
const PERMANENT_CODES = new Map<number, string>([
  [10003, 'the channel no longer exists (Unknown Channel)'],
  [10004, 'the server no longer exists or removed the bot (Unknown Guild)'],
  [50001, 'the bot cannot see the channel (Missing Access)'],
  [50013, 'the bot lacks a permission there: View Channel, Send Messages, Send Messages in Threads or Embed Links (Missing Permissions)'],
  [50007, 'the user does not accept direct messages from the bot'],
  [50008, 'the channel does not take messages'],
  [50083, 'the thread is archived'],
  [160005, 'the thread is locked'],
]);

/**
 * Maps a Discord REST failure to what the delivery core should do: Unknown Channel, Missing
 * Access, Missing Permissions (and other refusals only a person can fix) → permanent, so the
 * subscription is paused with the reason; 429 → rate_limited; 5xx and network → transient; a
 * message Discord refuses as such (Invalid Form Body) → invalid.
 *
 * @example
 *   try { await rest.post(route, { body }); } catch (error) { throw toDeliveryError(error, channelId); }
 */
export function toDeliveryError(error: unknown, channelId?: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const where = channelId ? ` in channel ${channelId}` : '';
  if (error instanceof RateLimitError) return new DeliveryError('rate_limited', `Discord rate limit on ${error.route}`, { status: 429, retryAfterMs: error.retryAfter });
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const reason = PERMANENT_CODES.get(code);
    if (reason) return new DeliveryError('permanent', `Discord: ${reason}${where} (code ${code})`, { status: error.status });
    if (error.status === 403 || error.status === 404) return new DeliveryError('permanent', `Discord: ${error.message}${where} (code ${code})`, { status: error.status });
    if (error.status === 429) return new DeliveryError('rate_limited', `Discord: ${error.message}`, { status: 429, retryAfterMs: 1000 });
    if (error.status >= 500) return new DeliveryError('transient', `Discord: ${error.message}`, { status: error.status });
    return new DeliveryError('invalid', `Discord refused the message: ${error.message} (code ${code})`, { status: error.status });
  }
  if (error instanceof HTTPError) return new DeliveryError('transient', `Discord: ${error.message}`, { status: error.status });
  return new DeliveryError('transient', error instanceof Error ? error.message : String(error));
}
