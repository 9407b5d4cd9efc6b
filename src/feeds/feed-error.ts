/** Why a feed could not be read. `code` is stable (used by `precis feeds check --json`). */
export type FeedErrorCode =
  | 'not_found'
  | 'http_error'
  | 'rate_limited'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'network'
  | 'blocked_address'
  | 'unsupported_url'
  | 'not_a_feed'
  | 'malformed'
  /** Précis itself failed (a bug, the database): not the feed's fault. */
  | 'internal';

/** Structured facts about a failure, each optional. */
export interface FeedErrorFacts {
  /** HTTP status of the final answer. */
  status?: number;
  /** Line of the document where parsing failed (1-based). */
  line?: number;
  /** How long the server asked us to wait (Retry-After), in ms. */
  retryAfterMs?: number;
  /** The address that was refused (SSRF protection). */
  address?: string;
}

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
    readonly facts: FeedErrorFacts = {},
  ) {
    super(`${url}: ${detail}${facts.line !== undefined ? ` (line ${facts.line})` : ''}`);
  }
}

/**
 * Any thrown value as a FeedError for `url` (unexpected ones become `internal`).
 *
 * @example
 *   catch (error) { const failure = asFeedError(error, feed.url); }
 */
export function asFeedError(error: unknown, url: string): FeedError {
  return error instanceof FeedError ? error : new FeedError('internal', url, `internal error: ${error instanceof Error ? error.message : String(error)}`);
}
