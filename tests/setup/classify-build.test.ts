// `rebound classify` from its one-file build (src/bin/build-classify.sh, run by the launcher
// src/bin/rebound): the launcher builds it on first use, prints byte for byte what the
// sources print, builds again once a file it was built from changes, and runs the sources
// where esbuild is missing. On a copy of the checkout's src/ in a folder of its own, with
// node_modules holding links to the real packages, so the checkout's own build is untouched.

import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A checkout of its own: src/ and the lock file copied, packages linked, the install stamp written. */
async function copyCheckout(withEsbuild: boolean): Promise<string> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-build-'));
  const root = path.join(dir, 'root');
  cpSync(path.join(ROOT, 'src'), path.join(root, 'src'), { recursive: true });
  cpSync(path.join(ROOT, 'package-lock.json'), path.join(root, 'package-lock.json'));
  cpSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  mkdirSync(path.join(root, 'node_modules/.bin'), { recursive: true });
  for (const pkg of ['iconv-lite', 'safer-buffer', 'mailparser'])
    symlinkSync(path.join(ROOT, 'node_modules', pkg), path.join(root, 'node_modules', pkg));
  if (withEsbuild) symlinkSync(path.join(ROOT, 'node_modules/.bin/esbuild'), path.join(root, 'node_modules/.bin/esbuild'));
  // The launcher's install check (src/bin/env.sh) then finds the install current.
  const { stdout } = await exec('sh', ['-c', 'echo "$(node -p process.versions.modules)-$(cksum < package-lock.json | cut -d" " -f1)"'], {
    cwd: root,
  });
  writeFileSync(path.join(root, 'node_modules/.rebound-installed'), stdout);
  return root;
}

const FILES = [
  'tests/fixtures/corpus/postfix/dsn-remote-550.eml',
  'tests/fixtures/corpus/postfix/dsn-delayed-remote450.eml',
  '/nonexistent/x.eml',
];

async function launch(root: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await exec('sh', [path.join(root, 'src/bin/rebound'), 'classify', ...args], { cwd: ROOT, timeout: 60_000 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('rebound classify from its one-file build', () => {
  it('builds on first use, prints what the sources print, and builds again after a source changes', { timeout: 120_000 }, async () => {
    const root = await copyCheckout(true);
    const built = path.join(root, 'node_modules/.cache/rebound/classify.mjs');
    const fromSources = await exec(process.execPath, ['src/cli.ts', 'classify', ...FILES.slice(0, 2)], { cwd: ROOT });

    const first = await launch(root, FILES);
    expect(existsSync(built)).toBe(true);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe(fromSources.stdout);
    expect(first.stderr).toBe('rebound classify: cannot read /nonexistent/x.eml: ENOENT\n');
    const explained = await launch(root, ['--explain', FILES[0]!]);
    expect(explained.stdout).toBe((await exec(process.execPath, ['src/cli.ts', 'classify', '--explain', FILES[0]!], { cwd: ROOT })).stdout);

    // Current: not built again.
    const builtAt = statSync(built).mtimeMs;
    await launch(root, FILES.slice(0, 1));
    expect(statSync(built).mtimeMs).toBe(builtAt);

    // A source file changed: built again, and the change is in what it prints.
    const printer = path.join(root, 'src/commands/classify-files.ts');
    writeFileSync(printer, readFileSync(printer, 'utf8').replace('kind: c.kind,', "kind: 'changed',"));
    const later = new Date(Date.now() + 2000);
    utimesSync(printer, later, later);
    const after = await launch(root, FILES.slice(0, 1));
    expect(statSync(built).mtimeMs).toBeGreaterThan(builtAt);
    expect(JSON.parse(after.stdout)).toMatchObject({ file: FILES[0], kind: 'changed' });
  });

  it(
    'sees a source changed to an older file time (an upgrade copied with its times kept) and builds again',
    { timeout: 120_000 },
    async () => {
      const root = await copyCheckout(true);
      await launch(root, FILES.slice(0, 1));
      const printer = path.join(root, 'src/commands/classify-files.ts');
      writeFileSync(printer, readFileSync(printer, 'utf8').replace('kind: c.kind,', "kind: 'older',"));
      // As `cp -p`, `rsync -a` or `tar x` of a release leave it: older than the build.
      const past = new Date('2020-01-01T00:00:00Z');
      utimesSync(printer, past, past);
      const after = await launch(root, FILES.slice(0, 1));
      expect(JSON.parse(after.stdout)).toMatchObject({ file: FILES[0], kind: 'older' });
    },
  );

  it('runs the sources, never the stale build, when a build cannot be made again', { timeout: 120_000 }, async () => {
    const root = await copyCheckout(true);
    const built = path.join(root, 'node_modules/.cache/rebound/classify.mjs');
    await launch(root, FILES.slice(0, 1));
    expect(existsSync(built)).toBe(true);
    const printer = path.join(root, 'src/commands/classify-files.ts');
    writeFileSync(printer, readFileSync(printer, 'utf8').replace('kind: c.kind,', "kind: 'from-sources',"));
    // The bundler fails from now on (a broken install, a full disk).
    rmSync(path.join(root, 'node_modules/.bin/esbuild'));
    writeFileSync(path.join(root, 'node_modules/.bin/esbuild'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const after = await launch(root, FILES.slice(0, 1));
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ file: FILES[0], kind: 'from-sources' });
  });

  it('runs the sources where esbuild is not installed', { timeout: 60_000 }, async () => {
    const root = await copyCheckout(false);
    const out = await launch(root, FILES.slice(0, 2));
    expect(out.code).toBe(0);
    expect(out.stdout).toBe((await exec(process.execPath, ['src/cli.ts', 'classify', ...FILES.slice(0, 2)], { cwd: ROOT })).stdout);
    expect(existsSync(path.join(root, 'node_modules/.cache/rebound/classify.mjs'))).toBe(false);
  });
});
