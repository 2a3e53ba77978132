// Once-only across instances, on a real PostgreSQL 15 with two pools (two "instances") on one
// private database, through the store's PostgreSQL driver:
// - a claim (outbox, webhooks) hands each row to exactly one claimer, and honours its LIMIT;
// - an insert deduplicated by its unique key records one row, and the loser of the race sees
//   "nothing inserted", not an error;
// - a lease decided on the database's clock is not stolen by an instance whose clock is off.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectPostgres } from '../../../src/store/pg/connect.ts';
import { migratePostgres } from '../../../src/store/pg/migrate.ts';
import { databaseNow, dbClock } from '../../../src/store/sql/db-clock.ts';
import type { SqlDriver, SqlRunner } from '../../../src/store/sql/driver.ts';
import { isUniqueViolation } from '../../../src/store/sql/pg-errors.ts';
import { openPostgresDriver } from '../../../src/store/sql/postgres.ts';
import { startPostgres, type Postgres } from '../../harness/postgres.ts';

let server: Postgres;
let one: SqlDriver;
let two: SqlDriver;

beforeAll(async () => {
  server = await startPostgres();
  const url = await server.createDatabase('once');
  const c = await connectPostgres(url);
  try {
    await migratePostgres(c);
  } finally {
    await c.end();
  }
  one = openPostgresDriver(url, { poolSize: 4 });
  two = openPostgresDriver(url, { poolSize: 4 });
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await server?.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A promise and the function that settles it: lets a test hold one transaction open while another runs. */
function gate(): { open: () => void; passed: Promise<void> } {
  let open!: () => void;
  const passed = new Promise<void>((r) => (open = r));
  return { open, passed };
}

// Long past, so that rows seeded at NOW are due by the database's clock too.
const NOW = '2000-01-01T12:00:00.000Z';
const UNTIL = '2000-01-01T12:05:00.000Z';
const CLAIMABLE = "state IN ('pending', 'failed') AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)";
/** The claim as outbox.ts writes it, with PostgreSQL's row lock in the subquery. */
const CLAIM_IN_SUBQUERY = `UPDATE outbox SET claimed_by = @holder, claimed_until = @until
  WHERE id IN (SELECT id FROM outbox WHERE ${CLAIMABLE} ORDER BY next_attempt_at, id LIMIT @limit FOR UPDATE SKIP LOCKED) AND ${CLAIMABLE}
  RETURNING id`;
/** The same claim with the pick in a WITH clause: evaluated once, whatever the plan. */
const CLAIM = `WITH picked AS (SELECT id FROM outbox WHERE ${CLAIMABLE} ORDER BY next_attempt_at, id LIMIT @limit FOR UPDATE SKIP LOCKED)
  UPDATE outbox SET claimed_by = @holder, claimed_until = @until WHERE id IN (SELECT id FROM picked) AND ${CLAIMABLE}
  RETURNING id`;

async function seedOutbox(n: number): Promise<number[]> {
  await one.run('DELETE FROM outbox');
  const ids: number[] = [];
  await one.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const row = await tx.get<{ id: number }>(
        "INSERT INTO outbox (recipients, state, next_attempt_at, created_at) VALUES ('ops@example.org', 'pending', ?, ?) RETURNING id",
        [NOW, NOW],
      );
      ids.push(row!.id);
    }
  });
  return ids;
}

async function claim(on: SqlRunner, holder: string, limit: number, sql = CLAIM): Promise<number[]> {
  const rows = await on.all<{ id: number }>(sql, { holder, until: UNTIL, now: NOW, limit });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

describe('claims with FOR UPDATE SKIP LOCKED', () => {
  it('IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED) claims every due row on a nested-loop plan; the WITH form claims n', async () => {
    // A fresh, small outbox (no statistics yet) gets exactly this plan: the subquery is run
    // again for each outer row, and each run skips the rows this statement already locked.
    const nestedLoop = async (tx: SqlRunner) => {
      for (const setting of ['enable_hashjoin', 'enable_mergejoin', 'enable_material']) await tx.run(`SET LOCAL ${setting} = off`);
    };
    const due = await seedOutbox(20);
    const overClaimed = await one.transaction(async (tx) => {
      await nestedLoop(tx);
      return claim(tx, 'a', 3, CLAIM_IN_SUBQUERY);
    });
    expect(overClaimed).toEqual(due);

    const ids = await seedOutbox(20);
    const claimed = await one.transaction(async (tx) => {
      await nestedLoop(tx);
      return claim(tx, 'a', 3);
    });
    expect(claimed).toEqual(ids.slice(0, 3));
  });

  it('a second instance claiming while the first holds its claim open takes other rows, without waiting', async () => {
    const ids = await seedOutbox(12);
    const held = gate();
    let first: number[] = [];
    const claimedFirst = gate();
    const holding = one.transaction(async (tx) => {
      first = await claim(tx, 'one', 5);
      claimedFirst.open();
      await held.passed;
    });
    await claimedFirst.passed;
    const started = Date.now();
    const second = await two.transaction((tx) => claim(tx, 'two', 5));
    expect(Date.now() - started).toBeLessThan(2000);
    held.open();
    await holding;
    expect(first).toEqual(ids.slice(0, 5));
    expect(second).toEqual(ids.slice(5, 10));
    // Both committed: a third claim finds only what is left, and nobody's claim was overwritten.
    expect(await claim(one, 'three', 5)).toEqual(ids.slice(10));
    const owners = await one.all<{ claimed_by: string; n: number }>(
      'SELECT claimed_by, COUNT(*) AS n FROM outbox GROUP BY claimed_by ORDER BY claimed_by',
    );
    expect(owners).toEqual([
      { claimed_by: 'one', n: 5 },
      { claimed_by: 'three', n: 2 },
      { claimed_by: 'two', n: 5 },
    ]);
  });

  it('eight claimers on two instances, racing over 300 rows: each row claimed exactly once, no batch over its limit', async () => {
    const ids = await seedOutbox(300);
    const LIMIT = 7;
    const got = new Map<string, number[][]>();
    const worker = async (db: SqlDriver, holder: string) => {
      const batches: number[][] = [];
      // Bounded: 300 rows cannot take more than 300 non-empty batches.
      for (let round = 0; round < 300; round++) {
        const batch = await db.transaction(async (tx) => {
          const rows = await claim(tx, holder, LIMIT);
          // Hold the rows a moment, as a sender does, so that claims overlap.
          await tx.get('SELECT pg_sleep(0.002)');
          return rows;
        });
        if (!batch.length) break;
        batches.push(batch);
      }
      got.set(holder, batches);
    };
    await Promise.all([...[1, 2, 3, 4].map((i) => worker(one, `one-${i}`)), ...[1, 2, 3, 4].map((i) => worker(two, `two-${i}`))]);
    const all = [...got.values()].flat(2);
    expect(all.length).toBe(300);
    expect(new Set(all).size).toBe(300);
    expect([...all].sort((a, b) => a - b)).toEqual(ids);
    expect(Math.max(...[...got.values()].flat().map((b) => b.length))).toBeLessThanOrEqual(LIMIT);
    // Both instances did part of the work: the race was real.
    const byInstance = (prefix: string) => [...got.entries()].filter(([h]) => h.startsWith(prefix)).flatMap(([, b]) => b.flat()).length;
    expect(byInstance('one-')).toBeGreaterThan(0);
    expect(byInstance('two-')).toBeGreaterThan(0);
    // What the database holds agrees with what each claimer was told.
    const stored = await one.all<{ id: number; claimed_by: string }>('SELECT id, claimed_by FROM outbox');
    const told = new Map([...got.entries()].flatMap(([holder, batches]) => batches.flat().map((id) => [id, holder] as const)));
    for (const row of stored) expect(row.claimed_by).toBe(told.get(row.id));
  });
});

/** A message row keyed by its sha256 (UNIQUE), inserted once: ON CONFLICT DO NOTHING RETURNING id. */
const INSERT_MESSAGE = `INSERT INTO messages (received_at, source, sha256, size, raw, kind, status)
  VALUES (@at, 'lmtp', @sha, 1, @raw, 'bounce', 'Processed') ON CONFLICT (sha256) DO NOTHING RETURNING id`;
const message = (sha: string) => ({ at: NOW, sha, raw: Buffer.from('x') });

describe('inserts deduplicated by unique key', () => {
  it('the second instance waits for the first, then sees nothing inserted (no error); a rollback lets it insert', async () => {
    const committedFirst = gate();
    const inserted = gate();
    const a = one.transaction(async (tx) => {
      const row = await tx.get<{ id: number }>(INSERT_MESSAGE, message('race-1'));
      inserted.open();
      await committedFirst.passed;
      return row;
    });
    await inserted.passed;
    const b = two.transaction((tx) => tx.get<{ id: number }>(INSERT_MESSAGE, message('race-1')));
    // b is blocked on a's uncommitted key; let a commit.
    await new Promise((r) => setTimeout(r, 100));
    committedFirst.open();
    const [fromA, fromB] = await Promise.all([a, b]);
    expect(typeof fromA?.id).toBe('number');
    expect(fromB).toBeUndefined();
    expect(await one.all("SELECT id FROM messages WHERE sha256 = 'race-1'")).toEqual([{ id: fromA!.id }]);

    const rolledBack = gate();
    const insertedAgain = gate();
    const c = one
      .transaction(async (tx) => {
        await tx.get(INSERT_MESSAGE, message('race-2'));
        insertedAgain.open();
        await rolledBack.passed;
        throw new Error('the first instance died before its commit');
      })
      .catch((e: Error) => e.message);
    await insertedAgain.passed;
    const d = two.transaction((tx) => tx.get<{ id: number }>(INSERT_MESSAGE, message('race-2')));
    await new Promise((r) => setTimeout(r, 100));
    rolledBack.open();
    expect(await c).toBe('the first instance died before its commit');
    expect(typeof (await d)?.id).toBe('number');
    expect(await one.all("SELECT COUNT(*) AS n FROM messages WHERE sha256 = 'race-2'")).toEqual([{ n: 1 }]);
  });

  it('a plain INSERT losing the same race fails with 23505, which callers read as a duplicate', async () => {
    const go = gate();
    const inserted = gate();
    const plain = INSERT_MESSAGE.replace(' ON CONFLICT (sha256) DO NOTHING', '');
    const a = one.transaction(async (tx) => {
      await tx.get(plain, message('race-3'));
      inserted.open();
      await go.passed;
    });
    await inserted.passed;
    const b = two.transaction((tx) => tx.get(plain, message('race-3'))).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    go.open();
    await a;
    const err = await b;
    expect(isUniqueViolation(err)).toBe(true);
    expect(err).toMatchObject({ code: '23505', constraint: 'messages_sha256_key', temporary: false });
  });

  it('eight inserters on two instances offering the same 100 messages in different orders: 100 rows, 100 winners, no error', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `bulk-${i}`);
    let winners = 0;
    let losers = 0;
    const inserter = async (db: SqlDriver, seed: number) => {
      // A different order for each inserter (a fixed shuffle, so a failure can be replayed).
      const order = keys.map((k, i) => ({ k, r: (i * 7919 + seed * 104729) % 1009 })).sort((x, y) => x.r - y.r);
      for (const { k } of order) {
        const row = await db.transaction((tx) => tx.get(INSERT_MESSAGE, message(k)));
        if (row) winners++;
        else losers++;
      }
    };
    await Promise.all([1, 2, 3, 4].flatMap((i) => [inserter(one, i), inserter(two, i + 4)]));
    expect(winners).toBe(100);
    expect(losers).toBe(700);
    expect(await one.get("SELECT COUNT(*) AS n, COUNT(DISTINCT sha256) AS keys FROM messages WHERE sha256 LIKE 'bulk-%'")).toEqual({
      n: 100,
      keys: 100,
    });
  });
});

const clock = dbClock('postgres');
/** The lease as leases.ts writes it, with the times from the caller's clock. */
const ACQUIRE_CLIENT_CLOCK = `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
  ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
  WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`;
/** The same with the times from the database's clock. */
const ACQUIRE_DB_CLOCK = `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, ${clock.after('ttlMs')})
  ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
  WHERE leases.holder = excluded.holder OR leases.expires_at <= ${clock.now}`;

async function acquireClientClock(db: SqlRunner, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = new Date();
  const until = new Date(now.getTime() + ttlMs).toISOString();
  return (await db.run(ACQUIRE_CLIENT_CLOCK, { name, holder, until, now: now.toISOString() })).changes === 1;
}
async function acquireDbClock(db: SqlRunner, name: string, holder: string, ttlMs: number): Promise<boolean> {
  return (await db.run(ACQUIRE_DB_CLOCK, { name, holder, ttlMs })).changes === 1;
}
const HOUR = 3_600_000;
/** Runs `f` while this process's clock (Date) is off by `skewMs`; the database's is not. */
async function withSkewedClock<T>(skewMs: number, f: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + skewMs });
  try {
    return await f();
  } finally {
    vi.useRealTimers();
  }
}
const holderOf = async (name: string) => (await one.get<{ holder: string }>('SELECT holder FROM leases WHERE name = ?', [name]))?.holder;

describe('leases on the database clock', () => {
  it("with the caller's clock, an instance an hour ahead takes a live lease (the hazard)", async () => {
    expect(await acquireClientClock(one, 'summary', 'host-a', 30_000)).toBe(true);
    expect(await withSkewedClock(HOUR, () => acquireClientClock(two, 'summary', 'host-b', 30_000))).toBe(true);
    expect(await holderOf('summary')).toBe('host-b');
  });

  it('with the database clock, an instance an hour ahead or behind does not take a live lease', async () => {
    expect(await acquireDbClock(one, 'retry', 'host-a', 30_000)).toBe(true);
    expect(await withSkewedClock(HOUR, () => acquireDbClock(two, 'retry', 'host-b', 30_000))).toBe(false);
    expect(await holderOf('retry')).toBe('host-a');
    // The holder renews on any clock.
    expect(await withSkewedClock(-HOUR, () => acquireDbClock(one, 'retry', 'host-a', 30_000))).toBe(true);

    // A holder an hour behind writes a lease that still runs for the others (with its own
    // clock it would have written one that expired an hour ago).
    expect(await withSkewedClock(-HOUR, () => acquireDbClock(one, 'imap:main', 'host-a', 30_000))).toBe(true);
    expect(await acquireDbClock(two, 'imap:main', 'host-b', 30_000)).toBe(false);
    expect(await holderOf('imap:main')).toBe('host-a');
  });

  it("a claim on the database clock is not taken over by an instance an hour ahead; on the caller's clock it is", async () => {
    const claimable = (now: string) =>
      `state IN ('pending', 'failed') AND next_attempt_at <= ${now} AND (claimed_until IS NULL OR claimed_until < ${now})`;
    const claimSql = (now: string, until: string) =>
      `WITH picked AS (SELECT id FROM outbox WHERE ${claimable(now)} ORDER BY next_attempt_at, id LIMIT @limit FOR UPDATE SKIP LOCKED)
       UPDATE outbox SET claimed_by = @holder, claimed_until = ${until} WHERE id IN (SELECT id FROM picked) AND ${claimable(now)} RETURNING id`;
    const onDbClock = claimSql(clock.now, clock.after('ttlMs'));
    const onCallerClock = claimSql('@now', '@until');
    const byDb = (db: SqlRunner, holder: string) => db.all(onDbClock, { holder, ttlMs: 60_000, limit: 100 });
    const byCaller = (db: SqlRunner, holder: string) => {
      const now = new Date();
      return db.all(onCallerClock, { holder, now: now.toISOString(), until: new Date(now.getTime() + 60_000).toISOString(), limit: 100 });
    };

    const ids = await seedOutbox(5);
    expect((await byDb(one, 'host-a')).length).toBe(5);
    expect(await withSkewedClock(HOUR, () => byDb(two, 'host-b'))).toEqual([]);
    expect(await withSkewedClock(HOUR, () => byCaller(two, 'host-b'))).toHaveLength(ids.length);
  });

  it('a lease on the database clock still runs out: another instance takes it after the ttl', async () => {
    expect(await acquireDbClock(one, 'short', 'host-a', 300)).toBe(true);
    expect(await acquireDbClock(two, 'short', 'host-b', 300)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await acquireDbClock(two, 'short', 'host-b', 300)).toBe(true);
    expect(await holderOf('short')).toBe('host-b');
  });

  it("writes times as Date.toISOString() does, and databaseNow() reads the database's clock, not the process's", async () => {
    await acquireDbClock(one, 'spelling', 'host-a', 60_000);
    const row = await one.get<{ expires_at: string }>("SELECT expires_at FROM leases WHERE name = 'spelling'");
    expect(row!.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(row!.expires_at) - (Date.now() + 60_000))).toBeLessThan(5_000);
    const fromDb = await withSkewedClock(HOUR, () => databaseNow(two));
    expect(Math.abs(fromDb.getTime() - Date.now())).toBeLessThan(5_000);
  });
});
