import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import { createLogger } from '../../../src/logger.ts';
import { telegramRuntime } from '../../../src/platforms/telegram/telegram-runtime.ts';
import { startService } from '../../../src/service/start-service.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.ts';
import { FakeTelegram } from '../../fakes/telegram/fake-telegram.ts';
import { repoRoot } from '../../helpers/paths.ts';
import { spawnPrecis } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { CHATS, startTelegramHarness, USERS } from './telegram-harness.ts';

const tempDir = useTempDir();
let fake: FakeTelegram;
beforeAll(async () => {
  fake = new FakeTelegram();
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('precis start with TELEGRAM_BOT_TOKEN', () => {
  it('stops with a one-line error naming TELEGRAM_BOT_TOKEN and exit code 2 when Telegram refuses the token', async () => {
    const run = spawnPrecis(['start'], { cwd: tempDir(), env: { PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml'), TELEGRAM_BOT_TOKEN: '123456:not-the-right-one', TELEGRAM_API_ROOT: fake.apiRoot } });
    expect(await run.exited).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^TELEGRAM_BOT_TOKEN: Telegram refused this token \(401 Unauthorized\): copy it again from @BotFather/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('runs the bot, then stops cleanly on SIGTERM (the polling offset confirmed)', async () => {
    const run = spawnPrecis(['start'], { cwd: tempDir(), env: { PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml'), TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot } });
    const deadline = Date.now() + 15_000;
    while (!run.stderr.includes('is polling') && Date.now() < deadline && run.child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run.stderr).toMatch(/Telegram bot @precis_test_bot is polling/);
    fake.addChat({ id: 5, type: 'private', first_name: 'Eve' });
    fake.userMessage(5, '/start', { from: { id: 5, first_name: 'Eve' } });
    // Not on the allow-list of the bundled config: told how to get in.
    await fake.waitFor(() => fake.messagesTo(5).length === 1, 'the answer', 10_000);
    expect(fake.messagesTo(5)[0]?.text).toContain('your user id 5');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(fake.pendingUpdates).toBe(0);
  });
});

describe('start-up while the Bot API cannot be reached', () => {
  it('logs each attempt in one line and connects once it answers', async () => {
    const port = await freePort();
    const apiRoot = `http://127.0.0.1:${port}`;
    const unreachable = new FakeTelegram();
    const dir = mkdtempSync(join(tmpdir(), 'precis-telegram-start-'));
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    try {
      const config = loadConfig({ PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml'), TELEGRAM_BOT_TOKEN: unreachable.token, TELEGRAM_API_ROOT: apiRoot }, dir);
      const starting = startService({
        config: { ...config, heartbeatFile: join(dir, 'heartbeat.json') },
        store: await openSqliteStore(':memory:'),
        log: createLogger('info', stream),
        platforms: [telegramRuntime({ ...config.telegram!, connectBackoff: { firstMs: 50, maxMs: 400 } })],
      });
      await unreachable.waitFor(() => lines.filter((line) => line.includes('Telegram Bot API unreachable')).length >= 2, 'two logged attempts');
      const attempt = JSON.parse(lines.find((line) => line.includes('Telegram Bot API unreachable'))!) as { level: number; msg: string };
      expect(attempt.level).toBe(40);
      expect(attempt.msg).toMatch(new RegExp(`^Telegram Bot API unreachable at ${apiRoot} \\(getMe: .*ECONNREFUSED.*\\); attempt 1, retrying in 50 ms$`));
      await unreachable.start(port);
      const handle = await starting;
      await unreachable.waitFor(() => lines.some((line) => line.includes('is polling')), 'polling');
      await handle.stop();
    } finally {
      await unreachable.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('polling ended by Telegram', () => {
  it('logs why (409: another process polls the same bot) and polls again', async () => {
    const h = await startTelegramHarness({ runtime: { pollingRestartMs: 100 } });
    try {
      await h.fake.waitFor(() => h.logs.some((line) => line.includes('is polling')), 'polling');
      h.fake.failNext('getUpdates', { status: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
      // The poll waiting now returns (with chatter the bot ignores); the next one is refused with 409.
      h.fake.userMessage(CHATS.team, 'just chatting', { from: USERS.dan });
      await h.fake.waitFor(() => h.logs.some((line) => line.includes("Telegram ended this bot's polling (409: Conflict")), 'the 409 log line');
      const [welcome] = await h.ask(USERS.ada.id, '/start', { from: USERS.ada });
      expect(welcome?.text).toMatch(/^Hello! Précis/);
    } finally {
      await h.close();
    }
  });
});
