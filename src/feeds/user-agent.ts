import { readFileSync } from 'node:fs';

function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '0';
  } catch {
    return '0';
  }
}

/**
 * The User-Agent Précis fetches with: names the program and its version (ASCII, as HTTP headers
 * must be), so publishers can tell who is polling them.
 *
 * @example
 *   headers['user-agent'] = PRECIS_USER_AGENT; // 'Precis/0.1.0 (Precis self-hosted news-digest bot)'
 */
export const PRECIS_USER_AGENT = `Precis/${packageVersion()} (Precis self-hosted news-digest bot)`;
