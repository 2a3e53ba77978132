// The PostgreSQL store (openPostgresStore, as `rebound start` with DATABASE_URL opens it) as two
// instances on two hosts have it: leases and claims go by the database's clock, so hosts
// whose clocks are hours apart still agree on who holds what; the outbox claim takes exactly
// its limit (the WITH form of src/store/sql/README.md), and two instances never take the
// same row. A private PostgreSQL (tests/harness/postgres.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type Store } from '../../../src/store/store.ts';
import { startPostgres, type Postgres } from '../../harness/postgres.ts';
import { insertBounce } from '../../web/fixture.ts';

const HOUR = 3_600_000;
let server: Postgres;
let a: Store;
let b: Store;

beforeAll(async () => {
  server = await startPostgres();
  const url = await server.createDatabase('store_claims');
  a = openPostgresStore(url, { poolSize: 3 });
  b = openPostgresStore(url, { poolSize: 3 });
  // Both at once, as two instances starting together: the advisory lock lets one migrate.
  await Promise.all([a.ready(), b.ready()]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.stop();
});

describe('the PostgreSQL store', () => {
  it("keeps a lease with its holder whatever the other host's clock says", async () => {
    const ahead = () => new Date(Date.now() + 2 * HOUR);
    const behind = () => new Date(Date.now() - 2 * HOUR);
    // A's host runs two hours behind: on its own clock the lease would be long expired for everyone.
    expect(await a.leases.acquire('imap:main', 'A', 60_000, behind())).toBe(true);
    // B's host runs two hours ahead: on its clock A's lease has run out. On the database's, it has not.
    expect(await b.leases.acquire('imap:main', 'B', 60_000, ahead())).toBe(false);
    expect(await b.leases.holder('imap:main', ahead())).toBe('A');
    expect(await a.leases.renew('imap:main', 'A', 60_000, behind())).toBe(true);
    const row = (await a.leases.get('imap:main'))!;
    const expiresIn = new Date(row.expires_at).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(50_000);
    expect(expiresIn).toBeLessThan(70_000);
  });

  it('claims exactly its limit of due notices, and two instances never the same one', async () => {
    const past = new Date(Date.now() - 60_000);
    for (let i = 0; i < 20; i++) await a.outbox.add({ bounceId: null, kind: 'test', recipients: [`r${i}@example.org`] }, past);
    const first = await a.outbox.claimDue('A', 60_000, new Date(), 3);
    expect(first).toHaveLength(3);
    const [fromA, fromB] = await Promise.all([
      a.outbox.claimDue('A', 60_000, new Date(), 5),
      b.outbox.claimDue('B', 60_000, new Date(), 5),
    ]);
    expect(fromA).toHaveLength(5);
    expect(fromB).toHaveLength(5);
    const ids = [...first, ...fromA, ...fromB].map((r) => r.id);
    expect(new Set(ids).size).toBe(13);
    // B's host clock two hours ahead does not make A's claims look expired.
    expect(await b.outbox.claimDue('B', 60_000, new Date(Date.now() + 2 * HOUR), 100)).toHaveLength(7);
    expect(await a.outbox.confirmClaim(first[0]!.id, 'A', 60_000, new Date(Date.now() - 2 * HOUR))).toBe(true);
  });

  it("makes a notice queued (or queued again) by a host whose clock runs ahead due at once by the database's", async () => {
    const ahead = new Date(Date.now() + 2 * HOUR);
    const bounceId = await insertBounce(a, { emailTo: 'ahead@example.org', status: 'retry_queued' });
    const id = await a.outbox.add({ bounceId, kind: 'notice', recipients: ['ops@example.org'] }, ahead);
    // Another instance (its host on time) claims it at once.
    expect((await b.outbox.claimDue('B', 60_000, new Date(), 100)).map((r) => r.id)).toContain(id);
    await b.outbox.markFailed(id, 'relay down', new Date(Date.now() + HOUR), true);
    expect((await a.outbox.claimDue('A', 60_000, new Date(), 100)).map((r) => r.id)).not.toContain(id);
    // A manual retry on the fast host: queued again, due now for any instance.
    expect(await a.outbox.requeueForBounce(bounceId, ahead)).toBe(1);
    expect((await b.outbox.claimDue('B', 60_000, new Date(), 100)).map((r) => r.id)).toContain(id);
  });

  it('answers /health from a probe write, and from the last commit after it', async () => {
    expect(await a.health.check()).toEqual({ ok: true, detail: 'a test write succeeded' });
    a.health.noteCommit(false, Object.assign(new Error('x'), { code: '53100' }));
    expect(await a.health.check()).toEqual({ ok: false, detail: 'last commit failed (53100)' });
  });
});
