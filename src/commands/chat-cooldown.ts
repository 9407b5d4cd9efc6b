/** One on-demand `/digest` per chat (a Telegram chat or forum topic, a Discord channel) per this long. */
export const DIGEST_COOLDOWN_MS = 30_000;

/**
 * At most one turn per key (a chat, a topic, a channel) per `intervalMs`, for what anyone may ask
 * often: `/digest` in a group or a server channel, or the "this instance is private" answer to a
 * stranger. An early ask learns how long to wait. Platform-neutral: the adapters choose the keys.
 *
 * @example
 *   const cooldown = new ChatCooldown(DIGEST_COOLDOWN_MS, Date.now);
 *   cooldown.take('-100123'); // 0: go ahead; then 30000, 29000… until the interval has passed
 */
export class ChatCooldown {
  private readonly lastTurn = new Map<string, number>();

  constructor(
    readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /** Takes the key's turn: 0 when granted, else the milliseconds left to wait. */
  take(key: string): number {
    const now = this.now();
    const last = this.lastTurn.get(key);
    if (last !== undefined && now - last < this.intervalMs) return this.intervalMs - (now - last);
    this.lastTurn.set(key, now);
    // Memory follows the keys still cooling down, however many chats ever asked.
    if (this.lastTurn.size > 10_000) {
      for (const [other, at] of this.lastTurn) if (now - at >= this.intervalMs) this.lastTurn.delete(other);
    }
    return 0;
  }

  /** Gives the turn back (what it was for could not even start). */
  release(key: string): void {
    this.lastTurn.delete(key);
  }

  /** Keys still cooling down (for tests and metrics). */
  get size(): number {
    return this.lastTurn.size;
  }
}
