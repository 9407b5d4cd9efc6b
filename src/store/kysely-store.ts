import type { Kysely, Selectable, Transaction } from 'kysely';
import { Migrator } from './kysely-runtime.ts';
import { TITLE_DEDUPE_WINDOW_MS, titleKey } from '../feeds/title-key.ts';
import type { ArticlesTable, ChatsTable, Database, DeliveriesTable, FeedsTable } from './database-schema.ts';
import { migrationProvider, type SqlDialect } from './migrations.ts';
import {
  chatSettingsSchema,
  type ArticlePageRecord,
  type ChatKind,
  type ChatRecord,
  type ChatSettings,
  type DeliveredArticleRecord,
  type DeliveryKind,
  type DeliveryPartRecord,
  type DeliveryRecord,
  type DeliveryStatus,
  type FeedRecord,
  type Platform,
  type SlotClaim,
  type SlotClaimResult,
  type StoredArticle,
} from './records.ts';
import type { ArticleKeys, ArticleQuery, ChatAddress, FetchFailure, FetchSuccess, NewDelivery, NewFeed, SeenArticleKeys, Store } from './store.ts';

/** Raised when the database schema cannot be brought up to date. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly migration: string | undefined,
    override readonly cause: unknown,
  ) {
    super(`database migration ${migration ?? '(unknown)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Brings the schema up to date; safe to call on every start. */
export async function migrateToLatest(db: Kysely<Database>, dialect: SqlDialect): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new MigrationError(results?.find((result) => result.status === 'Error')?.migrationName, error);
}

function toFeed(row: Selectable<FeedsTable>): FeedRecord {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    lang: row.lang,
    origin: row.origin === 'chat' ? 'chat' : 'config',
    etag: row.etag,
    lastModified: row.last_modified,
    lastFetchedAt: row.last_fetched_at,
    lastSuccessAt: row.last_success_at,
    nextFetchAt: row.next_fetch_at,
    failureCount: row.failure_count,
    lastError: row.last_error,
    pausedAt: row.paused_at,
    createdAt: row.created_at,
    pollHintMs: row.poll_hint_ms,
  };
}

function toArticle(row: Selectable<ArticlesTable>): StoredArticle {
  return {
    id: row.id,
    feedId: row.feed_id,
    guid: row.guid,
    url: row.url,
    title: row.title,
    author: row.author,
    publishedAt: row.published_at,
    firstSeenAt: row.first_seen_at,
    lang: row.lang,
    paragraphs: JSON.parse(row.paragraphs) as string[],
    html: row.html,
    imageUrl: row.image_url,
    categories: JSON.parse(row.categories) as string[],
    fresh: row.fresh === 1,
  };
}

function toChat(row: Selectable<ChatsTable>): ChatRecord {
  return {
    id: row.id,
    platform: row.platform as Platform,
    chatId: row.chat_id,
    threadId: row.thread_id === '' ? null : row.thread_id,
    kind: row.kind as ChatKind,
    title: row.title,
    settings: chatSettingsSchema.parse(JSON.parse(row.settings)),
    pausedReason: row.paused_reason,
    lastDigestAt: row.last_digest_at,
    createdAt: row.created_at,
  };
}

function toDelivery(row: Selectable<DeliveriesTable>): DeliveryRecord {
  return {
    id: row.id,
    chatRef: row.chat_ref,
    kind: row.kind as DeliveryKind,
    slotKey: row.slot_key,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    articleIds: JSON.parse(row.article_ids) as string[],
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    slotAt: row.slot_at,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
  };
}

/** Rows per multi-row INSERT (15 columns each: well under every driver's parameter limit). */
const INSERT_CHUNK = 50;
/** Keys of each kind per dedupe query. */
const KEY_CHUNK = 400;

function articleRow(article: StoredArticle, key: string) {
  return {
    id: article.id,
    feed_id: article.feedId,
    guid: article.guid,
    url: article.url,
    title: article.title,
    title_key: key,
    author: article.author,
    published_at: article.publishedAt,
    first_seen_at: article.firstSeenAt,
    lang: article.lang,
    paragraphs: JSON.stringify(article.paragraphs),
    html: article.html,
    image_url: article.imageUrl,
    categories: JSON.stringify(article.categories),
    fresh: article.fresh ? 1 : 0,
  };
}

/**
 * Stored articles that share a key with the candidates: the same id anywhere, or in `feedId` the
 * same guid, canonical URL, or normalized title first seen after `titleSince`. Index lookups only.
 */
async function matchingArticles(db: Kysely<Database> | Transaction<Database>, feedId: string, keys: ArticleKeys) {
  const unique = (values: readonly string[]) => [...new Set(values)].filter(Boolean);
  const lists = { ids: unique(keys.ids), guids: unique(keys.guids), urls: unique(keys.urls), titleKeys: unique(keys.titleKeys) };
  const longest = Math.max(lists.ids.length, lists.guids.length, lists.urls.length, lists.titleKeys.length);
  const rows = [];
  for (let start = 0; start < longest; start += KEY_CHUNK) {
    const [ids, guids, urls, titleKeys] = [lists.ids, lists.guids, lists.urls, lists.titleKeys].map((list) => list.slice(start, start + KEY_CHUNK)) as [string[], string[], string[], string[]];
    rows.push(
      ...(await db
        .selectFrom('articles')
        .select(['id', 'feed_id', 'guid', 'url', 'title_key', 'first_seen_at'])
        .where((eb) =>
          eb.or([
            ...(ids.length ? [eb('id', 'in', ids)] : []),
            ...(guids.length ? [eb.and([eb('feed_id', '=', feedId), eb('guid', 'in', guids)])] : []),
            ...(urls.length ? [eb.and([eb('feed_id', '=', feedId), eb('url', 'in', urls)])] : []),
            ...(titleKeys.length ? [eb.and([eb('feed_id', '=', feedId), eb('title_key', 'in', titleKeys), eb('first_seen_at', '>', keys.titleSince)])] : []),
          ]),
        )
        .execute()),
    );
  }
  return rows;
}

/**
 * The Store on any SQL database Kysely speaks: the SQLite and PostgreSQL backends differ only
 * in how they connect (see sqlite/ and postgres/).
 */
export class KyselyStore implements Store {
  constructor(private readonly db: Kysely<Database>) {}

  async upsertFeed(feed: NewFeed, at: number): Promise<FeedRecord> {
    await this.db
      .insertInto('feeds')
      .values({ id: feed.id, url: feed.url, title: feed.title, lang: feed.lang, origin: feed.origin, failure_count: 0, created_at: at })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ url: feed.url, lang: feed.lang }))
      .execute();
    const stored = await this.getFeed(feed.id);
    if (!stored) throw new Error(`feed ${feed.id} vanished right after it was stored`);
    return stored;
  }

  async getFeed(id: string): Promise<FeedRecord | null> {
    const row = await this.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toFeed(row) : null;
  }

  async getFeedByUrl(url: string): Promise<FeedRecord | null> {
    const row = await this.db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    return row ? toFeed(row) : null;
  }

  async listFeeds(): Promise<FeedRecord[]> {
    const rows = await this.db.selectFrom('feeds').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toFeed);
  }

  async recordFetchSuccess(feedId: string, success: FetchSuccess): Promise<void> {
    await this.db
      .updateTable('feeds')
      .set({
        last_fetched_at: success.at,
        last_success_at: success.at,
        next_fetch_at: success.nextFetchAt,
        failure_count: 0,
        last_error: null,
        paused_at: null,
        ...(success.title ? { title: success.title } : {}),
        ...(success.etag !== undefined ? { etag: success.etag } : {}),
        ...(success.lastModified !== undefined ? { last_modified: success.lastModified } : {}),
        ...(success.pollHintMs !== undefined ? { poll_hint_ms: success.pollHintMs } : {}),
      })
      .where('id', '=', feedId)
      .execute();
  }

  async recordFetchFailure(feedId: string, failure: FetchFailure): Promise<void> {
    await this.db
      .updateTable('feeds')
      .set((eb) => ({
        last_fetched_at: failure.at,
        next_fetch_at: failure.nextFetchAt,
        failure_count: eb('failure_count', '+', 1),
        last_error: failure.error,
        ...(failure.pause ? { paused_at: failure.at } : {}),
      }))
      .where('id', '=', feedId)
      .execute();
  }

  async insertNewArticles(articles: readonly StoredArticle[]): Promise<StoredArticle[]> {
    if (!articles.length) return [];
    return this.db.transaction().execute(async (trx) => {
      const insertedIds = new Set<string>();
      const byFeed = new Map<string, StoredArticle[]>();
      for (const article of articles) byFeed.set(article.feedId, [...(byFeed.get(article.feedId) ?? []), article]);
      for (const [feedId, group] of byFeed) {
        const keyed = group.map((article) => ({ article, titleKey: titleKey(article.title) }));
        const since = Math.min(...group.map((article) => article.firstSeenAt)) - TITLE_DEDUPE_WINDOW_MS;
        const rows = await matchingArticles(trx, feedId, {
          ids: group.map((article) => article.id),
          guids: group.flatMap((article) => article.guid ?? []),
          urls: group.flatMap((article) => article.url ?? []),
          titleKeys: keyed.map((entry) => entry.titleKey),
          titleSince: since,
        });
        const ids = new Set(rows.map((row) => row.id));
        const own = rows.filter((row) => row.feed_id === feedId);
        const guids = new Set(own.flatMap((row) => row.guid ?? []));
        const urls = new Set(own.flatMap((row) => row.url ?? []));
        const titles = new Map<string, number>();
        for (const row of own) titles.set(row.title_key, Math.max(titles.get(row.title_key) ?? -Infinity, row.first_seen_at));
        const fresh: { article: StoredArticle; titleKey: string }[] = [];
        for (const entry of keyed) {
          const { article } = entry;
          const titleSeenAt = entry.titleKey ? titles.get(entry.titleKey) : undefined;
          if (
            ids.has(article.id) ||
            (article.guid && guids.has(article.guid)) ||
            (article.url && urls.has(article.url)) ||
            (titleSeenAt !== undefined && titleSeenAt > article.firstSeenAt - TITLE_DEDUPE_WINDOW_MS)
          ) {
            continue;
          }
          fresh.push(entry);
          ids.add(article.id);
          if (article.guid) guids.add(article.guid);
          if (article.url) urls.add(article.url);
          if (entry.titleKey) titles.set(entry.titleKey, article.firstSeenAt);
        }
        // A few statements for the whole feed rather than two per article: the cost is in preparing them.
        for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
          await trx
            .insertInto('articles')
            .values(fresh.slice(start, start + INSERT_CHUNK).map(({ article, titleKey: key }) => articleRow(article, key)))
            .execute();
        }
        for (const { article } of fresh) insertedIds.add(article.id);
      }
      const inserted: StoredArticle[] = [];
      for (const article of articles) {
        if (!insertedIds.delete(article.id)) continue;
        inserted.push(article);
      }
      return inserted;
    });
  }

  async seenArticleKeys(feedId: string, keys: ArticleKeys): Promise<SeenArticleKeys> {
    const seen: SeenArticleKeys = { ids: new Set(), guids: new Set(), urls: new Set(), titleKeys: new Set() };
    for (const row of await matchingArticles(this.db, feedId, keys)) {
      seen.ids.add(row.id);
      if (row.feed_id !== feedId) continue;
      if (row.guid) seen.guids.add(row.guid);
      if (row.url) seen.urls.add(row.url);
      if (row.first_seen_at > keys.titleSince) seen.titleKeys.add(row.title_key);
    }
    return seen;
  }

  async getArticlePage(url: string): Promise<ArticlePageRecord | null> {
    const row = await this.db.selectFrom('article_pages').selectAll().where('url', '=', url).executeTakeFirst();
    if (!row) return null;
    return { url: row.url, fetchedAt: row.fetched_at, title: row.title, paragraphs: JSON.parse(row.paragraphs) as string[], html: row.html, error: row.error };
  }

  async putArticlePage(page: ArticlePageRecord): Promise<void> {
    const values = { fetched_at: page.fetchedAt, title: page.title, paragraphs: JSON.stringify(page.paragraphs), html: page.html, error: page.error };
    await this.db
      .insertInto('article_pages')
      .values({ url: page.url, ...values })
      .onConflict((conflict) => conflict.column('url').doUpdateSet(values))
      .execute();
  }

  async listArticles(query: ArticleQuery): Promise<StoredArticle[]> {
    if (!query.feedIds.length) return [];
    let select = this.db
      .selectFrom('articles')
      .selectAll()
      .where('feed_id', 'in', [...query.feedIds])
      .where('fresh', '=', 1)
      .where('first_seen_at', '>', query.seenAfter)
      .where('first_seen_at', '<=', query.seenUntil);
    if (query.notDeliveredTo !== undefined) {
      const chatRef = query.notDeliveredTo;
      select = select.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('delivered_articles')
              .select('delivered_articles.article_id')
              .where('delivered_articles.chat_ref', '=', chatRef)
              .whereRef('delivered_articles.article_id', '=', 'articles.id'),
          ),
        ),
      );
    }
    const rows = await select.orderBy('published_at', 'desc').orderBy('first_seen_at', 'desc').limit(query.limit).execute();
    return rows.map(toArticle);
  }

  async getArticles(ids: readonly string[]): Promise<StoredArticle[]> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('articles').selectAll().where('id', 'in', [...ids]).execute();
    const byId = new Map(rows.map((row) => [row.id, toArticle(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async ensureChat(
    address: ChatAddress,
    details: { kind: ChatKind; title: string | null },
    defaults: ChatSettings,
    at: number,
  ): Promise<ChatRecord> {
    await this.db
      .insertInto('chats')
      .values({
        platform: address.platform,
        chat_id: address.chatId,
        thread_id: address.threadId ?? '',
        kind: details.kind,
        title: details.title,
        settings: JSON.stringify(defaults),
        created_at: at,
      })
      .onConflict((conflict) =>
        conflict.columns(['platform', 'chat_id', 'thread_id']).doUpdateSet({ kind: details.kind, title: details.title }),
      )
      .execute();
    const chat = await this.getChat(address);
    if (!chat) throw new Error(`chat ${address.platform}:${address.chatId} vanished right after it was stored`);
    return chat;
  }

  async getChat(address: ChatAddress): Promise<ChatRecord | null> {
    const row = await this.db
      .selectFrom('chats')
      .selectAll()
      .where('platform', '=', address.platform)
      .where('chat_id', '=', address.chatId)
      .where('thread_id', '=', address.threadId ?? '')
      .executeTakeFirst();
    return row ? toChat(row) : null;
  }

  async getChatById(id: number): Promise<ChatRecord | null> {
    const row = await this.db.selectFrom('chats').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toChat(row) : null;
  }

  async listChats(): Promise<ChatRecord[]> {
    const rows = await this.db.selectFrom('chats').selectAll().orderBy('id').execute();
    return rows.map(toChat);
  }

  async updateChatSettings(id: number, settings: ChatSettings): Promise<void> {
    await this.db.updateTable('chats').set({ settings: JSON.stringify(chatSettingsSchema.parse(settings)) }).where('id', '=', id).execute();
  }

  async setChatPaused(id: number, reason: string | null): Promise<void> {
    await this.db.updateTable('chats').set({ paused_reason: reason }).where('id', '=', id).execute();
  }

  async moveChat(id: number, newChatId: string): Promise<void> {
    await this.db.updateTable('chats').set({ chat_id: newChatId }).where('id', '=', id).execute();
  }

  async subscribe(chatRef: number, feedId: string, at: number): Promise<boolean> {
    const result = await this.db
      .insertInto('subscriptions')
      .values({ chat_ref: chatRef, feed_id: feedId, created_at: at })
      .onConflict((conflict) => conflict.columns(['chat_ref', 'feed_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async unsubscribe(chatRef: number, feedId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('subscriptions')
      .where('chat_ref', '=', chatRef)
      .where('feed_id', '=', feedId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listSubscriptions(chatRef: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('subscriptions')
      .select('feed_id')
      .where('chat_ref', '=', chatRef)
      .orderBy('created_at')
      .orderBy('feed_id')
      .execute();
    return rows.map((row) => row.feed_id);
  }

  async listSubscribers(feedId: string): Promise<number[]> {
    const rows = await this.db.selectFrom('subscriptions').select('chat_ref').where('feed_id', '=', feedId).execute();
    return rows.map((row) => row.chat_ref);
  }

  async createDelivery(delivery: NewDelivery): Promise<DeliveryRecord | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('deliveries')
        .values({
          chat_ref: delivery.chatRef,
          kind: delivery.kind,
          slot_key: delivery.slotKey,
          window_start: delivery.windowStart,
          window_end: delivery.windowEnd,
          article_ids: JSON.stringify(delivery.articleIds),
          status: 'pending',
          attempts: 0,
          created_at: delivery.at,
          slot_at: delivery.slotAt ?? null,
          lease_owner: delivery.leaseOwner ?? null,
          lease_until: delivery.leaseUntil ?? null,
        })
        .onConflict((conflict) => conflict.columns(['chat_ref', 'slot_key']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      if (delivery.parts.length) {
        await trx
          .insertInto('delivery_parts')
          .values(delivery.parts.map((payload, seq) => ({ delivery_id: row.id, seq, payload })))
          .execute();
      }
      if (delivery.kind === 'scheduled') {
        if (delivery.articleIds.length) {
          await trx
            .insertInto('delivered_articles')
            .values(
              delivery.articleIds.map((articleId) => ({
                chat_ref: delivery.chatRef,
                article_id: articleId,
                delivery_id: row.id,
                story_id: delivery.storyOf?.get(articleId) ?? null,
              })),
            )
            .onConflict((conflict) => conflict.columns(['chat_ref', 'article_id']).doNothing())
            .execute();
        }
        await trx.updateTable('chats').set({ last_digest_at: delivery.windowEnd }).where('id', '=', delivery.chatRef).execute();
      }
      return toDelivery(row);
    });
  }

  async listUnfinishedDeliveries(): Promise<DeliveryRecord[]> {
    const rows = await this.db.selectFrom('deliveries').selectAll().where('status', '=', 'pending').orderBy('id').execute();
    return rows.map(toDelivery);
  }

  async listDeliveries(chatRef: number): Promise<DeliveryRecord[]> {
    const rows = await this.db.selectFrom('deliveries').selectAll().where('chat_ref', '=', chatRef).orderBy('id').execute();
    return rows.map(toDelivery);
  }

  async listDeliveryParts(deliveryId: number): Promise<DeliveryPartRecord[]> {
    const rows = await this.db.selectFrom('delivery_parts').selectAll().where('delivery_id', '=', deliveryId).orderBy('seq').execute();
    return rows.map((row) => ({
      deliveryId: row.delivery_id,
      seq: row.seq,
      payload: row.payload,
      sentAt: row.sent_at,
      messageId: row.message_id,
    }));
  }

  async markPartSent(deliveryId: number, seq: number, messageId: string | null, at: number): Promise<void> {
    await this.db
      .updateTable('delivery_parts')
      .set({ sent_at: at, message_id: messageId })
      .where('delivery_id', '=', deliveryId)
      .where('seq', '=', seq)
      .execute();
  }

  async finishDelivery(deliveryId: number, status: 'sent' | 'failed', error: string | null, at: number): Promise<void> {
    await this.db
      .updateTable('deliveries')
      .set({ status, last_error: error, completed_at: at })
      .where('id', '=', deliveryId)
      .execute();
  }

  async recordDeliveryAttempt(deliveryId: number, error: string | null): Promise<void> {
    await this.db
      .updateTable('deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error }))
      .where('id', '=', deliveryId)
      .execute();
  }

  async getDelivery(deliveryId: number): Promise<DeliveryRecord | null> {
    const row = await this.db.selectFrom('deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
    return row ? toDelivery(row) : null;
  }

  async listRecentDeliveries(chatRef: number, limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.db.selectFrom('deliveries').selectAll().where('chat_ref', '=', chatRef).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toDelivery);
  }

  async leaseDelivery(deliveryId: number, owner: string, until: number, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('deliveries')
      .set({ lease_owner: owner, lease_until: until })
      .where('id', '=', deliveryId)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_owner', '=', owner), eb('lease_until', '<', at)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async releaseDeliveryLease(deliveryId: number, owner: string): Promise<void> {
    await this.db
      .updateTable('deliveries')
      .set({ lease_owner: null, lease_until: null })
      .where('id', '=', deliveryId)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async returnDeliveryArticles(deliveryId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const delivery = await trx.selectFrom('deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
      if (!delivery || delivery.kind !== 'scheduled') return;
      await trx.deleteFrom('delivered_articles').where('delivery_id', '=', deliveryId).execute();
      await trx
        .updateTable('chats')
        .set({ last_digest_at: delivery.window_start })
        .where('id', '=', delivery.chat_ref)
        .where('last_digest_at', '=', delivery.window_end)
        .execute();
    });
  }

  async listDeliveredArticles(chatRef: number, articleIds: readonly string[]): Promise<DeliveredArticleRecord[]> {
    if (!articleIds.length) return [];
    const rows = await this.db
      .selectFrom('delivered_articles')
      .selectAll()
      .where('chat_ref', '=', chatRef)
      .where('article_id', 'in', [...articleIds])
      .execute();
    return rows.map((row) => ({ articleId: row.article_id, deliveryId: row.delivery_id, storyId: row.story_id }));
  }

  async findArticlesByUrl(urls: readonly string[], feedIds: readonly string[] | null): Promise<StoredArticle[]> {
    if (!urls.length || feedIds?.length === 0) return [];
    let select = this.db.selectFrom('articles').selectAll().where('url', 'in', [...urls]);
    if (feedIds) select = select.where('feed_id', 'in', [...feedIds]);
    const rows = await select.orderBy('first_seen_at', 'desc').limit(20).execute();
    return rows.map(toArticle);
  }

  async claimSlot(claim: SlotClaim): Promise<SlotClaimResult> {
    const inserted = await this.db
      .insertInto('schedule_claims')
      .values({
        slot_key: claim.slotKey,
        chat_ref: claim.chatRef,
        slot_at: claim.slotAt,
        owner: claim.owner,
        claimed_at: claim.at,
        expires_at: claim.at + claim.leaseMs,
      })
      .onConflict((conflict) => conflict.column('slot_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return 'claimed';
    const takenOver = await this.db
      .updateTable('schedule_claims')
      .set({ owner: claim.owner, claimed_at: claim.at, expires_at: claim.at + claim.leaseMs })
      .where('slot_key', '=', claim.slotKey)
      .where('completed_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', '<', claim.at), eb('owner', '=', claim.owner)]))
      .executeTakeFirst();
    if (Number(takenOver.numUpdatedRows) > 0) return 'claimed';
    const existing = await this.db.selectFrom('schedule_claims').select('completed_at').where('slot_key', '=', claim.slotKey).executeTakeFirst();
    // Released between our two statements: try again from the start.
    if (!existing) return this.claimSlot(claim);
    return existing.completed_at === null ? 'held' : 'done';
  }

  async finishSlot(slotKey: string, owner: string, outcome: 'completed' | 'released', at: number): Promise<void> {
    if (outcome === 'released') {
      await this.db.deleteFrom('schedule_claims').where('slot_key', '=', slotKey).where('owner', '=', owner).where('completed_at', 'is', null).execute();
      return;
    }
    await this.db.updateTable('schedule_claims').set({ completed_at: at }).where('slot_key', '=', slotKey).where('owner', '=', owner).execute();
  }

  async latestCompletedSlots(): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom('schedule_claims')
      .select(['chat_ref', (eb) => eb.fn.max('slot_at').as('latest')])
      .where('completed_at', 'is not', null)
      .groupBy('chat_ref')
      .execute();
    return new Map(rows.map((row) => [row.chat_ref, row.latest]));
  }

  async pruneDeliveryLedger(before: number): Promise<void> {
    await this.db.deleteFrom('schedule_claims').where('slot_at', '<', before).execute();
    // Their parts and delivered-article rows go with them (ON DELETE CASCADE).
    await this.db.deleteFrom('deliveries').where('status', '!=', 'pending').where('created_at', '<', before).execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
