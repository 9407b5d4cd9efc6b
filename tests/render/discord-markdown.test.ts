import { describe, expect, it } from 'vitest';
import { escapeDiscordMarkdown, neutralizeMentions } from '../../src/render/discord-markdown.ts';
import { findMentions } from '../fakes/discord-payload-validator.ts';
import { activeMarkdown, visibleDiscordText } from './discord-visible-text.ts';

describe('escapeDiscordMarkdown', () => {
  it.each([
    ['**bold** __under__ ~~strike~~ ||spoiler|| `code` ```block``` *it* _it_', '\\*\\*bold\\*\\* \\_\\_under\\_\\_ \\~\\~strike\\~\\~ \\|\\|spoiler\\|\\| \\`code\\` \\`\\`\\`block\\`\\`\\` \\*it\\* \\_it\\_'],
    ['[masked](https://evil.example/x)', '\\[masked\\](https://evil.example/x)'],
    ['# Heading', '\\# Heading'],
    ['### Three', '\\### Three'],
    ['-# subtext', '\\-# subtext'],
    ['- dash', '\\- dash'],
    ['* star', '\\* star'],
    ['+ plus', '\\+ plus'],
    ['10. ten', '10\\. ten'],
    ['> quote', '\\> quote'],
    ['>>> all', '\\>>> all'],
    ['  # indented', '  \\# indented'],
    ['Back\\slash', 'Back\\\\slash'],
    ['3 - 2 # not a heading > not a quote 1. not a list', '3 - 2 # not a heading > not a quote 1. not a list'],
    ['see https://example.org/a_b*c~d|e`f_(g) now', 'see https://example.org/a_b*c~d|e`f_(g) now'],
    ['https://example.org/@everyone', 'https://example.org/%40everyone'],
  ])('escapes %j', (input, expected) => {
    expect(escapeDiscordMarkdown(input)).toBe(expected);
  });

  it('shows every line as written, and nothing in it is markup', () => {
    const text = '# H\n> q\n1. l\n**b** [x](https://e.org/y_z) ~~s~~ ||p|| `c` \\ _i_\n- d';
    const escaped = escapeDiscordMarkdown(text);
    expect(visibleDiscordText(escaped)).toBe(text);
    expect(activeMarkdown(escaped)).toEqual([]);
  });

  it('breaks every mention form, even where markdown does not apply', () => {
    const text = '@everyone @here @Everyone <@123> <@!123> <@&456> <#789> </deploy:42> <:e:1> <a:e:2> <t:1700000000:R>';
    expect(findMentions(escapeDiscordMarkdown(text))).toEqual([]);
    expect(findMentions(neutralizeMentions(text))).toEqual([]);
    expect(neutralizeMentions(text).replaceAll('\u200b', '')).toBe(text);
    expect(neutralizeMentions('a <b> mail@example.org 3 < 4')).toBe('a <b> mail@example.org 3 < 4');
  });
});
