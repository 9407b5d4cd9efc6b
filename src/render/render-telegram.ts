import type { Digest, DigestStory } from '../digest/digest.ts';
import { figureContext } from './figure-context.ts';
import { formatDateTime, labelsFor, quoteMarks, type DigestLabels } from './labels.ts';
import { TelegramHtml } from './telegram-html.ts';
import { truncate } from './truncate.ts';

/** One Telegram message of a digest, ready for sendMessage with parse_mode HTML. */
export interface TelegramMessage {
  html: string;
  /** Show a link preview for this URL (the top story); null disables previews. */
  previewUrl: string | null;
}

const MAX_SOURCES_SHOWN = 6;

/** How much of a story to show: each level drops detail until the story fits one message. */
const DETAIL_LEVELS = [
  { headline: 300, sentence: 500, quote: 600, figures: Infinity, quotes: Infinity },
  { headline: 200, sentence: 300, quote: 300, figures: 3, quotes: 2 },
  { headline: 150, sentence: 200, quote: 200, figures: 1, quotes: 1 },
  { headline: 120, sentence: 0, quote: 0, figures: 0, quotes: 0 },
];

function storyPiece(story: DigestStory, index: number, labels: DigestLabels, level: (typeof DETAIL_LEVELS)[number]): TelegramHtml {
  const piece = new TelegramHtml();
  const [open, close] = quoteMarks(story.lang);
  piece.text(`${index + 1}. `);
  piece.tag('b', (b) => {
    const headline = truncate(story.headline, level.headline);
    if (story.url) b.link(story.url, (a) => a.text(headline));
    else b.text(headline);
  });
  piece.text('\n');
  if (level.sentence) {
    for (const sentence of story.summary) piece.text(`${truncate(sentence, level.sentence)}\n`);
  }
  for (const quote of story.quotes.slice(0, level.quotes)) {
    piece.tag('blockquote', (block) => {
      block.text(`${open}${truncate(quote.text, level.quote)}${close}`);
      if (quote.speaker) block.text(' — ').tag('i', (i) => i.text(truncate(quote.speaker ?? '', 100)));
    });
  }
  for (const figure of story.figures.slice(0, level.figures)) {
    const { before, figure: surface, after } = figureContext(figure);
    piece.text('▸ ');
    if (before) piece.text(`${truncate(before, 120)} `);
    piece.tag('b', (b) => b.text(truncate(surface, 80)));
    if (after) piece.text(` ${truncate(after, 120)}`);
    piece.text('\n');
  }
  const shown = story.sources.slice(0, MAX_SOURCES_SHOWN);
  piece.tag('i', (i) => {
    i.text(`${labels.sources}: `);
    shown.forEach((source, position) => {
      if (position) i.text(' · ');
      i.text(truncate(source.name, 60));
    });
    if (story.sources.length > shown.length) i.text(` +${story.sources.length - shown.length}`);
  });
  return piece;
}

/** The richest rendering of a story that fits in one message on its own (with a header). */
function fittingStoryPiece(story: DigestStory, index: number, labels: DigestLabels, header: TelegramHtml): TelegramHtml {
  let piece = new TelegramHtml();
  for (const level of DETAIL_LEVELS) {
    piece = storyPiece(story, index, labels, level);
    if (header.fitsWith(piece)) return piece;
  }
  return piece;
}

/**
 * The digest as Telegram HTML messages: every feed string escaped, each message within 4096
 * characters (as Telegram counts them) and 100 entities, split only between stories.
 *
 * @example
 *   for (const message of renderTelegram(digest, 'fr')) await api.sendMessage(chatId, message.html, { parse_mode: 'HTML' });
 */
export function renderTelegram(digest: Digest, lang: string | null): TelegramMessage[] {
  const labels = labelsFor(lang);
  const header = new TelegramHtml();
  header.tag('b', (b) => b.text(`📰 ${labels.digestTitle}`));
  header.text(` — ${formatDateTime(digest.generatedAt, digest.timezone, labels.locale)}`);
  if (!digest.stories.length) return [{ html: header.text(`\n\n${labels.empty}`).html, previewUrl: null }];
  header.text(` · ${labels.stories(digest.stories.length)}\n\n`);

  const messages: TelegramMessage[] = [];
  let current = header;
  let previewUrl: string | null = digest.stories[0]?.url ?? null;
  let empty = false;
  digest.stories.forEach((story, index) => {
    const piece = fittingStoryPiece(story, index, labels, header);
    const separator = new TelegramHtml().text(empty || index === 0 ? '' : '\n\n');
    if (!empty && !current.fitsWith(new TelegramHtml().append(separator).append(piece))) {
      messages.push({ html: current.html, previewUrl });
      previewUrl = null;
      current = new TelegramHtml();
      empty = true;
    }
    current.append(empty ? new TelegramHtml() : separator).append(piece);
    empty = false;
  });
  if (digest.omittedStories) {
    const more = new TelegramHtml().text('\n\n').tag('i', (i) => i.text(labels.more(digest.omittedStories)));
    if (current.fitsWith(more)) current.append(more);
  }
  messages.push({ html: current.html, previewUrl });
  return messages;
}
