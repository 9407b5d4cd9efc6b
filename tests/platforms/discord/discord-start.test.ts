import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { FakeTelegram } from '../../fakes/telegram/fake-telegram.ts';
import { repoRoot } from '../../helpers/paths.ts';
import { spawnPrecis } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

describe('precis start with DISCORD_BOT_TOKEN', () => {
  it('stops with a one-line error naming DISCORD_BOT_TOKEN and exit code 2 when Discord refuses the token', async () => {
    const run = spawnPrecis(['start'], {
      cwd: tempDir(),
      env: { PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml'), DISCORD_BOT_TOKEN: 'MTIz.wrong.token', DISCORD_API_ROOT: fake.apiRoot },
    });
    expect(await run.exited).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^DISCORD_BOT_TOKEN: Discord refused this token \(401 Unauthorized\)/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fake.refusals.some((refusal) => refusal.status === 401)).toBe(true);
  });

  it('runs the bot with a good token, registers the commands in DISCORD_GUILD_ID only, and stops cleanly on SIGTERM', async () => {
    const guild = fake.addGuild({ name: 'Test Server' });
    const run = spawnPrecis(['start'], {
      cwd: tempDir(),
      env: { PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml'), DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.apiRoot, DISCORD_GUILD_ID: guild.id },
    });
    await fake.waitFor(() => fake.commands.guild.has(guild.id), 'the slash commands', 15_000);
    expect(fake.commands.global).toBeNull();
    const deadline = Date.now() + 5000;
    while (!run.stderr.includes('is connected') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run.stderr).toContain('Discord bot');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('runs the Discord bot beside the Telegram bot in the same process', async () => {
    const telegram = new FakeTelegram();
    const telegramRoot = await telegram.start();
    try {
      const commandsBefore = fake.commands.global;
      const run = spawnPrecis(['start'], {
        cwd: tempDir(),
        env: {
          PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml'),
          DISCORD_BOT_TOKEN: fake.token,
          DISCORD_API_ROOT: fake.apiRoot,
          TELEGRAM_BOT_TOKEN: telegram.token,
          TELEGRAM_API_ROOT: telegramRoot,
        },
      });
      await fake.waitFor(() => fake.commands.global !== commandsBefore, 'the Discord slash commands', 15_000);
      const deadline = Date.now() + 10_000;
      while (!run.stderr.includes('Précis is running') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(telegram.calls.map((call) => call.method)).toContain('setMyCommands');
      expect(run.stderr).toMatch(/Telegram bot @\w+ is polling/);
      expect(run.stderr).toContain('Discord bot Précis is connected');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      await telegram.stop();
    }
  });
});
