import type { Logger } from '../logger.ts';

// Ctrl-C under `npm start` reaches the process twice at once (from the terminal and forwarded by
// npm): only a second, deliberate signal means "exit without waiting".
const DUPLICATE_SIGNAL_MS = 1000;

/**
 * Listens for SIGINT/SIGTERM from the moment it is called, so a stop that arrives during
 * start-up is not lost (nor kills the process mid-write). Resolves with the first signal.
 *
 * @example
 *   const stopRequested = watchStopSignals(log);
 *   const handle = await startService(...);
 *   await stopRequested; await handle.stop();
 */
export function watchStopSignals(log: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let firstAt: number | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (firstAt !== null) {
        if (Date.now() - firstAt < DUPLICATE_SIGNAL_MS) return;
        log.warn(`${signal} again: exiting without waiting`);
        process.exit(130);
      }
      firstAt = Date.now();
      log.info(`${signal} received: finishing the message in flight, then exiting`);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
