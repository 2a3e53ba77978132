// PostgreSQL's errors in the house's terms (src/errors.ts): a ReboundError with a code and
// the temporary flag, so the LMTP adapter answers 4xx (Postfix keeps the message), the IMAP
// poller leaves it in the inbox and the notifier retries, without knowing which engine
// failed. Enriched, not rewritten: the code is PostgreSQL's SQLSTATE (23505, 40001, ...) or
// the socket's (ECONNREFUSED), the original error is the cause, and the constraint a
// violation names is kept, so a caller can treat a unique-key race as a duplicate.
//
// SQLSTATE classes: https://www.postgresql.org/docs/15/errcodes-appendix.html

import { ReboundError } from '../../errors.ts';

export class DatabaseError extends ReboundError {
  /** PostgreSQL's five-character SQLSTATE, when the server answered. */
  readonly sqlState: string | undefined;
  /** The constraint a violation names (23505: the unique index). */
  readonly constraint: string | undefined;
  constructor(code: string, message: string, opts: { temporary: boolean; cause: unknown; sqlState?: string; constraint?: string }) {
    super(code, message, opts);
    this.name = 'DatabaseError';
    this.sqlState = opts.sqlState;
    this.constraint = opts.constraint;
  }
}

/** SQLSTATEs (exact, or a class of two characters) after which the same statement may work later. */
const TEMPORARY_SQLSTATES: Record<string, string> = {
  '08': 'the connection to PostgreSQL failed',
  '40001': 'serialization failure',
  '40P01': 'deadlock detected',
  '53': 'PostgreSQL is out of a resource',
  '55P03': 'a lock could not be taken in time',
  '57014': 'the statement was cancelled (statement_timeout)',
  '57P01': 'PostgreSQL is shutting down',
  '57P02': 'PostgreSQL crashed',
  '57P03': 'PostgreSQL is not accepting connections yet',
  '57P05': 'the connection sat idle too long',
  '58': 'PostgreSQL had a system error',
  '25P03': 'the transaction sat idle too long',
};

/** Socket errors: the server could not be reached, or the connection broke. */
const TEMPORARY_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * The client library's own failures carry no code, only words (pg 8): a connection that
 * ended under a statement, a connect or pool wait past its timeout, a client that broke.
 */
const CLIENT_FAILURES: [RegExp, string][] = [
  [/^Connection terminated/i, 'connection-terminated'],
  [/timeout exceeded when trying to connect|connection timeout/i, 'connect-timeout'],
  [/not queryable|Client was closed|Client has already been connected/i, 'connection-broken'],
  [/Query read timeout/i, 'query-timeout'],
  // A statement that raced close(): the instance is stopping; the caller answers 4xx.
  [/Cannot use a pool after calling end/i, 'store-closed'],
];

function temporaryReason(sqlState: string): string | undefined {
  return TEMPORARY_SQLSTATES[sqlState] ?? TEMPORARY_SQLSTATES[sqlState.slice(0, 2)];
}

/** An error from `pg` (or a socket under it) as a DatabaseError; a DatabaseError passes through. */
export function databaseError(err: unknown): DatabaseError {
  if (err instanceof DatabaseError) return err;
  const e = err as { code?: unknown; message?: unknown; constraint?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.code === 'string' ? e.code : '';
  const constraint = typeof e?.constraint === 'string' ? e.constraint : undefined;
  if (/^[0-9A-Z]{5}$/.test(code)) {
    const reason = temporaryReason(code);
    return new DatabaseError(code, `PostgreSQL: ${message} (${code})`, {
      temporary: reason !== undefined,
      cause: err,
      sqlState: code,
      constraint,
    });
  }
  if (TEMPORARY_SYSTEM_CODES.has(code)) {
    return new DatabaseError(code, `PostgreSQL could not be reached: ${message}`, { temporary: true, cause: err });
  }
  for (const [pattern, name] of CLIENT_FAILURES) {
    if (pattern.test(message)) return new DatabaseError(name, `PostgreSQL: ${message}`, { temporary: true, cause: err });
  }
  if (err instanceof RangeError && /past JavaScript's safe integers/.test(message)) {
    return new DatabaseError('bigint-out-of-range', `PostgreSQL: ${message}`, { temporary: false, cause: err });
  }
  // Nobody foresaw it: temporary, as isTemporary() counts an unknown error (keep, try later).
  return new DatabaseError(code || 'database-error', `PostgreSQL: ${message}`, { temporary: true, cause: err });
}

/**
 * True for a unique-key violation on either engine: PostgreSQL's 23505 (raw or mapped) and
 * SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY. A caller racing another instance to insert
 * the same key treats it as "already recorded".
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
