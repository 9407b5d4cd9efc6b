import { ScheduleError } from './schedule-error.ts';
import { foldZoneName, isKnownTimeZone } from './time-zone.ts';

const AREAS = ['Europe', 'America', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic', 'Indian', 'Antarctica'];

function titleCase(zone: string): string {
  return zone.replace(/[\p{L}]+/gu, (word) => `${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()}`);
}

/** The spelling to keep for a zone the runtime accepts: its canonical name, or the user's alias properly cased ("Asia/Kolkata"). */
function spelling(zone: string): string | null {
  if (!isKnownTimeZone(zone)) return null;
  const canonical = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  if (canonical.toLowerCase() === zone.toLowerCase()) return canonical;
  const cased = titleCase(zone);
  return isKnownTimeZone(cased) ? cased : canonical;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

/**
 * Reads a time zone the way users type it: "Europe/Paris", "europe/paris", "America/New York",
 * or a city alone ("Tokyo", "Montréal"). Returns the IANA spelling; throws a ScheduleError
 * (`unknown_time_zone`) naming close zones when there are some.
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
  if (/^[\p{L}\d_+\-/]+$/u.test(candidate)) {
    if (candidate.includes('/')) {
      const known = spelling(candidate);
      if (known) return known;
    } else {
      const city = foldZoneName(candidate);
      const zones = Intl.supportedValuesOf('timeZone');
      const listed = zones.filter((zone) => foldZoneName(zone.split('/').at(-1) ?? '') === city);
      if (listed.length === 1 && listed[0]) return listed[0];
      for (const area of AREAS) {
        const known = spelling(`${area}/${titleCase(city.normalize('NFKD').replace(/\p{M}/gu, ''))}`);
        if (known) return known;
      }
    }
  }
  const wanted = foldZoneName(typed.split('/').at(-1) ?? typed);
  const close = Intl.supportedValuesOf('timeZone')
    .map((zone) => ({ zone, score: distance(foldZoneName(zone.split('/').at(-1) ?? ''), wanted) }))
    .filter(({ score }) => score <= Math.max(1, Math.floor(wanted.length / 4)))
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map(({ zone }) => zone);
  throw new ScheduleError('unknown_time_zone', typed, close.length ? `unknown time zone; did you mean ${close.join(', ')}?` : 'unknown time zone');
}
