// The grouped-commit queue on a real store: how writes are grouped into commits, and that
// nothing is acknowledged before the disk flush that covers it.

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { createCommitQueue } from '../../src/store/commit-queue.ts';
import type { SqliteStore, Store } from '../../src/store/store.ts';
import { meterLoopGaps } from '../harness/event-loop.ts';
import { waitFor } from '../harness/ports.ts';
import { onSqlite, openTestStore, type TestStore } from '../harness/test-store.ts';

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await store.dispose();
});

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('commit queue', () => {
  it('groups the writes that arrive while the previous commit is flushing into one commit after it', async () => {
    const flushes: (() => void)[] = [];
    const batches: number[] = [];
    const slowDisk: Store = { ...store, durable: () => new Promise<void>((r) => flushes.push(r)) };
    const queue = createCommitQueue(slowDisk, silentLogger(), (b) => batches.push(b.writes));
    const put = (v: string) => queue.run((tx) => tx.settings.set(`k-${v}`, v));
    const acked: string[] = [];
    const first = put('a').then(() => acked.push('a'));
    // The commit's round trip (a PostgreSQL server's, too) before its flush starts.
    await waitFor('the first flush', () => flushes.length === 1, { intervalMs: 5 });
    // Three more arrive while the first commit's flush is under way: none is committed yet.
    const rest = ['b', 'c', 'd'].map((v) => put(v).then(() => acked.push(v)));
    await tick();
    expect(await store.settings.get('k-b')).toBeUndefined();
    expect(flushes).toHaveLength(1);
    flushes[0]!();
    await first;
    await waitFor('the second flush', () => flushes.length === 2, { intervalMs: 5 });
    // Now they commit together, and wait for their own flush before they are acknowledged.
    expect(await Promise.all(['b', 'c', 'd'].map((v) => store.settings.get(`k-${v}`)))).toEqual(['b', 'c', 'd']);
    expect(acked).toEqual(['a']);
    expect(flushes).toHaveLength(2);
    flushes[1]!();
    await Promise.all(rest);
    expect(acked).toEqual(['a', 'b', 'c', 'd']);
    expect(batches).toEqual([1, 3]);
    await queue.drain();
  });

  // SQLite's file lock and busy handler: PostgreSQL has row locks and no busy timeout.
  it.skipIf(!onSqlite)(
    'waits for a write lock another process holds between attempts, not inside SQLite with the event loop held',
    async () => {
      const other = new Database(store.db!.name);
      other.exec('BEGIN IMMEDIATE');
      const queue = createCommitQueue(store, silentLogger());
      const gaps = meterLoopGaps();
      try {
        const written = queue.run((tx) => tx.settings.set('locked', 'out'));
        await new Promise((r) => setTimeout(r, 300));
        expect(await store.settings.get('locked')).toBeUndefined();
        other.exec('COMMIT');
        await written;
        expect(await store.settings.get('locked')).toBe('out');
        // The busy timeout is 5 s: one attempt that waited inside SQLite would show here.
        expect(gaps.longest()).toBeLessThan(250);
        expect(store.db!.pragma('busy_timeout', { simple: true })).toBe((store as unknown as SqliteStore).health.lockWaitMs);
      } finally {
        gaps.stop();
        other.close();
      }
    },
  );

  it('still commits the next group when the previous flush failed, and rejects only the failed group', async () => {
    let fail = true;
    const flaky: Store = {
      ...store,
      durable: () => (fail ? ((fail = false), Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }))) : Promise.resolve()),
    };
    const queue = createCommitQueue(flaky, silentLogger());
    const one = queue.run((tx) => tx.settings.set('k-1', '1'));
    const two = one.catch(() => undefined).then(() => queue.run((tx) => tx.settings.set('k-2', '2')));
    await expect(one).rejects.toThrow('EIO');
    await expect(two).resolves.toBeUndefined();
    expect(await store.settings.get('k-2')).toBe('2');
  });

  it('splits a large backlog into groups of at most the bound, every write committed once and answered', async () => {
    const batches: number[] = [];
    const queue = createCommitQueue(store, silentLogger(), (b) => batches.push(b.writes), { maxWrites: 64 });
    const writes = Array.from({ length: 300 }, (_, i) => queue.run((tx) => tx.settings.set(`bulk-${i}`, String(i))));
    await Promise.all(writes);
    await queue.drain();
    expect(Math.max(...batches)).toBeLessThanOrEqual(64);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(300);
    for (const i of [0, 63, 64, 299]) expect(await store.settings.get(`bulk-${i}`)).toBe(String(i));
  });

  it('ends a group whose writes take long and commits the rest in the next, so the write lock is not held for all of them', async () => {
    const batches: number[] = [];
    // A bound of 30 ms and writes of ~15 ms each (a forged report naming hundreds of
    // recipients): one group of all ten would hold the lock for 150 ms.
    const queue = createCommitQueue(store, silentLogger(), (b) => batches.push(b.writes), { maxMs: 30 });
    const slowWrite = (i: number) =>
      queue.run(async (tx) => {
        await new Promise((r) => setTimeout(r, 15));
        await tx.settings.set(`slow-${i}`, String(i));
      });
    await Promise.all(Array.from({ length: 10 }, (_, i) => slowWrite(i)));
    await queue.drain();
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(10);
    for (let i = 0; i < 10; i++) expect(await store.settings.get(`slow-${i}`)).toBe(String(i));
  });

  it('when the flush of a group ended by its time bound fails, rejects that group only and commits the writes it left for the next', async () => {
    let fail = true;
    const batches: number[] = [];
    const flaky: Store = {
      ...store,
      durable: () => (fail ? ((fail = false), Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }))) : Promise.resolve()),
    };
    const queue = createCommitQueue(flaky, silentLogger(), (b) => batches.push(b.writes), { maxMs: 30 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        queue.run(async (tx) => {
          await new Promise((r) => setTimeout(r, 15));
          await tx.settings.set(`split-${i}`, String(i));
        }),
      ),
    );
    await queue.drain();
    const rejected = outcomes.filter((o) => o.status === 'rejected').length;
    // The first group failed as a whole (its writes will be offered again); the rest, left
    // for the next groups by the time bound, were committed and answered.
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThan(10);
    expect(outcomes.slice(0, rejected).every((o) => o.status === 'rejected')).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(10 - rejected);
    for (let i = rejected; i < 10; i++) expect(await store.settings.get(`split-${i}`)).toBe(String(i));
  });
});
