/**
 * Cuts text to at most `max` UTF-16 code units (how Telegram and Discord count), at a word
 * boundary when one is near, ending with "…". Never splits a surrogate pair.
 *
 * @example
 *   truncate('A very long headline indeed', 12); // 'A very long…'
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  const space = text.lastIndexOf(' ', cut);
  if (space > cut * 0.7) cut = space;
  return `${text.slice(0, cut).trimEnd()}…`;
}
