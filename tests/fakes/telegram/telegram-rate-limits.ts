/** How strict the fake is, per Telegram's published limits. */
export interface FakeRateLimits {
  /** Messages per second over all chats. */
  globalPerSecond: number;
  /** Messages per second in one private chat… */
  privatePerSecond: number;
  /** …with this many allowed in a burst. */
  privateBurst: number;
  /** Messages per minute in one group, supergroup or channel. */
  groupPerMinute: number;
}

export const TELEGRAM_RATE_LIMITS: FakeRateLimits = { globalPerSecond: 30, privatePerSecond: 1, privateBurst: 3, groupPerMinute: 20 };

/** Times of accepted messages within a sliding window. */
class Window {
  private readonly times: number[] = [];

  constructor(
    private readonly count: number,
    private readonly spanMs: number,
  ) {}

  /** Ms until one more fits, 0 if it fits now. */
  waitMs(now: number): number {
    while (this.times.length && (this.times[0] ?? 0) <= now - this.spanMs) this.times.shift();
    if (this.times.length < this.count) return 0;
    return (this.times[this.times.length - this.count] ?? now) + this.spanMs - now;
  }

  record(now: number): void {
    this.times.push(now);
  }
}

/** A token bucket: `burst` tokens, refilled at `perSecond`. */
class Bucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  waitMs(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.perSecond) * 1000;
  }

  record(): void {
    this.tokens -= 1;
  }
}

/**
 * Telegram's flood control as the fake enforces it: a sliding window over all chats (30
 * messages in any second), a token bucket per private chat (1 a second, small bursts
 * tolerated), and a sliding window per group or channel (20 in any minute). Only accepted
 * messages count.
 *
 * @example
 *   const retryAfter = limits.check(chat, Date.now()); // 0, or seconds to wait (Telegram's retry_after)
 *   if (!retryAfter) limits.record(chat, Date.now());
 */
export class TelegramRateLimiter {
  private readonly global: Window;
  private readonly privates = new Map<number, Bucket>();
  private readonly groups = new Map<number, Window>();

  constructor(private readonly limits: FakeRateLimits) {
    this.global = new Window(limits.globalPerSecond, 1000);
  }

  /** 0 when a message to this chat is allowed now, else Telegram's retry_after (whole seconds, at least 1). */
  check(chat: { id: number; type: string }, now: number): number {
    const wait = Math.max(this.global.waitMs(now), this.chatLimit(chat, now).waitMs(now));
    return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
  }

  record(chat: { id: number; type: string }, now: number): void {
    this.global.record(now);
    this.chatLimit(chat, now).record(now);
  }

  private chatLimit(chat: { id: number; type: string }, now: number): Window | Bucket {
    if (chat.type === 'private') {
      let bucket = this.privates.get(chat.id);
      if (!bucket) {
        bucket = new Bucket(this.limits.privatePerSecond, this.limits.privateBurst, now);
        this.privates.set(chat.id, bucket);
      }
      return bucket;
    }
    let window = this.groups.get(chat.id);
    if (!window) {
      window = new Window(this.limits.groupPerMinute, 60_000);
      this.groups.set(chat.id, window);
    }
    return window;
  }
}
