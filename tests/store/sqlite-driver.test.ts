// The SQLite driver on a real database file: parameters, transactions and savepoints, the
// connection's lock while an asynchronous transaction is open, and close.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { SqliteDriver } from '../../src/store/sql/sqlite.ts';
import { meterLoopGaps } from '../harness/event-loop.ts';
import { onSqlite } from '../harness/test-store.ts';

let dir: string;
let file: string;
let driver: SqliteDriver;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-sqlite-driver-'));
  file = path.join(dir, 'bounces.db');
  driver = new SqliteDriver(openDatabase(file), { lockWaitMs: 5000 });
});
afterEach(async () => {
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

const setting = (key: string) => driver.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
const put = (run: { run: SqliteDriver['run'] }, key: string, value: string) =>
  run.run('INSERT INTO settings (key, value) VALUES (@key, @value)', { key, value });

// The SQLite driver itself; PostgreSQL's: tests/store/pg/postgres-driver.test.ts.
describe.skipIf(!onSqlite)('SQLite driver', () => {
  it('binds ? parameters from a list and @name parameters from an object', async () => {
    await driver.run('INSERT INTO settings (key, value) VALUES (?, ?)', ['a', 'one']);
    await driver.run('INSERT INTO settings (key, value) VALUES (@key, @value)', { key: 'b', value: 'two', unused: 'x' });
    expect(await driver.all('SELECT key, value FROM settings WHERE key IN (?, ?) ORDER BY key', ['a', 'b'])).toEqual([
      { key: 'a', value: 'one' },
      { key: 'b', value: 'two' },
    ]);
    expect(await driver.get('SELECT value FROM settings WHERE key = @key', { key: 'b' })).toEqual({ value: 'two' });
    expect(await driver.get('SELECT value FROM settings WHERE key = ?', ['none'])).toBeUndefined();
    // An undefined named value is NULL, as on PostgreSQL.
    expect(await driver.get<{ v: string }>('SELECT COALESCE(@v, @w) AS v', { v: undefined, w: 'w' })).toEqual({ v: 'w' });
  });

  it('reports changed rows, and new ids through RETURNING', async () => {
    await put(driver, 'a', '1');
    await put(driver, 'b', '2');
    expect(await driver.run("UPDATE settings SET value = 'x' WHERE key IN ('a', 'b')")).toEqual({ changes: 2 });
    const ignored = await driver.run("INSERT INTO settings (key, value) VALUES ('a', 'y') ON CONFLICT DO NOTHING");
    expect(ignored.changes).toBe(0);
    const row = await driver.get<{ id: number }>(
      `INSERT INTO outbox (bounce_id, kind, recipients, state, next_attempt_at, created_at)
       VALUES (NULL, 'notice', 'a@example.org', 'pending', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id`,
    );
    expect(row?.id).toBeGreaterThan(0);
  });

  it('rolls back a transaction whose body throws, and commits one that returns', async () => {
    await expect(
      driver.transaction(async (tx) => {
        await put(tx, 'gone', '1');
        throw new Error('body failed');
      }),
    ).rejects.toThrow('body failed');
    expect(await setting('gone')).toBeUndefined();
    expect(
      await driver.transaction(async (tx) => {
        await put(tx, 'kept', '1');
        return 'done';
      }),
    ).toBe('done');
    expect(await setting('kept')).toEqual({ value: '1' });
  });

  it('rolls back a savepoint alone and goes on with the outer transaction', async () => {
    await driver.transaction(async (tx) => {
      await put(tx, 'before', '1');
      await expect(
        tx.transaction(async (sp) => {
          await put(sp, 'inner', '1');
          throw new Error('inner failed');
        }),
      ).rejects.toThrow('inner failed');
      await tx.transaction(async (sp) => {
        await put(sp, 'second', '1');
        // Nested again: a savepoint inside a savepoint.
        await sp.transaction(async (deeper) => put(deeper, 'deeper', '1'));
      });
      await put(tx, 'after', '1');
    });
    const keys = await driver.all<{ key: string }>("SELECT key FROM settings WHERE key NOT LIKE 'health.%' ORDER BY key");
    expect(keys.map((r) => r.key)).toEqual(['after', 'before', 'deeper', 'second']);
  });

  it('makes statements from outside wait until the open transaction ends', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const open = driver.transaction(async (tx) => {
      await put(tx, 'tx', 'inside');
      await gate;
    });
    await new Promise((r) => setTimeout(r, 10));
    let outsideDone = false;
    const outside = driver.run("INSERT INTO settings (key, value) VALUES ('outside', '1')").then(() => (outsideDone = true));
    const read = setting('tx');
    await new Promise((r) => setTimeout(r, 30));
    expect(outsideDone).toBe(false);
    // Another connection sees neither yet: the transaction is open and the outside write waits.
    const other = new Database(file, { readonly: true });
    try {
      expect(other.prepare("SELECT COUNT(*) AS n FROM settings WHERE key IN ('tx', 'outside')").get()).toEqual({ n: 0 });
    } finally {
      other.close();
    }
    finish();
    await open;
    await outside;
    expect(await read).toEqual({ value: 'inside' });
    // The outside write was not part of the transaction: a rollback of it would not take it.
    expect(await setting('outside')).toEqual({ value: '1' });
  });

  it('does not take an outside write into a transaction that then rolls back', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const open = driver.transaction(async (tx) => {
      await put(tx, 'tx', 'inside');
      await gate;
      throw new Error('rolled back');
    });
    await new Promise((r) => setTimeout(r, 10));
    const outside = put(driver, 'outside', '1');
    finish();
    await expect(open).rejects.toThrow('rolled back');
    await outside;
    expect(await setting('tx')).toBeUndefined();
    expect(await setting('outside')).toEqual({ value: '1' });
  });

  it('refuses a statement on the store from inside its own transaction instead of waiting for ever', async () => {
    await expect(
      driver.transaction(async (tx) => {
        await put(tx, 'inside', '1');
        // The driver itself, not `tx`: it would wait for this very transaction to end.
        await put(driver, 'outside', '1');
      }),
    ).rejects.toThrow(/inside its own open transaction/);
    await expect(driver.transaction(async () => driver.transaction(async () => undefined))).rejects.toThrow(/inside its own/);
    // Rolled back whole, and the store works on.
    expect(await setting('inside')).toBeUndefined();
    await put(driver, 'after', '1');
    expect(await setting('after')).toEqual({ value: '1' });
  });

  it('runs transactions one after another', async () => {
    const order: string[] = [];
    const one = driver.transaction(async (tx) => {
      order.push('one begins');
      await new Promise((r) => setTimeout(r, 20));
      await put(tx, 'one', '1');
      order.push('one ends');
    });
    const two = driver.transaction(async (tx) => {
      order.push('two begins');
      await put(tx, 'two', '1');
      order.push('two ends');
    });
    await Promise.all([one, two]);
    expect(order).toEqual(['one begins', 'one ends', 'two begins', 'two ends']);
  });

  it('waits for a write lock another connection holds, off SQLite and on the event loop', async () => {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const gaps = meterLoopGaps();
    try {
      const written = driver.transaction((tx) => put(tx, 'locked', 'out'));
      await new Promise((r) => setTimeout(r, 150));
      // Reads go on while the transaction waits for the lock.
      expect(await setting('locked')).toBeUndefined();
      other.exec('COMMIT');
      await written;
      expect(await setting('locked')).toEqual({ value: 'out' });
      expect(gaps.longest()).toBeLessThan(250);
    } finally {
      gaps.stop();
      other.close();
    }
  });

  it('waits for a write lock with a single write outside a transaction too, on the event loop', async () => {
    // A claim, a lease renewal or a session write is one statement, not a transaction: while
    // another process (the other instance on the same file) holds the write lock, it must not
    // hold this process's event loop inside SQLite's busy handler.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const written = put(driver, 'single', 'write');
      let turned = false;
      await new Promise((r) =>
        setTimeout(() => {
          turned = true;
          r(undefined);
        }, 100),
      );
      expect(turned).toBe(true);
      other.exec('COMMIT');
      await written;
      expect(await setting('single')).toEqual({ value: 'write' });
    } finally {
      other.close();
    }
  });

  it('gives up on a write lock held longer than the busy timeout', async () => {
    await driver.close();
    driver = new SqliteDriver(openDatabase(file), { lockWaitMs: 100 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(driver.transaction((tx) => put(tx, 'never', '1'))).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      other.close();
    }
  });

  it('answers a socket between the statements of a long transaction, and keeps others out of it', async () => {
    // A transaction whose body only awaits statements would otherwise hold the event loop until
    // it commits (a forged report's 500 bounce rows: every other LMTP connection waited).
    let outside: Promise<{ n: number } | undefined> | undefined;
    const server = net.createServer((s) =>
      s.on('data', () => {
        // Another caller's statement, made while the transaction is open, waits for its end.
        outside = driver.get<{ n: number }>("SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'slice-%'");
        s.end('pong\n');
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    let open = false;
    let answeredWhileOpen: boolean | undefined;
    const MAX_ROWS = 200_000;
    try {
      const inserted = await driver.transaction(async (tx) => {
        open = true;
        const client = net.connect(port, '127.0.0.1', () => client.write('ping\n'));
        client.on('data', () => (answeredWhileOpen ??= open));
        client.on('error', () => undefined);
        let n = 0;
        // Bounded: without a turn of the loop between statements the reply never comes.
        while (answeredWhileOpen === undefined && n < MAX_ROWS) {
          await put(tx, `slice-${n}`, 'x');
          n += 1;
        }
        client.destroy();
        open = false;
        return n;
      });
      expect(answeredWhileOpen).toBe(true);
      expect(inserted).toBeLessThan(MAX_ROWS);
      // The outside read saw the committed transaction whole, not a part of it.
      expect(await outside).toEqual({ n: inserted });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('keeps a statement made before a savepoint out of it when both wait for the pause of the slice', async () => {
    await driver.transaction(async (tx) => {
      // The slice is spent: the next statements wait for a turn of the event loop, in order.
      await new Promise((r) => setTimeout(r, 20));
      const before = put(tx, 'before-savepoint', 'kept');
      await tx
        .transaction(async (sp) => {
          await put(sp, 'in-savepoint', 'undone');
          throw new Error('undo the savepoint');
        })
        .catch(() => undefined);
      await before;
    });
    expect(await setting('before-savepoint')).toEqual({ value: 'kept' });
    expect(await setting('in-savepoint')).toBeUndefined();
  });

  it('closes after the open transaction, and rejects statements after close', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const open = driver.transaction(async (tx) => {
      await gate;
      await put(tx, 'last', '1');
    });
    await new Promise((r) => setTimeout(r, 10));
    const closed = driver.close();
    await expect(driver.get('SELECT 1')).rejects.toThrow(/not open/);
    finish();
    await open;
    await closed;
    const check = new Database(file, { readonly: true });
    try {
      expect(check.prepare("SELECT value FROM settings WHERE key = 'last'").get()).toEqual({ value: '1' });
    } finally {
      check.close();
    }
    await expect(driver.transaction(async () => undefined)).rejects.toThrow(/not open/);
  });
});
