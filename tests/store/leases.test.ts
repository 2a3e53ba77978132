// The leases and job periods (src/store/leases.ts) on a real SQLite file, through two
// connections as two rebound processes have them.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.ts';

let dir: string;
let a: Store;
let b: Store;
const T0 = new Date('2026-11-30T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rebound-leases-'));
  a = openStore(path.join(dir, 'bounces.db'));
  b = openStore(path.join(dir, 'bounces.db'));
});
afterEach(async () => {
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('leases', () => {
  it('go to one holder at a time, are kept by renewing, and pass to another only after they expire', async () => {
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
    const p1 = '2026-11-30T00:00:00.000Z';
    const p2 = '2026-12-01T00:00:00.000Z';
    // A timer fires at (or just after) its period's scheduled time.
    const atP1 = new Date('2026-11-30T00:00:01.000Z');
    const atP2 = new Date('2026-12-01T00:00:01.000Z');
    expect(await a.leases.claimPeriod('summary', p1, 'A', atP1)).toBe(true);
    expect(await b.leases.claimPeriod('summary', p1, 'B', atP1)).toBe(false);
    expect(await a.leases.claimPeriod('summary', p1, 'A', atP1)).toBe(false);
    // Another job's period is its own.
    expect(await b.leases.claimPeriod('retry', p1, 'B', atP1)).toBe(true);
    expect(await b.leases.claimPeriod('summary', p2, 'B', atP2)).toBe(true);
    // An instance whose timer fires late for an older period does not run it after the newer one.
    expect(await a.leases.claimPeriod('summary', p1, 'A', atP2)).toBe(false);
  });

  it('run again once the clock is set back after a period was claimed while it ran ahead', async () => {
    // The host booted with its clock a year ahead and ran the summary for that "day".
    const wrongClock = new Date('2027-11-30T07:00:01.000Z');
    expect(await a.leases.claimPeriod('summary', '2027-11-30T07:00:00.000Z', 'A', wrongClock)).toBe(true);
    // NTP sets the clock right: today's summary runs, once.
    expect(await a.leases.claimPeriod('summary', '2026-11-30T07:00:00.000Z', 'A', T0)).toBe(true);
    expect(await b.leases.claimPeriod('summary', '2026-11-30T07:00:00.000Z', 'B', T0)).toBe(false);
  });
});
