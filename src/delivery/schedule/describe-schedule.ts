import type { CompiledSchedule } from './cron-slots.ts';

/** Languages schedules are described in. */
export type ScheduleLanguage = 'en' | 'fr';

const DAY_WORDS: Record<ScheduleLanguage, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
};
const MAX_TIMES_LISTED = 6;

function listed(items: readonly string[], lang: ScheduleLanguage): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${items.at(-1) ?? ''}`;
}

function clock(seconds: number, withSeconds: boolean): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const text = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`;
  return withSeconds ? `${text}:${pad(seconds % 60)}` : text;
}

function isRange(values: readonly number[], from: number, to: number): boolean {
  return values.length === to - from + 1 && values.every((value, index) => value === from + index);
}

/** A step N covering the whole range from 0 ("every N"), or null. */
function evenStep(values: readonly number[], span: number): number | null {
  const step = values[1];
  if (values[0] !== 0 || step === undefined || span % step !== 0 || values.length !== span / step) return null;
  return values.every((value, index) => value === index * step) ? step : null;
}

function daysPhrase(schedule: CompiledSchedule, lang: ScheduleLanguage): string | null | undefined {
  const days = schedule.daysOfWeek;
  if (days.some((day) => typeof day !== 'number')) return undefined;
  const numbers = (days as readonly number[]).slice().sort((a, b) => a - b);
  if (numbers.length === 7) return null;
  if (numbers.join() === '1,2,3,4,5') return lang === 'fr' ? 'en semaine' : 'on weekdays';
  if (numbers.join() === '0,6') return lang === 'fr' ? 'le week-end' : 'on weekends';
  const names = numbers.map((day) => DAY_WORDS[lang][day] ?? String(day));
  return lang === 'fr' ? listed(names.map((name) => `le ${name}`), lang) : `on ${listed(names, lang)}`;
}

/**
 * A schedule in words, for showing back what a chat asked for: "on weekdays at 07:30",
 * "every 3 hours", "tous les jours à 08:00". Falls back to quoting the cron expression when
 * words would not be shorter.
 *
 * @example
 *   describeSchedule(compileSchedule('30 7 * * 1-5', 'Europe/Paris'), 'en'); // 'on weekdays at 07:30'
 */
export function describeSchedule(schedule: CompiledSchedule, lang: ScheduleLanguage): string {
  const fallback = lang === 'fr' ? `selon l’expression cron « ${schedule.cron} »` : `on cron schedule “${schedule.cron}”`;
  const everyDayOfMonth = schedule.daysOfMonth.length === 31 && schedule.daysOfMonth.every((day, index) => day === index + 1);
  const days = daysPhrase(schedule, lang);
  if (!everyDayOfMonth || schedule.months.length !== 12 || days === undefined) return fallback;
  const { hours, minutes } = schedule;
  const withSeconds = schedule.second !== 0;
  const onDays = days ? ` ${days}` : '';

  const minuteStep = evenStep(minutes, 60);
  if (isRange(hours, 0, 23) && minuteStep !== null && !withSeconds) {
    return lang === 'fr' ? `toutes les ${minuteStep} minutes${onDays}` : `every ${minuteStep} minutes${onDays}`;
  }
  if (minutes.length === 1 && !withSeconds) {
    const minute = minutes[0] ?? 0;
    const past = minute ? (lang === 'fr' ? ` à ${minute} min` : ` at ${String(minute).padStart(2, '0')} past`) : '';
    if (isRange(hours, 0, 23)) return lang === 'fr' ? `toutes les heures${past}${onDays}` : `every hour${past}${onDays}`;
    const hourStep = evenStep(hours, 24);
    if (hourStep !== null) return lang === 'fr' ? `toutes les ${hourStep} heures${past}${onDays}` : `every ${hourStep} hours${past}${onDays}`;
  }
  if (schedule.times.length > MAX_TIMES_LISTED) return fallback;
  const times = listed(
    schedule.times.map((time) => clock(time, withSeconds)),
    lang,
  );
  if (!days && schedule.times.length === 2) return lang === 'fr' ? `deux fois par jour, à ${times}` : `twice a day, at ${times}`;
  if (!days) return lang === 'fr' ? `tous les jours à ${times}` : `every day at ${times}`;
  return lang === 'fr' ? `${days} à ${times}` : `${days} at ${times}`;
}

/**
 * When a slot falls, in the chat's own time zone: "Monday 6 January at 08:00 (Europe/Paris)".
 *
 * @example
 *   describeInstant(nextSlotAfter(schedule, Date.now()), 'Europe/Paris', 'fr'); // 'lundi 6 janvier à 08:00 (Europe/Paris)'
 */
export function describeInstant(instant: number, timezone: string, lang: ScheduleLanguage): string {
  const text = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
  return `${text} (${timezone})`;
}
