import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { createIngestContext } from '../../src/feeds/ingest-context.ts';
import { ingestFeeds } from '../../src/feeds/ingest-feed.ts';
import { silentLogger } from '../../src/logger.ts';
import { syncConfiguredFeeds } from '../../src/service/sync-configured-feeds.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { repoRoot } from '../helpers/paths.ts';

describe('the bundled sample feeds on a fresh install', () => {
  it('still count as new today although they are dated 2024 (maxAgeDays: 0), so the first digest has the reference story', async () => {
    const config = loadConfig({ PRECIS_CONFIG: `${repoRoot}config/precis.yaml` }, repoRoot);
    expect(config.feeds.map((feed) => feed.options.maxAgeMs)).toEqual([null, null]);
    const store = await openSqliteStore(':memory:');
    const context = createIngestContext(config, store, silentLogger());
    try {
      const now = Date.now();
      const feeds = await syncConfiguredFeeds(store, config.feeds, now);
      const results = await ingestFeeds(context, feeds, now);
      expect(results.map((result) => result.status)).toEqual(['updated', 'updated']);
      const fresh = await store.listArticles({ feedIds: feeds.map((feed) => feed.id), seenAfter: 0, seenUntil: now, limit: 50 });
      expect(fresh.map((article) => article.title)).toContain('La Corée du Nord promet le soutien de la Russie dans le conflit ukrainien !');
      expect(fresh).toHaveLength(6);
    } finally {
      await context.close();
      await store.close();
    }
  });

  it('without that exemption (the default 3-day age limit) the same items would never count as new', async () => {
    const config = loadConfig({ PRECIS_CONFIG: `${repoRoot}config/precis.yaml` }, repoRoot);
    expect(config.feedDefaults.maxAgeDays).toBe(3);
    const store = await openSqliteStore(':memory:');
    const base = createIngestContext(config, store, silentLogger());
    const context = { ...base, optionsFor: (feed: Parameters<typeof base.optionsFor>[0]) => ({ ...base.optionsFor(feed), maxAgeMs: 3 * 86_400_000 }) };
    try {
      const now = Date.now();
      const feeds = await syncConfiguredFeeds(store, config.feeds, now);
      await ingestFeeds(context, feeds, now);
      expect(await store.listArticles({ feedIds: feeds.map((feed) => feed.id), seenAfter: 0, seenUntil: now, limit: 50 })).toEqual([]);
    } finally {
      await base.close();
      await store.close();
    }
  });
});
