// Two or more rebound processes starting at once on one new database file (several instances
// on one host): each applies the migrations it finds missing, in turns, and none fails on a
// table another has just made. Real processes, because one process's connections never run
// at the same time.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, openDatabase } from '../../src/store/db.ts';
import { onSqlite } from '../harness/test-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A process that opens (and so migrates) the database; resolves with its exit code and stderr. */
function opener(file: string): Promise<{ code: number | null; stderr: string }> {
  const script = `import { openDatabase } from './src/store/db.ts'; openDatabase(${JSON.stringify(file)}).close();`;
  const c = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => c.on('exit', (code) => resolve({ code, stderr })));
}

// Processes migrating one SQLite file; PostgreSQL's: tests/store/pg/migrate.test.ts.
describe.skipIf(!onSqlite)('migrations with several processes', () => {
  it('lets four processes open one new database at the same moment, each starting cleanly', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebound-migrate-'));
    const file = path.join(dir, 'bounces.db');
    const results = await Promise.all([1, 2, 3, 4].map(() => opener(file)));
    for (const r of results) expect(r).toEqual({ code: 0, stderr: '' });
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(listMigrations().at(-1)!.version);
    db.close();
  });
});
