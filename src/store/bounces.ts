// The bounces table: one row per failed recipient. Owns the SQL for writing and reading
// single rows; the dashboard's list and statistics queries live in bounce-queries.ts.

import type { Statement } from 'better-sqlite3';
import type { Db } from './db.ts';

export type BounceStatus = 'Processed' | 'Skipped' | 'Problem' | 'retry_queued';

export interface NewBounce {
  messageId: number;
  /** When rebound received the bounce, ISO 8601 UTC. */
  date: string;
  /** When it bounced, by its own Date header (ISO 8601 UTC); '' or absent when unknown. */
  bouncedAt?: string;
  emailTo: string;
  emailCc: string;
  status: BounceStatus;
  reason: string;
  domain: string;
  kind: string;
  bounceType: string;
  action: string;
  statusCode: string;
  replyCode: string;
  diagnostic: string;
  remoteMta: string;
  decidedBy: string;
  originalMessageId: string;
  originalFrom: string;
  originalTo: string;
  originalSubject: string;
  originalDate: string;
  trackingId: string;
  dedupeKey: string;
}

export interface BounceRow {
  id: number;
  message_id: number;
  date: string;
  bounced_at: string;
  email_to: string;
  email_cc: string;
  status: BounceStatus;
  reason: string;
  domain: string;
  retries: number;
  kind: string;
  bounce_type: string;
  action: string;
  status_code: string;
  reply_code: string;
  diagnostic: string;
  remote_mta: string;
  decided_by: string;
  original_message_id: string;
  original_from: string;
  original_to: string;
  original_subject: string;
  original_date: string;
  tracking_id: string;
  last_error: string;
  dedupe_key: string;
  /** Why the bounce got no notice, or a smaller one (caps, LOCAL_DOMAINS); '' when none. */
  notice_note: string;
}

export class BouncesRepository {
  #insert;
  #byId;
  #byMessage;
  #byKey;
  #setStatus;
  #knownBouncing;
  #noticeNote: Statement<[string, string]> | undefined;
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
    // OR IGNORE on the dedupe key: a repeat of a recorded bounce changes nothing.
    this.#insert = db.prepare(
      `INSERT OR IGNORE INTO bounces (message_id, date, email_to, email_cc, status, reason, domain, kind, bounce_type, action,
         status_code, reply_code, diagnostic, remote_mta, decided_by, original_message_id, original_from, original_to,
         original_subject, original_date, tracking_id, dedupe_key, bounced_at)
       VALUES (@messageId, @date, @emailTo, @emailCc, @status, @reason, @domain, @kind, @bounceType, @action,
         @statusCode, @replyCode, @diagnostic, @remoteMta, @decidedBy, @originalMessageId, @originalFrom, @originalTo,
         @originalSubject, @originalDate, @trackingId, @dedupeKey, @bouncedAt)`,
    );
    this.#byId = db.prepare('SELECT * FROM bounces WHERE id = ?');
    this.#byMessage = db.prepare('SELECT * FROM bounces WHERE message_id = ? ORDER BY id');
    this.#byKey = db.prepare('SELECT id FROM bounces WHERE dedupe_key = ?').pluck();
    this.#setStatus = db.prepare(
      'UPDATE bounces SET status = @status, retries = COALESCE(@retries, retries), last_error = @lastError WHERE id = @id',
    );
    this.#knownBouncing = db.prepare("SELECT 1 FROM bounces WHERE email_to = ? AND bounce_type = 'hard' LIMIT 1").pluck();
  }

  /** Inserts the bounce; returns its id, or undefined when the same bounce is already recorded. */
  insert(b: NewBounce): number | undefined {
    const info = this.#insert.run({ ...b, bouncedAt: b.bouncedAt ?? '' });
    return info.changes === 1 ? Number(info.lastInsertRowid) : undefined;
  }

  idByDedupeKey(key: string): number | undefined {
    return this.#byKey.get(key) as number | undefined;
  }

  get(id: number): BounceRow | undefined {
    return this.#byId.get(id) as BounceRow | undefined;
  }

  forMessage(messageId: number): BounceRow[] {
    return this.#byMessage.all(messageId) as BounceRow[];
  }

  setStatus(id: number, status: BounceStatus, lastError = '', retries?: number): void {
    this.#setStatus.run({ id, status, lastError, retries: retries ?? null });
  }

  /** Records why the bounce got no notice, or a smaller one than asked. */
  setNoticeNote(id: number, note: string): void {
    this.setNoticeNotes([id], note);
  }

  /** The same note on many bounces, in one statement (a forged DSN's 490 held-back ones). */
  setNoticeNotes(ids: readonly number[], note: string): void {
    if (ids.length === 0) return;
    // Prepared at first use, not in the constructor: the repository also serves databases
    // opened at an older migration (before 006 added the column) until they are migrated.
    this.#noticeNote ??= this.#db.prepare<[string, string]>(
      'UPDATE bounces SET notice_note = ? WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.#noticeNote.run(note, JSON.stringify(ids));
  }

  /** True when rebound has recorded a hard bounce for this address (never notify it). */
  isKnownHardBouncing(address: string): boolean {
    return this.#knownBouncing.get(address.toLowerCase()) !== undefined;
  }
}
