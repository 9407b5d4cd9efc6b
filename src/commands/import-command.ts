import { FeedError } from '../feeds/feed-error.ts';
import { OpmlError, opmlToFeeds, type OpmlFeed } from '../feeds/opml.ts';
import type { FeedRecord } from '../store/records.ts';
import { reply, type CommandContext, type CommandDefinition, type CommandReply } from './command.ts';
import { feedLimitText, feedRoom } from './feed-limit.ts';
import { feedIdForUrl } from './subscribe-command.ts';

/** The largest OPML file read, in bytes. */
export const MAX_IMPORT_BYTES = 1_000_000;
/** Feeds checked per import; a longer list is imported in several files. */
export const MAX_IMPORT_FEEDS = 50;
/** Feeds fetched at once while importing. */
const CHECKS_AT_ONCE = 4;

/** What became of one feed of the file. */
export type ImportOutcome = { feed: OpmlFeed; status: 'added' | 'already' } | { feed: OpmlFeed; status: 'failed'; reason: string };

async function importOne(context: CommandContext, feed: OpmlFeed, known: readonly FeedRecord[], subscribed: ReadonlySet<string>): Promise<ImportOutcome & { feedId?: string }> {
  const { service, chat } = context;
  const existing = known.find((candidate) => candidate.url === feed.url);
  if (existing && subscribed.has(existing.id)) return { feed, status: 'already' };
  const now = service.delivery.now();
  if (existing?.origin === 'config') {
    await service.store.subscribe(chat.id, existing.id, now);
    return { feed, status: 'added', feedId: existing.id };
  }
  let url: URL;
  try {
    url = new URL(feed.url);
  } catch {
    return { feed, status: 'failed', reason: context.lang === 'fr' ? 'ce n’est pas une URL' : 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { feed, status: 'failed', reason: context.lang === 'fr' ? 'ce n’est pas une URL http(s)' : 'not an http(s) URL' };
  }
  try {
    // The same safe path as /subscribe: public addresses only, limits, decoding.
    const check = await service.checkFeed(url.href);
    const record = existing ?? (await service.store.upsertFeed({ id: feedIdForUrl(url.href), url: url.href, title: check.title ?? feed.title, lang: null, origin: 'chat' }, now));
    await service.store.subscribe(chat.id, record.id, now);
    return { feed, status: 'added', feedId: record.id };
  } catch (error) {
    return { feed, status: 'failed', reason: error instanceof FeedError ? error.detail : error instanceof Error ? error.message : String(error) };
  }
}

/** Runs `task` over `items` with at most `limit` at once, keeping the order of results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function summary(context: CommandContext, fileName: string, outcomes: readonly ImportOutcome[], leftOut: number): string {
  const fr = context.lang === 'fr';
  const added = outcomes.filter((outcome) => outcome.status === 'added');
  const already = outcomes.filter((outcome) => outcome.status === 'already');
  const failed = outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [outcome] : []));
  const lines = [fr ? `Import de ${fileName} : ${added.length} flux ajouté(s) sur ${outcomes.length + leftOut}.` : `Import of ${fileName}: ${added.length} of ${outcomes.length + leftOut} feeds added.`];
  if (added.length) lines.push(`${fr ? 'Ajoutés' : 'Added'}: ${added.map((outcome) => outcome.feed.title).join(', ')}`);
  if (already.length) lines.push(`${fr ? 'Déjà suivis' : 'Already followed'}: ${already.map((outcome) => outcome.feed.title).join(', ')}`);
  if (failed.length) {
    lines.push(fr ? 'Échecs :' : 'Failed:');
    for (const outcome of failed) lines.push(`• ${outcome.feed.title} (${outcome.feed.url}): ${outcome.reason}`);
  }
  if (leftOut) {
    lines.push(
      fr
        ? `${leftOut} flux au-delà des ${MAX_IMPORT_FEEDS} premiers n’ont pas été lus : importez-les dans un second fichier.`
        : `${leftOut} feeds past the first ${MAX_IMPORT_FEEDS} were not read: import them in a second file.`,
    );
  }
  return lines.join('\n');
}

/**
 * `/import` with an OPML file attached: each feed is fetched and checked like `/subscribe`, then
 * followed; the answer lists what was added, what was already followed, and what failed and why.
 */
export const importCommand: CommandDefinition = {
  name: 'import',
  description: { en: 'Follow the feeds of an OPML file', fr: 'Suivre les flux d’un fichier OPML' },
  manages: true,
  async run(context): Promise<CommandReply> {
    const { service, chat, attachment } = context;
    if (!attachment) {
      return reply(context, {
        en: 'Attach an OPML file (a feed reader’s export, or /export from another chat) to /import.',
        fr: 'Joignez un fichier OPML (l’export d’un lecteur de flux, ou /export d’un autre chat) à /import.',
      });
    }
    if (attachment.size > MAX_IMPORT_BYTES) {
      return reply(context, {
        en: `${attachment.name} is too large (${Math.round(attachment.size / 1000)} kB; at most ${MAX_IMPORT_BYTES / 1000} kB).`,
        fr: `${attachment.name} est trop gros (${Math.round(attachment.size / 1000)} ko ; au plus ${MAX_IMPORT_BYTES / 1000} ko).`,
      });
    }
    let feeds: OpmlFeed[];
    try {
      feeds = opmlToFeeds(await attachment.read());
    } catch (error) {
      if (!(error instanceof OpmlError)) throw error;
      return reply(context, { en: `${attachment.name} is ${error.message}.`, fr: `${attachment.name} n’est pas un fichier OPML utilisable : ${error.detail}.` });
    }
    if (!feeds.length) return reply(context, { en: `${attachment.name} lists no feed (no outline with an xmlUrl).`, fr: `${attachment.name} ne contient aucun flux (aucun outline avec xmlUrl).` });
    const taken = feeds.slice(0, MAX_IMPORT_FEEDS);
    const known = await service.store.listFeeds();
    const subscribed = new Set(await service.store.listSubscriptions(chat.id));
    const room = await feedRoom(context);
    // Feeds the chat already follows cost nothing; new ones stop at limits.feedsPerChat, before anything is fetched.
    let left = room.left;
    const withinLimit = taken.filter((feed) => {
      const existing = known.find((candidate) => candidate.url === feed.url);
      if (existing && subscribed.has(existing.id)) return true;
      return left-- > 0;
    });
    if (!withinLimit.length) return reply(context, feedLimitText(room));
    const refused = taken.filter((feed) => !withinLimit.includes(feed));
    const outcomes: (ImportOutcome & { feedId?: string })[] = await mapLimited(withinLimit, CHECKS_AT_ONCE, (feed) => importOne(context, feed, known, subscribed));
    const limitReason = context.lang === 'fr' ? `limite de ${room.limit} flux par chat atteinte (limits.feedsPerChat)` : `the chat’s limit of ${room.limit} feeds is reached (limits.feedsPerChat)`;
    for (const feed of refused) outcomes.push({ feed, status: 'failed', reason: limitReason });
    const addedIds = outcomes.flatMap((outcome) => (outcome.feedId ? [outcome.feedId] : []));
    if (addedIds.length) {
      await service.refreshFeeds(addedIds);
      service.scheduleChat(chat);
    }
    return { kind: 'text', text: summary(context, attachment.name, outcomes, feeds.length - taken.length) };
  },
};
