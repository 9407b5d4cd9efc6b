import type { Config } from '../../src/config/load-config.ts';
import { createIngestContext, type FeedEvent, type IngestContext } from '../../src/feeds/ingest-context.ts';
import { silentLogger } from '../../src/logger.ts';
import type { FeedRecord } from '../../src/store/records.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

type IngestConfig = Pick<Config, 'allowPrivateUrls' | 'fetching' | 'feeds' | 'feedDefaults'>;

/** The configuration pieces ingestion reads, loopback allowed (tests serve feeds on 127.0.0.1). */
export function testIngestConfig(overrides: { fetching?: Partial<Config['fetching']>; feedDefaults?: Partial<Config['feedDefaults']> } = {}): IngestConfig {
  return {
    allowPrivateUrls: true,
    feeds: [],
    fetching: { concurrency: 8, perHostConcurrency: 2, connectTimeout: 2000, timeout: 2000, maxBodyMB: 5, pauseAfterFailures: 3, allowNetworks: [], ...overrides.fetching },
    feedDefaults: { pollInterval: 600_000, maxAgeDays: 3, firstFetchNewest: 3, teaserWords: 80, ...overrides.feedDefaults },
  };
}

/** An in-memory store and an ingestion context on it, with the events it emitted. */
export async function ingestSetup(config: IngestConfig = testIngestConfig()): Promise<{ store: Store; context: IngestContext; events: FeedEvent[]; close: () => Promise<void> }> {
  const store = await openSqliteStore(':memory:');
  const events: FeedEvent[] = [];
  const context = createIngestContext(config, store, silentLogger(), { onEvent: (event) => events.push(event), random: () => 1 });
  return {
    store,
    context,
    events,
    close: async () => {
      await context.close();
      await store.close();
    },
  };
}

/** Adds a chat-origin feed for `url` and returns its current record. */
export async function addFeed(store: Store, id: string, url: string, at: number): Promise<FeedRecord> {
  return store.upsertFeed({ id, url, title: id, lang: null, origin: 'chat' }, at);
}

/** The feed as stored now. */
export async function reload(store: Store, id: string): Promise<FeedRecord> {
  const feed = await store.getFeed(id);
  if (!feed) throw new Error(`no feed ${id}`);
  return feed;
}
