// The PostgreSQL driver's cost for what ingest does most: one small insert transaction,
// committed durably before the caller hears back. On a private PostgreSQL 15 over loopback
// (tests/harness/postgres.ts, fsync on as in production), beside the baseline in the same run:
// the same insert on SQLite in a file, committed as the commit queue commits (BEGIN
// IMMEDIATE, then the -wal flushed by store.durable()). One at a time (latency), then several
// at once on PostgreSQL (what a pool of connections buys).
//
// usage: node tests/bench/pg-driver.ts [--json] [--transactions N]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPostgres } from '../../src/store/pg/connect.ts';
import { migratePostgres } from '../../src/store/pg/migrate.ts';
import { openPostgresDriver } from '../../src/store/sql/postgres.ts';
import { openStore } from '../../src/store/store.ts';
import { startPostgres } from '../harness/postgres.ts';
import { elapsedMs, figure, loadNote, median, percentile, report, round, say, type Figure } from './lib.ts';

const argN = process.argv.indexOf('--transactions');
const N = argN > 0 ? Number(process.argv[argN + 1]) : 1000;
const CONCURRENT = 8;
const POOL = 5;
const INSERT = 'INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)';
const row = (i: number, run: string) => [`${run}-${i}`, 'bench', '2026-11-30T12:00:00.000Z'];

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-pgdriver-'));
  const server = await startPostgres({ durable: true });
  try {
    // Baseline: SQLite, the production path for one write.
    const store = openStore(path.join(dir, 'bounces.db'));
    const insert = store.db.prepare(INSERT);
    const sqliteMs: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = process.hrtime.bigint();
      store.db.transaction(() => insert.run(...row(i, 'sqlite'))).immediate();
      await store.durable();
      sqliteMs.push(elapsedMs(t));
    }
    store.close();

    const url = await server.createDatabase('bench');
    const c = await connectPostgres(url);
    await migratePostgres(c);
    await c.end();
    const db = openPostgresDriver(url, { poolSize: POOL });
    await db.get('SELECT 1'); // the first connection is not the figure
    const pgMs: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = process.hrtime.bigint();
      await db.transaction((tx) => tx.run(INSERT, row(i, 'pg')));
      pgMs.push(elapsedMs(t));
    }
    say(`pg-driver: ${N} one at a time done; now ${CONCURRENT} at once`);
    let next = 0;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        while (next < N) {
          const i = next++;
          await db.transaction((tx) => tx.run(INSERT, row(i, 'pg-concurrent')));
        }
      }),
    );
    const concurrentMs = elapsedMs(t0);
    await db.close();

    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const note = `${N} transactions of one insert, fsync on; ${loadNote()}`;
    const figures: Figure[] = [
      figure('PostgreSQL driver: one insert transaction, median', round(median(pgMs), 2), 'ms', undefined, note),
      figure('PostgreSQL driver: one insert transaction, p99', round(percentile(pgMs, 99), 2), 'ms'),
      figure('PostgreSQL driver: one at a time', round((N * 1000) / sum(pgMs)), 'tx/s'),
      figure(`PostgreSQL driver: ${CONCURRENT} at once, pool of ${POOL}`, round((N * 1000) / concurrentMs), 'tx/s'),
      figure(
        'baseline: SQLite, one insert transaction, median',
        round(median(sqliteMs), 2),
        'ms',
        undefined,
        'BEGIN IMMEDIATE, then the -wal flushed',
      ),
      figure('baseline: SQLite, one insert transaction, p99', round(percentile(sqliteMs, 99), 2), 'ms'),
      figure('baseline: SQLite, one at a time', round((N * 1000) / sum(sqliteMs)), 'tx/s'),
    ];
    report('pg-driver', figures);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
