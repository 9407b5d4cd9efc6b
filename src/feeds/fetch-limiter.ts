interface Waiting {
  host: string;
  start: () => void;
}

/**
 * Caps how many fetches run at once, in all and per host, so Précis is a polite client and a
 * slow host cannot take every slot. Waiting work starts in arrival order as soon as both its
 * host and the whole pool have room.
 *
 * @example
 *   const limiter = new FetchLimiter({ total: 8, perHost: 2 });
 *   await limiter.run(new URL(url).host, () => ingestFeed(context, feed, now));
 */
export class FetchLimiter {
  private running = 0;
  private readonly perHost = new Map<string, number>();
  private readonly queue: Waiting[] = [];

  constructor(readonly limits: { total: number; perHost: number }) {}

  /** Runs `work` once a slot for `host` is free; resolves or rejects with it. */
  run<T>(host: string, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        this.perHost.set(host, (this.perHost.get(host) ?? 0) + 1);
        work()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            const left = (this.perHost.get(host) ?? 1) - 1;
            if (left) this.perHost.set(host, left);
            else this.perHost.delete(host);
            this.startNext();
          });
      };
      if (this.hasRoom(host)) start();
      else this.queue.push({ host, start });
    });
  }

  /** Fetches running or waiting now. */
  get pending(): number {
    return this.running + this.queue.length;
  }

  private hasRoom(host: string): boolean {
    return this.running < this.limits.total && (this.perHost.get(host) ?? 0) < this.limits.perHost;
  }

  private startNext(): void {
    for (let index = 0; index < this.queue.length && this.running < this.limits.total; ) {
      const waiting = this.queue[index]!;
      if (this.hasRoom(waiting.host)) {
        this.queue.splice(index, 1);
        waiting.start();
      } else index++;
    }
  }
}

/**
 * The politeness key of a URL: its host (with port) for http(s), "local" for files.
 *
 * @example
 *   hostKey('https://www.lemonde.fr/rss/une.xml'); // 'www.lemonde.fr'
 */
export function hostKey(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? 'local' : parsed.host.toLowerCase();
  } catch {
    return url;
  }
}
