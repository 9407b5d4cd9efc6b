import { describe, expect, it } from 'vitest';
import { findMentions, validateDiscordMessage } from './discord-payload-validator.ts';

const embed = { title: 'Title', description: 'Text', color: 0x2b6cb0, fields: [{ name: 'Key figures', value: '**3**' }], footer: { text: 'Sources: A' }, timestamp: '2024-11-06T08:00:00.000Z', url: 'https://example.org/a' };

function codes(payload: unknown): string[] {
  return validateDiscordMessage(payload).map((problem) => `${problem.path}:${problem.code}`);
}

describe('validateDiscordMessage', () => {
  it('accepts a well-formed message', () => {
    expect(validateDiscordMessage({ content: 'Digest', embeds: [embed] })).toEqual([]);
    expect(validateDiscordMessage({ content: '', embeds: Array.from({ length: 10 }, () => embed) })).toEqual([]);
  });

  it('enforces every length limit', () => {
    expect(codes({ content: 'x'.repeat(2001), embeds: [] })).toEqual(['content:BASE_TYPE_MAX_LENGTH']);
    expect(codes({ content: '', embeds: Array.from({ length: 11 }, () => embed) })).toEqual(['embeds:BASE_TYPE_MAX_LENGTH']);
    expect(codes({ embeds: [{ ...embed, title: 't'.repeat(257) }] })).toEqual(['embeds.0.title:BASE_TYPE_MAX_LENGTH']);
    expect(codes({ embeds: [{ ...embed, description: 'd'.repeat(4097) }] })).toEqual(['embeds.0.description:BASE_TYPE_MAX_LENGTH']);
    expect(codes({ embeds: [{ ...embed, fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] })).toEqual(['embeds.0.fields:BASE_TYPE_MAX_LENGTH']);
    expect(codes({ embeds: [{ ...embed, fields: [{ name: 'n'.repeat(257), value: 'v'.repeat(1025) }] }] })).toEqual(['embeds.0.fields.0.name:BASE_TYPE_MAX_LENGTH', 'embeds.0.fields.0.value:BASE_TYPE_MAX_LENGTH']);
    expect(codes({ embeds: [{ ...embed, footer: { text: 'f'.repeat(2049) } }] })).toEqual(['embeds.0.footer.text:BASE_TYPE_MAX_LENGTH']);
    expect(codes({ embeds: [{ ...embed, author: { name: 'a'.repeat(257) } }] })).toEqual(['embeds.0.author.name:BASE_TYPE_MAX_LENGTH']);
    // 2 × (256 + 2800) = 6112 characters over the message.
    const big = { ...embed, title: 't'.repeat(256), description: 'd'.repeat(2800), fields: [], footer: undefined };
    expect(codes({ embeds: [big, big] })).toEqual(['embeds:MAX_EMBED_SIZE_EXCEEDED']);
  });

  it('counts astral characters as two, never fewer than Discord', () => {
    expect(codes({ content: '😀'.repeat(1001), embeds: [] })).toEqual(['content:BASE_TYPE_MAX_LENGTH']);
  });

  it('refuses empty messages, empty texts and malformed values', () => {
    expect(codes({ content: '', embeds: [] })).toEqual([':EMPTY_MESSAGE']);
    expect(codes({ embeds: [{ ...embed, title: '' }] })).toEqual(['embeds.0.title:BASE_TYPE_REQUIRED']);
    expect(codes({ embeds: [{ ...embed, fields: [{ name: ' ', value: '' }] }] })).toEqual(['embeds.0.fields.0.name:BASE_TYPE_REQUIRED', 'embeds.0.fields.0.value:BASE_TYPE_REQUIRED']);
    expect(codes({ embeds: [{ ...embed, url: 'javascript:alert(1)' }] })).toEqual(['embeds.0.url:URL_TYPE_INVALID_URL']);
    expect(codes({ embeds: [{ ...embed, timestamp: 'yesterday' }] })).toEqual(['embeds.0.timestamp:DATE_TIME_TYPE_PARSE']);
    expect(codes({ embeds: [{ ...embed, color: 0x1000000 }] })).toEqual(['embeds.0.color:NUMBER_TYPE_MAX']);
    expect(codes({ embeds: [{ color: 1, fields: [] }] })).toEqual(['embeds.0:EMBED_EMPTY']);
    expect(codes({ content: 'a\udc00', embeds: [] })).toEqual(['content:UNICODE_INVALID']);
  });

  it('finds every working mention form, wherever it is', () => {
    expect(findMentions('@everyone @Here <@1> <@!2> <@&3> <#4> </deploy now:5>')).toEqual(['@everyone', '@Here', '<@1>', '<@!2>', '<@&3>', '<#4>', '</deploy now:5>']);
    expect(findMentions('@\u200beveryone <\u200b@1> <#x> mail@here.example')).toEqual(['@here']);
    expect(codes({ embeds: [{ ...embed, footer: { text: 'by <@1>' } }] })).toEqual(['embeds.0.footer.text:MENTION_LIKE_TEXT']);
  });
});
