/**
 * Feed ingestion at scale: 1,000 feeds of 50 items served by local HTTP servers, polled through the
 * full path (safe fetch, decode, parse, normalize, dedupe, store in a temp SQLite file) at the default
 * concurrency, against the naive approach (rss-parser's parseURL over the same feeds at the same
 * concurrency, no conditional GET). Each side runs in its own child process, started the same way.
 * Cycles: 0 = first fetch (everything new), 1 = every feed changed (one new item each),
 * 2 = half the feeds unchanged (the server answers 304 to a conditional GET). Also the parse
 * throughput (MB/s) of decode + parse on a 3 MB feed.
 * Two runtimes, both sides alike: `source` (node --import tsx, Précis from src/, as `npm start` in a
 * clone) and `compiled` (plain node, Précis from a tsc build of src/, as the Docker image runs).
 * Précis runs with the settings it runs with in production (the environment and node flags of the
 * `start` script, which the Dockerfile must match); the naive script with Node's defaults.
 * Peak RSS is each child's own high-water mark (VmHWM, reset per cycle): getrusage's maxRSS is not
 * used because a forked child inherits the parent's RSS in it (here, every feed body in memory).
 * Knobs: BENCH_FEEDS (default 1000), BENCH_ROUNDS (runs per side, best time kept; default 3),
 * BENCH_MODES (default "source,compiled"), BENCH_PROFILE_CYCLE=n (CPU profile of one précis cycle).
 *
 * @example
 *   npm run bench -- feeds
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

type Side = 'precis' | 'naive';
type Mode = 'source' | 'compiled';
const MODES: readonly Mode[] = (process.env.BENCH_MODES ?? 'source,compiled').split(',').filter((mode): mode is Mode => mode === 'source' || mode === 'compiled');
const REPO = new URL('../', import.meta.url);
/** Where the compiled mode puts its tsc build of src/ and the bench's own child script. */
const BUILD_DIR = new URL('node_modules/.cache/precis-bench/', REPO);

/** Memory of a child at one moment, in KB (heap and external from process.memoryUsage()). */
interface MemoryPoint {
  rssKb: number;
  heapKb: number;
  externalKb: number;
}

interface CycleReport {
  ms: number;
  fetched: number;
  notModified: number;
  failed: number;
  added: number;
  /** The child's own RSS high-water mark during this cycle. */
  peakRssKb: number;
  /** Heap (V8 total) and external memory at the highest RSS sampled during the cycle. */
  atPeak: MemoryPoint;
}

interface ChildReport {
  side: Side;
  cycles: CycleReport[];
  /** RSS once its modules are loaded (and, for Précis, the store opened with the feeds), before any work. */
  loaded: MemoryPoint;
  /** The high-water mark while loading. */
  loadPeakRssKb: number;
}

type Message = { kind: 'cycle'; cycle: number } | { kind: 'ready' } | { kind: 'report'; report: ChildReport };

/**
 * How Précis runs in production: the environment settings and node flags of package.json's
 * `start` script (`[VAR=value …] exec node <flags> bin/precis.js start`). Warns when the
 * Dockerfile does not set the same (its ENV lines and its CMD's flags).
 */
function productionSettings(): { env: Record<string, string>; flags: string[] } {
  const manifest = JSON.parse(readFileSync(new URL('package.json', REPO), 'utf8')) as { scripts?: Record<string, string> };
  const start = /^((?:\w+=\S+\s+)*)(?:exec\s+)?node\s+((?:--\S+\s+)*)bin\/precis\.js\b/.exec(manifest.scripts?.start ?? '');
  if (!start) throw new Error('bench: package.json\'s start script does not run `[VAR=value …] exec node [flags] bin/precis.js`');
  const env = Object.fromEntries((start[1] ?? '').split(/\s+/).filter(Boolean).map((pair) => pair.split('=') as [string, string]));
  const flags = (start[2] ?? '').split(/\s+/).filter(Boolean);
  const dockerfile = readFileSync(new URL('Dockerfile', REPO), 'utf8');
  const command = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile)?.[1];
  const dockerFlags = command ? (JSON.parse(command) as string[]).filter((part) => part.startsWith('--')) : [];
  if (dockerFlags.join(' ') !== flags.join(' ')) console.error(`bench: the Dockerfile's CMD flags (${dockerFlags.join(' ')}) differ from npm start's (${flags.join(' ')})`);
  for (const [name, value] of Object.entries(env)) {
    if (!new RegExp(`^ENV\\s+${name}=${value}\\s*$`, 'm').test(dockerfile)) console.error(`bench: the Dockerfile does not set ENV ${name}=${value} as npm start does`);
  }
  return { env, flags };
}

const KB = 1024;
const statusKb = (field: string): number | null => {
  try {
    const match = new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
};

/** This process's own peak RSS (Linux VmHWM); elsewhere getrusage's, which may include the parent's. */
function peakRssKb(): number {
  return statusKb('VmHWM') ?? process.resourceUsage().maxRSS;
}

/** Starts a new high-water mark from the current RSS (Linux: /proc/self/clear_refs "5"). */
function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the peak then covers the whole run so far
  }
}

function memoryPoint(): MemoryPoint {
  const usage = process.memoryUsage();
  return { rssKb: usage.rss / KB, heapKb: usage.heapTotal / KB, externalKb: usage.external / KB };
}

/** Samples memory every 25 ms while `work` runs; returns its result with the RSS peak and the sample at the highest RSS. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; peakRssKb: number; atPeak: MemoryPoint; ms: number }> {
  resetPeakRss();
  let atPeak = memoryPoint();
  const sampler = setInterval(() => {
    const point = memoryPoint();
    if (point.rssKb > atPeak.rssKb) atPeak = point;
  }, 25);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { result, peakRssKb: peakRssKb(), atPeak, ms };
}

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

  const compiledChild = MODES.includes('compiled') ? buildCompiled() : null;
  const production = productionSettings();
  const settings = [...Object.entries(production.env).map(([name, value]) => `${name}=${value}`), ...production.flags].join(' ');
  console.log(`précis runs as in production (npm start, Docker): ${settings || '(no settings)'}; the naive script with Node's defaults`);
  const run = (mode: Mode, side: Side) =>
    new Promise<ChildReport>((resolve, reject) => {
      versions.fill(0);
      // Both sides of a mode start the same way; only what they import differs, and Précis's production flags.
      const flags = side === 'precis' ? production.flags : [];
      const env = { ...process.env, ...(side === 'precis' ? production.env : {}) };
      const child: ChildProcess =
        mode === 'source'
          ? fork(fileURLToPath(import.meta.url), [side], { execArgv: ['--import', 'tsx', ...flags], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
          : fork(compiledChild ?? '', [side], { execArgv: flags, env: { ...env, PRECIS_BENCH_BUILD: new URL('dist/', BUILD_DIR).href }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

  // The machine is shared: run each side several times, alternately, and keep each cycle's best time.
  const best = (reports: ChildReport[]): ChildReport => ({
    side: reports[0]?.side ?? 'precis',
    cycles: CYCLES.map((_name, cycle) => {
      const runs = reports.map((report) => report.cycles[cycle]).filter((entry) => entry !== undefined);
      const fastest = [...runs].sort((a, b) => a.ms - b.ms)[0];
      const highest = [...runs].sort((a, b) => b.peakRssKb - a.peakRssKb)[0];
      if (!fastest || !highest) return { ms: NaN, fetched: 0, notModified: 0, failed: 0, added: 0, peakRssKb: NaN, atPeak: { rssKb: NaN, heapKb: NaN, externalKb: NaN } };
      return { ...fastest, peakRssKb: highest.peakRssKb, atPeak: highest.atPeak };
    }),
    loaded: [...reports].sort((a, b) => b.loaded.rssKb - a.loaded.rssKb)[0]?.loaded ?? { rssKb: NaN, heapKb: NaN, externalKb: NaN },
    loadPeakRssKb: Math.max(...reports.map((report) => report.loadPeakRssKb)),
  });
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const results: { mode: Mode; precis: ChildReport; naive: ChildReport }[] = [];
  for (const mode of MODES) {
    const precisRuns: ChildReport[] = [];
    const naiveRuns: ChildReport[] = [];
    for (let round = 0; round < rounds; round++) {
      precisRuns.push(await run(mode, 'precis'));
      naiveRuns.push(await run(mode, 'naive'));
    }
    results.push({ mode, precis: best(precisRuns), naive: best(naiveRuns) });
  }
  for (const server of servers) server.close();
  console.log(`(best time of ${rounds} runs per side; memory: the highest seen)`);

  const mb = (kb: number) => (kb / KB).toFixed(0);
  const peakOf = (report: ChildReport) => Math.max(report.loadPeakRssKb, ...report.cycles.map((cycle) => cycle.peakRssKb));
  const verdicts: string[] = [];
  for (const { mode, precis, naive } of results) {
    const rows = CYCLES.map((name, cycle) => {
      const ours = precis.cycles[cycle];
      const theirs = naive.cycles[cycle];
      return { name, ours, theirs, ratio: ours && theirs ? ours.ms / theirs.ms : NaN };
    });
    console.log(`\n[${mode}] ${mode === 'source' ? 'node --import tsx, Précis from src/' : 'plain node, Précis from a tsc build of src/ (as the Docker image)'}`);
    console.log('cycle                        précis ms   feeds/s   fetched/304/failed   added │ naive ms   feeds/s │ ratio');
    for (const { name, ours, theirs, ratio } of rows) {
      if (!ours || !theirs) continue;
      console.log(
        `${name.padEnd(28)} ${ours.ms.toFixed(0).padStart(9)} ${((FEEDS * 1000) / ours.ms).toFixed(0).padStart(9)}   ${`${ours.fetched}/${ours.notModified}/${ours.failed}`.padStart(18)} ${String(ours.added).padStart(7)} │ ${theirs.ms.toFixed(0).padStart(8)} ${((FEEDS * 1000) / theirs.ms).toFixed(0).padStart(9)} │ ${ratio.toFixed(2)}×`,
      );
    }
    console.log('memory, MB          loaded (heap)   peak loading │ peak in cycle 0 / 1 / 2 (heap+external at peak)          │ peak');
    for (const report of [precis, naive]) {
      const cycles = report.cycles.map((cycle) => `${mb(cycle.peakRssKb).padStart(4)} (${mb(cycle.atPeak.heapKb)}+${mb(cycle.atPeak.externalKb)})`.padEnd(17)).join(' ');
      console.log(`${(report.side === 'precis' ? 'précis' : 'naive').padEnd(19)} ${`${mb(report.loaded.rssKb)} (${mb(report.loaded.heapKb)})`.padStart(13)} ${mb(report.loadPeakRssKb).padStart(14)} │ ${cycles.padEnd(55)} │ ${mb(peakOf(report)).padStart(4)}`);
    }
    const changed = rows[1]?.ratio ?? NaN;
    const half = rows[2]?.ratio ?? NaN;
    const rss = peakOf(precis) / peakOf(naive);
    const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    const line = `[${mode}] every feed changed ≤ 1.5× naive: ${changed.toFixed(2)}× ${verdict(changed <= 1.5)}; half unchanged ≤ 0.75×: ${half.toFixed(2)}× ${verdict(half <= 0.75)}; peak RSS ≤ naive: ${mb(peakOf(precis))} / ${mb(peakOf(naive))} MB = ${rss.toFixed(2)}× ${verdict(rss <= 1)}`;
    verdicts.push(line);
  }
  console.log(`\ntargets:\n${verdicts.join('\n')}`);

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

/**
 * A Précis module for the child: from src/ (under tsx) or, in the compiled mode, from the build
 * the parent made (PRECIS_BENCH_BUILD).
 */
function precisModule<T>(path: string): Promise<T> {
  const build = process.env.PRECIS_BENCH_BUILD;
  return import(build ? new URL(`${path}.js`, build).href : new URL(`../src/${path}.ts`, import.meta.url).href) as Promise<T>;
}

async function precisSide(urls: string[]): Promise<ChildReport> {
  resetPeakRss();
  const { FeedPoller } = await precisModule<typeof import('../src/feeds/feed-poller.ts')>('feeds/feed-poller');
  const { createIngestContext } = await precisModule<typeof import('../src/feeds/ingest-context.ts')>('feeds/ingest-context');
  const { silentLogger } = await precisModule<typeof import('../src/logger.ts')>('logger');
  const { openSqliteStore } = await precisModule<typeof import('../src/store/sqlite/open-sqlite-store.ts')>('store/sqlite/open-sqlite-store');
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
  const loaded = memoryPoint();
  const loadPeakRssKb = peakRssKb();
  const cycles: CycleReport[] = [];
  for (let cycle = 0; cycle < CYCLES.length; cycle++) {
    await cycleReady(cycle);
    now += 11 * 60_000; // every feed is due again
    const profile = process.env.BENCH_PROFILE_CYCLE === String(cycle) ? await startProfile() : null;
    const { result: summary, ms, peakRssKb: cyclePeak, atPeak } = await measured(() => poller.pollDue());
    await profile?.();
    cycles.push({ ms, fetched: summary.updated, notModified: summary.notModified, failed: summary.failed, added: summary.added, peakRssKb: cyclePeak, atPeak });
  }
  await context.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { side: 'precis', cycles, loaded, loadPeakRssKb };
}

async function naiveSide(urls: string[]): Promise<ChildReport> {
  resetPeakRss();
  const { default: Parser } = await import('rss-parser');
  const parser = new Parser();
  const cycles: CycleReport[] = [];
  const loaded = memoryPoint();
  const loadPeakRssKb = peakRssKb();
  for (let cycle = 0; cycle < CYCLES.length; cycle++) {
    await cycleReady(cycle);
    let next = 0;
    let fetched = 0;
    let failed = 0;
    let added = 0;
    const { ms, peakRssKb: cyclePeak, atPeak } = await measured(() =>
      Promise.all(
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
      ),
    );
    cycles.push({ ms, fetched, notModified: 0, failed, added, peakRssKb: cyclePeak, atPeak });
  }
  return { side: 'naive', cycles, loaded, loadPeakRssKb };
}

/**
 * The compiled mode's inputs: src/ built by tsc (the production build's settings) and this
 * script with its types stripped. Returns the child script's path.
 */
function buildCompiled(): string {
  const require = createRequire(import.meta.url);
  mkdirSync(BUILD_DIR, { recursive: true });
  const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', fileURLToPath(new URL('tsconfig.build.json', REPO)), '--outDir', fileURLToPath(new URL('dist/', BUILD_DIR)), '--sourceMap', 'false'], { encoding: 'utf8' });
  // tsc still emits when some unrelated file does not typecheck; the feed path is what runs here.
  if (build.status !== 0) console.error(`bench: tsc reported problems (the build was still emitted):\n${(build.stdout + build.stderr).split('\n').slice(0, 5).join('\n')}`);
  const ts = require('typescript') as typeof import('typescript');
  const script = fileURLToPath(new URL('feeds.mjs', BUILD_DIR));
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  writeFileSync(script, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  return script;
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
