// The SQL of the daily summary: counts of one day's bounce rows, and the notices that are
// still failing. Dates are ISO 8601 UTC strings, so a day is a string range [from, to).

import type { SqlRunner } from './sql/driver.ts';

export interface Count {
  key: string;
  n: number;
}

export interface FailingNotice {
  outboxId: number;
  bounceId: number | null;
  state: 'failed' | 'problem';
  attempts: number;
  lastError: string;
  nextAttemptAt: string;
  emailTo: string;
  bounceDate: string;
}

const DAY = 'FROM bounces WHERE date >= @from AND date < @to';
// The figures count bounces only: failed deliveries, hard or soft. Delay warnings,
// auto-replies, complaints and 'delivered' reports are recorded too, but are no bounce;
// they appear only in the count by kind.
const BOUNCED = `${DAY} AND kind = 'bounce' AND bounce_type IN ('hard', 'soft')`;
const TOTAL = `SELECT COUNT(*) AS n ${BOUNCED}`;
const BY_STATUS = `SELECT status AS key, COUNT(*) AS n ${BOUNCED} GROUP BY status ORDER BY n DESC, key`;
const BY_REASON = `SELECT reason AS key, COUNT(*) AS n ${BOUNCED} GROUP BY reason ORDER BY n DESC, key`;
const BY_TYPE = `SELECT bounce_type AS key, COUNT(*) AS n ${BOUNCED} GROUP BY bounce_type ORDER BY n DESC, key`;
const BY_KIND = `SELECT kind AS key, COUNT(*) AS n ${DAY} GROUP BY kind ORDER BY n DESC, key`;
const TOP_DOMAINS = `SELECT domain AS key, COUNT(*) AS n ${BOUNCED} AND domain <> '' GROUP BY domain ORDER BY n DESC, key LIMIT @limit`;
const FAILING_FROM = `FROM outbox o LEFT JOIN bounces b ON b.id = o.bounce_id WHERE o.state IN ('failed', 'problem')`;
// Quoted aliases: PostgreSQL folds unquoted names to lower case.
const FAILING = `SELECT o.id AS "outboxId", o.bounce_id AS "bounceId", o.state, o.attempts, o.last_error AS "lastError",
        o.next_attempt_at AS "nextAttemptAt", COALESCE(b.email_to, '') AS "emailTo", COALESCE(b.date, '') AS "bounceDate"
   ${FAILING_FROM} ORDER BY o.state DESC, o.id LIMIT @limit`;
const FAILING_COUNT = `SELECT COUNT(*) AS n ${FAILING_FROM}`;

export class SummaryQueries {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async total(from: string, to: string): Promise<number> {
    return (await this.#sql.get<{ n: number }>(TOTAL, { from, to }))?.n ?? 0;
  }
  byStatus(from: string, to: string): Promise<Count[]> {
    return this.#sql.all<Count>(BY_STATUS, { from, to });
  }
  byReason(from: string, to: string): Promise<Count[]> {
    return this.#sql.all<Count>(BY_REASON, { from, to });
  }
  byBounceType(from: string, to: string): Promise<Count[]> {
    return this.#sql.all<Count>(BY_TYPE, { from, to });
  }
  byKind(from: string, to: string): Promise<Count[]> {
    return this.#sql.all<Count>(BY_KIND, { from, to });
  }
  topDomains(from: string, to: string, limit = 10): Promise<Count[]> {
    return this.#sql.all<Count>(TOP_DOMAINS, { from, to, limit });
  }
  /** Notices not delivered now (any day): still retrying ('failed') or given up ('problem'). */
  async failingNotices(limit = 50): Promise<{ rows: FailingNotice[]; total: number }> {
    const rows = await this.#sql.all<FailingNotice>(FAILING, { limit });
    return { rows, total: (await this.#sql.get<{ n: number }>(FAILING_COUNT))?.n ?? 0 };
  }
}
