/**
 * How a platform refused a message, in the terms the delivery core acts on:
 * - `permanent`: the chat is gone or the bot may not post (blocked, kicked, deleted, no permission) → pause the chat;
 * - `rate_limited`: try again after `retryAfterMs`;
 * - `migrated`: the chat has a new id (Telegram group → supergroup) → move the chat and resend;
 * - `transient`: network or server trouble → retry with backoff;
 * - `invalid`: the message itself was refused (a rendering bug) → give up on this message.
 *
 * @example
 *   throw new DeliveryError('permanent', 'Forbidden: bot was blocked by the user', { status: 403 });
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';

  constructor(
    readonly kind: 'permanent' | 'rate_limited' | 'migrated' | 'transient' | 'invalid',
    readonly description: string,
    readonly facts: { status?: number; retryAfterMs?: number; migrateToChatId?: string } = {},
  ) {
    super(description);
  }
}
