/**
 * One runner per key at a time: a chat's digests (scheduled, catch-up, /digest, a resumed one)
 * go out one after the other, never interleaved, while different chats run concurrently.
 *
 * @example
 *   const locks = new ChatLocks();
 *   await locks.run(chat.id, () => deliverDigest(context, chat, request));
 */
export class ChatLocks {
  private readonly tails = new Map<number, Promise<unknown>>();

  run<T>(key: number, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Whether something runs or waits for this key. */
  busy(key: number): boolean {
    return this.tails.has(key);
  }
}
