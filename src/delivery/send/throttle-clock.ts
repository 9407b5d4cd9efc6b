/**
 * Time as the throttle sees it: the service's clock and a sleep that an AbortSignal cuts short;
 * tests pass a fake clock.
 *
 * @example
 *   const clock: ThrottleClock = { now: Date.now, sleep: sleepFor };
 */
export interface ThrottleClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
