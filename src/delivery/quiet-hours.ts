/**
 * A chat's quiet hours: a daily span, in the chat's time zone, when its digests arrive without
 * a notification sound. Minutes since local midnight; `from` after `to` spans midnight.
 *
 * @example
 *   const night: QuietHours = { from: 22 * 60, to: 7 * 60 }; // 22:00–07:00
 */
export interface QuietHours {
  from: number;
  to: number;
}

/** What a typed quiet-hours value asks for: a span, `null` for none, or an error naming the problem. */
export type QuietHoursParse = { ok: true; value: QuietHours | null } | { ok: false; problem: string };

const OFF = new Set(['off', 'none', 'no', 'non', 'aucune', 'aucun', 'désactivé', 'desactive', '0']);
const TIME = String.raw`(\d{1,2})(?:[:h.](\d{2}))?h?`;
const SPAN = new RegExp(`^${TIME}\\s*(?:-|–|—|to|à|a)\\s*${TIME}$`, 'i');

function minutes(hours: string | undefined, mins: string | undefined): number | null {
  const h = Number(hours);
  const m = mins === undefined ? 0 : Number(mins);
  if (!Number.isInteger(h) || h > 24 || m > 59 || (h === 24 && m > 0)) return null;
  return (h % 24) * 60 + m;
}

/**
 * Reads quiet hours as people type them: "22-07", "22:30-6:45", "22h-7h", "23 to 8", "off".
 *
 * @example
 *   parseQuietHours('22-07'); // { ok: true, value: { from: 1320, to: 420 } }
 *   parseQuietHours('off');   // { ok: true, value: null }
 */
export function parseQuietHours(text: string): QuietHoursParse {
  const trimmed = text.trim().toLowerCase();
  if (OFF.has(trimmed)) return { ok: true, value: null };
  const match = SPAN.exec(trimmed);
  if (!match) return { ok: false, problem: `“${text.trim()}” is not a span of hours (expected e.g. 22-07 or 22:30-06:45, or off)` };
  const from = minutes(match[1], match[2]);
  const to = minutes(match[3], match[4]);
  if (from === null || to === null) return { ok: false, problem: `“${text.trim()}” has an hour past 24:00 or minutes past 59` };
  if (from === to) return { ok: false, problem: `“${text.trim()}” starts and ends at the same time` };
  return { ok: true, value: { from, to } };
}

function clock(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * Quiet hours as canonical text: "22-07" for whole hours, "22:30-06:45" otherwise, "off" for none.
 *
 * @example
 *   formatQuietHours({ from: 1320, to: 420 }); // '22-07'
 */
export function formatQuietHours(quiet: QuietHours | null | undefined): string {
  if (!quiet) return 'off';
  if (quiet.from % 60 === 0 && quiet.to % 60 === 0) return `${clock(quiet.from).slice(0, 2)}-${clock(quiet.to).slice(0, 2)}`;
  return `${clock(quiet.from)}-${clock(quiet.to)}`;
}

/**
 * Quiet hours as a reader sees them: "22:00–07:00".
 *
 * @example
 *   describeQuietHours({ from: 1320, to: 420 }); // '22:00–07:00'
 */
export function describeQuietHours(quiet: QuietHours): string {
  return `${clock(quiet.from)}–${clock(quiet.to)}`;
}

/**
 * Whether `at` falls within the quiet hours, in the chat's time zone.
 *
 * @example
 *   isQuietAt({ from: 1320, to: 420 }, 'Europe/Paris', Date.parse('2024-11-06T23:30:00Z')); // true (00:30 in Paris)
 */
export function isQuietAt(quiet: QuietHours | null | undefined, timezone: string, at: number): boolean {
  if (!quiet || !Number.isFinite(at)) return false;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  const minute = Number(parts.find((part) => part.type === 'minute')?.value);
  const local = hour * 60 + minute;
  return quiet.from < quiet.to ? local >= quiet.from && local < quiet.to : local >= quiet.from || local < quiet.to;
}
