// Connections to PostgreSQL (the `pg` client) that read values as the SQLite store does:
// bigint (int8) columns come back as JavaScript numbers, not strings, so one row looks the
// same from either engine. A value past 2^53 cannot be a number without losing digits: the
// read fails rather than hand back a wrong id or count.

import pg from 'pg';

const INT8_OID = 20;
/** How long a connection attempt may take before it fails. */
export const CONNECT_TIMEOUT_MS = 10_000;

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is past JavaScript's safe integers`);
  return n;
}

/** The type parsers rebound uses on every PostgreSQL connection. */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** A single connection (commands, migrations, copy); the service will use a pool. */
export async function connectPostgres(url: string): Promise<pg.Client> {
  // Bounded: pg waits forever for an unanswered connect by default.
  const client = new pg.Client({
    connectionString: url,
    types: pgTypes,
    application_name: 'rebound',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  await client.connect();
  return client;
}
