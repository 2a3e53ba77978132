// `rebound backup`'s engine (src/store/backup.ts) on a real SQLite file while bounces are
// being committed in the same process, and a restore: the copy put in place of the data
// file, the whole service started on it, the bounces read back through the HTTP API.

import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { backupDatabase, BackupTargetExists } from '../../src/store/backup.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { NO_SUPPRESSION_SERVERS } from '../harness/app-env.ts';
import { dsn } from '../notify/dsn-fixtures.ts';
import { onSqlite } from '../harness/test-store.ts';

const WEB_PORT = 31888;

let dir: string;
let store: Store | undefined;

afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Commits `count` distinct hard bounces (a real DSN each); returns their failed addresses. */
async function ingest(s: Store, from: number, count: number): Promise<string[]> {
  const ingestor = createIngestor({ store: s, log: silentLogger() });
  const done = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const failed = `user${from + i}@mx-reject.test`;
      return ingestor
        .ingest({ raw: dsn({ tag: `backup-${from + i}`, failed }), source: 'lmtp', envelopeTo: ['bounces@app.test'] })
        .then((r) => (r.bounceIds.length === 1 ? failed : ''));
    }),
  );
  await ingestor.drain();
  return done;
}

function addressesIn(file: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    return new Set(db.prepare('SELECT email_to FROM bounces').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

// SQLite's online backup API on a data file; PostgreSQL is backed up with its own tools (README).
describe.skipIf(!onSqlite)('rebound backup', () => {
  it('copies every bounce committed before it started while more are committed during the copy', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebound-backup-'));
    // synchronous=normal: a commit waits for no fsync, so the 30 commits below are quick
    // enough to land while the copy is under way.
    store = openStore(path.join(dir, 'bounces.db'), { synchronous: 'normal' });
    const before = await ingest(store, 0, 150);
    expect(before.every(Boolean)).toBe(true);
    // Enough pages that the copy takes more turns of the event loop than the 30 commits below
    // (a transaction lets the loop turn while it writes, so the copy goes on meanwhile).
    await store.settings.set('filler', 'x'.repeat(2_000_000));
    const target = path.join(dir, 'copy.db');
    let steps = 0;
    let copying = true;
    // One page per step: the copy spans many turns of the event loop, and the commits below
    // land between them.
    const backup = backupDatabase(store.db!, target, { pagesPerStep: 1, onProgress: () => steps++ }).finally(() => (copying = false));
    let committedDuringCopy = 0;
    const during = ingest(store, 1000, 30).then((xs) => {
      if (copying) committedDuringCopy = xs.length;
      return xs;
    });
    // The commits are awaited even when the copy fails, so none outlives the test's store.
    const r = await backup.catch(async (err: unknown) => {
      await during.catch(() => undefined);
      throw err;
    });
    expect(await during).toHaveLength(30);
    expect(committedDuringCopy).toBe(30);
    expect(steps).toBeGreaterThan(10);
    expect(r.pages).toBeGreaterThan(10);
    expect(r.bytes).toBe(statSync(target).size);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const copied = addressesIn(target);
    for (const a of before) expect(copied.has(a)).toBe(true);
    // One committed state: the copy passes SQLite's own check.
    const db = new Database(target, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('finishes while another connection (the running service) writes all the time', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebound-backup-'));
    const file = path.join(dir, 'bounces.db');
    store = openStore(file, { synchronous: 'normal' });
    const before = await ingest(store, 0, 20);
    // A store of a few hundred pages, so that a stepped copy would need several steps.
    await store.settings.set('filler', 'x'.repeat(2_000_000));
    // Another connection commits on every turn of the event loop, as a service does under
    // load. SQLite restarts a stepped backup after each such write; the copy must still end.
    const service = new Database(file);
    let writes = 0;
    let copying = true;
    const write = () => {
      if (!copying) return;
      service.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('tick', ?)").run(String(writes++));
      setImmediate(write);
    };
    setImmediate(write);
    const target = path.join(dir, 'copy.db');
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the backup never finished')), 20_000));
    try {
      const r = await Promise.race([backupDatabase(store.db!, target), timeout]);
      expect(r.pages).toBeGreaterThan(400);
    } finally {
      copying = false;
      service.close();
    }
    expect(writes).toBeGreaterThan(0);
    const copied = addressesIn(target);
    for (const a of before) expect(copied.has(a)).toBe(true);
  }, 30_000);

  it("waits for the service's own write transaction to end instead of failing the copy", async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebound-backup-'));
    store = openStore(path.join(dir, 'bounces.db'));
    const before = await ingest(store, 0, 5);
    // The same connection holds a write transaction open, as ingest does between the time
    // slices of a long write; it commits 80 ms after the copy started.
    const db = store.db!;
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('during', 'x')").run();
    const committed = new Promise<void>((resolve) =>
      setTimeout(() => {
        db.exec('COMMIT');
        resolve();
      }, 80),
    );
    const copy = backupDatabase(db, path.join(dir, 'copy.db'));
    await committed;
    const r = await copy;
    expect(r.pages).toBeGreaterThan(0);
    const copied = addressesIn(r.file);
    for (const a of before) expect(copied.has(a)).toBe(true);
  });

  it('gives up with "try again" and leaves no file when the write transaction outlasts every attempt', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebound-backup-'));
    store = openStore(path.join(dir, 'bounces.db'));
    await ingest(store, 0, 3);
    const db = store.db!;
    db.exec('BEGIN IMMEDIATE');
    try {
      await expect(backupDatabase(db, path.join(dir, 'copy.db'))).rejects.toThrow(/did not complete.*try again/);
    } finally {
      db.exec('COMMIT');
    }
    expect(readdirSync(dir).filter((f) => f.includes('copy.db'))).toEqual([]);
    // Once the transaction has ended, the same command succeeds.
    expect(addressesIn((await backupDatabase(db, path.join(dir, 'copy.db'))).file).size).toBe(3);
  });

  it('refuses to overwrite an existing file unless forced, and leaves no partial file behind', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebound-backup-'));
    store = openStore(path.join(dir, 'bounces.db'));
    await ingest(store, 0, 3);
    const target = path.join(dir, 'taken.db');
    writeFileSync(target, 'keep me');
    await expect(backupDatabase(store.db!, target)).rejects.toThrow(BackupTargetExists);
    expect(statSync(target).size).toBe('keep me'.length);
    const r = await backupDatabase(store.db!, target, { force: true });
    expect(addressesIn(r.file).size).toBe(3);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    await expect(backupDatabase(store.db!, path.join(dir, 'no-such-folder', 'x.db'))).rejects.toThrow(/ENOENT/);
    // A copy that fails half-way leaves neither the target nor its temporary file behind.
    const failing = backupDatabase(store.db!, path.join(dir, 'half.db'), {
      pagesPerStep: 1,
      onProgress: () => {
        throw new Error('disk gone');
      },
    });
    await expect(failing).rejects.toThrow('disk gone');
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial') || f === 'half.db')).toEqual([]);
  });

  it('restores: the copy in place of the data file, the service started on it serves every bounce', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebound-backup-'));
    store = openStore(path.join(dir, 'bounces.db'));
    const before = await ingest(store, 0, 12);
    const copy = path.join(dir, 'backup.db');
    await backupDatabase(store.db!, copy);
    await store.close();
    store = undefined;
    // The README's restore steps: stop, copy the backup in as the data file, start.
    const dataDir = path.join(dir, 'restored');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir, { mode: 0o700 });
    copyFileSync(copy, path.join(dataDir, 'bounces.db'));
    const config = loadConfig({
      ...NO_SUPPRESSION_SERVERS,
      DATA_DIR: dataDir,
      LMTP_ENABLED: 'false',
      WEBUI_PORT: String(WEB_PORT),
      ADMIN_PASS: 'restore-test-password',
      SESSION_SECRET: 's'.repeat(40),
    });
    const app = buildApp(config, silentLogger());
    await app.start();
    try {
      const { token } = await app.store.tokens.create('restore check', 'read');
      const res = await fetch(`http://127.0.0.1:${WEB_PORT}/api/v1/bounces?limit=100`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { email_to: string }[] };
      expect(new Set(body.data.map((b) => b.email_to))).toEqual(new Set(before));
    } finally {
      await app.stop();
    }
  });
});
