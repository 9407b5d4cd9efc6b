import { GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../../delivery/delivery-error.ts';

// 400 answers that mean the bot cannot post in this chat (or topic) at all, rather than that this message is wrong.
const CANNOT_POST =
  /chat not found|group chat was deactivated|need administrator rights|not enough rights|have no rights|CHAT_WRITE_FORBIDDEN|CHAT_SEND_PLAIN_FORBIDDEN|CHAT_RESTRICTED|USER_BANNED_IN_CHANNEL|PEER_ID_INVALID|TOPIC_CLOSED|TOPIC_DELETED|thread not found|bot is not a member/i;

/**
 * Maps a Bot API failure to what the delivery core should do:
 * 403 (blocked, kicked, deactivated) and 400 "chat not found", "not enough rights", a closed or
 * deleted forum topic → permanent (the chat is paused); 400 with migrate_to_chat_id → migrated;
 * 429 → rate_limited with retry_after; 5xx, network errors and timeouts → transient; any other
 * 400 (the message itself was refused) → invalid.
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
    if (status === 400 && CANNOT_POST.test(description)) return new DeliveryError('permanent', description, { status });
    if (status >= 500) return new DeliveryError('transient', description, { status });
    return new DeliveryError('invalid', description, { status });
  }
  if (error instanceof HttpError) return new DeliveryError('transient', `network error: ${error.message} (${networkReason(error)})`);
  return new DeliveryError('transient', error instanceof Error ? error.message : String(error));
}

/**
 * Whether Telegram refused the bot token itself: 401 Unauthorized, or 404 Not Found for a token
 * it cannot even read.
 *
 * @example
 *   if (isTokenRefused(error)) throw new ConfigError('TELEGRAM_BOT_TOKEN', ['…']);
 */
export function isTokenRefused(error: unknown): error is GrammyError {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404);
}

/**
 * Why a request never got an answer, without the request's URL (it holds the bot token):
 * "connect ECONNREFUSED 127.0.0.1:8081", "Request to 'getMe' timed out after 30 seconds".
 *
 * @example
 *   networkReason(httpError); // 'connect ECONNREFUSED 127.0.0.1:8081'
 */
export function networkReason(error: HttpError): string {
  const inner = error.error;
  const message = inner instanceof Error ? inner.message : String(inner);
  const reason = /reason: (.*)$/.exec(message)?.[1];
  if (reason) return reason;
  if (!/https?:\/\//.test(message)) return message;
  const code = (inner as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'no answer';
}

/**
 * An error fit for the log: grammY's HttpError carries the failed request, whose URL holds the
 * bot token, so it is replaced by an error that says only what failed and why.
 *
 * @example
 *   log.error({ err: loggableError(error) }, 'telegram polling stopped');
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error;
  const safe = new Error(`${error.message} (${networkReason(error)})`);
  safe.name = 'HttpError';
  return safe;
}
