import type { ConfiguredFeed } from '../config/load-config.ts';
import type { FeedRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';

/** Makes the store's `config` feeds match the config file (new feeds added, renamed ones updated). */
export async function syncConfiguredFeeds(store: Store, feeds: readonly ConfiguredFeed[], now: number): Promise<FeedRecord[]> {
  const records: FeedRecord[] = [];
  for (const feed of feeds) {
    records.push(await store.upsertFeed({ id: feed.id, url: feed.url, title: feed.name, lang: feed.lang, origin: 'config' }, now));
  }
  return records;
}
