// The database's clock for leases and claims. Instances on several hosts sharing one
// PostgreSQL must agree on "now" when they decide whether a lease or a claim has run out: a
// host whose clock runs an hour ahead would otherwise take every live lease (it thinks they
// expired), and one that runs behind would write leases that have already expired for
// everyone else. The database's clock is the one clock they all share.
//
// Two ways to use it, both writing the spelling Date.toISOString() writes (2026-11-30T19:05:03.123Z),
// so the stored text compares with every other stored time as before:
// - inside a statement: dbClock(runner.dialect).now / .after('ttlMs') are SQL expressions;
// - before a statement: `await databaseNow(runner)` gives a Date to pass as the usual @now.
// On SQLite (one host, one clock) the expressions read SQLite's clock, which is the host's.

import type { SqlDialect, SqlRunner } from './driver.ts';

export interface DbClock {
  /** SQL: the database's time at the start of the statement, as ISO 8601 UTC text with milliseconds. */
  readonly now: string;
  /** SQL: that time plus the milliseconds bound to the named parameter `param`, same spelling. */
  after(param: string): string;
}

/** to_char's picture of toISOString()'s spelling ("T" and "Z" quoted: they are not fields). */
const PG_ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkName(param: string): string {
  if (!NAME.test(param)) throw new TypeError(`dbClock: "${param}" is not a parameter name`);
  return param;
}

const CLOCKS: Record<SqlDialect, DbClock> = {
  // statement_timestamp(): one value through the statement (now() would be the transaction's
  // start, which in a grouped commit may be well before this statement).
  postgres: {
    now: `to_char(statement_timestamp() AT TIME ZONE 'UTC', ${PG_ISO})`,
    after: (param) =>
      `to_char((statement_timestamp() + CAST(@${checkName(param)} AS double precision) * interval '1 millisecond') AT TIME ZONE 'UTC', ${PG_ISO})`,
  },
  // %f is seconds with milliseconds (SS.SSS); 'now' is fixed for the whole statement.
  sqlite: {
    now: `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    after: (param) => `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', (CAST(@${checkName(param)} AS REAL) / 1000.0) || ' seconds')`,
  },
};

export function dbClock(dialect: SqlDialect): DbClock {
  return CLOCKS[dialect];
}

/** The database's time now (PostgreSQL's clock; on SQLite the host's, read through SQLite). */
export async function databaseNow(runner: SqlRunner): Promise<Date> {
  const row = await runner.get<{ now: string }>(`SELECT ${dbClock(runner.dialect).now} AS now`);
  if (!row) throw new Error('databaseNow: the database returned no row');
  return new Date(row.now);
}

/**
 * The time a lease, a job period or a claim goes by: on PostgreSQL the database's (instances
 * on several hosts share it), on SQLite `hostNow`, the caller's (one host, one clock; tests
 * move it). One round trip more per claim on PostgreSQL, none on SQLite.
 */
export async function claimClock(runner: SqlRunner, hostNow: Date): Promise<Date> {
  return runner.dialect === 'postgres' ? await databaseNow(runner) : hostNow;
}
