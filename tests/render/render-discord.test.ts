import { describe, expect, it } from 'vitest';
import { cleanFeedText, feedLine } from '../../src/render/feed-text.ts';
import { renderDiscord, type DiscordMessage } from '../../src/render/render-discord.ts';
import { validateDiscordMessage } from '../fakes/discord-payload-validator.ts';
import { activeMarkdown, visibleDiscordText } from './discord-visible-text.ts';
import { digest, figure, hostileDigest, HOSTILE_TEXTS, quote, story } from './hostile-digest.ts';

function expectValid(messages: DiscordMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) expect(validateDiscordMessage({ ...message, allowed_mentions: { parse: [] } }), JSON.stringify(message).slice(0, 500)).toEqual([]);
}

describe('renderDiscord', () => {
  it('shows hostile headlines exactly as written: no markup, no mention, no visible backslash', () => {
    for (const text of HOSTILE_TEXTS.filter((item) => cleanFeedText(item))) {
      const messages = renderDiscord(digest([story({ id: 'h', headline: text, summary: [text], quotes: [quote(text, text)], sources: [{ name: text, url: null }] })]), 'en');
      expectValid(messages);
      const embed = messages[0]!.embeds[0]!;
      expect(activeMarkdown(embed.title ?? ''), text).toEqual([]);
      expect(visibleDiscordText(embed.title ?? ''), text).toBe(feedLine(text, 256));
      // The footer is plain text on Discord: no escapes at all, only broken mentions.
      expect(embed.footer?.text.replaceAll('\u200b', '')).toBe(`Sources: ${feedLine(text, 80)}`);
    }
  });

  it('keeps links in feed text free of backslashes', () => {
    const [message] = renderDiscord(digest([story({ id: 'u', summary: ['See https://example.org/a_b_c?x=*1*&y=~2~ and [x](https://evil.example/) now'] })]), 'en');
    expect(message?.embeds[0]?.description).toContain('See https://example.org/a_b_c?x=*1*&y=~2~ and \\[x\\](https://evil.example/) now');
  });

  it('formats a story: linked title, sentences, quotes, figures field, sources footer, time', () => {
    const [message] = renderDiscord(digest([story({ id: 'a', headline: 'Quake *and* aftermath' })]), 'fr');
    expect(message?.content).toBe('**📰 Digest Précis** — mer. 6 nov. 2024, 09:41 · 1 sujet');
    expect(message?.embeds[0]).toEqual({
      title: 'Quake \\*and\\* aftermath',
      url: 'https://example.org/a',
      description: 'A key sentence about a.\n\n> “A quote about a worth reading” — *Jane Doe*',
      color: 0x2b6cb0,
      fields: [{ name: 'Chiffres clés', value: '▸ More than **3,000 people** were there' }],
      footer: { text: 'Sources: Example News' },
      timestamp: '2024-11-06T07:41:00.000Z',
    });
  });

  it('leaves out what Discord would refuse: unusable links, bad times, empty parts', () => {
    const [message] = renderDiscord(
      digest([story({ id: 'x', headline: '  ', url: 'javascript:alert(1)', publishedAt: Number.NaN, summary: [' '], quotes: [quote('', 'A')], figures: [], sources: [] })]),
      'en',
    );
    expect(message?.embeds[0]).toEqual({ title: '…', color: 0x2b6cb0, fields: [] });
  });

  it('splits into messages of at most 10 embeds and 6000 characters, with the count of stories left out', () => {
    const long = 'word '.repeat(200);
    const stories = Array.from({ length: 25 }, (_, index) => story({ id: `s${index}`, summary: [long, long], quotes: [quote(long, 'A'), quote(`${long} again`, 'B')] }));
    const messages = renderDiscord(digest(stories, 12), 'en');
    expectValid(messages);
    expect(messages.flatMap((message) => message.embeds)).toHaveLength(25);
    expect(messages.length).toBeGreaterThan(3);
    expect(messages[0]?.content).toContain('25 stories');
    expect(messages.at(-1)?.content).toBe('*+12 more stories not shown*');
  });

  it('keeps a story with 200 quotes, 200 figures and a 10,000-character headline within the limits', () => {
    const huge = story({
      id: 'huge',
      headline: '😀 long '.repeat(1500),
      quotes: Array.from({ length: 200 }, (_, index) => quote(`Quote ${index} with *markdown* and @everyone`, `<@${index}>`)),
      figures: Array.from({ length: 200 }, (_, index) => figure(`${index} km`, `It ran ${index} km today.`)),
      sources: Array.from({ length: 50 }, (_, index) => ({ name: `Feed ${index} @here`, url: null })),
    });
    const messages = renderDiscord(digest([huge]), 'en');
    expectValid(messages);
    expect(messages[0]?.embeds[0]?.footer?.text).toContain('+40');
  });

  it('says so when there is nothing new', () => {
    const messages = renderDiscord(digest([]), 'en');
    expectValid(messages);
    expect(messages).toEqual([{ content: expect.stringMatching(/\nNothing new since the last digest\.$/) as string, embeds: [] }]);
  });

  it('always yields valid payloads within limits, whatever the feeds say', () => {
    for (let seed = 1; seed <= 80; seed++) {
      for (const message of renderDiscord(hostileDigest(seed), seed % 2 ? 'en' : 'fr')) {
        expect(validateDiscordMessage(message), `seed ${seed}`).toEqual([]);
        for (const embed of message.embeds) expect(activeMarkdown(embed.title ?? ''), `seed ${seed}: ${embed.title ?? ''}`).toEqual([]);
      }
    }
  });
});
