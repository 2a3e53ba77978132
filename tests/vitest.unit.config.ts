// `npm run test:unit`: the tests that need no server program, no root and no browser, in
// seconds. A test file is left out when it lives in tests/e2e/ or imports one of the harnesses
// that start a server (Postfix, Dovecot, Chromium, the SMTP sink, the fake MX): that rule is
// read from the files themselves, so a new test lands on the right side without a list to keep.
// `npm test` (tests/run.sh) still runs everything.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_HARNESS = /from\s+['"][./]*(?:\.\.\/)*(?:tests\/)?harness\/(?:postfix|dovecot|browser|smtp-sink|fake-mx)\.ts['"]/;

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
    .filter((f) => !SERVER_HARNESS.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(root, f))
    .sort();
}

export default defineConfig({ ...base, test: { ...base.test, include: unitTestFiles() } });
