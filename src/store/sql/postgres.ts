// The store's PostgreSQL driver (DATABASE_URL): the SqlDriver of driver.ts on a `pg` pool, so
// that several rebound instances share one database. Statements outside a transaction take
// any pooled connection; a transaction holds one connection from BEGIN to COMMIT and every
// statement of its body goes there (nested transactions are savepoints on it).
//
// Values read as the SQLite store reads them (one row looks the same from either engine):
// bigint and numeric (COUNT(*), SUM) as JavaScript numbers, refused past 2^53 rather than
// rounded; booleans of expressions (`x IS NULL`) as 1 / 0; bytea as a Buffer; NULL as null.
// Errors come out as DatabaseError (pg-errors.ts): a code and the temporary flag.

import pg from 'pg';
import { maskDatabaseUrl } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { CONNECT_TIMEOUT_MS, pgTypes } from '../pg/connect.ts';
import type { RunResult, SqlDriver, SqlParams, SqlRunner } from './driver.ts';
import { committed, trackCommit } from './driver.ts';
import { DatabaseError, databaseError } from './pg-errors.ts';
import { bindValues, translatePlaceholders, type TranslatedSql } from './pg-params.ts';

export interface PostgresDriverOptions {
  /** Connections at most (DATABASE_POOL_SIZE); statements and transactions wait for a free one. */
  poolSize?: number;
  /** A connect, or a wait for a free pooled connection, fails (temporary) after this long. */
  connectTimeoutMs?: number;
  /**
   * A statement running longer is cancelled by the server (57014, temporary): nothing holds a
   * connection, or an LMTP session, forever.
   */
  statementTimeoutMs?: number;
  /** A wait for a row lock another instance holds fails after this long (55P03, temporary). */
  lockTimeoutMs?: number;
  /**
   * A transaction left idle this long (its instance stalled or lost its network) is ended by
   * the server, so the row locks it holds do not stop the other instances.
   */
  idleInTransactionTimeoutMs?: number;
  /** Where an idle connection's failure (the server restarted) is logged. */
  log?: Pick<Logger, 'warn'>;
}

export const DEFAULT_POOL_SIZE = 5;
const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;
const DEFAULT_LOCK_TIMEOUT_MS = 30_000;
const DEFAULT_IDLE_IN_TRANSACTION_MS = 60_000;
/** Idle pooled connections are closed after this long; the pool opens them again on demand. */
const IDLE_CONNECTION_MS = 30_000;
/** Translations kept (statements are few, but filtered lists build theirs from the filters). */
const TRANSLATION_CACHE_MAX = 1000;

const NUMERIC_OID = 1700;
const BOOL_OID = 16;

function parseNumeric(text: string): number {
  const n = Number(text);
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) throw new RangeError(`numeric ${text} is past JavaScript's safe integers`);
  return n;
}

const driverTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (format !== 'binary') {
      if (oid === NUMERIC_OID) return parseNumeric;
      if (oid === BOOL_OID) return (text: string) => (text === 't' ? 1 : 0);
    }
    return (pgTypes.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

const translations = new Map<string, TranslatedSql>();

function translate(sql: string): TranslatedSql {
  let t = translations.get(sql);
  if (!t) {
    t = translatePlaceholders(sql);
    // Bounded: a full cache starts over (cheap to rebuild; no stranger's text is ever SQL).
    if (translations.size >= TRANSLATION_CACHE_MAX) translations.clear();
    translations.set(sql, t);
  }
  return t;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

async function query(on: Queryable, sql: string, params: SqlParams | undefined): Promise<pg.QueryResult> {
  const t = translate(sql);
  const values = bindValues(t, params);
  try {
    return await on.query({ text: t.text, values });
  } catch (err) {
    throw databaseError(err);
  }
}

const closedError = () => new DatabaseError('store-closed', 'PostgreSQL: the store is closed', { temporary: true, cause: undefined });

/**
 * A pooled connection held by one transaction. One that breaks between statements emits
 * 'error' (unheard, the event would end the process); the next statement then fails with pg's
 * "not queryable", and the caller hears the server's reason instead (25P03 for a transaction
 * left idle too long, 57P01 for an admin's stop).
 */
class TxConnection {
  readonly client: pg.PoolClient;
  broken: unknown;
  #onError = (err: unknown) => (this.broken ??= err);
  constructor(client: pg.PoolClient) {
    this.client = client;
    client.on('error', this.#onError);
  }
  async query(sql: string, params?: SqlParams): Promise<pg.QueryResult> {
    try {
      return await query(this.client, sql, params);
    } catch (err) {
      throw this.broken ? databaseError(this.broken) : err;
    }
  }
  /** Hands the connection back; one in doubt (broken, or a COMMIT / ROLLBACK unanswered) is closed. */
  release(inDoubt: boolean): void {
    this.client.removeListener('error', this.#onError);
    const failure = this.broken ?? (inDoubt ? new Error('transaction ended in doubt') : undefined);
    this.client.release(failure as Error | undefined);
  }
}

/**
 * The runner a transaction's body is given: bound to one connection, usable until the body
 * settles. Statements run one after another on it (pg queues them); nested transactions are
 * savepoints. While a nested one runs, this runner refuses work: a statement sent here would
 * land inside the savepoint (and be rolled back with it), and a second savepoint beside the
 * first would tangle with it. Refused at once, not queued: a body that called its parent's
 * runner would otherwise wait on itself forever.
 */
class TransactionRunner implements SqlRunner {
  readonly dialect = 'postgres' as const;
  #conn: TxConnection;
  #depth: number;
  #finished = false;
  #nestedRunning = false;

  constructor(conn: TxConnection, depth: number) {
    this.#conn = conn;
    this.#depth = depth;
  }

  finish(): void {
    this.#finished = true;
  }

  #check(): void {
    if (this.#finished) throw new TypeError('this transaction has ended: its runner cannot be used after the body settled');
    if (this.#nestedRunning) {
      throw new TypeError('a nested transaction is running on this runner: use the runner it was given, and nest one at a time');
    }
  }

  async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    this.#check();
    return (await this.#conn.query(sql, params)).rows as T[];
  }

  async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    this.#check();
    return (await this.#conn.query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params?: SqlParams): Promise<RunResult> {
    this.#check();
    return { changes: (await this.#conn.query(sql, params)).rowCount ?? 0 };
  }

  async transaction<T>(body: (tx: SqlRunner) => Promise<T>): Promise<T> {
    this.#check();
    this.#nestedRunning = true;
    try {
      return await this.#savepoint(body);
    } finally {
      this.#nestedRunning = false;
    }
  }

  async #savepoint<T>(body: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const name = `rebound_sp${this.#depth + 1}`;
    const inner = new TransactionRunner(this.#conn, this.#depth + 1);
    trackCommit(inner, this);
    await this.#conn.query(`SAVEPOINT ${name}`);
    try {
      const value = await body(inner);
      inner.finish();
      await this.#conn.query(`RELEASE SAVEPOINT ${name}`);
      return value;
    } catch (err) {
      inner.finish();
      // The outer transaction goes on without what the body did. When the rollback itself
      // fails (the connection broke), that is the error the caller must hear.
      await this.#conn.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await this.#conn.query(`RELEASE SAVEPOINT ${name}`);
      throw err;
    }
  }
}

/**
 * A SqlDriver on a pool of connections to the PostgreSQL at `url`. Connections open on first
 * use: a server that is down makes statements fail (temporary), not this call.
 */
export function openPostgresDriver(url: string, options: PostgresDriverOptions = {}): SqlDriver {
  const pool = new pg.Pool({
    connectionString: url,
    types: driverTypes,
    application_name: 'rebound',
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    lock_timeout: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? DEFAULT_IDLE_IN_TRANSACTION_MS,
    // A peer that vanished (a host lost, a cable pulled) is noticed instead of waited on.
    keepAlive: true,
  });
  const description = maskDatabaseUrl(url);
  // An idle pooled connection that fails (the server restarted) is dropped by the pool; the
  // next statement opens a new one. Without a listener the event would end the process.
  pool.on('error', (err) => options.log?.warn({ err: databaseError(err), database: description }, 'an idle PostgreSQL connection failed'));
  let closed = false;

  const open = () => {
    if (closed) throw closedError();
  };

  async function transaction<T>(body: (tx: SqlRunner) => Promise<T>): Promise<T> {
    open();
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      throw closed ? closedError() : databaseError(err);
    }
    const conn = new TxConnection(client);
    const tx = new TransactionRunner(conn, 0);
    trackCommit(tx);
    /** Set when the connection cannot be trusted with the next caller's statements. */
    let inDoubt = false;
    try {
      // Explicit: a database whose default_transaction_isolation is higher would fail claims
      // with serialization errors where READ COMMITTED's re-check answers correctly.
      inDoubt = true;
      await conn.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      inDoubt = false;
      let value: T;
      try {
        value = await body(tx);
      } catch (err) {
        tx.finish();
        await conn.query('ROLLBACK').catch(() => (inDoubt = true));
        throw err;
      }
      tx.finish();
      // A COMMIT whose answer never came (the connection broke) may or may not have landed:
      // the caller hears a temporary error, and what it offers again is recognised by its key.
      inDoubt = true;
      const end = await conn.query('COMMIT');
      inDoubt = false;
      // A transaction that had failed answers COMMIT with ROLLBACK, not an error: its writes
      // are gone, and the caller must hear so (a body that caught a statement's error).
      if (end.command !== 'COMMIT') {
        throw new DatabaseError('store-rolled-back', 'PostgreSQL rolled the transaction back at its COMMIT', {
          temporary: true,
          cause: undefined,
          sqlState: '25P02',
        });
      }
      committed(tx);
      return value;
    } finally {
      conn.release(inDoubt);
    }
  }

  return {
    dialect: 'postgres',
    description,
    async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
      open();
      return (await query(pool, sql, params)).rows as T[];
    },
    async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
      open();
      return (await query(pool, sql, params)).rows[0] as T | undefined;
    },
    async run(sql: string, params?: SqlParams): Promise<RunResult> {
      open();
      return { changes: (await query(pool, sql, params)).rowCount ?? 0 };
    },
    transaction,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
