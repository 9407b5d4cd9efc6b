import type { ChatKind } from '../../store/records.ts';
import type { DeliveryLimits, RateLimit } from './channel-limits.ts';

/** Time as the throttle sees it; tests pass a fake clock. */
export interface ThrottleClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The send times of the last `count` messages: a new one fits once the oldest of them is a window old. */
class SlidingWindow {
  private readonly times: number[] = [];

  constructor(
    private readonly count: number,
    private readonly spanMs: number,
  ) {}

  earliest(at: number): number {
    const oldest = this.times.length >= this.count ? this.times[this.times.length - this.count] : undefined;
    const last = this.times.at(-1) ?? at;
    return Math.max(at, last, oldest === undefined ? at : oldest + this.spanMs);
  }

  record(time: number): void {
    this.times.push(time);
    if (this.times.length > this.count) this.times.shift();
  }

  idleSince(): number {
    return this.times.at(-1) ?? 0;
  }
}

/** Headroom over the platform's numbers: requests reach the server later than they leave, and not evenly. */
const DEFAULT_MARGIN = 0.02;
const DEFAULT_SLACK_MS = 20;
const PRUNE_EVERY = 1000;

/**
 * Paces one platform's messages to the limits its channel declares: a sliding window over the
 * whole bot (Telegram: 30 a second) and one per chat (1 a second in a private chat, 20 a minute
 * in a group). Callers wait their turn; chats wait independently, so a chat at its own limit
 * never holds the others back. A 429's retry_after blocks that chat until it has passed.
 *
 * @example
 *   const throttle = new SendThrottle(TELEGRAM_LIMITS, clock);
 *   await throttle.acquire({ key: '42', kind: 'group' });
 *   await api.sendMessage(42, html);
 */
export class SendThrottle {
  private readonly global: SlidingWindow | null;
  private readonly chats = new Map<string, SlidingWindow>();
  private readonly blockedUntil = new Map<string, number>();
  private acquired = 0;

  constructor(
    private readonly limits: DeliveryLimits,
    private readonly clock: ThrottleClock,
    private readonly options: { margin?: number; slackMs?: number } = {},
  ) {
    this.global = limits.global ? this.window(limits.global) : null;
  }

  private window(limit: RateLimit): SlidingWindow {
    const margin = this.options.margin ?? DEFAULT_MARGIN;
    return new SlidingWindow(limit.count, Math.ceil(limit.perMs * (1 + margin)) + (this.options.slackMs ?? DEFAULT_SLACK_MS));
  }

  /** Resolves when one message to this chat may be sent now; rejects if `signal` aborts the wait. */
  async acquire(chat: { key: string; kind: ChatKind }, signal?: AbortSignal): Promise<void> {
    const limit = this.limits.perChat[chat.kind];
    let own: SlidingWindow | undefined;
    if (limit) {
      own = this.chats.get(chat.key);
      if (!own) {
        own = this.window(limit);
        this.chats.set(chat.key, own);
      }
    }
    const blocked = this.blockedUntil.get(chat.key) ?? 0;
    const chatTurn = Math.max(own ? own.earliest(this.clock.now()) : 0, blocked);
    if (chatTurn > this.clock.now()) await this.clock.sleep(chatTurn - this.clock.now(), signal);
    if (this.global) {
      // Turns are handed out in call order, so the global window is a fair queue.
      const turn = this.global.earliest(this.clock.now());
      this.global.record(turn);
      if (turn > this.clock.now()) await this.clock.sleep(turn - this.clock.now(), signal);
    }
    own?.record(this.clock.now());
    if (blocked) this.blockedUntil.delete(chat.key);
    if (++this.acquired % PRUNE_EVERY === 0) this.prune();
  }

  /** Holds a chat's next message back until `until` (a 429's retry_after). */
  penalize(chatKey: string, until: number): void {
    this.blockedUntil.set(chatKey, Math.max(until, this.blockedUntil.get(chatKey) ?? 0));
  }

  /** Forgets chats idle for longer than their window, so memory follows the active chats only. */
  private prune(): void {
    const longest = Math.max(...Object.values(this.limits.perChat).map((limit) => limit?.perMs ?? 0));
    const cutoff = this.clock.now() - 2 * longest;
    for (const [key, window] of this.chats) if (window.idleSince() < cutoff) this.chats.delete(key);
  }
}
