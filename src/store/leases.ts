// Leases and job periods (migration 015): how several rebound processes on one store agree
// on who does a piece of work. Every statement is one atomic write in the SQL both SQLite and
// PostgreSQL speak (INSERT ... ON CONFLICT ... DO UPDATE ... WHERE), so the winner is whoever
// the database lets change the row, never a read followed by a write.

import { claimClock } from './sql/db-clock.ts';
import type { SqlRunner } from './sql/driver.ts';

export interface LeaseRow {
  name: string;
  holder: string;
  expires_at: string;
}

/**
 * When a lease or a claim taken at `now` for ttlMs runs out, as the ISO 8601 text the SQL
 * compares with `now.toISOString()`: one spelling for every expiry, so text order is time order.
 */
export function expiryAfter(now: Date, ttlMs: number): string {
  return new Date(now.getTime() + ttlMs).toISOString();
}

// Wins when the name is free, its lease has expired, or the taker holds it already.
const ACQUIRE = `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
   ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
   WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`;
const RENEW = 'UPDATE leases SET expires_at = @until WHERE name = @name AND holder = @holder';
const RELEASE = 'DELETE FROM leases WHERE name = ? AND holder = ?';
const GET = 'SELECT name, holder, expires_at FROM leases WHERE name = ?';
// Moves the job's row to a later period; a period already taken (by anyone) is not taken again.
// A stored period later than now was claimed while the clock ran ahead (a wrong boot time,
// an NTP step): it is taken over, or the job would stay silent until the clock caught up.
const CLAIM_PERIOD = `INSERT INTO job_runs (job, period, holder, started_at) VALUES (@job, @period, @holder, @now)
   ON CONFLICT (job) DO UPDATE SET period = excluded.period, holder = excluded.holder, started_at = excluded.started_at, done_at = NULL
   WHERE job_runs.period < excluded.period OR job_runs.period > excluded.started_at`;
// A run that did not finish (migration 016): its holder failed or died. Taken again once it
// was started at or before @staleBefore, by one instance, for the same period.
const RETAKE_UNFINISHED = `UPDATE job_runs SET holder = @holder, started_at = @now
   WHERE job = @job AND done_at IS NULL AND started_at <= @staleBefore AND period >= @oldest
   RETURNING period`;
const FINISH_PERIOD = 'UPDATE job_runs SET done_at = @now WHERE job = @job AND period = @period AND done_at IS NULL';

/**
 * A run whose period is older than this is not taken again: after a long outage the summary of
 * a day long gone is noise, and the next run covers the time since.
 */
export const RETAKE_MAX_AGE_MS = 36 * 3_600_000;

export class LeasesRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /** Takes (or extends) the lease for ttlMs; false when another holder's lease is still running. */
  async acquire(name: string, holder: string, ttlMs: number, hostNow = new Date()): Promise<boolean> {
    const now = await claimClock(this.#sql, hostNow);
    return (await this.#sql.run(ACQUIRE, { name, holder, until: expiryAfter(now, ttlMs), now: now.toISOString() })).changes === 1;
  }

  /**
   * Extends a lease this holder has; false when another took it (this one stalled past its
   * expiry): the caller must stop the work at once.
   */
  async renew(name: string, holder: string, ttlMs: number, hostNow = new Date()): Promise<boolean> {
    const now = await claimClock(this.#sql, hostNow);
    return (await this.#sql.run(RENEW, { name, holder, until: expiryAfter(now, ttlMs) })).changes === 1;
  }

  /** Gives the lease up (a clean stop), so another instance need not wait for the expiry. */
  async release(name: string, holder: string): Promise<void> {
    await this.#sql.run(RELEASE, [name, holder]);
  }

  get(name: string): Promise<LeaseRow | undefined> {
    return this.#sql.get<LeaseRow>(GET, [name]);
  }

  /** Who holds the lease now, or undefined when it is free or expired. */
  async holder(name: string, hostNow = new Date()): Promise<string | undefined> {
    const now = await claimClock(this.#sql, hostNow);
    const row = await this.get(name);
    return row && row.expires_at > now.toISOString() ? row.holder : undefined;
  }

  /**
   * Claims one period of a timed job (its scheduled time, ISO 8601): true for the one
   * instance that gets there first, false for every other and for a period already run.
   */
  async claimPeriod(job: string, period: string, holder: string, hostNow = new Date()): Promise<boolean> {
    const now = await claimClock(this.#sql, hostNow);
    return (await this.#sql.run(CLAIM_PERIOD, { job, period, holder, now: now.toISOString() })).changes === 1;
  }

  /** Records that the run of `period` finished, so it is never taken again. */
  async finishPeriod(job: string, period: string, hostNow = new Date()): Promise<void> {
    const now = await claimClock(this.#sql, hostNow);
    await this.#sql.run(FINISH_PERIOD, { job, period, now: now.toISOString() });
  }

  /**
   * Takes over the job's latest period when its run did not finish and started at least
   * staleMs ago (the holder failed, or died before it could finish): the period for the one
   * instance that gets it, undefined for every other and when there is nothing to do.
   */
  async retakeUnfinished(job: string, holder: string, staleMs: number, hostNow = new Date()): Promise<string | undefined> {
    const now = await claimClock(this.#sql, hostNow);
    const staleBefore = new Date(now.getTime() - staleMs).toISOString();
    const oldest = new Date(now.getTime() - RETAKE_MAX_AGE_MS).toISOString();
    const row = await this.#sql.get<{ period: string }>(RETAKE_UNFINISHED, { job, holder, now: now.toISOString(), staleBefore, oldest });
    return row?.period;
  }
}
