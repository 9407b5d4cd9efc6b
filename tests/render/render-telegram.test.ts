import { describe, expect, it } from 'vitest';
import { renderTelegram, type TelegramMessage } from '../../src/render/render-telegram.ts';
import { validateTelegramHtml } from '../fakes/telegram-html-validator.ts';
import { digest, figure, hostileDigest, HOSTILE_TEXTS, quote, story } from './hostile-digest.ts';

function expectValid(messages: TelegramMessage[]): string[] {
  expect(messages.length).toBeGreaterThan(0);
  return messages.map((message) => {
    const check = validateTelegramHtml(message.html);
    expect(check.problems, message.html.slice(0, 500)).toEqual([]);
    return check.text;
  });
}

describe('renderTelegram', () => {
  it('shows hostile feed text exactly as written, never as markup', () => {
    const stories = HOSTILE_TEXTS.filter((text) => text.trim()).map((text, index) =>
      story({ id: `h${index}`, headline: text, summary: [text], quotes: [quote(text, text)], figures: [figure('42', `It was 42 ${text}`)], sources: [{ name: text, url: null }] }),
    );
    const texts = expectValid(renderTelegram(digest(stories), 'en')).join('\n');
    expect(texts).toContain('<script>alert("x")</script> & <b>unbalanced bold');
    expect(texts).toContain('AT&T &amp; literal &lt;tag&gt; &nbsp; &#128512; &bogus; 3 < 4 > 2');
    expect(texts).toContain('@everyone @here <@123456789012345678>');
    expect(texts).toContain('**bold** __under__ ~~strike~~ ||spoiler||');
    // Newlines, controls, bidi overrides and lone surrogates of feed text do not survive.
    expect(texts).toContain('# Heading ## Two -# subtext > quote');
    expect(texts).not.toMatch(/(?![\n])[\p{Cc}\u202e\u2066]/u);
    expect(texts).toContain('Controls nul bell nel line sep CRLF tab \ufffd lone surrogate');
  });

  it('formats a story: linked headline, key sentences, quotes with speakers, figures in bold, sources', () => {
    const [message] = renderTelegram(digest([story({ id: 'a', headline: 'Quake & aftermath', sources: [{ name: 'Le Monde', url: null }, { name: 'AFP', url: null }] })]), 'en');
    expect(message?.html).toContain('1. <b><a href="https://example.org/a">Quake &amp; aftermath</a></b>\nA key sentence about a.\n');
    expect(message?.html).toContain('<blockquote>“A quote about a worth reading” — <i>Jane Doe</i></blockquote>\n');
    expect(message?.html).toContain('▸ More than <b>3,000 people</b> were there\n');
    expect(message?.html).toContain('<i>Sources: Le Monde · AFP</i>');
  });

  it('previews the top story only, and marks every message silent when asked', () => {
    const stories = Array.from({ length: 30 }, (_, index) => story({ id: `s${index}`, summary: ['x'.repeat(900)] }));
    const messages = renderTelegram(digest(stories), 'en');
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]?.previewUrl).toBe('https://example.org/s0');
    expect(messages.slice(1).every((message) => message.previewUrl === null)).toBe(true);
    expect(messages.some((message) => 'silent' in message)).toBe(false);
    expect(renderTelegram(digest(stories), 'en', { silent: true }).every((message) => message.silent === true)).toBe(true);
    // A top story without a usable link previews nothing.
    expect(renderTelegram(digest([story({ id: 'x', url: 'javascript:alert(1)' })]), 'en')[0]?.previewUrl).toBeNull();
  });

  it('splits only between stories, keeping every story whole and in order', () => {
    const stories = Array.from({ length: 40 }, (_, index) => story({ id: `s${index}`, headline: `Story number ${index}`, summary: ['y'.repeat(450)] }));
    const texts = expectValid(renderTelegram(digest(stories, 7), 'en'));
    expect(texts.length).toBeGreaterThan(3);
    const seen: number[] = [];
    for (const text of texts) {
      for (const match of text.matchAll(/^(\d+)\. Story number (\d+)$/gm)) {
        expect(Number(match[1]) - 1).toBe(Number(match[2]));
        seen.push(Number(match[2]));
      }
      // A message never ends inside a story: every story in it ends with its sources line.
      const stories = text.split(/\n\n(?=\d+\. )/).filter((part) => /^\d+\. /.test(part.replace(/^.*\n\n/s, '')));
      for (const part of stories) expect(part.trimEnd().split('\n').at(-1)).toMatch(/^Sources: |^\+7 more/);
    }
    expect(seen).toEqual(stories.map((_, index) => index));
    expect(texts.at(-1)).toMatch(/\+7 more stories not shown$/);
  });

  it('keeps a story with 200 quotes and a 10,000-character headline within one message', () => {
    const huge = story({
      id: 'huge',
      headline: 'Très long titre 😀 '.repeat(600),
      quotes: Array.from({ length: 200 }, (_, index) => quote(`Quote number ${index} with enough words to matter`, `Speaker ${index}`)),
      figures: Array.from({ length: 200 }, (_, index) => figure(`${index} km`, `It ran ${index} km today.`)),
    });
    const messages = renderTelegram(digest([huge, story({ id: 'next' })]), 'fr');
    const texts = expectValid(messages);
    expect(texts[0]).toContain('1. Très long titre');
    expect(texts.join('\n')).toContain('2. Headline of next');
  });

  it('says so when there is nothing new', () => {
    const messages = renderTelegram(digest([]), 'fr');
    expect(messages).toHaveLength(1);
    expect(expectValid(messages)[0]).toMatch(/Rien de nouveau depuis le dernier digest\.$/);
    expect(messages[0]?.previewUrl).toBeNull();
  });

  it('always yields valid messages within limits, whatever the feeds say', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const rendered = renderTelegram(hostileDigest(seed), seed % 2 ? 'en' : 'fr', { silent: seed % 3 === 0 });
      for (const message of rendered) {
        const check = validateTelegramHtml(message.html);
        expect(check.problems, `seed ${seed}: ${message.html.slice(0, 300)}`).toEqual([]);
        if (message.previewUrl !== null) expect(() => new URL(message.previewUrl!)).not.toThrow();
      }
    }
  });
});
