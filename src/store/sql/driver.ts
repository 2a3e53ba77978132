// The store's one seam between the repositories and a database engine: SQLite in DATA_DIR (the
// default) or a PostgreSQL that several rebound instances share (DATABASE_URL). Repositories
// write portable SQL (see README.md beside this file) and never touch an engine's client;
// every call is asynchronous, so that no engine's work has to hold the event loop.
//
// Parameters are written `?` (positional, a list) or `@name` (named, an object), as the
// repositories have always written them; each driver turns them into its engine's form.

/** Values a statement may bind: text, numbers, bigints, NULL and bytes (BLOB / bytea). */
export type SqlValue = string | number | bigint | null | Buffer | Uint8Array;

/** `?` placeholders take a list, `@name` placeholders an object. */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue | undefined>>;

export interface RunResult {
  /** Rows the statement inserted, updated or deleted. */
  changes: number;
}

export type SqlDialect = 'sqlite' | 'postgres';

/** What a repository needs: read rows, write rows. Also what a transaction hands its body. */
export interface SqlRunner {
  readonly dialect: SqlDialect;
  /** Every row the statement returns (a SELECT, or a write with RETURNING). */
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** A write; how many rows it changed. */
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  /**
   * Runs `body` in a transaction on one connection; the runner it is given is bound to that
   * transaction. Called on a transaction's runner, it makes a savepoint: a body that throws
   * rolls back alone and the outer transaction goes on. A top-level transaction takes the
   * write lock at its start (SQLite: BEGIN IMMEDIATE), so a write never fails on an upgrade.
   */
  transaction<T>(body: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export interface SqlDriver extends SqlRunner {
  /** Where the data is, for logs and errors: a file path or a URL with its password masked. */
  readonly description: string;
  /** Closes every connection; statements after it reject. */
  close(): Promise<void>;
}

/** What waits for the commit of the transaction a runner belongs to (its savepoints share it). */
interface CommitWaiters {
  fns: (() => void)[];
  committed: boolean;
}
const commitWaiters = new WeakMap<SqlRunner, CommitWaiters>();

/**
 * Runs `fn` once the transaction `runner` belongs to has committed, on a later turn of the
 * event loop; on the next turn when `runner` is no transaction's or its transaction has already
 * committed. For a word to another part that there is something to look at (a webhook kick): a
 * look made before the commit sees nothing on PostgreSQL and waits for the transaction on
 * SQLite. Nothing runs if the transaction rolls back; a savepoint's rollback keeps what was
 * asked inside it (a word too many costs one look).
 */
export function afterCommit(runner: SqlRunner, fn: () => void): void {
  const waiting = commitWaiters.get(runner);
  if (waiting && !waiting.committed) waiting.fns.push(fn);
  else setImmediate(fn);
}

/** For the drivers: `tx` is a new top-level transaction's runner, or a savepoint's runner inside `outer`. */
export function trackCommit(tx: SqlRunner, outer?: SqlRunner): void {
  commitWaiters.set(tx, (outer && commitWaiters.get(outer)) ?? { fns: [], committed: false });
}

/** For the drivers, once a top-level transaction's COMMIT succeeded. */
export function committed(tx: SqlRunner): void {
  const waiting = commitWaiters.get(tx);
  if (!waiting) return;
  waiting.committed = true;
  for (const fn of waiting.fns.splice(0)) setImmediate(fn);
}
