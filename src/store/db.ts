// Opens the SQLite database (better-sqlite3), sets the pragmas rebound relies on and applies
// the numbered migrations in src/store/migrations at start, inside one transaction each.

import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckpointLog } from './wal-checkpointer.ts';

export type Db = Database.Database;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface OpenOptions {
  readonly?: boolean;
  /** ms to wait for a lock held by another connection before SQLITE_BUSY. */
  busyTimeout?: number;
  /**
   * 'full' (default): ingest acknowledges a message only once its commit is on disk, so a
   * 250 survives a power failure, as Postfix's own queue does (the flush is done off the
   * event loop: wal-sync.ts). 'normal': survives a crash of rebound but not of the machine.
   */
  synchronous?: 'full' | 'normal';
  /** Where the store warns of what it works around (the WAL checkpoint thread failing). */
  log?: CheckpointLog;
}

/** How long a write waits for another process's lock before it fails (and LMTP answers 451). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: opts.readonly ?? false });
  db.pragma(`busy_timeout = ${opts.busyTimeout ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  if (!opts.readonly) {
    // WAL: the dashboard reads while intake writes.
    db.pragma('journal_mode = WAL');
    // NORMAL: a commit does not fsync on the event loop; the store's durability barrier
    // (wal-sync.ts) flushes the WAL on the thread pool before ingest acknowledges.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  }
  return db;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-.*\.sql$/.test(f))
    .map((f) => ({ version: Number(f.split('-')[0]), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/** Applies every migration newer than PRAGMA user_version; returns the names applied. */
export function migrate(db: Db, migrations = listMigrations()): string[] {
  const applied: string[] = [];
  for (const m of migrations) {
    // The version is read inside a write transaction (BEGIN IMMEDIATE): two rebound processes
    // starting at once on one file take turns, and the second finds the migration done.
    const ran = db
      .transaction(() => {
        if (m.version <= (db.pragma('user_version', { simple: true }) as number)) return false;
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(m.name);
  }
  return applied;
}
