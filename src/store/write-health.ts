// Whether a bounce can be committed now. `SELECT 1` answers on a full disk, on read-only
// files and after the -wal file was deleted under the running process, while every commit
// fails (or, worse, succeeds into a file nobody will ever read again). What tells the truth:
// the outcome of the last commit, a small write when none was made recently, and whether the
// files at the database's paths are still the ones this process opened (device and inode).
// /health, rebound_part_up{part="database"} and the commit queue all ask this one object.

import { AsyncResource } from 'node:async_hooks';
import { statSync } from 'node:fs';
import type { Db } from './db.ts';
import type { SqliteDriver } from './sql/sqlite.ts';

export interface WriteState {
  ok: boolean;
  /** Plain words without a path: /health is public. */
  detail: string;
}

/** A successful commit this recent answers for the store; older, a probe write is made. */
const TRUST_COMMIT_MS = 10_000;
/** /health is public: a flood of requests makes at most one probe write per this long. */
const PROBE_MIN_INTERVAL_MS = 5_000;
/** A rescue of a removed -wal that could not finish (a transaction or a reader in the way) is tried again this often. */
const RESCUE_RETRY_MS = 200;
/** Settings key the probe rewrites (one small row, the same page each time). */
const PROBE_KEY = 'health.write_probe';

interface Identity {
  path: string;
  dev: number;
  ino: number;
}

function identityOf(path: string): Identity | undefined {
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? { path, dev: s.dev, ino: s.ino } : undefined;
}

function codeOf(err: unknown): string {
  return String((err as { code?: unknown })?.code ?? 'unknown');
}

const PROBE = 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

/** What the commit queue, /health and the metrics ask of a store's write health, on either engine. */
export interface StoreHealth {
  /** Why nothing may be acknowledged any more (SQLite: the files were replaced), or undefined. */
  filesFault(): string | undefined;
  /** The commit queue's report of each grouped commit. */
  noteCommit(ok: boolean, err?: unknown): void;
  /** Can a bounce be committed now? */
  check(): Promise<WriteState>;
}

export class WriteHealth implements StoreHealth {
  #db: Db;
  #sql: SqliteDriver;
  #now: () => number;
  /** How long a commit waits for another process's write lock (the commit queue's budget). */
  lockWaitMs: number;
  #files: Identity[] = [];
  #last: (WriteState & { at: number }) | undefined;
  #fault: string | undefined;
  #busySince: number | undefined;
  /** The removed -wal's rescue: not needed, under way, or done (its commits are in the database file). */
  #rescue: 'none' | 'pending' | 'done' = 'none';
  /**
   * The rescue, bound to the context this object was made in: filesFault() is also called from
   * inside a transaction (the commit queue), and a rescue started there would carry that
   * transaction's context and be refused by the driver as a self-wait.
   */
  readonly #rescueLater = AsyncResource.bind(() => void this.#rescueWal());

  constructor(db: Db, sql: SqliteDriver, dbPath: string | undefined, lockWaitMs: number, now: () => number = Date.now) {
    this.#db = db;
    this.#sql = sql;
    this.#now = now;
    this.lockWaitMs = lockWaitMs;
    if (dbPath) {
      // Remembered right after the open (the journal_mode pragma created the -wal file).
      for (const p of [dbPath, `${dbPath}-wal`]) {
        const id = identityOf(p);
        if (id) this.#files.push(id);
      }
    }
  }

  /** The fault found so far, without looking at the files again. */
  get fault(): string | undefined {
    return this.#fault;
  }

  /**
   * Why nothing may be acknowledged any more, or undefined. Once the database or its -wal
   * file at the path is not the one opened (deleted, replaced by a restore), every later
   * commit would land in a file that disappears with the process: the fault stays until a
   * restart.
   */
  filesFault(): string | undefined {
    if (this.#fault) return this.#fault;
    for (const f of this.#files) {
      const now = identityOf(f.path);
      if (now && now.dev === f.dev && now.ino === f.ino) continue;
      const which = f.path.endsWith('-wal') ? 'its -wal file' : 'the database file';
      this.#fault = `${which} was ${now ? 'replaced' : 'removed'} while rebound ran; nothing is acknowledged until rebound is restarted`;
      if (!now && f.path.endsWith('-wal') && this.#rescue === 'none') {
        this.#rescue = 'pending';
        // Nothing is acknowledged any more, but other writes still commit (a notice marked
        // sent, a claim, a finished job): each is copied into the database file at its COMMIT,
        // or a crash before the restart would lose it and send again what it recorded.
        if (this.#db.open) this.#db.pragma('wal_autocheckpoint = 1');
        setImmediate(this.#rescueLater);
      }
      return this.#fault;
    }
    return undefined;
  }

  /**
   * The -wal is gone from the folder but still open here, holding commits not yet copied into
   * the database file: a checkpoint copies them now, so a crash before the restart loses
   * none of what was acknowledged. Only when the database file itself is still the one opened.
   * SQLite refuses a checkpoint inside a write transaction (one may be paused between its
   * time slices) and cannot copy frames a reader still needs: the checkpoint runs when no
   * transaction holds the connection, PASSIVE (it never waits in SQLite's busy handler, which
   * would hold the event loop), and is tried again until every frame is in the database file.
   */
  async #rescueWal(): Promise<void> {
    const dbFile = this.#files.find((f) => !f.path.endsWith('-wal'));
    const now = dbFile && identityOf(dbFile.path);
    if (!dbFile || !now || now.dev !== dbFile.dev || now.ino !== dbFile.ino || !this.#db.open) return;
    try {
      const [r] = await this.#sql.whenIdle(
        () => this.#db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[],
      );
      if (r && r.busy === 0 && r.checkpointed === r.log) {
        this.#rescue = 'done';
        return;
      }
    } catch {
      // The connection closed (nothing more to do), or SQLite was busy: tried again below.
      if (!this.#db.open) return;
    }
    setTimeout(this.#rescueLater, RESCUE_RETRY_MS).unref();
  }

  /** True once the commits of a removed -wal are in the database file (for tests and the log). */
  get walRescued(): boolean {
    return this.#rescue === 'done';
  }

  /** The commit queue's report of each grouped commit. */
  noteCommit(ok: boolean, err?: unknown): void {
    this.#busySince = undefined;
    this.#last = ok
      ? { ok: true, detail: 'last commit succeeded', at: this.#now() }
      : { ok: false, detail: `last commit failed (${codeOf(err)})`, at: this.#now() };
  }

  /**
   * Can a bounce be committed now? At most one small write, which never waits for another
   * process's lock (it may wait for a commit of this process to end).
   */
  async check(): Promise<WriteState> {
    const fault = this.filesFault();
    if (fault) return { ok: false, detail: fault };
    if (!this.#db.open) return { ok: false, detail: 'does not answer' };
    const now = this.#now();
    const last = this.#last;
    if (last && (last.ok ? now - last.at < TRUST_COMMIT_MS : now - last.at < PROBE_MIN_INTERVAL_MS)) return stateOf(last);
    return await this.#probe(now);
  }

  async #probe(now: number): Promise<WriteState> {
    try {
      // No wait: a held lock is answered below instead.
      await this.#sql.transactionNoWait(async (tx) => {
        await tx.run(PROBE, [PROBE_KEY, new Date(now).toISOString()]);
      });
      this.#busySince = undefined;
      this.#last = { ok: true, detail: 'a test write succeeded', at: now };
    } catch (err) {
      if (codeOf(err).startsWith('SQLITE_BUSY')) {
        // Another process (an admin's sqlite3, `rebound import`) holds the write lock; commits
        // wait for it up to lockWaitMs, so it is a failure only once it is held longer.
        this.#busySince ??= now;
        const held = now - this.#busySince;
        if (held <= this.lockWaitMs) return { ok: true, detail: 'another process holds the write lock; commits wait for it' };
        return { ok: false, detail: `another process has held the write lock for ${Math.round(held / 1000)} s` };
      }
      this.#last = { ok: false, detail: `a test write failed (${codeOf(err)})`, at: now };
    }
    return stateOf(this.#last);
  }
}

function stateOf(s: WriteState): WriteState {
  return { ok: s.ok, detail: s.detail };
}
