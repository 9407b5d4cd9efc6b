import { Kysely, PostgresDialect } from '../kysely-runtime.ts';
import pg from 'pg';
import type { Database } from '../database-schema.ts';
import { KyselyStore, migrateToLatest } from '../kysely-store.ts';

/**
 * Connects to PostgreSQL and migrates the schema.
 *
 * @example
 *   const store = await openPostgresStore('postgres://postgres@127.0.0.1:5432/precis');
 */
export async function openPostgresStore(url: string): Promise<KyselyStore> {
  // Times are epoch milliseconds in bigint columns: well inside Number's exact range, so read them as numbers.
  pg.types.setTypeParser(pg.types.builtins.INT8, Number);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (restart, failover, admin) is an 'error' event on the pool,
  // which would otherwise crash the process. pg drops that client and the next query reconnects;
  // errors during a query still reach the caller.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db, 'postgres');
  return new KyselyStore(db);
}
