// The PostgreSQL SqlDriver (src/store/sql/postgres.ts) on a private PostgreSQL 15: values read
// as the SQLite store reads them, transactions on one connection with savepoints, and pg's
// errors as the house's ReboundError with the right code and temporary flag, each failure
// made for real (a refused port, a killed backend, a held lock, a deadlock, a role over its
// connection limit).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTemporary, ReboundError } from '../../../src/errors.ts';
import { connectPostgres } from '../../../src/store/pg/connect.ts';
import { migratePostgres } from '../../../src/store/pg/migrate.ts';
import type { SqlDriver } from '../../../src/store/sql/driver.ts';
import { databaseError, DatabaseError, isUniqueViolation } from '../../../src/store/sql/pg-errors.ts';
import { openPostgresDriver, type PostgresDriverOptions } from '../../../src/store/sql/postgres.ts';
import { freePort } from '../../harness/ports.ts';
import { startPostgres, type Postgres } from '../../harness/postgres.ts';

let server: Postgres;
let url: string;
const drivers: SqlDriver[] = [];
function open(at = url, options: PostgresDriverOptions = {}): SqlDriver {
  const d = openPostgresDriver(at, { poolSize: 3, ...options });
  drivers.push(d);
  return d;
}

beforeAll(async () => {
  server = await startPostgres();
  url = await server.createDatabase('driver');
  const c = await connectPostgres(url);
  try {
    await migratePostgres(c);
    await c.query('CREATE TABLE kv (k text PRIMARY KEY, v text, n bigint, b bytea)');
  } finally {
    await c.end();
  }
});
afterAll(async () => {
  for (const d of drivers) await d.close().catch(() => undefined);
  await server?.stop();
});

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<DatabaseError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatabaseError);
  return err as DatabaseError;
}

describe('openPostgresDriver: reading and writing', () => {
  it('reads counts, sums and bigints as numbers, bytea as a Buffer, NULL as null, booleans as 1 / 0', async () => {
    const db = open();
    expect(db.dialect).toBe('postgres');
    await db.run('INSERT INTO kv (k, v, n, b) VALUES (?, ?, ?, ?)', ['a', null, 2n ** 40n, Buffer.from([0, 255, 7])]);
    await db.run('INSERT INTO kv (k, v, n, b) VALUES (@k, @v, @n, @b)', { k: 'b', v: 'x', n: 5, b: new Uint8Array([1]) });
    const a = await db.get<{ k: string; v: null; n: number; b: Buffer }>('SELECT * FROM kv WHERE k = ?', ['a']);
    expect(a).toEqual({ k: 'a', v: null, n: 2 ** 40, b: Buffer.from([0, 255, 7]) });
    expect(Buffer.isBuffer(a!.b)).toBe(true);
    const agg = await db.get(
      'SELECT COUNT(*) AS count, SUM(n) AS total, MAX(n) AS most, v IS NULL AS missing FROM kv WHERE k = ? GROUP BY v',
      ['a'],
    );
    // SUM(bigint) is numeric in PostgreSQL: still a number here.
    expect(agg).toEqual({ count: 1, total: 2 ** 40, most: 2 ** 40, missing: 1 });
    expect(await db.get('SELECT 1 FROM kv WHERE k = ?', ['none'])).toBeUndefined();
    expect(await db.all('SELECT k FROM kv ORDER BY k')).toEqual([{ k: 'a' }, { k: 'b' }]);
    expect(await db.run("UPDATE kv SET v = 'y' WHERE k IN (?, ?)", ['a', 'b'])).toEqual({ changes: 2 });
    expect(await db.run("UPDATE kv SET v = 'y' WHERE k = ?", ['none'])).toEqual({ changes: 0 });
    await db.run('DELETE FROM kv');
  });

  it('refuses a bigint past 2^53 rather than hand back a rounded number', async () => {
    const err = await failure(open().get('SELECT 9007199254740993::bigint AS n'));
    expect(err).toMatchObject({ code: 'bigint-out-of-range', temporary: false });
  });

  it("runs the repositories' statement shapes: a claim with a reused @now, RETURNING, a cast, an @ in a literal", async () => {
    const db = open();
    const now = '2026-11-30T12:00:00.000Z';
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const row = await db.get<{ id: number }>(
        "INSERT INTO outbox (bounce_id, kind, recipients, state, next_attempt_at, created_at) VALUES (@bounceId, @kind, @recipients, 'pending', @now, @now) RETURNING id",
        { bounceId: null, kind: 'notice', recipients: 'ops@example.org', now },
      );
      ids.push(row!.id);
    }
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    const claimable = "state IN ('pending', 'failed') AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)";
    const claimed = await db.all<{ id: number; claimed_by: string }>(
      `WITH picked AS (SELECT id FROM outbox WHERE ${claimable} ORDER BY next_attempt_at, id LIMIT @limit FOR UPDATE SKIP LOCKED)
       UPDATE outbox SET claimed_by = @holder, claimed_until = @until WHERE id IN (SELECT id FROM picked) AND ${claimable}
       RETURNING *`,
      { holder: 'a', until: '2026-11-30T12:01:00.000Z', now, limit: 2 },
    );
    expect(claimed.map((r) => r.id).sort((x, y) => x - y)).toEqual(ids.slice(0, 2));
    expect(await db.get("SELECT ?::text || '@x?' AS s", ['n'])).toEqual({ s: 'n@x?' });
    await db.run('DELETE FROM outbox');
  });

  it('bounds every wait on the server: statement, lock and idle-in-transaction timeouts, and names itself', async () => {
    const db = open(url, { statementTimeoutMs: 1500, lockTimeoutMs: 700, idleInTransactionTimeoutMs: 9000 });
    expect(
      await db.get(
        "SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock, current_setting('idle_in_transaction_session_timeout') AS idle, current_setting('application_name') AS app",
      ),
    ).toEqual({ statement: '1500ms', lock: '700ms', idle: '9s', app: 'rebound' });
    const err = await failure(db.get('SELECT pg_sleep(5)'));
    expect(err).toMatchObject({ code: '57014', temporary: true });
  });

  it('a transaction left idle past its timeout is ended by the server: its row lock is free, the error temporary', async () => {
    const stalled = open(url, { idleInTransactionTimeoutMs: 300, poolSize: 1 });
    const other = open(url, { lockTimeoutMs: 3000 });
    await other.run("INSERT INTO kv (k, v) VALUES ('stall', 'x')");
    const err = await failure(
      stalled.transaction(async (tx) => {
        await tx.run("UPDATE kv SET v = 'stalled' WHERE k = 'stall'");
        // The instance stalls (a long GC, a frozen VM) while holding the row.
        await new Promise((r) => setTimeout(r, 800));
        await tx.run("UPDATE kv SET v = 'late' WHERE k = 'stall'");
      }),
    );
    // The server's reason, not pg's "not queryable".
    expect(err).toMatchObject({ code: '25P03', temporary: true });
    // Another instance takes the row at once; the stalled one's update was rolled back.
    expect(await other.run("UPDATE kv SET v = 'other' WHERE k = 'stall'")).toEqual({ changes: 1 });
    expect(await stalled.get("SELECT v FROM kv WHERE k = 'stall'")).toEqual({ v: 'other' });
  });

  it('masks the password in its description', () => {
    const d = openPostgresDriver('postgres://rebound:s3cret@db.example.org:5432/rebound?sslmode=require');
    drivers.push(d);
    expect(d.description).toBe('postgres://rebound:***@db.example.org:5432/rebound?sslmode=require');
    expect(d.description).not.toContain('s3cret');
  });
});

describe('openPostgresDriver: transactions', () => {
  it('commits a body on one connection, unseen by others until the commit', async () => {
    const db = open();
    const seenOutside: unknown[] = [];
    const pids = await db.transaction(async (tx) => {
      expect(tx.dialect).toBe('postgres');
      const p1 = (await tx.get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!.pid;
      await tx.run('INSERT INTO kv (k, v) VALUES (?, ?)', ['t1', 'one']);
      seenOutside.push(await db.get('SELECT v FROM kv WHERE k = ?', ['t1']));
      expect(await tx.get('SELECT v FROM kv WHERE k = ?', ['t1'])).toEqual({ v: 'one' });
      const p2 = (await tx.get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!.pid;
      return [p1, p2];
    });
    expect(pids[0]).toBe(pids[1]);
    expect(seenOutside).toEqual([undefined]);
    expect(await db.get('SELECT v FROM kv WHERE k = ?', ['t1'])).toEqual({ v: 'one' });
  });

  it('rolls the whole body back when it throws, and hands the error on unchanged', async () => {
    const db = open();
    const boom = new Error('the body failed');
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO kv (k, v) VALUES (?, ?)', ['t2', 'two']);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await db.get('SELECT v FROM kv WHERE k = ?', ['t2'])).toBeUndefined();
  });

  it('does not call a transaction committed when the server rolled it back at COMMIT (a body that swallowed an error)', async () => {
    const db = open();
    const err = await failure(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO kv (k, v) VALUES (?, ?)', ['t3', 'three']);
        // A failed statement outside a savepoint dooms the transaction; the body goes on.
        await tx.run('INSERT INTO no_such_table (k) VALUES (1)').catch(() => undefined);
        return 'done';
      }),
    );
    expect(err.code).toBe('store-rolled-back');
    expect(err.temporary).toBe(true);
    expect(await db.get('SELECT v FROM kv WHERE k = ?', ['t3'])).toBeUndefined();
  });

  it('a nested transaction is a savepoint: it rolls back alone, even after a failed statement, and the outer one commits', async () => {
    const db = open();
    await db.run("INSERT INTO kv (k, v) VALUES ('dup', 'first')");
    const outcome = await db.transaction(async (tx) => {
      await tx.run("INSERT INTO kv (k, v) VALUES ('outer', 'kept')");
      const inner = await tx
        .transaction(async (sp) => {
          await sp.run("INSERT INTO kv (k, v) VALUES ('inner', 'dropped')");
          // A unique violation aborts PostgreSQL's transaction; the savepoint brings it back.
          await sp.run("INSERT INTO kv (k, v) VALUES ('dup', 'second')");
        })
        .then(
          () => 'committed',
          (e: unknown) => (isUniqueViolation(e) ? 'duplicate' : String(e)),
        );
      const deeper = await tx.transaction(async (sp) => {
        await sp.run("INSERT INTO kv (k, v) VALUES ('second-savepoint', 'kept')");
        return sp.transaction(async (sp2) => (await sp2.get<{ n: number }>('SELECT COUNT(*) AS n FROM kv'))!.n);
      });
      return { inner, deeper };
    });
    expect(outcome.inner).toBe('duplicate');
    expect(outcome.deeper).toBeGreaterThan(0);
    const keys = (await db.all<{ k: string }>("SELECT k FROM kv WHERE k IN ('outer', 'inner', 'dup', 'second-savepoint') ORDER BY k")).map(
      (r) => r.k,
    );
    expect(keys).toEqual(['dup', 'outer', 'second-savepoint']);
    expect(await db.get("SELECT v FROM kv WHERE k = 'dup'")).toEqual({ v: 'first' });
  });

  it('refuses work on the parent runner while a nested transaction runs, at once rather than hang', async () => {
    const db = open();
    const outcome = await db.transaction(async (tx) => {
      const inner = await tx
        .transaction(async () => {
          // The parent's runner, not the savepoint's: this would land inside the savepoint.
          await tx.run("INSERT INTO kv (k) VALUES ('misplaced')");
        })
        .catch((e: Error) => e.message);
      // Once the nested one ended, the parent works again.
      await tx.run("INSERT INTO kv (k) VALUES ('after-nested')");
      return inner;
    });
    expect(outcome).toMatch(/a nested transaction is running on this runner/);
    expect(await db.all("SELECT k FROM kv WHERE k IN ('misplaced', 'after-nested')")).toEqual([{ k: 'after-nested' }]);
  });

  it('refuses statements on a transaction runner after its body settled', async () => {
    const db = open();
    let kept: { get: (sql: string) => Promise<unknown> } | undefined;
    await db.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept!.get('SELECT 1')).rejects.toThrow(/transaction has ended/);
  });

  it('does not lose its pool to failed transactions: more bodies than connections, half of them failing', async () => {
    const db = open(url, { poolSize: 2 });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO kv (k, v) VALUES (?, ?)', [`pool-${i}`, 'x']);
          if (i % 2) await tx.run('SELECT no_such_column FROM kv');
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(6);
    expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM kv WHERE k LIKE 'pool-%'"))!.n).toBe(6);
    expect(await db.get('SELECT 1 AS one')).toEqual({ one: 1 });
  });

  it('close() ends the pool; later statements reject as temporary (store-closed)', async () => {
    const db = openPostgresDriver(url);
    await db.get('SELECT 1');
    await db.close();
    await db.close();
    const err = await failure(db.get('SELECT 1'));
    expect(err).toMatchObject({ code: 'store-closed', temporary: true });
    await expect(db.transaction(async () => 1)).rejects.toMatchObject({ code: 'store-closed' });
  });
});

describe('openPostgresDriver: errors as ReboundError', () => {
  it('a unique violation keeps 23505 and its constraint, and is not temporary', async () => {
    const db = open();
    await db.run("INSERT INTO kv (k) VALUES ('u1')");
    const err = await failure(db.run("INSERT INTO kv (k) VALUES ('u1')"));
    expect(err).toBeInstanceOf(ReboundError);
    expect(err).toMatchObject({ code: '23505', sqlState: '23505', constraint: 'kv_pkey', temporary: false });
    expect(isUniqueViolation(err)).toBe(true);
    expect(err.message).toMatch(/^PostgreSQL: duplicate key value violates unique constraint "kv_pkey" \(23505\)$/);
  });

  it('a mistake in the SQL is permanent (42703)', async () => {
    const err = await failure(open().get('SELECT no_such_column FROM kv'));
    expect(err).toMatchObject({ code: '42703', temporary: false });
    expect(isTemporary(err)).toBe(false);
  });

  it('a server that is not there: ECONNREFUSED, temporary', async () => {
    const err = await failure(open(`postgres://postgres@127.0.0.1:${await freePort()}/driver`).get('SELECT 1'));
    expect(err).toMatchObject({ code: 'ECONNREFUSED', temporary: true });
    await expect(open(`postgres://postgres@127.0.0.1:${await freePort()}/driver`).transaction(async () => 1)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
      temporary: true,
    });
  });

  it('a connection the server ends under a transaction (57P01, an admin stop) is temporary, and the pool goes on', async () => {
    const db = open(url, { poolSize: 1 });
    const admin = open();
    const err = await failure(
      db.transaction(async (tx) => {
        const { pid } = (await tx.get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!;
        await admin.get('SELECT pg_terminate_backend(?)', [pid]);
        await tx.get('SELECT 1');
      }),
    );
    expect(err).toMatchObject({ code: '57P01', temporary: true });
    // The broken connection was not handed back: the next statement gets a new one.
    expect(await db.get('SELECT 1 AS one')).toEqual({ one: 1 });
  });

  it('a row lock held past lock_timeout (55P03) and a deadlock (40P01) are temporary', async () => {
    const a = open();
    const b = open(url, { lockTimeoutMs: 200 });
    await a.run("INSERT INTO kv (k, v) VALUES ('l1', 'x'), ('l2', 'x')");
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const holder = a.transaction(async (tx) => {
      await tx.run("UPDATE kv SET v = 'a' WHERE k = 'l1'");
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    const timedOut = await failure(b.run("UPDATE kv SET v = 'b' WHERE k = 'l1'"));
    release();
    await holder;
    expect(timedOut).toMatchObject({ code: '55P03', temporary: true });

    // Each takes one row, then waits for the other's: PostgreSQL ends one of them.
    let bothHold!: () => void;
    let count = 0;
    const gate = new Promise<void>((r) => (bothHold = r));
    const cross = (db: SqlDriver, first: string, second: string) =>
      db.transaction(async (tx) => {
        await tx.run("UPDATE kv SET v = 'd' WHERE k = ?", [first]);
        if (++count === 2) bothHold();
        await gate;
        await tx.run("UPDATE kv SET v = 'd' WHERE k = ?", [second]);
      });
    const outcomes = await Promise.allSettled([cross(a, 'l1', 'l2'), cross(open(), 'l2', 'l1')]);
    const rejected = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as DatabaseError);
    expect(rejected.map((e) => ({ code: e.code, temporary: e.temporary }))).toEqual([{ code: '40P01', temporary: true }]);
  });

  it('a body that waits for a second connection from a full pool fails after the connect timeout, temporary', async () => {
    const db = open(url, { poolSize: 1, connectTimeoutMs: 300 });
    const err = await failure(
      db.transaction(async (tx) => {
        await tx.get('SELECT 1');
        // The driver, not tx: this needs another connection, and the only one is ours.
        await db.get('SELECT 1');
      }),
    );
    expect(err).toMatchObject({ code: 'connect-timeout', temporary: true });
    expect(await db.get('SELECT 1 AS one')).toEqual({ one: 1 });
  });

  it('an idle pooled connection the server ends is logged and replaced, not fatal to the process', async () => {
    const warnings: unknown[] = [];
    const db = open(url, { poolSize: 2, log: { warn: (obj: unknown) => warnings.push(obj) } as never });
    await Promise.all([db.get('SELECT pg_sleep(0.05)'), db.get('SELECT pg_sleep(0.05)')]);
    const admin = open();
    const ended = await admin.all(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rebound' AND pid <> pg_backend_pid() AND state = 'idle'",
    );
    expect(ended.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 50 && warnings.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(await db.get('SELECT 1 AS one')).toEqual({ one: 1 });
  });

  it('too many connections (53300) is temporary', async () => {
    const admin = open();
    await admin.run('CREATE ROLE limited LOGIN CONNECTION LIMIT 1');
    await admin.run('GRANT ALL ON SCHEMA public TO limited');
    const limitedUrl = url.replace('postgres://postgres@', 'postgres://limited@');
    const first = open(limitedUrl, { poolSize: 1 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const holding = first.transaction(async (tx) => {
      await tx.get('SELECT 1');
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    const err = await failure(open(limitedUrl).get('SELECT 1'));
    release();
    await holding;
    expect(err).toMatchObject({ code: '53300', temporary: true });
  });

  it('maps the SQLSTATEs it cannot easily provoke here by the same table', () => {
    const map = (code: string) => databaseError(Object.assign(new Error('x'), { code }));
    expect(map('40001')).toMatchObject({ code: '40001', temporary: true });
    expect(map('08006')).toMatchObject({ code: '08006', temporary: true });
    expect(map('57P03')).toMatchObject({ code: '57P03', temporary: true });
    expect(map('53100')).toMatchObject({ code: '53100', temporary: true });
    expect(map('23503')).toMatchObject({ code: '23503', temporary: false });
    expect(map('ETIMEDOUT')).toMatchObject({ code: 'ETIMEDOUT', temporary: true });
    expect(databaseError(new Error('Connection terminated unexpectedly'))).toMatchObject({
      code: 'connection-terminated',
      temporary: true,
    });
    expect(databaseError(new Error('timeout exceeded when trying to connect'))).toMatchObject({ code: 'connect-timeout', temporary: true });
  });
});
