import type { FeedDefaultsConfig } from '../config/schema.ts';

/** How one feed is polled and what of it counts as new. */
export interface FeedOptions {
  pollIntervalMs: number;
  /** Items older than this never count as new; null means no age limit. */
  maxAgeMs: number | null;
  firstFetchNewest: number;
  /** Fewer words than this is a teaser (full text is fetched); 0 turns that off. */
  teaserWords: number;
}

/**
 * A feed's settings: its own values where it sets them, else the instance's `feedDefaults`
 * (which already carry PRECIS_POLL_INTERVAL). `maxAgeDays: 0` means no age limit.
 *
 * @example
 *   feedOptions({ pollInterval: 600_000, maxAgeDays: 3, firstFetchNewest: 3, teaserWords: 80 }, { maxAgeDays: 0 }).maxAgeMs; // null
 */
export function feedOptions(defaults: FeedDefaultsConfig, own: Partial<FeedDefaultsConfig> = {}): FeedOptions {
  const maxAgeDays = own.maxAgeDays ?? defaults.maxAgeDays;
  return {
    pollIntervalMs: own.pollInterval ?? defaults.pollInterval,
    maxAgeMs: maxAgeDays > 0 ? maxAgeDays * 86_400_000 : null,
    firstFetchNewest: own.firstFetchNewest ?? defaults.firstFetchNewest,
    teaserWords: own.teaserWords ?? defaults.teaserWords,
  };
}
