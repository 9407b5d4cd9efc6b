import { SEND_PRIORITIES, type SendPriority } from './send-priority.ts';
import type { ThrottleClock } from './throttle-clock.ts';

/** A message waiting for its turn over the whole bot; its chat's own limit is checked when the turn comes. */
export interface GateEntry {
  /** Whether the chat may take a message now (another message to it may have taken the chat's turn meanwhile). */
  chatFree(now: number): boolean;
  /** Called synchronously when the turn is given: the chat's turn is recorded before any other entry is looked at. */
  onTurn(now: number): void;
}

interface Waiter extends GateEntry {
  enteredAt: number;
  settle(granted: boolean): void;
}

/**
 * The bot's turns, evenly spaced (one every `intervalMs`, 0 for no limit), handed out by priority:
 * when a turn comes, the longest waiter of the highest lane takes it — a command's answer goes
 * before digests already waiting, and digests get every turn no answer wants. A waiter whose chat
 * was taken meanwhile is sent back to wait for its chat (the turn goes to the next waiter).
 *
 * A late timer does not slow the pace down: the turn is booked at its due time, up to half an
 * interval back, so turns neither drift later nor bunch up.
 *
 * @example
 *   const gate = new TurnGate(1000 / 30, clock);
 *   const granted = await gate.enter('reply', { chatFree: () => true, onTurn: () => undefined });
 */
export class TurnGate {
  private last = -Infinity;
  private readonly lanes = new Map<SendPriority, Waiter[]>(SEND_PRIORITIES.map((priority) => [priority, []]));
  private waiting = 0;
  private wake: AbortController | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly clock: ThrottleClock,
  ) {}

  /**
   * Resolves with true once this entry has its turn (its `onTurn` was called), or false if its
   * chat was taken by another message first; rejects if `signal` aborts the wait.
   */
  enter(priority: SendPriority, entry: GateEntry, signal?: AbortSignal): Promise<boolean> {
    const lane = this.lanes.get(priority) ?? [];
    return new Promise<boolean>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        return;
      }
      const onAbort = () => {
        const index = lane.indexOf(waiter);
        if (index < 0) return;
        lane.splice(index, 1);
        this.left();
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const waiter: Waiter = {
        chatFree: (now) => entry.chatFree(now),
        onTurn: (now) => {
          entry.onTurn(now);
        },
        enteredAt: this.clock.now(),
        settle: (granted) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(granted);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      lane.push(waiter);
      this.waiting++;
      if (!this.wake) this.pump();
    });
  }

  /** Waiters of every lane (for tests and metrics). */
  get size(): number {
    return this.waiting;
  }

  private left(): void {
    this.waiting--;
    if (this.waiting === 0 && this.wake) {
      this.wake.abort();
      this.wake = null;
    }
  }

  private next(): Waiter | undefined {
    for (const priority of SEND_PRIORITIES) {
      const waiter = this.lanes.get(priority)?.shift();
      if (waiter) {
        this.left();
        return waiter;
      }
    }
    return undefined;
  }

  /** Gives every turn that is due, then sleeps until the next one if anyone still waits. */
  private pump(): void {
    for (;;) {
      if (this.waiting === 0) return;
      const now = this.clock.now();
      const due = this.last + this.intervalMs;
      if (due > now) {
        this.sleepUntil(due - now);
        return;
      }
      const waiter = this.next();
      if (!waiter) return;
      if (!waiter.chatFree(now)) {
        waiter.settle(false);
        continue;
      }
      this.last = Math.max(due, waiter.enteredAt, now - this.intervalMs / 2);
      waiter.onTurn(now);
      waiter.settle(true);
    }
  }

  private sleepUntil(ms: number): void {
    if (this.wake) return;
    const wake = new AbortController();
    this.wake = wake;
    this.clock.sleep(ms, wake.signal).then(
      () => {
        if (this.wake !== wake) return;
        this.wake = null;
        this.pump();
      },
      () => undefined,
    );
  }
}
