import { describe, expect, it } from 'vitest';
import { describeQuietHours, formatQuietHours, isQuietAt, parseQuietHours } from '../../src/delivery/quiet-hours.ts';

describe('quiet hours', () => {
  it('reads the spans people type, and says what is wrong with the rest', () => {
    expect(parseQuietHours('22-07')).toEqual({ ok: true, value: { from: 1320, to: 420 } });
    expect(parseQuietHours('22:30 – 6:45')).toEqual({ ok: true, value: { from: 1350, to: 405 } });
    expect(parseQuietHours('23h à 8h')).toEqual({ ok: true, value: { from: 1380, to: 480 } });
    expect(parseQuietHours('0-24')).toEqual({ ok: false, problem: expect.stringContaining('same time') as string });
    expect(parseQuietHours('Off')).toEqual({ ok: true, value: null });
    expect(parseQuietHours('aucune')).toEqual({ ok: true, value: null });
    expect(parseQuietHours('25-07')).toMatchObject({ ok: false, problem: expect.stringContaining('past 24:00') as string });
    expect(parseQuietHours('22:61-07')).toMatchObject({ ok: false });
    expect(parseQuietHours('at night')).toMatchObject({ ok: false, problem: expect.stringContaining('e.g. 22-07') as string });
  });

  it('writes them back canonically', () => {
    expect(formatQuietHours({ from: 1320, to: 420 })).toBe('22-07');
    expect(formatQuietHours({ from: 1350, to: 405 })).toBe('22:30-06:45');
    expect(formatQuietHours(null)).toBe('off');
    expect(describeQuietHours({ from: 1320, to: 420 })).toBe('22:00–07:00');
  });

  it('tells whether an instant is quiet in the chat’s own time zone, across midnight and DST', () => {
    const night = { from: 1320, to: 420 };
    // 23:30 UTC is 00:30 in Paris (winter), 18:30 in New York.
    expect(isQuietAt(night, 'Europe/Paris', Date.parse('2024-11-06T23:30:00Z'))).toBe(true);
    expect(isQuietAt(night, 'America/New_York', Date.parse('2024-11-06T23:30:00Z'))).toBe(false);
    // 07:00 local is the end: not quiet any more.
    expect(isQuietAt(night, 'Europe/Paris', Date.parse('2024-11-07T06:00:00Z'))).toBe(false);
    expect(isQuietAt(night, 'Europe/Paris', Date.parse('2024-11-07T05:59:00Z'))).toBe(true);
    // Summer time: 05:30 UTC is 07:30 in Paris.
    expect(isQuietAt(night, 'Europe/Paris', Date.parse('2024-07-01T05:30:00Z'))).toBe(false);
    const afternoon = { from: 780, to: 840 };
    expect(isQuietAt(afternoon, 'UTC', Date.parse('2024-07-01T13:15:00Z'))).toBe(true);
    expect(isQuietAt(afternoon, 'UTC', Date.parse('2024-07-01T14:00:00Z'))).toBe(false);
    expect(isQuietAt(null, 'UTC', Date.parse('2024-07-01T14:00:00Z'))).toBe(false);
  });
});
