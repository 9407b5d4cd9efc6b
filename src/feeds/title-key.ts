/**
 * A re-issued item is recognised by its title only within this period, so recurring titles
 * ("Morning briefing") still come through.
 *
 * @example
 *   const since = now - TITLE_DEDUPE_WINDOW_MS;
 */
export const TITLE_DEDUPE_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * A title reduced to what identifies a story in one feed: lower case, no accents, no
 * punctuation, single spaces. Used to spot an item a publisher re-issued under a new guid.
 *
 * @example
 *   titleKey('Élection : le « oui » l’emporte !'); // 'election le oui l emporte'
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
