import { validateDetailed } from 'node-cron';
import { ScheduleError } from './schedule-error.ts';
import { instantOfLocalTime, isKnownTimeZone, localTimeAt, utcOffsetMinutes } from './time-zone.ts';

const DAY = 86_400_000;
const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
/** Far enough to find the next 29 February from any date. */
const MAX_SCAN_DAYS = 366 * 8 + 2;

/**
 * A cron expression compiled for one time zone: the fields node-cron parsed, plus the times of
 * day it fires (seconds since local midnight). node-cron runs the timers; this module answers
 * "which slot is this?" with the same field semantics (day of month AND day of week, as node-cron
 * does) and a defined DST rule, so catch-up and multi-instance keys agree on every slot.
 */
export interface CompiledSchedule {
  cron: string;
  timezone: string;
  months: readonly number[];
  daysOfMonth: readonly (number | string)[];
  daysOfWeek: readonly (number | string)[];
  hours: readonly number[];
  minutes: readonly number[];
  second: number;
  /** Seconds since local midnight, ascending. */
  times: readonly number[];
}

function cronError(cron: string, detail: string, field?: string): ScheduleError {
  return new ScheduleError('bad_cron', cron, detail, field ? { field } : {});
}

/**
 * Validates a cron expression (5 fields, or 6 with a fixed second) and a time zone, and compiles
 * them. Expressions firing more often than once a minute are refused.
 *
 * @example
 *   const schedule = compileSchedule('30 7 * * 1-5', 'Europe/Paris');
 *   nextSlotAfter(schedule, Date.now());
 */
export function compileSchedule(cron: string, timezone: string): CompiledSchedule {
  if (!isKnownTimeZone(timezone) || (!timezone.includes('/') && timezone !== 'UTC')) {
    throw new ScheduleError('unknown_time_zone', timezone, `"${timezone}" is not an IANA time zone`);
  }
  const typed = cron.trim().replace(/\s+/g, ' ');
  const expression = NICKNAMES[typed.toLowerCase()] ?? typed;
  const result = validateDetailed(expression);
  if (!result.valid || !result.fields) {
    const first = result.errors[0];
    throw cronError(cron, first?.message.replace(/is a invalid/, 'is not a valid') ?? 'invalid cron expression', first?.field);
  }
  const { second, minute, hour, dayOfMonth, month, dayOfWeek } = result.fields;
  if (second.length !== 1) throw new ScheduleError('sub_minute', cron, 'runs more than once a minute', { field: 'second' });
  const onSecond = second[0] ?? 0;
  const times: number[] = [];
  for (const h of hour) for (const m of minute) times.push(h * 3600 + m * 60 + onSecond);
  return {
    cron: expression,
    timezone,
    months: month,
    daysOfMonth: dayOfMonth,
    daysOfWeek: dayOfWeek,
    hours: [...hour].sort((a, b) => a - b),
    minutes: [...minute].sort((a, b) => a - b),
    second: onSecond,
    times: [...new Set(times)].sort((a, b) => a - b),
  };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const weekday = weekdayOf(year, month, target);
  if (weekday === 6) return target === 1 ? target + 2 : target - 1;
  if (weekday === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(field: readonly (number | string)[], year: number, month: number, day: number): boolean {
  for (const value of field) {
    if (value === day) return true;
    if (typeof value !== 'string') continue;
    if (value === 'L' && day === lastDayOfMonth(year, month)) return true;
    const weekdayToken = /^(\d{1,2}|L)W$/.exec(value);
    if (weekdayToken?.[1] !== undefined) {
      const target = weekdayToken[1] === 'L' ? lastDayOfMonth(year, month) : Number(weekdayToken[1]);
      if (nearestWeekday(year, month, target) === day) return true;
    }
    const offsetToken = /^L-(\d{1,2})$/.exec(value);
    if (offsetToken?.[1] !== undefined && lastDayOfMonth(year, month) - Number(offsetToken[1]) === day) return true;
  }
  return false;
}

function matchesDayOfWeek(field: readonly (number | string)[], year: number, month: number, day: number): boolean {
  const weekday = weekdayOf(year, month, day);
  for (const value of field) {
    if (value === weekday) return true;
    if (typeof value !== 'string') continue;
    const nth = /^([0-7])#([1-5])$/.exec(value);
    if (nth?.[1] !== undefined && Number(nth[1]) % 7 === weekday && Math.floor((day - 1) / 7) + 1 === Number(nth[2])) return true;
    const last = /^([0-7])L$/i.exec(value);
    if (last?.[1] !== undefined && Number(last[1]) % 7 === weekday && day + 7 > lastDayOfMonth(year, month)) return true;
  }
  return false;
}

/** The instants a schedule fires on one local calendar day (given as its UTC midnight), ascending, without duplicates. */
function slotsOfDay(schedule: CompiledSchedule, dayStart: number): number[] {
  const date = new Date(dayStart);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  if (!schedule.months.includes(month)) return [];
  if (!matchesDayOfMonth(schedule.daysOfMonth, year, month, day) || !matchesDayOfWeek(schedule.daysOfWeek, year, month, day)) return [];
  const offsetBefore = utcOffsetMinutes(dayStart - DAY, schedule.timezone);
  const offsetAfter = utcOffsetMinutes(dayStart + 2 * DAY, schedule.timezone);
  const instants: number[] = [];
  for (const time of schedule.times) {
    const instant =
      offsetBefore === offsetAfter
        ? dayStart + time * 1000 - offsetBefore * 60_000
        : instantOfLocalTime(
            { year, month, day, hour: Math.floor(time / 3600), minute: Math.floor(time / 60) % 60, second: time % 60 },
            schedule.timezone,
          );
    // A time inside the spring gap lands on a later time of the same night: one slot, not two.
    if (instants.at(-1) !== instant) instants.push(instant);
  }
  return instants.sort((a, b) => a - b);
}

function localDayStart(instant: number, timezone: string): number {
  const local = localTimeAt(instant, timezone);
  return Date.UTC(local.year, local.month - 1, local.day);
}

/**
 * The first slot strictly after `instant`.
 *
 * @example
 *   nextSlotAfter(compileSchedule('0 8 * * *', 'UTC'), Date.UTC(2025, 0, 1, 9)); // 2025-01-02T08:00Z
 */
export function nextSlotAfter(schedule: CompiledSchedule, instant: number): number {
  let best: number | null = null;
  let day = localDayStart(instant, schedule.timezone) - DAY;
  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++, day += DAY) {
    const found = slotsOfDay(schedule, day).find((slot) => slot > instant);
    if (found !== undefined && (best === null || found < best)) best = found;
    // Look one day past the first hit: a DST shift can move a late slot past the next midnight.
    if (best !== null && day > best) return best;
  }
  if (best !== null) return best;
  throw new ScheduleError('bad_cron', schedule.cron, 'never fires');
}

/**
 * The latest slot at or before `instant`, looking back no further than `notBefore`; null when
 * there is none in that range. This is what a chat that missed slots during downtime is owed:
 * one digest, for the latest slot.
 *
 * @example
 *   latestSlotAtOrBefore(schedule, Date.now(), lastHandledSlot); // null → nothing missed
 */
export function latestSlotAtOrBefore(schedule: CompiledSchedule, instant: number, notBefore: number): number | null {
  let best: number | null = null;
  const firstDay = localDayStart(instant, schedule.timezone) + DAY;
  const lastDay = Math.max(localDayStart(notBefore, schedule.timezone) - DAY, firstDay - MAX_SCAN_DAYS * DAY);
  for (let day = firstDay; day >= lastDay; day -= DAY) {
    const slots = slotsOfDay(schedule, day);
    for (let index = slots.length - 1; index >= 0; index--) {
      const slot = slots[index];
      if (slot !== undefined && slot <= instant) {
        if (best === null || slot > best) best = slot;
        break;
      }
    }
    if (best !== null && day + 2 * DAY < best) break;
  }
  return best !== null && best >= notBefore ? best : null;
}

/**
 * The shortest time between two consecutive slots, in minutes, from the nominal times of day
 * (a DST night can only merge slots, never bring them closer).
 *
 * @example
 *   shortestIntervalMinutes(compileSchedule('0 8,20 * * *', 'UTC')); // 720
 */
export function shortestIntervalMinutes(schedule: CompiledSchedule): number {
  const { times } = schedule;
  let shortest = 24 * 60;
  for (let index = 1; index < times.length; index++) {
    shortest = Math.min(shortest, ((times[index] ?? 0) - (times[index - 1] ?? 0)) / 60);
  }
  const first = times[0];
  const last = times.at(-1);
  if (first !== undefined && last !== undefined && times.length > 1) shortest = Math.min(shortest, (24 * 3600 - last + first) / 60);
  return shortest;
}

/**
 * Rejects a schedule that fires more often than an instance allows (config
 * `schedule.minIntervalMinutes`); no limit when `minimumMinutes` is undefined.
 *
 * @example
 *   assertMinimumInterval(compileSchedule('* * * * *', 'UTC'), 15); // throws too_frequent
 */
export function assertMinimumInterval(schedule: CompiledSchedule, minimumMinutes: number | undefined, input = schedule.cron): void {
  if (minimumMinutes === undefined) return;
  const interval = shortestIntervalMinutes(schedule);
  if (interval < minimumMinutes) {
    throw new ScheduleError('too_frequent', input, `runs every ${interval} min; this instance allows at most one digest every ${minimumMinutes} min`, {
      intervalMinutes: interval,
      minimumMinutes,
    });
  }
}
