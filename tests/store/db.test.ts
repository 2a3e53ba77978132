import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, migrate, openDatabase } from '../../src/store/db.ts';
import { onSqlite } from '../harness/test-store.ts';

// SQLite's file, pragmas and migrator; PostgreSQL's are tests/store/pg (migrate, schema-parity).
describe.skipIf(!onSqlite)('database', () => {
  it('opens in WAL mode and applies every migration once', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rebound-db-')), 'sub', 'bounces.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // NORMAL (1): commits do not fsync on the event loop; the store's durability barrier
    // flushes the WAL before ingest acknowledges (tests/store/wal-sync.test.ts).
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    const latest = listMigrations().at(-1)!.version;
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['bounces', 'imap_state', 'messages', 'outbox', 'settings']));
    db.prepare("INSERT INTO settings (key, value) VALUES ('kept', 'yes')").run();
    db.close();
    // Opening again applies nothing and keeps the data.
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(latest);
    expect(migrate(again)).toEqual([]);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'kept'").pluck().get()).toBe('yes');
    again.close();
  });

  it('rolls a migration that fails back whole and leaves the version where it was', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-migrations-'));
    writeFileSync(path.join(dir, '001-good.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(path.join(dir, '002-bad.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO no_such_table VALUES (1);');
    const db = new Database(':memory:');
    expect(() => migrate(db, listMigrations(dir))).toThrow(/no such table: no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b')").pluck().all();
    expect(tables).toEqual(['a']);
    db.close();
  });

  it('keeps the seed column names on the bounces table', () => {
    const db = openDatabase(':memory:');
    const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('bounces');
    expect(cols).toEqual(expect.arrayContaining(['id', 'date', 'email_to', 'email_cc', 'status', 'reason', 'domain', 'retries']));
    db.close();
  });
});
