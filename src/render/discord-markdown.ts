const ZERO_WIDTH_SPACE = '\u200b';
// Discord turns bare http(s) links into links before any markdown, so characters inside them
// are never markup — and a backslash there would become part of the link.
const BARE_URL = /https?:\/\/[^\s<]+/g;
// Characters that open or close inline markup: emphasis, underline, strikethrough, spoiler,
// code, masked links; and the backslash itself.
const INLINE_MARKUP = /[\\*_~`|[\]]/g;
// Block markup at the start of a line: headings and subtext (# ## ### -#), lists (- * + 1.),
// block quotes (> >>>).
const LINE_START_MARKUP = /^([ \t]*)(?:(#{1,3}|-#)(?=[ \t])|([-*+])(?=[ \t])|(\d+)\.(?=[ \t])|(>{1,3})(?=[ \t]|$))/;

/**
 * Breaks every form Discord would turn into a mention or a reference — `@everyone`, `@here`,
 * `<@id>`, `<@!id>`, `<@&role>`, `<#channel>`, `</command:id>`, custom emoji and timestamps —
 * with an invisible zero-width space, so the text shows as written and never pings or
 * resolves, even where markdown (and so backslash escaping) does not apply, like embed footers.
 *
 * @example
 *   neutralizeMentions('@everyone look at <@123>'); // '@\u200beveryone look at <\u200b@123>'
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<(?=[@#:/]|a:|t:|id:)/gi, `<${ZERO_WIDTH_SPACE}`);
}

function escapeLineStart(line: string): string {
  return line.replace(LINE_START_MARKUP, (whole, indent: string, heading?: string, bullet?: string, number?: string, quote?: string) => {
    if (heading) return `${indent}\\${heading}`;
    if (bullet) return `${indent}\\${bullet}`;
    if (number) return `${indent}${number}\\.`;
    if (quote) return `${indent}\\${quote}`;
    return whole;
  });
}

function escapeInline(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&');
}

/** A bare link kept as written, except that it must not spell a mass mention. */
function keepUrl(url: string): string {
  return url.replace(/@(everyone|here)/gi, '%40$1');
}

/**
 * Escapes Discord markdown in feed text so it shows exactly as written: emphasis, underline,
 * strikethrough, spoilers, code, masked links, and at line starts headings, subtext, lists and
 * block quotes. Every escape is a backslash before punctuation, which Discord hides; bare links
 * are left untouched so no backslash ever shows inside a URL. Mentions are broken too
 * (`neutralizeMentions`).
 *
 * @example
 *   escapeDiscordMarkdown('**hi** [x](https://e.org/a_b) @everyone'); // '\\*\\*hi\\*\\* \\[x\\](https://e.org/a_b) @\u200beveryone'
 */
export function escapeDiscordMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let escaped = '';
      let last = 0;
      for (const match of line.matchAll(BARE_URL)) {
        escaped += escapeInline(line.slice(last, match.index)) + keepUrl(match[0]);
        last = match.index + match[0].length;
      }
      escaped += escapeInline(line.slice(last));
      return neutralizeMentions(escapeLineStart(escaped));
    })
    .join('\n');
}
