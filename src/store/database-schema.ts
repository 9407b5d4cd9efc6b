import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them. Times are epoch milliseconds; booleans are 0/1. */
export interface FeedsTable {
  id: string;
  url: string;
  title: string;
  lang: string | null;
  origin: string;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: number | null;
  last_success_at: number | null;
  next_fetch_at: number | null;
  failure_count: number;
  last_error: string | null;
  paused_at: number | null;
  created_at: number;
  poll_hint_ms: number | null;
}

export interface ArticlesTable {
  id: string;
  feed_id: string;
  guid: string | null;
  url: string | null;
  title: string;
  title_key: string;
  author: string | null;
  published_at: number;
  first_seen_at: number;
  lang: string | null;
  paragraphs: string;
  html: string | null;
  image_url: string | null;
  categories: string;
  fresh: number;
}

export interface ChatsTable {
  id: Generated<number>;
  platform: string;
  chat_id: string;
  thread_id: string;
  kind: string;
  title: string | null;
  settings: string;
  paused_reason: string | null;
  last_digest_at: number | null;
  created_at: number;
}

export interface SubscriptionsTable {
  chat_ref: number;
  feed_id: string;
  created_at: number;
}

export interface DeliveriesTable {
  id: Generated<number>;
  chat_ref: number;
  kind: string;
  slot_key: string | null;
  window_start: number;
  window_end: number;
  article_ids: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: number;
  completed_at: number | null;
  /** The scheduler slot a scheduled delivery belongs to (epoch ms), or null. */
  slot_at: number | null;
  /** The instance sending this delivery now, and until when it holds it. */
  lease_owner: string | null;
  lease_until: number | null;
}

export interface DeliveryPartsTable {
  delivery_id: number;
  seq: number;
  payload: string;
  sent_at: number | null;
  message_id: string | null;
}

/** Which articles each chat has received in a scheduled digest: never twice. */
export interface DeliveredArticlesTable {
  chat_ref: number;
  article_id: string;
  delivery_id: number;
  /** The story (its lead article's id) the article was shown in. */
  story_id: string | null;
}

/** One row per (chat, scheduler slot): the instance that fires it, so a slot fires once across instances. */
export interface ScheduleClaimsTable {
  slot_key: string;
  chat_ref: number;
  slot_at: number;
  owner: string;
  claimed_at: number;
  /** A claim not completed by then may be taken over (its owner died). */
  expires_at: number;
  completed_at: number | null;
}

/** Full text fetched for teaser items, by article URL (an error is cached too, to not refetch). */
export interface ArticlePagesTable {
  url: string;
  fetched_at: number;
  title: string | null;
  paragraphs: string;
  html: string | null;
  error: string | null;
}

export interface Database {
  feeds: FeedsTable;
  articles: ArticlesTable;
  chats: ChatsTable;
  subscriptions: SubscriptionsTable;
  deliveries: DeliveriesTable;
  delivery_parts: DeliveryPartsTable;
  delivered_articles: DeliveredArticlesTable;
  schedule_claims: ScheduleClaimsTable;
  article_pages: ArticlePagesTable;
}
