import { describe, expect, it } from 'vitest';
import { compileSchedule } from '../../../src/delivery/schedule/cron-slots.ts';
import { describeInstant, describeSchedule } from '../../../src/delivery/schedule/describe-schedule.ts';
import { parseSchedule } from '../../../src/delivery/schedule/parse-schedule.ts';
import { parseTimeZone } from '../../../src/delivery/schedule/parse-time-zone.ts';

const cronOf = (input: string, minIntervalMinutes?: number) => parseSchedule(input, { timezone: 'Europe/Paris', minIntervalMinutes }).cron;

describe('parseSchedule', () => {
  it.each([
    ['daily 08:00', '0 8 * * *'],
    ['every day at 8', '0 8 * * *'],
    ['8:15pm', '15 20 * * *'],
    ['twice daily', '0 8,20 * * *'],
    ['twice a day 7:00 19:00', '0 7,19 * * *'],
    ['weekdays 07:30', '30 7 * * 1-5'],
    ['monday to friday 9am', '0 9 * * 1-5'],
    ['weekends 10:00', '0 10 * * 0,6'],
    ['mon,thu 18:00', '0 18 * * 1,4'],
    ['Monday and Thursday 18:00', '0 18 * * 1,4'],
    ['every 3h', '0 */3 * * *'],
    ['every 30 min', '*/30 * * * *'],
    ['hourly', '0 * * * *'],
    ['daily 08:00, 18:00', '0 8,18 * * *'],
    ['0 8 * * *', '0 8 * * *'],
    ['*/5 * * * *', '*/5 * * * *'],
    ['@daily', '0 0 * * *'],
    // French
    ['tous les jours 08:00', '0 8 * * *'],
    ['tous les jours à 8h', '0 8 * * *'],
    ['quotidien 6h30', '30 6 * * *'],
    ['deux fois par jour', '0 8,20 * * *'],
    ['en semaine 7h30', '30 7 * * 1-5'],
    ['du lundi au vendredi 9h', '0 9 * * 1-5'],
    ['lun,jeu 18h', '0 18 * * 1,4'],
    ['le week-end 10h', '0 10 * * 0,6'],
    ['toutes les 3 heures', '0 */3 * * *'],
    ['toutes les heures', '0 * * * *'],
    ['midi', '0 12 * * *'],
  ])('understands “%s” as %s', (input, cron) => {
    expect(cronOf(input)).toBe(cron);
  });

  it('takes a time zone written after the schedule', () => {
    expect(parseSchedule('daily 08:00 America/New_York', { timezone: 'Europe/Paris' })).toMatchObject({ cron: '0 8 * * *', timezone: 'America/New_York' });
    expect(parseSchedule('daily 08:00', { timezone: 'Europe/Paris' }).timezone).toBeNull();
  });

  it.each([
    ['dialy 8:00', 'unrecognized'],
    ['', 'unrecognized'],
    ['25:00', 'bad_time'],
    ['13pm', 'bad_time'],
    ['every 7h', 'uneven_interval'],
    ['every 45 minutes', 'uneven_interval'],
    ['daily 8:00 18:30', 'mixed_times'],
    ['61 8 * * *', 'bad_cron'],
    ['*/10 * * * * *', 'sub_minute'],
    ['daily 08:00 Mars/Olympus', 'unknown_time_zone'],
  ])('refuses “%s” (%s)', (input, problem) => {
    expect(() => cronOf(input)).toThrow(expect.objectContaining({ problem, input: expect.any(String) as string }) as Error);
  });

  it('accepts every minute unless the instance sets a minimum interval', () => {
    expect(cronOf('* * * * *')).toBe('* * * * *');
    expect(() => cronOf('* * * * *', 15)).toThrow(expect.objectContaining({ problem: 'too_frequent' }) as Error);
    expect(() => cronOf('every 10 min', 15)).toThrow(expect.objectContaining({ problem: 'too_frequent' }) as Error);
    expect(cronOf('every 3h', 15)).toBe('0 */3 * * *');
  });
});

describe('describeSchedule', () => {
  it.each([
    ['0 8 * * *', 'every day at 08:00', 'tous les jours à 08:00'],
    ['0 8,20 * * *', 'twice a day, at 08:00 and 20:00', 'deux fois par jour, à 08:00 et 20:00'],
    ['30 7 * * 1-5', 'on weekdays at 07:30', 'en semaine à 07:30'],
    ['0 10 * * 0,6', 'on weekends at 10:00', 'le week-end à 10:00'],
    ['0 18 * * 1,4', 'on Monday and Thursday at 18:00', 'le lundi et le jeudi à 18:00'],
    ['0 */3 * * *', 'every 3 hours', 'toutes les 3 heures'],
    ['0 * * * *', 'every hour', 'toutes les heures'],
    ['*/30 * * * *', 'every 30 minutes', 'toutes les 30 minutes'],
    ['0 8 1 * *', 'on cron schedule “0 8 1 * *”', 'selon l’expression cron « 0 8 1 * * »'],
  ])('%s → “%s”', (cron, en, fr) => {
    const schedule = compileSchedule(cron, 'Europe/Paris');
    expect(describeSchedule(schedule, 'en')).toBe(en);
    expect(describeSchedule(schedule, 'fr')).toBe(fr);
  });

  it('shows an instant in the chat’s own time zone', () => {
    const instant = Date.parse('2025-01-07T07:00:00Z');
    expect(describeInstant(instant, 'Europe/Paris', 'en')).toBe('Tuesday 7 January at 08:00 (Europe/Paris)');
    expect(describeInstant(instant, 'America/New_York', 'fr')).toBe('mardi 7 janvier à 02:00 (America/New_York)');
  });
});

describe('parseTimeZone', () => {
  it('reads IANA names in any case, with spaces, and unambiguous cities', () => {
    expect(parseTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(parseTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(parseTimeZone('America/New York')).toBe('America/New_York');
    expect(parseTimeZone('Tokyo')).toBe('Asia/Tokyo');
    expect(parseTimeZone('montréal')).toMatch(/^America\/(Montreal|Toronto)$/);
    expect(parseTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(parseTimeZone('utc')).toBe('UTC');
  });

  it('refuses unknown zones, suggesting close ones', () => {
    expect(() => parseTimeZone('Paris/France')).toThrow(expect.objectContaining({ problem: 'unknown_time_zone' }) as Error);
    expect(() => parseTimeZone('Europe/Pariss')).toThrow(/did you mean Europe\/Paris/);
    expect(() => parseTimeZone('')).toThrow(expect.objectContaining({ problem: 'unknown_time_zone' }) as Error);
  });
});
