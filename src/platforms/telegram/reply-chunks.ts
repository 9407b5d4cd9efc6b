import { TELEGRAM_MAX_TEXT_LENGTH } from '../../render/telegram-html.ts';

/**
 * A plain-text reply cut into messages Telegram takes (at most `limit` UTF-16 code units each,
 * counted before escaping, as Telegram counts after parsing): at line breaks when it can, inside
 * a line only when a single line is longer than a message, never inside a surrogate pair.
 *
 * @example
 *   splitReply('a\nb', 2); // ['a', 'b']
 */
export function splitReply(text: string, limit = TELEGRAM_MAX_TEXT_LENGTH): string[] {
  const chunks: string[] = [];
  let current = '';
  const push = (piece: string) => {
    if (piece.trim()) chunks.push(piece);
  };
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    push(current);
    let rest = line;
    while (rest.length > limit) {
      // Never split a surrogate pair: an emoji cut in half is an invalid string for Telegram.
      const cut = /[\ud800-\udbff]/.test(rest.charAt(limit - 1)) ? limit - 1 : limit;
      push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  push(current);
  return chunks.length ? chunks : ['…'];
}
