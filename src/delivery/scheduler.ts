import { createTask, type ScheduledTask } from 'node-cron';
import type { ChatRecord } from '../store/records.ts';

export type SlotHandler = (chat: ChatRecord, slotKey: string) => Promise<void>;

/** The key of one scheduled slot: its time to the minute, in UTC. Two instances compute the same key. */
export function slotKeyFor(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/**
 * One cron task per chat, in the chat's own time zone. A chat's runs never overlap; a
 * rescheduled chat replaces its task.
 *
 * @example
 *   const scheduler = new DigestScheduler(async (chat, slot) => { await deliverDigest(context, chat, { kind: 'scheduled', slotKey: slot }); });
 *   scheduler.schedule(chat);
 */
export class DigestScheduler {
  private readonly tasks = new Map<number, { task: ScheduledTask; cron: string; timezone: string }>();

  constructor(
    private readonly onSlot: SlotHandler,
    private readonly onError: (chat: ChatRecord, error: unknown) => void,
  ) {}

  schedule(chat: ChatRecord): void {
    const existing = this.tasks.get(chat.id);
    const { cron, timezone } = chat.settings;
    if (existing && existing.cron === cron && existing.timezone === timezone) return;
    void existing?.task.destroy();
    const task = createTask(
      cron,
      async (context) => {
        try {
          await this.onSlot(chat, slotKeyFor(context.date));
        } catch (error) {
          this.onError(chat, error);
        }
      },
      { name: `digest:${chat.id}`, timezone, noOverlap: true },
    );
    void task.start();
    this.tasks.set(chat.id, { task, cron, timezone });
  }

  unschedule(chatId: number): void {
    void this.tasks.get(chatId)?.task.destroy();
    this.tasks.delete(chatId);
  }

  /** When the chat's next digest is due, or null if it has no task. */
  nextRun(chatId: number): Date | null {
    return this.tasks.get(chatId)?.task.getNextRun() ?? null;
  }

  stop(): void {
    for (const { task } of this.tasks.values()) void task.destroy();
    this.tasks.clear();
  }
}
