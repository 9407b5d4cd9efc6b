/** Longer links are not worth a link: some platforms refuse them, and no reader follows them. */
export const MAX_LINK_URL_LENGTH = 2048;

/**
 * The URL to link to, in its normalised form, or null when it is not a plain web link a
 * platform will accept: http or https, parseable, a host, no credentials, no whitespace or
 * control characters, at most 2048 characters. Feeds carry `javascript:` links, relative paths
 * and garbage; none of it may become a link.
 *
 * @example
 *   safeLinkUrl('https://example.org/a b'); // null
 *   safeLinkUrl('javascript:alert(1)'); // null
 */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url || url.length > MAX_LINK_URL_LENGTH || /[\s\p{Cc}]/u.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href.length <= MAX_LINK_URL_LENGTH ? parsed.href : null;
}
