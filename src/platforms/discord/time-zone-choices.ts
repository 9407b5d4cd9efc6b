import { foldZoneName } from '../../delivery/schedule/time-zone.ts';

/** Zones offered before anything is typed: the most asked-for ones. */
const POPULAR = ['UTC', 'Europe/Paris', 'Europe/London', 'Europe/Brussels', 'Europe/Zurich', 'Europe/Berlin', 'America/Montreal', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Sao_Paulo', 'Africa/Dakar', 'Africa/Abidjan', 'Africa/Casablanca', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Shanghai', 'Australia/Sydney', 'Pacific/Noumea', 'Indian/Reunion'];

let zones: readonly string[] | null = null;

/** Every IANA zone this runtime knows (Intl), with UTC. */
function allZones(): readonly string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zones;
}

/**
 * The time zones matching what a user typed, best first, for Discord's autocomplete (at most
 * `limit`, Discord takes 25): the whole name, then a city, then a part of the name; accents,
 * case, spaces and underscores do not matter ("new york", "sao", "europe/par").
 *
 * @example
 *   timeZoneChoices('paris'); // ['Europe/Paris']
 *   timeZoneChoices('new y'); // ['America/New_York']
 */
export function timeZoneChoices(query: string, limit = 25): string[] {
  const wanted = foldZoneName(query.trim());
  if (!wanted) return POPULAR.filter((zone) => allZones().includes(zone)).slice(0, limit);
  const ranked: { zone: string; rank: number }[] = [];
  for (const zone of allZones()) {
    const name = foldZoneName(zone);
    const city = name.slice(name.lastIndexOf('/') + 1);
    const rank = name === wanted || city === wanted ? 0 : name.startsWith(wanted) ? 1 : city.startsWith(wanted) ? 2 : name.includes(wanted) ? 3 : -1;
    if (rank >= 0) ranked.push({ zone, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.zone.localeCompare(b.zone))
    .slice(0, limit)
    .map((entry) => entry.zone);
}
