import type { Config } from '../config/load-config.ts';
import type { DeliveryChannel } from '../delivery/delivery-channel.ts';
import type { DeliveryContext } from '../delivery/delivery-context.ts';
import { deliverDigest } from '../delivery/deliver-digest.ts';
import { DigestScheduler } from '../delivery/scheduler.ts';
import { resumeUnfinishedDeliveries } from '../delivery/send-delivery.ts';
import { checkFeed, type FeedCheck } from '../feeds/check-feed.ts';
import { FeedPoller } from '../feeds/feed-poller.ts';
import { createIngestContext } from '../feeds/ingest-context.ts';
import type { Logger } from '../logger.ts';
import type { ChatRecord, Platform } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { defaultChatSettings } from './chat-defaults.ts';
import { notifySubscribers } from './feed-notices.ts';
import { startHeartbeat } from './heartbeat.ts';
import { syncConfiguredFeeds } from './sync-configured-feeds.ts';
import { WorkTracker } from './work-tracker.ts';

/** A platform adapter the service starts and stops (Telegram bot, Discord client, console). */
export interface PlatformRuntime {
  channel: DeliveryChannel;
  /** Connects; called once the store and scheduler are ready. */
  start(service: RunningService): Promise<void>;
  stop(): Promise<void>;
}

/** What adapters and commands can use while the service runs. */
export interface RunningService {
  config: Config;
  store: Store;
  log: Logger;
  delivery: DeliveryContext;
  scheduler: DigestScheduler;
  work: WorkTracker;
  /** Fetches a chat's feeds now, then returns. */
  refreshFeeds(feedIds: readonly string[]): Promise<void>;
  /** Fetches and parses a feed URL through the safe fetch path (no `file:`), without storing anything. */
  checkFeed(url: string): Promise<FeedCheck>;
  /** Schedules (or reschedules) a chat after its settings changed. */
  scheduleChat(chat: ChatRecord): void;
}

export interface ServiceHandle {
  service: RunningService;
  /** Stops taking work, finishes what is in flight, disconnects, closes the store. */
  stop(): Promise<void>;
}

/**
 * Starts Précis: syncs configured feeds, resumes unfinished deliveries, fetches feeds,
 * schedules every chat and starts each platform adapter.
 *
 * @example
 *   const handle = await startService({ config, store, log, platforms: [consoleRuntime(process.stdout)] });
 *   process.once('SIGTERM', () => void handle.stop());
 */
export async function startService(options: {
  config: Config;
  store: Store;
  log: Logger;
  platforms: PlatformRuntime[];
  now?: () => number;
}): Promise<ServiceHandle> {
  const { config, store, log, platforms } = options;
  const now = options.now ?? Date.now;
  const work = new WorkTracker();
  const channels = new Map<Platform, DeliveryChannel>(platforms.map((platform) => [platform.channel.platform, platform.channel]));
  const delivery: DeliveryContext = {
    store,
    channels,
    digest: config.digest,
    log,
    now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };

  // Feeds are polled each when due (interval, feed hints, backoff); a paused or recovered feed tells its chats.
  const feedContext = createIngestContext(config, store, log, {
    onEvent: (event) => {
      void work.run(
        () => notifySubscribers({ store, channels, log }, event),
        (error) => log.error({ err: error, feed: event.feed.id }, 'feed notice failed'),
      );
    },
  });
  const poller = new FeedPoller(feedContext, {
    clock: { now, setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    track: (pass) => work.run(pass, (error) => log.error({ err: error }, 'feed poll failed')),
    onError: (error) => log.error({ err: error }, 'feed poll failed'),
  });
  const refreshFeeds = async (feedIds: readonly string[]) => {
    await poller.refresh(feedIds);
  };

  const scheduler = new DigestScheduler(
    async (chat, slotKey) => {
      await work.run(
        async () => {
          const current = await store.getChatById(chat.id);
          if (!current || current.pausedReason) return;
          await refreshFeeds(await store.listSubscriptions(current.id));
          const run = await deliverDigest(delivery, current, { kind: 'scheduled', slotKey });
          log.info({ chat: `${current.platform}:${current.chatId}`, slot: slotKey, ...run }, 'scheduled digest');
        },
        (error) => log.error({ err: error, chat: chat.id }, 'scheduled digest failed'),
      );
    },
    (chat, error) => log.error({ err: error, chat: chat.id }, 'scheduled digest failed'),
  );

  const service: RunningService = {
    config,
    store,
    log,
    delivery,
    scheduler,
    work,
    refreshFeeds,
    checkFeed: (url) => checkFeed(feedContext.fetcher, url, { allowFiles: false, now: now() }),
    scheduleChat: (chat) => scheduler.schedule(chat),
  };

  await syncConfiguredFeeds(store, config.feeds, now());
  const resumed = await resumeUnfinishedDeliveries(delivery);
  if (resumed) log.info({ deliveries: resumed }, 'resumed unfinished deliveries');
  await poller.tick();

  for (const chat of await store.listChats()) if (channels.has(chat.platform)) scheduler.schedule(chat);
  for (const platform of platforms) await platform.start(service);

  poller.start();
  const stopHeartbeat = startHeartbeat(config.heartbeatFile, () => ({
    pid: process.pid,
    at: now(),
    platforms: platforms.map((platform) => platform.channel.platform),
  }));

  return {
    service,
    async stop() {
      stopHeartbeat();
      scheduler.stop();
      await poller.stop();
      await work.drain();
      for (const platform of platforms) await platform.stop();
      await feedContext.close();
      await store.close();
    },
  };
}

/** Creates a chat with the instance defaults if it is new; returns it either way. */
export async function ensureChatWithDefaults(
  service: Pick<RunningService, 'store' | 'config'>,
  address: Parameters<Store['ensureChat']>[0],
  details: Parameters<Store['ensureChat']>[1],
  at: number,
): Promise<ChatRecord> {
  return service.store.ensureChat(address, details, defaultChatSettings(service.config), at);
}
