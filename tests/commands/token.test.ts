// `rebound token create | list | revoke` as a user runs it (node src/cli.ts), against the
// database the service uses: the token printed once works with the API's repository, only
// its hash is stored, and a revoked token stops working.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { storeEnv } from '../harness/app-env.ts';
import { openStoreOf } from '../harness/test-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'rebound-token-cli-'));
/** Where the store is: DATA_DIR, and DATABASE_URL on the PostgreSQL run. */
const at = { DATA_DIR: dir, ...(await storeEnv()) };
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli.ts', 'token', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...at, LOG_LEVEL: 'silent' },
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rebound token', () => {
  it('makes a token, prints it once on stdout alone, lists it without the secret, and revokes it', async () => {
    const made = run('create', 'CRM', 'sync', '--write');
    expect(made.status).toBe(0);
    const token = made.stdout.trim();
    expect(token).toMatch(/^rbt_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toMatch(/read-write/);

    const list = run('list');
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^1\tCRM sync\tread-write\trbt_/m);
    expect(list.stdout).not.toContain(token);

    const store = await openStoreOf(at);
    try {
      const dump = JSON.stringify(await store.sql.all('SELECT * FROM api_tokens'));
      expect(dump).not.toContain(token);
      expect((await store.tokens.authenticate(token))?.scope).toBe('write');
    } finally {
      await store.close();
    }

    expect(run('revoke', '1').status).toBe(0);
    expect(run('revoke', '1').status).toBe(1);
    const after = await openStoreOf(at);
    try {
      expect(await after.tokens.authenticate(token)).toBeUndefined();
    } finally {
      await after.close();
    }
    expect(run('list').stdout).toMatch(/^1\tCRM sync\tread-write\t.*\t20\d\d-/m);
  });

  it('makes read-only tokens unless --write is given, and explains its usage', () => {
    expect(run('create', 'reports').status).toBe(0);
    expect(run('list').stdout).toMatch(/\treports\tread-only\t/);
    const bad = run('create');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/create needs a NAME/);
    expect(run('frobnicate').status).toBe(2);
  });
});
