// The entry of `rebound classify`'s one-file build: the launcher (src/bin/rebound) bundles
// this file and what it imports into node_modules/.cache/rebound/classify.mjs with esbuild,
// and runs that instead of src/cli.ts, so a run loads one file instead of ~80 modules. The
// same command as `src/cli.ts classify`; arguments after the command name.

import { run } from './classify.ts';

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`rebound: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
}
