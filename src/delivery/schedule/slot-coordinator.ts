import type { RunCoordinator } from 'node-cron';
import type { SlotClaimResult } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';

/** The slot a node-cron coordination key stands for, as the store records it. */
export interface SlotTarget {
  chatRef: number;
  slotAt: number;
  slotKey: string;
}

/**
 * node-cron's run coordinator backed by the store: for each slot a task fires, the instance whose
 * `INSERT … ON CONFLICT DO NOTHING` of the slot key succeeds runs it; the others skip. So any
 * number of instances on one database fire each slot once. A claim whose owner died (not
 * completed when its lease ran out) can be taken over.
 *
 * `slotOf` turns node-cron's key ("<task name>:<slot ISO>") into the canonical slot, so that a
 * slot fired by node-cron and the same slot fired by the scheduler's catch-up share one key.
 *
 * @example
 *   createTask(cron, run, { name: 'digest:42', distributed: true, runCoordinator: storeRunCoordinator(store, options) });
 */
export function storeRunCoordinator(
  store: Store,
  options: {
    owner: string;
    now: () => number;
    leaseMs: number;
    slotOf: (key: string) => SlotTarget | null;
    /** Told the outcome of every claim (to remember which slots are handled). */
    onClaim?: (target: SlotTarget, result: SlotClaimResult) => void;
    /** Told when the store could not be asked (node-cron then skips the fire: fail-closed). */
    onClaimError?: (target: SlotTarget, error: unknown) => void;
  },
): RunCoordinator {
  return {
    async shouldRun(key) {
      const target = options.slotOf(key);
      if (!target) return false;
      let result: SlotClaimResult;
      try {
        result = await store.claimSlot({ ...target, owner: options.owner, at: options.now(), leaseMs: options.leaseMs });
      } catch (error) {
        options.onClaimError?.(target, error);
        throw error;
      }
      options.onClaim?.(target, result);
      return result === 'claimed';
    },
  };
}
