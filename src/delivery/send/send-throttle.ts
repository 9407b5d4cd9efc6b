import type { ChatKind } from '../../store/records.ts';
import type { DeliveryLimits, RateLimit } from './channel-limits.ts';

/** Time as the throttle sees it; tests pass a fake clock. */
export interface ThrottleClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Evenly spaced turns: one every `intervalMs`, never in bursts. Bursts would be allowed by the
 * platform, but a burst puts many messages in flight at once, and each message in flight when
 * the process dies may be sent twice; evenly spaced, at most ⌈latency / interval⌉ are.
 */
class Spacing {
  private last = -Infinity;

  constructor(private readonly intervalMs: number) {}

  earliest(at: number): number {
    return Math.max(at, this.last + this.intervalMs);
  }

  record(time: number): void {
    this.last = Math.max(this.last, time);
  }

  idleSince(): number {
    return this.last;
  }
}

/** Headroom over the platform's numbers: requests reach the server later than they leave, and not evenly. */
const DEFAULT_MARGIN = 0.04;
/** A send still unanswered after this long no longer holds its in-flight slot. */
const DEFAULT_SLOW_AFTER_MS = 2000;
const PRUNE_EVERY = 1000;

/**
 * Paces one platform's messages to the limits its channel declares, evenly spaced: over the
 * whole bot (Telegram: 30 a second → one every 35 ms) and per chat (one a second in a private
 * chat, one every 3 s in a group: 20 a minute). Callers wait their turn; chats wait
 * independently, so a chat at its own limit never holds the others back. A 429's retry_after
 * blocks that chat until it has passed.
 *
 * @example
 *   const throttle = new SendThrottle(TELEGRAM_LIMITS, clock);
 *   await throttle.acquire({ key: '42', kind: 'group' });
 *   await api.sendMessage(42, html);
 */
/** At most `size` holders at once; waiters are served in order and can give up (abort). */
class Slots {
  private free: number;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(size: number) {
    this.free = size;
  }

  take(signal?: AbortSignal): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.free++;
  }
}

/**
 * Paces one platform's messages to the limits its channel declares, evenly spaced: over the
 * whole bot (Telegram: 30 a second → one every 35 ms) and per chat (one a second in a private
 * chat, one every 3 s in a group: 20 a minute). Chats wait for their own turn independently, so
 * a chat at its own limit never holds the others back. A 429's retry_after blocks that chat
 * until it has passed.
 *
 * It also bounds the messages in flight: a turn is held from the send until the ledger has
 * recorded the message as sent, and at most `maxInFlight` turns are held at once. A process
 * killed at any moment has then sent at most that many messages it did not record, the only
 * ones it sends again after a restart. A send still unanswered after `slowAfterMs` (2 s) gives
 * its slot up, so a chat whose sends hang never stops the others (a crash then may repeat it too).
 *
 * @example
 *   const throttle = new SendThrottle(TELEGRAM_LIMITS, clock, { maxInFlight: 1 });
 *   const done = await throttle.acquire({ key: '42', kind: 'group' });
 *   try { await send(); await markSent(); } finally { done(); }
 */
export class SendThrottle {
  private readonly global: Spacing | null;
  private readonly chats = new Map<string, Spacing>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly inFlight: Slots;
  private acquired = 0;

  constructor(
    private readonly limits: DeliveryLimits,
    private readonly clock: ThrottleClock,
    private readonly options: { margin?: number; maxInFlight?: number; slowAfterMs?: number } = {},
  ) {
    this.global = limits.global ? this.window(limits.global) : null;
    this.inFlight = new Slots(options.maxInFlight ?? 1);
  }

  private window(limit: RateLimit): Spacing {
    return new Spacing((limit.perMs / limit.count) * (1 + (this.options.margin ?? DEFAULT_MARGIN)));
  }

  /**
   * Resolves when one message to this chat may be sent now, with the function that ends the
   * turn (call it once the message is recorded, or failed); rejects if `signal` aborts the wait.
   */
  async acquire(chat: { key: string; kind: ChatKind }, signal?: AbortSignal): Promise<() => void> {
    const limit = this.limits.perChat[chat.kind];
    let own: Spacing | undefined;
    if (limit) {
      own = this.chats.get(chat.key);
      if (!own) {
        own = this.window(limit);
        this.chats.set(chat.key, own);
      }
    }
    const blocked = this.blockedUntil.get(chat.key) ?? 0;
    const chatTurn = Math.max(own ? own.earliest(this.clock.now()) : 0, blocked);
    // The chat's own wait comes first, holding nothing: other chats go on meanwhile.
    if (chatTurn > this.clock.now()) await this.clock.sleep(chatTurn - this.clock.now(), signal);
    await this.inFlight.take(signal);
    try {
      if (this.global) {
        const turn = this.global.earliest(this.clock.now());
        this.global.record(turn);
        if (turn > this.clock.now()) await this.clock.sleep(turn - this.clock.now(), signal);
      }
    } catch (error) {
      this.inFlight.give();
      throw error;
    }
    own?.record(this.clock.now());
    if (blocked) this.blockedUntil.delete(chat.key);
    if (++this.acquired % PRUNE_EVERY === 0) this.prune();
    let released = false;
    const slow = new AbortController();
    const release = () => {
      if (released) return;
      released = true;
      slow.abort();
      this.inFlight.give();
    };
    // A send that hangs stops counting against the others: one slow chat never holds up the rest.
    this.clock.sleep(this.options.slowAfterMs ?? DEFAULT_SLOW_AFTER_MS, slow.signal).then(release, () => undefined);
    return release;
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
