/**
 * A strict check of a Telegram Bot API message in parse_mode HTML, as strict as Telegram and
 * stricter where its documentation is: the tag set Telegram accepts (with their attributes),
 * balanced nesting and the nesting rules of entities, the entity rules (only `&lt; &gt; &amp;
 * &quot;` and numeric entities; every other `&`, `<` and `>` escaped), the text length after
 * parsing in UTF-16 code units (1–4096, as Telegram counts) and the number of entities (≤ 100).
 * Nesting follows the documented rules to the letter: bold, italic, underline, strikethrough and
 * spoiler nest freely (but neither contain nor sit inside pre and code); blockquotes do not nest;
 * all other entities (links, code, pre, blockquotes, custom emoji, date-times) do not contain
 * each other, except <pre><code class="language-…">.
 * Standalone: usable by the tests of the renderers and by a fake Bot API.
 *
 * Sources: https://core.telegram.org/bots/api#formatting-options and #sendmessage.
 *
 * @example
 *   const check = validateTelegramHtml('<b>Hi &amp; welcome</b>');
 *   check.problems; // []
 *   check.text; // 'Hi & welcome'
 */

/** One formatting entity, as Telegram reports it in `Message.entities` (offsets in UTF-16 code units). */
export interface TelegramEntity {
  type:
    | 'bold'
    | 'italic'
    | 'underline'
    | 'strikethrough'
    | 'spoiler'
    | 'text_link'
    | 'custom_emoji'
    | 'date_time'
    | 'code'
    | 'pre'
    | 'blockquote'
    | 'expandable_blockquote';
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

/** The outcome of checking one message. */
export interface TelegramHtmlCheck {
  /**
   * The error Telegram answers for this message ("Bad Request: can't parse entities: …",
   * "Bad Request: message is too long", "Bad Request: message text is empty"), or null when it
   * would accept it.
   */
  error: string | null;
  /** Every rule broken, the fatal one included; empty when the message is valid. */
  problems: string[];
  /** The message text after parsing (what the user sees). */
  text: string;
  /** The entities Telegram would keep, in order of their start. */
  entities: TelegramEntity[];
  /** Length of `text` in UTF-16 code units, as Telegram counts it. */
  length: number;
}

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_ENTITY_LIMIT = 100;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };

type TagName =
  | 'b'
  | 'strong'
  | 'i'
  | 'em'
  | 'u'
  | 'ins'
  | 's'
  | 'strike'
  | 'del'
  | 'span'
  | 'tg-spoiler'
  | 'a'
  | 'tg-emoji'
  | 'tg-time'
  | 'code'
  | 'pre'
  | 'blockquote';

const ENTITY_OF_TAG: Readonly<Record<TagName, TelegramEntity['type']>> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  span: 'spoiler',
  'tg-spoiler': 'spoiler',
  a: 'text_link',
  'tg-emoji': 'custom_emoji',
  'tg-time': 'date_time',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
};

/** Attributes each tag may carry; any other attribute is refused here. */
const ALLOWED_ATTRIBUTES: Readonly<Record<TagName, readonly string[]>> = {
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  ins: [],
  s: [],
  strike: [],
  del: [],
  span: ['class'],
  'tg-spoiler': [],
  a: ['href'],
  'tg-emoji': ['emoji-id'],
  'tg-time': ['unix', 'format'],
  code: ['class'],
  pre: [],
  blockquote: ['expandable'],
};

/** Entities that may contain others and be part of any other, except pre and code. */
const FREELY_NESTED = new Set<TelegramEntity['type']>(['bold', 'italic', 'underline', 'strikethrough', 'spoiler']);

interface OpenTag {
  name: TagName;
  type: TelegramEntity['type'];
  offset: number;
  attributes: Map<string, string>;
}

class ParseError extends Error {}

function isTagName(name: string): name is TagName {
  return Object.hasOwn(ENTITY_OF_TAG, name);
}

function codePointAllowed(code: number): boolean {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
}

function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function validUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'tg:') return true;
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Checks one message text sent with parse_mode HTML. See the module comment for the rules.
 *
 * @example
 *   validateTelegramHtml('<b>unclosed').error; // 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"'
 */
export function validateTelegramHtml(html: string): TelegramHtmlCheck {
  const problems: string[] = [];
  let text = '';
  const entities: TelegramEntity[] = [];
  const stack: OpenTag[] = [];
  const byteOffset = (index: number): number => Buffer.byteLength(html.slice(0, index), 'utf8');
  const fail = (message: string): never => {
    throw new ParseError(message);
  };

  const decodeEntity = (index: number): { value: string; end: number } => {
    const match = /^&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z][a-zA-Z0-9]{0,31});/.exec(html.slice(index, index + 40));
    if (!match?.[1]) return fail(`Unescaped "&" at byte offset ${byteOffset(index)}: write &amp;`);
    const name = match[1];
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      if (!codePointAllowed(code)) return fail(`Invalid numeric entity "${match[0]}" at byte offset ${byteOffset(index)}`);
      return { value: String.fromCodePoint(code), end: index + match[0].length };
    }
    const value = NAMED_ENTITIES[name];
    if (value === undefined) return fail(`Unsupported HTML entity "${match[0]}" at byte offset ${byteOffset(index)}: only &lt; &gt; &amp; &quot; and numeric entities`);
    return { value, end: index + match[0].length };
  };

  const parseAttributes = (source: string, tag: string, at: number): Map<string, string> => {
    const attributes = new Map<string, string>();
    let rest = source;
    while (rest.trim()) {
      const match = /^\s+([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/.exec(rest);
      if (!match?.[1]) return fail(`Invalid attribute in tag "${tag}" at byte offset ${byteOffset(at)}`);
      const name = match[1].toLowerCase();
      if (attributes.has(name)) fail(`Duplicate attribute "${name}" in tag "${tag}" at byte offset ${byteOffset(at)}`);
      const raw = match[2] ?? match[3] ?? match[4] ?? '';
      if (/[<>]/.test(raw) || /&(?!(?:lt|gt|amp|quot|#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8});)/.test(raw)) {
        fail(`Unescaped character in attribute "${name}" of tag "${tag}" at byte offset ${byteOffset(at)}`);
      }
      attributes.set(
        name,
        raw.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|lt|gt|amp|quot);/g, (_entity, body: string) => {
          if (!body.startsWith('#')) return NAMED_ENTITIES[body] ?? '';
          const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
          return codePointAllowed(code) ? String.fromCodePoint(code) : fail(`Invalid numeric entity in attribute "${name}" at byte offset ${byteOffset(at)}`);
        }),
      );
      rest = rest.slice(match[0].length);
    }
    return attributes;
  };

  const openTag = (name: TagName, attributes: Map<string, string>, at: number): void => {
    const allowed = ALLOWED_ATTRIBUTES[name];
    for (const attribute of attributes.keys()) {
      if (!allowed.includes(attribute)) fail(`Unsupported attribute "${attribute}" in tag "${name}" at byte offset ${byteOffset(at)}`);
    }
    let type = ENTITY_OF_TAG[name];
    if (name === 'span' && attributes.get('class') !== 'tg-spoiler') fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(at)}`);
    if (name === 'a') {
      const href = attributes.get('href');
      if (href === undefined) fail(`Tag "a" must have attribute "href" at byte offset ${byteOffset(at)}`);
      else if (!validUrl(href)) fail(`Wrong URL "${href}" in tag "a" at byte offset ${byteOffset(at)}`);
    }
    if (name === 'tg-emoji' && !/^\d+$/.test(attributes.get('emoji-id') ?? '')) fail(`Tag "tg-emoji" must have a numeric "emoji-id" at byte offset ${byteOffset(at)}`);
    if (name === 'tg-time') {
      if (!/^\d+$/.test(attributes.get('unix') ?? '')) fail(`Tag "tg-time" must have a numeric "unix" at byte offset ${byteOffset(at)}`);
      const format = attributes.get('format');
      if (format !== undefined && !/^(?:r|w?[dD]?[tT]?)$/.test(format)) fail(`Invalid date-time format "${format}" at byte offset ${byteOffset(at)}`);
    }
    if (name === 'blockquote' && attributes.has('expandable')) type = 'expandable_blockquote';
    const parent = stack.at(-1);
    if (name === 'code' && attributes.has('class')) {
      if (parent?.name !== 'pre') fail(`A programming language can only be given to "code" inside "pre" at byte offset ${byteOffset(at)}`);
      if (!/^language-[\w+#.-]+$/.test(attributes.get('class') ?? '')) fail(`Invalid class of tag "code" at byte offset ${byteOffset(at)}`);
    }
    for (const ancestor of stack) {
      // The one allowed exception: <pre><code class="language-…"> gives the pre block its language.
      if (ancestor.type === 'pre' && name === 'code' && ancestor === parent) continue;
      if (ancestor.type === 'pre' || ancestor.type === 'code') fail(`Tag "${name}" can't be inside "${ancestor.name}" at byte offset ${byteOffset(at)}`);
      if ((type === 'pre' || type === 'code') && FREELY_NESTED.has(ancestor.type)) fail(`Tag "${name}" can't be inside "${ancestor.name}" at byte offset ${byteOffset(at)}`);
      if (!FREELY_NESTED.has(type) && !FREELY_NESTED.has(ancestor.type)) fail(`Tag "${name}" can't be inside "${ancestor.name}" at byte offset ${byteOffset(at)}`);
    }
    stack.push({ name, type, offset: text.length, attributes });
  };

  const closeTag = (name: string, at: number): void => {
    const open = stack.pop();
    if (!open) return fail(`Unexpected end tag at byte offset ${byteOffset(at)}`);
    if (open.name !== name) return fail(`Unmatched end tag at byte offset ${byteOffset(at)}, expected "</${open.name}>", found "</${name}>"`);
    const length = text.length - open.offset;
    // Telegram drops an entity around nothing.
    if (length === 0) return;
    const entity: TelegramEntity = { type: open.type, offset: open.offset, length };
    if (open.type === 'text_link') entity.url = open.attributes.get('href') ?? '';
    if (open.type === 'custom_emoji') entity.custom_emoji_id = open.attributes.get('emoji-id') ?? '';
    const language = open.attributes.get('language');
    if (open.type === 'pre' && language) entity.language = language;
    const parent = stack.at(-1);
    if (open.name === 'code' && parent?.type === 'pre' && open.attributes.has('class')) parent.attributes.set('language', (open.attributes.get('class') ?? '').slice('language-'.length));
    entities.push(entity);
  };

  try {
    if (!isWellFormed(html)) fail('Text must be encoded in UTF-8 (a lone surrogate was found)');
    let index = 0;
    while (index < html.length) {
      const char = html[index]!;
      if (char === '&') {
        const { value, end } = decodeEntity(index);
        text += value;
        index = end;
      } else if (char === '<') {
        if (!/^<\/?[a-zA-Z]/.test(html.slice(index, index + 3))) fail(`Unescaped "<" at byte offset ${byteOffset(index)}: write &lt;`);
        const close = html.indexOf('>', index);
        if (close < 0) fail(`Unclosed tag at byte offset ${byteOffset(index)}`);
        const inside = html.slice(index + 1, close);
        const end = /^\/([a-zA-Z][a-zA-Z0-9-]*)\s*$/.exec(inside);
        if (end?.[1]) {
          closeTag(end[1].toLowerCase(), index);
        } else {
          const [, rawName = '', source = ''] = /^([a-zA-Z][a-zA-Z0-9-]*)([^]*)$/.exec(inside) ?? [];
          const name = rawName.toLowerCase();
          if (!isTagName(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(index)}`);
          if (/\/\s*$/.test(source)) fail(`Self-closing tag "${name}" at byte offset ${byteOffset(index)}`);
          if (source && !/^\s/.test(source)) fail(`Invalid tag "${name}" at byte offset ${byteOffset(index)}`);
          openTag(name as TagName, parseAttributes(source, name, index), index);
        }
        index = close + 1;
      } else if (char === '>') {
        fail(`Unescaped ">" at byte offset ${byteOffset(index)}: write &gt;`);
      } else {
        text += char;
        index++;
      }
    }
    const unclosed = stack.at(-1);
    if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const message = `Bad Request: can't parse entities: ${error.message}`;
    return { error: message, problems: [message], text, entities, length: text.length };
  }

  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  let error: string | null = null;
  if (!text.trim()) error = 'Bad Request: message text is empty';
  else if (text.length > TELEGRAM_TEXT_LIMIT) error = 'Bad Request: message is too long';
  if (error) problems.push(`${error} (${text.length} UTF-16 code units after parsing, limit ${TELEGRAM_TEXT_LIMIT})`);
  // Telegram keeps the first 100 entities and silently drops the rest: formatting would be lost.
  if (entities.length > TELEGRAM_ENTITY_LIMIT) problems.push(`too many entities: ${entities.length} (Telegram keeps ${TELEGRAM_ENTITY_LIMIT})`);
  return { error, problems, text, entities, length: text.length };
}
