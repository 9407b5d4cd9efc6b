import type {
  ArticlePageRecord,
  ChatKind,
  ChatRecord,
  ChatSettings,
  DeliveredArticleRecord,
  DeliveryKind,
  DeliveryPartRecord,
  DeliveryRecord,
  FeedRecord,
  Platform,
  SlotClaim,
  SlotClaimResult,
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
  /** The scheduler slot of a scheduled delivery (epoch ms). */
  slotAt?: number | null | undefined;
  /** Records the delivery as already being sent by this instance until `leaseUntil`. */
  leaseOwner?: string | null | undefined;
  leaseUntil?: number | null | undefined;
  /** The story (lead article id) each article was shown in. */
  storyOf?: ReadonlyMap<string, string> | undefined;
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
  getDelivery(deliveryId: number): Promise<DeliveryRecord | null>;
  /** The chat's latest deliveries, newest first. */
  listRecentDeliveries(chatRef: number, limit: number): Promise<DeliveryRecord[]>;
  /**
   * Takes (or renews) the right to send a delivery until `until`: granted when nobody holds it,
   * `owner` already does, or the holder's lease expired before `at`.
   */
  leaseDelivery(deliveryId: number, owner: string, until: number, at: number): Promise<boolean>;
  /** Gives a delivery's lease back (graceful stop), so a restart resumes it at once. */
  releaseDeliveryLease(deliveryId: number, owner: string): Promise<void>;
  /**
   * Undoes what a scheduled delivery that was never posted consumed: its articles count as not
   * delivered again and, if no later digest moved it, the chat's window goes back to its start.
   */
  returnDeliveryArticles(deliveryId: number): Promise<void>;
  /** Which of these articles the chat received in scheduled digests, and in which story. */
  listDeliveredArticles(chatRef: number, articleIds: readonly string[]): Promise<DeliveredArticleRecord[]>;
  /** Stored articles whose link is one of `urls`, in the given feeds (any feed when null). */
  findArticlesByUrl(urls: readonly string[], feedIds: readonly string[] | null): Promise<StoredArticle[]>;

  /**
   * Claims a scheduler slot for `owner` (`INSERT … ON CONFLICT DO NOTHING` on the slot key):
   * `claimed` for the first claimant, and for a later one when the claim was never completed
   * and its lease ran out (its owner died); otherwise `held` (in progress elsewhere) or `done`.
   * The owner claiming again renews its lease.
   */
  claimSlot(claim: SlotClaim): Promise<SlotClaimResult>;
  /** Marks a claimed slot done (`completed`) or gives it back to be fired again (`released`). */
  finishSlot(slotKey: string, owner: string, outcome: 'completed' | 'released', at: number): Promise<void>;
  /** The latest completed slot of every chat that has one (a claim its owner never completed does not count). */
  latestCompletedSlots(): Promise<Map<number, number>>;
  /**
   * Forgets slot claims and finished deliveries (with their messages and delivered-article rows)
   * older than `before`; unfinished deliveries are kept whatever their age. Windows only move
   * forward, so an article that old is never a candidate again.
   */
  pruneDeliveryLedger(before: number): Promise<void>;

  close(): Promise<void>;
}
