import { deliverDigest } from '../delivery/deliver-digest.ts';
import { reply, type CommandDefinition } from './command.ts';

/** `/digest`: the latest stories now. It does not consume the next scheduled digest's window. */
export const digestCommand: CommandDefinition = {
  name: 'digest',
  description: { en: 'The latest stories, now', fr: 'Les derniers sujets, maintenant' },
  manages: false,
  async run(context) {
    const { service, chat } = context;
    const feedIds = await service.store.listSubscriptions(chat.id);
    if (!feedIds.length) {
      return reply(context, {
        en: 'This chat follows no feed yet. Add one with /subscribe <feed URL or name>.',
        fr: 'Ce chat ne suit encore aucun flux. Ajoutez-en un avec /subscribe <URL ou nom du flux>.',
      });
    }
    await service.refreshFeeds(feedIds);
    const run = await deliverDigest(service.delivery, chat, { kind: 'on_demand', slotKey: null });
    return { kind: 'digest', run };
  },
};
