// WAL checkpoints on a worker thread: the service's writer never copies the WAL back into the
// database file inside a COMMIT (that held the event loop for tens of ms every few MB written),
// a thread with its own connection does, and what it copies is in the database file alone.

import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { SqliteDriver } from '../../src/store/sql/sqlite.ts';
import { onSqlite } from '../harness/test-store.ts';
import { CHECKPOINT_MIN_WAL_BYTES, startWalCheckpointer, type WalCheckpointer } from '../../src/store/wal-checkpointer.ts';

let dir: string;
let file: string;
let driver: SqliteDriver;
let checkpointer: WalCheckpointer | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-checkpoint-'));
  file = path.join(dir, 'bounces.db');
});
afterEach(async () => {
  await checkpointer?.close();
  checkpointer = undefined;
  await driver?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The database opened, its migrations copied into the file (so a copy of the file alone reads). */
function openedWithSchemaInFile(): ReturnType<typeof openDatabase> {
  const db = openDatabase(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

/** Writes about `mb` MB of settings rows, in transactions of 1 MB, as ingest would commit them. */
async function write(mb: number, tag: string): Promise<void> {
  const value = 'x'.repeat(64 * 1024);
  for (let t = 0; t < mb; t++) {
    await driver.transaction(async (tx) => {
      for (let i = 0; i < 16; i++) await tx.run('INSERT INTO settings (key, value) VALUES (?, ?)', [`${tag}-${t}-${i}`, value]);
    });
  }
}

/** The rows with this tag that the database file holds without its WAL (what a lost -wal leaves). */
function inFileAlone(tag: string): number {
  const copy = path.join(dir, `alone-${tag}.db`);
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM settings WHERE key LIKE ?').pluck().get(`${tag}-%`) as number;
  } finally {
    db.close();
  }
}

// About SQLite's WAL file alone: nothing to run again on the PostgreSQL pass.
describe.skipIf(!onSqlite)('WAL checkpoints on a worker thread', () => {
  it('leaves the WAL to the worker: commits never copy it back, the worker does, into the database file', async () => {
    const db = openedWithSchemaInFile();
    driver = new SqliteDriver(db, { lockWaitMs: 5000 });
    // A long interval: the test asks for the checkpoint itself.
    checkpointer = startWalCheckpointer(db, file, { intervalMs: 60_000 });
    await write(8, 'a');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(CHECKPOINT_MIN_WAL_BYTES);
    // Past SQLite's own 1,000 pages, yet no COMMIT copied anything back.
    expect(inFileAlone('a')).toBe(0);
    expect(checkpointer.running).toBe(false);

    const result = await checkpointer.checkpoint();
    expect(checkpointer.running).toBe(true);
    expect(result?.log).toBeGreaterThan(1000);
    expect(result?.checkpointed).toBe(result?.log);
    expect(inFileAlone('a')).toBe(128);

    // The WAL unchanged since: nothing to do, the worker is not asked.
    const done = checkpointer.done;
    expect(await checkpointer.checkpoint()).toBeUndefined();
    expect(checkpointer.done).toBe(done);
    // New writes past the threshold are checkpointed in turn (SQLite starts the WAL over).
    await write(5, 'b');
    expect((await checkpointer.checkpoint())?.checkpointed).toBeGreaterThan(0);
    expect(inFileAlone('b')).toBe(80);
  });

  it('does not checkpoint a WAL smaller than SQLite would, nor ever again once the files are not the ones opened', async () => {
    const db = openedWithSchemaInFile();
    driver = new SqliteDriver(db, { lockWaitMs: 5000 });
    let fault = false;
    checkpointer = startWalCheckpointer(db, file, { intervalMs: 60_000, skip: () => fault });
    await write(1, 'small');
    expect(await checkpointer.checkpoint()).toBeUndefined();
    expect(checkpointer.running).toBe(false);
    await write(8, 'big');
    fault = true;
    expect(await checkpointer.checkpoint()).toBeUndefined();
    expect(inFileAlone('big')).toBe(0);
    // The fault stays until a restart (write-health.ts): the checkpointer has stopped for good.
    fault = false;
    expect(await checkpointer.checkpoint()).toBeUndefined();
    expect(checkpointer.running).toBe(false);
  });

  it('leaves alone a -wal that is not the one opened, and never makes a removed one anew', async () => {
    // The worker itself, asked after the -wal it was told of is gone: a connection opened now
    // would create a new, empty -wal, and the service would see it "replaced" and could no
    // longer copy the commits the removed one held.
    const db = openedWithSchemaInFile();
    const opened = statSync(`${file}-wal`);
    db.close();
    rmSync(`${file}-wal`, { force: true });
    const worker = new Worker(new URL('../../src/store/wal-checkpoint-worker.ts', import.meta.url), {
      workerData: { file, wal: { dev: opened.dev, ino: opened.ino } },
    });
    try {
      const answer = await new Promise((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('checkpoint');
      });
      expect(answer).toEqual({ ok: false, gone: true });
      expect(existsSync(`${file}-wal`)).toBe(false);
    } finally {
      await worker.terminate();
    }
  });

  it('truncates the WAL when SQLite starts it over, so a large WAL once is not a checkpoint at every write', async () => {
    const db = openedWithSchemaInFile();
    driver = new SqliteDriver(db, { lockWaitMs: 5000 });
    checkpointer = startWalCheckpointer(db, file, { intervalMs: 60_000 });
    await write(8, 'grow');
    expect((await checkpointer.checkpoint())?.checkpointed).toBeGreaterThan(1000);
    // The next write starts the WAL over and truncates it: small again, nothing to do.
    await write(1, 'after');
    expect(statSync(`${file}-wal`).size).toBeLessThan(CHECKPOINT_MIN_WAL_BYTES);
    const done = checkpointer.done;
    expect(await checkpointer.checkpoint()).toBeUndefined();
    expect(checkpointer.done).toBe(done);
  });

  it('stops its thread once the WAL has been left alone for a while', async () => {
    const db = openedWithSchemaInFile();
    driver = new SqliteDriver(db, { lockWaitMs: 5000 });
    checkpointer = startWalCheckpointer(db, file, { intervalMs: 60_000, idleMs: 50 });
    await write(8, 'idle');
    await checkpointer.checkpoint();
    expect(checkpointer.running).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    await checkpointer.checkpoint();
    expect(checkpointer.running).toBe(false);
  });

  it('when its thread fails, says so in the log and gives the checkpoints back to SQLite: the writer copies the WAL again', async () => {
    const db = openedWithSchemaInFile();
    driver = new SqliteDriver(db, { lockWaitMs: 5000 });
    // A worker module that fails as it starts (a thread that cannot load, out of memory, ...).
    const broken = path.join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('the checkpoint thread could not start');\n");
    const warnings: { obj: unknown; msg: string }[] = [];
    const log = { warn: (obj: unknown, msg: string) => warnings.push({ obj, msg }) };
    checkpointer = startWalCheckpointer(db, file, { intervalMs: 60_000, log: log as never, workerUrl: pathToFileURL(broken) });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await write(8, 'f');
    await checkpointer.checkpoint();
    // Bounded: the thread's error event comes within a moment; 5 s at most.
    for (let i = 0; i < 100 && warnings.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(warnings.map((w) => w.msg)).toEqual(['WAL checkpoint thread failed; the writer checkpoints for itself again']);
    expect(String((warnings[0]!.obj as { err: Error }).err)).toContain('the checkpoint thread could not start');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // The next commits past SQLite's 1,000 pages copy the WAL into the database file themselves.
    await write(5, 'g');
    expect(inFileAlone('g')).toBeGreaterThan(0);
  });
});
