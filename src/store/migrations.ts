import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { sql } from './kysely-runtime.ts';
import { deliveryLedgerMigration } from './migrations/0003-delivery-ledger.ts';

export type SqlDialect = 'sqlite' | 'postgres';

/**
 * The schema's versioned migrations, applied in name order on every start (Kysely's migrator
 * records which ones ran). Never edit a released migration: add a new one.
 */
export function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  // Integer surrogate keys: SQLite's rowid alias vs a PostgreSQL identity column.
  const serialId = (db: Kysely<unknown>, table: string) =>
    dialect === 'sqlite'
      ? db.schema.createTable(table).addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      : db.schema.createTable(table).addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity());

  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('feeds')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('url', 'text', (col) => col.notNull().unique())
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('lang', 'text')
          .addColumn('origin', 'text', (col) => col.notNull())
          .addColumn('etag', 'text')
          .addColumn('last_modified', 'text')
          .addColumn('last_fetched_at', 'bigint')
          .addColumn('last_success_at', 'bigint')
          .addColumn('next_fetch_at', 'bigint')
          .addColumn('failure_count', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('last_error', 'text')
          .addColumn('paused_at', 'bigint')
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .execute();

        await db.schema
          .createTable('articles')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('feed_id', 'text', (col) => col.notNull().references('feeds.id').onDelete('cascade'))
          .addColumn('guid', 'text')
          .addColumn('url', 'text')
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('title_key', 'text', (col) => col.notNull())
          .addColumn('author', 'text')
          .addColumn('published_at', 'bigint', (col) => col.notNull())
          .addColumn('first_seen_at', 'bigint', (col) => col.notNull())
          .addColumn('lang', 'text')
          .addColumn('paragraphs', 'text', (col) => col.notNull())
          .addColumn('html', 'text')
          .addColumn('image_url', 'text')
          .addColumn('categories', 'text', (col) => col.notNull())
          .addColumn('fresh', 'integer', (col) => col.notNull())
          .execute();
        await db.schema.createIndex('articles_feed_guid').on('articles').columns(['feed_id', 'guid']).execute();
        await db.schema.createIndex('articles_feed_url').on('articles').columns(['feed_id', 'url']).execute();
        await db.schema.createIndex('articles_feed_title').on('articles').columns(['feed_id', 'title_key']).execute();
        await db.schema.createIndex('articles_first_seen').on('articles').columns(['first_seen_at']).execute();

        await serialId(db, 'chats')
          .addColumn('platform', 'text', (col) => col.notNull())
          .addColumn('chat_id', 'text', (col) => col.notNull())
          .addColumn('thread_id', 'text', (col) => col.notNull().defaultTo(''))
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('title', 'text')
          .addColumn('settings', 'text', (col) => col.notNull())
          .addColumn('paused_reason', 'text')
          .addColumn('last_digest_at', 'bigint')
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addUniqueConstraint('chats_target', ['platform', 'chat_id', 'thread_id'])
          .execute();

        await db.schema
          .createTable('subscriptions')
          .addColumn('chat_ref', 'bigint', (col) => col.notNull().references('chats.id').onDelete('cascade'))
          .addColumn('feed_id', 'text', (col) => col.notNull().references('feeds.id').onDelete('cascade'))
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addPrimaryKeyConstraint('subscriptions_pk', ['chat_ref', 'feed_id'])
          .execute();

        await serialId(db, 'deliveries')
          .addColumn('chat_ref', 'bigint', (col) => col.notNull().references('chats.id').onDelete('cascade'))
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('slot_key', 'text')
          .addColumn('window_start', 'bigint', (col) => col.notNull())
          .addColumn('window_end', 'bigint', (col) => col.notNull())
          .addColumn('article_ids', 'text', (col) => col.notNull())
          .addColumn('status', 'text', (col) => col.notNull())
          .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('completed_at', 'bigint')
          .addUniqueConstraint('deliveries_slot', ['chat_ref', 'slot_key'])
          .execute();
        await db.schema.createIndex('deliveries_status').on('deliveries').columns(['status']).execute();

        await db.schema
          .createTable('delivery_parts')
          .addColumn('delivery_id', 'bigint', (col) => col.notNull().references('deliveries.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (col) => col.notNull())
          .addColumn('payload', 'text', (col) => col.notNull())
          .addColumn('sent_at', 'bigint')
          .addColumn('message_id', 'text')
          .addPrimaryKeyConstraint('delivery_parts_pk', ['delivery_id', 'seq'])
          .execute();

        await db.schema
          .createTable('delivered_articles')
          .addColumn('chat_ref', 'bigint', (col) => col.notNull().references('chats.id').onDelete('cascade'))
          .addColumn('article_id', 'text', (col) => col.notNull())
          .addColumn('delivery_id', 'bigint', (col) => col.notNull().references('deliveries.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('delivered_articles_pk', ['chat_ref', 'article_id'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of ['delivered_articles', 'delivery_parts', 'deliveries', 'subscriptions', 'chats', 'articles', 'feeds']) {
          await sql`drop table if exists ${sql.table(table)}`.execute(db);
        }
      },
    },
    '0002_feed_polling': {
      async up(db: Kysely<unknown>) {
        // The feed's own hint of how often it changes (ttl, sy:updatePeriod, Cache-Control): a floor on its poll interval.
        await db.schema.alterTable('feeds').addColumn('poll_hint_ms', 'bigint').execute();
        // Full text fetched for teaser items, cached by article URL.
        await db.schema
          .createTable('article_pages')
          .addColumn('url', 'text', (col) => col.primaryKey())
          .addColumn('fetched_at', 'bigint', (col) => col.notNull())
          .addColumn('title', 'text')
          .addColumn('paragraphs', 'text', (col) => col.notNull())
          .addColumn('html', 'text')
          .addColumn('error', 'text')
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await sql`drop table if exists article_pages`.execute(db);
        await db.schema.alterTable('feeds').dropColumn('poll_hint_ms').execute();
      },
    },
    '0003_delivery_ledger': deliveryLedgerMigration,
  };
}

/** Feeds Kysely's Migrator from the in-code list above. */
export function migrationProvider(dialect: SqlDialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrationsFor(dialect)) };
}
