// The bounces table: one row per failed recipient. Owns the SQL for writing and reading
// single rows; the dashboard's list and statistics queries live in bounce-queries.ts.

import type { SqlRunner } from './sql/driver.ts';

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
  /** Why the bounce gets no notice, when that is known before it is written ('' or absent: none yet). */
  noticeNote?: string;
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

// DO NOTHING on the dedupe key: a repeat of a recorded bounce changes nothing, and returns no id.
const INSERT = `INSERT INTO bounces (message_id, date, email_to, email_cc, status, reason, domain, kind, bounce_type, action,
     status_code, reply_code, diagnostic, remote_mta, decided_by, original_message_id, original_from, original_to,
     original_subject, original_date, tracking_id, dedupe_key, bounced_at, notice_note)
   VALUES (@messageId, @date, @emailTo, @emailCc, @status, @reason, @domain, @kind, @bounceType, @action,
     @statusCode, @replyCode, @diagnostic, @remoteMta, @decidedBy, @originalMessageId, @originalFrom, @originalTo,
     @originalSubject, @originalDate, @trackingId, @dedupeKey, @bouncedAt, @noticeNote)
   ON CONFLICT DO NOTHING
   RETURNING id`;
const BY_ID = 'SELECT * FROM bounces WHERE id = ?';
const BY_MESSAGE = 'SELECT * FROM bounces WHERE message_id = ? ORDER BY id';
const BY_KEY = 'SELECT id FROM bounces WHERE dedupe_key = ?';
const SET_STATUS = 'UPDATE bounces SET status = @status, retries = COALESCE(@retries, retries), last_error = @lastError WHERE id = @id';
const KNOWN_BOUNCING = "SELECT 1 AS found FROM bounces WHERE email_to = ? AND bounce_type = 'hard' LIMIT 1";

/**
 * Ids per statement when one note goes on many bounces. One SQL text for every call (the last
 * group is padded with a repeated id), so the driver compiles it once; well under SQLite's and
 * PostgreSQL's limits on parameters.
 */
const NOTE_IDS_PER_STATEMENT = 100;
const SET_NOTICE_NOTE = `UPDATE bounces SET notice_note = ? WHERE id IN (${Array.from({ length: NOTE_IDS_PER_STATEMENT }, () => '?').join(', ')})`;

export class BouncesRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /** Inserts the bounce; returns its id, or undefined when the same bounce is already recorded. */
  async insert(b: NewBounce): Promise<number | undefined> {
    const row = await this.#sql.get<{ id: number }>(INSERT, { ...b, bouncedAt: b.bouncedAt ?? '', noticeNote: b.noticeNote ?? '' });
    return row?.id;
  }

  async idByDedupeKey(key: string): Promise<number | undefined> {
    return (await this.#sql.get<{ id: number }>(BY_KEY, [key]))?.id;
  }

  get(id: number): Promise<BounceRow | undefined> {
    return this.#sql.get<BounceRow>(BY_ID, [id]);
  }

  forMessage(messageId: number): Promise<BounceRow[]> {
    return this.#sql.all<BounceRow>(BY_MESSAGE, [messageId]);
  }

  async setStatus(id: number, status: BounceStatus, lastError = '', retries?: number): Promise<void> {
    await this.#sql.run(SET_STATUS, { id, status, lastError, retries: retries ?? null });
  }

  /** Records why the bounce got no notice, or a smaller one than asked. */
  setNoticeNote(id: number, note: string): Promise<void> {
    return this.setNoticeNotes([id], note);
  }

  /** The same note on many bounces, a hundred to a statement (a forged DSN's 490 held-back ones). */
  async setNoticeNotes(ids: readonly number[], note: string): Promise<void> {
    for (let i = 0; i < ids.length; i += NOTE_IDS_PER_STATEMENT) {
      const group = ids.slice(i, i + NOTE_IDS_PER_STATEMENT);
      while (group.length < NOTE_IDS_PER_STATEMENT) group.push(group[0]!);
      await this.#sql.run(SET_NOTICE_NOTE, [note, ...group]);
    }
  }

  /** True when rebound has recorded a hard bounce for this address (never notify it). */
  async isKnownHardBouncing(address: string): Promise<boolean> {
    return (await this.#sql.get(KNOWN_BOUNCING, [address.toLowerCase()])) !== undefined;
  }
}
