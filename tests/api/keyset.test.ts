// @integration: 100,000 rows; npm test runs it, npm run test:unit does not.
// Keyset paging over 100,000 bounce rows: walking every page returns every matching row
// exactly once, in the order asked for, also where many rows share the sort value (the
// cursor carries the whole key down to the id) and with filters. Over HTTP for the default
// order; through the pager for the other sorts (the same code the route calls).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, KeysetPager, type ApiListRow, type Cursor } from '../../src/api/keyset.ts';
import { BounceList } from '../../src/api/schemas.ts';
import { BounceQueries, type SortColumn } from '../../src/store/bounce-queries.ts';
import { scalar } from '../harness/test-store.ts';
import { call, startApi, type ApiFixture } from './fixture.ts';

const ROWS = 100_000;
const DOMAINS = ['a.example', 'b.example', 'c.example', 'd.example', 'e.example', 'f.example', 'g.example'];
const REASONS: [string, string, string][] = [
  ['userunknown', 'hard', '5.1.1'],
  ['mailboxfull', 'soft', '4.2.2'],
  ['hostunknown', 'hard', '5.1.2'],
  ['expired', 'soft', '4.4.7'],
  ['vacation', 'none', ''],
];

let f: ApiFixture;

/** 100,000 rows in one transaction, one message each set of 1,000; dates repeat (ties). */
async function seed(): Promise<void> {
  const db = f.store.db;
  if (!db) return seedPostgres();
  const msg = db.prepare(
    `INSERT INTO messages (received_at, source, sha256, size, raw, kind, status) VALUES (?, 'import', ?, 1, x'00', 'bounce', 'Processed')`,
  );
  const ins = db.prepare(
    `INSERT INTO bounces (message_id, date, email_to, status, reason, domain, kind, bounce_type, status_code, dedupe_key)
     VALUES (@m, @date, @to, 'Processed', @reason, @domain, 'bounce', @type, @code, @key)`,
  );
  db.transaction(() => {
    let m = 0;
    const start = Date.parse('2026-10-01T00:00:00Z');
    for (let i = 0; i < ROWS; i++) {
      if (i % 1000 === 0) m = Number(msg.run(new Date(start).toISOString(), `seed-${i}`).lastInsertRowid);
      const [reason, type, code] = REASONS[(i * 7) % REASONS.length]!;
      // 40 rows share each second: many ties on date, domain, reason.
      const date = new Date(start + Math.floor(i / 40) * 1000).toISOString();
      ins.run({
        m,
        date,
        to: `u${i % 9973}@${DOMAINS[i % DOMAINS.length]}`,
        reason,
        domain: DOMAINS[i % DOMAINS.length],
        type,
        code,
        key: `k${i}`,
      });
    }
  })();
}

/**
 * The same rows as seed() on PostgreSQL, in two statements over generate_series (100,000
 * single inserts would take minutes there): row i gets what seed()'s loop gives it. The
 * per-day summary's triggers are off for this transaction (session_replication_role; the test
 * cluster's user is a superuser): this test reads only the bounces, and with them the seed
 * took 140 s on a loaded machine instead of a few.
 */
async function seedPostgres(): Promise<void> {
  const pick = (list: string[], index: string) => `(ARRAY[${list.map((v) => `'${v}'`).join(', ')}])[${index} + 1]`;
  const kind = '(i * 7) % ' + REASONS.length;
  await f.store.transaction(async (tx) => {
    await tx.sql.run('SET LOCAL session_replication_role = replica');
    await tx.sql.run(
      `INSERT INTO messages (received_at, source, sha256, size, raw, kind, status)
       SELECT '2026-10-01T00:00:00.000Z', 'import', 'seed-' || i, 1, '\\x00'::bytea, 'bounce', 'Processed'
       FROM generate_series(0, ${ROWS - 1}, 1000) AS i`,
    );
    await tx.sql.run(
      `INSERT INTO bounces (message_id, date, email_to, status, reason, domain, kind, bounce_type, status_code, dedupe_key)
       SELECT m.id,
              to_char(timestamp '2026-10-01 00:00:00' + (i / 40) * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'u' || (i % 9973) || '@' || ${pick(DOMAINS, `i % ${DOMAINS.length}`)},
              'Processed',
              ${pick(
                REASONS.map((r) => r[0]),
                kind,
              )},
              ${pick(DOMAINS, `i % ${DOMAINS.length}`)},
              'bounce',
              ${pick(
                REASONS.map((r) => r[1]),
                kind,
              )},
              ${pick(
                REASONS.map((r) => r[2]),
                kind,
              )},
              'k' || i
       FROM generate_series(0, ${ROWS - 1}) AS i JOIN messages m ON m.sha256 = 'seed-' || ((i / 1000) * 1000)
       ORDER BY i`,
    );
  });
}

beforeAll(async () => {
  f = await startApi({ files: [] });
  await seed();
}, 120_000);
afterAll(async () => {
  await f?.close();
});

function compareBy(cols: string[], dir: 'asc' | 'desc') {
  return (a: ApiListRow, b: ApiListRow) => {
    for (const c of cols) {
      const x = a[c as keyof ApiListRow];
      const y = b[c as keyof ApiListRow];
      if (x !== y) return (x < y ? -1 : 1) * (dir === 'asc' ? 1 : -1);
    }
    return 0;
  };
}

describe('keyset paging over 100,000 rows', () => {
  it('walks every row once, newest first, over HTTP with 500-row pages', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call(f.base, 'GET', `/bounces?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { token: f.readToken });
      expect(res.status).toBe(200);
      const page = BounceList.parse(await res.json());
      for (const r of page.data) seen.push(r.id);
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 1000);
    expect(pages).toBe(ROWS / 500);
    expect(seen.length).toBe(ROWS);
    expect(new Set(seen).size).toBe(ROWS);
    // date DESC, id DESC: ids grow with date here, so the walk is ids from the top down.
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  }, 120_000);

  it.each<[SortColumn, 'asc' | 'desc', Record<string, string>]>([
    ['domain', 'asc', {}],
    ['reason', 'desc', { type: 'soft' }],
    ['email_to', 'asc', { domain: 'c.example' }],
    ['status_code', 'desc', { from: '2026-10-01', to: '2026-10-01' }],
  ])('sorted by %s %s with filters %j: every matching row once, in order', async (sort, dir, filters) => {
    const pager = new KeysetPager(f.store.sql, new BounceQueries(f.store.sql));
    const rows: ApiListRow[] = [];
    let after: Cursor | undefined;
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await pager.page({ filters, sort, dir, limit: 1000, after });
      rows.push(...page.rows);
      next = page.next;
      after = next ? decodeCursor(next, sort, dir) : undefined;
      pages += 1;
    } while (next && pages < 500);
    const where = Object.entries(filters)
      .map(([k]) => (k === 'type' ? 'bounce_type = @type' : k === 'from' ? 'date >= @from' : k === 'to' ? 'date < @to' : `${k} = @${k}`))
      .join(' AND ');
    // `to` is a whole day: rows before the next one.
    const params = { ...filters, ...(filters.to ? { to: new Date(Date.parse(filters.to) + 86_400_000).toISOString().slice(0, 10) } : {}) };
    const expected = await scalar(f.store, `SELECT COUNT(*) AS n FROM bounces ${where ? `WHERE ${where}` : ''}`, params);
    expect(expected).toBeGreaterThan(1000);
    expect(rows.length).toBe(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(expected);
    const col =
      sort === 'email_to'
        ? ['email_to', 'id']
        : sort === 'domain' || sort === 'reason' || sort === 'status_code'
          ? [sort, 'date', 'id']
          : [sort, 'id'];
    expect(rows).toEqual([...rows].sort(compareBy(col, dir)));
  });
});
