import { describe, expect, it } from 'vitest';
import { parseFeedDate, publicationTime } from '../../src/feeds/parse-date.ts';

const utc = (text: string) => Date.parse(text);

describe('parseFeedDate', () => {
  it.each([
    ['Wed, 06 Nov 2024 09:30:00 +0100', '2024-11-06T08:30:00Z'],
    ['06 Nov 2024 09:30:00 GMT', '2024-11-06T09:30:00Z'],
    ['Wed, 6 Nov 24 09:30 EST', '2024-11-06T14:30:00Z'],
    ['Thu, 06 Nov 2024 09:30:00 +0100', '2024-11-06T08:30:00Z'], // wrong weekday
    ['Wed, 06 November 2024 09:30:00 CEST', '2024-11-06T07:30:00Z'],
    ['Wed, 06 Nov 2024 09:30:00 GMT+2', '2024-11-06T07:30:00Z'],
    ['Wed, 06 Nov 2024 09:30:00', '2024-11-06T09:30:00Z'],
    ['Mi, 06 Nov. 2024 09:30:00 +0100', '2024-11-06T08:30:00Z'],
    ['06 févr. 2024 10:00 +0100', '2024-02-06T09:00:00Z'],
    ['2024-11-06T09:30:00+01:00', '2024-11-06T08:30:00Z'],
    ['2024-11-06T09:30:00.123Z', '2024-11-06T09:30:00Z'],
    ['2024-11-06 09:30:00 +0100', '2024-11-06T08:30:00Z'],
    ['2024-11-06T09:30+0100', '2024-11-06T08:30:00Z'],
    ['2024-11-06', '2024-11-06T00:00:00Z'],
    ['20241106T093000Z', '2024-11-06T09:30:00Z'],
    ['November 6, 2024 9:30 PM', '2024-11-06T21:30:00Z'],
    ['1730885400', '2024-11-06T09:30:00Z'],
  ])('reads %s', (text, expected) => {
    expect(parseFeedDate(text)).toBe(utc(expected));
  });

  it('returns null for text that is not a date', () => {
    expect(parseFeedDate('yesterday-ish')).toBeNull();
    expect(parseFeedDate('')).toBeNull();
    expect(parseFeedDate(null)).toBeNull();
  });

  it('uses the first-seen time when the date is missing, unreadable, far in the future or absurdly old', () => {
    const now = utc('2024-11-06T12:00:00Z');
    expect(publicationTime(null, now)).toBe(now);
    expect(publicationTime('not a date', now)).toBe(now);
    expect(publicationTime('2031-01-01T00:00:00Z', now)).toBe(now);
    expect(publicationTime('1970-01-01T00:00:00Z', now)).toBe(now);
    expect(publicationTime('2024-11-06T11:00:00Z', now)).toBe(utc('2024-11-06T11:00:00Z'));
  });
});
