import type { Kysely, Migration } from 'kysely';
import { sql } from '../kysely-runtime.ts';

/**
 * The delivery core's additions: scheduler slot claims (one row per chat and slot, so several
 * instances on one database fire each slot once), delivery leases (one sender per delivery at a
 * time, taken over when a sender dies), the slot a scheduled delivery belongs to, and the story
 * each delivered article was shown in (for `/why`).
 *
 * @example
 *   migrations['0003_delivery_ledger'] = deliveryLedgerMigration;
 */
export const deliveryLedgerMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('schedule_claims')
      .addColumn('slot_key', 'text', (col) => col.primaryKey())
      .addColumn('chat_ref', 'bigint', (col) => col.notNull().references('chats.id').onDelete('cascade'))
      .addColumn('slot_at', 'bigint', (col) => col.notNull())
      .addColumn('owner', 'text', (col) => col.notNull())
      .addColumn('claimed_at', 'bigint', (col) => col.notNull())
      .addColumn('expires_at', 'bigint', (col) => col.notNull())
      .addColumn('completed_at', 'bigint')
      .execute();
    await db.schema.createIndex('schedule_claims_chat_slot').on('schedule_claims').columns(['chat_ref', 'slot_at']).execute();
    // SQLite adds one column per ALTER TABLE.
    await db.schema.alterTable('deliveries').addColumn('slot_at', 'bigint').execute();
    await db.schema.alterTable('deliveries').addColumn('lease_owner', 'text').execute();
    await db.schema.alterTable('deliveries').addColumn('lease_until', 'bigint').execute();
    await db.schema.alterTable('delivered_articles').addColumn('story_id', 'text').execute();
    await db.schema.createIndex('deliveries_chat_created').on('deliveries').columns(['chat_ref', 'id']).execute();
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists deliveries_chat_created`.execute(db);
    await db.schema.alterTable('delivered_articles').dropColumn('story_id').execute();
    await db.schema.alterTable('deliveries').dropColumn('lease_until').execute();
    await db.schema.alterTable('deliveries').dropColumn('lease_owner').execute();
    await db.schema.alterTable('deliveries').dropColumn('slot_at').execute();
    await sql`drop table if exists schedule_claims`.execute(db);
  },
};
