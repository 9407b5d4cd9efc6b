import { environmentWithDotEnv } from '../../config/environment.ts';
import { loadConfig } from '../../config/load-config.ts';
import { createLogger } from '../../logger.ts';
import { consoleRuntime } from '../../service/console-runtime.ts';
import { startService, type PlatformRuntime } from '../../service/start-service.ts';
import { openStore } from '../../store/open-store.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { watchStopSignals } from '../stop-signals.ts';
import { UsageError } from '../usage-error.ts';

export const startHelp = `Usage: precis start

Runs the service: fetches the feeds and posts digests on schedule.
- With TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN set, runs those bots.
- With no token, prints a digest to this terminal now and on each scheduled tick.
Stop with Ctrl-C (or SIGTERM): the message being sent is finished first.

Options:
  -h, --help  show this help`;

/** `precis start`: the long-running service. Resolves with the exit code once stopped by SIGINT or SIGTERM. */
export async function startCommand(args: string[], output: NodeJS.WritableStream, env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const { values, positionals } = parseCommandLine('start', args, {});
  if (values.help) {
    output.write(`${startHelp}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`start takes no arguments (got "${positionals.join(' ')}")`, 'precis start --help');

  const config = loadConfig(environmentWithDotEnv(env, cwd), cwd);
  const log = createLogger(config.logLevel);
  const stopRequested = watchStopSignals(log);
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

  const handle = await startService({ config, store, log, platforms, delivery: { maxInFlight: config.delivery.maxInFlight } });
  if (consoleOnly) {
    log.info('No bot token set: digests print here. To connect a bot, set TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN (see README, "Connecting the bots") and restart.');
  } else {
    log.info({ platforms: platforms.map((platform) => platform.channel.platform) }, 'Précis is running');
  }

  await stopRequested;
  try {
    await handle.stop();
    return 0;
  } catch (error) {
    log.error({ err: error }, 'error while stopping');
    return 1;
  }
}
