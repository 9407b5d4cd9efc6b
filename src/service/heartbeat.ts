import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How often the running service proves it is alive, and how stale a proof may be. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
export const HEARTBEAT_MAX_AGE_MS = 3 * HEARTBEAT_INTERVAL_MS;

export interface Heartbeat {
  pid: number;
  at: number;
  platforms: string[];
}

/**
 * Writes the heartbeat file now and then every 30 s (atomically: write then rename), for
 * Docker's HEALTHCHECK (`precis health`). Returns a function that stops it.
 *
 * @example
 *   const stop = startHeartbeat('data/heartbeat.json', () => ({ pid: process.pid, at: Date.now(), platforms: ['console'] }));
 */
export function startHeartbeat(path: string, beat: () => Heartbeat): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const write = () => {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(beat()));
    renameSync(temporary, path);
  };
  write();
  const timer = setInterval(write, HEARTBEAT_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Why the service looks unhealthy, or null when its heartbeat is fresh. */
export function heartbeatProblem(path: string, now: number): string | null {
  let heartbeat: Partial<Heartbeat>;
  try {
    heartbeat = JSON.parse(readFileSync(path, 'utf8')) as Partial<Heartbeat>;
  } catch {
    return `no heartbeat at ${path}: is "precis start" running?`;
  }
  if (typeof heartbeat.at !== 'number') return `${path} is not a heartbeat file`;
  const age = now - heartbeat.at;
  return age > HEARTBEAT_MAX_AGE_MS ? `last heartbeat ${Math.round(age / 1000)} s ago (more than ${HEARTBEAT_MAX_AGE_MS / 1000} s)` : null;
}
