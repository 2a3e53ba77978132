// The SQLite driver: the store's seam (driver.ts) over the one better-sqlite3 connection that
// openDatabase() opens (pragmas and migrations stay in db.ts).
//
// better-sqlite3 is synchronous and a connection has one transaction at a time, but a
// transaction's body is now asynchronous: while it awaits, other callers' statements could run
// on the same connection and land inside it (committed or rolled back with someone else's
// work). So the connection has a lock: a top-level transaction holds it from BEGIN to COMMIT,
// and a statement from outside waits until no transaction is open. A transaction's own runner
// does not take the lock (it already holds it).
//
// Taking SQLite's write lock: BEGIN IMMEDIATE with busy_timeout 0, tried again every
// LOCK_RETRY_MS on the event loop until the connection's busy timeout has passed. Waiting in
// SQLite's busy handler instead would hold the event loop (and every other connection) for up
// to that long whenever another process (an admin's sqlite3, `rebound import`) holds the lock.
// Between attempts the connection's lock is let go, so reads go on meanwhile.
//
// A statement on the driver itself (not on the transaction's runner) made from inside an open
// transaction's body would wait for that transaction, which waits for it: it is refused with
// an error instead (the body must use the runner, or the repositories, it was given).
//
// Time slices: a transaction's statements run at once, so a body that awaits only statements
// never gives the event loop back until it commits; one forged report (500 bounce rows, their
// suppression entries and notice notes) held it for over 100 ms while every other connection
// waited (issue 11). So a transaction yields to the event loop (setImmediate: sockets are read
// and answered meanwhile) before a statement once it has run for TRANSACTION_SLICE_MS since
// it last did. It still holds the connection and SQLite's write lock: other work's statements
// wait for its end as before, and its own run in the order they were made.

import { setImmediate as turn } from 'node:timers/promises';
import type { Database, Statement } from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RunResult, SqlDialect, SqlDriver, SqlParams, SqlRunner, SqlValue } from './driver.ts';
import { committed, trackCommit } from './driver.ts';

/** Pause between two attempts to take a write lock another process holds. */
const LOCK_RETRY_MS = 20;
/**
 * Statements kept compiled, by SQL text. The repositories' SQL is a few hundred constant
 * strings; the bound keeps a caller that builds SQL (a list query's filters) from growing it.
 */
const DEFAULT_STATEMENT_CACHE = 500;

/**
 * How long a transaction's statements run before it lets the event loop turn once. Well under
 * issue 11's 50 ms for one message's block, with room for the COMMIT's page writes after the
 * last slice; each pause costs a few microseconds of a loop turn.
 */
export const TRANSACTION_SLICE_MS = 8;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One top-level transaction's time slice, shared by its savepoints' runners. */
class Slice {
  #start = performance.now();
  #pause: Promise<void> | undefined;

  /** Undefined while the slice lasts; else a promise that resolves after one turn of the loop. */
  due(): Promise<void> | undefined {
    if (this.#pause) return this.#pause;
    if (performance.now() - this.#start < TRANSACTION_SLICE_MS) return undefined;
    this.#pause = turn().then(() => {
      this.#pause = undefined;
      this.#start = performance.now();
    });
    return this.#pause;
  }
}

function isBusy(err: unknown): boolean {
  return String((err as { code?: unknown })?.code ?? '').startsWith('SQLITE_BUSY');
}

export interface SqliteDriverOptions {
  /** How long a transaction waits for another process's write lock (the busy timeout). */
  lockWaitMs: number;
  /** For logs and errors; the file path. */
  description?: string;
  /** How many compiled statements are kept (least recently used go first). */
  statementCacheSize?: number;
}

type Bound = SqlValue[] | [Record<string, SqlValue>];

/** better-sqlite3 takes a list spread, or one object whose keys are the `@names`. */
function bind(params: SqlParams | undefined): Bound {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params as SqlValue[];
  const named = params as Record<string, SqlValue | undefined>;
  // An absent optional value is NULL, as on PostgreSQL (better-sqlite3 would call it missing).
  for (const k in named) {
    if (named[k] === undefined) {
      const copy: Record<string, SqlValue> = {};
      for (const [key, v] of Object.entries(named)) copy[key] = v ?? null;
      return [copy];
    }
  }
  return [named as Record<string, SqlValue>];
}

export class SqliteDriver implements SqlDriver {
  readonly dialect: SqlDialect = 'sqlite';
  readonly description: string;
  readonly #db: Database;
  readonly #lockWaitMs: number;
  readonly #cacheSize: number;
  readonly #statements = new Map<string, Statement>();
  /** True while a top-level transaction holds the connection. */
  #held = false;
  #waiters: (() => void)[] = [];
  #closed = false;
  #closing: Promise<void> | undefined;
  #onClosed: (() => void) | undefined;
  /** The open transaction whose body (and what it started) is running, if any. */
  readonly #inside = new AsyncLocalStorage<{ open: boolean }>();

  constructor(db: Database, opts: SqliteDriverOptions) {
    this.#db = db;
    this.#lockWaitMs = opts.lockWaitMs;
    this.#cacheSize = opts.statementCacheSize ?? DEFAULT_STATEMENT_CACHE;
    this.description = opts.description ?? db.name;
  }

  /** The statement for this SQL, compiled once and kept while it is used. */
  statement(sql: string): Statement {
    const cached = this.#statements.get(sql);
    if (cached) {
      // Most recently used last: Map keeps insertion order, so the first key is the oldest.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const compiled = this.#db.prepare(sql);
    this.#statements.set(sql, compiled);
    if (this.#statements.size > this.#cacheSize) this.#statements.delete(this.#statements.keys().next().value!);
    return compiled;
  }

  /** The error for a statement that would wait for the transaction it is made in, if this is one. */
  #selfWait(): Error | undefined {
    if (!this.#inside.getStore()?.open) return undefined;
    return new Error('a statement on the store from inside its own open transaction would wait for ever: use the transaction it was given');
  }

  /** Runs `fn` now when no transaction holds the connection, else once the holder is done. */
  #outside<T>(fn: () => T): Promise<T> {
    if (this.#closed) return Promise.reject(new Error(`the database connection is not open (${this.description})`));
    const selfWait = this.#selfWait();
    if (selfWait) return Promise.reject(selfWait);
    if (!this.#held && this.#waiters.length === 0) {
      try {
        return Promise.resolve(fn());
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    return this.#acquire().then(() => {
      try {
        if (this.#closed) throw new Error(`the database connection is not open (${this.description})`);
        return fn();
      } finally {
        this.#release();
      }
    });
  }

  /**
   * Runs `fn` on the connection once no transaction holds it (a checkpoint, which SQLite
   * refuses inside a write transaction, even one paused between two of its time slices).
   */
  whenIdle<T>(fn: () => T): Promise<T> {
    return this.#outside(fn);
  }

  #acquire(): Promise<void> {
    if (!this.#held && this.#waiters.length === 0) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  #release(): void {
    const next = this.#waiters.shift();
    if (next) return next();
    this.#held = false;
    if (this.#closing) this.#finishClose();
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.#single(sql, (s) => s.all(...bind(params)) as T[]);
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.#single(sql, (s) => s.get(...bind(params)) as T | undefined);
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.#single(sql, (s) => ({ changes: s.run(...bind(params)).changes }));
  }

  /**
   * One statement outside a transaction. A write (a claim, a lease renewal, a session) waits
   * for another process's write lock the way a transaction does: between attempts on the event
   * loop, not in SQLite's busy handler, which would hold every connection of this process for
   * up to the busy timeout. A statement that got SQLITE_BUSY changed nothing, so it may be tried again.
   */
  async #single<T>(sql: string, exec: (s: Statement) => T): Promise<T> {
    if (this.#closed) throw new Error(`the database connection is not open (${this.description})`);
    const first = this.statement(sql);
    if (first.readonly) return this.#outside(() => exec(first));
    const deadline = Date.now() + this.#lockWaitMs;
    for (;;) {
      const attempt = await this.#outside((): { value: T } | { busy: unknown } => {
        this.#db.exec('PRAGMA busy_timeout = 0');
        try {
          return { value: exec(this.statement(sql)) };
        } catch (error) {
          if (isBusy(error)) return { busy: error };
          throw error;
        } finally {
          if (this.#db.open) this.#db.exec(`PRAGMA busy_timeout = ${this.#lockWaitMs}`);
        }
      });
      if ('value' in attempt) return attempt.value;
      if (Date.now() >= deadline) throw attempt.busy;
      await sleep(LOCK_RETRY_MS);
    }
  }

  transaction<T>(body: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.#transaction(body, this.#lockWaitMs);
  }

  /**
   * A transaction that does not wait for a write lock another process holds: it rejects with
   * SQLITE_BUSY at once (the health probe, which must answer now).
   */
  transactionNoWait<T>(body: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.#transaction(body, 0);
  }

  async #transaction<T>(body: (tx: SqlRunner) => Promise<T>, lockWaitMs: number): Promise<T> {
    const selfWait = this.#selfWait();
    if (selfWait) throw selfWait;
    await this.#begin(lockWaitMs);
    const slice = new Slice();
    const tx = new SqliteTransaction(this, 0, slice);
    trackCommit(tx);
    const token = { open: true };
    try {
      const value = await this.#inside.run(token, () => body(tx));
      // The COMMIT writes every page the transaction changed: its own block, not one with the
      // last slice of statements (a 9.5 MB message's insert, then its 2,400 pages).
      await slice.due();
      token.open = false;
      tx.end();
      this.#db.exec('COMMIT');
      committed(tx);
      return value;
    } catch (err) {
      token.open = false;
      tx.end();
      // A failed COMMIT may have ended the transaction already (SQLite rolls back on some errors).
      if (this.#db.open && this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw err;
    } finally {
      this.#release();
    }
  }

  /** Takes the connection and SQLite's write lock; on return, BEGIN IMMEDIATE has succeeded. */
  async #begin(lockWaitMs: number): Promise<void> {
    const deadline = Date.now() + lockWaitMs;
    for (;;) {
      await this.#acquire();
      if (this.#closed) {
        this.#release();
        throw new Error(`the database connection is not open (${this.description})`);
      }
      try {
        // Set with exec(), a few microseconds: a prepared pragma is applied when it is compiled,
        // so running it again would change nothing.
        this.#db.exec('PRAGMA busy_timeout = 0');
        try {
          this.#db.exec('BEGIN IMMEDIATE');
        } finally {
          this.#db.exec(`PRAGMA busy_timeout = ${this.#lockWaitMs}`);
        }
        return;
      } catch (error) {
        this.#release();
        if (!isBusy(error) || Date.now() >= deadline) throw error;
      }
      await sleep(LOCK_RETRY_MS);
    }
  }

  /** Closes the connection once the open transaction (if any) has ended; statements after it reject. */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    this.#closed = true;
    this.#closing = new Promise<void>((resolve) => (this.#onClosed = resolve));
    if (!this.#held) this.#finishClose();
    return this.#closing;
  }

  #finishClose(): void {
    if (this.#held) return;
    // Waiters see #closed and reject (statements) or give up (transactions).
    for (const w of this.#waiters.splice(0)) w();
    this.#held = false;
    this.#statements.clear();
    if (this.#db.open) this.#db.close();
    this.#onClosed?.();
  }
}

/** The runner a transaction's body gets: statements run at once, inside the transaction. */
class SqliteTransaction implements SqlRunner {
  readonly dialect: SqlDialect = 'sqlite';
  readonly #driver: SqliteDriver;
  readonly #depth: number;
  readonly #slice: Slice;
  #ended = false;
  /** Savepoints of this runner run one after another (one connection, one stack). */
  #savepoints: Promise<unknown> = Promise.resolve();

  constructor(driver: SqliteDriver, depth: number, slice: Slice) {
    this.#driver = driver;
    this.#depth = depth;
    this.#slice = slice;
  }

  end(): void {
    this.#ended = true;
  }

  /** Runs `fn` now, or after a turn of the event loop when the transaction's slice is spent. */
  #now<T>(fn: () => T): Promise<T> {
    const pause = this.#slice.due();
    return pause ? pause.then(() => this.#run(fn)) : this.#run(fn);
  }

  #run<T>(fn: () => T): Promise<T> {
    if (this.#ended) return Promise.reject(new Error('statement on a transaction that has ended'));
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.#now(() => this.#driver.statement(sql).all(...bind(params)) as T[]);
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.#now(() => this.#driver.statement(sql).get(...bind(params)) as T | undefined);
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.#now(() => ({ changes: this.#driver.statement(sql).run(...bind(params)).changes }));
  }

  transaction<T>(body: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.#ended) throw new Error('savepoint on a transaction that has ended');
      const name = `rebound_sp${this.#depth + 1}`;
      // Through the time slice like any statement: a statement made before the savepoint and
      // still waiting for the slice's pause must run before it, not inside it.
      const statement = (...sql: string[]) => this.#now(() => sql.forEach((q) => this.#driver.statement(q).run()));
      await statement(`SAVEPOINT ${name}`);
      const inner = new SqliteTransaction(this.#driver, this.#depth + 1, this.#slice);
      trackCommit(inner, this);
      try {
        const value = await body(inner);
        inner.end();
        await statement(`RELEASE ${name}`);
        return value;
      } catch (err) {
        inner.end();
        await statement(`ROLLBACK TO ${name}`, `RELEASE ${name}`);
        throw err;
      }
    };
    const result = this.#savepoints.then(run, run);
    this.#savepoints = result.catch(() => undefined);
    return result;
  }
}
