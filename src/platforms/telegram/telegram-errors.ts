import { GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../../delivery/delivery-error.ts';

/**
 * Maps a Bot API failure to what the delivery core should do:
 * 403 (blocked, kicked, deactivated) and 400 "chat not found" → permanent; 400 with
 * migrate_to_chat_id → migrated; 429 → rate_limited with retry_after; 5xx and network → transient.
 *
 * @example
 *   try { await api.sendMessage(id, html); } catch (error) { throw toDeliveryError(error); }
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof GrammyError) {
    const { error_code: status, description, parameters } = error;
    if (status === 429) return new DeliveryError('rate_limited', description, { status, retryAfterMs: (parameters.retry_after ?? 1) * 1000 });
    if (parameters.migrate_to_chat_id !== undefined) {
      return new DeliveryError('migrated', description, { status, migrateToChatId: String(parameters.migrate_to_chat_id) });
    }
    if (status === 403) return new DeliveryError('permanent', description, { status });
    if (status === 400 && /chat not found|group chat was deactivated|need administrator rights|not enough rights|CHAT_WRITE_FORBIDDEN|TOPIC_CLOSED|thread not found/i.test(description)) {
      return new DeliveryError('permanent', description, { status });
    }
    if (status >= 500) return new DeliveryError('transient', description, { status });
    return new DeliveryError('invalid', description, { status });
  }
  if (error instanceof HttpError) return new DeliveryError('transient', `network error: ${error.message}`);
  return new DeliveryError('transient', error instanceof Error ? error.message : String(error));
}
