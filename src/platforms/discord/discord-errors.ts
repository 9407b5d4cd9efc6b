import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../../delivery/delivery-error.ts';

/** Discord JSON error codes that mean the bot cannot post there until someone acts. */
const PERMANENT_CODES = new Set([
  10003, // Unknown Channel
  10004, // Unknown Guild
  50001, // Missing Access
  50013, // Missing Permissions
  50007, // Cannot send messages to this user
  160005, // Thread is locked
]);

/**
 * Maps a Discord REST failure to what the delivery core should do: Unknown Channel, Missing
 * Access, Missing Permissions → permanent (pause); 429 → rate_limited; 5xx/network → transient.
 *
 * @example
 *   try { await rest.post(route, { body }); } catch (error) { throw toDeliveryError(error); }
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof RateLimitError) return new DeliveryError('rate_limited', `rate limited on ${error.route}`, { status: 429, retryAfterMs: error.retryAfter });
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    if (PERMANENT_CODES.has(code) || error.status === 403 || error.status === 404) {
      return new DeliveryError('permanent', `${error.message} (code ${code})`, { status: error.status });
    }
    if (error.status === 429) return new DeliveryError('rate_limited', error.message, { status: 429, retryAfterMs: 1000 });
    if (error.status >= 500) return new DeliveryError('transient', error.message, { status: error.status });
    return new DeliveryError('invalid', `${error.message} (code ${code})`, { status: error.status });
  }
  if (error instanceof HTTPError) return new DeliveryError('transient', error.message, { status: error.status });
  return new DeliveryError('transient', error instanceof Error ? error.message : String(error));
}
