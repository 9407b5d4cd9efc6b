import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../database-schema.ts';
import { KyselyStore, migrateToLatest } from '../kysely-store.ts';

/**
 * Opens (creating on first run) the embedded SQLite store and migrates it.
 * `:memory:` gives a throwaway store for tests.
 *
 * @example
 *   const store = await openSqliteStore('data/precis.sqlite');
 */
export async function openSqliteStore(path: string): Promise<KyselyStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  // WAL lets a second instance read while one writes; busy_timeout makes writers wait instead of failing.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  await migrateToLatest(db, 'sqlite');
  return new KyselyStore(db);
}
