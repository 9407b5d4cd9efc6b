import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.ts';
import { runCliCaptured } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { fixturesDir, sharedFeedsDir } from './paths.ts';
import { rssDocument, startLocalServer, type LocalServer } from './local-server.ts';

const tempDir = useTempDir();
const CONFIG = join(repoRoot, 'config/precis.yaml');
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
  server.route('/feed', (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(rssDocument('Local News', [
      { guid: 'b', title: 'Older story', date: new Date('2024-11-05T08:00:00Z') },
      { guid: 'a', title: 'Newest story', date: new Date('2024-11-06T08:00:00Z') },
    ]));
  });
  server.route('/page', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><html><body>Hello</body></html>');
  });
});
afterAll(async () => {
  await server.close();
});

describe('precis feeds check', () => {
  it('--json prints the stable contract on success', async () => {
    const run = await runCliCaptured(['feeds', 'check', '--json', server.url('/feed')], { env: { PRECIS_CONFIG: CONFIG, PRECIS_ALLOW_PRIVATE_URLS: '1' } });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['url', 'title', 'format', 'encoding', 'items', 'warnings']);
    expect(report).toEqual({
      url: server.url('/feed'),
      title: 'Local News',
      format: 'rss',
      encoding: 'utf-8',
      items: [
        { title: 'Newest story', url: 'https://news.example/a', published: '2024-11-06T08:00:00.000Z' },
        { title: 'Older story', url: 'https://news.example/b', published: '2024-11-05T08:00:00.000Z' },
      ],
      warnings: [],
    });
  });

  it('--json exits non-zero with {url, error: {code, message}} on failure', async () => {
    const notAFeed = await runCliCaptured(['feeds', 'check', '--json', server.url('/page')], { env: { PRECIS_CONFIG: CONFIG, PRECIS_ALLOW_PRIVATE_URLS: '1' } });
    expect(notAFeed.code).toBe(1);
    expect(JSON.parse(notAFeed.stdout)).toEqual({ url: server.url('/page'), error: { code: 'not_a_feed', message: `${server.url('/page')}: not a feed: this is an HTML page` } });
    const blocked = await runCliCaptured(['feeds', 'check', '--json', server.url('/feed')], { env: { PRECIS_CONFIG: CONFIG } });
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.stdout)).toMatchObject({ error: { code: 'blocked_address' } });
  });

  it('prints a readable report, warnings included', async () => {
    const run = await runCliCaptured(['feeds', 'check', join(fixturesDir, 'atom10-xmlbase.xml')], { env: { PRECIS_CONFIG: CONFIG } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Format: +Atom/);
    expect(run.stdout).toMatch(/Items: +2/);
    expect(run.stdout).toContain('1 item has no readable date');
  });

  it.skipIf(!sharedFeedsDir)('reports the encoding it decoded a legacy feed with', async () => {
    const run = await runCliCaptured(['feeds', 'check', '--json', join(sharedFeedsDir ?? '', 'rss2_ibash_ru_windows-1251.xml')], { env: { PRECIS_CONFIG: CONFIG } });
    expect(JSON.parse(run.stdout)).toMatchObject({ encoding: 'windows-1251', title: 'iBash.Org.Ru' });
  });

  it('has --help for each subcommand and rejects bad usage', async () => {
    for (const sub of ['check', 'import', 'export']) {
      const help = await runCliCaptured(['feeds', sub, '--help'], { env: { PRECIS_CONFIG: CONFIG } });
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: precis feeds ${sub}`));
    }
    expect((await runCliCaptured(['feeds', '--help'])).stdout).toMatch(/check <url>/);
    const unknown = await runCliCaptured(['feeds', 'check', '--jsno', 'x'], { env: { PRECIS_CONFIG: CONFIG } });
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toMatch(/unknown option '--jsno'[\s\S]*precis feeds check --help/);
    expect((await runCliCaptured(['feeds', 'frobnicate'])).code).toBe(2);
    expect((await runCliCaptured(['feeds', 'check'], { env: { PRECIS_CONFIG: CONFIG } })).code).toBe(2);
  });
});

describe('precis feeds import / export', () => {
  it('adds the OPML feeds to the config file (comments kept, duplicates skipped) and exports them back', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'config'));
    writeFileSync(join(cwd, 'config/precis.yaml'), '# my instance\nfeeds:\n  - name: Solo feed   # already here\n    url: https://solo.example/feed\n');
    copyFileSync(join(fixturesDir, 'subscriptions.opml'), join(cwd, 'subs.opml'));
    const dry = await runCliCaptured(['feeds', 'import', '--dry-run', 'subs.opml'], { cwd });
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.stdout).toMatch(/^2 feeds would be added/);
    expect(readFileSync(join(cwd, 'config/precis.yaml'), 'utf8')).not.toContain('lemonde');
    const run = await runCliCaptured(['feeds', 'import', 'subs.opml'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('https://solo.example/feed (already configured)');
    const yaml = readFileSync(join(cwd, 'config/precis.yaml'), 'utf8');
    expect(yaml).toContain('# my instance');
    expect(yaml).toContain('# already here');
    expect(yaml).toContain('url: https://www.lemonde.fr/rss/une.xml');
    const exported = await runCliCaptured(['feeds', 'export'], { cwd });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('xmlUrl="https://feeds.bbci.co.uk/news/rss.xml"');
    expect(exported.stdout.match(/<outline type="rss"/g)).toHaveLength(3);
  });

  it('rejects a file that is not OPML', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.opml'), '<rss/>');
    const run = await runCliCaptured(['feeds', 'import', 'bad.opml'], { cwd, env: { PRECIS_CONFIG: CONFIG } });
    expect(run).toMatchObject({ code: 1 });
    expect(run.stdout).toMatch(/not a usable OPML file: no <opml> root element/);
  });
});
