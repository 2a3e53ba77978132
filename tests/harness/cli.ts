// `rebound` as a user runs it: node src/cli.ts in a child process of its own, with the
// environment the caller gives it, bounded in time so a hung command fails its test instead
// of the whole run.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A hung command is killed after this long; the slowest (a copy to PostgreSQL) takes seconds. */
const CLI_TIMEOUT_MS = 60_000;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node src/cli.ts ...args` from the checkout with exactly `env` (bounded: 60 s). */
export function runCli(env: NodeJS.ProcessEnv, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli.ts', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
