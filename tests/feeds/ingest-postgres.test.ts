import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createIngestContext } from '../../src/feeds/ingest-context.ts';
import { ingestFeed } from '../../src/feeds/ingest-feed.ts';
import { silentLogger } from '../../src/logger.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createThrowawayDatabase, explainPostgresSkip, testDatabaseUrl } from '../helpers/postgres.ts';
import { addFeed, reload, testIngestConfig } from './ingest-helpers.ts';
import { rssDocument, startLocalServer, type LocalServer } from './local-server.ts';

explainPostgresSkip('feed ingestion on PostgreSQL');

const NOW = Date.parse('2024-11-06T12:00:00Z');
const HOUR = 3_600_000;
const items = (count: number) => Array.from({ length: count }, (_, index) => ({ guid: `g-${index}`, title: `Story ${index}`, date: new Date(NOW - (index + 1) * HOUR) }));

describe.skipIf(!testDatabaseUrl)('feed ingestion on PostgreSQL', () => {
  let server: LocalServer;
  let store: Store;
  let drop: () => Promise<void>;
  let document = '';
  beforeAll(async () => {
    server = await startLocalServer();
    server.route('/feed', (_request, response) => response.end(document));
    const database = await createThrowawayDatabase();
    drop = database.drop;
    store = await openPostgresStore(database.url);
  });
  afterAll(async () => {
    await store.close();
    await drop();
    await server.close();
  });
  afterEach(() => {
    document = '';
  });

  it('stores a first fetch, then adds only what is new, whatever the order, guids or restarts', async () => {
    const first = createIngestContext(testIngestConfig(), store, silentLogger(), { random: () => 1 });
    document = rssDocument('Feed', items(6));
    const result = await ingestFeed(first, await addFeed(store, 'pg', server.url('/feed'), NOW), NOW);
    expect(result.status === 'updated' && result.added.filter((article) => article.fresh)).toHaveLength(3);
    document = rssDocument('Feed', [...items(6)].reverse().map((item) => ({ ...item, guid: `${item.guid}-reissued` })));
    expect(await ingestFeed(first, await reload(store, 'pg'), NOW + HOUR)).toMatchObject({ status: 'updated', added: [] });
    await first.close();
    const restarted = createIngestContext(testIngestConfig(), store, silentLogger(), { random: () => 1 });
    document = rssDocument('Feed', [{ guid: 'fresh', title: 'Fresh story', date: new Date(NOW) }, ...items(6)]);
    const later = await ingestFeed(restarted, await reload(store, 'pg'), NOW + 2 * HOUR);
    expect(later.status === 'updated' && later.added.map((article) => article.title)).toEqual(['Fresh story']);
    expect((await reload(store, 'pg')).nextFetchAt).toBe(NOW + 2 * HOUR + 600_000 * 1.05);
    await restarted.close();
  });

  it('caches article pages by URL', async () => {
    await store.putArticlePage({ url: 'https://ex.org/a', fetchedAt: 1, title: 'A', paragraphs: ['One'], html: '<p>One</p>', error: null });
    await store.putArticlePage({ url: 'https://ex.org/a', fetchedAt: 2, title: 'A', paragraphs: ['Two'], html: '<p>Two</p>', error: null });
    expect(await store.getArticlePage('https://ex.org/a')).toEqual({ url: 'https://ex.org/a', fetchedAt: 2, title: 'A', paragraphs: ['Two'], html: '<p>Two</p>', error: null });
    expect(await store.getArticlePage('https://ex.org/none')).toBeNull();
  });
});
