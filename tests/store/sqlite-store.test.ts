import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { article, storeContract } from './store-contract.ts';

const tempDir = useTempDir();

describe('SQLite store', () => {
  storeContract(() => openSqliteStore(join(tempDir(), 'precis.sqlite')));

  it('creates its file and folders on first run, and keeps data across reopen', async () => {
    const path = join(tempDir(), 'nested', 'data', 'precis.sqlite');
    const first = await openSqliteStore(path);
    await first.upsertFeed({ id: 'monde', url: 'https://example.org/rss', title: 'Le Monde', lang: 'fr', origin: 'config' }, 1);
    await first.insertNewArticles([article({ id: 'kept' })]);
    await first.close();
    expect(existsSync(path)).toBe(true);

    const reopened = await openSqliteStore(path);
    try {
      expect((await reopened.listFeeds()).map((feed) => feed.id)).toEqual(['monde']);
      expect((await reopened.getArticles(['kept'])).length).toBe(1);
      expect(await reopened.insertNewArticles([article({ id: 'kept' })])).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
