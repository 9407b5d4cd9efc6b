/** Telegram's limits for one text message (Bot API sendMessage). */
export const TELEGRAM_MAX_TEXT_LENGTH = 4096;
export const TELEGRAM_MAX_ENTITIES = 100;

/** Escapes text for Telegram's HTML parse mode (only &, < and > are special; " inside attributes). */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type Tag = 'b' | 'i' | 'u' | 's' | 'code' | 'blockquote';

/**
 * Telegram HTML built piece by piece while counting what Telegram counts: the length of the
 * text after entity parsing (UTF-16 code units) and the number of entities. Every string put
 * in through `text` is escaped, so feed text can never break the markup.
 *
 * @example
 *   const piece = new TelegramHtml().tag('b', (b) => b.text('Title & co')).text('\n');
 *   piece.html; // '<b>Title &amp; co</b>\n'
 */
export class TelegramHtml {
  html = '';
  length = 0;
  entities = 0;

  text(value: string): this {
    this.html += escapeTelegramHtml(value);
    this.length += value.length;
    return this;
  }

  tag(name: Tag, inner: (html: this) => void): this {
    const before = this.length;
    this.html += `<${name}>`;
    inner(this);
    this.html += `</${name}>`;
    // Telegram drops entities around empty text; only count the ones it keeps.
    if (this.length > before) this.entities++;
    return this;
  }

  link(url: string, inner: (html: this) => void): this {
    const before = this.length;
    this.html += `<a href="${escapeTelegramHtml(url)}">`;
    inner(this);
    this.html += '</a>';
    if (this.length > before) this.entities++;
    return this;
  }

  append(other: TelegramHtml): this {
    this.html += other.html;
    this.length += other.length;
    this.entities += other.entities;
    return this;
  }

  fitsWith(other: TelegramHtml): boolean {
    return this.length + other.length <= TELEGRAM_MAX_TEXT_LENGTH && this.entities + other.entities <= TELEGRAM_MAX_ENTITIES;
  }

  get fits(): boolean {
    return this.length <= TELEGRAM_MAX_TEXT_LENGTH && this.entities <= TELEGRAM_MAX_ENTITIES;
  }
}
