import { feedsToOpml } from '../feeds/opml.ts';
import { reply, type CommandDefinition } from './command.ts';

/** `/export`: this chat's feeds as an OPML file, for a feed reader or another Précis (`/import`). */
export const exportCommand: CommandDefinition = {
  name: 'export',
  description: { en: 'This chat’s feeds as an OPML file', fr: 'Les flux de ce chat en fichier OPML' },
  manages: false,
  async run(context) {
    const { service, chat } = context;
    const subscribed = new Set(await service.store.listSubscriptions(chat.id));
    const feeds = (await service.store.listFeeds()).filter((feed) => subscribed.has(feed.id));
    if (!feeds.length) {
      return reply(context, { en: 'This chat follows no feed: there is nothing to export.', fr: 'Ce chat ne suit aucun flux : rien à exporter.' });
    }
    const content = feedsToOpml(
      feeds.map((feed) => ({ title: feed.title, url: feed.url, siteUrl: null, category: null })),
      { title: `Précis — ${chat.title ?? chat.chatId}`, now: service.delivery.now() },
    );
    const count = feeds.length;
    return {
      kind: 'file',
      name: 'precis-feeds.opml',
      content,
      text:
        context.lang === 'fr'
          ? `${count} flux de ce chat en OPML : importez-les dans un lecteur de flux, ou dans un autre chat avec /import.`
          : `${count} feed${count === 1 ? '' : 's'} of this chat as OPML: import ${count === 1 ? 'it' : 'them'} into a feed reader, or into another chat with /import.`,
    };
  },
};
