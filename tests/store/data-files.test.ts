// The data folder and database file: private modes, and a folder or file rebound cannot use
// stops `rebound start` with one line naming the path and the variable (as a non-root user,
// through setpriv, since root reads every file whatever its mode).

import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openConfiguredStore } from '../../src/store/data-files.ts';
import { NO_SUPPRESSION_SERVERS } from '../harness/app-env.ts';
import { onSqlite } from '../harness/test-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOBODY = 65534;
const mode = (p: string) => statSync(p).mode & 0o7777;
const isRoot = process.getuid?.() === 0;

/** `rebound start` as the user nobody; its exit code and what it printed. */
function startAsNobody(env: Record<string, string>): { status: number | null; output: string } {
  const r = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, 'src/cli.ts', 'start'], {
    cwd: ROOT,
    env: {
      PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: '/nonexistent',
      LMTP_LISTEN: '127.0.0.1:7461',
      ...NO_SUPPRESSION_SERVERS,
      WEBUI_PORT: '7462',
      ADMIN_PASS: 'data-files-test-password',
      ...env,
    },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

// The SQLite data folder and file modes: with DATABASE_URL rebound keeps no database file.
describe.skipIf(!onSqlite)('the data folder and the database file', () => {
  it('creates the folder 0700 and the database, its -wal and -shm 0600, and tightens an existing 0644 database', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'rebound-modes-'));
    const dataDir = path.join(base, 'data');
    const config = loadConfig({ DATA_DIR: dataDir });
    const store = openConfiguredStore(config);
    await store.settings.set('k', 'v');
    try {
      expect(mode(dataDir).toString(8)).toBe('700');
      for (const f of [config.dbPath, `${config.dbPath}-wal`, `${config.dbPath}-shm`]) expect(mode(f).toString(8), f).toBe('600');
    } finally {
      await store.close();
    }
    // A database (and folder) made by an older rebound, readable by everyone.
    chmodSync(config.dbPath, 0o644);
    chmodSync(dataDir, 0o755);
    await openConfiguredStore(config).close();
    expect(mode(config.dbPath).toString(8)).toBe('600');
    expect(mode(dataDir).toString(8)).toBe('700');
  });

  it('leaves a shared sticky folder such as /tmp as it is', async () => {
    const shared = mkdtempSync(path.join(os.tmpdir(), 'rebound-sticky-'));
    chmodSync(shared, 0o1777);
    await openConfiguredStore(loadConfig({ DATA_DIR: shared })).close();
    expect(mode(shared).toString(8)).toBe('1777');
    expect(mode(path.join(shared, 'bounces.db')).toString(8)).toBe('600');
  });

  it('stops the start naming DATA_DIR and the path, without a stack, when the folder is not a folder', () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'rebound-notdir-'));
    const notDir = path.join(base, 'a-file');
    writeFileSync(notDir, 'x');
    expect(() => openConfiguredStore(loadConfig({ DATA_DIR: notDir }))).toThrow(`DATA_DIR: cannot use the data folder "${notDir}"`);
  });

  it.skipIf(!isRoot)(
    'stops `rebound start` with one line naming the path and the variable when the folder or the database cannot be read',
    () => {
      const base = mkdtempSync(path.join(os.tmpdir(), 'rebound-unreadable-'));
      chmodSync(base, 0o755);
      // A data folder of root's, closed to others.
      const closed = path.join(base, 'closed');
      mkdirSync(closed, { mode: 0o700 });
      let r = startAsNobody({ DATA_DIR: closed });
      expect(r.status).toBe(78);
      expect(r.output).toBe(`rebound: configuration error: DATA_DIR: cannot use the data folder "${closed}": permission denied\n`);

      // nobody's own folder, but a database file only root may read.
      const own = path.join(base, 'own');
      mkdirSync(own, { mode: 0o700 });
      chownSync(own, NOBODY, NOBODY);
      writeFileSync(path.join(own, 'bounces.db'), '', { mode: 0o600 });
      r = startAsNobody({ DATA_DIR: own });
      expect(r.status).toBe(78);
      expect(r.output).toBe(
        `rebound: configuration error: DB_FILE: cannot use the database file "${path.join(own, 'bounces.db')}": permission denied\n`,
      );
      expect(r.output).not.toMatch(/\n\s+at /);
    },
  );
});
