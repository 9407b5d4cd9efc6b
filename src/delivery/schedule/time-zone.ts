/** A wall-clock reading in some time zone; `weekday` is 0 (Sunday) to 6. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock time at `instant` in `timezone`.
 *
 * @example
 *   localTimeAt(Date.UTC(2025, 2, 30, 1, 0), 'Europe/Paris'); // { hour: 3, minute: 0, … }
 */
export function localTimeAt(instant: number, timezone: string): LocalTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? 1970;
  const month = fields.month ?? 1;
  const day = fields.day ?? 1;
  return {
    year,
    month,
    day,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** The wall-clock time as if it were UTC: a number that sorts like local time does. */
export function wallClockValue(time: Omit<LocalTime, 'weekday'>): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
}

/** Minutes `timezone` is ahead of UTC at `instant` (Paris in winter: 60). */
export function utcOffsetMinutes(instant: number, timezone: string): number {
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return Math.round((wallClockValue(localTimeAt(wholeSeconds, timezone)) - wholeSeconds) / MINUTE);
}

/**
 * The instant a wall-clock time denotes in `timezone`, resolved the way RFC 5545 and Temporal's
 * "compatible" mode do: a time that happens twice (autumn) is its first occurrence; a time that
 * does not exist (the spring gap) is read with the offset from before the gap, so 02:30 on the
 * night Paris skips 02:00–03:00 becomes 03:30.
 *
 * @example
 *   instantOfLocalTime({ year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0 }, 'Europe/Paris'); // 01:30Z
 */
export function instantOfLocalTime(time: Omit<LocalTime, 'weekday'>, timezone: string): number {
  const wall = wallClockValue(time);
  // Offsets a day either side: no zone changes its offset twice within two days.
  const before = utcOffsetMinutes(wall - DAY, timezone);
  const after = utcOffsetMinutes(wall + DAY, timezone);
  const candidates = [...new Set([wall - before * MINUTE, wall - after * MINUTE])].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (wallClockValue(localTimeAt(candidate, timezone)) === wall) return candidate;
  }
  return wall - before * MINUTE;
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A zone name as users may type it: accents, case, spaces, hyphens and underscores do not matter.
 *
 * @example
 *   foldZoneName('São Paulo'); // 'sao_paulo'
 */
export function foldZoneName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}
