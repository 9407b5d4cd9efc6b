import type { Digest, DigestStory } from '../digest/digest.ts';
import { escapeDiscordMarkdown, neutralizeMentions } from './discord-markdown.ts';
import { feedLine } from './feed-text.ts';
import { figureContext } from './figure-context.ts';
import { formatDateTime, labelsFor, quoteMarks, type DigestLabels } from './labels.ts';
import { safeLinkUrl } from './link-url.ts';
import { truncate } from './truncate.ts';

/** Discord's limits on one message (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_MESSAGE_LIMITS = {
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer and author of all embeds together. */
  charactersPerMessage: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  content: 2000,
} as const;

/** One embed: a story. Empty parts are left out, as Discord refuses empty strings. */
export interface DiscordEmbed {
  title?: string;
  url?: string;
  description?: string;
  color: number;
  fields: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  timestamp?: string;
}

/** One Discord message of a digest. Send it with `allowed_mentions: { parse: [] }`. */
export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
}

const ACCENT = 0x2b6cb0;
// One story never needs the whole 4096: keeping each embed small lets several share a message.
const MAX_DESCRIPTION = 3000;
const MAX_FOOTER = 500;
const MAX_SOURCES_SHOWN = 10;

/**
 * Characters Discord counts towards the 6000-per-message limit, as UTF-16 code units: never
 * fewer than Discord's own count.
 */
export function embedLength(embed: DiscordEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Feed text escaped for Discord markdown and at most `max` characters long once escaped: the
 * text is cut before escaping, so an escape is never cut in half.
 */
function escapedLine(text: string, max: number): string {
  let budget = max;
  for (;;) {
    const escaped = escapeDiscordMarkdown(feedLine(text, budget));
    if (escaped.length <= max || budget <= 0) return escaped.length <= max ? escaped : '';
    budget -= Math.max(1, escaped.length - max);
  }
}

/** Lines made one by one (only as many as needed), joined by `separator` while they fit in `max` characters. */
function joinWithin<T>(items: readonly T[], line: (item: T) => string, separator: string, max: number): string {
  let joined = '';
  for (const item of items) {
    const text = line(item);
    if (!text) continue;
    const next = joined ? `${joined}${separator}${text}` : text;
    if (next.length > max) break;
    joined = next;
  }
  return joined;
}

function timestampOf(time: number): string | undefined {
  const date = new Date(time);
  return Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}

function storyEmbed(story: DigestStory, labels: DigestLabels): DiscordEmbed {
  const [open, close] = quoteMarks(story.lang);
  const blocks: (() => string)[] = [
    ...story.summary.map((sentence) => () => escapedLine(sentence, 600)),
    ...story.quotes.map((quote) => () => {
      const text = escapedLine(quote.text, 700);
      if (!text) return '';
      const speaker = escapedLine(quote.speaker ?? '', 100);
      return `> ${open}${text}${close}${speaker ? ` — *${speaker}*` : ''}`;
    }),
  ];
  const figureLine = (figure: DigestStory['figures'][number]): string => {
    const { before, figure: surface, after } = figureContext(figure);
    const shown = escapedLine(surface, 80);
    if (!shown) return '';
    return `▸ ${[escapedLine(before, 120), `**${shown}**`, escapedLine(after, 120)].filter(Boolean).join(' ')}`;
  };
  const embed: DiscordEmbed = { color: ACCENT, fields: [] };
  // A story always has a title: an embed with nothing to show is refused.
  embed.title = escapedLine(story.headline, DISCORD_MESSAGE_LIMITS.title) || '…';
  const url = safeLinkUrl(story.url);
  if (url) embed.url = url;
  const description = joinWithin(blocks, (block) => block(), '\n\n', MAX_DESCRIPTION);
  if (description) embed.description = description;
  const figureLines = joinWithin(story.figures, figureLine, '\n', DISCORD_MESSAGE_LIMITS.fieldValue);
  if (figureLines) embed.fields.push({ name: labels.keyFigures, value: figureLines });
  const names = story.sources.map((source) => neutralizeMentions(feedLine(source.name, 80))).filter(Boolean);
  const shownNames = names.slice(0, MAX_SOURCES_SHOWN);
  if (shownNames.length) {
    const more = names.length > shownNames.length ? ` +${names.length - shownNames.length}` : '';
    // Footers show text as is (no markdown): nothing to escape, only mentions to break.
    embed.footer = { text: truncate(`${labels.sources}: ${shownNames.join(' · ')}${more}`, MAX_FOOTER) };
  }
  const timestamp = timestampOf(story.publishedAt);
  if (timestamp) embed.timestamp = timestamp;
  return embed;
}

/**
 * The digest as Discord messages: one embed per story, feed text escaped and mentions broken,
 * every field within Discord's limits, split so no message has more than 10 embeds or 6000
 * embed characters.
 *
 * @example
 *   for (const message of renderDiscord(digest, 'en')) await channel.send({ ...message, allowedMentions: { parse: [] } });
 */
export function renderDiscord(digest: Digest, lang: string | null): DiscordMessage[] {
  const labels = labelsFor(lang);
  const heading = `**📰 ${labels.digestTitle}** — ${formatDateTime(digest.generatedAt, digest.timezone, labels.locale)}`;
  if (!digest.stories.length) return [{ content: `${heading}\n${labels.empty}`, embeds: [] }];
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage = { content: `${heading} · ${labels.stories(digest.stories.length)}`, embeds: [] };
  let used = 0;
  for (const story of digest.stories) {
    const embed = storyEmbed(story, labels);
    const size = embedLength(embed);
    if (current.embeds.length && (current.embeds.length >= DISCORD_MESSAGE_LIMITS.embedsPerMessage || used + size > DISCORD_MESSAGE_LIMITS.charactersPerMessage)) {
      messages.push(current);
      current = { content: '', embeds: [] };
      used = 0;
    }
    current.embeds.push(embed);
    used += size;
  }
  if (digest.omittedStories) current.content = [current.content, `*${labels.more(digest.omittedStories)}*`].filter(Boolean).join('\n');
  messages.push(current);
  return messages;
}
