import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { PUBLIC_ONLY, type AddressPolicy } from './address-policy.ts';
import { FeedError } from './feed-error.ts';
import { retryAfterMs } from './http-hints.ts';
import { PRECIS_USER_AGENT } from './user-agent.ts';

/** Resolves a host name to its addresses (injectable so tests can point names anywhere). */
export type Resolver = (hostname: string) => Promise<readonly LookupAddress[]>;

/** The limits every feed and article fetch obeys. */
export interface FetchLimits {
  /** Time to open the TCP/TLS connection. */
  connectTimeoutMs: number;
  /** Time for the whole exchange, body included; the request is aborted after it. */
  timeoutMs: number;
  /** Largest body accepted, counted after decompression while streaming. */
  maxBytes: number;
  maxRedirects: number;
}

/** 10 s to connect, 30 s in all, 5 MB, 5 redirects: the defaults of `fetching` in the config. */
export const DEFAULT_FETCH_LIMITS: FetchLimits = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

/** A successful (2xx) or not-modified (304) answer, body decompressed. */
export interface FetchedResource {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body as it arrived (decodeDocument reads these without joining them). */
  chunks: readonly Buffer[];
  /** The body in one buffer, joined on first use. */
  readonly body: Buffer;
}

/** A resource whose `body` is joined from its chunks only if someone asks for it. */
function resource(url: string, status: number, headers: Record<string, string>, chunks: readonly Buffer[]): FetchedResource {
  let joined: Buffer | null = null;
  return {
    url,
    status,
    headers,
    chunks,
    get body() {
      joined ??= Buffer.concat(chunks);
      return joined;
    },
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** A redirect or error answer's body is read to the end (keeping the connection) only when it is this small. */
const DRAINED_BODY_BYTES = 64 * 1024;
/** An idle kept-alive connection is closed after this. */
const IDLE_SOCKET_MS = 15_000;

/** Raised by the connector when every address of a host is refused by the policy. */
class BlockedAddressError extends Error implements NodeJS.ErrnoException {
  override readonly name = 'BlockedAddressError';
  readonly code = 'EBLOCKED';
  constructor(
    readonly address: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Raised when the TCP/TLS connection is not open within `connectTimeoutMs`. */
class ConnectTimeoutError extends Error {
  override readonly name = 'ConnectTimeoutError';
}

function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof type) return current;
    current = current instanceof Error ? current.cause : null;
  }
  return null;
}

function bareHost(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

function headerRecord(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * Fetches documents the way the open web needs: only http(s), never to refused addresses (the
 * check is made on the address actually connected to, and again on every redirect), bounded in
 * time and size, decompressing gzip/deflate/br, following at most `maxRedirects` redirects.
 * One instance keeps one pool of kept-alive connections (node:http's agents); close it when done.
 *
 * @example
 *   const fetcher = new HttpFetcher({ policy: PUBLIC_ONLY });
 *   const page = await fetcher.fetch('https://example.org/feed.xml', { accept: 'application/rss+xml' });
 */
export class HttpFetcher {
  readonly limits: FetchLimits;
  private readonly policy: AddressPolicy;
  private readonly agents: { http: HttpAgent; https: HttpsAgent };

  constructor(options: { policy?: AddressPolicy; limits?: Partial<FetchLimits>; resolve?: Resolver; connections?: number } = {}) {
    this.limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
    this.policy = options.policy ?? PUBLIC_ONLY;
    const resolve: Resolver = options.resolve ?? ((hostname) => dnsLookup(hostname, { all: true, verbatim: true }));
    const policy = this.policy;
    // Resolve, check, and hand the socket only the allowed addresses: no second lookup, no rebinding window.
    const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
      resolve(hostname).then(
        (addresses) => {
          const allowed = addresses.filter((entry) => policy.check(entry.address).allowed);
          const first = allowed[0];
          if (!first) {
            const refusedAddress = addresses[0]?.address ?? hostname;
            const verdict = policy.check(refusedAddress);
            callback(new BlockedAddressError(refusedAddress, verdict.allowed ? `${hostname} has no address` : `${hostname} resolves to ${verdict.reason}`), '');
          } else if (lookupOptions.all) callback(null, [...allowed]);
          else callback(null, first.address, first.family);
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)), '');
        },
      );
    };
    // The whole exchange is bounded by fetch()'s own timer; the connection by send()'s.
    const agentOptions = { keepAlive: true, maxSockets: options.connections ?? 8, timeout: IDLE_SOCKET_MS, lookup };
    this.agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };
  }

  /**
   * GETs `url`. Resolves for 2xx and 304; throws a FeedError for anything else (with the
   * status and Retry-After as facts), for refused addresses, timeouts and oversized bodies.
   */
  async fetch(url: string, options: { accept: string; headers?: Record<string, string> }): Promise<FetchedResource> {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new FeedError('timeout', url, `no complete answer within ${this.limits.timeoutMs} ms`));
    }, this.limits.timeoutMs);
    try {
      return await this.follow(url, options, controller.signal);
    } catch (error) {
      throw this.toFeedError(error, url, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  private async follow(startUrl: string, options: { accept: string; headers?: Record<string, string> }, signal: AbortSignal): Promise<FetchedResource> {
    let current = startUrl;
    for (let hop = 0; ; hop++) {
      const target = this.checkUrl(current, startUrl);
      const response = await this.send(
        target,
        {
          'user-agent': PRECIS_USER_AGENT,
          accept: options.accept,
          'accept-encoding': 'gzip, deflate, br',
          ...options.headers,
        },
        signal,
      );
      const headers = headerRecord(response.headers);
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status) && headers.location) {
        discard(response, headers);
        if (hop >= this.limits.maxRedirects) {
          throw new FeedError('too_many_redirects', startUrl, `more than ${this.limits.maxRedirects} redirects (last to ${headers.location})`, { status });
        }
        current = new URL(headers.location, target).href;
        continue;
      }
      if (status === 304) {
        discard(response, null);
        return resource(target.href, status, headers, []);
      }
      if (status < 200 || status > 299) {
        discard(response, headers);
        const wait = retryAfterMs(headers['retry-after'], Date.now());
        const facts = { status, ...(wait !== null ? { retryAfterMs: wait } : {}) };
        if (status === 429 || status === 503) {
          throw new FeedError('rate_limited', startUrl, `HTTP ${status}${wait !== null ? `, asked to retry after ${Math.round(wait / 1000)} s` : ''}`, facts);
        }
        throw new FeedError(status === 404 || status === 410 ? 'not_found' : 'http_error', startUrl, `HTTP ${status}`, facts);
      }
      const chunks = await this.readBody(response, headers['content-encoding'], startUrl);
      return resource(target.href, status, headers, chunks);
    }
  }

  /** One GET over the pool; resolves with the response head, its body still to read. */
  private send(target: URL, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const secure = target.protocol === 'https:';
      const request = (secure ? httpsRequest : httpRequest)(target, { method: 'GET', agent: secure ? this.agents.https : this.agents.http, headers, signal }, resolve);
      request.on('error', reject);
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => request.destroy(new ConnectTimeoutError()), this.limits.connectTimeoutMs);
        socket.once(secure ? 'secureConnect' : 'connect', () => {
          clearTimeout(timer);
        });
        socket.once('close', () => {
          clearTimeout(timer);
        });
      });
      request.end();
    });
  }

  /** Only http(s); an IP literal is checked here because the connector does no lookup for it. */
  private checkUrl(url: string, startUrl: string): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FeedError('unsupported_url', startUrl, `"${url}" is not a valid URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new FeedError('unsupported_url', startUrl, `only http and https URLs can be fetched (got ${parsed.protocol} in ${url})`);
    }
    const host = bareHost(parsed.hostname);
    if (isIP(host)) {
      const verdict = this.policy.check(host);
      if (!verdict.allowed) throw new FeedError('blocked_address', startUrl, `refused to connect: ${verdict.reason}`, { address: host });
    }
    return parsed;
  }

  /** The decompressed body, as the chunks it came in: one body-sized copy fewer for every fetch. */
  private async readBody(body: Readable, encoding: string | undefined, url: string): Promise<Buffer[]> {
    const name = (encoding ?? 'identity').trim().toLowerCase();
    let stream: Readable = body;
    if (name === 'gzip' || name === 'x-gzip') stream = body.pipe(createGunzip());
    else if (name === 'br') stream = body.pipe(createBrotliDecompress());
    else if (name === 'deflate') stream = await this.inflater(body);
    else if (name !== 'identity' && name !== '') {
      body.destroy();
      throw new FeedError('http_error', url, `unsupported Content-Encoding "${name}"`);
    }
    if (stream !== body) body.on('error', (error) => stream.destroy(error));
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream) {
        const buffer = chunk as Buffer;
        size += buffer.length;
        if (size > this.limits.maxBytes) throw new FeedError('too_large', url, `body larger than ${this.limits.maxBytes} bytes (limit)`);
        chunks.push(buffer);
      }
    } finally {
      body.destroy();
      stream.destroy();
    }
    return chunks;
  }

  /** "deflate" is meant to be zlib-wrapped, but many servers send raw deflate: look at the first byte. */
  private async inflater(body: Readable): Promise<Readable> {
    const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await iterator.next();
    const firstChunk = first.done ? Buffer.alloc(0) : first.value;
    // 0x?8 with a valid header checksum is a zlib header.
    const zlibWrapped = firstChunk.length >= 2 && (firstChunk[0]! & 0x0f) === 8 && ((firstChunk[0]! << 8) | firstChunk[1]!) % 31 === 0;
    const inflate = zlibWrapped ? createInflate() : createInflateRaw();
    void (async () => {
      try {
        if (!first.done) inflate.write(firstChunk);
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          if (!inflate.write(next.value)) await new Promise((resolve) => inflate.once('drain', resolve));
        }
        inflate.end();
      } catch (error) {
        inflate.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    })();
    return inflate;
  }

  private toFeedError(error: unknown, url: string, signal: AbortSignal): FeedError {
    if (signal.aborted && signal.reason instanceof FeedError) return signal.reason;
    if (error instanceof FeedError) return error;
    const blocked = findCause(error, BlockedAddressError);
    if (blocked) return new FeedError('blocked_address', url, `refused to connect: ${blocked.reason}`, { address: blocked.address });
    if (findCause(error, ConnectTimeoutError)) return new FeedError('timeout', url, `could not connect within ${this.limits.connectTimeoutMs} ms`);
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FeedError('network', url, `cannot resolve host ${new URL(url).hostname}`);
    // zlib's codes (Z_DATA_ERROR…) and brotli's (ERR__ERROR_FORMAT_…, ERR_BROTLI_…).
    if (typeof code === 'string' && /^(Z_|ERR__ERROR_FORMAT|ERR_BROTLI|ERR__ERROR)/.test(code)) {
      return new FeedError('http_error', url, 'the compressed body is corrupt');
    }
    const message = error instanceof Error ? error.message : String(error);
    return new FeedError('network', url, `network error: ${message}${typeof code === 'string' ? ` (${code})` : ''}`);
  }

  /** Closes the connection pool. */
  close(): Promise<void> {
    this.agents.http.destroy();
    this.agents.https.destroy();
    return Promise.resolve();
  }
}

/**
 * Lets go of a body Précis does not read: a small one (or none: pass null headers for a 304) is
 * drained so its connection is reused; a large one, or one of unknown length, closes it.
 */
function discard(response: IncomingMessage, headers: Record<string, string> | null): void {
  response.on('error', () => undefined);
  const length = headers ? Number(headers['content-length'] ?? NaN) : 0;
  if (length <= DRAINED_BODY_BYTES) response.resume();
  else response.destroy();
}
