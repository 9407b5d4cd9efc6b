/**
 * The Discord bot against the strict fake Discord (tests/fakes/discord), through startService and the
 * real discord.js client: (1) a digest fanned out to N channels at once — messages per second against
 * Discord's 50 requests/s global limit (paced by the delivery core, with discord.js's own per-second
 * window as a safety net), and how many 429s it drew (target: none, and at least 75% of the limit);
 * meanwhile, members run /list in other channels: how long the answers take (interaction answers go
 * to the interaction's endpoints, outside the paced channel messages), p50 and p95;
 * (2) `/digest` answered end to end (interaction → deferred reply → embeds posted → reply edited),
 * p50 and p95 over 20 channels.
 *
 * @example
 *   npm run bench -- discord          # 500 channels
 *   npm run bench -- discord 2000
 */
import { deliverDigest } from '../src/delivery/deliver-digest.ts';
import { defaultChatSettings } from '../src/service/chat-defaults.ts';
import { startDiscordHarness } from '../tests/platforms/discord/discord-harness.ts';

const CHANNELS = Number(process.argv[2] ?? 500);
const DIGEST_RUNS = 20;
const COMMANDS_DURING = 20;
const GLOBAL_LIMIT_PER_SECOND = 50;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const bot = await startDiscordHarness();
try {
  const settings = defaultChatSettings(bot.service.config);
  const chats = [];
  for (let index = 0; index < CHANNELS; index++) {
    const channel = bot.newChannel(`fan-${index}`);
    const chat = await bot.service.store.ensureChat({ platform: 'discord', chatId: channel.id }, { kind: 'group', title: channel.name }, settings, Date.now());
    await bot.service.store.subscribe(chat.id, 'world-topics', Date.now());
    chats.push(chat);
  }
  const askers = Array.from({ length: COMMANDS_DURING }, (_, index) => bot.newChannel(`asker-${index}`));
  const started = performance.now();
  const fanOut = Promise.all(chats.map((chat) => deliverDigest(bot.service.delivery, chat, { kind: 'on_demand', slotKey: null })));
  // Commands arrive spread over the fan-out's first seconds.
  const listLatencies: number[] = [];
  const asking = askers.map(async (channel, index) => {
    await new Promise((resolve) => setTimeout(resolve, 200 + index * 250));
    const asked = performance.now();
    await bot.asMember(channel, 'list');
    listLatencies.push(performance.now() - asked);
  });
  const runs = await fanOut;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(asking);
  const sent = runs.filter((run) => run.outcome === 'sent').length;
  const tooMany = bot.fake.refusals.filter((refusal) => refusal.status === 429).length;
  const rate = sent / seconds;
  console.log(`fan-out: ${sent}/${CHANNELS} channels in ${seconds.toFixed(2)} s = ${rate.toFixed(1)} messages/s (Discord's global limit: ${GLOBAL_LIMIT_PER_SECOND}/s), 429 answers: ${tooMany}`);
  console.log(`/list answered during the fan-out: p50 ${percentile(listLatencies, 50).toFixed(0)} ms, p95 ${percentile(listLatencies, 95).toFixed(0)} ms (${COMMANDS_DURING} channels)`);

  const latencies: number[] = [];
  for (let index = 0; index < DIGEST_RUNS; index++) {
    const channel = bot.newChannel(`digest-${index}`);
    await bot.asAdmin(channel, 'subscribe', { feed: 'World Topics' });
    // Spaced out, so each is measured alone rather than queued behind discord.js's 50 requests/s limit.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const before = performance.now();
    const answer = await bot.asMember(channel, 'digest');
    latencies.push(performance.now() - before);
    if (!answer.content.includes('Here is the digest')) throw new Error(`/digest answered: ${answer.content}`);
  }
  console.log(`/digest end to end: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms (${DIGEST_RUNS} channels, 5 stories each)`);

  const ok = sent === CHANNELS && tooMany === 0 && rate >= GLOBAL_LIMIT_PER_SECOND * 0.75 && listLatencies.length === COMMANDS_DURING;
  console.log(ok ? 'discord bench: OK' : 'discord bench: BELOW TARGET (every channel served, no 429, at least 75% of the global limit, every command answered)');
  process.exitCode = ok ? 0 : 1;
} finally {
  await bot.close();
}
