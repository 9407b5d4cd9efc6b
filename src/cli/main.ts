import { ConfigError } from '../config/config-error.ts';
import { MigrationError } from '../store/kysely-store.ts';
import { analyzeCommand } from './commands/analyze-command.ts';
import { feedsCommand } from './commands/feeds-command.ts';
import { healthCommand } from './commands/health-command.ts';
import { previewCommand } from './commands/preview-command.ts';
import { startCommand } from './commands/start-command.ts';
import { UsageError } from './usage-error.ts';

const mainHelp = `Précis — news digests with key quotes and figures, for Telegram and Discord.

Usage: precis <command> [options]

Commands:
  start      run the service (bots when tokens are set, the console otherwise)
  preview    build a digest of the configured feeds now and print it
  analyze    show what the digest engine reads in one article
  health     exit 0 if a running service is alive (Docker HEALTHCHECK)
  feeds      check one feed as Précis sees it; import/export feeds as OPML

Run "precis <command> --help" for a command's options.
Configuration: config/precis.yaml (or PRECIS_CONFIG); secrets from the environment or .env.`;

type Command = (args: string[], output: NodeJS.WritableStream, env: NodeJS.ProcessEnv, cwd: string) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  start: startCommand,
  preview: previewCommand,
  analyze: (args, output) => analyzeCommand(args, output),
  health: healthCommand,
  feeds: feedsCommand,
};

/**
 * Runs the CLI and resolves with the process exit code: 0 success, 1 failure, 2 bad usage or
 * bad configuration (printed without a stack trace).
 *
 * @example
 *   process.exitCode = await runCli(['analyze', '--json', 'article.txt'], process.stdout, process.stderr);
 */
export async function runCli(argv: string[], output: NodeJS.WritableStream, errors: NodeJS.WritableStream, env = process.env, cwd = process.cwd()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    output.write(`${mainHelp}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    output.write(`${process.env.npm_package_version ?? 'precis'}\n`);
    return 0;
  }
  try {
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return await command(args, output, env, cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      errors.write(`precis: ${error.message}\nRun "${error.helpCommand}" for usage.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      errors.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof MigrationError) {
      errors.write(`precis: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** The `precis` executable: runs the CLI on process.argv and exits with its code. */
export function main(): void {
  runCli(process.argv.slice(2), process.stdout, process.stderr).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`precis: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
