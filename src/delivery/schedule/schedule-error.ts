/** Why a schedule or time zone typed by a user (or set in the config) was refused. */
export type ScheduleProblem =
  | 'unrecognized'
  | 'bad_time'
  | 'bad_cron'
  | 'sub_minute'
  | 'too_frequent'
  | 'uneven_interval'
  | 'mixed_times'
  | 'unknown_time_zone';

/**
 * A schedule that cannot be used, with the facts a reply needs: what was typed, what is wrong,
 * and (for too-frequent schedules) the limits involved. Commands turn it into a message that
 * says what was expected, with an example.
 *
 * @example
 *   throw new ScheduleError('unrecognized', 'dialy 8:00', 'no schedule form matches');
 *   // error.input === 'dialy 8:00'
 */
export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';

  constructor(
    readonly problem: ScheduleProblem,
    readonly input: string,
    readonly detail: string,
    readonly facts: { field?: string; intervalMinutes?: number; minimumMinutes?: number } = {},
  ) {
    super(`schedule "${input}": ${detail}`);
  }
}
