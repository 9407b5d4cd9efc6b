import type { ChatKind, ChatRecord } from '../../store/records.ts';
import type { DeliveryLimits, RateLimit } from './channel-limits.ts';
import { ChatWindow } from './chat-window.ts';
import { PrioritySlots } from './priority-slots.ts';
import type { SendPriority } from './send-priority.ts';
import type { ThrottleClock } from './throttle-clock.ts';
import { TurnGate, type GateEntry } from './turn-gate.ts';

export type { ThrottleClock } from './throttle-clock.ts';
export type { SendPriority } from './send-priority.ts';

/** The chat a message goes to, as the throttle knows it: its address on the platform, and its kind. */
export interface ThrottledChat {
  key: string;
  kind: ChatKind;
}

/**
 * A stored chat as the throttle knows it: by its address on the platform (a forum topic or thread
 * shares its chat's limits), so its digests, answers and notices share the chat's turns.
 *
 * @example
 *   await throttle.pace(throttledChat(chat), 'bulk');
 */
export function throttledChat(chat: Pick<ChatRecord, 'chatId' | 'kind'>): ThrottledChat {
  return { key: chat.chatId, kind: chat.kind };
}

/** Headroom over the platform's numbers: requests reach the server later than they leave, and not evenly. */
const DEFAULT_MARGIN = 0.04;
/** A send still unanswered after this long no longer holds its in-flight slot. */
const DEFAULT_SLOW_AFTER_MS = 2000;
const PRUNE_EVERY = 1000;

/**
 * Paces everything one platform posts — digests, command answers, notices — to the limits its
 * channel declares, so they share one budget and the platform never answers 429: over the whole
 * bot in evenly spaced turns (Telegram: 30 a second → one every 35 ms; bursts would put many
 * messages in flight at once), and per chat (Telegram: one a second, and 20 a minute in a group).
 * Chats wait for their own turn independently, so a chat at its own limit never holds the
 * others back. A 429's retry_after blocks that chat until it has passed.
 *
 * Turns go by priority (SendPriority): a command's answer takes the next free turn ahead of the
 * digests waiting (in its own chat too: the chat's next turn is the answer's), a requested
 * /digest goes before scheduled ones; with no answers to send, the digests get every turn.
 *
 * Digest messages (`acquire`) are also bounded in flight: a turn is held from the send until the
 * ledger has recorded the message as sent, and at most `maxInFlight` turns are held at once. A
 * process killed at any moment has then sent at most that many messages it did not record, the
 * only ones it sends again after a restart. A send still unanswered after `slowAfterMs` (2 s)
 * gives its slot up, so a chat whose sends hang never stops the others (a crash then may repeat
 * it too). Answers and notices (`pace`) are not in the ledger and hold no slot.
 *
 * @example
 *   const throttle = new SendThrottle(TELEGRAM_LIMITS, clock, { maxInFlight: 1 });
 *   const done = await throttle.acquire({ key: '42', kind: 'group' });
 *   try { await send(); await markSent(); } finally { done(); }
 */
export class SendThrottle {
  private readonly gate: TurnGate;
  private readonly chats = new Map<string, ChatWindow>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly inFlight: PrioritySlots;
  /** Chats with answers waiting for a turn: their digests and notices let the answers go first. */
  private readonly answering = new Map<string, { count: number; done: (() => void)[] }>();
  private turns = 0;

  constructor(
    private readonly limits: DeliveryLimits,
    private readonly clock: ThrottleClock,
    private readonly options: { margin?: number; maxInFlight?: number; slowAfterMs?: number } = {},
  ) {
    const global = limits.global;
    this.gate = new TurnGate(global ? this.widen(global.perMs / global.count) : 0, clock);
    this.inFlight = new PrioritySlots(options.maxInFlight ?? 1);
  }

  private widen(ms: number): number {
    return ms * (1 + (this.options.margin ?? DEFAULT_MARGIN));
  }

  private window(chat: ThrottledChat): ChatWindow | null {
    const limit: RateLimit | null = this.limits.perChat[chat.kind];
    if (!limit) return null;
    let own = this.chats.get(chat.key);
    if (!own) {
      own = new ChatWindow(limit.count, this.widen(limit.perMs), this.widen(limit.minGapMs ?? 0));
      this.chats.set(chat.key, own);
    }
    return own;
  }

  /** When the chat may take a message, at the earliest now. */
  private chatReadyAt(chat: ThrottledChat | null): number {
    const now = this.clock.now();
    if (!chat) return now;
    return Math.max(this.window(chat)?.readyAt(now) ?? now, this.blockedUntil.get(chat.key) ?? 0);
  }

  private entry(chat: ThrottledChat | null, priority: SendPriority): GateEntry {
    return {
      chatFree: (now) => this.chatReadyAt(chat) <= now && (priority === 'reply' || !chat || !this.answering.has(chat.key)),
      onTurn: (now) => {
        if (!chat) return;
        this.window(chat)?.record(now);
        this.blockedUntil.delete(chat.key);
        if (++this.turns % PRUNE_EVERY === 0) this.prune();
      },
    };
  }

  /** Waits for the chat's own turn (after its waiting answers, unless this is one), holding nothing: other chats go on meanwhile. */
  private async untilChatFree(chat: ThrottledChat | null, priority: SendPriority, signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (chat && priority !== 'reply' && this.answering.has(chat.key)) {
        await this.untilAnswered(chat.key, signal);
        continue;
      }
      const wait = this.chatReadyAt(chat) - this.clock.now();
      if (wait <= 0) return;
      await this.clock.sleep(wait, signal);
    }
  }

  /**
   * For a message recorded in the ledger (a digest part): resolves when it may be sent now, with
   * the function that ends the turn (call it once the message is recorded, or failed); rejects
   * if `signal` aborts the wait. `requested` for a digest someone asked for, `bulk` otherwise.
   */
  async acquire(chat: ThrottledChat, signal?: AbortSignal, priority: SendPriority = 'bulk'): Promise<() => void> {
    for (;;) {
      await this.untilChatFree(chat, priority, signal);
      await this.inFlight.take(priority, signal);
      let granted: boolean;
      try {
        granted = await this.gate.enter(priority, this.entry(chat, priority), signal);
      } catch (error) {
        this.inFlight.give();
        throw error;
      }
      if (granted) break;
      // An answer took the chat's turn meanwhile: the slot goes to someone else while this chat waits again.
      this.inFlight.give();
    }
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

  /**
   * For a message outside the ledger — a command's answer (`reply`), a notice (`bulk`): resolves
   * when it may be sent now, within the same limits as the digests (and the same chat's limit
   * as the chat's digests); `chat` null for a request that counts only against the whole bot.
   * Rejects if `signal` aborts the wait.
   */
  async pace(chat: ThrottledChat | null, priority: SendPriority, signal?: AbortSignal): Promise<void> {
    const answer = chat && priority === 'reply' ? this.startAnswer(chat.key) : null;
    try {
      for (;;) {
        await this.untilChatFree(chat, priority, signal);
        if (await this.gate.enter(priority, this.entry(chat, priority), signal)) return;
      }
    } finally {
      answer?.();
    }
  }

  /** Marks an answer to the chat as waiting; returns the function that ends the wait. */
  private startAnswer(key: string): () => void {
    const pending = this.answering.get(key) ?? { count: 0, done: [] };
    pending.count++;
    this.answering.set(key, pending);
    return () => {
      if (--pending.count > 0) return;
      this.answering.delete(key);
      for (const resume of pending.done) resume();
    };
  }

  /** Resolves once the chat has no answer waiting; rejects if `signal` aborts the wait. */
  private untilAnswered(key: string, signal?: AbortSignal): Promise<void> {
    const pending = this.answering.get(key);
    if (!pending) return Promise.resolve();
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        return;
      }
      const resume = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        pending.done.splice(pending.done.indexOf(resume), 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.done.push(resume);
    });
  }

  /** Holds a chat's next message back until `until` (a 429's retry_after). */
  penalize(chatKey: string, until: number): void {
    this.blockedUntil.set(chatKey, Math.max(until, this.blockedUntil.get(chatKey) ?? 0));
  }

  /** Forgets chats idle for longer than their window, so memory follows the active chats only. */
  private prune(): void {
    const longest = Math.max(...Object.values(this.limits.perChat).map((limit) => this.widen(Math.max(limit?.perMs ?? 0, limit?.minGapMs ?? 0))));
    const cutoff = this.clock.now() - 2 * longest;
    for (const [key, window] of this.chats) if (window.idleSince() < cutoff) this.chats.delete(key);
  }
}
