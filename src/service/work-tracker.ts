/**
 * Keeps track of work in flight (a digest being sent, a feed being stored) so shutdown can
 * wait for it instead of cutting a message in half.
 *
 * @example
 *   tracker.run(() => deliverDigest(context, chat, request));
 *   await tracker.drain();
 */
export class WorkTracker {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  /** Starts `work` unless shutdown has begun; errors go to `onError`, never unhandled. */
  run<T>(work: () => Promise<T>, onError: (error: unknown) => void): Promise<T | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    const promise = work().catch((error: unknown) => {
      onError(error);
      return undefined;
    });
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
    return promise;
  }

  get accepting(): boolean {
    return !this.closed;
  }

  /** Refuses new work and waits for what is running. */
  async drain(): Promise<void> {
    this.closed = true;
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
}
