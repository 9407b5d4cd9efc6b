import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { Kysely, SqliteDialect } from '../kysely-runtime.ts';
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
  // better-sqlite3 builds SQLite with a 16 MB page cache; SQLite's own default of 2 MB is plenty
  // (indexed lookups and appends; the OS caches the file too) and keeps 14 MB out of the process.
  database.pragma('cache_size = -2000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  await migrateToLatest(db, 'sqlite');
  return new KyselyStore(db);
}

/** Prepared statements kept per SQL text: Kysely prepares on every query, and preparing costs more than running. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely sees it, with prepared statements reused (least recently used ones
 * dropped). Safe because better-sqlite3 runs each statement synchronously to the end; the store
 * never streams rows (a streaming statement would stay busy).
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else {
        statement = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
