// The suite-wide PostgreSQL (tests/harness/pg-suite.ts), @integration: it starts a cluster.
// Its setup() and teardown() are called here as vitest's globalSetup calls them; with
// REBOUND_TEST_ENGINE=postgres the run's own cluster is checked too (the last test).

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { listPostgresMigrations } from '../../../src/store/pg/migrate.ts';
import { openPostgresDriver } from '../../../src/store/sql/postgres.ts';
import { dropDatabase, freshDatabaseUrl, setup, teardown, testEngine, type PgSuite } from '../../harness/pg-suite.ts';
import { canConnect } from '../../harness/ports.ts';

const lastVersion = listPostgresMigrations().at(-1)!.version;

async function schemaVersionAt(url: string): Promise<number> {
  const db = openPostgresDriver(url, { poolSize: 1 });
  try {
    return (await db.get<{ v: number }>('SELECT max(version) AS v FROM schema_migrations'))!.v;
  } finally {
    await db.close();
  }
}

afterAll(() => teardown());

describe('the suite-wide PostgreSQL', () => {
  it('reads REBOUND_TEST_ENGINE: SQLite unless it says postgres, and stops on anything else', () => {
    expect(testEngine({})).toBe('sqlite');
    expect(testEngine({ REBOUND_TEST_ENGINE: 'sqlite' })).toBe('sqlite');
    expect(testEngine({ REBOUND_TEST_ENGINE: 'postgres' })).toBe('postgres');
    expect(() => testEngine({ REBOUND_TEST_ENGINE: 'mysql' })).toThrow(/REBOUND_TEST_ENGINE="mysql"/);
  });

  it('starts nothing on the SQLite engine', async () => {
    const provided: unknown[] = [];
    await setup({ provide: (_key: string, value: unknown) => provided.push(value) } as never, {});
    expect(provided).toEqual([null]);
  });

  it('on PostgreSQL: one cluster, a migrated database for each caller, each apart from the others, all gone after teardown', async () => {
    let suite: PgSuite | null = null;
    await setup({ provide: (_key: string, value: PgSuite | null) => (suite = value) } as never, { REBOUND_TEST_ENGINE: 'postgres' });
    expect(suite).not.toBeNull();
    const port = Number(new URL(suite!.adminUrl).port);
    const [a, b] = [await freshDatabaseUrl(), await freshDatabaseUrl()];
    expect(a).not.toBe(b);
    expect(new URL(a).hostname).toBe('127.0.0.1');
    expect(await schemaVersionAt(a)).toBe(lastVersion);
    expect(await schemaVersionAt(b)).toBe(lastVersion);

    const da = openPostgresDriver(a, { poolSize: 1 });
    const db = openPostgresDriver(b, { poolSize: 1 });
    try {
      await da.run("INSERT INTO settings (key, value) VALUES ('only-in-a', 'x')");
      expect(await db.get("SELECT value FROM settings WHERE key = 'only-in-a'")).toBeUndefined();
    } finally {
      await da.close();
      await db.close();
    }

    await dropDatabase(b);
    const admin = new pg.Client({ connectionString: suite!.adminUrl });
    await admin.connect();
    try {
      const names = (await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 't\\_%'")).rows.map(
        (r) => r.datname,
      );
      expect(names).toEqual([new URL(a).pathname.slice(1)]);
    } finally {
      await admin.end();
    }
    await expect(dropDatabase(suite!.adminUrl)).rejects.toThrow(/was not made by freshDatabaseUrl/);

    await teardown();
    expect(await canConnect('127.0.0.1', port, 300)).toBe(false);
  });

  it.runIf(testEngine() === 'postgres')("gives this file a migrated database on the run's own cluster", async () => {
    const url = await freshDatabaseUrl();
    expect(await schemaVersionAt(url)).toBe(lastVersion);
  });
});
