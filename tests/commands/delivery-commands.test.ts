import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandContext, InterfaceLanguage } from '../../src/commands/command.ts';
import { runCommand } from '../../src/commands/command-registry.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { consoleChannel } from '../../src/delivery/console-channel.ts';
import { runScheduledDigest, slotKeyFor } from '../../src/delivery/run-scheduled-digest.ts';
import { silentLogger } from '../../src/logger.ts';
import { defaultChatSettings } from '../../src/service/chat-defaults.ts';
import { startService, type ServiceHandle } from '../../src/service/start-service.ts';
import type { ChatRecord } from '../../src/store/records.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { HEADLINES, storedArticle } from '../delivery/support/delivery-fixture.ts';

const tempDir = useTempDir();
let handle: ServiceHandle | null = null;

afterEach(async () => {
  await handle?.stop();
  handle = null;
});

/** The real service, on the bundled French sample feed, with a console "platform". */
async function service(): Promise<ServiceHandle> {
  const dir = tempDir();
  const config = join(dir, 'precis.yaml');
  writeFileSync(
    config,
    [
      'feeds:',
      '  - name: Actualités',
      `    file: ${join(repoRoot, 'config/samples/actualites-fr.xml')}`,
      '    lang: fr',
      'schedule:',
      '  cron: "0 8 * * *"',
      '  timezone: Europe/Paris',
      '  minIntervalMinutes: 30',
      'health:',
      `  heartbeat: ${join(dir, 'heartbeat.json')}`,
    ].join('\n'),
  );
  const channel = consoleChannel(new PassThrough());
  handle = await startService({
    config: loadConfig({ PRECIS_CONFIG: config }, dir),
    store: await openSqliteStore(':memory:'),
    log: silentLogger(),
    platforms: [{ channel, start: () => Promise.resolve(), stop: () => Promise.resolve() }],
    instanceId: 'test',
  });
  return handle;
}

async function chatOf(running: ServiceHandle): Promise<ChatRecord> {
  const { store } = running.service;
  const chat = await store.ensureChat({ platform: 'console', chatId: 'c1' }, { kind: 'group', title: null }, defaultChatSettings(running.service.config), Date.now());
  for (const feed of running.service.config.feeds) await store.subscribe(chat.id, feed.id, Date.now());
  return chat;
}

async function say(running: ServiceHandle, chat: ChatRecord, line: string, options: { lang?: InterfaceLanguage; admin?: boolean } = {}): Promise<string> {
  const [name = '', ...rest] = line.replace(/^\//, '').split(' ');
  const context: CommandContext = {
    service: running.service,
    chat: (await running.service.store.getChatById(chat.id)) ?? chat,
    user: { id: 'u1', name: 'ada' },
    canManage: () => Promise.resolve(options.admin ?? true),
    lang: options.lang ?? 'en',
    args: rest.join(' ').trim(),
  };
  const answer = await runCommand(name, context);
  if (answer.kind !== 'text') throw new Error(`expected a text reply, got ${answer.kind}`);
  return answer.text;
}

describe('/schedule and /timezone', () => {
  it('set the schedule from friendly words, show it back in words with the next digest in local time', async () => {
    const running = await service();
    const chat = await chatOf(running);
    const answer = await say(running, chat, '/schedule weekdays 07:30');
    expect(answer).toMatch(/^Schedule set: on weekdays at 07:30 \(Europe\/Paris\) — next digest: \w+day \d+ \w+ at 07:30 \(Europe\/Paris\)\.$/);
    const stored = (await running.service.store.getChatById(chat.id))!;
    expect(stored.settings).toMatchObject({ cron: '30 7 * * 1-5', timezone: 'Europe/Paris' });
    expect(stored.settings.scheduleSince).toBeTypeOf('number');
    const next = running.service.scheduler.nextRun(chat.id)!;
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(next)).toBe('07:30');

    expect(await say(running, chat, '/schedule tous les jours 8h', { lang: 'fr' })).toMatch(/^Horaire enregistré : tous les jours à 08:00 \(Europe\/Paris\) — prochain digest : /);
    expect(await say(running, chat, '/schedule')).toMatch(/^Schedule: every day at 08:00 \(Europe\/Paris\)/);
  });

  it('explain bad input, with an example', async () => {
    const running = await service();
    const chat = await chatOf(running);
    expect(await say(running, chat, '/schedule dialy 8:00')).toMatch(/^I don’t understand “dialy 8:00” as a schedule\. Examples: daily 08:00 · twice daily · /);
    expect(await say(running, chat, '/schedule every 10 min')).toBe(
      '“every 10 min” would post every 10 min; this instance allows at most one digest every 30 min. Try e.g. /schedule every 3h or /schedule daily 08:00.',
    );
    expect(await say(running, chat, '/schedule 61 8 * * *')).toMatch(/is not a valid cron expression \(61 is not a valid expression for minute\)\. A cron expression has 5 fields/);
    expect(await say(running, chat, '/timezone Europe/Pariss')).toMatch(/is not a time zone I know\. .*Did you mean Europe\/Paris\?/);
    expect((await running.service.store.getChatById(chat.id))!.settings.cron).toBe('0 8 * * *');
  });

  it('change the time zone and keep the schedule in the chat’s time', async () => {
    const running = await service();
    const chat = await chatOf(running);
    expect(await say(running, chat, '/timezone america/new york')).toMatch(/^Time zone set to America\/New_York\. Schedule: every day at 08:00 \(America\/New_York\)/);
    expect((await running.service.store.getChatById(chat.id))!.settings.timezone).toBe('America/New_York');
  });

  it('are for the chat’s admins', async () => {
    const running = await service();
    const chat = await chatOf(running);
    expect(await say(running, chat, '/schedule hourly', { admin: false })).toMatch(/^Sorry, only this chat’s administrators/);
    expect((await running.service.store.getChatById(chat.id))!.settings.cron).toBe('0 8 * * *');
  });
});

describe('/subscribe to several feeds', () => {
  it('follows every feed of the instance with "all", or several names separated by commas', async () => {
    const running = await service();
    const { store } = running.service;
    await store.upsertFeed({ id: 'world', url: 'https://world.example.org/rss', title: 'World', lang: 'en', origin: 'config' }, 0);
    const chat = await store.ensureChat({ platform: 'console', chatId: 'c2' }, { kind: 'private', title: null }, defaultChatSettings(running.service.config), Date.now());
    expect(await say(running, chat, '/subscribe Actualités, Nowhere')).toBe('Subscribed to Actualités.\nNot feeds of this instance: Nowhere (feeds: Actualités).');
    expect(await say(running, chat, '/subscribe all')).toBe('Subscribed to World.\nAlready followed: Actualités.');
    expect((await store.listSubscriptions(chat.id)).sort()).toEqual(['actualites', 'world']);
  });
});

describe('/filter', () => {
  it('adds include and exclude words and phrases, sets languages, and clears', async () => {
    const running = await service();
    const chat = await chatOf(running);
    expect(await say(running, chat, '/filter exclude sport, "coupe du monde"')).toBe(
      'Filters updated.\nInclude (any of): (none)\nExclude: sport, "coupe du monde"\nLanguages: (all)',
    );
    await say(running, chat, '/filter include climat* énergie');
    await say(running, chat, '/filter language fr en');
    expect((await running.service.store.getChatById(chat.id))!.settings).toMatchObject({ include: ['climat*', 'énergie'], exclude: ['sport', 'coupe du monde'], languages: ['fr', 'en'] });
    expect(await say(running, chat, '/filter', { lang: 'fr' })).toMatch(/^Inclure \(au moins un\) : climat\*, énergie\nExclure : sport, "coupe du monde"\nLangues : fr, en\n\nUsage : \/filter include/);
    expect(await say(running, chat, '/filter language xx-yy-zz')).toMatch(/is not a language code/);
    expect(await say(running, chat, '/filter clear exclude')).toMatch(/Exclude: \(none\)/);
    await say(running, chat, '/filter clear');
    expect((await running.service.store.getChatById(chat.id))!.settings).toMatchObject({ include: [], exclude: [], languages: [] });
    expect(await say(running, chat, '/filter banana split')).toMatch(/^Unknown filter action “banana”/);
  });
});

describe('/why', () => {
  it('says where an item went: sent in a digest, filtered by which rule, or not fetched', async () => {
    const running = await service();
    const chat = await chatOf(running);
    const [feedId] = await running.service.store.listSubscriptions(chat.id);
    const now = Date.now();
    await running.service.store.insertNewArticles([
      storedArticle(HEADLINES[0]!, now - 60_000, { id: 'rail', feedId: feedId!, url: 'https://news.example.org/rail' }),
      storedArticle(HEADLINES[7]!, now - 60_000, { id: 'football', feedId: feedId!, url: 'https://news.example.org/football' }),
    ]);
    await say(running, chat, '/filter exclude football');
    const run = await runScheduledDigest(running.service.delivery, chat.id, { slotKey: slotKeyFor(chat.id, now), slotAt: now });
    expect(run).toMatchObject({ outcome: 'sent', stories: 1 });
    expect(await say(running, chat, '/why https://news.example.org/rail')).toMatch(/^“Parliament approves the railway budget for northern provinces” was sent in the digest of \w{3} \d+ \w{3}, \d\d:\d\d\.$/);
    expect(await say(running, chat, '/why https://news.example.org/football')).toBe(
      '“Football club sacks its manager after seven straight defeats” is filtered out: it contains the excluded word “football” (/filter exclude).',
    );
    expect(await say(running, chat, '/why https://news.example.org/football', { lang: 'fr' })).toBe(
      '« Football club sacks its manager after seven straight defeats » est filtré : il contient le mot exclu « football » (/filter exclude).',
    );
    expect(await say(running, chat, '/why https://example.org/never-seen')).toBe('Not fetched yet: this chat’s feed has not carried this link since Précis started reading it.');
    expect(await say(running, chat, '/why')).toMatch(/^Usage: \/why <link of an item>/);
    expect(await say(running, chat, '/why pas-un-lien', { lang: 'fr' })).toMatch(/^« pas-un-lien » n’est pas un lien http\(s\)/);
  });
});
