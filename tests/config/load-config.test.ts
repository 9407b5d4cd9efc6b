import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

function withConfig(yaml: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'precis.yaml'), yaml);
  writeFileSync(join(dir, 'config', 'feed.xml'), '<rss version="2.0"><channel><title>t</title></channel></rss>');
  return dir;
}

function problemsOf(cwd: string, env: Record<string, string> = {}): string[] {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads the bundled configuration with its sample feeds', () => {
    const config = loadConfig({}, repoRoot);
    expect(config.feeds.map((feed) => feed.id)).toEqual(['actualites-echantillon', 'world-news-sample']);
    expect(config.feeds[0]?.url).toMatch(/^file:\/\/.*config\/samples\/actualites-fr\.xml$/);
    expect(config.storage).toEqual({ kind: 'sqlite', path: join(repoRoot, 'data/precis.sqlite') });
    expect(config.telegram).toBeNull();
    expect(config.discord).toBeNull();
  });

  it('names the key and the value of an invalid cron expression', () => {
    const cwd = withConfig('schedule:\n  cron: "61 8 * * *"\n  timezone: Europe/Paris\n');
    expect(problemsOf(cwd)).toEqual(['schedule.cron: "61 8 * * *" is not a valid cron expression']);
  });

  it('rejects an unknown time zone', () => {
    const cwd = withConfig('schedule:\n  cron: "0 8 * * *"\n  timezone: Europe/Lyon\n');
    expect(problemsOf(cwd)).toEqual(['schedule.timezone: "Europe/Lyon" is not a known IANA time zone (e.g. "Europe/Paris")']);
  });

  it('rejects unknown keys, naming them and the keys that are allowed', () => {
    const cwd = withConfig('digest:\n  stories: 3\n  colour: blue\nfeeds: []\n');
    expect(problemsOf(cwd)).toEqual(['digest.colour: unknown key (expected one of: stories, quotesPerStory, figuresPerStory, windowHours)']);
  });

  it('reports every problem at once, with list positions', () => {
    const cwd = withConfig('feeds:\n  - name: ""\n    url: ftp://example.org/feed\n  - name: Both\n    url: https://a.example/rss\n    file: feed.xml\ndigest:\n  stories: 0\n');
    const problems = problemsOf(cwd);
    expect(problems).toContain('feeds[0].name: "" must not be empty');
    expect(problems).toContain('feeds[0].url: "ftp://example.org/feed" is not an http(s) URL');
    expect(problems).toContain('feeds[1]: needs exactly one of "url" or "file"');
    expect(problems).toContain('digest.stories: 0 must be >= 1');
  });

  it('bounds how many messages may be in flight at once', () => {
    expect(loadConfig({}, repoRoot).delivery).toEqual({ maxInFlight: 1 });
    expect(problemsOf(withConfig('delivery:\n  maxInFlight: 0\n'))).toEqual(['delivery.maxInFlight: 0 must be >= 1']);
  });

  it('reports YAML syntax errors with their line', () => {
    const cwd = withConfig('feeds:\n  - name: a\n   url: [unclosed\n');
    const [problem] = problemsOf(cwd);
    expect(problem).toMatch(/^line \d+, column \d+: /);
  });

  it('names a missing feed file relative to the config directory', () => {
    const cwd = withConfig('feeds:\n  - name: Local\n    file: missing.xml\n');
    expect(problemsOf(cwd)).toEqual(['feeds[0].file: "missing.xml" not found (looked in config/)']);
  });

  it('prefixes every problem with the file when printed', () => {
    const cwd = withConfig('schedule:\n  cron: nope\n  timezone: UTC\n');
    expect(() => loadConfig({}, cwd)).toThrow('config/precis.yaml: schedule.cron: "nope" is not a valid cron expression');
  });

  it('reads secrets and locations from the environment only', () => {
    const cwd = withConfig('feeds: []\n');
    const config = loadConfig(
      {
        TELEGRAM_BOT_TOKEN: '123456:ABC-def_ghi',
        TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
        DISCORD_BOT_TOKEN: 'discord-token',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
        LOG_LEVEL: 'debug',
      },
      cwd,
    );
    expect(config.telegram).toEqual({ token: '123456:ABC-def_ghi', apiRoot: 'http://127.0.0.1:8081', webhook: null });
    expect(config.discord).toEqual({ token: 'discord-token', apiRoot: undefined });
    expect(config.storage).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(config.logLevel).toBe('debug');
  });

  it('rejects malformed environment values, naming the variable', () => {
    const cwd = withConfig('feeds: []\n');
    expect(problemsOf(cwd, { TELEGRAM_BOT_TOKEN: 'not a token', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' })).toEqual([
      'environment variable TELEGRAM_BOT_TOKEN: does not look like a Telegram bot token (expected "123456:ABC-…" from @BotFather)',
      'environment variable DATABASE_URL: must start with postgres://, postgresql:// or sqlite:',
      expect.stringMatching(/^environment variable LOG_LEVEL: /),
    ]);
  });

  it('finds the config through PRECIS_CONFIG and says when it is missing', () => {
    const cwd = withConfig('feeds: []\n');
    expect(problemsOf(cwd, { PRECIS_CONFIG: 'elsewhere.yaml' })).toEqual(['file not found (set PRECIS_CONFIG or create it)']);
  });
});
