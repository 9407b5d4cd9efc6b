import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

function withConfig(yaml: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'precis.yaml'), yaml);
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

describe('access configuration', () => {
  it('is private by default', () => {
    expect(loadConfig({}, withConfig('feeds: []\n')).access).toEqual({ open: false, discord: { guilds: [], users: [] }, telegram: { users: [], chats: [] } });
  });

  it('merges the config file with PRECIS_OPEN, PRECIS_ALLOWED_GUILDS and PRECIS_ALLOWED_USERS', () => {
    const cwd = withConfig('access:\n  discord:\n    guilds: ["111111111111111111"]\n  telegram:\n    users: [42]\n    chats: ["-1001234567890"]\n');
    const config = loadConfig({ PRECIS_ALLOWED_GUILDS: '222222222222222222, 111111111111111111', PRECIS_ALLOWED_USERS: '333333333333333333', PRECIS_OPEN: '0', DISCORD_BOT_TOKEN: 'x.y.z', DISCORD_GUILD_ID: '444444444444444444' }, cwd);
    expect(config.access).toEqual({ open: false, discord: { guilds: ['111111111111111111', '222222222222222222'], users: ['333333333333333333'] }, telegram: { users: ['42'], chats: ['-1001234567890'] } });
    expect(config.discord?.guildId).toBe('444444444444444444');
    expect(loadConfig({ PRECIS_OPEN: '1' }, cwd).access.open).toBe(true);
  });

  it('refuses a Discord id written as a bare number (it would lose digits) and names the fix', () => {
    const problems = problemsOf(withConfig('access:\n  discord:\n    guilds: [123456789012345678]\n'));
    expect(problems.join('\n')).toMatch(/access\.discord\.guilds\[0\].*put it in quotes/);
  });

  it('refuses ids that are not ids, in the file and in the environment', () => {
    const cwd = withConfig('access:\n  discord:\n    users: ["me"]\n');
    const problems = problemsOf(cwd, { PRECIS_ALLOWED_GUILDS: 'my-server', DISCORD_GUILD_ID: '12' });
    expect(problems.some((problem) => problem.includes('access.discord.users[0]'))).toBe(true);
    expect(problems.some((problem) => problem.includes('PRECIS_ALLOWED_GUILDS'))).toBe(true);
    expect(problems.some((problem) => problem.includes('DISCORD_GUILD_ID'))).toBe(true);
  });
});
