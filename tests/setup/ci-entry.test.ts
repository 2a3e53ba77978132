// .ci/run enters like the launcher and tests/run.sh do (src/bin/env.sh): the system CA store
// is handed to Node and npm before anything is fetched, so a machine whose trust store holds
// a registry mirror's CA can fetch Node and the packages on a cold cache. The npm that
// .ci/run finally calls is replaced by a stand-in that reports what it was given.

import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SYSTEM_CAS = '/etc/ssl/certs/ca-certificates.crt';

function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

describe('.ci/run', () => {
  it.runIf(readable(SYSTEM_CAS))('hands the system CA store to npm and Node, like env.sh, before running npm test', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'rebound-ci-'));
    // Only `npm test` is answered; anything else (an npm ci the stamp asks for) fails loudly.
    writeFileSync(
      path.join(bin, 'npm'),
      '#!/bin/sh\nif [ "$1" = test ]; then echo "npm test with NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS"; exit 0; fi\necho "unexpected npm $*" >&2; exit 1\n',
    );
    chmodSync(path.join(bin, 'npm'), 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    delete env.NODE_EXTRA_CA_CERTS;
    const { stdout } = await promisify(execFile)('bash', [path.join(ROOT, '.ci/run')], { env, timeout: 60_000 });
    expect(stdout).toMatch(/^v24\./m);
    expect(stdout).toContain(`npm test with NODE_EXTRA_CA_CERTS=${SYSTEM_CAS}`);
  });
});
