import type { Digest, DigestStory } from '../digest/digest.ts';
import { feedLine } from './feed-text.ts';
import { figureContext } from './figure-context.ts';
import { formatDateTime, labelsFor, quoteMarks, type DigestLabels } from './labels.ts';
import { safeLinkUrl } from './link-url.ts';
import { TelegramHtml } from './telegram-html.ts';

/** One Telegram message of a digest, ready for sendMessage with parse_mode HTML. */
export interface TelegramMessage {
  html: string;
  /** Show a link preview for this URL (the top story, first message only); null disables previews. */
  previewUrl: string | null;
  /** Send without a notification sound (quiet hours); absent means a normal notification. */
  silent?: boolean;
}

/** How the caller wants the messages sent. */
export interface TelegramRenderOptions {
  /** Mark every message `silent` (the chat's quiet hours). */
  silent?: boolean;
}

const MAX_SOURCES_SHOWN = 6;

/** How much of a story to show: each level drops detail until the story fits one message. */
const DETAIL_LEVELS = [
  { headline: 300, sentence: 500, quote: 600, figures: 10, quotes: 10 },
  { headline: 200, sentence: 300, quote: 300, figures: 3, quotes: 2 },
  { headline: 150, sentence: 200, quote: 200, figures: 1, quotes: 1 },
  { headline: 120, sentence: 0, quote: 0, figures: 0, quotes: 0 },
];

function storyPiece(story: DigestStory, index: number, labels: DigestLabels, level: (typeof DETAIL_LEVELS)[number]): TelegramHtml {
  const piece = new TelegramHtml();
  const [open, close] = quoteMarks(story.lang);
  piece.text(`${index + 1}. `);
  piece.tag('b', (b) => b.link(story.url, (a) => a.text(feedLine(story.headline, level.headline) || '…')));
  piece.text('\n');
  if (level.sentence) {
    for (const sentence of story.summary) {
      const line = feedLine(sentence, level.sentence);
      if (line) piece.text(`${line}\n`);
    }
  }
  for (const quote of story.quotes.slice(0, level.quotes)) {
    const text = feedLine(quote.text, level.quote);
    if (!text) continue;
    piece.tag('blockquote', (block) => {
      block.text(`${open}${text}${close}`);
      const speaker = feedLine(quote.speaker ?? '', 100);
      if (speaker) block.text(' — ').tag('i', (i) => i.text(speaker));
    });
    piece.text('\n');
  }
  for (const figure of story.figures.slice(0, level.figures)) {
    const { before, figure: surface, after } = figureContext(figure);
    const shown = feedLine(surface, 80);
    if (!shown) continue;
    piece.text('▸ ');
    const lead = feedLine(before, 120);
    if (lead) piece.text(`${lead} `);
    piece.tag('b', (b) => b.text(shown));
    const tail = feedLine(after, 120);
    if (tail) piece.text(` ${tail}`);
    piece.text('\n');
  }
  const names = story.sources.map((source) => feedLine(source.name, 60)).filter(Boolean);
  const shownNames = names.slice(0, MAX_SOURCES_SHOWN);
  if (shownNames.length) {
    piece.tag('i', (i) => {
      i.text(`${labels.sources}: ${shownNames.join(' · ')}`);
      if (names.length > shownNames.length) i.text(` +${names.length - shownNames.length}`);
    });
  }
  return piece;
}

/** The richest rendering of a story that fits one message beside `room` (a header, or nothing). */
function fittingStoryPiece(story: DigestStory, index: number, labels: DigestLabels, room: TelegramHtml): TelegramHtml {
  let piece = new TelegramHtml();
  for (const level of DETAIL_LEVELS) {
    piece = storyPiece(story, index, labels, level);
    if (room.fitsWith(piece)) return piece;
  }
  return piece;
}

/**
 * The digest as Telegram HTML messages: every feed string cleaned and escaped, each message
 * within 4096 characters (as Telegram counts them), 100 entities and a bounded size of links,
 * split only between stories. Only the first message previews a link (the top story's).
 *
 * @example
 *   for (const message of renderTelegram(digest, 'fr')) await api.sendMessage(chatId, message.html, { parse_mode: 'HTML' });
 */
export function renderTelegram(digest: Digest, lang: string | null, options: TelegramRenderOptions = {}): TelegramMessage[] {
  const labels = labelsFor(lang);
  const header = new TelegramHtml();
  header.tag('b', (b) => b.text(`📰 ${labels.digestTitle}`));
  header.text(` — ${formatDateTime(digest.generatedAt, digest.timezone, labels.locale)}`);
  const finish = (messages: { html: string; previewUrl: string | null }[]): TelegramMessage[] =>
    options.silent ? messages.map((message) => ({ ...message, silent: true })) : messages;
  if (!digest.stories.length) return finish([{ html: header.text(`\n\n${labels.empty}`).html, previewUrl: null }]);
  header.text(` · ${labels.stories(digest.stories.length)}\n\n`);

  const messages: { html: string; previewUrl: string | null }[] = [];
  let current = header;
  let previewUrl = safeLinkUrl(digest.stories[0]?.url);
  let fresh = false;
  const startMessage = (): void => {
    messages.push({ html: current.html, previewUrl });
    previewUrl = null;
    current = new TelegramHtml();
    fresh = true;
  };
  digest.stories.forEach((story, index) => {
    const piece = fittingStoryPiece(story, index, labels, index === 0 ? header : new TelegramHtml());
    const separated = new TelegramHtml().text(fresh || index === 0 ? '' : '\n\n').append(piece);
    if (!fresh && index > 0 && !current.fitsWith(separated)) startMessage();
    current.append(fresh ? piece : separated);
    fresh = false;
  });
  if (digest.omittedStories) {
    const more = new TelegramHtml().tag('i', (i) => i.text(labels.more(digest.omittedStories)));
    const separated = new TelegramHtml().text('\n\n').append(more);
    if (current.fitsWith(separated)) current.append(separated);
    else {
      startMessage();
      current.append(more);
    }
  }
  messages.push({ html: current.html, previewUrl });
  return finish(messages);
}
