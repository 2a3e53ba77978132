// `rebound suppress` as an admin runs it: add, list, export, remove, import, each a process
// of its own on one database.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storeEnv } from '../harness/app-env.ts';
import { openStoreOf } from '../harness/test-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = mkdtempSync(path.join(os.tmpdir(), 'rebound-cli-suppress-'));
/** Where the store is: DATA_DIR, and DATABASE_URL on the PostgreSQL run. */
const at = { DATA_DIR: DATA, ...(await storeEnv()) };
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli.ts', 'suppress', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...at, USER: 'tester' },
  });

describe('rebound suppress', () => {
  it('adds, lists, exports and removes entries, keeping who did it', async () => {
    expect(run('add', 'Jane@Example.org', '--note', 'asked to stop').stdout).toBe('added: jane@example.org (expires never)\n');
    expect(run('add', '@gone.test', '--expires', '2099-01-01').stdout).toBe('added: @gone.test (expires 2099-01-01T00:00:00.000Z)\n');
    const list = run('list');
    expect(list.status).toBe(0);
    expect(
      list.stdout
        .split('\n')
        .slice(1, 3)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['@gone.test', 'jane@example.org']);
    const file = path.join(DATA, 'out.csv');
    expect(run('export', file).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^address,reason,note,expiry,.*\r\n'@gone\.test,manual,,2099-01-01T00:00:00\.000Z,manual,/);
    expect(run('remove', 'jane@example.org', '--note', 'wrong person').stdout).toBe('removed: jane@example.org\n');
    const again = run('remove', 'jane@example.org');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is not on the list');
    const store = await openStoreOf(at);
    try {
      expect((await store.suppressions.events('jane@example.org'))[0]).toMatchObject({
        action: 'removed',
        actor: 'cli:tester',
        note: 'wrong person',
      });
    } finally {
      await store.close();
    }
  });

  it('imports a good file and refuses a bad one whole, naming the bad lines', () => {
    const good = path.join(DATA, 'good.csv');
    writeFileSync(good, 'address,reason,note,expiry\na@example.org,manual,,\nb@example.org,manual,,\n');
    expect(run('import', good).stdout).toBe('imported: 2 added, 0 already listed\n');
    const bad = path.join(DATA, 'bad.csv');
    writeFileSync(bad, 'address,reason,note,expiry\nc@example.org,manual,,\n=cmd|calc,manual,,\n');
    const r = run('import', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the file was not imported, nothing was written:\nline 3: "=cmd|calc" is neither an address nor a domain');
    expect(run('list', '--search', 'c@').stdout.split('\n').filter(Boolean)).toHaveLength(1); // the header only
  });

  it('answers a wrong command with its usage and exit code 2', () => {
    const r = run('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: rebound suppress');
  });
});
