import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.ts';
import { runCommand } from '../../src/commands/command-registry.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { consoleChannel } from '../../src/delivery/console-channel.ts';
import { feedsToOpml } from '../../src/feeds/opml.ts';
import { silentLogger } from '../../src/logger.ts';
import { defaultChatSettings } from '../../src/service/chat-defaults.ts';
import { startService, type ServiceHandle } from '../../src/service/start-service.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { rssDocument, startLocalServer, type LocalServer } from '../feeds/local-server.ts';
import { repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
let handle: ServiceHandle | null = null;
let server: LocalServer | null = null;

afterEach(async () => {
  await handle?.stop();
  await server?.close();
  handle = null;
  server = null;
});

/** The real service with three configured feeds, `limits.feedsPerChat: 2`, and a loopback feed server. */
async function limitedService(): Promise<{ running: ServiceHandle; feeds: LocalServer }> {
  const dir = tempDir();
  const config = join(dir, 'precis.yaml');
  const names = ['Un', 'Deux', 'Trois'];
  for (const name of names) copyFileSync(join(repoRoot, 'config/samples/actualites-fr.xml'), join(dir, `${name}.xml`));
  writeFileSync(
    config,
    ['feeds:', ...names.flatMap((name) => [`  - name: ${name}`, `    file: ${name}.xml`]), 'limits:', '  feedsPerChat: 2', 'health:', `  heartbeat: ${join(dir, 'heartbeat.json')}`].join('\n'),
  );
  server = await startLocalServer();
  server.route('/extra.xml', (_request, response) => response.end(rssDocument('Extra', [{ guid: 'a', title: 'An item' }])));
  handle = await startService({
    config: loadConfig({ PRECIS_CONFIG: config, PRECIS_ALLOW_PRIVATE_URLS: '1' }, dir),
    store: await openSqliteStore(':memory:'),
    log: silentLogger(),
    platforms: [{ channel: consoleChannel(new PassThrough()), start: () => Promise.resolve(), stop: () => Promise.resolve() }],
    instanceId: 'test',
  });
  return { running: handle, feeds: server };
}

async function contextFor(running: ServiceHandle, args: string, attachment?: CommandContext['attachment']): Promise<CommandContext> {
  const { service } = running;
  const chat = await service.store.ensureChat({ platform: 'console', chatId: 'c1' }, { kind: 'group', title: null }, defaultChatSettings(service.config), Date.now());
  return { service, chat, user: { id: 'u', name: null }, lang: 'en', args, attachment: attachment ?? null, canManage: () => Promise.resolve(true) };
}

describe('limits.feedsPerChat', () => {
  it('stops /subscribe all at the limit and names what was left out', async () => {
    const { running } = await limitedService();
    const answer = await runCommand('subscribe', await contextFor(running, 'all'));
    expect(answer).toMatchObject({ kind: 'text', text: expect.stringMatching(/^Subscribed to \p{L}+, \p{L}+\.\nNot added, this chat is at its limit of 2 feeds \(limits\.feedsPerChat\): \p{L}+\.$/u) as string });
    const chat = await running.service.store.getChat({ platform: 'console', chatId: 'c1' });
    expect(await running.service.store.listSubscriptions(chat!.id)).toHaveLength(2);
  });

  it('refuses a new feed URL at the limit before fetching anything, and still confirms a feed already followed', async () => {
    const { running, feeds } = await limitedService();
    await runCommand('subscribe', await contextFor(running, 'Un, Deux'));
    const refused = await runCommand('subscribe', await contextFor(running, feeds.url('/extra.xml')));
    expect(refused).toMatchObject({ kind: 'text', text: expect.stringMatching(/follows 2 feeds, the most this instance allows \(limits\.feedsPerChat: 2\)\. Remove one with \/unsubscribe/) as string });
    expect(feeds.requests).toEqual([]);
    expect(await runCommand('subscribe', await contextFor(running, 'Un'))).toMatchObject({ text: 'This chat already follows Un.' });
  });

  it('imports only up to the limit and reports the rest as not added', async () => {
    const { running, feeds } = await limitedService();
    await runCommand('subscribe', await contextFor(running, 'Un'));
    const opml = feedsToOpml(
      [feeds.url('/extra.xml'), feeds.url('/extra.xml?2'), feeds.url('/extra.xml?3')].map((url, index) => ({ title: `Extra ${index}`, url, siteUrl: null, category: null })),
      { title: 'three', now: Date.now() },
    );
    const answer = await runCommand('import', await contextFor(running, '', { name: 'three.opml', size: opml.length, read: () => Promise.resolve(opml) }));
    expect(answer.kind).toBe('text');
    const text = answer.kind === 'text' ? answer.text : '';
    expect(text).toContain('1 of 3 feeds added');
    expect(text).toContain('Extra 1 (');
    expect(text).toContain('limit of 2 feeds is reached');
    // Only the one feed within the limit was fetched (checked, then polled).
    expect(new Set(feeds.requests.map((request) => request.path))).toEqual(new Set(['/extra.xml']));
  });
});
