import { createDeliveryContext, type DeliveryContext, type DeliveryPolicy } from '../../../src/delivery/delivery-context.ts';
import { UNLIMITED, type DeliveryLimits } from '../../../src/delivery/send/channel-limits.ts';
import { silentLogger } from '../../../src/logger.ts';
import { chatSettingsSchema, type ChatKind, type ChatRecord, type ChatSettings, type StoredArticle } from '../../../src/store/records.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { FakeSink } from './fake-sink.ts';

/** Headlines about unrelated events, so the digest engine keeps each as its own story. */
export const HEADLINES = [
  'Parliament approves the railway budget for northern provinces',
  'Volcano eruption forces evacuation of coastal villages in Iceland',
  'Central bank holds interest rates steady amid slowing inflation',
  'Chess champion wins the world title after a dramatic tiebreak',
  'Drought cuts wheat harvest across southern farmland',
  'Hospital nurses strike over pay and staffing shortages',
  'Astronomers detect water vapour on a distant exoplanet',
  'Football club sacks its manager after seven straight defeats',
  'Wildfire smoke closes schools in three mountain towns',
  'Tech giant unveils a folding tablet with satellite messaging',
  'Museum returns looted bronze sculptures to Benin',
  'Ferry operator cancels crossings as storm batters the channel',
];

export const DIGEST_CONFIG = { stories: 5, quotesPerStory: 2, figuresPerStory: 3, windowHours: 72 };

/** A stored article about `headline`, first seen at `at`. */
export function storedArticle(headline: string, at: number, overrides: Partial<StoredArticle> = {}): StoredArticle {
  const id = overrides.id ?? `wire-${headline.toLowerCase().replace(/[^a-z]+/g, '-').slice(0, 40)}`;
  return {
    id,
    feedId: 'wire',
    guid: id,
    url: `https://news.example.org/${id}`,
    title: headline,
    author: null,
    publishedAt: at,
    firstSeenAt: at,
    lang: 'en',
    paragraphs: [`${headline}, officials said on Tuesday.`, `The decision affects about 12,000 people, according to the regional authority.`],
    html: null,
    imageUrl: null,
    categories: [],
    fresh: true,
    ...overrides,
  };
}

export interface DeliveryFixture {
  store: Store;
  sink: FakeSink;
  context: DeliveryContext;
  chat(kind?: ChatKind, settings?: Partial<ChatSettings>, chatId?: string): Promise<ChatRecord>;
  publish(headlines: readonly string[], at?: number, overrides?: Partial<StoredArticle>): Promise<StoredArticle[]>;
  close(): Promise<void>;
}

/**
 * A SQLite store with one feed ("wire"), a FakeSink platform and a delivery context around them,
 * on whatever clock is current (tests use vitest's fake timers).
 */
export async function deliveryFixture(
  options: { limits?: DeliveryLimits; policy?: Partial<DeliveryPolicy>; path?: string; instanceId?: string; store?: Store; sink?: FakeSink } = {},
): Promise<DeliveryFixture> {
  const store = options.store ?? (await openSqliteStore(options.path ?? ':memory:'));
  await store.upsertFeed({ id: 'wire', url: 'https://news.example.org/wire.xml', title: 'Wire', lang: 'en', origin: 'config' }, 0);
  const sink = options.sink ?? new FakeSink(options.limits ?? UNLIMITED);
  const context = createDeliveryContext({
    store,
    channels: [sink],
    digest: DIGEST_CONFIG,
    log: silentLogger(),
    instanceId: options.instanceId ?? 'test-instance',
    policy: { backoffMs: 100, ...options.policy },
    random: () => 0.5,
  });
  let chats = 0;
  return {
    store,
    sink,
    context,
    async chat(kind = 'private', settings = {}, chatId) {
      const id = chatId ?? String(++chats * (kind === 'private' ? 1 : -1));
      const full = chatSettingsSchema.parse({ cron: '0 8 * * *', timezone: 'UTC', stories: 5, ...settings });
      const chat = await store.ensureChat({ platform: 'telegram', chatId: id }, { kind, title: null }, full, settings.scheduleSince ?? Date.now());
      await store.subscribe(chat.id, 'wire', Date.now());
      return chat;
    },
    async publish(headlines, at = Date.now(), overrides = {}) {
      return store.insertNewArticles(headlines.map((headline) => storedArticle(headline, at, overrides)));
    },
    close: () => store.close(),
  };
}
