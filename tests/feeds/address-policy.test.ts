import { afterEach, describe, expect, it } from 'vitest';
import { AddressPolicy, parseCidr, PUBLIC_ONLY } from '../../src/feeds/address-policy.ts';
import { HttpFetcher } from '../../src/feeds/http-fetcher.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

describe('AddressPolicy (SSRF protection)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'RFC 1918'],
    ['172.16.0.1', 'RFC 1918'],
    ['172.31.255.254', 'RFC 1918'],
    ['192.168.1.1', 'RFC 1918'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fc00::1', 'IPv6 unique-local'],
    ['fd12:3456::1', 'IPv6 unique-local'],
    ['fe80::1', 'IPv6 link-local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata (hex)'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of metadata'],
    ['2002:7f00:1::', '6to4 of loopback'],
  ])('refuses %s (%s)', (address) => {
    expect(PUBLIC_ONLY.check(address)).toMatchObject({ allowed: false });
  });

  it.each(['93.184.216.34', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'])('allows public %s', (address) => {
    expect(PUBLIC_ONLY.check(address)).toEqual({ allowed: true });
  });

  it('lets a self-hoster allow everything or only listed ranges', () => {
    expect(new AddressPolicy({ allowPrivate: true, allowCidrs: [] }).check('10.0.0.1')).toEqual({ allowed: true });
    const intranet = new AddressPolicy({ allowPrivate: false, allowCidrs: ['10.1.0.0/16', 'fd00::/8'] });
    expect(intranet.check('10.1.200.3')).toEqual({ allowed: true });
    expect(intranet.check('fd00::5')).toEqual({ allowed: true });
    expect(intranet.check('10.2.0.1')).toMatchObject({ allowed: false });
    expect(intranet.check('169.254.169.254')).toMatchObject({ allowed: false });
    expect(() => parseCidr('10.0.0.0/33')).toThrow(/prefix/);
    expect(() => parseCidr('example.org/8')).toThrow(/not a CIDR/);
  });
});

describe('HttpFetcher refuses private destinations on the address actually connected to', () => {
  let server: LocalServer;
  afterEach(async () => {
    await server.close();
  });

  it('refuses a loopback URL by default, before connecting', async () => {
    server = await startLocalServer();
    server.route('/feed', (_request, response) => response.end('<rss/>'));
    const fetcher = new HttpFetcher();
    await expect(fetcher.fetch(server.url('/feed'), { accept: '*/*' })).rejects.toMatchObject({ code: 'blocked_address', facts: { address: '127.0.0.1' } });
    await expect(fetcher.fetch(`http://[::1]:${server.port}/feed`, { accept: '*/*' })).rejects.toMatchObject({ code: 'blocked_address' });
    expect(server.requests).toHaveLength(0);
    await fetcher.close();
  });

  it('refuses a public-looking host name that resolves to 127.0.0.1 (resolver injected)', async () => {
    server = await startLocalServer();
    server.route('/feed', (_request, response) => response.end('<rss/>'));
    const fetcher = new HttpFetcher({ resolve: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]) });
    const error = await fetcher.fetch(`http://news.example.com:${server.port}/feed`, { accept: '*/*' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'blocked_address', facts: { address: '127.0.0.1' } });
    expect((error as Error).message).toMatch(/news\.example\.com resolves to 127\.0\.0\.1/);
    expect(server.requests).toHaveLength(0);
    await fetcher.close();
  });

  it('connects only to the allowed addresses of a host that resolves to both', async () => {
    server = await startLocalServer();
    server.route('/feed', (_request, response) => response.end('ok'));
    const policy = new AddressPolicy({ allowPrivate: false, allowCidrs: ['127.0.0.1/32'] });
    const fetcher = new HttpFetcher({
      policy,
      resolve: () => Promise.resolve([{ address: '10.0.0.7', family: 4 }, { address: '127.0.0.1', family: 4 }]),
    });
    const page = await fetcher.fetch(`http://mixed.example:${server.port}/feed`, { accept: '*/*' });
    expect(page.body.toString()).toBe('ok');
    await fetcher.close();
  });

  it('re-checks every redirect: a public-looking URL redirecting to 169.254.169.254 is refused', async () => {
    server = await startLocalServer();
    server.route('/feed', (_request, response) => {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      response.end();
    });
    server.route('/via-name', (_request, response) => {
      response.writeHead(301, { location: 'http://metadata.internal/latest/' });
      response.end();
    });
    const policy = new AddressPolicy({ allowPrivate: false, allowCidrs: ['127.0.0.1/32'] });
    const fetcher = new HttpFetcher({
      policy,
      resolve: (hostname) => Promise.resolve([{ address: hostname === 'metadata.internal' ? '169.254.169.254' : '127.0.0.1', family: 4 }]),
    });
    await expect(fetcher.fetch(`http://news.example.com:${server.port}/feed`, { accept: '*/*' })).rejects.toMatchObject({
      code: 'blocked_address',
      facts: { address: '169.254.169.254' },
    });
    await expect(fetcher.fetch(`http://news.example.com:${server.port}/via-name`, { accept: '*/*' })).rejects.toMatchObject({
      code: 'blocked_address',
      facts: { address: '169.254.169.254' },
    });
    await fetcher.close();
  });

  it('refuses schemes other than http and https', async () => {
    server = await startLocalServer();
    const fetcher = new HttpFetcher();
    await expect(fetcher.fetch('file:///etc/passwd', { accept: '*/*' })).rejects.toMatchObject({ code: 'unsupported_url' });
    await expect(fetcher.fetch('ftp://example.org/feed', { accept: '*/*' })).rejects.toMatchObject({ code: 'unsupported_url' });
    await fetcher.close();
  });
});
