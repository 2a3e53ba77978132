// `rebound backup` as a user runs it (node src/cli.ts), against the database file the
// service uses: while a connection holds it open (rebound running) and after it closed
// (rebound stopped, no -wal or -shm left), it prints what it wrote, refuses to replace a
// file without --force, and says so when there is no database.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.ts';
import { onSqlite } from '../harness/test-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'rebound-backup-cli-'));
const run = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['src/cli.ts', 'backup', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settingIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get();
  } finally {
    db.close();
  }
};

// `rebound backup` copies a SQLite file; PostgreSQL is backed up with its own tools (README).
describe.skipIf(!onSqlite)('rebound backup FILE', () => {
  it('copies the database while rebound holds it open and after it stopped, and never replaces a file unasked', async () => {
    const data = path.join(dir, 'data');
    const store = openStore(path.join(data, 'bounces.db'));
    await store.settings.set('marker', 'written before the backup');
    const running = path.join(dir, 'while-running.db');
    const r = run(data, running);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^backup written: .*while-running\.db \(\d+ pages, \d+\.\d MB, \d+ ms\)\n$/);
    expect(statSync(running).mode & 0o777).toBe(0o600);
    expect(settingIn(running)).toBe('written before the backup');

    // Stopped: the last connection's close checkpointed and removed the -wal and -shm.
    store.close();
    expect(existsSync(path.join(data, 'bounces.db-wal'))).toBe(false);
    const stopped = path.join(dir, 'while-stopped.db');
    expect(run(data, stopped).status).toBe(0);
    expect(settingIn(stopped)).toBe('written before the backup');

    writeFileSync(path.join(dir, 'taken.db'), 'x');
    const refused = run(data, path.join(dir, 'taken.db'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/taken\.db exists; choose another file or add --force/);
    expect(readFileSync(path.join(dir, 'taken.db'), 'utf8')).toBe('x');
    expect(run(data, '--force', path.join(dir, 'taken.db')).status).toBe(0);
    expect(settingIn(path.join(dir, 'taken.db'))).toBe('written before the backup');
  });

  it('says there is no database rather than making an empty one, and explains its usage', () => {
    const r = run(path.join(dir, 'empty'), path.join(dir, 'nothing.db'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/there is no database at .*bounces\.db \(DATA_DIR, DB_FILE\)/);
    expect(existsSync(path.join(dir, 'nothing.db'))).toBe(false);
    const bare = run(path.join(dir, 'empty'));
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^usage: rebound backup \[--force\] FILE/);
  });
});
