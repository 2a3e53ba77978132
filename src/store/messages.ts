// The messages table: every received message, raw bytes kept. Owns its SQL.

import type { Db } from './db.ts';

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

export class MessagesRepository {
  #insert;
  #bySha;
  #byId;
  #raw;
  #update;
  constructor(db: Db) {
    this.#insert = db.prepare(
      `INSERT INTO messages (received_at, source, sha256, size, raw, envelope_from, envelope_to, kind, status, error, subject, classification, duplicate_of, truncated)
       VALUES (@receivedAt, @source, @sha256, @size, @raw, @envelopeFrom, @envelopeTo, @kind, @status, @error, @subject, @classification, @duplicateOf, @truncated)`,
    );
    this.#bySha = db.prepare('SELECT id, status, kind FROM messages WHERE sha256 = ?');
    this.#byId = db.prepare(
      'SELECT id, received_at, source, sha256, size, envelope_from, envelope_to, kind, status, error, subject, classification, duplicate_of, truncated FROM messages WHERE id = ?',
    );
    this.#raw = db.prepare('SELECT raw FROM messages WHERE id = ?').pluck();
    this.#update = db.prepare(
      'UPDATE messages SET kind = @kind, status = @status, error = @error, subject = @subject, classification = @classification WHERE id = @id',
    );
  }

  insert(m: NewMessage): number {
    const info = this.#insert.run({
      ...m,
      size: m.raw.length,
      envelopeTo: m.envelopeTo.join(','),
      duplicateOf: m.duplicateOf ?? null,
      truncated: m.truncated ?? '',
    });
    return Number(info.lastInsertRowid);
  }

  findBySha256(sha: string): { id: number; status: ProcessingStatus; kind: string } | undefined {
    return this.#bySha.get(sha) as { id: number; status: ProcessingStatus; kind: string } | undefined;
  }

  get(id: number): MessageRow | undefined {
    return this.#byId.get(id) as MessageRow | undefined;
  }

  raw(id: number): Buffer | undefined {
    return this.#raw.get(id) as Buffer | undefined;
  }

  updateClassification(
    id: number,
    u: { kind: string; status: ProcessingStatus; error: string; subject: string; classification: string },
  ): void {
    this.#update.run({ id, ...u });
  }
}
