// The store when the disk or another process works against it, with the real app over LMTP
// and HTTP: a full disk (a small tmpfs mounted for the test), the -wal file removed under a
// running rebound (in a child process, then killed with SIGKILL), and a write lock held by
// another process for a few seconds.

import Database from 'better-sqlite3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/store.ts';
import type { SqliteDriver } from '../../src/store/sql/sqlite.ts';
import { WriteHealth } from '../../src/store/write-health.ts';
import { sendMail } from '../harness/smtp-client.ts';
import { waitFor } from '../harness/ports.ts';
import { dsn } from '../notify/dsn-fixtures.ts';
import { NO_SUPPRESSION_SERVERS } from '../harness/app-env.ts';
import { onSqlite } from '../harness/test-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LMTP_PORT = 7451;
const WEB_PORT = 7452;

interface HealthBody {
  status: string;
  failing: string[];
  parts: Record<string, { ok: boolean; detail: string }>;
}

function env(dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    LMTP_LISTEN: `127.0.0.1:${LMTP_PORT}`,
    ...NO_SUPPRESSION_SERVERS,
    WEBUI_PORT: String(WEB_PORT),
    ADMIN_PASS: 'faults-test-password',
    SESSION_SECRET: 'a-faults-test-session-secret-longer-than-32',
    SMTP_PORT: '7453',
    LOG_LEVEL: 'silent',
  };
}

const deliver = async (tag: string) =>
  (
    await sendMail({ port: LMTP_PORT, protocol: 'lmtp', from: '', to: ['bounces@bounces.test'], raw: dsn({ tag }), timeoutMs: 20_000 })
  ).data.map((r) => r.code);

async function health(): Promise<{ status: number; body: HealthBody }> {
  const res = await fetch(`http://127.0.0.1:${WEB_PORT}/health`);
  return { status: res.status, body: (await res.json()) as HealthBody };
}

const mounted: string[] = [];
let app: App | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  await app?.stop().catch(() => {});
  app = undefined;
  child?.kill('SIGKILL');
  child = undefined;
  for (const m of mounted.splice(0)) execFileSync('umount', ['-l', m]);
});

/** A tmpfs of `size` (root only: the test then makes a real full disk). */
function smallDisk(size: string): string | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  mounted.push(dir);
  return dir;
}

/** Writes zeros until the file system says it is full. */
function fillDisk(dir: string): void {
  const fd = openSync(path.join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (let i = 0; i < 100_000; i++) writeSync(fd, chunk);
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
}

const canMount = process.getuid?.() === 0;

// SQLite's own files and file lock (disk full, -wal removed, another process's write lock).
describe.skipIf(!onSqlite)('the store on a failing disk and under other processes', () => {
  it.skipIf(!canMount)(
    'answers 451 and says so on /health and in rebound_part_up when the disk is full, and ok again once there is room',
    async () => {
      const disk = smallDisk('8m');
      expect(disk, 'mounting a tmpfs as root').toBeDefined();
      const dataDir = path.join(disk!, 'data');
      app = buildApp(loadConfig(env(dataDir)), silentLogger());
      await app.start();
      expect(await deliver('disk-1')).toEqual([250]);
      expect((await health()).status).toBe(200);

      fillDisk(disk!);
      expect(await deliver('disk-2')).toEqual([451]);
      const h = await health();
      expect(h.status).toBe(503);
      expect(h.body.failing).toEqual(['database']);
      expect(h.body.parts.database!.detail).toMatch(/last commit failed \(SQLITE_FULL\)/);
      const metrics = await (await fetch(`http://127.0.0.1:${WEB_PORT}/metrics`)).text();
      expect(metrics).toContain('rebound_part_up{part="database"} 0');

      // Room again: the next delivery is taken and /health follows it.
      unlinkSync(path.join(disk!, 'filler'));
      expect(await deliver('disk-2')).toEqual([250]);
      expect((await health()).status).toBe(200);
    },
  );

  it.skipIf(!canMount)('finds a full disk by a probe write when no commit was made recently', async () => {
    const disk = smallDisk('8m');
    expect(disk).toBeDefined();
    const store = openStore(path.join(disk!, 'bounces.db'));
    try {
      const clock = { now: Date.now() };
      const probe = new WriteHealth(store.db, store.sql as SqliteDriver, undefined, 5000, () => clock.now);
      expect(await probe.check()).toEqual({ ok: true, detail: 'a test write succeeded' });
      fillDisk(disk!);
      // The last good write is trusted for a few seconds, then a new probe finds the truth.
      clock.now += 11_000;
      expect(await probe.check()).toEqual({ ok: false, detail: 'a test write failed (SQLITE_FULL)' });
      unlinkSync(path.join(disk!, 'filler'));
      expect((await probe.check()).ok).toBe(false);
      clock.now += 6000;
      expect(await probe.check()).toEqual({ ok: true, detail: 'a test write succeeded' });
    } finally {
      store.close();
    }
  });

  it('stops acknowledging when the -wal file is removed, says why on /health, and loses nothing acknowledged to a SIGKILL', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rebound-wal-gone-'));
    const dbFile = path.join(dataDir, 'bounces.db');
    child = spawn(process.execPath, ['src/cli.ts', 'start'], { cwd: ROOT, env: { ...process.env, ...env(dataDir) }, stdio: 'ignore' });
    await waitFor(
      'rebound to answer /health',
      async () => (await fetch(`http://127.0.0.1:${WEB_PORT}/health`).catch(() => undefined))?.status === 200,
      { tries: 200, intervalMs: 100 },
    );
    expect(await deliver('wal-1')).toEqual([250]);
    expect(await deliver('wal-2')).toEqual([250]);

    unlinkSync(`${dbFile}-wal`);
    expect(await deliver('wal-3')).toEqual([451]);
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body.parts.database).toEqual({ ok: false, detail: expect.stringMatching(/-wal file was removed while rebound ran/) });
    expect(JSON.stringify(h.body)).not.toContain(dataDir);

    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    child = undefined;
    const db = new Database(dbFile);
    try {
      // Both acknowledged messages survived the kill; the refused one was not kept.
      expect(db.prepare('SELECT original_message_id FROM bounces ORDER BY id').pluck().all()).toEqual([
        'msg-wal-1@app.test',
        'msg-wal-2@app.test',
      ]);
      expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2);
    } finally {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  /** The settings the database file holds without its -wal (what a SIGKILL leaves), read from a copy. */
  function settingsInFileAlone(file: string, keys: string[]): unknown[] {
    const copy = `${file}.alone`;
    copyFileSync(file, copy);
    const alone = new Database(copy, { readonly: true });
    try {
      return keys.map((key) => alone.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key));
    } finally {
      alone.close();
    }
  }

  it('finds a removed -wal between deliveries and copies its commits into the database file before any crash', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-wal-watch-'));
    const file = path.join(dir, 'bounces.db');
    const store = openStore(file);
    try {
      await store.settings.set('committed-before', 'yes');
      unlinkSync(`${file}-wal`);
      // No delivery, no /health: the store's own check finds it within a few seconds.
      await waitFor('the store to find the fault', () => store.health.fault, { tries: 50, intervalMs: 100 });
      await waitFor('the rescue checkpoint', () => (store.health as WriteHealth).walRescued, { tries: 50, intervalMs: 100 });
      // The database file alone (what is left after a SIGKILL) holds the commit.
      expect(settingsInFileAlone(file, ['committed-before'])).toEqual(['yes']);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('copies a removed -wal into the database file when it is found while a transaction is open', async () => {
    // A transaction lets the event loop turn between its time slices (sql/sqlite.ts), so the
    // store's checks can find the fault while one is open; SQLite refuses a checkpoint then.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-wal-in-tx-'));
    const file = path.join(dir, 'bounces.db');
    const store = openStore(file);
    try {
      await store.settings.set('committed-before', 'yes');
      await store.sql.transaction(async (tx) => {
        await tx.run('INSERT INTO settings (key, value) VALUES (?, ?)', ['committed-in', 'yes']);
        unlinkSync(`${file}-wal`);
        expect(store.health.filesFault()).toMatch(/-wal file was removed/);
        // The event loop turns (the store's own timer looks too) while the transaction is open.
        await new Promise((r) => setTimeout(r, 300));
      });
      await waitFor('the rescue checkpoint', () => (store.health as WriteHealth).walRescued, { tries: 50, intervalMs: 100 });
      // Writes after the fault (nothing is acknowledged, but a notice marked sent, a claim) are
      // copied in at their own commit.
      await store.settings.set('committed-after', 'yes');
      expect(settingsInFileAlone(file, ['committed-before', 'committed-in', 'committed-after'])).toEqual(['yes', 'yes', 'yes']);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets deliveries wait for a write lock another process holds for a few seconds, and take them after it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rebound-locked-'));
    mkdirSync(dataDir, { recursive: true });
    app = buildApp(loadConfig(env(dataDir)), silentLogger());
    await app.start();
    expect(await deliver('lock-0')).toEqual([250]);
    // An admin's write in another process: BEGIN IMMEDIATE, a row, 3 s, COMMIT.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(path.join(dataDir, 'bounces.db'))}); db.exec('BEGIN IMMEDIATE'); db.prepare("INSERT INTO settings (key, value) VALUES ('admin', 'x')").run(); console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 3000);`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
      const started = Date.now();
      const deliveries = Promise.all([1, 2, 3, 4, 5].map((i) => deliver(`lock-${i}`)));
      // Meanwhile the event loop is free: /health answers at once and says the lock is held.
      const h = await health();
      expect(h.status).toBe(200);
      expect(h.body.parts.database!.detail).toMatch(/another process holds the write lock|last commit succeeded/);
      expect(await deliveries).toEqual([[250], [250], [250], [250], [250]]);
      expect(Date.now() - started).toBeGreaterThan(2000);
    } finally {
      holder.kill();
    }
    expect(app.store.db!.prepare("SELECT count(*) FROM messages WHERE subject != ''").pluck().get()).toBe(6);
  });
});
