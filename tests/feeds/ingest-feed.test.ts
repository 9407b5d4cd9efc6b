import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFeed, ingestFeeds } from '../../src/feeds/ingest-feed.ts';
import { MAX_BACKOFF_MS } from '../../src/feeds/poll-schedule.ts';
import { addFeed, ingestSetup, reload, testIngestConfig } from './ingest-helpers.ts';
import { rssDocument, startLocalServer, type LocalServer } from './local-server.ts';

const NOW = Date.parse('2024-11-06T12:00:00Z');
const HOUR = 3_600_000;

let server: LocalServer;
let setup: Awaited<ReturnType<typeof ingestSetup>>;
let document = '';
let headers: Record<string, string> = {};

beforeEach(async () => {
  server = await startLocalServer();
  setup = await ingestSetup();
  headers = {};
  server.route('/feed', (request, response) => {
    if (headers.etag && request.headers['if-none-match'] === headers.etag) {
      response.writeHead(304);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml', ...headers });
    response.end(document);
  });
});

afterEach(async () => {
  await setup.close();
  await server.close();
});

const items = (count: number, prefix = 'item', hoursApart = 1) =>
  Array.from({ length: count }, (_, index) => ({ guid: `${prefix}-${index}`, title: `Story number ${index} of ${prefix}`, date: new Date(NOW - (index + 1) * hoursApart * HOUR) }));

async function freshTitles() {
  return (await setup.store.listArticles({ feedIds: ['f'], seenAfter: 0, seenUntil: Number.MAX_SAFE_INTEGER, limit: 100 })).map((article) => article.title);
}

describe('ingestFeed: first fetch, age, dedupe', () => {
  it('stores the back catalogue but only the newest few count as new on a first fetch', async () => {
    document = rssDocument('Feed', items(10));
    const feed = await addFeed(setup.store, 'f', server.url('/feed'), NOW);
    const result = await ingestFeed(setup.context, feed, NOW);
    expect(result).toMatchObject({ status: 'updated' });
    expect(result.status === 'updated' && result.added).toHaveLength(10);
    expect(await freshTitles()).toEqual(['Story number 0 of item', 'Story number 1 of item', 'Story number 2 of item']);
  });

  it('keeps the back catalogue for dedupe only (no text), and recognises it after a restart (cold memory)', async () => {
    document = rssDocument('Feed', items(5));
    const first = await ingestFeed(setup.context, await addFeed(setup.store, 'f', server.url('/feed'), NOW), NOW);
    const stored = await setup.store.getArticles(first.status === 'updated' ? first.added.map((article) => article.id) : []);
    expect(stored.map((article) => [article.fresh, article.paragraphs.length > 0, article.html !== null])).toEqual([
      [true, true, true],
      [true, true, true],
      [true, true, true],
      [false, false, false],
      [false, false, false],
    ]);
    const restarted = await ingestSetup();
    const context = { ...restarted.context, store: setup.store };
    document = rssDocument('Feed', [{ guid: 'item-new', title: 'After the restart', date: new Date(NOW) }, ...items(5)]);
    const result = await ingestFeed(context, await reload(setup.store, 'f'), NOW + HOUR);
    expect(result.status === 'updated' && result.added.map((article) => article.title)).toEqual(['After the restart']);
    await restarted.close();
  });

  it('never counts items older than the age limit as new, on any fetch', async () => {
    document = rssDocument('Feed', items(2, 'old', 50));
    await ingestFeed(setup.context, await addFeed(setup.store, 'f', server.url('/feed'), NOW), NOW);
    expect(await freshTitles()).toEqual(['Story number 0 of old']);
    document = rssDocument('Feed', [{ guid: 'ancient', title: 'A very old story', date: new Date(NOW - 10 * 24 * HOUR) }, ...items(2, 'old', 50)]);
    const second = await ingestFeed(setup.context, await reload(setup.store, 'f'), NOW + HOUR);
    expect(second.status === 'updated' && second.added.map((article) => [article.title, article.fresh])).toEqual([['A very old story', false]]);
  });

  it('delivers an item once: re-ordered, re-issued with new guids, or the same URL under a new guid', async () => {
    document = rssDocument('Feed', items(3));
    await ingestFeed(setup.context, await addFeed(setup.store, 'f', server.url('/feed'), NOW), NOW);
    const reordered = [...items(3)].reverse();
    document = rssDocument('Feed', reordered);
    expect(await ingestFeed(setup.context, await reload(setup.store, 'f'), NOW + HOUR)).toMatchObject({ added: [] });
    document = rssDocument('Feed', items(3).map((item) => ({ ...item, guid: `${item.guid}-reissued`, link: `https://news.example/other/${item.guid}` })));
    expect(await ingestFeed(setup.context, await reload(setup.store, 'f'), NOW + 2 * HOUR)).toMatchObject({ added: [] });
    document = rssDocument('Feed', items(3).map((item) => ({ ...item, guid: `${item.guid}-v2`, title: `${item.title} (updated)`, link: `https://news.example/${item.guid}?utm_source=rss` })));
    expect(await ingestFeed(setup.context, await reload(setup.store, 'f'), NOW + 3 * HOUR)).toMatchObject({ added: [] });
    document = rssDocument('Feed', [{ guid: 'brand-new', title: 'A brand new story', date: new Date(NOW) }, ...items(3)]);
    const fresh = await ingestFeed(setup.context, await reload(setup.store, 'f'), NOW + 4 * HOUR);
    expect(fresh.status === 'updated' && fresh.added.map((article) => [article.title, article.fresh])).toEqual([['A brand new story', true]]);
  });
});

describe('ingestFeed: conditional GET and poll schedule', () => {
  it('sends the stored ETag and treats 304 as nothing new, without parsing', async () => {
    document = rssDocument('Feed', items(2));
    headers = { etag: '"abc"' };
    await ingestFeed(setup.context, await addFeed(setup.store, 'f', server.url('/feed'), NOW), NOW);
    expect((await reload(setup.store, 'f')).etag).toBe('"abc"');
    document = 'this is not XML: parsing it would fail';
    const second = await ingestFeed(setup.context, await reload(setup.store, 'f'), NOW + HOUR);
    expect(second).toEqual({ feedId: 'f', status: 'not_modified' });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"abc"');
    expect((await reload(setup.store, 'f')).nextFetchAt).toBe(NOW + HOUR + 600_000 * 1.05);
  });

  it('polls at the configured interval, lengthened by the feed’s own hints (ttl, Cache-Control)', async () => {
    document = rssDocument('Feed', items(1), '<ttl>120</ttl>');
    await ingestFeed(setup.context, await addFeed(setup.store, 'f', server.url('/feed'), NOW), NOW);
    expect((await reload(setup.store, 'f')).nextFetchAt).toBe(NOW + 2 * HOUR * 1.05);
    document = rssDocument('Feed', items(1));
    headers = { 'cache-control': 'max-age=3600' };
    await ingestFeed(setup.context, await reload(setup.store, 'f'), NOW);
    expect((await reload(setup.store, 'f')).nextFetchAt).toBe(NOW + HOUR * 1.05);
    headers = { 'cache-control': 'max-age=60' };
    await ingestFeed(setup.context, await reload(setup.store, 'f'), NOW);
    expect((await reload(setup.store, 'f')).nextFetchAt).toBe(NOW + 600_000 * 1.05);
  });

  it('backs off exponentially on failure and honours Retry-After', async () => {
    server.route('/down', (_request, response) => {
      response.writeHead(500);
      response.end();
    });
    const delays: number[] = [];
    await addFeed(setup.store, 'down', server.url('/down'), NOW);
    const { context } = await ingestSetup(testIngestConfig({ fetching: { pauseAfterFailures: 100 } }));
    const local = { ...context, store: setup.store };
    for (let attempt = 0; attempt < 8; attempt++) {
      await ingestFeed(local, await reload(setup.store, 'down'), NOW);
      delays.push(((await reload(setup.store, 'down')).nextFetchAt ?? 0) - NOW);
    }
    await context.close();
    expect(delays.slice(0, 4)).toEqual([600_000, 1_200_000, 2_400_000, 4_800_000]);
    expect(delays.at(-1)).toBe(MAX_BACKOFF_MS);
    server.route('/busy', (_request, response) => {
      response.writeHead(429, { 'retry-after': '36000' });
      response.end();
    });
    const result = await ingestFeed(setup.context, await addFeed(setup.store, 'busy', server.url('/busy'), NOW), NOW);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'rate_limited', facts: { retryAfterMs: 36_000_000 } } });
    expect((await reload(setup.store, 'busy')).nextFetchAt).toBe(NOW + 36_000_000);
  });
});

describe('ingestFeed: failures, pause and resume', () => {
  it('pauses a feed after N failures in a row, tells once, and resumes when it works again', async () => {
    let up = false;
    server.route('/flaky', (_request, response) => {
      if (!up) {
        response.writeHead(502);
        response.end();
        return;
      }
      response.end(rssDocument('Flaky', items(1, 'flaky')));
    });
    await addFeed(setup.store, 'flaky', server.url('/flaky'), NOW);
    const results = [];
    for (let attempt = 0; attempt < 5; attempt++) results.push(await ingestFeed(setup.context, await reload(setup.store, 'flaky'), NOW + attempt));
    expect(results.map((result) => result.status === 'failed' && result.paused)).toEqual([false, false, true, true, true]);
    expect(setup.events.map((event) => event.kind)).toEqual(['paused']);
    expect(setup.events[0]).toMatchObject({ feed: { id: 'flaky' }, error: { code: 'http_error', detail: 'HTTP 502' } });
    const paused = await reload(setup.store, 'flaky');
    expect(paused.pausedAt).toBe(NOW + 2);
    expect(paused.lastError).toMatch(/HTTP 502/);
    up = true;
    expect(await ingestFeed(setup.context, paused, NOW + 10)).toMatchObject({ status: 'updated' });
    expect(setup.events.map((event) => event.kind)).toEqual(['paused', 'resumed']);
    expect(await reload(setup.store, 'flaky')).toMatchObject({ pausedAt: null, failureCount: 0, lastError: null });
  });

  it('a malformed or unreachable feed never stops the others', async () => {
    document = rssDocument('Good', items(2, 'good'));
    server.route('/broken', (_request, response) => response.end('<rss><channel><item><title>oops</channel></rss>'));
    const feeds = [
      await addFeed(setup.store, 'broken', server.url('/broken'), NOW),
      await addFeed(setup.store, 'f', server.url('/feed'), NOW),
      await addFeed(setup.store, 'html', server.url('/nowhere'), NOW),
    ];
    const results = await ingestFeeds(setup.context, feeds, NOW);
    expect(results.map((result) => result.status)).toEqual(['failed', 'updated', 'failed']);
    expect(results[0]).toMatchObject({ error: { code: 'malformed', url: server.url('/broken') } });
    expect(results[2]).toMatchObject({ error: { code: 'not_found' } });
  });

  it('does not blame the feed for an internal failure (the database): no pause', async () => {
    document = rssDocument('Feed', items(2));
    const broken = Object.create(setup.store) as typeof setup.store;
    broken.insertNewArticles = () => Promise.reject(new Error('disk I/O error'));
    const context = { ...setup.context, store: broken };
    await addFeed(setup.store, 'f', server.url('/feed'), NOW);
    const results = [];
    for (let attempt = 0; attempt < 4; attempt++) results.push(await ingestFeed(context, await reload(setup.store, 'f'), NOW));
    expect(results.at(-1)).toMatchObject({ status: 'failed', paused: false, error: { code: 'internal', detail: 'internal error: disk I/O error' } });
    expect(setup.events).toEqual([]);
  });

    it('never reads a local file for a feed added from a chat', async () => {
    const result = await ingestFeed(setup.context, await addFeed(setup.store, 'local', 'file:///etc/passwd', NOW), NOW);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'unsupported_url' } });
  });
});

describe('ingestFeed: full text for teasers', () => {
  it('fetches the page of a teaser item, extracts the main text, and caches it by URL', async () => {
    const article = `<html><head><title>Full story</title></head><body><nav>Menu Home About</nav><article><h1>Full story</h1>${Array.from(
      { length: 6 },
      (_, index) => `<p>Paragraph ${index} of the full story tells what happened in detail, with names, numbers and quotes that a teaser never has room for.</p>`,
    ).join('')}</article><footer>Copyright</footer></body></html>`;
    server.route('/story', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(article);
    });
    document = rssDocument('Teasers', [{ guid: 't1', title: 'Teaser', link: server.url('/story'), date: new Date(NOW - HOUR), body: 'Only a short teaser.' }]);
    const result = await ingestFeed(setup.context, await addFeed(setup.store, 'f', server.url('/feed'), NOW), NOW);
    const [stored] = await setup.store.getArticles(result.status === 'updated' ? result.added.map((article) => article.id) : []);
    expect(stored?.paragraphs).toHaveLength(6);
    expect(stored?.paragraphs[0]).toMatch(/^Paragraph 0 of the full story/);
    expect(stored?.html).toContain('<p>Paragraph 5');
    expect(await setup.store.getArticlePage(server.url('/story'))).toMatchObject({ error: null, title: 'Full story' });
    const pageFetches = () => server.requests.filter((request) => request.path === '/story').length;
    expect(pageFetches()).toBe(1);
    await setup.context.fullText?.get(server.url('/story'), NOW + HOUR);
    expect(pageFetches()).toBe(1);
  });
});
