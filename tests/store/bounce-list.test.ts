// The list's query plans (filter first, sort-index walk, walk by summary groups, the id
// walk bounded by a date range) must all give exactly the page that the plain query gives:
// the same rows in the same order, at any offset. Rows are correlated like real ones (the
// reason decides hard/soft and the status code; ids grow with dates), which is what makes
// the plans differ.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BounceQueries, SORT_COLUMNS, whereFor, type BounceFilters, type SortColumn } from '../../src/store/bounce-queries.ts';
import { openTestStore, scalar, type TestStore } from '../harness/test-store.ts';

const ROWS = 3000;
const REASONS: [string, string, string][] = [
  ['userunknown', 'hard', '5.1.1'],
  ['hostunknown', 'hard', '5.1.2'],
  ['mailboxfull', 'soft', '4.2.2'],
  ['filtered', 'soft', '5.2.0'],
  ['blocked', 'soft', '5.7.1'],
  ['vacation', 'none', ''],
];
const DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'rare.example', 'a.example', 'b.example'];
const STATUSES = ['Processed', 'Processed', 'Processed', 'Processed', 'retry_queued', 'Problem', 'Skipped'];

let store: TestStore;
let q: BounceQueries;

const INSERT_BOUNCE = `INSERT INTO bounces (message_id, date, email_to, status, reason, domain, kind, bounce_type, status_code, dedupe_key)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

beforeAll(async () => {
  store = await openTestStore();
  q = new BounceQueries(store.sql);
  const msg = await scalar(
    store,
    "INSERT INTO messages (received_at, source, sha256, size, raw, kind, status) VALUES ('2026-01-01T00:00:00.000Z', 'lmtp', 'x', 1, ?, 'bounce', 'Processed') RETURNING id",
    [Buffer.from([0])],
  );
  // A small deterministic generator: the same rows every run.
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');
  await store.transaction(async (tx) => {
    for (let i = 0; i < ROWS; i++) {
      // Ten days, several rows sharing a timestamp now and then (ties broken by id).
      const date = new Date(t0 + Math.floor(((i / ROWS) * 10 * 86_400_000) / 60_000) * 60_000).toISOString();
      const [reason, type, code] = REASONS[Math.floor(rnd() ** 1.5 * REASONS.length)]!;
      const domain = DOMAINS[Math.floor(rnd() * DOMAINS.length)]!;
      const status = reason === 'vacation' ? 'Skipped' : STATUSES[Math.floor(rnd() * 6)]!;
      await tx.sql.run(INSERT_BOUNCE, [
        msg,
        date,
        `u${Math.floor(rnd() * 500)}@${domain}`,
        status,
        reason,
        domain,
        reason === 'vacation' ? 'autoreply' : 'bounce',
        type,
        code,
        `k${i}`,
      ]);
    }
  });
}, 60_000);

afterAll(async () => {
  await store?.dispose();
});

const TAIL: Record<SortColumn, string[]> = {
  id: [],
  date: ['id'],
  email_to: ['id'],
  domain: ['date', 'id'],
  status: ['date', 'id'],
  reason: ['date', 'id'],
  bounce_type: ['date', 'domain', 'id'],
  status_code: ['date', 'id'],
};

/** The page by the plain query: no plan choice, SQLite sorts if it must. */
async function reference(filters: BounceFilters, sort: SortColumn, dir: 'asc' | 'desc', offset: number, limit: number): Promise<number[]> {
  const w = whereFor(filters);
  const order = [SORT_COLUMNS[sort], ...TAIL[sort]].map((c) => `${c} ${dir}`).join(', ');
  const rows = await store.sql.all<{ id: number }>(`SELECT id FROM bounces ${w.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`, {
    ...w.params,
    limit,
    offset,
  });
  return rows.map((r) => r.id);
}

const FILTERS: BounceFilters[] = [
  {},
  { from: '2026-01-08' },
  { to: '2026-01-03' },
  { from: '2026-01-04', to: '2026-01-05' },
  { domain: 'gmail.com' },
  { domain: 'rare.example' },
  { status: 'Processed' },
  { status: 'Problem' },
  { reason: 'mailboxfull' },
  { reason: 'hostunknown' },
  { type: 'hard' },
  { type: 'none' },
  { type: 'hard', domain: 'gmail.com', from: '2026-01-03' },
  { status: 'retry_queued', domain: 'yahoo.com' },
  { reason: 'userunknown', status: 'Processed', to: '2026-01-06' },
  { search: 'u1' },
  { search: 'gmail' },
];

describe('bounce list pages', () => {
  it('gives every filter, sort and direction exactly the rows of the plain query, at the first page and deeper', async () => {
    let compared = 0;
    for (const filters of FILTERS) {
      for (const sort of Object.keys(SORT_COLUMNS) as SortColumn[]) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const [offset, limit] of [
            [0, 25],
            [37, 25],
            [400, 50],
            [2990, 25],
          ] as const) {
            const got = (await q.page({ filters, sort, dir, offset, limit })).rows.map((r) => r.id);
            expect(got, `${JSON.stringify(filters)} ${sort} ${dir} offset ${offset}`).toEqual(
              await reference(filters, sort, dir, offset, limit),
            );
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(FILTERS.length * 8 * 2 * 4);
  });

  it('counts the filtered rows, and the total from the summary', async () => {
    expect(await q.countAll()).toBe(ROWS);
    const hard = await scalar(store, "SELECT COUNT(*) AS n FROM bounces WHERE bounce_type = 'hard'");
    expect((await q.page({ filters: { type: 'hard' }, sort: 'reason', dir: 'desc', offset: 0, limit: 10 })).filtered).toEqual({
      count: hard,
      capped: false,
    });
  });
});
