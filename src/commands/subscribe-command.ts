import { createHash } from 'node:crypto';
import { FeedError } from '../feeds/feed-error.ts';
import type { FeedRecord } from '../store/records.ts';
import { reply, type CommandContext, type CommandDefinition, type CommandReply } from './command.ts';
import { feedLimitText, feedRoom } from './feed-limit.ts';
import { findFeed } from './find-feed.ts';

/** The id a feed added by a chat gets: its host and a hash of its URL ("lemonde-fr-1a2b3c4d"). */
export function feedIdForUrl(url: string): string {
  const { hostname } = new URL(url);
  const host = hostname.replace(/^www\./, '').replace(/[^a-z0-9]+/gi, '-');
  return `${host}-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
}

async function subscribeToUrl(context: CommandContext, url: string): Promise<CommandReply> {
  const { service, chat } = context;
  let title: string;
  let latest: string | null;
  try {
    // The same safe path as polling: public addresses only, limits, decoding; never a local file.
    const check = await service.checkFeed(url);
    title = check.title ?? new URL(url).hostname;
    latest = check.items[0]?.title ?? null;
  } catch (error) {
    const detail = error instanceof FeedError ? error.detail : error instanceof Error ? error.message : String(error);
    return reply(context, { en: `I can’t use ${url}: ${detail}.`, fr: `Je ne peux pas utiliser ${url} : ${detail}.` });
  }
  const now = service.delivery.now();
  const record = (await service.store.getFeedByUrl(url)) ?? (await service.store.upsertFeed({ id: feedIdForUrl(url), url, title, lang: null, origin: 'chat' }, now));
  const added = await service.store.subscribe(chat.id, record.id, now);
  await service.refreshFeeds([record.id]);
  service.scheduleChat(chat);
  const latestLine = latest ? { en: `\nLatest item: ${latest}`, fr: `\nDernier article : ${latest}` } : { en: '', fr: '' };
  return added
    ? reply(context, { en: `Subscribed to ${title}.${latestLine.en}`, fr: `Abonné à ${title}.${latestLine.fr}` })
    : reply(context, { en: `This chat already follows ${title}.`, fr: `Ce chat suit déjà ${title}.` });
}

/**
 * "all" (every feed of the instance) or several names separated by commas: the configured feeds
 * meant, and the names that match none; null when the text is one name or a URL.
 */
function configuredFeedsNamed(feeds: readonly FeedRecord[], text: string): { found: FeedRecord[]; unknown: string[] } | null {
  const configured = feeds.filter((feed) => feed.origin === 'config');
  if (/^(all|tous|toutes|tout)$/i.test(text.trim())) return { found: configured, unknown: [] };
  if (!text.includes(',') || /^https?:\/\//i.test(text.trim())) return null;
  const names = text.split(',').map((name) => name.trim()).filter(Boolean);
  const found: FeedRecord[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const feed = findFeed(configured, name);
    if (feed) found.push(feed);
    else unknown.push(name);
  }
  return { found, unknown };
}

async function subscribeConfigured(context: CommandContext, feeds: readonly FeedRecord[], unknown: readonly string[]): Promise<CommandReply> {
  const { service, chat } = context;
  const now = service.delivery.now();
  const added: string[] = [];
  const already: string[] = [];
  const followed = new Set(await service.store.listSubscriptions(chat.id));
  const room = await feedRoom(context);
  const overLimit: string[] = [];
  for (const feed of feeds) {
    if (followed.has(feed.id)) already.push(feed.title);
    else if (added.length >= room.left) overLimit.push(feed.title);
    else ((await service.store.subscribe(chat.id, feed.id, now)) ? added : already).push(feed.title);
  }
  service.scheduleChat(chat);
  const lines = { en: [] as string[], fr: [] as string[] };
  if (added.length) {
    lines.en.push(`Subscribed to ${added.join(', ')}.`);
    lines.fr.push(`Abonné à ${added.join(', ')}.`);
  }
  if (already.length) {
    lines.en.push(`Already followed: ${already.join(', ')}.`);
    lines.fr.push(`Déjà suivis : ${already.join(', ')}.`);
  }
  if (overLimit.length) {
    lines.en.push(`Not added, this chat is at its limit of ${room.limit} feeds (limits.feedsPerChat): ${overLimit.join(', ')}.`);
    lines.fr.push(`Non ajoutés, ce chat a atteint sa limite de ${room.limit} flux (limits.feedsPerChat) : ${overLimit.join(', ')}.`);
  }
  if (unknown.length) {
    const names = service.config.feeds.map((feed) => feed.name).join(', ');
    lines.en.push(`Not feeds of this instance: ${unknown.join(', ')} (feeds: ${names || 'none'}).`);
    lines.fr.push(`Pas des flux de cette instance : ${unknown.join(', ')} (flux : ${names || 'aucun'}).`);
  }
  if (!feeds.length && !unknown.length) {
    lines.en.push('This instance has no configured feeds: /subscribe <feed URL>.');
    lines.fr.push('Cette instance n’a pas de flux configurés : /subscribe <URL du flux>.');
  }
  return reply(context, { en: lines.en.join('\n'), fr: lines.fr.join('\n') });
}

/**
 * `/subscribe <feed URL or name>`: the feed is fetched and parsed first, then followed. Several
 * feeds of the instance at once: names separated by commas, or "all".
 */
export const subscribeCommand: CommandDefinition = {
  name: 'subscribe',
  argument: { name: 'feed', description: { en: 'feed URL or name (several: a, b; or all)', fr: 'URL ou nom du flux (plusieurs : a, b ; ou all)' }, required: true },
  description: { en: 'Follow a feed', fr: 'Suivre un flux' },
  manages: true,
  async run(context) {
    const { service, chat, args } = context;
    if (!args) {
      const names = service.config.feeds.map((feed) => `• ${feed.name}`).join('\n');
      return reply(context, {
        en: `Usage: /subscribe <feed URL or name>\nExample: /subscribe https://www.lemonde.fr/rss/une.xml${names ? `\n\nFeeds on this instance:\n${names}` : ''}`,
        fr: `Usage : /subscribe <URL ou nom du flux>\nExemple : /subscribe https://www.lemonde.fr/rss/une.xml${names ? `\n\nFlux de cette instance :\n${names}` : ''}`,
      });
    }
    const feeds = await service.store.listFeeds();
    const several = configuredFeedsNamed(feeds, args);
    if (several) return subscribeConfigured(context, several.found, several.unknown);
    const known = findFeed(feeds, args);
    const followed = await service.store.listSubscriptions(chat.id);
    if (!(known && followed.includes(known.id))) {
      // Checked before anything is fetched: a chat at its limit cannot make the instance poll more.
      const room = await feedRoom(context);
      if (!room.left) return reply(context, feedLimitText(room));
    }
    if (known && known.origin === 'config') {
      const added = await service.store.subscribe(chat.id, known.id, service.delivery.now());
      service.scheduleChat(chat);
      return added
        ? reply(context, { en: `Subscribed to ${known.title}.`, fr: `Abonné à ${known.title}.` })
        : reply(context, { en: `This chat already follows ${known.title}.`, fr: `Ce chat suit déjà ${known.title}.` });
    }
    let url: URL | null;
    try {
      url = new URL(args);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return reply(context, {
        en: `“${args}” is neither a feed of this instance nor an http(s) URL. Example: /subscribe https://example.org/rss.xml`,
        fr: `« ${args} » n’est ni un flux de cette instance ni une URL http(s). Exemple : /subscribe https://exemple.fr/rss.xml`,
      });
    }
    return subscribeToUrl(context, url.href);
  },
};
