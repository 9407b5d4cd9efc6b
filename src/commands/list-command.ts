import { reply, type CommandDefinition } from './command.ts';

/** `/list`: the chat's feeds, its schedule and when the next digest is due. */
export const listCommand: CommandDefinition = {
  name: 'list',
  description: { en: 'This chat’s feeds and schedule', fr: 'Les flux et l’horaire de ce chat' },
  manages: false,
  async run(context) {
    const { service, chat } = context;
    const subscribed = new Set(await service.store.listSubscriptions(chat.id));
    const feeds = (await service.store.listFeeds()).filter((feed) => subscribed.has(feed.id));
    const next = service.scheduler.nextRun(chat.id);
    const when = next
      ? new Intl.DateTimeFormat(context.lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: chat.settings.timezone, dateStyle: 'full', timeStyle: 'short' }).format(next)
      : '—';
    const lines = feeds.map((feed) => `• ${feed.title}${feed.pausedAt ? (context.lang === 'fr' ? ' (en pause)' : ' (paused)') : ''}`);
    return reply(context, {
      en: `${feeds.length ? `Feeds:\n${lines.join('\n')}` : 'No feeds yet: /subscribe <feed URL or name>.'}\n\nSchedule: cron "${chat.settings.cron}" (${chat.settings.timezone})\nNext digest: ${when}`,
      fr: `${feeds.length ? `Flux :\n${lines.join('\n')}` : 'Aucun flux : /subscribe <URL ou nom du flux>.'}\n\nHoraire : cron « ${chat.settings.cron} » (${chat.settings.timezone})\nProchain digest : ${when}`,
    });
  },
};
