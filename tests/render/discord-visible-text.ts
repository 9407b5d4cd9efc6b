const BARE_URL = /https?:\/\/[^\s<]+/g;
const MARKUP = new Set(['*', '_', '~', '`', '|', '[', ']']);

/**
 * What Discord shows for markdown text made only of escaped feed text: backslash escapes of
 * punctuation removed, zero-width spaces removed, links as written.
 */
export function visibleDiscordText(markdown: string): string {
  let visible = '';
  let last = 0;
  for (const match of markdown.matchAll(BARE_URL)) {
    visible += unescape(markdown.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return (visible + unescape(markdown.slice(last))).replaceAll('\u200b', '');
}

function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Markdown characters that Discord would read as markup in text meant to be shown as is: an
 * unescaped emphasis, code, spoiler, strikethrough or link character outside a bare URL, or a
 * heading, list or block quote at a line start.
 */
export function activeMarkdown(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (/^[ \t]*(#{1,3}[ \t]|-#[ \t]|[-*+][ \t]|\d+\.[ \t]|>)/.test(line)) found.push(line.slice(0, 10));
    let last = 0;
    const segments: string[] = [];
    for (const match of line.matchAll(BARE_URL)) {
      segments.push(line.slice(last, match.index));
      last = match.index + match[0].length;
    }
    segments.push(line.slice(last));
    for (const segment of segments) {
      for (let index = 0; index < segment.length; index++) {
        const char = segment[index]!;
        if (char === '\\') index++;
        else if (MARKUP.has(char)) found.push(char);
      }
    }
  }
  return found;
}
