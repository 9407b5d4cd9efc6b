/**
 * A re-issued item is recognised by its title only within this period, so recurring titles
 * ("Morning briefing") still come through.
 *
 * @example
 *   const since = now - TITLE_DEDUPE_WINDOW_MS;
 */
export const TITLE_DEDUPE_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * The title given to an item with neither title nor text.
 *
 * @example
 *   titleKey(UNTITLED); // '' (no evidence of a re-issue)
 */
export const UNTITLED = '(untitled)';

/**
 * A title reduced to what identifies a story in one feed: lower case, no accents, no
 * punctuation, single spaces. Used to spot an item a publisher re-issued under a new guid.
 *
 * @example
 *   titleKey('Élection : le « oui » l’emporte !'); // 'election le oui l emporte'
 */
export function titleKey(title: string): string {
  // An item with neither title nor text is no evidence of a re-issue.
  if (title === UNTITLED) return '';
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
