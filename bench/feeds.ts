/**
 * Feed ingestion at scale: 1,000 feeds of 50 items served by local HTTP servers, polled through the
 * full path (safe fetch, decode, parse, normalize, dedupe, store in a temp SQLite file) at the default
 * concurrency, against the naive approach (rss-parser's parseURL over the same feeds at the same
 * concurrency, no conditional GET). Each side runs in its own child process so peak RSS is honest.
 * Cycles: 0 = first fetch (everything new), 1 = every feed changed (one new item each),
 * 2 = half the feeds unchanged (the server answers 304 to a conditional GET). Also the parse
 * throughput (MB/s) of decode + parse on a 3 MB feed.
 * Knobs: BENCH_FEEDS (default 1000), BENCH_ROUNDS (runs per side, best kept; default 2),
 * BENCH_MEMORY=1 (memory after each cycle), BENCH_PROFILE_CYCLE=n (CPU profile of one précis cycle).
 *
 * @example
 *   npm run bench -- feeds
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 1000);
const ITEMS = 50;
/** Feeds are spread over this many servers (distinct host:port), as real feeds come from many hosts. */
const HOSTS = 50;
const CONCURRENCY = 8; // fetching.concurrency's default
const CYCLES = ['first fetch (all new)', 'every feed changed', 'half unchanged (304)'] as const;
const WORDS = 'the council voted on tuesday night to approve a plan that will build homes on former dock land after a debate that lasted more than eleven hours while opponents said the site floods too often'.split(' ');

interface ChildReport {
  side: 'precis' | 'naive';
  cycles: { ms: number; fetched: number; notModified: number; failed: number; added: number }[];
  maxRssKb: number;
  /** RSS once its modules are loaded, before any work. */
  loadedRssKb: number;
}

type Message = { kind: 'cycle'; cycle: number } | { kind: 'ready' } | { kind: 'report'; report: ChildReport };

function itemXml(feed: number, index: number): string {
  const words = Array.from({ length: 110 }, (_, position) => WORDS[(feed * 7 + index * 3 + position) % WORDS.length]).join(' ');
  const date = new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toUTCString();
  return `<item><title>Feed ${feed} story ${index}: council approves plan</title><link>https://news${feed % HOSTS}.example/${feed}/${index}?utm_source=rss</link><guid isPermaLink="false">f${feed}-${index}</guid><pubDate>${date}</pubDate><dc:creator>Desk ${feed}</dc:creator><category>Local</category><description><![CDATA[<p>${words}.</p><p>${words.slice(0, 200)}.</p>]]></description></item>`;
}

/** Feed `feed` at version `version`: items version..version+49, newest (highest) first. */
function feedXml(feed: number, version: number): string {
  const items: string[] = [];
  for (let index = version + ITEMS - 1; index >= version; index--) items.push(itemXml(feed, index));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench feed ${feed}</title><link>https://news${feed % HOSTS}.example/</link><language>en</language>\n${items.join('\n')}\n</channel></rss>\n`;
}

async function parent(): Promise<void> {
  const versions = new Array<number>(FEEDS).fill(0);
  // Every body the three cycles serve, made up front so serving costs the same for both sides.
  const bodies = new Map<string, Buffer>();
  for (let feed = 0; feed < FEEDS; feed++) {
    for (let version = 0; version <= (feed % 2 === 0 ? 2 : 1); version++) bodies.set(`${feed}:${version}`, Buffer.from(feedXml(feed, version)));
  }
  const body = (feed: number) => bodies.get(`${feed}:${versions[feed] ?? 0}`) ?? Buffer.from(feedXml(feed, versions[feed] ?? 0));
  const servers: Server[] = [];
  const ports: number[] = [];
  for (let host = 0; host < HOSTS; host++) {
    const server = createServer((request, response) => {
      const feed = Number(/^\/feed\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
      if (!(feed >= 0 && feed < FEEDS)) {
        response.writeHead(404).end();
        return;
      }
      const etag = `"v${versions[feed] ?? 0}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
      response.end(body(feed));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    ports.push((server.address() as AddressInfo).port);
  }
  const urls = Array.from({ length: FEEDS }, (_, feed) => `http://127.0.0.1:${ports[feed % HOSTS] ?? 0}/feed/${feed}`);
  const totalBytes = urls.reduce((sum, _url, feed) => sum + body(feed).length, 0);
  console.log(`${FEEDS} feeds × ${ITEMS} items on ${HOSTS} local servers (${(totalBytes / 1024 / 1024).toFixed(1)} MB per full cycle), concurrency ${CONCURRENCY}`);

  const run = (side: 'precis' | 'naive') =>
    new Promise<ChildReport>((resolve, reject) => {
      versions.fill(0);
      const child: ChildProcess = fork(fileURLToPath(import.meta.url), [side], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.on('message', (message: Message) => {
        if (message.kind === 'cycle') {
          // cycle 1: every feed gets one new item; cycle 2: only even feeds do (odd ones are unchanged).
          if (message.cycle > 0) for (let feed = 0; feed < FEEDS; feed++) if (message.cycle === 1 || feed % 2 === 0) versions[feed] = (versions[feed] ?? 0) + 1;
          child.send({ kind: 'ready' } satisfies Message);
        } else if (message.kind === 'report') resolve(message.report);
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code !== 0) reject(new Error(`${side} child exited with ${code}`));
      });
      child.send({ kind: 'start', urls });
    });

  // The machine is shared: run each side twice, alternately, and keep each cycle's best time.
  const best = (reports: ChildReport[]): ChildReport => ({
    side: reports[0]?.side ?? 'precis',
    cycles: CYCLES.map((_name, cycle) => reports.map((report) => report.cycles[cycle]).filter((entry) => entry !== undefined).sort((a, b) => a.ms - b.ms)[0] ?? { ms: NaN, fetched: 0, notModified: 0, failed: 0, added: 0 }),
    maxRssKb: Math.max(...reports.map((report) => report.maxRssKb)),
    loadedRssKb: Math.max(...reports.map((report) => report.loadedRssKb)),
  });
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const precisRuns: ChildReport[] = [];
  const naiveRuns: ChildReport[] = [];
  for (let round = 0; round < rounds; round++) {
    precisRuns.push(await run('precis'));
    naiveRuns.push(await run('naive'));
  }
  const precis = best(precisRuns);
  const naive = best(naiveRuns);
  for (const server of servers) server.close();
  console.log(`(best of ${rounds} runs per side; peak RSS is the highest seen)`);

  const rows = CYCLES.map((name, cycle) => {
    const ours = precis.cycles[cycle];
    const theirs = naive.cycles[cycle];
    return { name, ours, theirs, ratio: ours && theirs ? ours.ms / theirs.ms : NaN };
  });
  console.log('\ncycle                        précis ms   feeds/s   fetched/304/failed   added │ naive ms   feeds/s │ ratio');
  for (const { name, ours, theirs, ratio } of rows) {
    if (!ours || !theirs) continue;
    console.log(
      `${name.padEnd(28)} ${ours.ms.toFixed(0).padStart(9)} ${((FEEDS * 1000) / ours.ms).toFixed(0).padStart(9)}   ${`${ours.fetched}/${ours.notModified}/${ours.failed}`.padStart(18)} ${String(ours.added).padStart(7)} │ ${theirs.ms.toFixed(0).padStart(8)} ${((FEEDS * 1000) / theirs.ms).toFixed(0).padStart(9)} │ ${ratio.toFixed(2)}×`,
    );
  }
  console.log(`\npeak RSS: précis ${(precis.maxRssKb / 1024).toFixed(0)} MB, naive ${(naive.maxRssKb / 1024).toFixed(0)} MB (ratio ${(precis.maxRssKb / naive.maxRssKb).toFixed(2)}×)`);
  console.log(`RSS once loaded, before any work: précis ${(precis.loadedRssKb / 1024).toFixed(0)} MB, naive ${(naive.loadedRssKb / 1024).toFixed(0)} MB`);

  const changed = rows[1]?.ratio ?? NaN;
  const half = rows[2]?.ratio ?? NaN;
  const rss = precis.maxRssKb / naive.maxRssKb;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(`targets: every feed changed ≤ 1.5× naive: ${changed.toFixed(2)}× ${verdict(changed <= 1.5)}; half unchanged ≤ 0.75×: ${half.toFixed(2)}× ${verdict(half <= 0.75)}; peak RSS ≤ naive: ${rss.toFixed(2)}× ${verdict(rss <= 1)}`);

  await parseThroughput();
}

/** decode + parse of a ~3 MB feed, best of several rounds: MB/s (and rss-parser alone, for scale). */
async function parseThroughput(): Promise<void> {
  const items: string[] = [];
  let size = 0;
  for (let index = 0; size < 3 * 1024 * 1024; index++) {
    const item = itemXml(index, index);
    items.push(item);
    size += item.length;
  }
  const bytes = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Big</title>${items.join('')}</channel></rss>`);
  const megabytes = bytes.length / 1024 / 1024;
  const best = async (work: () => Promise<unknown>) => {
    await work();
    let fastest = Infinity;
    for (let round = 0; round < 7; round++) {
      const started = performance.now();
      await work();
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  // rss-parser first, before parse-feed.ts is loaded (it switches off rss-parser's unused snippets).
  const { default: Parser } = await import('rss-parser');
  const parser = new Parser();
  const raw = await best(() => parser.parseString(bytes.toString('utf8')));
  const { decodeDocument } = await import('../src/feeds/decode-document.ts');
  const { parseFeed } = await import('../src/feeds/parse-feed.ts');
  const ours = await best(() => parseFeed(decodeDocument(bytes, 'application/rss+xml').text, 'https://big.example/feed'));
  console.log(
    `\nparse throughput on a ${megabytes.toFixed(1)} MB feed (${items.length} items): decode + parse ${(megabytes / (ours / 1000)).toFixed(1)} MB/s (${ours.toFixed(0)} ms); ` +
      `rss-parser parseString alone ${(megabytes / (raw / 1000)).toFixed(1)} MB/s (${raw.toFixed(0)} ms)`,
  );
}

/** BENCH_PROFILE_CYCLE=n writes a CPU profile of that cycle of the précis side to /tmp/precis-feeds-cycle-n.cpuprofile. */
async function startProfile(): Promise<() => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`/tmp/precis-feeds-cycle-${process.env.BENCH_PROFILE_CYCLE ?? ''}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  };
}

/** Child: waits for the parent to set up cycle `cycle` on the servers. */
function cycleReady(cycle: number): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: Message) => {
      if (message.kind === 'ready') {
        process.off('message', onMessage);
        resolve();
      }
    };
    process.on('message', onMessage);
    process.send?.({ kind: 'cycle', cycle } satisfies Message);
  });
}

async function precisSide(urls: string[]): Promise<ChildReport> {
  const { FeedPoller } = await import('../src/feeds/feed-poller.ts');
  const { createIngestContext } = await import('../src/feeds/ingest-context.ts');
  const { silentLogger } = await import('../src/logger.ts');
  const { openSqliteStore } = await import('../src/store/sqlite/open-sqlite-store.ts');
  const dir = mkdtempSync(join(tmpdir(), 'precis-bench-'));
  const store = await openSqliteStore(join(dir, 'bench.sqlite'));
  const config = {
    allowPrivateUrls: true,
    feeds: [],
    feedDefaults: { pollInterval: 600_000, maxAgeDays: 0, firstFetchNewest: 3, teaserWords: 80 },
    fetching: { concurrency: CONCURRENCY, perHostConcurrency: 2, connectTimeout: 10_000, timeout: 30_000, maxBodyMB: 5, pauseAfterFailures: 10, allowNetworks: [] },
  };
  const context = createIngestContext(config, store, silentLogger());
  let now = Date.UTC(2026, 0, 3);
  for (const [index, url] of urls.entries()) await store.upsertFeed({ id: `feed-${index}`, url, title: `Feed ${index}`, lang: null, origin: 'chat' }, now);
  const poller = new FeedPoller(context, { clock: { now: () => now, setTimeout: () => ({}), clearTimeout: () => undefined } });
  const loadedRssKb = process.memoryUsage().rss / 1024;
  const cycles: ChildReport['cycles'] = [];
  for (let cycle = 0; cycle < CYCLES.length; cycle++) {
    await cycleReady(cycle);
    now += 11 * 60_000; // every feed is due again
    const profile = process.env.BENCH_PROFILE_CYCLE === String(cycle) ? await startProfile() : null;
    const started = performance.now();
    const results = await poller.pollDue();
    const ms = performance.now() - started;
    await profile?.();
    if (process.env.BENCH_MEMORY) console.error(`précis cycle ${cycle} maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`, JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([key, value]) => [key, Math.round(value / 1048576)]))));
    cycles.push({
      ms,
      fetched: results.filter((result) => result.status === 'updated').length,
      notModified: results.filter((result) => result.status === 'not_modified').length,
      failed: results.filter((result) => result.status === 'failed').length,
      added: results.reduce((sum, result) => sum + (result.status === 'updated' ? result.added.length : 0), 0),
    });
  }
  await context.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { side: 'precis', cycles, maxRssKb: process.resourceUsage().maxRSS, loadedRssKb };
}

async function naiveSide(urls: string[]): Promise<ChildReport> {
  const { default: Parser } = await import('rss-parser');
  const parser = new Parser();
  const cycles: ChildReport['cycles'] = [];
  const loadedRssKb = process.memoryUsage().rss / 1024;
  for (let cycle = 0; cycle < CYCLES.length; cycle++) {
    await cycleReady(cycle);
    let next = 0;
    let fetched = 0;
    let failed = 0;
    let added = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < urls.length) {
          const url = urls[next++] ?? '';
          try {
            added += (await parser.parseURL(url)).items.length;
            fetched++;
          } catch {
            failed++;
          }
        }
      }),
    );
    cycles.push({ ms: performance.now() - started, fetched, notModified: 0, failed, added });
    if (process.env.BENCH_MEMORY) console.error(`naive cycle ${cycle} maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`, JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([key, value]) => [key, Math.round(value / 1048576)]))));
  }
  return { side: 'naive', cycles, maxRssKb: process.resourceUsage().maxRSS, loadedRssKb };
}

const role = process.argv[2];
if (role === 'precis' || role === 'naive') {
  process.once('message', (message: { kind: 'start'; urls: string[] }) => {
    void (role === 'precis' ? precisSide(message.urls) : naiveSide(message.urls)).then((report) => {
      process.send?.({ kind: 'report', report } satisfies Message, () => process.exit(0));
    });
  });
} else {
  await parent();
}
