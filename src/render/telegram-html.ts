import { safeLinkUrl } from './link-url.ts';

/** Telegram's limit on the text of one message after entity parsing, in UTF-16 code units (Bot API sendMessage). */
export const TELEGRAM_MAX_TEXT_LENGTH = 4096;
/** Telegram keeps at most this many formatting entities per message and silently drops the rest. */
export const TELEGRAM_MAX_ENTITIES = 100;
/**
 * Précis's cap on the link URLs of one message, in characters. Telegram refuses link-heavy
 * messages with "entities too long" past an undocumented size of entity data (about 9,500
 * characters were observed, tdlib/telegram-bot-api#165); this stays well under it.
 */
export const TELEGRAM_MAX_LINK_DATA = 4096;

/**
 * Escapes text for Telegram's HTML parse mode: `&`, `<` and `>` always (Telegram requires it of
 * every one that is not markup), `"` too so the same function serves attribute values. Only the
 * named entities Telegram knows are produced (`&amp; &lt; &gt; &quot;`).
 *
 * @example
 *   escapeTelegramHtml('<b> & "co"'); // '&lt;b&gt; &amp; &quot;co&quot;'
 */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The tags Précis writes; each makes one entity when it wraps some text. */
export type TelegramTag = 'b' | 'i' | 'u' | 's' | 'code' | 'blockquote';

/**
 * Telegram HTML built piece by piece while counting what Telegram counts: the length of the
 * text after entity parsing (UTF-16 code units), the number of entities and the size of link
 * URLs. Every string put in through `text` is escaped, so feed text can never break the markup;
 * a tag around nothing is left out, as Telegram would drop its entity anyway.
 *
 * @example
 *   const piece = new TelegramHtml().tag('b', (b) => b.text('Title & co')).text('\n');
 *   piece.html; // '<b>Title &amp; co</b>\n'
 */
export class TelegramHtml {
  html = '';
  /** Text length after entity parsing, in UTF-16 code units. */
  length = 0;
  entities = 0;
  /** Characters of link URLs. */
  linkData = 0;

  text(value: string): this {
    this.html += escapeTelegramHtml(value);
    this.length += value.length;
    return this;
  }

  tag(name: TelegramTag, inner: (html: this) => void): this {
    return this.wrap(`<${name}>`, `</${name}>`, 0, inner);
  }

  /**
   * A link around what `inner` writes, when `url` is a web link Telegram accepts; the bare text
   * otherwise.
   */
  link(url: string | null, inner: (html: this) => void): this {
    const href = safeLinkUrl(url);
    if (href === null) {
      inner(this);
      return this;
    }
    return this.wrap(`<a href="${escapeTelegramHtml(href)}">`, '</a>', href.length, inner);
  }

  append(other: TelegramHtml): this {
    this.html += other.html;
    this.length += other.length;
    this.entities += other.entities;
    this.linkData += other.linkData;
    return this;
  }

  /** Whether this and `other` together stay within one message's limits. */
  fitsWith(other: TelegramHtml): boolean {
    return (
      this.length + other.length <= TELEGRAM_MAX_TEXT_LENGTH &&
      this.entities + other.entities <= TELEGRAM_MAX_ENTITIES &&
      this.linkData + other.linkData <= TELEGRAM_MAX_LINK_DATA
    );
  }

  private wrap(open: string, close: string, linkData: number, inner: (html: this) => void): this {
    const htmlBefore = this.html.length;
    const lengthBefore = this.length;
    this.html += open;
    inner(this);
    if (this.length === lengthBefore) {
      this.html = this.html.slice(0, htmlBefore);
      return this;
    }
    this.html += close;
    this.entities++;
    this.linkData += linkData;
    return this;
  }
}
