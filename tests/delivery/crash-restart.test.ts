import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { FakeTelegram } from '../fakes/telegram/fake-telegram.ts';
import { repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { seedSenderDatabase } from './support/seed-sender-db.ts';

const tempDir = useTempDir();
const SENDER = join(repoRoot, 'tests/delivery/support/sender-process.ts');
let fake: FakeTelegram | null = null;

afterEach(async () => {
  await fake?.stop();
  fake = null;
});

function startSender(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', SENDER], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('a sender killed with SIGKILL at random moments', () => {
  it('still gets every digest to every chat exactly once, but for the one message in flight at each kill', async () => {
    fake = new FakeTelegram({ limits: null });
    // Answer each message a little after accepting it: kills land while messages are in flight.
    fake.delayResponses(1);
    const apiRoot = await fake.start();
    const db = join(tempDir(), 'precis.sqlite');
    const chats = 40;
    const slotAt = await seedSenderDatabase(db, fake, { chats, stories: 14, storiesPerDigest: 14 });
    const env = {
      PRECIS_TEST_DB: db,
      PRECIS_TEST_API_ROOT: apiRoot,
      PRECIS_TEST_TOKEN: fake.token,
      PRECIS_TEST_INSTANCE: 'sender',
      PRECIS_TEST_FAST: '1',
      // Fewer chats at once than chats: a kill finds many chats claimed but not yet recorded.
      PRECIS_TEST_CONCURRENCY: '4',
      PRECIS_TEST_SLOT: String(slotAt),
      LOG_LEVEL: 'error',
    };

    const kills = 3;
    for (let kill = 0; kill < kills; kill++) {
      const sender = startSender(env);
      const before = fake.messages.length;
      // Somewhere between the first message of this run and a bit further on.
      const at = before + 1 + Math.floor(Math.random() * 25);
      await waitFor(() => fake!.messages.length >= at || sender.child.exitCode !== null, 20_000);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 4)));
      sender.child.kill('SIGKILL');
      await sender.exited;
    }
    const last = startSender(env);
    expect(await last.exited, last.output()).toBe(0);

    // The ledger: every chat has its digest for the slot, finished and fully sent.
    const store = await openSqliteStore(db);
    const expected = new Map<string, string[]>();
    let parts = 0;
    for (const chat of await store.listChats()) {
      const deliveries = (await store.listDeliveries(chat.id)).filter((delivery) => delivery.slotAt === slotAt);
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]?.status).toBe('sent');
      const sent = await store.listDeliveryParts(deliveries[0]!.id);
      expect(sent.every((part) => part.sentAt !== null && part.messageId !== null)).toBe(true);
      expect(sent.length).toBeGreaterThan(1);
      parts += sent.length;
      expected.set(chat.chatId, sent.map((part) => (JSON.parse(part.payload) as { html: string }).html));
    }
    await store.close();
    expect(expected.size).toBe(chats);

    // The platform: each part arrived, in order; at most one extra copy per kill (the message in flight).
    let duplicates = 0;
    for (const [chatId, htmls] of expected) {
      const received = fake.messagesTo(Number(chatId)).map((message) => message.source);
      expect(new Set(received)).toEqual(new Set(htmls));
      duplicates += received.length - htmls.length;
    }
    expect(fake.messages.length).toBe(parts + duplicates);
    expect(duplicates).toBeLessThanOrEqual(kills);
  }, 120_000);
});
