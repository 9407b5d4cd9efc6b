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
