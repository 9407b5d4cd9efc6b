import { environmentWithDotEnv } from '../../config/environment.ts';
import { loadConfig } from '../../config/load-config.ts';
import { createLogger } from '../../logger.ts';
import { consoleRuntime } from '../../service/console-runtime.ts';
import { startService, type PlatformRuntime } from '../../service/start-service.ts';
import { openStore } from '../../store/open-store.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { UsageError } from '../usage-error.ts';

export const startHelp = `Usage: precis start

Runs the service: fetches the feeds and posts digests on schedule.
- With TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN set, runs those bots.
- With no token, prints a digest to this terminal now and on each scheduled tick.
Stop with Ctrl-C (or SIGTERM): the message being sent is finished first.

Options:
  -h, --help  show this help`;

/** `precis start`: the long-running service. Resolves with the exit code once stopped by a signal. */
export async function startCommand(args: string[], output: NodeJS.WritableStream, env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const { values, positionals } = parseCommandLine('start', args, {});
  if (values.help) {
    output.write(`${startHelp}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`start takes no arguments (got "${positionals.join(' ')}")`, 'precis start --help');

  const config = loadConfig(environmentWithDotEnv(env, cwd), cwd);
  const log = createLogger(config.logLevel);
  const store = await openStore(config.storage);
  const platforms: PlatformRuntime[] = [];
  if (config.telegram) {
    const { telegramRuntime } = await import('../../platforms/telegram/telegram-runtime.ts');
    platforms.push(telegramRuntime(config.telegram));
  }
  if (config.discord) {
    const { discordRuntime } = await import('../../platforms/discord/discord-runtime.ts');
    platforms.push(discordRuntime(config.discord));
  }
  const consoleOnly = platforms.length === 0;
  if (consoleOnly) platforms.push(consoleRuntime(output));

  const handle = await startService({ config, store, log, platforms });
  if (consoleOnly) {
    log.info('No bot token set: digests print here. To connect a bot, set TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN (see README, "Connecting the bots") and restart.');
  } else {
    log.info({ platforms: platforms.map((platform) => platform.channel.platform) }, 'Précis is running');
  }

  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn(`${signal} again: exiting without waiting`);
        process.exit(130);
      }
      stopping = true;
      log.info(`${signal} received: finishing the message in flight, then exiting`);
      handle.stop().then(
        () => resolve(0),
        (error: unknown) => {
          log.error({ err: error }, 'error while stopping');
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
