/**
 * Escapes Discord markdown in feed text so it shows as written: emphasis, code, spoilers,
 * headings, lists, quotes, masked links. Mentions (@everyone, <@id>, <@&role>, <#channel>)
 * are broken with a zero-width space — allowed_mentions already stops the pings; this keeps
 * them from even looking like mentions.
 *
 * @example
 *   escapeDiscordMarkdown('**hi** @everyone'); // '\\*\\*hi\\*\\* @\u200beveryone'
 */
export function escapeDiscordMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|>#[\]()-]/g, (char, offset: number, whole: string) => {
      // Hyphens and hashes only matter at the start of a line (lists, headings); elsewhere they read better bare.
      if ((char === '-' || char === '#' || char === '>') && offset > 0 && whole[offset - 1] !== '\n') return char;
      return `\\${char}`;
    })
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>')
    .replace(/https?:\/\/\S+/g, (url) => url.replace(/\\/g, ''));
}
