import { consoleChannel } from '../delivery/console-channel.ts';
import { deliverDigest } from '../delivery/deliver-digest.ts';
import { ensureChatWithDefaults, type PlatformRuntime } from './start-service.ts';

/**
 * The console "chat": subscribed to every configured feed, it prints a digest right away and
 * then one on each scheduled tick. It is what runs when no bot token is set.
 */
export function consoleRuntime(output: NodeJS.WritableStream): PlatformRuntime {
  const channel = consoleChannel(output);
  return {
    channel,
    async start(service) {
      const now = service.delivery.now();
      const chat = await ensureChatWithDefaults(service, { platform: 'console', chatId: 'console' }, { kind: 'private', title: 'console' }, now);
      for (const feed of service.config.feeds) await service.store.subscribe(chat.id, feed.id, now);
      service.scheduleChat(chat);
      await service.work.run(
        () => deliverDigest(service.delivery, chat, { kind: 'on_demand', slotKey: null }),
        (error) => service.log.error({ err: error }, 'console digest failed'),
      );
      const next = service.scheduler.nextRun(chat.id);
      if (next) {
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: chat.settings.timezone, dateStyle: 'full', timeStyle: 'short' }).format(next);
        service.log.info(`Next digest: ${local} (${chat.settings.timezone}; schedule "${chat.settings.cron}" in config/precis.yaml)`);
      }
    },
    stop: () => Promise.resolve(),
  };
}
