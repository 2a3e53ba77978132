// The SQL of the daily summary: counts of one day's bounce rows, and the notices that are
// still failing. Dates are ISO 8601 UTC strings, so a day is a string range [from, to).

import type { Db } from './db.ts';

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

export class SummaryQueries {
  #total;
  #byStatus;
  #byReason;
  #byType;
  #byKind;
  #topDomains;
  #failing;
  #failingCount;
  constructor(db: Db) {
    const day = 'FROM bounces WHERE date >= @from AND date < @to';
    // The figures count bounces only: failed deliveries, hard or soft. Delay warnings,
    // auto-replies, complaints and 'delivered' reports are recorded too, but are no bounce;
    // they appear only in the count by kind.
    const bounced = `${day} AND kind = 'bounce' AND bounce_type IN ('hard', 'soft')`;
    this.#total = db.prepare(`SELECT COUNT(*) ${bounced}`).pluck();
    this.#byStatus = db.prepare(`SELECT status AS key, COUNT(*) AS n ${bounced} GROUP BY status ORDER BY n DESC, key`);
    this.#byReason = db.prepare(`SELECT reason AS key, COUNT(*) AS n ${bounced} GROUP BY reason ORDER BY n DESC, key`);
    this.#byType = db.prepare(`SELECT bounce_type AS key, COUNT(*) AS n ${bounced} GROUP BY bounce_type ORDER BY n DESC, key`);
    this.#byKind = db.prepare(`SELECT kind AS key, COUNT(*) AS n ${day} GROUP BY kind ORDER BY n DESC, key`);
    this.#topDomains = db.prepare(
      `SELECT domain AS key, COUNT(*) AS n ${bounced} AND domain <> '' GROUP BY domain ORDER BY n DESC, key LIMIT @limit`,
    );
    const failing = `FROM outbox o LEFT JOIN bounces b ON b.id = o.bounce_id WHERE o.state IN ('failed', 'problem')`;
    this.#failing = db.prepare(
      `SELECT o.id AS outboxId, o.bounce_id AS bounceId, o.state, o.attempts, o.last_error AS lastError,
              o.next_attempt_at AS nextAttemptAt, COALESCE(b.email_to, '') AS emailTo, COALESCE(b.date, '') AS bounceDate
       ${failing} ORDER BY o.state DESC, o.id LIMIT @limit`,
    );
    this.#failingCount = db.prepare(`SELECT COUNT(*) ${failing}`).pluck();
  }

  total(from: string, to: string): number {
    return this.#total.get({ from, to }) as number;
  }
  byStatus(from: string, to: string): Count[] {
    return this.#byStatus.all({ from, to }) as Count[];
  }
  byReason(from: string, to: string): Count[] {
    return this.#byReason.all({ from, to }) as Count[];
  }
  byBounceType(from: string, to: string): Count[] {
    return this.#byType.all({ from, to }) as Count[];
  }
  byKind(from: string, to: string): Count[] {
    return this.#byKind.all({ from, to }) as Count[];
  }
  topDomains(from: string, to: string, limit = 10): Count[] {
    return this.#topDomains.all({ from, to, limit }) as Count[];
  }
  /** Notices not delivered now (any day): still retrying ('failed') or given up ('problem'). */
  failingNotices(limit = 50): { rows: FailingNotice[]; total: number } {
    return { rows: this.#failing.all({ limit }) as FailingNotice[], total: this.#failingCount.get() as number };
  }
}
