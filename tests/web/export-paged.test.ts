// The bounce export read in keyset pages through the store's driver: what the dashboard's
// CSV/Excel downloads use when rebound runs on PostgreSQL. Runs on the run's engine
// (tests/harness/test-store.ts): SQLite by default, PostgreSQL in the second pass of npm test.

import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagedExport } from '../../src/store/bounce-queries.ts';
import { csvStreamOf, openPagedExportRows } from '../../src/web/export.ts';
import { openTestStore, scalar, type TestStore } from '../harness/test-store.ts';

let store: TestStore;

const ROWS = 23;

beforeAll(async () => {
  store = await openTestStore();
  const msg = await scalar(
    store,
    "INSERT INTO messages (received_at, source, sha256, size, raw, kind, status) VALUES ('2026-01-01T00:00:00.000Z', 'lmtp', 'x', 1, ?, 'bounce', 'Processed') RETURNING id",
    [Buffer.from([0])],
  );
  await store.transaction(async (tx) => {
    for (let i = 0; i < ROWS; i++) {
      // Three rows share each timestamp: a page may end in the middle of a tie.
      const date = new Date(Date.parse('2026-03-01T00:00:00.000Z') + Math.floor(i / 3) * 60_000).toISOString();
      const domain = i % 2 ? 'odd.example' : 'even.example';
      await tx.sql.run(
        `INSERT INTO bounces (message_id, date, email_to, status, reason, domain, kind, bounce_type, status_code, dedupe_key)
         VALUES (?, ?, ?, 'Processed', 'userunknown', ?, 'bounce', 'hard', '5.1.1', ?)`,
        [msg, date, `u${i}@${domain}`, domain, `k${i}`],
      );
    }
  });
});

afterAll(async () => {
  await store?.dispose();
});

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('the export in keyset pages', () => {
  it('gives every selected row once, newest first, across pages that end inside a tie', async () => {
    const expected = (await store.sql.all<{ id: number }>('SELECT id FROM bounces ORDER BY date DESC, id DESC')).map((r) => r.id);
    expect(expected).toHaveLength(ROWS);
    for (const pageRows of [1, 2, 4, 5, ROWS, ROWS + 1]) {
      expect((await all(pagedExport(store.sql, {}, pageRows))).map((r) => r.id)).toEqual(expected);
    }
    const odd = (
      await store.sql.all<{ id: number }>("SELECT id FROM bounces WHERE domain = 'odd.example' ORDER BY date DESC, id DESC")
    ).map((r) => r.id);
    expect((await all(pagedExport(store.sql, { domain: 'odd.example' }, 4))).map((r) => r.id)).toEqual(odd);
  });

  it('writes the CSV download from the pages: a header and every row', async () => {
    const text = (await buffer(csvStreamOf(await openPagedExportRows(store.sql, {})))).toString('utf8');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^\uFEFFid,date,email_to,/);
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines.slice(1).map((l) => l.split(',')[2])).toContain('u22@even.example');
  });

  it('fails before anything is sent when the database cannot be read', async () => {
    const broken = { ...store.sql, all: () => Promise.reject(new Error('database unavailable')) } as typeof store.sql;
    await expect(openPagedExportRows(broken, {})).rejects.toThrow('database unavailable');
  });
});
