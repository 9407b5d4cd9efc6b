import { ScheduleError } from './schedule-error.ts';
import { isKnownTimeZone } from './time-zone.ts';

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}

function canonicalName(zone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

/**
 * Reads a time zone the way users type it: "Europe/Paris", "europe/paris", "America/New York",
 * or a city alone when only one zone has that name ("Paris", "Montréal"). Returns the IANA
 * spelling; throws a ScheduleError (`unknown_time_zone`) otherwise.
 *
 * @example
 *   parseTimeZone('america/new york'); // 'America/New_York'
 *   parseTimeZone('Tokyo');            // 'Asia/Tokyo'
 */
export function parseTimeZone(input: string): string {
  const typed = input.trim();
  if (!typed) throw new ScheduleError('unknown_time_zone', typed, 'no time zone given');
  if (/^(utc|gmt|z)$/i.test(typed)) return 'UTC';
  const candidate = typed.replace(/\s+/g, '_');
  if (candidate.includes('/') && /^[\p{L}\d_+\-/]+$/u.test(candidate) && isKnownTimeZone(candidate)) return canonicalName(candidate);
  const wanted = fold(typed);
  const zones = Intl.supportedValuesOf('timeZone');
  const byCity = zones.filter((zone) => fold(zone.split('/').at(-1) ?? '') === wanted);
  if (byCity.length === 1 && byCity[0]) return byCity[0];
  const close = zones.filter((zone) => fold(zone).includes(wanted.split('/').at(-1) ?? wanted)).slice(0, 3);
  throw new ScheduleError('unknown_time_zone', typed, close.length ? `unknown time zone; did you mean ${close.join(', ')}?` : 'unknown time zone');
}
