// How a command answers arguments it cannot use: the error (none for --help), then its usage.

import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Writes `rebound <command>: <error>` (when there is one) and the usage to stderr; returns the exit code (2, or 0 for --help). */
export function answerUsage(command: string, error: string, usage: string): number {
  if (error) process.stderr.write(`rebound ${command}: ${error}\n`);
  process.stderr.write(usage);
  return error ? 2 : 0;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type ParseConfig<T extends ParseArgsOptionsConfig> = { args: string[]; options: T & typeof HELP };
/** What parseArgs gives for these options, typed option by option. */
export type CommandOptions<T extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<ParseConfig<T>>>['values'];

/**
 * A command's options (node:util parseArgs, with --help/-h added), or the exit code when the
 * arguments have already been answered: 0 after the usage on stdout for --help, 2 after the
 * parser's error and the usage on stderr.
 */
export function parseCommandArgs<const T extends ParseArgsOptionsConfig>(
  command: string,
  args: string[],
  options: T,
  usage: string,
): CommandOptions<T> | number {
  const config: ParseConfig<T> = { args, options: { ...options, ...HELP } };
  let values: CommandOptions<T>;
  try {
    values = parseArgs(config).values;
  } catch (err) {
    process.stderr.write(`rebound ${command}: ${(err as Error).message}\n${usage}`);
    return 2;
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(usage);
    return 0;
  }
  return values;
}
