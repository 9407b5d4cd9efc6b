import { SEND_PRIORITIES, type SendPriority } from './send-priority.ts';

interface SlotWaiter {
  grant: () => void;
}

/**
 * At most `size` holders at once; a freed slot goes to the longest waiter of the highest lane,
 * and a waiter can give up (abort).
 *
 * @example
 *   const slots = new PrioritySlots(1);
 *   await slots.take('bulk');
 *   try { await send(); } finally { slots.give(); }
 */
export class PrioritySlots {
  private free: number;
  private readonly lanes = new Map<SendPriority, SlotWaiter[]>(SEND_PRIORITIES.map((priority) => [priority, []]));

  constructor(size: number) {
    this.free = size;
  }

  take(priority: SendPriority, signal?: AbortSignal): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    const lane = this.lanes.get(priority) ?? [];
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        return;
      }
      const waiter: SlotWaiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        lane.splice(lane.indexOf(waiter), 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      lane.push(waiter);
    });
  }

  give(): void {
    for (const priority of SEND_PRIORITIES) {
      const next = this.lanes.get(priority)?.shift();
      if (next) {
        next.grant();
        return;
      }
    }
    this.free++;
  }
}
