import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, openDatabase } from '../../src/store/db.ts';

describe('database', () => {
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
    db.close();
    // Opening again applies nothing and keeps the data.
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(latest);
    again.close();
  });

  it('keeps the seed column names on the bounces table', () => {
    const db = openDatabase(':memory:');
    const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('bounces');
    expect(cols).toEqual(expect.arrayContaining(['id', 'date', 'email_to', 'email_cc', 'status', 'reason', 'domain', 'retries']));
    db.close();
  });
});
