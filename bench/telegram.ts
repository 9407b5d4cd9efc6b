/**
 * The Telegram bot against the strict fake Bot API (tests/fakes/telegram), through startService and
 * the real Telegram runtime (grammY, long polling): (1) a digest fanned out to N chats at once (half
 * private, half groups) — digest messages per second against Telegram's 30/s global limit, and the
 * 429s the whole run drew (target: none); (2) meanwhile, users in other private chats send /list:
 * how long their answers take while the fan-out holds the global limit, p50 and p95 (answers and
 * digests share one throttle, answers first: target p95 well under 1 s, the fan-out still at ≥ 0.9
 * of the limit); (3) /digest end to end in a quiet moment.
 *
 * @example
 *   npm run bench -- telegram          # 600 chats
 *   npm run bench -- telegram 1500
 */
import { deliverDigest } from '../src/delivery/deliver-digest.ts';
import { defaultChatSettings } from '../src/service/chat-defaults.ts';
import type { ChatRecord } from '../src/store/records.ts';
import { startTelegramHarness, USERS } from '../tests/platforms/telegram/telegram-harness.ts';

const CHATS = Number(process.argv[2] ?? 600);
const COMMANDS_DURING = 30;
const DIGEST_RUNS = 10;
const GLOBAL_LIMIT_PER_SECOND = 30;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const h = await startTelegramHarness({ env: { PRECIS_OPEN: '1', LOG_LEVEL: 'warn' } });
try {
  const { store } = h.service;
  const settings = { ...defaultChatSettings(h.service.config), stories: 3 };
  const chats: ChatRecord[] = [];
  for (let index = 0; index < CHATS; index++) {
    const id = index % 2 === 0 ? 50_000 + index : -(50_000 + index);
    h.fake.addChat(id > 0 ? { id, type: 'private', first_name: `Reader ${index}` } : { id, type: 'group', title: `Group ${index}` });
    const chat = await store.ensureChat({ platform: 'telegram', chatId: String(id) }, { kind: id > 0 ? 'private' : 'group', title: null }, settings, Date.now());
    await store.subscribe(chat.id, 'world-news', Date.now());
    chats.push(chat);
  }
  const askers = Array.from({ length: COMMANDS_DURING }, (_, index) => ({ id: 90_000 + index, first_name: `Asker ${index}` }));
  for (const user of askers) h.fake.addChat({ id: user.id, type: 'private', first_name: user.first_name });

  const before = h.fake.messages.length;
  const started = performance.now();
  const fanOut = Promise.all(chats.map((chat) => deliverDigest(h.service.delivery, chat, { kind: 'on_demand', slotKey: null })));
  // Commands arrive spread over the fan-out's first seconds.
  const replyLatencies: number[] = [];
  const asking = askers.map(async (user, index) => {
    await new Promise((resolve) => setTimeout(resolve, 200 + index * 250));
    const asked = performance.now();
    await h.ask(user.id, '/list', { from: user, timeoutMs: 60_000 });
    replyLatencies.push(performance.now() - asked);
  });
  const runs = await fanOut;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(asking);
  const digestMessages = h.fake.messages.slice(before).filter((message) => message.parse_mode === 'HTML');
  const times = digestMessages.map((message) => message.at);
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const rate = (digestMessages.length - 1) / ((last - first) / 1000);
  // Everything the bot posted while the digests went out: digests and the answers to /list.
  const all = h.fake.messages.slice(before).filter((message) => message.at >= first && message.at <= last).length;
  const allRate = (all - 1) / ((last - first) / 1000);
  const sent = runs.filter((run) => run.outcome === 'sent').length;
  const tooMany = h.fake.tooManyRequests;
  console.log(`fan-out: ${sent}/${CHATS} chats (${CHATS / 2} private, ${CHATS / 2} groups), ${digestMessages.length} messages in ${seconds.toFixed(1)} s = ${rate.toFixed(2)} msg/s = ${(rate / GLOBAL_LIMIT_PER_SECOND).toFixed(3)} of Telegram's ${GLOBAL_LIMIT_PER_SECOND}/s; 429 answers: ${tooMany}`);
  console.log(`all messages meanwhile (digests and answers): ${all} = ${allRate.toFixed(2)} msg/s = ${(allRate / GLOBAL_LIMIT_PER_SECOND).toFixed(3)} of the limit`);
  const [listP50, listP95] = [percentile(replyLatencies, 50), percentile(replyLatencies, 95)];
  console.log(`/list answered during the fan-out: p50 ${listP50.toFixed(0)} ms, p95 ${listP95.toFixed(0)} ms (${COMMANDS_DURING} users)`);

  const digestLatencies: number[] = [];
  await h.ask(USERS.ada.id, '/subscribe World News', { from: USERS.ada });
  for (let index = 0; index < DIGEST_RUNS; index++) {
    h.advance(31_000); // past the per-chat /digest cooldown
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past Telegram's one message a second per private chat
    const asked = performance.now();
    const messages = await h.ask(USERS.ada.id, '/digest', { from: USERS.ada });
    digestLatencies.push(performance.now() - asked);
    if (messages[0]?.parse_mode !== 'HTML') throw new Error(`/digest answered: ${messages[0]?.text ?? '(nothing)'}`);
  }
  console.log(`/digest end to end (command → first digest message): p50 ${percentile(digestLatencies, 50).toFixed(0)} ms, p95 ${percentile(digestLatencies, 95).toFixed(0)} ms (${DIGEST_RUNS} runs)`);

  const ok = sent === CHATS && rate >= GLOBAL_LIMIT_PER_SECOND * 0.9 && h.fake.tooManyRequests === 0 && replyLatencies.length === COMMANDS_DURING && listP95 < 1000;
  console.log(
    ok ? 'telegram bench: OK' : 'telegram bench: BELOW TARGET (every chat served, at least 90% of the global limit, no 429, every command answered, /list p95 under 1 s during the fan-out)',
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await h.close();
}
