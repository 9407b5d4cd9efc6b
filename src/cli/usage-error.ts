/**
 * A command line the CLI cannot run: unknown command or option, missing argument.
 * The CLI prints the message and a pointer to --help, and exits 2.
 *
 * @example
 *   throw new UsageError('unknown command "strat"', 'precis --help');
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    readonly helpCommand = 'precis --help',
  ) {
    super(message);
  }
}
