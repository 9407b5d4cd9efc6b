import { z } from 'zod';
import type { Article } from '../feeds/article.ts';

/** Where a chat lives. `console` is the terminal channel used when no bot token is set. */
export type Platform = 'telegram' | 'discord' | 'console';
export type ChatKind = 'private' | 'group' | 'channel';

/** A feed Précis polls, with its fetch state. */
export interface FeedRecord {
  id: string;
  url: string;
  title: string;
  lang: string | null;
  /** `config` feeds come from the config file; `chat` feeds were added by a chat command. */
  origin: 'config' | 'chat';
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: number | null;
  lastSuccessAt: number | null;
  nextFetchAt: number | null;
  failureCount: number;
  lastError: string | null;
  pausedAt: number | null;
  createdAt: number;
  /** The feed's own hint of how often it changes (ttl, sy:updatePeriod, Cache-Control), in ms: a floor on its poll interval. */
  pollHintMs: number | null;
}

/** A chat's own settings, stored as one JSON document and validated on every read. */
export const chatSettingsSchema = z.object({
  cron: z.string(),
  timezone: z.string(),
  stories: z.int().min(1).max(50),
  /** Interface language for the chat's messages, or null to follow the user's. */
  lang: z.string().nullable().default(null),
  /** Post a short "nothing new" message when a digest would be empty. */
  postWhenEmpty: z.boolean().default(false),
  include: z.array(z.string()).default([]),
  exclude: z.array(z.string()).default([]),
  /** Only articles in these languages; empty means all. */
  languages: z.array(z.string()).default([]),
  /** Discord: each digest opens a new thread (in a text channel) or post (a forum always does). */
  threadPerDigest: z.boolean().optional(),
  /** Telegram: digests posted within these daily hours (minutes since local midnight) make no sound. */
  quietHours: z.object({ from: z.int().min(0).max(1439), to: z.int().min(0).max(1439) }).nullable().optional(),
  /** When the current schedule took effect: slots before it are never owed as catch-up. */
  scheduleSince: z.number().nullable().optional(),
});
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

/** A place digests are delivered to: a chat, or a topic/thread inside one. */
export interface ChatRecord {
  /** Internal id used by subscriptions and deliveries. */
  id: number;
  platform: Platform;
  chatId: string;
  /** Telegram forum topic or Discord thread; null for the chat itself. */
  threadId: string | null;
  kind: ChatKind;
  title: string | null;
  settings: ChatSettings;
  /** Why deliveries are paused (bot blocked, channel deleted…), or null when active. */
  pausedReason: string | null;
  /** End of the window covered by the chat's last scheduled digest. */
  lastDigestAt: number | null;
  createdAt: number;
}

/** An article as stored: when Précis first saw it, and whether it counts as news. */
export interface StoredArticle extends Article {
  firstSeenAt: number;
  /** False for the back catalogue of a feed's first fetch: stored, never delivered as new. */
  fresh: boolean;
}

/** The full text of an article page (fetched for teaser items), cached by URL. */
export interface ArticlePageRecord {
  url: string;
  fetchedAt: number;
  title: string | null;
  paragraphs: string[];
  html: string | null;
  /** Why extraction failed (kept so the page is not fetched again and again), or null. */
  error: string | null;
}

export type DeliveryKind = 'scheduled' | 'on_demand';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** One digest for one chat, recorded before anything is sent (the outbox). */
export interface DeliveryRecord {
  id: number;
  chatRef: number;
  kind: DeliveryKind;
  /** For scheduled digests, the slot key that makes each slot fire once per chat. */
  slotKey: string | null;
  windowStart: number;
  windowEnd: number;
  articleIds: string[];
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  completedAt: number | null;
  /** The scheduler slot (epoch ms) of a scheduled delivery, or null. */
  slotAt: number | null;
  /** The instance sending it now and until when (a dead sender's lease expires and is taken over). */
  leaseOwner: string | null;
  leaseUntil: number | null;
}

/** A claim on one scheduler slot of one chat: whoever inserts it first fires the slot. */
export interface SlotClaim {
  slotKey: string;
  chatRef: number;
  slotAt: number;
  owner: string;
  at: number;
  /** How long the claim holds before another instance may take it over. */
  leaseMs: number;
}

/** What claiming a slot gave: it is yours now, another live instance holds it, or it was already done. */
export type SlotClaimResult = 'claimed' | 'held' | 'done';

/** An article a chat received in a scheduled digest, and the story it was shown in. */
export interface DeliveredArticleRecord {
  articleId: string;
  deliveryId: number;
  /** The lead article id of the story, or null when unknown. */
  storyId: string | null;
}

/** One platform message of a delivery; `payload` is the rendered message as JSON. */
export interface DeliveryPartRecord {
  deliveryId: number;
  seq: number;
  payload: string;
  sentAt: number | null;
  messageId: string | null;
}
