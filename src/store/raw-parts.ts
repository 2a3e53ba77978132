// A large message's raw bytes in parts (migration 017): the messages row keeps an empty `raw`
// and the count of its parts; the parts are keyed by the message's SHA-256. Owns their SQL.
//
// Why parts: SQLite writes a 10 MB value page by page inside one synchronous statement, and
// its COMMIT copies those pages into the WAL, 50-150 ms in all during which the event loop
// (every other LMTP connection) waits. Written a part at a time, each in a statement that
// commits on its own, no single step holds it more than a few ms. The parts need no fsync
// of their own: the message's commit is flushed after them, and a WAL flush makes every
// earlier frame durable too (PostgreSQL flushes each COMMIT anyway).

import { ReboundError } from '../errors.ts';
import type { SqlRunner } from './sql/driver.ts';

/** Bytes per part; a message larger than this is kept in parts. */
export const RAW_PART_BYTES = 1024 * 1024;

/**
 * Parts whose message row never committed (the process died between them, or the commit
 * failed and the sender never offered the message again) are swept once they are this old:
 * far longer than any message takes from its first part to its commit.
 */
export const ORPHAN_PARTS_AGE_MS = 60 * 60 * 1000;

const INSERT = 'INSERT INTO raw_parts (sha256, seq, bytes, written_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING';
const READ = 'SELECT bytes FROM raw_parts WHERE sha256 = ? ORDER BY seq';
// NOT EXISTS over the unique index on messages.sha256: the cost follows the parts, not the
// number of messages.
const SWEEP = `DELETE FROM raw_parts WHERE written_at < ?
  AND NOT EXISTS (SELECT 1 FROM messages WHERE messages.sha256 = raw_parts.sha256 AND messages.raw_parts > 0)`;

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
   * Writes the parts of `raw` (one statement each, so the event loop turns between them) and
   * returns how many there are. Parts already there (the same bytes offered again) are kept.
   */
  async write(sha256: string, raw: Buffer, now: Date): Promise<number> {
    const count = rawPartCount(raw.length);
    const writtenAt = now.toISOString();
    for (let seq = 0; seq < count; seq++) {
      // A resolved statement continues this loop in a microtask, before any timer or socket:
      // without a turn of the event loop the parts would be one long block again.
      if (seq > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      await this.#sql.run(INSERT, [sha256, seq, raw.subarray(seq * RAW_PART_BYTES, (seq + 1) * RAW_PART_BYTES), writtenAt]);
    }
    return count;
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

  /** Deletes parts older than ORPHAN_PARTS_AGE_MS that no message row points at; how many. */
  async sweep(now: Date): Promise<number> {
    const before = new Date(now.getTime() - ORPHAN_PARTS_AGE_MS).toISOString();
    return (await this.#sql.run(SWEEP, [before])).changes;
  }
}
