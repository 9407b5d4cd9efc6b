import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Fakes the clock (Date, setTimeout, setInterval) for every test of the file, starting at `start`.
 * Only timers are faked: I/O callbacks (SQLite, sockets) still run.
 */
export function useFakeTime(start: string): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(Date.parse(start));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Runs fake time forward in steps until `promise` settles (or `limitMs` of fake time has passed), then returns its value. */
export async function settle<T>(promise: Promise<T>, limitMs = 3_600_000, stepMs = 100): Promise<T> {
  const state = { done: false };
  const watched = promise.finally(() => {
    state.done = true;
  });
  for (let elapsed = 0; !state.done && elapsed < limitMs; elapsed += stepMs) await vi.advanceTimersByTimeAsync(stepMs);
  return watched;
}
