import type { Config } from '../config/load-config.ts';
import type { DeliveryChannel } from '../delivery/delivery-channel.ts';
import { createDeliveryContext, type DeliveryContext, type DeliveryPolicy } from '../delivery/delivery-context.ts';
import { migrateChat, resumeChat } from '../delivery/resume-chat.ts';
import { runScheduledDigest } from '../delivery/run-scheduled-digest.ts';
import { DigestScheduler } from '../delivery/scheduler.ts';
import { resumeUnfinishedDeliveries } from '../delivery/send-delivery.ts';
import { checkFeed, type FeedCheck } from '../feeds/check-feed.ts';
import { FeedPoller } from '../feeds/feed-poller.ts';
import { createIngestContext } from '../feeds/ingest-context.ts';
import type { Logger } from '../logger.ts';
import type { ChatRecord, Platform } from '../store/records.ts';
import type { ChatAddress, Store } from '../store/store.ts';
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
  /**
   * For adapters: the bot was added back to a chat it could not post to (blocked, kicked,
   * missing rights); deliveries resume. Returns the chat, or null if unknown.
   */
  resumeChat(address: ChatAddress, why: string): Promise<ChatRecord | null>;
  /** For adapters: the platform gave a chat a new id (Telegram group → supergroup). */
  migrateChat(address: ChatAddress, newChatId: string): Promise<ChatRecord | null>;
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
  /** This instance's name in delivery leases and slot claims (default: host and pid); unique per running instance. */
  instanceId?: string;
  delivery?: Partial<DeliveryPolicy>;
}): Promise<ServiceHandle> {
  const { config, store, log, platforms } = options;
  const now = options.now ?? Date.now;
  const work = new WorkTracker();
  const stopping = new AbortController();
  const channels = new Map<Platform, DeliveryChannel>(platforms.map((platform) => [platform.channel.platform, platform.channel]));

  // Feeds are polled each when due (interval, feed hints, backoff); a paused or recovered feed tells its chats.
  const feedContext = createIngestContext(config, store, log, {
    onEvent: (event) => {
      void work.run(
        // `delivery` exists by then: feeds are first polled once it is built.
        () => notifySubscribers({ store, channels, log, throttles: delivery.throttles }, event),
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

  const delivery: DeliveryContext = createDeliveryContext({
    store,
    channels: channels.values(),
    digest: config.digest,
    log,
    now,
    instanceId: options.instanceId,
    policy: options.delivery,
    refreshFeeds,
    signal: stopping.signal,
  });
  const resuming = new Set<number>();
  const resumeDeliveries = () =>
    void work.run(
      () => resumeUnfinishedDeliveries(delivery, resuming),
      (error) => log.error({ err: error }, 'resuming unfinished deliveries failed'),
    );

  const scheduler = new DigestScheduler({
    store,
    log,
    instanceId: delivery.instanceId,
    now,
    claimLeaseMs: delivery.policy.claimLeaseMs,
    runSlot: async (chatRef, slot, reason) => {
      if (!work.accepting) throw new Error('the service is stopping');
      const failure: { error: Error | null } = { error: null };
      const run = await work.run(
        () => runScheduledDigest(delivery, chatRef, slot),
        (error) => {
          failure.error = error instanceof Error ? error : new Error(String(error));
        },
      );
      // Thrown back to the scheduler, which gives the slot's claim back to be retried.
      if (failure.error) throw failure.error;
      if (run && run.outcome !== 'empty') log.info({ chat: chatRef, slot: slot.slotKey, reason, ...run }, 'scheduled digest');
    },
  });

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
    resumeChat: (address, why) => resumeChat(delivery, address, why),
    async migrateChat(address, newChatId) {
      const chat = await store.getChat(address);
      if (!chat) return null;
      const moved = await migrateChat(delivery, chat, newChatId);
      log.info({ chat: `${chat.platform}:${chat.chatId}`, to: newChatId }, 'chat migrated');
      return moved;
    },
  };

  await syncConfiguredFeeds(store, config.feeds, now());
  // Digests recorded but not (fully) sent before a crash or stop go out first, in the background.
  resumeDeliveries();
  await poller.tick();

  // Scheduling fires the slots missed while Précis was down: one digest per chat, for its latest slot.
  await scheduler.start((await store.listChats()).filter((chat) => channels.has(chat.platform)));
  for (const platform of platforms) await platform.start(service);
  // Deliveries another instance left unfinished (its lease ran out) are picked up every minute.
  const resumeTimer = setInterval(resumeDeliveries, 60_000);
  resumeTimer.unref();

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
      clearInterval(resumeTimer);
      // Waits end now; each message already on its way is finished, the rest stays in the ledger.
      stopping.abort();
      await scheduler.stop();
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
