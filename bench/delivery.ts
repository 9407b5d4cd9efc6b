/**
 * Delivery benchmark: one digest to each of 2,000 Telegram chats (half private, half groups)
 * through the real delivery core (scheduler catch-up, ledger, throttle) and the real grammY
 * client, against the local fake Bot API, which enforces Telegram's limits and answers 429 like
 * Telegram. The sender runs as a child process (tests/delivery/support/sender-process.ts):
 *   1. a full run: achieved messages/s against the 30/s limit, 429s, duplicates, lost, peak RSS;
 *   2. the same run killed with SIGKILL at 50% and restarted: duplicates (≤ 1, the message in
 *      flight) and lost (0).
 * Run: npm run bench -- delivery [chats]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeTelegram } from '../tests/fakes/telegram/fake-telegram.ts';
import { seedSenderDatabase } from '../tests/delivery/support/seed-sender-db.ts';

const CHATS = Number(process.argv[2] ?? 2000);
const TELEGRAM_GLOBAL_LIMIT = 30;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const SENDER = join(repoRoot, 'tests/delivery/support/sender-process.ts');

interface Sender {
  kill(): void;
  exited: Promise<{ code: number | null; peakRss: number | null }>;
}

function startSender(env: Record<string, string>): Sender {
  const child = spawn(process.execPath, ['--import', 'tsx', SENDER], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; peakRss: number | null }>((resolve) =>
    child.once('exit', (code) => {
      const report = /\{"done":true,"peakRss":(\d+)\}/.exec(output);
      resolve({ code, peakRss: report?.[1] ? Number(report[1]) : null });
    }),
  );
  return { kill: () => child.kill('SIGKILL'), exited };
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

interface Tally {
  messages: number;
  duplicates: number;
  lost: number;
}

function tally(fake: FakeTelegram, chatIds: readonly number[]): Tally {
  let duplicates = 0;
  let lost = 0;
  for (const chatId of chatIds) {
    const texts = fake.messagesTo(chatId).map((message) => message.source);
    duplicates += texts.length - new Set(texts).size;
    if (!texts.length) lost++;
  }
  return { messages: fake.messages.length, duplicates, lost };
}

async function run(label: string, killAtFraction: number | null): Promise<void> {
  const fake = new FakeTelegram();
  const apiRoot = await fake.start();
  const dir = mkdtempSync(join(tmpdir(), 'precis-bench-delivery-'));
  try {
    const db = join(dir, 'precis.sqlite');
    // Three short stories per digest: one message per chat.
    const slotAt = await seedSenderDatabase(db, fake, { chats: CHATS, stories: 3, storiesPerDigest: 3 });
    const chatIds = Array.from({ length: CHATS }, (_, index) => (index % 2 === 0 ? 10_000 + index : -(10_000 + index)));
    const env = { PRECIS_TEST_DB: db, PRECIS_TEST_API_ROOT: apiRoot, PRECIS_TEST_TOKEN: fake.token, PRECIS_TEST_INSTANCE: 'bench-sender', PRECIS_TEST_SLOT: String(slotAt), LOG_LEVEL: 'error' };

    const first = startSender(env);
    let peakRss: number | null = null;
    if (killAtFraction !== null) {
      await waitUntil(() => fake.messages.length >= Math.round(CHATS * killAtFraction));
      first.kill();
      await first.exited;
      const atKill = fake.messages.length;
      console.log(`  killed with SIGKILL after ${atKill} messages; restarting`);
      const second = startSender(env);
      const result = await second.exited;
      if (result.code !== 0) throw new Error(`the restarted sender exited with ${String(result.code)}`);
    } else {
      const result = await first.exited;
      if (result.code !== 0) throw new Error(`the sender exited with ${String(result.code)}`);
      peakRss = result.peakRss;
    }

    const counts = tally(fake, chatIds);
    const times = fake.messages.map((message) => message.at);
    const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
    const rate = (counts.messages - 1) / seconds;
    console.log(`\n${label}`);
    console.log(`  chats                ${CHATS} (${CHATS / 2} private, ${CHATS / 2} groups)`);
    console.log(`  messages accepted    ${counts.messages}`);
    if (killAtFraction === null) {
      console.log(`  sending time         ${seconds.toFixed(1)} s (first to last message)`);
      console.log(`  achieved rate        ${rate.toFixed(2)} msg/s = ${(rate / TELEGRAM_GLOBAL_LIMIT).toFixed(3)} of the ${TELEGRAM_GLOBAL_LIMIT}/s limit (target ≥ 0.9)`);
    }
    console.log(`  429 answers          ${fake.tooManyRequests} (target 0)`);
    console.log(`  duplicates           ${counts.duplicates} (target ${killAtFraction === null ? '0' : '≤ 1, the message in flight'})`);
    console.log(`  lost                 ${counts.lost} (target 0)`);
    if (peakRss !== null) console.log(`  sender peak RSS      ${(peakRss / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await run('Full run', null);
await run('Killed at 50% (SIGKILL) and restarted', 0.5);
