import type {
  ArticlePageRecord,
  ChatKind,
  ChatRecord,
  ChatSettings,
  DeliveryKind,
  DeliveryPartRecord,
  DeliveryRecord,
  FeedRecord,
  Platform,
  StoredArticle,
} from './records.ts';

/** What identifies a chat (or a topic/thread in it) on its platform. */
export interface ChatAddress {
  platform: Platform;
  chatId: string;
  threadId?: string | null;
}

export interface NewFeed {
  id: string;
  url: string;
  title: string;
  lang: string | null;
  origin: FeedRecord['origin'];
}

export interface FetchSuccess {
  at: number;
  title?: string | undefined;
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
  nextFetchAt: number | null;
  /** The feed's own poll-interval hint in ms (null clears it; undefined keeps it). */
  pollHintMs?: number | null | undefined;
}

export interface FetchFailure {
  at: number;
  error: string;
  nextFetchAt: number | null;
  /** Pause the feed (too many failures in a row). */
  pause: boolean;
}

/** The identifying keys of candidate items, to learn which a feed already has. */
export interface ArticleKeys {
  ids: readonly string[];
  guids: readonly string[];
  urls: readonly string[];
  titleKeys: readonly string[];
  /** Titles only count as "seen" for articles first seen after this time. */
  titleSince: number;
}

/** Which of the asked keys a feed already has. */
export interface SeenArticleKeys {
  ids: Set<string>;
  guids: Set<string>;
  urls: Set<string>;
  titleKeys: Set<string>;
}

export interface ArticleQuery {
  feedIds: readonly string[];
  /** Only articles first seen strictly after this time. */
  seenAfter: number;
  /** …and at or before this one. */
  seenUntil: number;
  /** Leave out articles already delivered to this chat. */
  notDeliveredTo?: number | undefined;
  limit: number;
}

export interface NewDelivery {
  chatRef: number;
  kind: DeliveryKind;
  slotKey: string | null;
  windowStart: number;
  windowEnd: number;
  articleIds: string[];
  /** Rendered messages, in sending order, as JSON strings. */
  parts: string[];
  at: number;
}

/**
 * Everything Précis keeps. One implementation runs on SQLite (the embedded default) and on
 * PostgreSQL; callers never know which.
 *
 * @example
 *   const store = await openStore({ kind: 'sqlite', path: 'data/precis.sqlite' });
 *   await store.upsertFeed({ id: 'le-monde', url, title: 'Le Monde', lang: 'fr', origin: 'config' });
 */
export interface Store {
  upsertFeed(feed: NewFeed, at: number): Promise<FeedRecord>;
  getFeed(id: string): Promise<FeedRecord | null>;
  getFeedByUrl(url: string): Promise<FeedRecord | null>;
  listFeeds(): Promise<FeedRecord[]>;
  recordFetchSuccess(feedId: string, success: FetchSuccess): Promise<void>;
  recordFetchFailure(feedId: string, failure: FetchFailure): Promise<void>;

  /**
   * Stores the articles not seen before (same guid, canonical URL or normalized title in the
   * same feed) and returns those it stored. Atomic: a crash stores all or none.
   */
  insertNewArticles(articles: readonly StoredArticle[]): Promise<StoredArticle[]>;
  /** Which of these keys the feed already has (one query), so known items skip normalization. */
  seenArticleKeys(feedId: string, keys: ArticleKeys): Promise<SeenArticleKeys>;
  /** The cached full text of an article page, or null. */
  getArticlePage(url: string): Promise<ArticlePageRecord | null>;
  /** Caches (or replaces) the full text of an article page. */
  putArticlePage(page: ArticlePageRecord): Promise<void>;
  /** Fresh articles of the given feeds, newest first. */
  listArticles(query: ArticleQuery): Promise<StoredArticle[]>;
  getArticles(ids: readonly string[]): Promise<StoredArticle[]>;

  /** Returns the chat, creating it with `defaults` the first time it is seen. */
  ensureChat(address: ChatAddress, details: { kind: ChatKind; title: string | null }, defaults: ChatSettings, at: number): Promise<ChatRecord>;
  getChat(address: ChatAddress): Promise<ChatRecord | null>;
  getChatById(id: number): Promise<ChatRecord | null>;
  listChats(): Promise<ChatRecord[]>;
  updateChatSettings(id: number, settings: ChatSettings): Promise<void>;
  setChatPaused(id: number, reason: string | null): Promise<void>;
  /** Moves a chat to a new id on its platform (Telegram's group → supergroup migration). */
  moveChat(id: number, newChatId: string): Promise<void>;

  subscribe(chatRef: number, feedId: string, at: number): Promise<boolean>;
  unsubscribe(chatRef: number, feedId: string): Promise<boolean>;
  listSubscriptions(chatRef: number): Promise<string[]>;
  listSubscribers(feedId: string): Promise<number[]>;

  /**
   * Records a digest and its messages before anything is sent. For a scheduled digest it also
   * moves the chat's window forward; a second delivery for the same (chat, slot) returns null.
   */
  createDelivery(delivery: NewDelivery): Promise<DeliveryRecord | null>;
  listUnfinishedDeliveries(): Promise<DeliveryRecord[]>;
  listDeliveries(chatRef: number): Promise<DeliveryRecord[]>;
  listDeliveryParts(deliveryId: number): Promise<DeliveryPartRecord[]>;
  markPartSent(deliveryId: number, seq: number, messageId: string | null, at: number): Promise<void>;
  finishDelivery(deliveryId: number, status: 'sent' | 'failed', error: string | null, at: number): Promise<void>;
  recordDeliveryAttempt(deliveryId: number, error: string | null): Promise<void>;

  close(): Promise<void>;
}
