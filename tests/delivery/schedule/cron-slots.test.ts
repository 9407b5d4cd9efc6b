import { describe, expect, it } from 'vitest';
import {
  assertMinimumInterval,
  compileSchedule,
  latestSlotAtOrBefore,
  nextSlotAfter,
  shortestIntervalMinutes,
} from '../../../src/delivery/schedule/cron-slots.ts';
import { ScheduleError } from '../../../src/delivery/schedule/schedule-error.ts';

const iso = (time: number) => new Date(time).toISOString();

/** Every slot in [from, to), by walking nextSlotAfter. */
function slotsBetween(cron: string, timezone: string, from: string, to: string): string[] {
  const schedule = compileSchedule(cron, timezone);
  const out: string[] = [];
  for (let slot = nextSlotAfter(schedule, Date.parse(from) - 1); slot < Date.parse(to); slot = nextSlotAfter(schedule, slot)) out.push(iso(slot));
  return out;
}

describe('cron slots across DST', () => {
  it('Europe/Paris spring forward: a 02:30 digest comes at 03:30 that night, once', () => {
    expect(slotsBetween('30 2 * * *', 'Europe/Paris', '2025-03-29T00:00:00Z', '2025-04-01T00:00:00Z')).toEqual([
      '2025-03-29T01:30:00.000Z', // 02:30 CET
      '2025-03-30T01:30:00.000Z', // 02:30 does not exist: 03:30 CEST
      '2025-03-31T00:30:00.000Z', // 02:30 CEST
    ]);
  });

  it('Europe/Paris fall back: a 02:30 digest comes once, at the first 02:30', () => {
    expect(slotsBetween('30 2 * * *', 'Europe/Paris', '2025-10-25T00:00:00Z', '2025-10-28T00:00:00Z')).toEqual([
      '2025-10-25T00:30:00.000Z',
      '2025-10-26T00:30:00.000Z', // 02:30 CEST; the 02:30 CET an hour later is the same slot
      '2025-10-27T01:30:00.000Z',
    ]);
  });

  it('America/New_York spring forward and fall back: one digest a day', () => {
    expect(slotsBetween('30 2 * * *', 'America/New_York', '2025-03-08T00:00:00Z', '2025-03-11T00:00:00Z')).toEqual([
      '2025-03-08T07:30:00.000Z',
      '2025-03-09T07:30:00.000Z', // 03:30 EDT
      '2025-03-10T06:30:00.000Z',
    ]);
    expect(slotsBetween('30 1 * * *', 'America/New_York', '2025-11-01T00:00:00Z', '2025-11-04T00:00:00Z')).toEqual([
      '2025-11-01T05:30:00.000Z',
      '2025-11-02T05:30:00.000Z', // the first 01:30 (EDT)
      '2025-11-03T06:30:00.000Z',
    ]);
  });

  it('hourly: the skipped hour merges into the next, the repeated hour fires once', () => {
    const spring = slotsBetween('0 * * * *', 'Europe/Paris', '2025-03-30T00:00:00Z', '2025-03-30T03:00:00Z');
    expect(spring).toEqual(['2025-03-30T00:00:00.000Z', '2025-03-30T01:00:00.000Z', '2025-03-30T02:00:00.000Z']);
    const fall = slotsBetween('0 * * * *', 'America/New_York', '2025-11-02T04:00:00Z', '2025-11-02T08:00:00Z');
    // 00:00, 01:00 (EDT), 02:00 (EST), 03:00: 01:00 does not come back as a second slot.
    expect(fall).toEqual(['2025-11-02T04:00:00.000Z', '2025-11-02T05:00:00.000Z', '2025-11-02T07:00:00.000Z']);
  });

  it('keeps node-cron semantics: day of month AND day of week, L, #', () => {
    expect(slotsBetween('0 9 13 * 5', 'UTC', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toEqual(['2025-06-13T09:00:00.000Z']);
    expect(slotsBetween('0 9 L * *', 'UTC', '2025-01-15T00:00:00Z', '2025-03-15T00:00:00Z')).toEqual(['2025-01-31T09:00:00.000Z', '2025-02-28T09:00:00.000Z']);
    expect(slotsBetween('0 9 * * 1#2', 'UTC', '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z')).toEqual(['2025-01-13T09:00:00.000Z']);
  });
});

describe('latest slot (catch-up)', () => {
  const daily = compileSchedule('0 8 * * *', 'Europe/Paris');

  it('is the last slot missed during downtime, one only', () => {
    const downSince = Date.parse('2025-01-06T06:00:00Z');
    const backAt = Date.parse('2025-01-09T12:00:00Z');
    expect(iso(latestSlotAtOrBefore(daily, backAt, downSince)!)).toBe('2025-01-09T07:00:00.000Z');
  });

  it('is null when nothing was missed', () => {
    expect(latestSlotAtOrBefore(daily, Date.parse('2025-01-09T12:00:00Z'), Date.parse('2025-01-09T07:00:01Z'))).toBeNull();
  });

  it('counts a slot exactly at the bound', () => {
    const slot = Date.parse('2025-01-09T07:00:00Z');
    expect(latestSlotAtOrBefore(daily, slot, slot)).toBe(slot);
  });
});

describe('compileSchedule', () => {
  it('refuses bad expressions, sub-minute schedules and unknown zones with the facts', () => {
    expect(() => compileSchedule('61 8 * * *', 'UTC')).toThrow(expect.objectContaining({ problem: 'bad_cron', facts: { field: 'minute' } }) as Error);
    expect(() => compileSchedule('*/10 * * * * *', 'UTC')).toThrow(expect.objectContaining({ problem: 'sub_minute' }) as Error);
    expect(() => compileSchedule('0 8 * * *', 'Mars/Olympus')).toThrow(expect.objectContaining({ problem: 'unknown_time_zone' }) as Error);
    expect(() => compileSchedule('0 8 * *', 'UTC')).toThrow(ScheduleError);
  });

  it('accepts every minute, and a fixed second', () => {
    expect(shortestIntervalMinutes(compileSchedule('* * * * *', 'UTC'))).toBe(1);
    expect(iso(nextSlotAfter(compileSchedule('30 0 8 * * *', 'UTC'), Date.parse('2025-01-01T00:00:00Z')))).toBe('2025-01-01T08:00:30.000Z');
  });

  it('measures the shortest interval and enforces the instance minimum', () => {
    expect(shortestIntervalMinutes(compileSchedule('0 8,20 * * *', 'UTC'))).toBe(720);
    expect(shortestIntervalMinutes(compileSchedule('0 23,1 * * *', 'UTC'))).toBe(120);
    expect(shortestIntervalMinutes(compileSchedule('*/15 * * * *', 'UTC'))).toBe(15);
    expect(() => assertMinimumInterval(compileSchedule('*/15 * * * *', 'UTC'), 60)).toThrow(
      expect.objectContaining({ problem: 'too_frequent', facts: { intervalMinutes: 15, minimumMinutes: 60 } }) as Error,
    );
    expect(() => assertMinimumInterval(compileSchedule('*/15 * * * *', 'UTC'), undefined)).not.toThrow();
  });
});
