/**
 * One chat's sending limit as the throttle keeps it: at most `count` messages in any `spanMs`
 * window, never two closer than `gapMs`. A window rather than even spacing, so a group can take
 * a short burst (a command's answer right after a digest part) while staying under its 20 a minute.
 *
 * @example
 *   const group = new ChatWindow(20, 62_400, 1040);
 *   if (group.readyAt(now) <= now) group.record(now);
 */
export class ChatWindow {
  /** The latest sends, oldest first: at most `count`. */
  private readonly times: number[] = [];

  constructor(
    private readonly count: number,
    private readonly spanMs: number,
    private readonly gapMs: number,
  ) {}

  /** When the chat may take its next message, at the earliest `at`. */
  readyAt(at: number): number {
    let ready = at;
    const last = this.times.at(-1);
    if (last !== undefined) ready = Math.max(ready, last + this.gapMs);
    if (this.times.length >= this.count) ready = Math.max(ready, (this.times[this.times.length - this.count] ?? -Infinity) + this.spanMs);
    return ready;
  }

  record(time: number): void {
    this.times.push(time);
    if (this.times.length > this.count) this.times.shift();
  }

  /** When the chat last took a message (-Infinity if never). */
  idleSince(): number {
    return this.times.at(-1) ?? -Infinity;
  }
}
