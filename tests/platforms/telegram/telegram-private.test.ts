import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/commands/command-registry.ts';
import type { SentMessage } from '../../fakes/telegram/fake-telegram.ts';
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

  it('subscribes to a local feed, answers /digest, then sends the scheduled digest at the chat’s time; /list says when in words', async () => {
    const chatId = USERS.cleo.id;
    const [subscribed] = await h.ask(chatId, `/subscribe ${h.feeds.url('/actualites.xml')}`, { from: USERS.cleo });
    expect(subscribed?.text).toMatch(/^Subscribed to Précis – Actualités \(échantillon hors ligne\)\.\nLatest item: /);
    const onDemand = await h.ask(chatId, '/digest', { from: USERS.cleo });
    expect(onDemand[0]?.text).toMatch(/Lyon adopte un plan vélo|Corée du Nord|Tempête/);
    const [scheduled] = await h.ask(chatId, '/schedule daily 07:30 Europe/Paris', { from: USERS.cleo });
    expect(scheduled?.text).toMatch(/^Schedule set: every day at 07:30 \(Europe\/Paris\) — next digest: /);
    const [list] = await h.ask(chatId, '/list', { from: USERS.cleo });
    expect(list?.text).toContain('• Précis – Actualités (échantillon hors ligne)');
    expect(list?.text).toMatch(/Schedule: every day at 07:30 \(Europe\/Paris\) — next digest: \w+day \d+ \w+ at 07:30/);

    const before = h.fake.messagesTo(chatId).length;
    h.advance(25 * 3600_000);
    await h.service.scheduler.sweep();
    const [digest] = await h.messagesAfter(chatId, before, 1, 20_000);
    expect(digest?.parse_mode).toBe('HTML');
    expect(digest?.text).toMatch(/Lyon adopte un plan vélo|Corée du Nord|Tempête/);
    const chat = await h.chat(chatId);
    // The ledger marks the delivery sent just after Telegram took its last message.
    await h.until(async () => (await h.service.store.listDeliveries(chat!.id)).some((delivery) => delivery.kind === 'scheduled' && delivery.status === 'sent'), 'the scheduled delivery recorded as sent');
  });
});

function buttons(message: SentMessage | undefined): { text: string; callback_data: string }[][] {
  return (message?.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? [];
}

function button(message: SentMessage | undefined, text: string | RegExp): string {
  const found = buttons(message)
    .flat()
    .find((candidate) => (typeof text === 'string' ? candidate.text === text : text.test(candidate.text)));
  if (!found) throw new Error(`no button ${String(text)} in ${JSON.stringify(buttons(message))}`);
  return found.callback_data;
}

describe('buttons, files and strangers', () => {
  it('offers the settings as buttons; a press saves the setting, updates the message and is answered', async () => {
    const chatId = USERS.ada.id;
    const [settings] = await h.ask(chatId, '/settings', { from: USERS.ada });
    expect(settings?.text).toMatch(/^⚙️ Settings of this chat — tap to change:\n📰 Stories per digest: 5\n🌐 Interface language: automatic/);
    expect(settings?.text).toContain('🌙 Quiet hours (digests arrive without a sound): none');
    expect(buttons(settings).map((row) => row[0]?.text)).toEqual(['📰', '🌐', '💬', '🌙']);
    expect(buttons(settings)[0]?.map((entry) => entry.text)).toEqual(['📰', '3', '✓ 5', '8', '10', '15']);

    const query = h.fake.pressButton(chatId, settings!.message_id, button(settings, '8'), USERS.ada);
    await h.fake.waitFor(() => h.fake.callbackQueries.get(query)?.answer !== null, 'the answer to the button');
    expect(h.fake.callbackQueries.get(query)?.answer?.text).toBe('Saved: Stories per digest');
    expect((await h.chat(chatId))?.settings.stories).toBe(8);
    expect(h.fake.messagesTo(chatId).find((message) => message.message_id === settings!.message_id)?.text).toContain('📰 Stories per digest: 8');

    const french = h.fake.pressButton(chatId, settings!.message_id, button(settings, 'French'), USERS.ada);
    await h.fake.waitFor(() => h.fake.callbackQueries.get(french)?.answer !== null, 'the answer to the second button');
    const edited = h.fake.messagesTo(chatId).find((message) => message.message_id === settings!.message_id);
    expect(edited?.text).toMatch(/^⚙️ Réglages de ce chat — touchez pour changer :/);
    expect(buttons(edited)[1]?.map((entry) => entry.text)).toContain('✓ français');
    // A label button explains its row.
    const label = h.fake.pressButton(chatId, settings!.message_id, button(edited, '🌙'), USERS.ada);
    await h.fake.waitFor(() => h.fake.callbackQueries.get(label)?.answer !== null, 'the label answer');
    expect(h.fake.callbackQueries.get(label)?.answer?.text).toMatch(/^Heures calmes/);
    await h.ask(chatId, '/settings language auto', { from: USERS.ada });
  });

  it('sends a digest without a sound during the chat’s quiet hours', async () => {
    const chatId = USERS.ben.id;
    await h.ask(chatId, '/subscribe World News', { from: USERS.ben });
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(h.service.delivery.now()));
    const [saved] = await h.ask(chatId, `/settings quiet_hours ${(hour + 23) % 24}-${(hour + 2) % 24}`, { from: USERS.ben });
    expect(saved?.text).toMatch(/^Réglages enregistrés :/);
    expect(saved?.text).toMatch(/Heures calmes \(les digests arrivent sans son\): \d\d-\d\d/);
    const digest = await h.ask(chatId, '/digest', { from: USERS.ben });
    expect(digest[0]?.parse_mode).toBe('HTML');
    expect(digest.every((message) => message.params.disable_notification === true)).toBe(true);
    await h.ask(chatId, '/settings quiet_hours off', { from: USERS.ben });
  });

  it('offers the chat’s feeds as buttons for /unsubscribe and keeps the list up to date', async () => {
    const chatId = USERS.ada.id;
    await h.ask(chatId, '/subscribe Actualités', { from: USERS.ada });
    const [question] = await h.ask(chatId, '/unsubscribe', { from: USERS.ada });
    expect(question?.text).toMatch(/^Which feed\?/);
    expect(buttons(question).flat().map((entry) => entry.text)).toEqual(expect.arrayContaining(['✖ Actualités']));
    expect(buttons(question)).toHaveLength(2);
    const query = h.fake.pressButton(chatId, question!.message_id, button(question, '✖ Actualités'), USERS.ada);
    await h.fake.waitFor(() => h.fake.callbackQueries.get(query)?.answer !== null, 'the answer');
    expect(h.fake.callbackQueries.get(query)?.answer?.text).toBe('Unsubscribed from Actualités.');
    const edited = h.fake.messagesTo(chatId).find((message) => message.message_id === question!.message_id);
    expect(edited?.text).toBe('Unsubscribed from Actualités.\nRemove another?');
    expect(buttons(edited)).toHaveLength(1);
    expect(await h.subscriptionsOf(chatId)).toHaveLength(1);
  });

  it('exports the feeds as an OPML document, and imports an OPML file sent as a document', async () => {
    const [exported] = await h.ask(USERS.ada.id, '/export', { from: USERS.ada });
    expect(exported?.document?.file_name).toBe('precis-feeds.opml');
    const opml = exported!.document!.data.toString('utf8');
    expect(opml).toContain(h.feeds.url('/world.atom'));
    expect(exported?.text).toMatch(/^1 feed of this chat as OPML/);

    const chatId = USERS.cleo.id;
    const since = h.fake.messagesTo(chatId).length;
    h.fake.userDocument(chatId, { name: 'from-ada.opml', content: opml, mimeType: 'text/x-opml' }, null, { from: USERS.cleo });
    const [imported] = await h.messagesAfter(chatId, since);
    expect(imported?.text).toMatch(/^Import of from-ada\.opml: 1 of 1 feeds added\.\nAdded: /);
    expect(await h.subscriptionsOf(chatId)).toHaveLength(2);

    const [notOpml] = await h.ask(chatId, '/import', { from: USERS.cleo });
    expect(notOpml?.text).toMatch(/^Attach an OPML file/);
  });

  it('tells a stranger their id and how the owner can let them in, and fetches nothing for them', async () => {
    const chatId = USERS.stranger.id;
    const [answer] = await h.ask(chatId, '/start', { from: USERS.stranger });
    expect(answer?.text).toContain('This Précis instance is private.');
    expect(answer?.text).toContain(`your user id ${USERS.stranger.id} to access.telegram.users (or PRECIS_ALLOWED_USERS)`);
    const requests = h.feeds.requests.length;
    h.fake.userMessage(chatId, `/subscribe ${h.feeds.url('/actualites.xml')}`, { from: USERS.stranger });
    h.fake.userMessage(chatId, '/digest', { from: USERS.stranger });
    await h.fake.waitFor(() => h.fake.pendingUpdates === 0, 'the updates to be taken');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.feeds.requests.length).toBe(requests);
    expect(await h.chat(chatId)).toBeNull();
    // Asked again and again, the answer is not repeated within a minute.
    expect(h.fake.messagesTo(chatId)).toHaveLength(1);
  });
});
