import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The service logger: human-readable when stdout is a terminal, JSON lines otherwise
 * (Docker, journald), so a self-hoster gets both without configuring anything.
 *
 * @example
 *   const log = createLogger('info');
 *   log.info({ feed: 'le-monde' }, 'feed fetched');
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  const pretty = 'isTTY' in destination && destination.isTTY === true;
  if (pretty) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } },
    });
  }
  return pino({ level, base: undefined }, destination);
}

/** A logger that drops everything (tests, `--json` commands). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
