/**
 * At most one turn per key (a chat, a topic) per `intervalMs`, for what anyone may ask often: a
 * `/digest` in a group, or the "this instance is private" answer to a stranger. An early ask
 * learns how long to wait.
 *
 * @example
 *   const cooldown = new ChatCooldown(30_000, Date.now);
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
    if (this.lastTurn.size > 10_000) {
      for (const [other, at] of this.lastTurn) if (now - at >= this.intervalMs) this.lastTurn.delete(other);
    }
    return 0;
  }

  /** Gives the turn back (what it was for could not even start). */
  release(key: string): void {
    this.lastTurn.delete(key);
  }
}
