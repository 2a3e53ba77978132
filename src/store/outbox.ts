// The notification outbox: notices written with their bounce in one transaction, then sent
// and retried by the notifier. A row leaves 'pending'/'failed' only by being sent or by
// running out of attempts ('problem').

import type { Db } from './db.ts';

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
}

export class OutboxRepository {
  #insert;
  #due;
  #get;
  #forBounce;
  #sent;
  #failed;
  #requeue;
  #count;
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
    this.#sent = db.prepare("UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '' WHERE id = ?");
    this.#failed = db.prepare(
      'UPDATE outbox SET state = @state, attempts = attempts + 1, next_attempt_at = @next, last_error = @error WHERE id = @id',
    );
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
