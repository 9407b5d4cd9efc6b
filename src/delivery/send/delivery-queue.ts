/**
 * Runs at most `concurrency` deliveries at once, in the order they were asked for. Thousands of
 * chats due at the same minute queue here instead of all building their digest at once; the
 * throttle decides how fast their messages actually leave.
 *
 * @example
 *   const queue = new DeliveryQueue(128);
 *   await Promise.all(chats.map((chat) => queue.run(() => deliverDigest(context, chat, request))));
 */
export class DeliveryQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Deliveries running plus waiting. */
  get size(): number {
    return this.running + this.waiting.length;
  }
}
