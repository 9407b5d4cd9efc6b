import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/commands/command-registry.ts';
import { validateTelegramHtml } from '../../fakes/telegram-html-validator.ts';
import { startTelegramHarness, USERS, type TelegramHarness } from './telegram-harness.ts';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h.close();
});

describe('the Telegram bot in a private chat, against the strict fake Bot API', () => {
  it('registers every shared command, in English and in French', async () => {
    await h.fake.waitFor(() => h.logs.some((line) => line.includes('is polling')), 'the polling log line');
    expect(h.fake.commands.get('default:')?.map((command) => command.command)).toEqual(COMMANDS.map((command) => command.name));
    expect(h.fake.commands.get('default:fr')?.find((command) => command.command === 'digest')?.description).toBe('Les derniers sujets, maintenant');
    expect(h.logs.some((line) => /Telegram bot @precis_test_bot is polling/.test(line))).toBe(true);
  });

  it('welcomes a user with /start in their language, with the instance’s feeds to begin with', async () => {
    const [welcome] = await h.ask(USERS.ben.id, '/start', { from: USERS.ben });
    expect(welcome?.text).toContain('Bonjour ! Précis résume l’actualité');
    expect(welcome?.text).toContain('/subscribe World News');
    expect(welcome?.text).toContain('Flux de cette instance : World News, Actualités');
    expect(welcome?.parse_mode).toBeNull();
  });

  it('checks a feed URL first, confirms its title and latest item, then /digest brings its stories', async () => {
    const chatId = USERS.ada.id;
    const [subscribed] = await h.ask(chatId, `/subscribe ${h.feeds.url('/world.atom')}`, { from: USERS.ada });
    expect(subscribed?.text).toMatch(/^Subscribed to Précis – World News \(offline sample\)\.\nLatest item: /);
    expect(await h.subscriptionsOf(chatId)).toHaveLength(1);

    const digest = await h.ask(chatId, '/digest', { from: USERS.ada });
    expect(digest[0]?.parse_mode).toBe('HTML');
    expect(digest[0]?.text).toContain('Harbour city approves 2,500 affordable homes');
    expect(validateTelegramHtml(digest[0]!.source).problems).toEqual([]);
    // Only the top story is previewed.
    expect(digest[0]?.params.link_preview_options).toMatchObject({ url: expect.stringMatching(/^https?:\/\//) as string });

    const [refused] = await h.ask(chatId, `/subscribe ${h.feeds.url('/missing.xml')}`, { from: USERS.ada });
    expect(refused?.text).toMatch(/^I can’t use http:\/\/127\.0\.0\.1:\d+\/missing\.xml: .*404/);
    expect(await h.subscriptionsOf(chatId)).toHaveLength(1);
  });

  it('sends the scheduled digest at the chat’s time and describes the schedule in words in /list', async () => {
    const chatId = USERS.cleo.id;
    await h.ask(chatId, '/subscribe Actualités', { from: USERS.cleo });
    const [scheduled] = await h.ask(chatId, '/schedule daily 07:30 Europe/Paris', { from: USERS.cleo });
    expect(scheduled?.text).toMatch(/^Schedule set: every day at 07:30 \(Europe\/Paris\) — next digest: /);
    const [list] = await h.ask(chatId, '/list', { from: USERS.cleo });
    expect(list?.text).toContain('• Actualités');
    expect(list?.text).toMatch(/Schedule: every day at 07:30 \(Europe\/Paris\) — next digest: \w+day \d+ \w+ at 07:30/);

    const before = h.fake.messagesTo(chatId).length;
    h.advance(25 * 3600_000);
    await h.service.scheduler.sweep();
    const [digest] = await h.messagesAfter(chatId, before);
    expect(digest?.parse_mode).toBe('HTML');
    expect(digest?.text).toMatch(/Lyon adopte un plan vélo|Corée du Nord|Tempête/);
    const chat = await h.chat(chatId);
    expect((await h.service.store.listDeliveries(chat!.id)).some((delivery) => delivery.kind === 'scheduled' && delivery.status === 'sent')).toBe(true);
  });
});
