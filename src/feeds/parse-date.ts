const MONTHS: Record<string, number> = {
  jan: 0, janv: 0, janvier: 0, januar: 0, ene: 0, gen: 0,
  feb: 1, fev: 1, fevr: 1, fevrier: 1, februar: 1, febr: 1,
  mar: 2, mars: 2, marz: 2, maerz: 2, mrz: 2,
  apr: 3, avr: 3, avril: 3, abr: 3,
  may: 4, mai: 4, mei: 4, mag: 4,
  jun: 5, juin: 5, juni: 5,
  jul: 6, juil: 6, juillet: 6, juli: 6, lug: 6,
  aug: 7, aout: 7, ago: 7,
  sep: 8, sept: 8, set: 8,
  oct: 9, okt: 9, ott: 9, out: 9,
  nov: 10,
  dec: 11, dez: 11, dic: 11, desember: 11,
};

/** Time-zone abbreviations seen in real feeds, as minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, IST: 60, WEST: 60, CET: 60, MEZ: 60, CEST: 120, MESZ: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
  JST: 540, KST: 540, AEST: 600, AEDT: 660, ACST: 570, AWST: 480, NZST: 720, NZDT: 780,
};

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0; // no zone: read as UTC, the least surprising guess
  const upper = zone.toUpperCase();
  if (upper in ZONES) return ZONES[upper] ?? 0;
  const numeric = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(upper);
  if (!numeric) return null;
  const sign = numeric[1] === '-' ? -1 : 1;
  return sign * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
}

function fullYear(year: number): number {
  return year < 100 ? (year < 70 ? 2000 + year : 1900 + year) : year;
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, offset: number): number | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const time = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  return Number.isFinite(time) ? time : null;
}

const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|[A-Z]{2,5})?)?$/i;
const RFC822 = /^(?:[A-Za-zéû]+\.?,?\s*)?(\d{1,2})(?:\.|\s|-)*([A-Za-zéûä]+)\.?(?:\s|-)*(\d{2,4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(\(?[A-Za-z]{1,5}\)?|(?:GMT|UTC)?[+-]\d{1,2}:?\d{2}|(?:GMT|UTC)?[+-]\d{1,2})?$/;
const US_STYLE = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/i;

function monthIndex(name: string): number | null {
  const key = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? null;
}

/**
 * Reads a feed date the way publishers really write them: RFC 822 (with or without weekday,
 * two-digit years, zone names like CEST, `+0100` or `GMT+2`), ISO 8601 (`T` or space, with or
 * without seconds, offset colon or zone), US-style "March 5, 2024 10:00 AM". Returns epoch ms,
 * or null when the text is not a date.
 *
 * @example
 *   parseFeedDate('Wed, 06 Nov 2024 09:30:00 +0100'); // 1730881800000
 *   parseFeedDate('2024-11-06 08:30'); // read as UTC
 */
export function parseFeedDate(raw: string | null | undefined): number | null {
  const text = raw?.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const iso = ISO.exec(text);
  if (iso) {
    const offset = offsetMinutes(iso[7]);
    if (offset === null) return null;
    return build(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0), offset);
  }
  const rfc = RFC822.exec(text);
  if (rfc) {
    const month = monthIndex(rfc[2] ?? '');
    const offset = offsetMinutes(rfc[7]?.replace(/[()]/g, ''));
    if (month !== null && offset !== null) {
      return build(fullYear(Number(rfc[3])), month, Number(rfc[1]), Number(rfc[4] ?? 0), Number(rfc[5] ?? 0), Number(rfc[6] ?? 0), offset);
    }
  }
  const us = US_STYLE.exec(text);
  if (us) {
    const month = monthIndex(us[1] ?? '');
    const offset = offsetMinutes(us[8]);
    if (month !== null && offset !== null) {
      let hour = Number(us[4] ?? 0);
      const meridiem = us[7]?.toUpperCase();
      if (meridiem === 'PM' && hour < 12) hour += 12;
      if (meridiem === 'AM' && hour === 12) hour = 0;
      return build(Number(us[3]), month, Number(us[2]), hour, Number(us[5] ?? 0), Number(us[6] ?? 0), offset);
    }
  }
  if (/^\d{10}(\d{3})?$/.test(text)) return text.length === 10 ? Number(text) * 1000 : Number(text);
  const fallback = Date.parse(text);
  return Number.isFinite(fallback) ? fallback : null;
}

/**
 * The publication time to keep for an item: its parsed date when plausible, else `firstSeen`.
 * A date in the future (beyond a day of clock skew) or before 1990 is a broken feed, not news.
 *
 * @example
 *   publicationTime('not a date', now); // now
 */
export function publicationTime(raw: string | null | undefined, firstSeen: number): number {
  const time = parseFeedDate(raw);
  if (time === null || time > firstSeen + 24 * 3600 * 1000 || time < Date.UTC(1990, 0, 1)) return firstSeen;
  return time;
}
