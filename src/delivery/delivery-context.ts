import type { DigestConfig } from '../config/schema.ts';
import type { Logger } from '../logger.ts';
import type { Platform } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import type { DeliveryChannel } from './delivery-channel.ts';

/** What delivery needs from the outside world, passed in so tests can fake time and platforms. */
export interface DeliveryContext {
  store: Store;
  channels: ReadonlyMap<Platform, DeliveryChannel>;
  digest: DigestConfig;
  log: Logger;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}
