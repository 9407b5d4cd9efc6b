const TRACKING_PARAMETER = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|ref_src|__twitter_impression)$/i;

/**
 * The URL that identifies an article: resolved against `base`, tracking parameters
 * (utm_*, fbclid, gclid…) and the fragment removed. Null when it is not an http(s) URL.
 *
 * @example
 *   canonicalUrl('/a?id=3&utm_source=rss#top', 'https://ex.org/feed'); // 'https://ex.org/a?id=3'
 */
export function canonicalUrl(link: string | null | undefined, base?: string): string | null {
  if (!link?.trim()) return null;
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(key)) url.searchParams.delete(key);
  }
  if ([...url.searchParams.keys()].length === 0) url.search = '';
  return url.href;
}
