import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReboundError } from '../src/errors.ts';
import { bounceCcBudget, createIngestor, MAX_BOUNCE_CC_CHARS, type Ingestor } from '../src/ingest.ts';
import { forgedDsn } from './notify/forged-dsn.ts';
import { silentLogger } from '../src/log.ts';
import { onSqlite, openTestStore, scalar, type TestStore } from './harness/test-store.ts';

const POSTFIX = path.join(import.meta.dirname, 'fixtures/corpus/postfix');
const hardDsn = readFileSync(path.join(POSTFIX, 'dsn-error-transport.eml'));
const remoteDsn = readFileSync(path.join(POSTFIX, 'dsn-remote-550.eml'));
const delayDsn = readFileSync(path.join(POSTFIX, 'dsn-delayed-remote450.eml'));
const plainMail = Buffer.from(
  'From: alice@example.org\r\nTo: bob@example.org\r\nSubject: lunch\r\nMessage-ID: <lunch-1@example.org>\r\n\r\nSee you at noon.\r\n',
);

let store: TestStore;
let ingestor: Ingestor;

beforeEach(async () => {
  store = await openTestStore();
  ingestor = createIngestor({ store, log: silentLogger() });
});
afterEach(() => store.dispose());

const count = (table: string) => scalar(store, `SELECT COUNT(*) AS n FROM ${table}`);

describe('ingest', () => {
  it('records a Postfix DSN as a hard bounce for the failed recipient, raw message kept', async () => {
    const r = await ingestor.ingest({ raw: hardDsn, source: 'lmtp', envelopeTo: ['bounces@bounces.test'] });
    expect(r).toMatchObject({ duplicate: false, kind: 'bounce', outcome: 'Processed' });
    expect(r.bounceIds).toHaveLength(1);
    const row = (await store.bounces.get(r.bounceIds[0]!))!;
    expect(row).toMatchObject({ status: 'Processed', reason: 'userunknown', bounce_type: 'hard', status_code: '5.1.1', kind: 'bounce' });
    expect(row.email_to).toMatch(/@/);
    expect(row.domain).toBe(row.email_to.split('@')[1]);
    expect(row.original_message_id).not.toBe('');
    const msg = (await store.messages.get(r.messageId))!;
    expect(msg).toMatchObject({ source: 'lmtp', status: 'Processed', envelope_to: 'bounces@bounces.test' });
    expect((await store.messages.raw(r.messageId))!.equals(hardDsn)).toBe(true);
  });

  it("keeps the bounce's own date beside the time it was received (an old bounce imported today)", async () => {
    const receivedAt = new Date('2027-06-01T09:00:00.000Z');
    const r = await ingestor.ingest({ raw: hardDsn, source: 'import', receivedAt });
    const row = (await store.bounces.get(r.bounceIds[0]!))!;
    const ownDate = /^Date: (.+)$/m.exec(hardDsn.toString('latin1'))![1]!.trim();
    expect(row.date).toBe(receivedAt.toISOString());
    expect(row.bounced_at).toBe(new Date(Date.parse(ownDate.replace(/\(.*\)/, ''))).toISOString());
    expect(row.bounced_at < row.date).toBe(true);
  });

  it("bounds the Cc a message's rows repeat together: 50 rows keep 2,000 characters each, 500 rows 200", async () => {
    expect([1, 50, 51, 500].map(bounceCcBudget)).toEqual([MAX_BOUNCE_CC_CHARS, 2000, 1960, 200]);
    const cc = Array.from({ length: 400 }, (_, i) => `colleague${i}@org.test`);
    const r = await ingestor.ingest({ raw: forgedDsn({ failed: 50, from: 'sales@org.test', cc, tag: 'cc50' }), source: 'lmtp' });
    const rows = await store.bounces.forMessage(r.messageId);
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      expect(row.email_cc.length).toBeGreaterThan(1900);
      expect(row.email_cc.length).toBeLessThanOrEqual(2000 + 20);
      expect(row.email_cc).toMatch(/^colleague0@org\.test, .* … \(\d+ more\)$/);
    }
  });

  it('records a delay warning as a delay, not as a bounce', async () => {
    const r = await ingestor.ingest({ raw: delayDsn, source: 'imap' });
    expect(r.kind).toBe('delay');
    expect((await store.bounces.get(r.bounceIds[0]!))!.bounce_type).toBe('none');
  });

  it('records the same bytes once and reports the second as a duplicate', async () => {
    const first = await ingestor.ingest({ raw: remoteDsn, source: 'lmtp' });
    const second = await ingestor.ingest({ raw: remoteDsn, source: 'imap' });
    expect(second).toMatchObject({ duplicate: true, messageId: first.messageId, bounceIds: [] });
    expect(await count('messages')).toBe(1);
    expect(await count('bounces')).toBe(1);
  });

  it('records the same bounce once when it arrives again with other headers (LMTP, then IMAP)', async () => {
    await ingestor.ingest({ raw: remoteDsn, source: 'lmtp' });
    const viaImap = Buffer.concat([Buffer.from('Delivered-To: bounces@bounces.test\r\nReturn-Path: <>\r\n'), remoteDsn]);
    const first = await scalar(store, 'SELECT id FROM messages');
    const again = await ingestor.ingest({ raw: viaImap, source: 'imap' });
    expect(again).toMatchObject({ duplicate: true, duplicateOf: first, bounceIds: [] });
    expect(await count('bounces')).toBe(1);
    // The copy is kept (every message received is stored), pointing at the first.
    expect((await store.messages.get(again.messageId))!.duplicate_of).toBe(first);
  });

  it('stores a message that is not a bounce as Skipped, without bounce rows', async () => {
    const r = await ingestor.ingest({ raw: plainMail, source: 'import' });
    expect(r).toMatchObject({ kind: 'not-bounce', outcome: 'Skipped', bounceIds: [] });
    expect((await store.messages.get(r.messageId))!.status).toBe('Skipped');
    expect(await count('bounces')).toBe(0);
  });

  it('keeps a message it cannot read as Problem, with the error and the raw bytes', async () => {
    const r = await ingestor.ingest({ raw: Buffer.alloc(0), source: 'import' });
    expect(r.outcome).toBe('Problem');
    const msg = (await store.messages.get(r.messageId))!;
    expect(msg.status).toBe('Problem');
    expect(msg.error).not.toBe('');
  });

  // SQLite's query_only and a closed connection: a PostgreSQL server that refuses is tests/store/pg's.
  it.skipIf(!onSqlite)('rejects with a temporary error and stores nothing when the database refuses writes', async () => {
    store.db!.pragma('query_only = ON');
    const err = await ingestor.ingest({ raw: hardDsn, source: 'lmtp' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReboundError);
    expect((err as ReboundError).temporary).toBe(true);
    store.db!.pragma('query_only = OFF');
    expect(await count('messages')).toBe(0);
    // Offered again once the store works: recorded.
    const r = await ingestor.ingest({ raw: hardDsn, source: 'lmtp' });
    expect(r.duplicate).toBe(false);
  });

  it.skipIf(!onSqlite)('rejects with a temporary error when the database is closed', async () => {
    store.db!.close();
    const err = await ingestor.ingest({ raw: hardDsn, source: 'lmtp' }).catch((e: unknown) => e);
    expect((err as ReboundError).temporary).toBe(true);
  });

  it('commits messages that arrive together, and one failing message does not take the others down', async () => {
    const failing = createIngestor({
      store,
      log: silentLogger(),
      planNotices: async ({ classification }) => {
        if (classification.kind === 'delay') throw new Error('planner failed for this one');
        return [];
      },
    });
    const results = await Promise.allSettled([
      failing.ingest({ raw: hardDsn, source: 'lmtp' }),
      failing.ingest({ raw: delayDsn, source: 'lmtp' }),
      failing.ingest({ raw: remoteDsn, source: 'lmtp' }),
      failing.ingest({ raw: plainMail, source: 'lmtp' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await count('messages')).toBe(3);
    expect(await scalar(store, "SELECT COUNT(*) AS n FROM bounces WHERE kind = 'delay'")).toBe(0);
  });

  it('answers only once the commit is on disk, and with a temporary error when the flush fails', async () => {
    let release!: () => void;
    let calls = 0;
    const flushed = new Promise<void>((r) => (release = r));
    const waiting = createIngestor({ store: { ...store, durable: () => (calls++, flushed) }, log: silentLogger() });
    let answered = false;
    const pending = waiting.ingest({ raw: hardDsn, source: 'lmtp' }).then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 50));
    // Committed (another connection can read it) but not yet acknowledged.
    expect(await count('bounces')).toBe(1);
    expect(calls).toBe(1);
    expect(answered).toBe(false);
    release();
    expect((await pending).duplicate).toBe(false);

    const failing = createIngestor({
      store: { ...store, durable: () => Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })) },
      log: silentLogger(),
    });
    const err = await failing.ingest({ raw: remoteDsn, source: 'lmtp' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReboundError);
    expect((err as ReboundError).temporary).toBe(true);
    // Offered again (Postfix retries after the 451): recognised, not recorded twice.
    const again = await ingestor.ingest({ raw: remoteDsn, source: 'lmtp' });
    expect(again.duplicate).toBe(true);
    expect(await count('bounces')).toBe(2);
  });

  it('writes the planned notices in the same transaction as the bounce', async () => {
    const withNotices = createIngestor({
      store,
      log: silentLogger(),
      planNotices: async ({ bounces }) => bounces.map((b) => ({ bounceId: b.id, recipients: ['ops@example.org'] })),
    });
    const r = await withNotices.ingest({ raw: hardDsn, source: 'lmtp' });
    const notices = await store.outbox.forBounce(r.bounceIds[0]!);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ state: 'pending', recipients: 'ops@example.org', kind: 'notice' });
  });

  it('runs record hooks inside the commit: a hook that throws leaves neither the bounce nor its writes', async () => {
    await store.settings.set('hook.test', 'before');
    const seen: string[] = [];
    const hooked = createIngestor({
      store,
      log: silentLogger(),
      recordHooks: [
        async ({ bounces, store: s }) => {
          seen.push(...bounces.map((b) => b.row.emailTo));
          await s.settings.set('hook.test', 'written');
        },
        async ({ classification }) => {
          if (classification.kind === 'bounce') throw new Error('hook refused');
        },
      ],
    });
    await expect(hooked.ingest({ raw: hardDsn, source: 'lmtp' })).rejects.toMatchObject({ temporary: true });
    expect(seen).toHaveLength(1);
    expect(await store.settings.get('hook.test')).toBe('before');
    expect(await count('bounces')).toBe(0);
    expect(await count('messages')).toBe(0);
  });
});
