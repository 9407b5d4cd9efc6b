import type { Digest, DigestStory } from '../digest/digest.ts';
import { figureContext } from './figure-context.ts';
import { formatDateTime, labelsFor, quoteMarks, type DigestLabels } from './labels.ts';

function storyLines(story: DigestStory, index: number, labels: DigestLabels): string[] {
  const [open, close] = quoteMarks(story.lang);
  const lines = [`${index + 1}. ${story.headline}`];
  for (const sentence of story.summary) lines.push(`   ${sentence}`);
  for (const quote of story.quotes) lines.push(`   ${open}${quote.text}${close}${quote.speaker ? ` — ${quote.speaker}` : ''}`);
  for (const figure of story.figures) {
    const { before, figure: surface, after } = figureContext(figure);
    lines.push(`   • ${[before, `[${surface}]`, after].filter(Boolean).join(' ')}`);
  }
  const sources = story.sources.map((source) => (source.url ? `${source.name} <${source.url}>` : source.name));
  lines.push(`   ${labels.sources}: ${sources.join(' · ')}`);
  return lines;
}

/**
 * The digest as plain text (the console channel and `precis preview --format text`).
 *
 * @example
 *   console.log(renderText(digest, 'fr'));
 */
export function renderText(digest: Digest, lang: string | null): string {
  const labels = labelsFor(lang);
  const header = `${labels.digestTitle} — ${formatDateTime(digest.generatedAt, digest.timezone, labels.locale)} (${digest.timezone})`;
  if (!digest.stories.length) return `${header}\n\n${labels.empty}\n`;
  const blocks = digest.stories.map((story, index) => storyLines(story, index, labels).join('\n'));
  const footer = digest.omittedStories ? `\n\n${labels.more(digest.omittedStories)}` : '';
  return `${header} — ${labels.stories(digest.stories.length)}\n\n${blocks.join('\n\n')}${footer}\n`;
}
