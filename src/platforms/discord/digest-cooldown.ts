/**
 * How often `/digest` may run per Discord channel: anyone may ask, so each channel gets one
 * on-demand digest per `intervalMs`, and an early ask learns how long to wait.
 *
 * @example
 *   const cooldown = new DigestCooldown(30_000, Date.now);
 *   cooldown.take('123'); // 0: go ahead; then 30000, 29000… until the interval has passed
 */
export class DigestCooldown {
  private readonly lastRun = new Map<string, number>();

  constructor(
    readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /** Takes the channel's turn: 0 when granted, else the milliseconds left to wait. */
  take(channelId: string): number {
    const now = this.now();
    const last = this.lastRun.get(channelId);
    if (last !== undefined && now - last < this.intervalMs) return this.intervalMs - (now - last);
    this.lastRun.set(channelId, now);
    if (this.lastRun.size > 10_000) this.forgetOld(now);
    return 0;
  }

  /** Gives the turn back (the digest could not even start). */
  release(channelId: string): void {
    this.lastRun.delete(channelId);
  }

  private forgetOld(now: number): void {
    for (const [channelId, at] of this.lastRun) if (now - at >= this.intervalMs) this.lastRun.delete(channelId);
  }
}
