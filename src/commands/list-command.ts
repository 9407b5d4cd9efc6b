import { reply, type CommandDefinition } from './command.ts';
import { scheduleSummary } from './schedule-command.ts';

/** `/list`: the chat's feeds, its schedule in words and when the next digest is due, in the chat's time. */
export const listCommand: CommandDefinition = {
  name: 'list',
  description: { en: 'This chat’s feeds and schedule', fr: 'Les flux et l’horaire de ce chat' },
  manages: false,
  async run(context) {
    const { service, chat } = context;
    const subscribed = new Set(await service.store.listSubscriptions(chat.id));
    const feeds = (await service.store.listFeeds()).filter((feed) => subscribed.has(feed.id));
    const now = service.delivery.now();
    const lines = feeds.map((feed) => `• ${feed.title}${feed.pausedAt ? (context.lang === 'fr' ? ' (en pause)' : ' (paused)') : ''}`);
    const paused = chat.pausedReason
      ? { en: `\nDigests are paused: ${chat.pausedReason}`, fr: `\nLes digests sont en pause : ${chat.pausedReason}` }
      : { en: '', fr: '' };
    return reply(context, {
      en: `${feeds.length ? `Feeds:\n${lines.join('\n')}` : 'No feeds yet: /subscribe <feed URL or name>.'}\n\nSchedule: ${scheduleSummary(chat, 'en', now)}.${paused.en}`,
      fr: `${feeds.length ? `Flux :\n${lines.join('\n')}` : 'Aucun flux : /subscribe <URL ou nom du flux>.'}\n\nHoraire : ${scheduleSummary(chat, 'fr', now)}.${paused.fr}`,
    });
  },
};
