// The suppression repository over a real SQLite file: lookups by address and by domain,
// expiry, keyset paging, the audit trail, and change listeners that write in the same
// transaction as the change.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../harness/test-store.ts';
import { normaliseKey, type SuppressionChange } from '../../src/suppress/repository.ts';

let store: TestStore;
const now = new Date('2026-11-02T10:00:00Z');
const DAY = 86_400_000;

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.dispose());

describe('SuppressionRepository', () => {
  it('finds an address by its own entry or by its domain, case-insensitively', async () => {
    await store.suppressions.add({ address: 'Jane@Example.org', reason: 'manual', source: 'manual', by: 'admin', note: 'left' }, now);
    await store.suppressions.add({ address: 'gone.test', reason: 'manual', source: 'manual' }, now);
    expect(await store.suppressions.check('<JANE@example.ORG>', now)).toMatchObject({
      address: 'jane@example.org',
      scope: 'address',
      note: 'left',
      createdBy: 'admin',
    });
    expect(await store.suppressions.check('anyone@gone.test', now)).toMatchObject({ address: '@gone.test', scope: 'domain' });
    expect(await store.suppressions.check('john@example.org', now)).toBeUndefined();
    expect(await store.suppressions.check('not an address', now)).toBeUndefined();
    // A subdomain is not the domain.
    expect(await store.suppressions.check('a@sub.gone.test', now)).toBeUndefined();
  });

  it('keeps a hand-made entry forever unless it is given a date', async () => {
    await store.suppressions.add({ address: 'a@example.org', reason: 'manual', source: 'manual' }, now);
    await store.suppressions.add(
      { address: 'b@example.org', reason: 'manual', source: 'manual', expiresAt: new Date(now.getTime() + DAY) },
      now,
    );
    const in10years = new Date(now.getTime() + 3650 * DAY);
    expect(await store.suppressions.check('a@example.org', in10years)).toBeDefined();
    expect(await store.suppressions.check('b@example.org', in10years)).toBeUndefined();
    expect(await store.suppressions.purgeExpired(in10years)).toBe(1);
    expect(await store.suppressions.countInForce(in10years)).toBe(1);
  });

  it('refuses what is neither an address nor a domain, naming it', () => {
    for (const bad of [
      '',
      'a@',
      '@',
      'a b@example.org',
      'x@-bad-.test',
      '"q"@example.org',
      'a\n@example.org',
      `${'a'.repeat(250)}@example.org`,
    ]) {
      expect(() => normaliseKey(bad), bad).toThrow(/address|domain|empty|longer/);
    }
    expect(normaliseKey(' <Jane@Example.org> ')).toEqual({ key: 'jane@example.org', scope: 'address' });
    expect(normaliseKey('@Example.org')).toEqual({ key: '@example.org', scope: 'domain' });
  });

  it('adds many in one call as add() would one by one, leaving out only what the list cannot hold', async () => {
    const changes: SuppressionChange[] = [];
    store.suppressions.onChange(async (c) => {
      changes.push(c);
    });
    await store.suppressions.add({ address: 'seen@example.org', reason: 'userunknown', source: 'bounce', bounceId: null }, now);
    const results = await store.suppressions.addMany(
      [
        { address: 'New@Example.org', reason: 'userunknown', source: 'bounce', note: 'hard bounce 5.1.1' },
        { address: '"quoted local"@example.org', reason: 'userunknown', source: 'bounce' },
        { address: 'seen@example.org', reason: 'userunknown', source: 'bounce' },
        { address: 'new@example.org', reason: 'mailboxfull', source: 'escalation', expiresAt: new Date(now.getTime() + 86_400_000) },
      ],
      now,
    );
    expect(results.map((r) => r && { address: r.entry.address, created: r.created })).toEqual([
      { address: 'new@example.org', created: true },
      undefined,
      { address: 'seen@example.org', created: false },
      { address: 'new@example.org', created: false },
    ]);
    // The later, shorter decision does not shorten a lasting entry; each address counted.
    expect(await store.suppressions.get('new@example.org')).toMatchObject({ bounceCount: 2, expiresAt: null, reason: 'userunknown' });
    expect(await store.suppressions.get('seen@example.org')).toMatchObject({ bounceCount: 2 });
    expect((await store.suppressions.events('new@example.org')).map((e) => e.action)).toEqual(['refreshed', 'added']);
    expect(changes.map((c) => `${c.type} ${c.entry.address}`)).toEqual(['added seen@example.org', 'added new@example.org']);
    expect(await store.suppressions.addMany([{ address: 'not an address', reason: 'x', source: 'bounce' }], now)).toEqual([undefined]);
  });

  it('removes an entry with who and why kept in the audit trail', async () => {
    await store.suppressions.add({ address: 'a@example.org', reason: 'userunknown', source: 'bounce' }, now);
    const later = new Date(now.getTime() + 60_000);
    const removed = await store.suppressions.remove('A@example.org', { by: 'admin', note: 'the mailbox exists again' }, later);
    expect(removed).toMatchObject({ address: 'a@example.org', reason: 'userunknown' });
    expect(await store.suppressions.check('a@example.org', later)).toBeUndefined();
    expect(await store.suppressions.remove('a@example.org', { by: 'admin' }, later)).toBeUndefined();
    expect(await store.suppressions.events('a@example.org')).toMatchObject([
      { action: 'removed', actor: 'admin', note: 'the mailbox exists again', at: later.toISOString(), reason: 'userunknown' },
      { action: 'added', actor: 'rebound' },
    ]);
  });

  it('lists newest first with keyset paging and filters by reason, source and text', async () => {
    for (let i = 0; i < 25; i++) {
      await store.suppressions.add(
        { address: `u${i}@example.org`, reason: i % 2 ? 'userunknown' : 'manual', source: i % 2 ? 'bounce' : 'manual' },
        now,
      );
    }
    const p1 = await store.suppressions.list({ now }, { limit: 10 });
    expect(p1.entries.map((e) => e.address)).toEqual(Array.from({ length: 10 }, (_, k) => `u${24 - k}@example.org`));
    const p2 = await store.suppressions.list({ now }, { after: p1.next, limit: 10 });
    const p3 = await store.suppressions.list({ now }, { after: p2.next, limit: 10 });
    expect(p3.entries).toHaveLength(5);
    expect(p3.next).toBeUndefined();
    expect(new Set([...p1.entries, ...p2.entries, ...p3.entries].map((e) => e.id)).size).toBe(25);
    expect((await store.suppressions.list({ now, source: 'bounce' }, { limit: 100 })).entries).toHaveLength(12);
    expect((await store.suppressions.list({ now, reason: 'manual', q: 'U2' }, { limit: 100 })).entries.map((e) => e.address)).toEqual([
      'u24@example.org',
      'u22@example.org',
      'u20@example.org',
      'u2@example.org',
    ]);
  });

  it('calls change listeners inside the transaction: their writes roll back with the change', async () => {
    await store.sql.run('CREATE TABLE hook_log (type TEXT, address TEXT)');
    const seen: SuppressionChange[] = [];
    const off = store.suppressions.onChange(async (c, tx) => {
      seen.push(c);
      await tx.sql.run('INSERT INTO hook_log VALUES (?, ?)', [c.type, c.entry.address]);
    });
    await store.suppressions.add({ address: 'a@example.org', reason: 'userunknown', source: 'bounce' }, now);
    await store.suppressions.add({ address: 'a@example.org', reason: 'userunknown', source: 'bounce' }, now); // a refresh: no event
    await store.suppressions.remove('a@example.org', { by: 'admin', note: 'n' }, now);
    expect(seen.map((c) => [c.type, c.entry.address, c.by])).toEqual([
      ['added', 'a@example.org', 'rebound'],
      ['removed', 'a@example.org', 'admin'],
    ]);
    // A change inside an outer transaction that fails: neither the entry nor the listener's row.
    await expect(
      store.transaction(async (tx) => {
        await tx.suppressions.add({ address: 'b@example.org', reason: 'manual', source: 'manual' }, now);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await store.suppressions.get('b@example.org')).toBeUndefined();
    expect(await store.sql.all('SELECT type, address FROM hook_log ORDER BY type')).toEqual([
      { type: 'added', address: 'a@example.org' },
      { type: 'removed', address: 'a@example.org' },
    ]);
    expect(seen).toHaveLength(3); // called for b too, and its write rolled back
    off();
    await store.suppressions.add({ address: 'c@example.org', reason: 'manual', source: 'manual' }, now);
    expect(seen).toHaveLength(3);
  });

  it('counts entries added per day for the overview', async () => {
    await store.suppressions.add({ address: 'a@example.org', reason: 'manual', source: 'manual' }, now);
    await store.suppressions.add({ address: 'b@example.org', reason: 'manual', source: 'manual' }, now);
    await store.suppressions.add({ address: 'c@example.org', reason: 'manual', source: 'manual' }, new Date(now.getTime() + DAY));
    expect(await store.suppressions.addedPerDay('2026-11-01')).toEqual([
      { day: '2026-11-02', n: 2 },
      { day: '2026-11-03', n: 1 },
    ]);
  });
});
