/** Why a feed could not be read. `code` is stable (used by `precis feeds check --json`). */
export type FeedErrorCode =
  | 'not_found'
  | 'http_error'
  | 'timeout'
  | 'too_large'
  | 'network'
  | 'blocked_address'
  | 'not_a_feed'
  | 'malformed';

/**
 * A feed that cannot be fetched or parsed, with the facts a self-hoster needs.
 *
 * @example
 *   throw new FeedError('malformed', url, 'unclosed CDATA section', { line: 5 });
 */
export class FeedError extends Error {
  override readonly name = 'FeedError';

  constructor(
    readonly code: FeedErrorCode,
    readonly url: string,
    readonly detail: string,
    readonly facts: { status?: number; line?: number } = {},
  ) {
    super(`${url}: ${detail}${facts.line !== undefined ? ` (line ${facts.line})` : ''}`);
  }
}
