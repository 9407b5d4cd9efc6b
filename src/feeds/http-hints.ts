/**
 * How long a server asks us to wait before the next request (`Retry-After`: seconds or an
 * HTTP date), in ms; null when absent or unreadable.
 *
 * @example
 *   retryAfterMs('120', Date.now()); // 120000
 *   retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', now);
 */
export function retryAfterMs(value: string | null | undefined, now: number): number | null {
  if (!value?.trim()) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/**
 * How long the server says the document stays fresh (`Cache-Control: max-age`, else `Expires`),
 * in ms; null when it says nothing usable. `no-cache`/`no-store` give null (no floor).
 *
 * @example
 *   freshnessMs({ 'cache-control': 'public, max-age=1800' }, now); // 1800000
 */
export function freshnessMs(headers: Readonly<Record<string, string | undefined>>, now: number): number | null {
  const cacheControl = headers['cache-control']?.toLowerCase() ?? '';
  if (/\b(no-cache|no-store)\b/.test(cacheControl)) return null;
  const maxAge = /\b(?:s-maxage|max-age)\s*=\s*"?(\d+)/.exec(cacheControl);
  if (maxAge?.[1]) return Number(maxAge[1]) * 1000;
  const expires = headers.expires ? Date.parse(headers.expires) : Number.NaN;
  return Number.isFinite(expires) && expires > now ? expires - now : null;
}
