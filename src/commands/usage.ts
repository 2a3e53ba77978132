// How a command answers arguments it cannot use: the error (none for --help), then its usage.

/** Writes `rebound <command>: <error>` (when there is one) and the usage to stderr; returns the exit code (2, or 0 for --help). */
export function answerUsage(command: string, error: string, usage: string): number {
  if (error) process.stderr.write(`rebound ${command}: ${error}\n`);
  process.stderr.write(usage);
  return error ? 2 : 0;
}
