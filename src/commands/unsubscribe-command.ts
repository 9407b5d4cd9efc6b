import { reply, type CommandDefinition } from './command.ts';
import { findFeed } from './find-feed.ts';

/** `/unsubscribe <feed name>`: stop following a feed (adapters offer the chat's feeds as buttons). */
export const unsubscribeCommand: CommandDefinition = {
  name: 'unsubscribe',
  argument: { name: 'feed', description: { en: 'feed name', fr: 'nom du flux' }, required: false },
  description: { en: 'Stop following a feed', fr: 'Ne plus suivre un flux' },
  manages: true,
  async run(context) {
    const { service, chat, args } = context;
    const subscribed = new Set(await service.store.listSubscriptions(chat.id));
    const feeds = (await service.store.listFeeds()).filter((feed) => subscribed.has(feed.id));
    if (!feeds.length) return reply(context, { en: 'This chat follows no feed.', fr: 'Ce chat ne suit aucun flux.' });
    const feed = args ? findFeed(feeds, args) : undefined;
    if (!feed) {
      const names = feeds.map((candidate) => `• ${candidate.title}`).join('\n');
      return reply(context, {
        en: `${args ? `This chat does not follow “${args}”. ` : ''}Which feed? /unsubscribe <name>\n${names}`,
        fr: `${args ? `Ce chat ne suit pas « ${args} ». ` : ''}Quel flux ? /unsubscribe <nom>\n${names}`,
      });
    }
    await service.store.unsubscribe(chat.id, feed.id);
    return reply(context, { en: `Unsubscribed from ${feed.title}.`, fr: `Désabonné de ${feed.title}.` });
  },
};
