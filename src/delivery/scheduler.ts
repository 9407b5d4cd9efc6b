import { createTask, type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.ts';
import type { ChatRecord, SlotClaimResult } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { slotKeyFor, type ScheduledSlot } from './run-scheduled-digest.ts';
import { compileSchedule, latestSlotAtOrBefore, nextSlotAfter, type CompiledSchedule } from './schedule/cron-slots.ts';
import { storeRunCoordinator, type SlotTarget } from './schedule/slot-coordinator.ts';

/** Why a slot runs: node-cron fired it on time, or the sweep found it overdue (downtime, a DST gap, a missed tick). */
export type SlotReason = 'on_time' | 'catch_up';

export interface SchedulerOptions {
  store: Store;
  log: Logger;
  /** This instance's name in slot claims. */
  instanceId: string;
  now: () => number;
  /** How long a slot claim holds before another instance may take it over. */
  claimLeaseMs: number;
  /** Runs a claimed slot; resolves when its digest is done. Throwing gives the slot back, to be retried. */
  runSlot: (chatRef: number, slot: ScheduledSlot, reason: SlotReason) => Promise<void>;
  /** How often overdue slots are looked for (a node-cron expression). */
  sweepCron?: string;
  /** Wait before a failed slot is tried again. */
  retryMs?: number;
  /** Age beyond which slot claims and sent message bodies are pruned from the ledger. */
  keepLedgerMs?: number;
}

interface ScheduledChat {
  chatRef: number;
  cron: string;
  timezone: string;
  compiled: CompiledSchedule;
  task: ScheduledTask;
  /** The latest slot handled (claimed by anyone), or the point since which slots are owed. */
  handledUpTo: number;
  nextDue: number;
  running: boolean;
  retryAt: number;
}

const DEFAULT_SWEEP_CRON = '*/20 * * * * *';
const DEFAULT_RETRY_MS = 5 * 60_000;
const DEFAULT_KEEP_LEDGER_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 24 * 3_600_000;
/** How far back a node-cron slot is looked for when mapping it to its canonical slot. */
const CANONICAL_LOOKBACK_MS = 3 * 3_600_000;

function cronLogger(log: Logger): CronLogger {
  return {
    info: (message) => log.debug(`node-cron: ${message}`),
    warn: (message) => log.debug(`node-cron: ${message}`),
    error: (message, error) => log.error({ err: error ?? message }, 'node-cron error'),
    debug: () => undefined,
  };
}

/**
 * Fires each chat's digest on its own schedule, in its own time zone, exactly once per slot
 * across restarts and instances:
 * - one node-cron task per chat fires slots on time; with `distributed: true` each fire goes
 *   through a store-backed run coordinator, so only the instance that claims the slot runs it;
 * - a sweep (every 20 s) fires what node-cron did not: after downtime a chat gets ONE digest for
 *   its latest missed slot (not one per missed tick), and a slot in a DST gap (02:30 on the
 *   night clocks skip 02:00–03:00) fires at the end of the gap instead of being lost;
 * - slots are canonical instants (cron-slots.ts): the autumn repeat of 02:30 is the same slot as
 *   the first, so it never fires twice;
 * - a chat never has two runs at once; a failed run gives its claim back and is retried later.
 *
 * @example
 *   const scheduler = new DigestScheduler({ store, log, instanceId, now: Date.now, claimLeaseMs: 120_000, runSlot });
 *   await scheduler.start(await store.listChats());
 */
export class DigestScheduler {
  private readonly chats = new Map<number, ScheduledChat>();
  private baseline = new Map<number, number>();
  private sweepTask: ScheduledTask | null = null;
  private stopped = false;
  private lastPrune = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: SchedulerOptions) {}

  /** Schedules every chat, then fires overdue slots right away (catch-up) and starts the sweep. */
  async start(chats: readonly ChatRecord[]): Promise<void> {
    this.baseline = await this.options.store.latestCompletedSlots();
    for (const chat of chats) this.schedule(chat);
    this.sweepTask = createTask(this.options.sweepCron ?? DEFAULT_SWEEP_CRON, () => this.sweep(), {
      name: 'digest-sweep',
      noOverlap: true,
      logger: cronLogger(this.options.log),
    });
    void this.sweepTask.start();
    await this.sweep();
  }

  /** Schedules a chat, or reschedules it after its schedule or time zone changed. */
  schedule(chat: ChatRecord): void {
    if (this.stopped) return;
    const { cron, timezone, scheduleSince } = chat.settings;
    const existing = this.chats.get(chat.id);
    if (existing && existing.cron === cron && existing.timezone === timezone) return;
    let compiled: CompiledSchedule;
    try {
      compiled = compileSchedule(cron, timezone);
    } catch (error) {
      this.options.log.error({ err: error, chat: chat.id, cron, timezone }, 'chat schedule is invalid; not scheduled');
      this.unschedule(chat.id);
      return;
    }
    if (existing) void existing.task.destroy();
    const handledUpTo = Math.max(
      existing?.handledUpTo ?? -Infinity,
      this.baseline.get(chat.id) ?? -Infinity,
      chat.lastDigestAt ?? -Infinity,
      chat.createdAt,
      scheduleSince ?? -Infinity,
    );
    const entry: ScheduledChat = {
      chatRef: chat.id,
      cron,
      timezone,
      compiled,
      task: createTask(compiled.cron, (context) => this.fireOnTime(chat.id, context.date), {
        name: `digest:${chat.id}`,
        timezone,
        noOverlap: true,
        distributed: true,
        distributedLease: this.options.claimLeaseMs,
        runCoordinator: storeRunCoordinator(this.options.store, {
          owner: this.options.instanceId,
          now: this.options.now,
          leaseMs: this.options.claimLeaseMs,
          slotOf: (key) => this.slotOfTaskKey(chat.id, key),
          onClaim: (target, result) => this.noteClaim(target, result),
          onClaimError: (target, error) => {
            this.noteClaim(target, 'error');
            this.options.log.error({ err: error, chat: target.chatRef }, 'could not claim a scheduled slot');
          },
        }),
        logger: cronLogger(this.options.log),
        suppressMissedWarning: true,
      }),
      handledUpTo,
      nextDue: nextSlotAfter(compiled, handledUpTo),
      running: existing?.running ?? false,
      retryAt: 0,
    };
    this.chats.set(chat.id, entry);
    void entry.task.start();
  }

  unschedule(chatRef: number): void {
    const entry = this.chats.get(chatRef);
    if (entry) void entry.task.destroy();
    this.chats.delete(chatRef);
  }

  /** When the chat's next digest is due, or null if it is not scheduled. */
  nextRun(chatRef: number): Date | null {
    const entry = this.chats.get(chatRef);
    return entry ? new Date(nextSlotAfter(entry.compiled, this.options.now())) : null;
  }

  /** Stops firing; resolves when the runs in progress have finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    void this.sweepTask?.destroy();
    for (const entry of this.chats.values()) void entry.task.destroy();
    this.chats.clear();
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Fires the latest overdue slot of every chat that has one (and is not running). */
  async sweep(): Promise<void> {
    if (this.stopped) return;
    const now = this.options.now();
    for (const entry of this.chats.values()) {
      if (entry.running || now < entry.retryAt || entry.nextDue > now) continue;
      const slotAt = latestSlotAtOrBefore(entry.compiled, now, entry.nextDue);
      if (slotAt === null) continue;
      this.track(this.fire(entry, slotAt, 'catch_up'));
    }
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      await this.options.store.pruneDeliveryLedger(now - (this.options.keepLedgerMs ?? DEFAULT_KEEP_LEDGER_MS)).catch((error: unknown) => {
        this.options.log.warn({ err: error }, 'pruning the delivery ledger failed');
      });
    }
  }

  /** node-cron's key ("digest:<chat>:<slot ISO>") → the canonical slot that instant belongs to. */
  /**
   * node-cron's key ("digest:<chat>:<slot ISO>") → the canonical slot that instant belongs to,
   * reserving the chat (a chat runs one slot at a time); null to skip the fire.
   */
  private slotOfTaskKey(chatRef: number, key: string): SlotTarget | null {
    const entry = this.chats.get(chatRef);
    const prefix = `digest:${chatRef}:`;
    const fired = key.startsWith(prefix) ? Date.parse(key.slice(prefix.length)) : Number.NaN;
    if (!entry || Number.isNaN(fired) || this.stopped) return null;
    const slotAt = this.canonical(entry, fired);
    // Busy with an earlier slot: the sweep fires this one once that run is over.
    if (slotAt === null || slotAt <= entry.handledUpTo || entry.running) return null;
    entry.running = true;
    return { chatRef, slotAt, slotKey: slotKeyFor(chatRef, slotAt) };
  }

  /** node-cron fires the autumn repeat of a time at its second occurrence; the canonical slot is the first. */
  private canonical(entry: ScheduledChat, fired: number): number | null {
    return latestSlotAtOrBefore(entry.compiled, fired, fired - CANONICAL_LOOKBACK_MS);
  }

  /** After a claim that is not ours to run: release the reservation and remember what we learnt. */
  private noteClaim(target: SlotTarget, result: SlotClaimResult | 'error'): void {
    const entry = this.chats.get(target.chatRef);
    if (!entry || result === 'claimed') return;
    entry.running = false;
    if (result === 'done') this.advance(entry, target.slotAt);
    // 'held': another instance is on it; look again once its claim could have lapsed.
    else entry.retryAt = this.options.now() + (result === 'held' ? this.options.claimLeaseMs : (this.options.retryMs ?? DEFAULT_RETRY_MS));
  }

  private advance(entry: ScheduledChat, slotAt: number): void {
    if (slotAt <= entry.handledUpTo) return;
    entry.handledUpTo = slotAt;
    entry.nextDue = nextSlotAfter(entry.compiled, slotAt);
  }

  private async fireOnTime(chatRef: number, date: Date): Promise<void> {
    const entry = this.chats.get(chatRef);
    const slotAt = entry ? this.canonical(entry, date.getTime()) : null;
    if (!entry || slotAt === null) return;
    // The coordinator claimed it for us (and reserved the chat).
    const run = this.run(entry, { slotAt, slotKey: slotKeyFor(chatRef, slotAt) }, 'on_time');
    this.track(run);
    await run;
  }

  private async fire(entry: ScheduledChat, slotAt: number, reason: SlotReason): Promise<void> {
    if (entry.running) return;
    entry.running = true;
    const target = { chatRef: entry.chatRef, slotAt, slotKey: slotKeyFor(entry.chatRef, slotAt) };
    let result: SlotClaimResult;
    try {
      result = await this.options.store.claimSlot({ ...target, owner: this.options.instanceId, at: this.options.now(), leaseMs: this.options.claimLeaseMs });
    } catch (error) {
      this.noteClaim(target, 'error');
      this.options.log.error({ err: error, chat: entry.chatRef }, 'could not claim a scheduled slot');
      return;
    }
    this.noteClaim(target, result);
    if (result === 'claimed') await this.run(entry, target, reason);
  }

  private async run(entry: ScheduledChat, slot: ScheduledSlot, reason: SlotReason): Promise<void> {
    const { store, instanceId, log } = this.options;
    const previous = entry.handledUpTo;
    this.advance(entry, slot.slotAt);
    entry.running = true;
    if (this.stopped) {
      entry.running = false;
      await store.finishSlot(slot.slotKey, instanceId, 'released', this.options.now());
      return;
    }
    // A run can wait long in the delivery queue (thousands of chats due at once): keep the claim alive meanwhile.
    const renewal = setInterval(() => {
      const claim = { chatRef: entry.chatRef, ...slot, owner: instanceId, at: this.options.now(), leaseMs: this.options.claimLeaseMs };
      store.claimSlot(claim).catch((error: unknown) => log.warn({ err: error, slot: slot.slotKey }, 'could not renew a slot claim'));
    }, this.options.claimLeaseMs / 3);
    renewal.unref();
    try {
      await this.options.runSlot(entry.chatRef, slot, reason);
      clearInterval(renewal);
      await store.finishSlot(slot.slotKey, instanceId, 'completed', this.options.now());
    } catch (error) {
      clearInterval(renewal);
      log.error({ err: error, chat: entry.chatRef, slot: slot.slotKey, reason }, 'scheduled digest failed; the slot will be retried');
      await store.finishSlot(slot.slotKey, instanceId, 'released', this.options.now()).catch(() => undefined);
      if (entry.handledUpTo === slot.slotAt) {
        entry.handledUpTo = previous;
        entry.nextDue = nextSlotAfter(entry.compiled, previous);
      }
      entry.retryAt = this.options.now() + (this.options.retryMs ?? DEFAULT_RETRY_MS);
    } finally {
      entry.running = false;
    }
  }

  private track(run: Promise<void>): void {
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }
}
