// The per-day summary tables (migration 005) against the rows they summarise: after
// inserts, a retry's status change, deletes, and a database migrated from 004 with rows.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BounceQueries } from '../../src/store/bounce-queries.ts';
import { SqliteDriver } from '../../src/store/sql/sqlite.ts';
import { BouncesRepository } from '../../src/store/bounces.ts';
import { listMigrations, migrate, type Db } from '../../src/store/db.ts';
import { MessagesRepository, type NewMessage } from '../../src/store/messages.ts';
import type { SqlRunner } from '../../src/store/sql/driver.ts';
import type { Store } from '../../src/store/store.ts';
import { onSqlite, openTestStore, scalar, type TestStore } from '../harness/test-store.ts';
import { insertBounce } from '../web/fixture.ts';

const dirs: string[] = [];
const open: { close(): void }[] = [];
const stores: TestStore[] = [];

afterEach(async () => {
  for (const o of open.splice(0)) o.close();
  for (const s of stores.splice(0)) await s.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-daily-'));
  dirs.push(dir);
  return path.join(dir, 'bounces.db');
}

async function newStore(): Promise<TestStore> {
  const store = await openTestStore();
  stores.push(store);
  return store;
}

/**
 * The messages table's insert as it was at migration 004: today's repository also writes the
 * columns later migrations added (006: truncated).
 */
function messagesAt004(db: Db): MessagesRepository {
  const insert = db.prepare(
    `INSERT INTO messages (received_at, source, sha256, size, raw, envelope_from, envelope_to, kind, status, error, subject, classification, duplicate_of)
     VALUES (@receivedAt, @source, @sha256, @size, @raw, @envelopeFrom, @envelopeTo, @kind, @status, @error, @subject, @classification, @duplicateOf)`,
  );
  const legacy = {
    insert: async (m: NewMessage) =>
      Number(
        insert.run({ ...m, size: m.raw.length, envelopeTo: m.envelopeTo.join(','), duplicateOf: m.duplicateOf ?? null }).lastInsertRowid,
      ),
  };
  return legacy as unknown as MessagesRepository;
}

/** What the summary must hold: the same counts computed from the rows themselves. */
async function fromRows(sql: SqlRunner) {
  return {
    daily: await sql.all(
      `SELECT substr(date, 1, 10) AS day, status, bounce_type, kind, reason, status_code, COUNT(*) AS n FROM bounces
       GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
    domains: await sql.all(
      `SELECT substr(date, 1, 10) AS day, domain, COUNT(*) AS n FROM bounces WHERE bounce_type IN ('hard', 'soft')
       GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
  };
}

async function summary(sql: SqlRunner) {
  return {
    daily: await sql.all('SELECT day, status, bounce_type, kind, reason, status_code, n FROM bounce_daily ORDER BY 1, 2, 3, 4, 5, 6'),
    domains: await sql.all('SELECT day, domain, n FROM bounce_daily_domain ORDER BY 1, 2'),
  };
}

const ROWS = [
  { date: '2026-03-01T08:00:00.000Z', domain: 'a.test', bounceType: 'hard', reason: 'userunknown', status: 'Processed' },
  { date: '2026-03-01T09:00:00.000Z', domain: 'a.test', bounceType: 'hard', reason: 'userunknown', status: 'retry_queued' },
  { date: '2026-03-01T23:59:59.999Z', domain: 'b.test', bounceType: 'soft', reason: 'mailboxfull', status: 'Processed' },
  { date: '2026-03-02T00:00:00.000Z', domain: 'b.test', bounceType: 'soft', reason: 'mailboxfull', status: 'Problem' },
  { date: '2026-03-02T10:00:00.000Z', domain: 'c.test', bounceType: 'none', reason: 'vacation', status: 'Skipped', kind: 'autoreply' },
  { date: '2026-03-03T10:00:00.000Z', domain: 'a.test', bounceType: 'hard', reason: 'hostunknown', status: 'Processed' },
];

async function insertAll(store: Pick<Store, 'messages' | 'bounces'>): Promise<number[]> {
  const ids: number[] = [];
  for (const r of ROWS) ids.push(await insertBounce(store as Store, { ...r, emailTo: `someone@${r.domain}` }));
  return ids;
}

describe('per-day bounce summary', () => {
  it('counts every inserted bounce in its UTC day, and a repeat of a recorded bounce not at all', async () => {
    const store = await newStore();
    await insertAll(store);
    expect(await summary(store.sql)).toEqual(await fromRows(store.sql));
    expect(await scalar(store, "SELECT n FROM bounce_daily_domain WHERE day = '2026-03-01' AND domain = 'a.test'")).toBe(2);
    // c.test bounced only with an autoreply (type none): not a domain "causing bounces".
    expect(await scalar(store, "SELECT COUNT(*) AS n FROM bounce_daily_domain WHERE domain = 'c.test'")).toBe(0);

    const row = (await store.bounces.get(1))!;
    const again = await store.bounces.insert({
      messageId: row.message_id,
      date: row.date,
      emailTo: row.email_to,
      emailCc: '',
      status: row.status,
      reason: row.reason,
      domain: row.domain,
      kind: row.kind,
      bounceType: row.bounce_type,
      action: '',
      statusCode: '',
      replyCode: '',
      diagnostic: '',
      remoteMta: '',
      decidedBy: '',
      originalMessageId: '',
      originalFrom: '',
      originalTo: '',
      originalSubject: '',
      originalDate: '',
      trackingId: '',
      dedupeKey: row.dedupe_key,
    });
    expect(again).toBeUndefined();
    expect(await summary(store.sql)).toEqual(await fromRows(store.sql));
  });

  it('moves a retried bounce from retry_queued to Processed in the counts', async () => {
    const store = await newStore();
    const ids = await insertAll(store);
    const q = new BounceQueries(store.sql);
    const since = new Date('2026-03-01T00:00:00.000Z');
    expect((await q.countsSince(since)).byStatus).toMatchObject({ retry_queued: 1, Processed: 3 });
    await store.bounces.setStatus(ids[1]!, 'Processed', '', 2);
    expect(await summary(store.sql)).toEqual(await fromRows(store.sql));
    const after = await q.countsSince(since);
    expect(after.byStatus.retry_queued).toBeUndefined();
    expect(after.byStatus.Processed).toBe(4);
    expect(after.total).toBe(ROWS.length);
    // The retry counter alone changes nothing.
    await store.bounces.setStatus(ids[1]!, 'Processed', 'again', 3);
    expect(await summary(store.sql)).toEqual(await fromRows(store.sql));
  });

  it('keeps the counts right when a row changes its day, type or domain, and when rows are deleted', async () => {
    const store = await newStore();
    const ids = await insertAll(store);
    await store.sql.run(
      "UPDATE bounces SET date = '2026-03-05T01:00:00.000Z', bounce_type = 'soft', domain = 'z.test', status_code = '4.2.2' WHERE id = ?",
      [ids[0]!],
    );
    expect(await summary(store.sql)).toEqual(await fromRows(store.sql));
    await store.sql.run('DELETE FROM bounces WHERE id IN (?, ?)', [ids[2]!, ids[5]!]);
    expect(await summary(store.sql)).toEqual(await fromRows(store.sql));
    // A group whose last row went away leaves no zero row behind.
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM bounce_daily WHERE n <= 0')).toBe(0);
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM bounce_daily_domain WHERE n <= 0')).toBe(0);
    await store.sql.run('DELETE FROM bounces');
    expect(await summary(store.sql)).toEqual({ daily: [], domains: [] });
    expect(await new BounceQueries(store.sql).countAll()).toBe(0);
  });

  // A SQLite file migrated step by step: PostgreSQL's schema has no migration 004 to start from.
  it.skipIf(!onSqlite)('fills the summary from the rows already stored when a database at migration 004 is migrated', async () => {
    const file = tempFile();
    const db = new Database(file);
    open.push(db);
    migrate(
      db,
      listMigrations().filter((m) => m.version <= 4),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    // Today's repository also writes bounced_at (migration 012) and notice_note (006): lend it
    // the columns for the old rows, then take them away again so that the real migrations add them.
    db.exec("ALTER TABLE bounces ADD COLUMN bounced_at TEXT NOT NULL DEFAULT ''");
    db.exec("ALTER TABLE bounces ADD COLUMN notice_note TEXT NOT NULL DEFAULT ''");
    await insertAll({ messages: messagesAt004(db), bounces: new BouncesRepository(new SqliteDriver(db, { lockWaitMs: 5000 })) });
    db.exec('ALTER TABLE bounces DROP COLUMN bounced_at');
    db.exec('ALTER TABLE bounces DROP COLUMN notice_note');
    const legacySql = new SqliteDriver(db, { lockWaitMs: 5000 });
    const expected = await fromRows(legacySql);
    expect(expected.daily.length).toBeGreaterThan(3);

    expect(migrate(db)).toContain('005-bounce-daily-summary.sql');
    expect(await summary(legacySql)).toEqual(expected);
    // The triggers work on the migrated database too.
    const sql = new SqliteDriver(db, { lockWaitMs: 5000 });
    await insertBounce({ messages: new MessagesRepository(sql), bounces: new BouncesRepository(sql) } as Store, {
      date: '2026-03-03T11:00:00.000Z',
      domain: 'a.test',
    });
    expect(await summary(sql)).toEqual(await fromRows(sql));
  });

  it('answers the overview and chart queries from the summary as the rows would, also from a mid-day instant', async () => {
    const store = await newStore();
    await insertAll(store);
    const q = new BounceQueries(store.sql);
    for (const since of ['2026-03-01T00:00:00.000Z', '2026-03-01T08:30:00.000Z', '2026-03-02T00:00:00.000Z', '2026-03-02T05:00:00.000Z']) {
      const rows = await store.sql.all<{ status: string; bounce_type: string; domain: string; kind: string }>(
        'SELECT * FROM bounces WHERE date >= ?',
        [since],
      );
      const c = await q.countsSince(new Date(since));
      expect(c.total).toBe(rows.length);
      for (const s of ['Processed', 'retry_queued', 'Problem', 'Skipped'])
        expect(c.byStatus[s] ?? 0).toBe(rows.filter((r) => r.status === s).length);
      const top = await q.topDomains(new Date(since), 5);
      const hardSoft = rows.filter((r) => r.bounce_type === 'hard' || r.bounce_type === 'soft');
      expect(top.reduce((n, t) => n + t.count, 0)).toBe(hardSoft.length);
      for (const t of top) expect(t.count).toBe(hardSoft.filter((r) => r.domain === t.domain).length);
      expect((await q.perDay(new Date(since))).reduce((n, d) => n + d.count, 0)).toBe(rows.length);
    }
    expect((await q.topDomains(new Date('2026-03-01T00:00:00.000Z')))[0]).toEqual({ domain: 'a.test', count: 3 });
    expect((await q.perDay(new Date('2026-03-01T08:30:00.000Z'))).filter((d) => d.day === '2026-03-01')).toEqual([
      { day: '2026-03-01', bounce_type: 'hard', count: 1 },
      { day: '2026-03-01', bounce_type: 'soft', count: 1 },
    ]);
    expect(await q.byKindAndType()).toEqual([
      { kind: 'autoreply', bounce_type: 'none', count: 1 },
      { kind: 'bounce', bounce_type: 'hard', count: 3 },
      { kind: 'bounce', bounce_type: 'soft', count: 2 },
    ]);
  });
});
