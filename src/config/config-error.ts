/**
 * A configuration that cannot be used. Carries one line per problem, each naming the file,
 * the key path and what was expected, so the CLI can print them and exit 2 without a stack trace.
 *
 * @example
 *   throw new ConfigError('config/precis.yaml', ['schedule.cron: "61 8 * * *" is not a valid cron expression']);
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(problems.map((problem) => `${file}: ${problem}`).join('\n'));
  }
}
