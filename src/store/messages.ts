// The messages table: every received message, raw bytes kept. Owns its SQL.

import { RawPartsRepository } from './raw-parts.ts';
import type { SqlRunner } from './sql/driver.ts';

export type MessageSource = 'lmtp' | 'imap' | 'import';
export type ProcessingStatus = 'Processed' | 'Skipped' | 'Problem';

export interface NewMessage {
  receivedAt: string;
  source: MessageSource;
  sha256: string;
  raw: Buffer;
  /** Parts written to raw_parts already (RawPartsRepository.write): `raw` is kept there, not in the row. */
  rawPartCount?: number;
  envelopeFrom: string;
  envelopeTo: string[];
  kind: string;
  status: ProcessingStatus;
  error: string;
  subject: string;
  classification: string;
  /** The first copy, when every bounce in this one was recorded already. */
  duplicateOf?: number | null;
  /** What a bound left out of the message, in words; '' when it was read whole. */
  truncated?: string;
}

export interface MessageRow {
  id: number;
  received_at: string;
  source: MessageSource;
  sha256: string;
  size: number;
  envelope_from: string;
  envelope_to: string;
  kind: string;
  status: ProcessingStatus;
  error: string;
  subject: string;
  classification: string;
  duplicate_of: number | null;
  truncated: string;
}

const INSERT = `INSERT INTO messages (received_at, source, sha256, size, raw, raw_part_count, envelope_from, envelope_to, kind, status, error, subject, classification, duplicate_of, truncated)
   VALUES (@receivedAt, @source, @sha256, @size, @raw, @rawPartCount, @envelopeFrom, @envelopeTo, @kind, @status, @error, @subject, @classification, @duplicateOf, @truncated)
   RETURNING id`;
const BY_SHA = 'SELECT id, status, kind FROM messages WHERE sha256 = ?';
const BY_ID =
  'SELECT id, received_at, source, sha256, size, envelope_from, envelope_to, kind, status, error, subject, classification, duplicate_of, truncated FROM messages WHERE id = ?';
const RAW = 'SELECT raw, raw_part_count, sha256, size FROM messages WHERE id = ?';
const EMPTY = Buffer.alloc(0);

interface RawRow {
  raw: Buffer;
  raw_part_count: number;
  sha256: string;
  size: number;
}
const UPDATE =
  'UPDATE messages SET kind = @kind, status = @status, error = @error, subject = @subject, classification = @classification WHERE id = @id';

export class MessagesRepository {
  #sql: SqlRunner;
  #rawParts: RawPartsRepository;
  /** `rawParts`: the same runner's (store.ts builds both); made here when not given. */
  constructor(sql: SqlRunner, rawParts = new RawPartsRepository(sql)) {
    this.#sql = sql;
    this.#rawParts = rawParts;
  }

  async insert(m: NewMessage): Promise<number> {
    const row = await this.#sql.get<{ id: number }>(INSERT, {
      receivedAt: m.receivedAt,
      source: m.source,
      sha256: m.sha256,
      size: m.raw.length,
      raw: m.rawPartCount ? EMPTY : m.raw,
      rawPartCount: m.rawPartCount ?? 0,
      envelopeFrom: m.envelopeFrom,
      envelopeTo: m.envelopeTo.join(','),
      kind: m.kind,
      status: m.status,
      error: m.error,
      subject: m.subject,
      classification: m.classification,
      duplicateOf: m.duplicateOf ?? null,
      truncated: m.truncated ?? '',
    });
    return row!.id;
  }

  findBySha256(sha: string): Promise<{ id: number; status: ProcessingStatus; kind: string } | undefined> {
    return this.#sql.get(BY_SHA, [sha]);
  }

  get(id: number): Promise<MessageRow | undefined> {
    return this.#sql.get<MessageRow>(BY_ID, [id]);
  }

  /** The message's bytes as received, wherever they are kept (the row, or its raw parts). */
  async raw(id: number): Promise<Buffer | undefined> {
    const row = await this.#sql.get<RawRow>(RAW, [id]);
    if (!row || row.raw_part_count === 0) return row?.raw;
    return this.#rawParts.read(row.sha256, row.raw_part_count, row.size);
  }

  /**
   * The message's first bytes (at least `bytes` of them when it has that many) and its size,
   * for a preview: a message kept in parts is not read whole. Its first part missing gives
   * undefined bytes, the size still known.
   */
  async rawStart(id: number, bytes: number): Promise<{ start: Buffer | undefined; size: number } | undefined> {
    const row = await this.#sql.get<RawRow>(RAW, [id]);
    if (!row) return undefined;
    if (row.raw_part_count === 0) return { start: row.raw.subarray(0, bytes), size: row.raw.length };
    const first = await this.#rawParts.first(row.sha256);
    return { start: first?.subarray(0, bytes), size: row.size };
  }

  async updateClassification(
    id: number,
    u: { kind: string; status: ProcessingStatus; error: string; subject: string; classification: string },
  ): Promise<void> {
    await this.#sql.run(UPDATE, { id, ...u });
  }
}
