import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressPolicy } from '../../src/feeds/address-policy.ts';
import { fetchFeed } from '../../src/feeds/fetch-feed.ts';
import { HttpFetcher } from '../../src/feeds/http-fetcher.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

const LOOPBACK = new AddressPolicy({ allowPrivate: true, allowCidrs: [] });
const BODY = '<rss version="2.0"><channel><title>Compressed ünïcode</title></channel></rss>';

let server: LocalServer;
let fetcher: HttpFetcher;

beforeAll(async () => {
  server = await startLocalServer();
  fetcher = new HttpFetcher({ policy: LOOPBACK, limits: { timeoutMs: 400, maxBytes: 64 * 1024, connectTimeoutMs: 1000 } });
  server.route('/plain', (_request, response) => response.end(BODY));
  for (const [name, encode] of [
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
  ] as const) {
    server.route(`/${name}`, (_request, response) => {
      response.writeHead(200, { 'content-encoding': name });
      response.end(encode(Buffer.from(BODY)));
    });
  }
  server.route('/raw-deflate', (_request, response) => {
    response.writeHead(200, { 'content-encoding': 'deflate' });
    response.end(deflateRawSync(Buffer.from(BODY)));
  });
  server.route('/gzip-bomb', (_request, response) => {
    response.writeHead(200, { 'content-encoding': 'gzip' });
    response.end(gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20)));
  });
  for (const name of ['gzip', 'br', 'deflate']) {
    server.route(`/corrupt-${name}`, (_request, response) => {
      response.writeHead(200, { 'content-encoding': name });
      response.end(Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x01, 0x02, 0x03]));
    });
  }
  server.route('/endless', (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const write = () => {
      while (response.write(chunk)) {
        /* keep the pipe full */
      }
      response.once('drain', write);
    };
    write();
    response.on('close', () => response.removeAllListeners('drain'));
  });
  server.route('/slow-headers', (_request, response) => {
    const timer = setTimeout(() => response.end(BODY), 5000);
    response.on('close', () => clearTimeout(timer));
  });
  server.route('/slow-body', (_request, response) => {
    response.writeHead(200);
    response.write('<rss>');
    const timer = setInterval(() => response.write(' '), 50);
    response.on('close', () => clearInterval(timer));
  });
  for (let hop = 1; hop <= 7; hop++) {
    server.route(`/hop${hop}`, (_request, response) => {
      response.writeHead(hop % 2 ? 301 : 307, { location: hop === 7 ? '/plain' : `/hop${hop + 1}` });
      response.end();
    });
  }
  server.route('/conditional', (request, response) => {
    if (request.headers['if-none-match'] === '"v1"' || request.headers['if-modified-since'] === 'Tue, 05 Nov 2024 10:00:00 GMT') {
      response.writeHead(304, { 'cache-control': 'max-age=1800' });
      response.end();
      return;
    }
    response.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 05 Nov 2024 10:00:00 GMT', 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=900' });
    response.end(BODY);
  });
  server.route('/busy', (_request, response) => {
    response.writeHead(503, { 'retry-after': '120' });
    response.end('busy');
  });
  server.route('/too-many', (_request, response) => {
    response.writeHead(429, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() });
    response.end();
  });
  server.route('/gone', (_request, response) => {
    response.writeHead(410);
    response.end();
  });
  server.route('/error', (_request, response) => {
    response.writeHead(500);
    response.end();
  });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('HttpFetcher', () => {
  it('sends a User-Agent naming Précis and its version, and accepts gzip, deflate and br', async () => {
    await fetcher.fetch(server.url('/plain'), { accept: 'application/rss+xml' });
    const headers = server.requests.find((request) => request.path === '/plain')?.headers;
    expect(headers?.['user-agent']).toMatch(/^Precis\/\d+\.\d+\.\d+ /);
    expect(headers?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers?.accept).toBe('application/rss+xml');
  });

  it.each(['gzip', 'br', 'deflate', 'raw-deflate'])('decompresses %s bodies', async (name) => {
    const page = await fetcher.fetch(server.url(`/${name}`), { accept: '*/*' });
    expect(page.body.toString('utf8')).toBe(BODY);
  });

  it('caps the body while streaming: an endless body and a gzip bomb stop at the limit', async () => {
    await expect(fetcher.fetch(server.url('/endless'), { accept: '*/*' })).rejects.toMatchObject({ code: 'too_large' });
    await expect(fetcher.fetch(server.url('/gzip-bomb'), { accept: '*/*' })).rejects.toMatchObject({ code: 'too_large' });
  });

  it.each(['gzip', 'br', 'deflate'])('reports a corrupt %s body clearly', async (name) => {
    await expect(fetcher.fetch(server.url(`/corrupt-${name}`), { accept: '*/*' })).rejects.toMatchObject({ code: 'http_error', detail: 'the compressed body is corrupt' });
  });

  it('aborts a server that answers too slowly (headers or body)', async () => {
    await expect(fetcher.fetch(server.url('/slow-headers'), { accept: '*/*' })).rejects.toMatchObject({ code: 'timeout' });
    await expect(fetcher.fetch(server.url('/slow-body'), { accept: '*/*' })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('follows up to 5 redirects and refuses more', async () => {
    const page = await fetcher.fetch(server.url('/hop3'), { accept: '*/*' });
    expect(page.url).toBe(server.url('/plain'));
    expect(page.body.toString()).toBe(BODY);
    await expect(fetcher.fetch(server.url('/hop1'), { accept: '*/*' })).rejects.toMatchObject({ code: 'too_many_redirects' });
  });

  it('maps error statuses and Retry-After (seconds or date) to FeedErrors', async () => {
    await expect(fetcher.fetch(server.url('/busy'), { accept: '*/*' })).rejects.toMatchObject({ code: 'rate_limited', facts: { status: 503, retryAfterMs: 120_000 } });
    const tooMany = await fetcher.fetch(server.url('/too-many'), { accept: '*/*' }).catch((error: unknown) => error);
    expect(tooMany).toMatchObject({ code: 'rate_limited', facts: { status: 429 } });
    expect((tooMany as { facts: { retryAfterMs: number } }).facts.retryAfterMs).toBeGreaterThan(50_000);
    await expect(fetcher.fetch(server.url('/gone'), { accept: '*/*' })).rejects.toMatchObject({ code: 'not_found', facts: { status: 410 } });
    await expect(fetcher.fetch(server.url('/nowhere'), { accept: '*/*' })).rejects.toMatchObject({ code: 'not_found', facts: { status: 404 } });
    await expect(fetcher.fetch(server.url('/error'), { accept: '*/*' })).rejects.toMatchObject({ code: 'http_error', detail: 'HTTP 500' });
  });

  it('reports a refused connection as a network error', async () => {
    const closed = await startLocalServer();
    const url = closed.url('/feed');
    await closed.close();
    await expect(fetcher.fetch(url, { accept: '*/*' })).rejects.toMatchObject({ code: 'network' });
  });
});

describe('fetchFeed (conditional GET)', () => {
  it('stores the validators, sends them back, and treats 304 as nothing new', async () => {
    const first = await fetchFeed(fetcher, server.url('/conditional'), { etag: null, lastModified: null }, { allowFiles: false });
    expect(first).toMatchObject({ status: 'fetched', etag: '"v1"', lastModified: 'Tue, 05 Nov 2024 10:00:00 GMT', contentType: 'application/rss+xml; charset=utf-8', freshnessMs: 900_000 });
    const second = await fetchFeed(fetcher, server.url('/conditional'), { etag: '"v1"', lastModified: 'Tue, 05 Nov 2024 10:00:00 GMT' }, { allowFiles: false });
    expect(second).toEqual({ status: 'not_modified', freshnessMs: 1_800_000 });
    const sent = server.requests.filter((request) => request.path === '/conditional').at(-1)?.headers;
    expect(sent?.['if-none-match']).toBe('"v1"');
    expect(sent?.['if-modified-since']).toBe('Tue, 05 Nov 2024 10:00:00 GMT');
  });

  it('reads file: URLs only when allowed (config feeds)', async () => {
    await expect(fetchFeed(fetcher, 'file:///etc/hostname', { etag: null, lastModified: null }, { allowFiles: false })).rejects.toMatchObject({ code: 'unsupported_url' });
    await expect(fetchFeed(fetcher, 'file:///nonexistent/feed.xml', { etag: null, lastModified: null }, { allowFiles: true })).rejects.toMatchObject({ code: 'not_found' });
  });
});
