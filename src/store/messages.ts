// The messages table: every received message, raw bytes kept. Owns its SQL.

import type { SqlRunner } from './sql/driver.ts';

export type MessageSource = 'lmtp' | 'imap' | 'import';
export type ProcessingStatus = 'Processed' | 'Skipped' | 'Problem';

export interface NewMessage {
  receivedAt: string;
  source: MessageSource;
  sha256: string;
  raw: Buffer;
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

const INSERT = `INSERT INTO messages (received_at, source, sha256, size, raw, envelope_from, envelope_to, kind, status, error, subject, classification, duplicate_of, truncated)
   VALUES (@receivedAt, @source, @sha256, @size, @raw, @envelopeFrom, @envelopeTo, @kind, @status, @error, @subject, @classification, @duplicateOf, @truncated)
   RETURNING id`;
const BY_SHA = 'SELECT id, status, kind FROM messages WHERE sha256 = ?';
const BY_ID =
  'SELECT id, received_at, source, sha256, size, envelope_from, envelope_to, kind, status, error, subject, classification, duplicate_of, truncated FROM messages WHERE id = ?';
const RAW = 'SELECT raw FROM messages WHERE id = ?';
const UPDATE =
  'UPDATE messages SET kind = @kind, status = @status, error = @error, subject = @subject, classification = @classification WHERE id = @id';

export class MessagesRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async insert(m: NewMessage): Promise<number> {
    const row = await this.#sql.get<{ id: number }>(INSERT, {
      receivedAt: m.receivedAt,
      source: m.source,
      sha256: m.sha256,
      size: m.raw.length,
      raw: m.raw,
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

  async raw(id: number): Promise<Buffer | undefined> {
    return (await this.#sql.get<{ raw: Buffer }>(RAW, [id]))?.raw;
  }

  async updateClassification(
    id: number,
    u: { kind: string; status: ProcessingStatus; error: string; subject: string; classification: string },
  ): Promise<void> {
    await this.#sql.run(UPDATE, { id, ...u });
  }
}
