// A large message's bytes kept in parts (src/store/raw-parts.ts, migration 017): what the
// dashboard and the API give back is the message as received, whichever way it was kept;
// a missing part is an error, not a shorter message; parts whose message never committed
// are swept, and no others.

import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestor, sha256, sha256OffLoop, SHA256_IN_PLACE_BYTES, type Ingestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { ORPHAN_PARTS_AGE_MS, RAW_PART_BYTES } from '../../src/store/raw-parts.ts';
import { paddedDsn } from '../notify/forged-dsn.ts';
import { ReboundError } from '../../src/errors.ts';
import { onSqlite, openTestStore, scalar, type TestStore } from '../harness/test-store.ts';

let store: TestStore;
let ingestor: Ingestor;

beforeEach(async () => {
  store = await openTestStore();
  ingestor = createIngestor({ store, log: silentLogger() });
});
afterEach(() => store.dispose());

const parts = (sha: string) => scalar(store, 'SELECT COUNT(*) AS n FROM raw_parts WHERE sha256 = ?', [sha]);
const pending = () => scalar(store, 'SELECT COUNT(*) AS n FROM raw_parts_pending');
/** Back-dates a message's pending row (the write takes the database's time on PostgreSQL). */
const pendingSince = (sha: string, at: Date) =>
  store.sql.run('UPDATE raw_parts_pending SET started_at = ? WHERE sha256 = ?', [at.toISOString(), sha]);

describe('raw parts', () => {
  it('keeps a message over 1 MiB in parts and gives back the same bytes', async () => {
    const raw = paddedDsn('parts', RAW_PART_BYTES * 2 + 50_000);
    const r = await ingestor.ingest({ raw, source: 'lmtp', envelopeTo: ['bounces@org.test'] });
    expect(r).toMatchObject({ duplicate: false, kind: 'bounce' });
    expect(r.bounceIds).toHaveLength(1);
    expect(await parts(sha256(raw))).toBe(3);
    expect(await pending()).toBe(0);
    expect(await scalar(store, 'SELECT length(raw) AS n FROM messages WHERE id = ?', [r.messageId])).toBe(0);
    expect((await store.messages.get(r.messageId))!.size).toBe(raw.length);
    expect((await store.messages.raw(r.messageId))!.equals(raw)).toBe(true);
  });

  it('keeps a message of 1 MiB or less whole in its row', async () => {
    const raw = paddedDsn('whole', RAW_PART_BYTES);
    expect(raw.length).toBeLessThanOrEqual(RAW_PART_BYTES);
    const r = await ingestor.ingest({ raw, source: 'lmtp' });
    expect(await parts(sha256(raw))).toBe(0);
    expect((await store.messages.raw(r.messageId))!.equals(raw)).toBe(true);
  });

  it('records the same large message once, and writes no parts for the second copy', async () => {
    const raw = paddedDsn('twice', RAW_PART_BYTES + 50_000);
    const first = await ingestor.ingest({ raw, source: 'lmtp' });
    const second = await ingestor.ingest({ raw, source: 'imap' });
    expect(second).toMatchObject({ duplicate: true, messageId: first.messageId });
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM messages')).toBe(1);
    expect(await parts(sha256(raw))).toBe(2);
    // Parts written for the copy would have left it pending: nothing settles a duplicate.
    expect(await pending()).toBe(0);
  });

  it('says a part is missing rather than giving back a shorter message', async () => {
    const raw = paddedDsn('missing', RAW_PART_BYTES * 2 + 50_000);
    const r = await ingestor.ingest({ raw, source: 'lmtp' });
    await store.sql.run('DELETE FROM raw_parts WHERE sha256 = ? AND seq = 1', [sha256(raw)]);
    await expect(store.messages.raw(r.messageId)).rejects.toMatchObject({ code: 'raw-parts-missing' });
  });

  // SQLite's query_only: a PostgreSQL server that refuses is tests/store/pg's.
  it.skipIf(!onSqlite)('rejects with a temporary error when a part cannot be written, and records it when offered again', async () => {
    const raw = paddedDsn('refused', RAW_PART_BYTES + 50_000);
    store.db!.pragma('query_only = ON');
    const err = await ingestor.ingest({ raw, source: 'lmtp' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReboundError);
    expect((err as ReboundError).temporary).toBe(true);
    store.db!.pragma('query_only = OFF');
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM messages')).toBe(0);
    const r = await ingestor.ingest({ raw, source: 'lmtp' });
    expect(r.duplicate).toBe(false);
    expect((await store.messages.raw(r.messageId))!.equals(raw)).toBe(true);
  });

  it('refuses to record a message one of whose parts went missing before its commit, as a temporary error', async () => {
    const raw = paddedDsn('gone', RAW_PART_BYTES * 2 + 50_000);
    const sha = sha256(raw);
    expect(await store.rawParts.write(sha, raw, new Date())).toBe(3);
    await store.sql.run('DELETE FROM raw_parts WHERE sha256 = ? AND seq = 2', [sha]);
    const err = await store.transaction((tx) => tx.rawParts.settle(sha, 3)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'raw-parts-missing', temporary: true });
    // Offered again: the part is written again and the message recorded whole.
    const r = await ingestor.ingest({ raw, source: 'lmtp' });
    expect((await store.messages.raw(r.messageId))!.equals(raw)).toBe(true);
  });

  it('shows the start of a message kept in parts from its first part, and says when that part is missing', async () => {
    const raw = paddedDsn('preview', RAW_PART_BYTES * 2 + 50_000);
    const r = await ingestor.ingest({ raw, source: 'lmtp' });
    const start = await store.messages.rawStart(r.messageId, 1000);
    expect(start!.size).toBe(raw.length);
    expect(start!.start!.equals(raw.subarray(0, 1000))).toBe(true);
    await store.sql.run('DELETE FROM raw_parts WHERE sha256 = ? AND seq = 0', [sha256(raw)]);
    expect(await store.messages.rawStart(r.messageId, 1000)).toEqual({ start: undefined, size: raw.length });
  });

  it('hashes a message held in shared memory, as the LMTP listener keeps a large one', async () => {
    const raw = paddedDsn('shared', RAW_PART_BYTES + 50_000);
    const shared = Buffer.from(new SharedArrayBuffer(raw.length));
    raw.copy(shared);
    expect(await sha256OffLoop(shared)).toBe(sha256(raw));
  });

  it('hashes a small message in place and a large one off the loop to the same digests', async () => {
    const small = paddedDsn('small', SHA256_IN_PLACE_BYTES - 4096);
    const large = paddedDsn('large', SHA256_IN_PLACE_BYTES + 4096);
    expect(small.length).toBeLessThan(SHA256_IN_PLACE_BYTES);
    expect(large.length).toBeGreaterThan(SHA256_IN_PLACE_BYTES);
    expect(await sha256OffLoop(small)).toBe(createHash('sha256').update(small).digest('hex'));
    expect(await sha256OffLoop(large)).toBe(createHash('sha256').update(large).digest('hex'));
  });

  it("sweeps parts pending an hour whose message never committed, and keeps a recorded message's and young ones", async () => {
    const raw = paddedDsn('kept', RAW_PART_BYTES + 50_000);
    const r = await ingestor.ingest({ raw, source: 'lmtp' });
    const now = new Date();
    const old = new Date(now.getTime() - ORPHAN_PARTS_AGE_MS - 60_000);
    // As a process that died between the parts and the message's commit leaves them.
    await store.rawParts.write('a'.repeat(64), randomBytes(RAW_PART_BYTES + 5), now);
    await pendingSince('a'.repeat(64), old);
    await store.rawParts.write('b'.repeat(64), randomBytes(RAW_PART_BYTES + 5), now);
    // A stale pending row for the recorded message (its copy raced it): its parts stay.
    await store.sql.run('INSERT INTO raw_parts_pending (sha256, started_at) VALUES (?, ?)', [sha256(raw), old.toISOString()]);
    expect(await store.rawParts.sweep(now)).toBe(1);
    expect(await parts('a'.repeat(64))).toBe(0);
    expect(await parts('b'.repeat(64))).toBe(2);
    expect(await pending()).toBe(1);
    expect((await store.messages.raw(r.messageId))!.equals(raw)).toBe(true);
  });

  it('does not sweep the parts of a message offered again after an hour, before its commit', async () => {
    // The first attempt wrote its parts and failed to commit (451); the sender comes back
    // more than an hour later. Its parts are all there already, so nothing is rewritten.
    const raw = paddedDsn('late', RAW_PART_BYTES * 2 + 50_000);
    const sha = sha256(raw);
    const now = new Date();
    await store.rawParts.write(sha, raw, now);
    await pendingSince(sha, new Date(now.getTime() - ORPHAN_PARTS_AGE_MS - 60_000));
    // The second attempt's parts, then the retry job's sweep, then its commit.
    await store.rawParts.write(sha, raw, now);
    expect(await store.rawParts.sweep(now)).toBe(0);
    const r = await ingestor.ingest({ raw, source: 'lmtp' });
    expect((await store.messages.raw(r.messageId))!.equals(raw)).toBe(true);
    expect(await pending()).toBe(0);
  });
});
