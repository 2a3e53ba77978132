// The notification outbox: notices written with their bounce in one transaction, then sent
// and retried by the notifier. A row leaves 'pending'/'failed' only by being sent or by
// running out of attempts ('problem'). Several rebound processes may share the table: a row
// is claimed (claimed_by, claimed_until; migration 015) before it is sent, so only one of them
// sends it, and a claim its holder did not finish in time is another's to take.

import type { Db } from './db.ts';
import { expiryAfter } from './leases.ts';

export type OutboxState = 'pending' | 'sent' | 'failed' | 'problem';

export interface OutboxRow {
  id: number;
  bounce_id: number | null;
  kind: string;
  recipients: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string;
  created_at: string;
  sent_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
}

/** Rows that may be sent now: due, and not claimed by a holder whose claim still runs. */
const CLAIMABLE = "state IN ('pending', 'failed') AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)";

export class OutboxRepository {
  #insert;
  #due;
  #get;
  #forBounce;
  #sent;
  #failed;
  #requeue;
  #count;
  #claim;
  #confirm;
  #release;
  constructor(db: Db) {
    this.#insert = db.prepare(
      `INSERT INTO outbox (bounce_id, kind, recipients, state, next_attempt_at, created_at)
       VALUES (@bounceId, @kind, @recipients, 'pending', @now, @now)`,
    );
    this.#due = db.prepare(
      "SELECT * FROM outbox WHERE state IN ('pending', 'failed') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
    );
    this.#get = db.prepare('SELECT * FROM outbox WHERE id = ?');
    this.#forBounce = db.prepare('SELECT * FROM outbox WHERE bounce_id = ? ORDER BY id');
    this.#sent = db.prepare(
      "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '', claimed_by = NULL, claimed_until = NULL WHERE id = ?",
    );
    this.#failed = db.prepare(
      `UPDATE outbox SET state = @state, attempts = attempts + 1, next_attempt_at = @next, last_error = @error,
       claimed_by = NULL, claimed_until = NULL WHERE id = @id`,
    );
    // One statement picks and claims. The condition is repeated outside the subquery for
    // PostgreSQL: under READ COMMITTED a second UPDATE waiting on the same rows re-checks only
    // the outer WHERE against the committed row, so the claim just made is seen and skipped.
    this.#claim = db.prepare(
      `UPDATE outbox SET claimed_by = @holder, claimed_until = @until
       WHERE id IN (SELECT id FROM outbox WHERE ${CLAIMABLE} ORDER BY next_attempt_at, id LIMIT @limit) AND ${CLAIMABLE}
       RETURNING *`,
    );
    // Still ours and still to send (not sent or failed by another who took an expired claim): extend it.
    this.#confirm = db.prepare(
      "UPDATE outbox SET claimed_until = @until WHERE id = @id AND claimed_by = @holder AND state IN ('pending', 'failed')",
    );
    this.#release = db.prepare('UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?');
    this.#requeue = db.prepare(
      "UPDATE outbox SET state = 'pending', next_attempt_at = ?, attempts = 0 WHERE bounce_id = ? AND state IN ('failed', 'problem', 'pending')",
    );
    this.#count = db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state');
  }

  add(n: { bounceId: number | null; kind: string; recipients: string[] }, now = new Date()): number {
    const info = this.#insert.run({ bounceId: n.bounceId, kind: n.kind, recipients: n.recipients.join(','), now: now.toISOString() });
    return Number(info.lastInsertRowid);
  }

  due(now = new Date(), limit = 100): OutboxRow[] {
    return this.#due.all(now.toISOString(), limit) as OutboxRow[];
  }

  /**
   * Claims up to `limit` due rows for `holder` until now + ttlMs and returns them, soonest due
   * first. Rows another holder claimed are left alone until their claim expires.
   */
  claimDue(holder: string, ttlMs: number, now = new Date(), limit = 100): OutboxRow[] {
    const rows = this.#claim.all({ holder, until: expiryAfter(now, ttlMs), now: now.toISOString(), limit }) as OutboxRow[];
    // RETURNING gives no order.
    return rows.sort((a, b) => (a.next_attempt_at < b.next_attempt_at ? -1 : a.next_attempt_at > b.next_attempt_at ? 1 : a.id - b.id));
  }

  /**
   * Right before sending: true (and the claim extended) when the row is still this holder's
   * to send; false when another instance took it after this claim expired.
   */
  confirmClaim(id: number, holder: string, ttlMs: number, now = new Date()): boolean {
    return this.#confirm.run({ id, holder, until: expiryAfter(now, ttlMs) }).changes === 1;
  }

  /** Gives a claimed row back unsent (a stop), so another instance need not wait for the expiry. */
  releaseClaim(id: number, holder: string): void {
    this.#release.run(id, holder);
  }

  get(id: number): OutboxRow | undefined {
    return this.#get.get(id) as OutboxRow | undefined;
  }

  forBounce(bounceId: number): OutboxRow[] {
    return this.#forBounce.all(bounceId) as OutboxRow[];
  }

  markSent(id: number, now = new Date()): void {
    this.#sent.run(now.toISOString(), id);
  }

  markFailed(id: number, error: string, nextAttempt: Date, giveUp: boolean): void {
    this.#failed.run({ id, error, next: nextAttempt.toISOString(), state: giveUp ? 'problem' : 'failed' });
  }

  /** Makes a bounce's notices due now again (manual retry); returns how many. */
  requeueForBounce(bounceId: number, now = new Date()): number {
    return this.#requeue.run(now.toISOString(), bounceId).changes;
  }

  countsByState(): Record<OutboxState, number> {
    const out: Record<OutboxState, number> = { pending: 0, sent: 0, failed: 0, problem: 0 };
    for (const r of this.#count.all() as { state: OutboxState; n: number }[]) out[r.state] = r.n;
    return out;
  }
}
