// The notification outbox: notices written with their bounce in one transaction, then sent
// and retried by the notifier. A row leaves 'pending'/'failed' only by being sent or by
// running out of attempts ('problem'). Several rebound processes may share the table: a row
// is claimed (claimed_by, claimed_until; migration 015) before it is sent, so only one of them
// sends it, and a claim its holder did not finish in time is another's to take.

import type { SqlDialect, SqlRunner } from './sql/driver.ts';
import { claimClock, dbClock } from './sql/db-clock.ts';
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

// A row queued "now" is due now by the clock its claim reads (claimClock): on PostgreSQL the
// database's. With the host's, a host clock ahead of the database's left a new notice (or a
// manual retry) unclaimable until the database's clock caught up: not sent by the pass that
// followed it, only by a later retry job.
const dueNow = (dialect: SqlDialect, hostNow: string) => (dialect === 'postgres' ? dbClock(dialect).now : hostNow);
const INSERT = (d: SqlDialect) => `INSERT INTO outbox (bounce_id, kind, recipients, state, next_attempt_at, created_at)
   VALUES (@bounceId, @kind, @recipients, 'pending', ${dueNow(d, '@now')}, @now) RETURNING id`;
const DUE = "SELECT * FROM outbox WHERE state IN ('pending', 'failed') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?";
const GET = 'SELECT * FROM outbox WHERE id = ?';
const FOR_BOUNCE = 'SELECT * FROM outbox WHERE bounce_id = ? ORDER BY id';
const SENT =
  "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '', claimed_by = NULL, claimed_until = NULL WHERE id = ?";
const FAILED = `UPDATE outbox SET state = @state, attempts = attempts + 1, next_attempt_at = @next, last_error = @error,
   claimed_by = NULL, claimed_until = NULL WHERE id = @id`;
// One statement picks and claims. The rows are picked in a WITH clause, evaluated once: written
// as `WHERE id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)`, PostgreSQL may run the subquery
// again for each row and skip the rows the statement itself just locked, claiming far more
// than the limit (src/store/sql/README.md). The condition is repeated outside for PostgreSQL:
// under READ COMMITTED a second UPDATE waiting on the same rows re-checks only the outer WHERE
// against the committed row, so the claim just made is seen and skipped. PostgreSQL also skips
// rows another instance's claim has locked (FOR UPDATE SKIP LOCKED) rather than queueing behind
// it; SQLite has one writer at a time and no such words.
const claimSql = (
  lock: string,
) => `WITH picked AS (SELECT id FROM outbox WHERE ${CLAIMABLE} ORDER BY next_attempt_at, id LIMIT @limit${lock})
   UPDATE outbox SET claimed_by = @holder, claimed_until = @until
   WHERE id IN (SELECT id FROM picked) AND ${CLAIMABLE}
   RETURNING *`;
const CLAIM = { sqlite: claimSql(''), postgres: claimSql(' FOR UPDATE SKIP LOCKED') };
// Still ours and still to send (not sent or failed by another who took an expired claim): extend it.
const CONFIRM = "UPDATE outbox SET claimed_until = @until WHERE id = @id AND claimed_by = @holder AND state IN ('pending', 'failed')";
const RELEASE = 'UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?';
const REQUEUE = (d: SqlDialect) =>
  `UPDATE outbox SET state = 'pending', next_attempt_at = ${dueNow(d, '@now')}, attempts = 0 WHERE bounce_id = @bounceId AND state IN ('failed', 'problem', 'pending')`;
const COUNT = 'SELECT state, COUNT(*) AS n FROM outbox GROUP BY state';

export class OutboxRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async add(n: { bounceId: number | null; kind: string; recipients: string[] }, now = new Date()): Promise<number> {
    const row = await this.#sql.get<{ id: number }>(INSERT(this.#sql.dialect), {
      bounceId: n.bounceId,
      kind: n.kind,
      recipients: n.recipients.join(','),
      now: now.toISOString(),
    });
    return row!.id;
  }

  due(now = new Date(), limit = 100): Promise<OutboxRow[]> {
    return this.#sql.all<OutboxRow>(DUE, [now.toISOString(), limit]);
  }

  /**
   * Claims up to `limit` due rows for `holder` until now + ttlMs and returns them, soonest due
   * first. Rows another holder claimed are left alone until their claim expires.
   */
  async claimDue(holder: string, ttlMs: number, hostNow = new Date(), limit = 100): Promise<OutboxRow[]> {
    const now = await claimClock(this.#sql, hostNow);
    const rows = await this.#sql.all<OutboxRow>(CLAIM[this.#sql.dialect], {
      holder,
      until: expiryAfter(now, ttlMs),
      now: now.toISOString(),
      limit,
    });
    // RETURNING gives no order.
    return rows.sort((a, b) => (a.next_attempt_at < b.next_attempt_at ? -1 : a.next_attempt_at > b.next_attempt_at ? 1 : a.id - b.id));
  }

  /**
   * Right before sending: true (and the claim extended) when the row is still this holder's
   * to send; false when another instance took it after this claim expired.
   */
  async confirmClaim(id: number, holder: string, ttlMs: number, hostNow = new Date()): Promise<boolean> {
    const now = await claimClock(this.#sql, hostNow);
    return (await this.#sql.run(CONFIRM, { id, holder, until: expiryAfter(now, ttlMs) })).changes === 1;
  }

  /** Gives a claimed row back unsent (a stop), so another instance need not wait for the expiry. */
  async releaseClaim(id: number, holder: string): Promise<void> {
    await this.#sql.run(RELEASE, [id, holder]);
  }

  get(id: number): Promise<OutboxRow | undefined> {
    return this.#sql.get<OutboxRow>(GET, [id]);
  }

  forBounce(bounceId: number): Promise<OutboxRow[]> {
    return this.#sql.all<OutboxRow>(FOR_BOUNCE, [bounceId]);
  }

  async markSent(id: number, now = new Date()): Promise<void> {
    await this.#sql.run(SENT, [now.toISOString(), id]);
  }

  async markFailed(id: number, error: string, nextAttempt: Date, giveUp: boolean): Promise<void> {
    await this.#sql.run(FAILED, { id, error, next: nextAttempt.toISOString(), state: giveUp ? 'problem' : 'failed' });
  }

  /** Makes a bounce's notices due now again (manual retry); returns how many. */
  async requeueForBounce(bounceId: number, now = new Date()): Promise<number> {
    return (await this.#sql.run(REQUEUE(this.#sql.dialect), { now: now.toISOString(), bounceId })).changes;
  }

  async countsByState(): Promise<Record<OutboxState, number>> {
    const out: Record<OutboxState, number> = { pending: 0, sent: 0, failed: 0, problem: 0 };
    for (const r of await this.#sql.all<{ state: OutboxState; n: number }>(COUNT)) out[r.state] = r.n;
    return out;
  }
}
