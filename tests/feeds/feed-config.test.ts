import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.ts';
import { parseDuration } from '../../src/config/duration.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { checkFeed } from '../../src/feeds/check-feed.ts';
import { addressPolicyOf, fetcherOf } from '../../src/feeds/ingest-context.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { fixturesDir } from './paths.ts';

const tempDir = useTempDir();

function configIn(yaml: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'precis.yaml'), yaml);
  return dir;
}

function problems(cwd: string, env: Record<string, string> = {}): string[] {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('feed settings in the configuration', () => {
  it('reads durations as 30s, 10m, 1h, 1h30m', () => {
    expect([parseDuration('30s'), parseDuration('10m'), parseDuration('1h'), parseDuration('1h30m'), parseDuration('ten')]).toEqual([30_000, 600_000, 3_600_000, 5_400_000, null]);
  });

  it('has defaults: 10-minute polls, 3-day age limit, 3 newest on a first fetch, 80-word teasers, 5 MB, 10 failures', () => {
    const config = loadConfig({}, configIn('feeds:\n  - name: A\n    url: https://a.example/rss\n'));
    expect(config.feeds[0]?.options).toEqual({ pollIntervalMs: 600_000, maxAgeMs: 3 * 86_400_000, firstFetchNewest: 3, teaserWords: 80 });
    expect(config.fetching).toMatchObject({ concurrency: 8, perHostConcurrency: 2, maxBodyMB: 5, pauseAfterFailures: 10, timeout: 30_000, connectTimeout: 10_000, allowNetworks: [] });
    expect(config.allowPrivateUrls).toBe(false);
  });

  it('lets each feed override the defaults, and PRECIS_POLL_INTERVAL the default interval only', () => {
    const cwd = configIn(
      'feedDefaults:\n  pollInterval: 15m\n  maxAgeDays: 2\nfeeds:\n  - name: A\n    url: https://a.example/rss\n  - name: B\n    url: https://b.example/rss\n    pollInterval: 1h\n    maxAgeDays: 0\n    firstFetchNewest: 10\n    teaserWords: 0\n',
    );
    const config = loadConfig({ PRECIS_POLL_INTERVAL: '30s', PRECIS_ALLOW_PRIVATE_URLS: '1' }, cwd);
    expect(config.feeds.map((feed) => feed.options)).toEqual([
      { pollIntervalMs: 30_000, maxAgeMs: 2 * 86_400_000, firstFetchNewest: 3, teaserWords: 80 },
      { pollIntervalMs: 3_600_000, maxAgeMs: null, firstFetchNewest: 10, teaserWords: 0 },
    ]);
    expect(config.allowPrivateUrls).toBe(true);
  });

  it('names bad values and unknown keys', () => {
    const cwd = configIn('feedDefaults:\n  pollInterval: soon\nfetching:\n  allowNetworks: ["10.0.0.0/8", "intranet"]\n  maxBodyMB: 0\n  retries: 3\nfeeds:\n  - name: A\n    url: https://a.example/rss\n    pollInterval: 5s\n');
    expect(problems(cwd, { PRECIS_POLL_INTERVAL: '5s', PRECIS_ALLOW_PRIVATE_URLS: 'maybe' })).toEqual(
      expect.arrayContaining([
        'feedDefaults.pollInterval: "soon" is not a duration (expected e.g. "30s", "10m" or "1h")',
        'fetching.allowNetworks[1]: "intranet" is not a CIDR block (expected e.g. "10.0.0.0/8" or "fd00::/8")',
        'fetching.maxBodyMB: 0 must be > 0',
        expect.stringMatching(/^fetching\.retries: unknown key \(expected one of: concurrency, perHostConcurrency/),
        'feeds[0].pollInterval: "5s" must be between 30s and 168h',
        'environment variable PRECIS_POLL_INTERVAL: is not a duration of at least 30s (expected e.g. "30s", "10m" or "1h")',
        'environment variable PRECIS_ALLOW_PRIVATE_URLS: must be 1 or 0',
      ]),
    );
  });

  it('turns PRECIS_ALLOW_PRIVATE_URLS and fetching.allowNetworks into the address policy', () => {
    const open = loadConfig({ PRECIS_ALLOW_PRIVATE_URLS: '1' }, configIn('feeds: []\n'));
    expect(addressPolicyOf(open).check('127.0.0.1')).toEqual({ allowed: true });
    const listed = loadConfig({}, configIn('feeds: []\nfetching:\n  allowNetworks: ["10.1.0.0/16"]\n'));
    expect(addressPolicyOf(listed).check('10.1.2.3')).toEqual({ allowed: true });
    expect(addressPolicyOf(listed).check('127.0.0.1')).toMatchObject({ allowed: false });
  });
});

describe('checkFeed (the path /subscribe uses)', () => {
  it('refuses local files and private addresses unless told otherwise', async () => {
    const config = loadConfig({}, configIn('feeds: []\n'));
    const fetcher = fetcherOf(config);
    const file = `file://${fixturesDir}rss2-rich.xml`;
    await expect(checkFeed(fetcher, file)).rejects.toMatchObject({ code: 'unsupported_url' });
    await expect(checkFeed(fetcher, 'http://169.254.169.254/latest/meta-data/')).rejects.toMatchObject({ code: 'blocked_address' });
    await expect(checkFeed(fetcher, 'http://10.0.0.1/feed')).rejects.toMatchObject({ code: 'blocked_address' });
    const check = await checkFeed(fetcher, file, { allowFiles: true, now: Date.parse('2024-11-06T12:00:00Z') });
    expect(check).toMatchObject({ title: 'La Gazette du Matin', format: 'rss', encoding: 'utf-8', lang: 'fr-FR' });
    // Newest first, as Précis will date them: the undated item counts as seen now.
    expect(check.items.map((item) => [item.title, item.published])).toEqual([
      ['Troisième, date cassée', null],
      ['Exclusif : le budget 2025 adopté', '2024-11-05T17:05:00.000Z'],
      ['Deuxième article', '2024-11-05T07:00:00.000Z'],
    ]);
    expect(check.warnings).toEqual(['1 item has no readable date (the first-seen time will be used)']);
    await fetcher.close();
  });
});
