// A large message's raw bytes in parts (migration 017): the messages row keeps an empty `raw`
// and the count of its parts; the parts are keyed by the message's SHA-256. Owns their SQL.
//
// Why parts: SQLite writes a 10 MB value page by page inside one synchronous statement, and
// its COMMIT copies those pages into the WAL, 50-150 ms in all during which the event loop
// (every other LMTP connection) waits. Written a part at a time, each in a statement that
// commits on its own, no single step holds it more than a few ms. The parts need no fsync
// of their own: the message's commit is flushed after them, and a WAL flush makes every
// earlier frame durable too (PostgreSQL flushes each COMMIT anyway).
//
// Until the message commits its parts are pending (raw_parts_pending). The message's
// transaction checks that every part is there and ends the pending row (settle); the retry
// job sweeps what stayed pending an hour, parts and all, unless a message holds them.

import { setImmediate as turn } from 'node:timers/promises';
import { ReboundError } from '../errors.ts';
import { claimClock } from './sql/db-clock.ts';
import type { SqlRunner } from './sql/driver.ts';

/** Bytes per part; a message larger than this is kept in parts. */
export const RAW_PART_BYTES = 1024 * 1024;

/**
 * Parts whose message did not commit (the process died between them, or the commit failed
 * and the sender has not offered the message again) are swept once pending this long: far
 * longer than any message takes from its first part to its commit. A sender that offers it
 * again later starts the hour over (`write` renews the pending row).
 */
export const ORPHAN_PARTS_AGE_MS = 60 * 60 * 1000;

/** Pending messages swept per pass at most; the next pass takes the rest. */
const SWEEP_BATCH = 100;

const PENDING = `INSERT INTO raw_parts_pending (sha256, started_at) VALUES (?, ?)
  ON CONFLICT (sha256) DO UPDATE SET started_at = excluded.started_at`;
const INSERT = 'INSERT INTO raw_parts (sha256, seq, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING';
const COUNT = 'SELECT COUNT(*) AS n FROM raw_parts WHERE sha256 = ?';
const SETTLED = 'DELETE FROM raw_parts_pending WHERE sha256 = ?';
const READ = 'SELECT bytes FROM raw_parts WHERE sha256 = ? ORDER BY seq';
const READ_FIRST = 'SELECT bytes FROM raw_parts WHERE sha256 = ? AND seq = 0';
const STALE = 'SELECT sha256 FROM raw_parts_pending WHERE started_at < ? ORDER BY started_at LIMIT ?';
// Only while still stale: a sender that offered the message again meanwhile renewed it.
const SWEEP_PARTS = `DELETE FROM raw_parts WHERE sha256 = @sha
  AND EXISTS (SELECT 1 FROM raw_parts_pending p WHERE p.sha256 = @sha AND p.started_at < @before)
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.sha256 = @sha AND m.raw_part_count > 0)`;
const SWEEP_PENDING = 'DELETE FROM raw_parts_pending WHERE sha256 = @sha AND started_at < @before';

/** How many parts a message of `size` bytes is kept in; 0: it is kept whole in messages.raw. */
export function rawPartCount(size: number): number {
  return size > RAW_PART_BYTES ? Math.ceil(size / RAW_PART_BYTES) : 0;
}

export class RawPartsRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /**
   * Marks the message pending and writes the parts of `raw` (one statement each, so the event
   * loop turns between them); returns how many there are. Parts already there (the same
   * bytes offered again) are kept. Times are the database's (instances on several hosts
   * sweep each other's parts), `now` on SQLite.
   */
  async write(sha256: string, raw: Buffer, now: Date): Promise<number> {
    const count = rawPartCount(raw.length);
    if (count === 0) return 0;
    const started = await claimClock(this.#sql, now);
    await this.#sql.run(PENDING, [sha256, started.toISOString()]);
    for (let seq = 0; seq < count; seq++) {
      // A resolved statement continues this loop in a microtask, before any timer or socket:
      // without a turn of the event loop the parts would be one long block again.
      await turn();
      await this.#sql.run(INSERT, [sha256, seq, raw.subarray(seq * RAW_PART_BYTES, (seq + 1) * RAW_PART_BYTES)]);
    }
    return count;
  }

  /**
   * In the message's transaction: checks that all `count` parts are there and ends their
   * pending state. A part missing (swept meanwhile) is a temporary error: the message is not
   * recorded and its sender offers it again, parts and all.
   */
  async settle(sha256: string, count: number): Promise<void> {
    const n = (await this.#sql.get<{ n: number }>(COUNT, [sha256]))?.n ?? 0;
    if (n !== count) {
      throw new ReboundError('raw-parts-missing', `message ${sha256}: ${n} of its ${count} raw parts are stored`, { temporary: true });
    }
    await this.#sql.run(SETTLED, [sha256]);
  }

  /** The message's bytes put together again; an error if a part is missing. */
  async read(sha256: string, count: number, size: number): Promise<Buffer> {
    const rows = await this.#sql.all<{ bytes: Buffer }>(READ, [sha256]);
    const raw = Buffer.concat(rows.map((r) => r.bytes));
    if (rows.length !== count || raw.length !== size) {
      throw new ReboundError(
        'raw-parts-missing',
        `message ${sha256}: ${rows.length} of its ${count} raw parts found, ${raw.length} of ${size} bytes`,
        {
          temporary: false,
        },
      );
    }
    return raw;
  }

  /** The first part alone (a preview of the message); undefined if it is missing. */
  async first(sha256: string): Promise<Buffer | undefined> {
    return (await this.#sql.get<{ bytes: Buffer }>(READ_FIRST, [sha256]))?.bytes;
  }

  /**
   * Deletes the parts of messages pending longer than ORPHAN_PARTS_AGE_MS that no message
   * row holds, and their pending rows; returns how many messages' parts went. At most
   * SWEEP_BATCH messages, one transaction each.
   */
  async sweep(now: Date): Promise<number> {
    const before = new Date((await claimClock(this.#sql, now)).getTime() - ORPHAN_PARTS_AGE_MS).toISOString();
    const stale = await this.#sql.all<{ sha256: string }>(STALE, [before, SWEEP_BATCH]);
    let swept = 0;
    for (const { sha256 } of stale) {
      await this.#sql.transaction(async (tx) => {
        const parts = await tx.run(SWEEP_PARTS, { sha: sha256, before });
        await tx.run(SWEEP_PENDING, { sha: sha256, before });
        if (parts.changes > 0) swept++;
      });
    }
    return swept;
  }
}

/** What a user is told when a message's bytes cannot be put together (the dashboard and the API say the same). */
export const RAW_INCOMPLETE_TEXT =
  "The stored bytes of this message are incomplete: a part of them is missing from the database (a restore from an older backup, say). The bounce's record and classification are not affected.";

/** True for the error a read gives when a message's stored parts are incomplete. */
export function isRawIncomplete(err: unknown): boolean {
  return err instanceof ReboundError && err.code === 'raw-parts-missing';
}
