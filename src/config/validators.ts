import { validate as isValidCron } from 'node-cron';

/** True when `zone` is an IANA time zone this runtime knows ("Europe/Paris", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC' && zone !== 'Etc/UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `expression` is a 5-field (minute hour day month weekday) or 6-field (with seconds)
 * cron expression that node-cron accepts.
 */
export function isValidCronExpression(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) return false;
  return isValidCron(expression.trim());
}
