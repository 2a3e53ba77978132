// `npm run test:unit`: the tests that need no server program, no root and no browser, in
// seconds. A test file is left out when it lives in tests/e2e/, imports one of the harnesses
// that start a server (Postfix, Dovecot, Chromium, the SMTP sink, the fake MX, PostgreSQL), starts other
// processes (node:child_process: the CLI, also through harness/cli.ts, rebound itself, mount; openssl through harness/certs.ts), builds the whole service
// (buildApp), or says `@integration` in its text (large data, real waits for retries). The rule
// is read from the files themselves, so a new test lands on the right side without a list to
// keep. `npm test` (tests/run.sh) still runs everything.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_HARNESS = /from\s+['"][./]*(?:\.\.\/)*(?:tests\/)?harness\/(?:postfix|dovecot|browser|smtp-sink|fake-mx|postgres)\.ts['"]/;
const OTHER_PROCESSES = /from\s+['"](?:node:child_process|[./]*harness\/(?:certs|cli)\.ts)['"]/;
const WHOLE_SERVICE = /\bbuildApp\(/;
const MARKED = /@integration\b/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'e2e' ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Test files (relative to the checkout) that start no server program. */
export function unitTestFiles(root = ROOT): string[] {
  return testFiles(path.join(root, 'tests'))
    .filter((f) => {
      const text = readFileSync(f, 'utf8');
      return ![SERVER_HARNESS, OTHER_PROCESSES, WHOLE_SERVICE, MARKED].some((rule) => rule.test(text));
    })
    .map((f) => path.relative(root, f))
    .sort();
}

// One worker reused across files (isolate: false): these files share no global state worth a
// fresh process each, and worker start-up was half of the run (36 s against 18 s measured).
export default defineConfig({ ...base, test: { ...base.test, include: unitTestFiles(), isolate: false } });
