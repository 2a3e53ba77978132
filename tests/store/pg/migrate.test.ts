// The PostgreSQL migration runner on a private cluster: it applies each migration once, even
// when two instances start at the same moment; a failing migration leaves nothing behind;
// and the translated triggers keep the daily counts exactly as SQLite's do.

import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/db.ts';
import { connectPostgres } from '../../../src/store/pg/connect.ts';
import { listPostgresMigrations, migratePostgres, postgresSchemaVersion } from '../../../src/store/pg/migrate.ts';
import { startPostgres, type Postgres } from '../../harness/postgres.ts';

let server: Postgres;
const clients: pg.Client[] = [];
async function connect(url: string): Promise<pg.Client> {
  const c = await connectPostgres(url);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  await server?.stop();
});

describe('migratePostgres', () => {
  it('applies every migration once when two instances migrate the same database at once', async () => {
    const url = await server.createDatabase('race');
    const a = await connect(url);
    const b = await connect(url);
    const [fromA, fromB] = await Promise.all([migratePostgres(a), migratePostgres(b)]);
    const all = listPostgresMigrations().map((m) => m.name);
    // One of them did the work, the other waited on the lock and found nothing left to do.
    expect([fromA, fromB].sort((x, y) => y.length - x.length)).toEqual([all, []]);
    const rows = await a.query('SELECT name FROM schema_migrations ORDER BY version');
    expect(rows.rows.map((r) => r.name)).toEqual(all);
    expect(await postgresSchemaVersion(a)).toBe(listPostgresMigrations().at(-1)!.version);
    expect(await migratePostgres(a)).toEqual([]);
  });

  it('rolls a failing migration back whole, keeps the ones before it, and names it', async () => {
    const c = await connect(await server.createDatabase('broken'));
    const migrations = [
      { version: 1, name: '001-fine.sql', sql: 'CREATE TABLE fine (id bigint PRIMARY KEY)' },
      { version: 2, name: '002-broken.sql', sql: 'CREATE TABLE half (id bigint); SELECT no_such_function()' },
    ];
    await expect(migratePostgres(c, migrations)).rejects.toThrow(/migration 002-broken\.sql: .*no_such_function/);
    const tables = await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    expect(tables.rows.map((r) => r.table_name)).toEqual(['fine', 'schema_migrations']);
    expect(await postgresSchemaVersion(c)).toBe(1);
    // The lock was let go: another migration run goes ahead.
    expect(await migratePostgres(c, [migrations[0]!])).toEqual([]);
  });

  it('keeps bounce_daily and bounce_daily_domain as the SQLite triggers do through insert, update and delete', async () => {
    const c = await connect(await server.createDatabase('triggers'));
    await migratePostgres(c);
    const sqlite = openDatabase(':memory:');
    const steps: string[] = [
      "INSERT INTO messages (id, received_at, source, sha256, size, raw, kind, status) VALUES (1, '2026-11-01T10:00:00Z', 'lmtp', 'h1', 1, 'x', 'bounce', 'Processed')",
      ...[1, 2, 3, 4].map(
        (i) =>
          `INSERT INTO bounces (id, message_id, date, email_to, status, reason, domain, kind, bounce_type, status_code, dedupe_key)
           VALUES (${i}, 1, '2026-11-0${i < 3 ? 1 : 2}T1${i}:00:00Z', 'u${i}@d${i % 2}.example', '${i === 4 ? 'retry_queued' : 'Processed'}',
                   'userunknown', 'd${i % 2}.example', 'bounce', '${i === 3 ? 'none' : 'hard'}', '5.1.1', 'k${i}')`,
      ),
      "UPDATE bounces SET status = 'Processed' WHERE id = 4",
      "UPDATE bounces SET bounce_type = 'soft', domain = 'd9.example' WHERE id = 3",
      'UPDATE bounces SET retries = 2 WHERE id = 1',
      'DELETE FROM bounces WHERE id = 2',
    ];
    for (const sql of steps) {
      sqlite.exec(sql);
      await c.query(sql.replace("'x'", "'\\x78'::bytea"));
    }
    const order = {
      daily: 'SELECT day, status, bounce_type, kind, reason, status_code, n FROM bounce_daily ORDER BY 1, 2, 3, 4, 5, 6',
      domain: 'SELECT day, domain, n FROM bounce_daily_domain ORDER BY 1, 2',
    };
    const expectedDaily = sqlite.prepare(order.daily).all();
    const expectedDomain = sqlite.prepare(order.domain).all();
    sqlite.close();
    expect(expectedDaily.length).toBeGreaterThan(1);
    expect((await c.query(order.daily)).rows).toEqual(expectedDaily);
    expect((await c.query(order.domain)).rows).toEqual(expectedDomain);
  });
});
