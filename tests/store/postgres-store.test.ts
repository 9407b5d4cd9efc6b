import { afterAll, describe } from 'vitest';
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
