/** Discord's limit on a message's content. */
export const CONTENT_LIMIT = 2000;

/**
 * Cuts a reply (already escaped) into messages of at most `max` characters: at line breaks when
 * possible, never inside a surrogate pair, and never right after a backslash (which would
 * separate an escape from the character it escapes).
 *
 * @example
 *   splitReply('a\nb', 2); // ['a', 'b']
 */
export function splitReply(text: string, max = CONTENT_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut <= 0) {
      cut = max;
      while (cut > 1 && (/[\ud800-\udbff]/.test(rest[cut - 1]!) || rest[cut - 1] === '\\')) cut--;
    }
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest || !chunks.length) chunks.push(rest);
  return chunks.filter((chunk) => chunk.trim().length > 0);
}
