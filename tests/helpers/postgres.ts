import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set in CI (postgres://postgres@127.0.0.1:5432/test); PostgreSQL tests are skipped without it. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || null;

/** Prints why PostgreSQL tests are skipped, once per test file. */
export function explainPostgresSkip(what: string): void {
  if (!testDatabaseUrl) console.log(`[skipped] ${what}: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it`);
}

/**
 * Creates an empty database next to TEST_DATABASE_URL's and returns its URL, so each test
 * file migrates from nothing and never sees another's rows.
 */
export async function createThrowawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `precis_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
