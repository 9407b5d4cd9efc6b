import type { Digest, DigestStory } from '../digest/digest.ts';
import { escapeDiscordMarkdown } from './discord-markdown.ts';
import { figureContext } from './figure-context.ts';
import { formatDateTime, labelsFor, quoteMarks, type DigestLabels } from './labels.ts';
import { truncate } from './truncate.ts';

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  embedsPerMessage: 10,
  charactersPerMessage: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  content: 2000,
} as const;

export interface DiscordEmbed {
  title: string;
  url?: string;
  description: string;
  color: number;
  fields: { name: string; value: string; inline?: boolean }[];
  footer: { text: string };
  timestamp: string;
}

/** One Discord message of a digest. Send it with `allowed_mentions: { parse: [] }`. */
export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
}

const ACCENT = 0x2b6cb0;
// Keeps one embed under the 6000-character message limit even with a full description and field.
const MAX_FOOTER = 500;

/** Characters Discord counts towards the 6000-per-message limit. */
export function embedLength(embed: DiscordEmbed): number {
  return (
    embed.title.length +
    embed.description.length +
    embed.footer.text.length +
    embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function storyEmbed(story: DigestStory, labels: DigestLabels): DiscordEmbed {
  const [open, close] = quoteMarks(story.lang);
  const description: string[] = story.summary.map((sentence) => escapeDiscordMarkdown(truncate(sentence, 600)));
  for (const quote of story.quotes) {
    const speaker = quote.speaker ? ` — *${escapeDiscordMarkdown(truncate(quote.speaker, 100))}*` : '';
    description.push(`> ${escapeDiscordMarkdown(`${open}${truncate(quote.text, 700)}${close}`)}${speaker}`);
  }
  const fields: DiscordEmbed['fields'] = [];
  if (story.figures.length) {
    const lines = story.figures.map((figure) => {
      const { before, figure: surface, after } = figureContext(figure);
      return `▸ ${[before && escapeDiscordMarkdown(truncate(before, 120)), `**${escapeDiscordMarkdown(truncate(surface, 80))}**`, after && escapeDiscordMarkdown(truncate(after, 120))].filter(Boolean).join(' ')}`;
    });
    fields.push({ name: labels.keyFigures, value: truncate(lines.join('\n'), DISCORD_LIMITS.fieldValue) });
  }
  const embed: DiscordEmbed = {
    title: truncate(escapeDiscordMarkdown(story.headline), DISCORD_LIMITS.title),
    description: truncate(description.join('\n\n'), DISCORD_LIMITS.description),
    color: ACCENT,
    fields,
    footer: { text: truncate(`${labels.sources}: ${story.sources.map((source) => source.name).join(' · ')}`, MAX_FOOTER) },
    timestamp: new Date(story.publishedAt).toISOString(),
  };
  if (story.url) embed.url = story.url;
  return embed;
}

/**
 * The digest as Discord messages: one embed per story, markdown escaped, split so that no
 * message exceeds 10 embeds or 6000 embed characters.
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
    if (current.embeds.length && (current.embeds.length >= DISCORD_LIMITS.embedsPerMessage || used + size > DISCORD_LIMITS.charactersPerMessage)) {
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
