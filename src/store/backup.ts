// A consistent copy of the SQLite database while rebound runs: SQLite's online backup API
// (through better-sqlite3's db.backup()), which copies page by page between the event loop's
// turns and restarts by itself when another connection writes meanwhile, so the copy is
// always one committed state. The copy is written beside the target under a temporary name,
// private (0600: it holds raw mail and the dashboard's password hash) and flushed to disk,
// then moved into place: a target is never half written, and never overwritten unless asked.

import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from './db.ts';

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
  ms: number;
}

export interface BackupOptions {
  /** Replace an existing file (else an existing target is an error and is left alone). */
  force?: boolean;
  /** Pages copied per step (between two turns of the event loop); better-sqlite3's default is 100. */
  pagesPerStep?: number;
  /** Called after each step with the pages still to copy. */
  onProgress?: (p: { totalPages: number; remainingPages: number }) => void;
}

/** Copies tried when the source was busy, and the wait before the next (times the attempt). */
const BUSY_ATTEMPTS = 8;
const BUSY_WAIT_MS = 50;

/** The largest step better-sqlite3 passes on to sqlite3_backup_step(). */
const ALL_REMAINING_PAGES = 0x7fffffff;

export class BackupTargetExists extends Error {
  constructor(file: string) {
    super(`${file} exists; choose another file or add --force to replace it`);
    this.name = 'BackupTargetExists';
  }
}

export async function backupDatabase(db: Db, target: string, opts: BackupOptions = {}): Promise<BackupResult> {
  const file = path.resolve(target);
  if (!opts.force && exists(file)) throw new BackupTargetExists(file);
  const started = Date.now();
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  // Made empty and private first (an empty file is an empty database to SQLite), so the copy
  // is never readable by others, not even for a moment.
  closeSync(openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600));
  try {
    // By default the rest in one step: SQLite restarts a stepped backup whenever another
    // connection (the running service) writes, so small steps may never finish on a busy
    // store. One step reads one WAL snapshot and does not block the service's writers.
    const step = opts.pagesPerStep ?? ALL_REMAINING_PAGES;
    // better-sqlite3 takes a step that found the source busy (a write transaction of this same
    // connection, paused between its time slices) for the end of the copy: never publish that.
    // Such a transaction ends within a few turns of the event loop: copy again, a bounded
    // number of times, before giving up.
    const copy = () =>
      db.backup(temp, {
        progress: (p) => {
          opts.onProgress?.(p);
          return step;
        },
      });
    const complete = (r: { totalPages: number; remainingPages: number }) => r.totalPages !== 0 && r.remainingPages === 0;
    let r = await copy();
    for (let attempt = 1; !complete(r) && attempt < BUSY_ATTEMPTS; attempt++) {
      await sleep(BUSY_WAIT_MS * attempt);
      r = await copy();
    }
    if (!complete(r)) {
      throw new Error(`the backup did not complete (${r.remainingPages} of ${r.totalPages} pages left); try again`);
    }
    const fd = openSync(temp, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.force) renameSync(temp, file);
    else {
      // link() fails if the target appeared meanwhile: no overwrite by a race either.
      try {
        linkSync(temp, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupTargetExists(file);
        throw err;
      }
      unlinkSync(temp);
    }
    return { file, pages: r.totalPages, bytes: statSync(file).size, ms: Date.now() - started };
  } catch (err) {
    if (exists(temp)) unlinkSync(temp);
    throw err;
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}
