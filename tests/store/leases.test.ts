// The leases and job periods (src/store/leases.ts) on a real database of the run's engine,
// through two connections (pools) as two rebound processes have them.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onSqlite, openSharedTestStores, type TestStore } from '../harness/test-store.ts';

let a: TestStore;
let b: TestStore;
const T0 = new Date('2026-11-30T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeEach(async () => {
  [a, b] = (await openSharedTestStores(2)) as [TestStore, TestStore];
});
afterEach(async () => {
  await a.dispose();
  await b.dispose();
});

describe('leases', () => {
  // Steps the caller's clock, which only SQLite goes by: on PostgreSQL the database's clock
  // decides (tests/store/pg/store-claims.test.ts).
  it.skipIf(!onSqlite)('go to one holder at a time, are kept by renewing, and pass to another only after they expire', async () => {
    expect(await a.leases.acquire('imap:main', 'A', 60_000, T0)).toBe(true);
    expect(await b.leases.acquire('imap:main', 'B', 60_000, at(1000))).toBe(false);
    // The holder takes it again (a restart of the loop) and renews it.
    expect(await a.leases.acquire('imap:main', 'A', 60_000, at(2000))).toBe(true);
    expect(await a.leases.renew('imap:main', 'A', 60_000, at(50_000))).toBe(true);
    expect(await b.leases.acquire('imap:main', 'B', 60_000, at(70_000))).toBe(false);
    expect(await b.leases.holder('imap:main', at(70_000))).toBe('A');
    // A stops renewing (it died): after the expiry B takes over, and A's renewal fails.
    // The renewal at 50 s runs to 110 s: at that very instant the lease is over.
    expect(await b.leases.acquire('imap:main', 'B', 60_000, at(109_999))).toBe(false);
    expect(await b.leases.acquire('imap:main', 'B', 60_000, at(110_000))).toBe(true);
    expect(await a.leases.renew('imap:main', 'A', 60_000, at(111_000))).toBe(false);
    expect(await a.leases.holder('imap:main', at(111_000))).toBe('B');
    // Released on a clean stop: free at once, not after the expiry.
    await a.leases.release('imap:main', 'A'); // not A's: no effect
    expect(await a.leases.holder('imap:main', at(112_000))).toBe('B');
    await b.leases.release('imap:main', 'B');
    expect(await a.leases.holder('imap:main', at(112_000))).toBeUndefined();
    expect(await a.leases.acquire('imap:main', 'A', 60_000, at(112_000))).toBe(true);
  });

  it('keep leases of different names apart', async () => {
    expect(await a.leases.acquire('imap:one', 'A', 60_000, T0)).toBe(true);
    expect(await b.leases.acquire('imap:two', 'B', 60_000, T0)).toBe(true);
    expect(await a.leases.holder('imap:two', T0)).toBe('B');
  });
});

describe('job periods', () => {
  it('let one instance run a period, never the same period twice, and the next period again', async () => {
    // Periods already begun by the real clock: on PostgreSQL the database's clock decides, so
    // the caller's cannot be stepped here (a clock set back: the test after this one).
    const midnight = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00.000Z').getTime();
    const p1 = new Date(midnight - 2 * 86_400_000).toISOString();
    const p2 = new Date(midnight - 86_400_000).toISOString();
    expect(await a.leases.claimPeriod('summary', p1, 'A')).toBe(true);
    expect(await b.leases.claimPeriod('summary', p1, 'B')).toBe(false);
    expect(await a.leases.claimPeriod('summary', p1, 'A')).toBe(false);
    // Another job's period is its own.
    expect(await b.leases.claimPeriod('retry', p1, 'B')).toBe(true);
    expect(await b.leases.claimPeriod('summary', p2, 'B')).toBe(true);
    // An instance whose timer fires late for an older period does not run it after the newer one.
    expect(await a.leases.claimPeriod('summary', p1, 'A')).toBe(false);
  });

  it('run again once the clock is set back after a period was claimed while it ran ahead', async () => {
    // The host booted with its clock a year ahead and ran the summary for that "day" (the
    // period is all the row keeps of that clock, so the claim is written with it).
    const today = new Date().toISOString().slice(0, 10) + 'T00:00:00.000Z';
    const yearAhead = new Date(Date.parse(today) + 365 * 86_400_000).toISOString();
    expect(await a.leases.claimPeriod('summary', yearAhead, 'A')).toBe(true);
    // NTP sets the clock right: today's summary runs, once.
    expect(await a.leases.claimPeriod('summary', today, 'A')).toBe(true);
    expect(await b.leases.claimPeriod('summary', today, 'B')).toBe(false);
  });
});
