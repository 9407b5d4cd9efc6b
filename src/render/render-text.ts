import type { Digest, DigestStory } from '../digest/digest.ts';
import { cleanFeedText, isolateDirection } from './feed-text.ts';
import { figureContext } from './figure-context.ts';
import { formatDateTime, labelsFor, quoteMarks, type DigestLabels } from './labels.ts';
import { safeLinkUrl } from './link-url.ts';

function line(text: string): string {
  return isolateDirection(cleanFeedText(text));
}

function storyLines(story: DigestStory, index: number, labels: DigestLabels): string[] {
  const [open, close] = quoteMarks(story.lang);
  const lines = [`${index + 1}. ${line(story.headline) || '…'}`];
  for (const sentence of story.summary.map(line).filter(Boolean)) lines.push(`   ${sentence}`);
  for (const quote of story.quotes) {
    const text = line(quote.text);
    if (!text) continue;
    const speaker = line(quote.speaker ?? '');
    lines.push(`   ${open}${text}${close}${speaker ? ` — ${speaker}` : ''}`);
  }
  for (const figure of story.figures) {
    const { before, figure: surface, after } = figureContext(figure);
    const shown = line(surface);
    if (shown) lines.push(`   • ${[line(before), `[${shown}]`, line(after)].filter(Boolean).join(' ')}`);
  }
  const sources = story.sources.map((source) => {
    const url = safeLinkUrl(source.url);
    const name = line(source.name);
    return url ? `${name} <${url}>` : name;
  });
  if (sources.some(Boolean)) lines.push(`   ${labels.sources}: ${sources.filter(Boolean).join(' · ')}`);
  return lines;
}

/**
 * The digest as plain text (the console channel and `precis preview --format text`): feed text
 * cleaned of control characters and bidi overrides, one line per item.
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
