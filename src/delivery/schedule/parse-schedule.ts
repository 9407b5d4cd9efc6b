import { assertMinimumInterval, compileSchedule, type CompiledSchedule } from './cron-slots.ts';
import { parseTimeZone } from './parse-time-zone.ts';
import { ScheduleError } from './schedule-error.ts';

/** A schedule as typed by a user, understood: the cron expression and, if named, a time zone. */
export interface ParsedSchedule {
  cron: string;
  /** The time zone written after the schedule ("daily 08:00 Europe/Paris"), or null. */
  timezone: string | null;
  compiled: CompiledSchedule;
}

const DEFAULT_TIME = { hour: 8, minute: 0 };
const TWICE_DAILY = [
  { hour: 8, minute: 0 },
  { hour: 20, minute: 0 },
];

const DAY_NAMES: readonly (readonly string[])[] = [
  ['sun', 'sunday', 'dim', 'dimanche'],
  ['mon', 'monday', 'lun', 'lundi'],
  ['tue', 'tues', 'tuesday', 'mar', 'mardi'],
  ['wed', 'wednesday', 'mer', 'mercredi'],
  ['thu', 'thur', 'thurs', 'thursday', 'jeu', 'jeudi'],
  ['fri', 'friday', 'ven', 'vendredi'],
  ['sat', 'saturday', 'sam', 'samedi'],
];

const EVERY_DAY = new Set(['', 'daily', 'day', 'days', 'everyday', 'jour', 'jours', 'quotidien', 'quotidiennement', 'par jour']);
const WEEKDAYS = new Set(['weekdays', 'weekday', 'workdays', 'working days', 'en semaine', 'semaine', 'jours ouvres', 'jours de semaine']);
const WEEKENDS = new Set(['weekend', 'weekends']);
/** Connecting words users put between the parts of a schedule; they carry no meaning here. */
const FILLER = /\b(at|on|a|le|les|la|and|et|every|each|the|chaque|tous|toutes|du|from|de)\b/g;

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function looksLikeCron(text: string): boolean {
  if (/^@\w+$/.test(text)) return true;
  const fields = text.split(' ');
  return (fields.length === 5 || fields.length === 6) && fields.slice(0, 2).every((field) => /^[\d*/,-]+$/.test(field));
}

type TimeOfDay = { hour: number; minute: number };

const TIME_PATTERN = /\b(\d{1,2})(?:\s*[:h.]\s*(\d{2})|\s*h)?\s*(am|pm)?(?=$|[\s,;])|\b(noon|midday|midi|midnight|minuit)\b/g;

/** Times of day in a text ("08:00", "8h30", "7pm", "midi"); the text with them removed. */
function extractTimes(text: string, input: string): { times: TimeOfDay[]; rest: string } {
  const times: TimeOfDay[] = [];
  const rest = text.replace(TIME_PATTERN, (match, hourText: string | undefined, minuteText: string | undefined, meridiem: string | undefined, word: string | undefined) => {
    if (word) {
      times.push({ hour: word === 'midnight' || word === 'minuit' ? 0 : 12, minute: 0 });
      return ' ';
    }
    // A bare number is only a time with a separator, an "h" or am/pm ("mon 8" is not a time).
    if (minuteText === undefined && meridiem === undefined && !/h\s*$/.test(match)) return match;
    let hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (meridiem) {
      if (hour < 1 || hour > 12) throw new ScheduleError('bad_time', input, `"${match.trim()}" is not a time: with am/pm the hour is 1 to 12`);
      hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    }
    if (hour > 23 || minute > 59) throw new ScheduleError('bad_time', input, `"${match.trim()}" is not a time of day (00:00 to 23:59)`);
    times.push({ hour, minute });
    return ' ';
  });
  return { times, rest: rest.replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim() };
}

function dayNumber(word: string): number | null {
  const bare = word.replace(/s$/, '');
  const index = DAY_NAMES.findIndex((names) => names.includes(word) || names.includes(bare));
  return index === -1 ? null : index;
}

/** A day description reduced to its meaningful words: ranges joined ("mon-fri"), filler dropped. */
function daySpec(text: string): string {
  return text
    .replace(/\bweek[\s-]?ends?\b/g, 'weekend')
    .replace(/\b([a-z]+)\s*(?:-|\bto\b|\bau\b|\ba\b|\bthrough\b|\buntil\b)\s*([a-z]+)\b/g, (match, from: string, to: string) =>
      dayNumber(from) !== null && dayNumber(to) !== null ? `${from}-${to}` : match,
    )
    .replace(FILLER, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The days a reduced description names, as a cron day-of-week field; null when it is not a day description. */
function dayField(spec: string): string | null {
  if (EVERY_DAY.has(spec)) return '*';
  if (WEEKDAYS.has(spec)) return '1-5';
  if (WEEKENDS.has(spec)) return '0,6';
  const days = new Set<number>();
  for (const word of spec.split(/[\s,/+]+/).filter(Boolean)) {
    const range = /^([a-z]+)-([a-z]+)$/.exec(word);
    if (range?.[1] && range[2]) {
      const from = dayNumber(range[1]);
      const to = dayNumber(range[2]);
      if (from === null || to === null) return null;
      for (let day = from; ; day = (day + 1) % 7) {
        days.add(day);
        if (day === to) break;
      }
      continue;
    }
    const day = dayNumber(word);
    if (day === null) return null;
    days.add(day);
  }
  if (!days.size) return null;
  const field = [...days].sort((a, b) => a - b).join(',');
  if (field === '1,2,3,4,5') return '1-5';
  return days.size === 7 ? '*' : field;
}

function timesField(times: readonly TimeOfDay[], input: string): { minute: string; hour: string } {
  const hours = [...new Set(times.map((time) => time.hour))].sort((a, b) => a - b);
  const minutes = [...new Set(times.map((time) => time.minute))].sort((a, b) => a - b);
  if (hours.length * minutes.length !== new Set(times.map((time) => time.hour * 60 + time.minute)).size) {
    throw new ScheduleError('mixed_times', input, 'several times in one schedule must share their minutes (08:00 and 18:00) or their hours (08:00 and 08:30)');
  }
  return { minute: minutes.join(','), hour: hours.join(',') };
}

/** "every 3h", "toutes les 30 min", "hourly"… → a cron expression, or null when the text is not an interval. */
function intervalCron(text: string, input: string): string | null {
  if (/^(hourly|every hour|each hour|toutes les heures|chaque heure|1x per hour|once an hour)$/.test(text)) return '0 * * * *';
  if (/^(every minute|toutes les minutes|chaque minute)$/.test(text)) return '* * * * *';
  const match = /^(?:every|toutes les|tous les|chaque)\s+(\d+)\s*(h|hr|hrs|hours?|heures?|m|mn|mins?|minutes?)$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const count = Number(match[1]);
  const inHours = match[2].startsWith('h');
  const span = inHours ? 24 : 60;
  if (count < 1 || span % count !== 0 || count === span) {
    const fits = (inHours ? [1, 2, 3, 4, 6, 8, 12] : [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]).join(', ');
    throw new ScheduleError('uneven_interval', input, `an interval must divide the ${inHours ? 'day' : 'hour'} evenly: every ${fits} ${inHours ? 'hours' : 'minutes'}`);
  }
  if (inHours) return count === 1 ? '0 * * * *' : `0 */${count} * * *`;
  return count === 1 ? '* * * * *' : `*/${count} * * * *`;
}

/**
 * Understands a schedule the way chat users type it — a cron expression, or "daily 08:00",
 * "twice daily", "weekdays 07:30", "mon,thu 18:00", "every 3h", "hourly", and French forms
 * ("tous les jours 8h", "en semaine 7h30", "lun,jeu 18h", "toutes les 3 heures") — optionally
 * followed by a time zone. Refuses anything firing more often than `minIntervalMinutes`.
 * Throws a ScheduleError saying what was wrong.
 *
 * @example
 *   parseSchedule('weekdays 07:30', { timezone: 'Europe/Paris' }).cron; // '30 7 * * 1-5'
 *   parseSchedule('tous les jours 8h America/New_York', { timezone: 'UTC' }).timezone; // 'America/New_York'
 */
export function parseSchedule(input: string, options: { timezone: string; minIntervalMinutes?: number | undefined }): ParsedSchedule {
  let text = input.trim().replace(/\s+/g, ' ');
  if (!text) throw new ScheduleError('unrecognized', input, 'no schedule given');
  let timezone: string | null = null;
  const lastWord = text.split(' ').at(-1) ?? '';
  if (/^[A-Za-z]+\/[A-Za-z_/+-]+$/.test(lastWord) || /^utc$/i.test(lastWord)) {
    timezone = parseTimeZone(lastWord);
    text = text.slice(0, text.length - lastWord.length).trim();
  }
  const folded = fold(text);
  const cron = looksLikeCron(text) ? text : (intervalCron(folded, input) ?? friendlyCron(folded, input));
  if (!cron) {
    throw new ScheduleError('unrecognized', input, 'not a schedule I know');
  }
  const compiled = compileSchedule(cron, timezone ?? options.timezone);
  assertMinimumInterval(compiled, options.minIntervalMinutes, input);
  return { cron: compiled.cron, timezone, compiled };
}

function friendlyCron(folded: string, input: string): string | null {
  const twice = /^(twice (a day|daily)|2x (a day|daily)|deux fois par jour|2 fois par jour)\b(.*)$/.exec(folded);
  if (twice) {
    const { times, rest } = extractTimes(twice[4] ?? '', input);
    if (daySpec(rest)) return null;
    if (times.length !== 0 && times.length !== 2) throw new ScheduleError('bad_time', input, 'twice daily takes two times, e.g. "twice daily 07:00 19:00"');
    const { minute, hour } = timesField(times.length ? times : TWICE_DAILY, input);
    return `${minute} ${hour} * * *`;
  }
  const { times, rest } = extractTimes(folded, input);
  let spec = daySpec(rest);
  // "every day at 8": a bare number after the days is an hour.
  const bareHour = /(?:^| )(\d{1,2})$/.exec(spec);
  if (!times.length && bareHour?.[1] !== undefined) {
    const hour = Number(bareHour[1]);
    if (hour > 23) throw new ScheduleError('bad_time', input, `"${bareHour[1]}" is not an hour of the day (0 to 23)`);
    times.push({ hour, minute: 0 });
    spec = spec.slice(0, bareHour.index).trim();
  }
  if (!times.length && !spec) return null;
  const days = dayField(spec);
  if (days === null) return null;
  const { minute, hour } = timesField(times.length ? times : [DEFAULT_TIME], input);
  return `${minute} ${hour} * * ${days}`;
}
