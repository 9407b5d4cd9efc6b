import { createRequire } from 'node:module';
import type { Kysely as KyselyDatabase } from 'kysely';

const kysely = createRequire(import.meta.url)('kysely') as typeof import('kysely');

/**
 * Kysely's classes and `sql`, from its CommonJS build: its ES module build is some 400 module
 * records, which cost ~6 MB more RSS and twice the heap to load. Types still come from 'kysely'
 * (`import type`); every value comes from here, so only one copy of Kysely is ever loaded.
 *
 * @example
 *   import { Kysely, SqliteDialect } from './kysely-runtime.ts';
 *   const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
 */
export const { Kysely, Migrator, SqliteDialect, PostgresDialect, sql } = kysely;

/** The database handle type, under the same name as its class. */
export type Kysely<DB> = KyselyDatabase<DB>;
