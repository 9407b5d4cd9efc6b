/**
 * A strict check of a Discord "create message" payload: Discord's limits (content ≤ 2000
 * characters; ≤ 10 embeds; per embed title ≤ 256, description ≤ 4096, ≤ 25 fields with names
 * ≤ 256 and values ≤ 1024, footer ≤ 2048, author name ≤ 256; ≤ 6000 characters over all embeds
 * of the message), the shapes Discord refuses (empty message, empty strings where text is
 * required, malformed URLs and timestamps, colours out of range), and Précis's own rule that no
 * rendered text contains a working mention (@everyone, @here, <@id>, <@!id>, <@&role>,
 * <#channel>, </command:id>). Lengths are counted in UTF-16 code units, never fewer than
 * Discord's count. Standalone: usable by renderer tests and by a fake Discord API.
 *
 * Sources: https://discord.com/developers/docs/resources/message#create-message and
 * #embed-object-embed-limits.
 *
 * @example
 *   validateDiscordMessage({ content: 'Hi @everyone', embeds: [] });
 *   // [{ path: 'content', code: 'MENTION_LIKE_TEXT', message: 'contains "@everyone"' }]
 */

/** One rule broken, at a JSON path of the payload ("embeds.0.fields.2.value"). */
export interface DiscordPayloadProblem {
  path: string;
  /** Discord's error code where it has one (BASE_TYPE_MAX_LENGTH, …), else Précis's own. */
  code: string;
  message: string;
}

export const DISCORD_PAYLOAD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedCharacters: 6000,
} as const;

const MENTION_FORMS = [/@everyone/i, /@here/i, /<@!?\d+>/, /<@&\d+>/, /<#\d+>/, /<\/[^\s<>:]+(?: [^<>:]+)*:\d+>/];

/**
 * The working mention forms found in a text (none when it is safe to show).
 *
 * @example
 *   findMentions('ping <@123> and @here'); // ['<@123>', '@here']
 */
export function findMentions(text: string): string[] {
  const found: string[] = [];
  for (const form of MENTION_FORMS) for (const match of text.matchAll(new RegExp(form.source, `${form.flags}g`))) found.push(match[0]);
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Checks a message payload (`{ content, embeds, allowed_mentions? }`); returns every problem,
 * none when Discord would accept it and it is safe to show.
 *
 * @example
 *   validateDiscordMessage({ content: '', embeds: [] })[0]?.code; // 'EMPTY_MESSAGE'
 */
export function validateDiscordMessage(payload: unknown): DiscordPayloadProblem[] {
  const problems: DiscordPayloadProblem[] = [];
  const problem = (path: string, code: string, message: string): void => {
    problems.push({ path, code, message });
  };
  /** A text field: a string, non-empty when required, within `max`, without mentions. Returns its length. */
  const text = (path: string, value: unknown, max: number, required: boolean): number => {
    if (value === undefined || value === null) {
      if (required) problem(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return 0;
    }
    if (typeof value !== 'string') {
      problem(path, 'BASE_TYPE_STRING', 'Must be a string.');
      return 0;
    }
    if (required && !value.trim()) problem(path, 'BASE_TYPE_REQUIRED', 'This field is required (empty or only whitespace)');
    if (value.length > max) problem(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length (is ${value.length}).`);
    for (const mention of findMentions(value)) problem(path, 'MENTION_LIKE_TEXT', `contains "${mention}"`);
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) problem(path, 'UNICODE_INVALID', 'contains a lone surrogate');
    return value.length;
  };

  if (!isRecord(payload)) {
    problem('', 'BASE_TYPE_OBJECT', 'The payload must be an object.');
    return problems;
  }
  const content = payload.content ?? '';
  text('content', content, DISCORD_PAYLOAD_LIMITS.content, false);
  const embeds = payload.embeds ?? [];
  if (!Array.isArray(embeds)) {
    problem('embeds', 'BASE_TYPE_ARRAY', 'Must be an array.');
    return problems;
  }
  if (embeds.length > DISCORD_PAYLOAD_LIMITS.embeds) problem('embeds', 'BASE_TYPE_MAX_LENGTH', `Must be ${DISCORD_PAYLOAD_LIMITS.embeds} or fewer in length.`);
  if ((typeof content !== 'string' || !content.trim()) && !embeds.length) problem('', 'EMPTY_MESSAGE', 'Cannot send an empty message (50006).');

  let characters = 0;
  embeds.forEach((embed: unknown, index) => {
    const at = `embeds.${index}`;
    if (!isRecord(embed)) {
      problem(at, 'BASE_TYPE_OBJECT', 'Must be an object.');
      return;
    }
    let shown = 0;
    shown += text(`${at}.title`, embed.title, DISCORD_PAYLOAD_LIMITS.title, embed.title !== undefined);
    shown += text(`${at}.description`, embed.description, DISCORD_PAYLOAD_LIMITS.description, embed.description !== undefined);
    if (embed.url !== undefined && (typeof embed.url !== 'string' || !validUrl(embed.url))) problem(`${at}.url`, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
    if (embed.timestamp !== undefined && (typeof embed.timestamp !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(embed.timestamp) || Number.isNaN(Date.parse(embed.timestamp)))) {
      problem(`${at}.timestamp`, 'DATE_TIME_TYPE_PARSE', 'Could not parse the timestamp. Should be ISO8601.');
    }
    if (embed.color !== undefined && (typeof embed.color !== 'number' || !Number.isInteger(embed.color) || embed.color < 0 || embed.color > 0xffffff)) {
      problem(`${at}.color`, 'NUMBER_TYPE_MAX', 'The colour must be an integer from 0 to 16777215.');
    }
    if (embed.footer !== undefined) {
      if (!isRecord(embed.footer)) problem(`${at}.footer`, 'BASE_TYPE_OBJECT', 'Must be an object.');
      else shown += text(`${at}.footer.text`, embed.footer.text, DISCORD_PAYLOAD_LIMITS.footer, true);
    }
    if (embed.author !== undefined) {
      if (!isRecord(embed.author)) problem(`${at}.author`, 'BASE_TYPE_OBJECT', 'Must be an object.');
      else shown += text(`${at}.author.name`, embed.author.name, DISCORD_PAYLOAD_LIMITS.authorName, true);
    }
    const fields = embed.fields ?? [];
    if (!Array.isArray(fields)) problem(`${at}.fields`, 'BASE_TYPE_ARRAY', 'Must be an array.');
    else {
      if (fields.length > DISCORD_PAYLOAD_LIMITS.fields) problem(`${at}.fields`, 'BASE_TYPE_MAX_LENGTH', `Must be ${DISCORD_PAYLOAD_LIMITS.fields} or fewer in length.`);
      fields.forEach((field: unknown, fieldIndex) => {
        const fieldAt = `${at}.fields.${fieldIndex}`;
        if (!isRecord(field)) {
          problem(fieldAt, 'BASE_TYPE_OBJECT', 'Must be an object.');
          return;
        }
        shown += text(`${fieldAt}.name`, field.name, DISCORD_PAYLOAD_LIMITS.fieldName, true);
        shown += text(`${fieldAt}.value`, field.value, DISCORD_PAYLOAD_LIMITS.fieldValue, true);
        if (field.inline !== undefined && typeof field.inline !== 'boolean') problem(`${fieldAt}.inline`, 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
      });
    }
    const visible = ['title', 'description', 'fields', 'footer', 'author', 'image', 'thumbnail'].some((key) => embed[key] !== undefined && !(Array.isArray(embed[key]) && !embed[key].length));
    if (!visible) problem(at, 'EMBED_EMPTY', 'An embed needs a title, description, field, footer, author or image.');
    characters += shown;
  });
  if (characters > DISCORD_PAYLOAD_LIMITS.embedCharacters) {
    problem('embeds', 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${DISCORD_PAYLOAD_LIMITS.embedCharacters} (is ${characters}).`);
  }
  return problems;
}
