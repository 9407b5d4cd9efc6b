import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import { createThrowawayDatabase, explainPostgresSkip, testDatabaseUrl } from '../helpers/postgres.ts';
import { storeContract } from './store-contract.ts';

explainPostgresSkip('PostgreSQL store contract');

describe.skipIf(!testDatabaseUrl)('PostgreSQL store', () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });
  storeContract(async () => {
    const database = await createThrowawayDatabase();
    drops.push(database.drop);
    return openPostgresStore(database.url);
  });
});

describe.skipIf(!testDatabaseUrl)('PostgreSQL store when the server drops its connections', () => {
  it('survives the server terminating idle connections, and reconnects for the next query', async () => {
    const database = await createThrowawayDatabase();
    const store = await openPostgresStore(database.url);
    try {
      await store.upsertFeed({ id: 'monde', url: 'https://example.org/rss', title: 'Le Monde', lang: 'fr', origin: 'config' }, 1);
      const admin = new pg.Client({ connectionString: testDatabaseUrl ?? '' });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [new URL(database.url).pathname.slice(1)]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await store.listFeeds()).map((feed) => feed.id)).toEqual(['monde']);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
