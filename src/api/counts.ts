// Counts for the API by day, reason, type (from the per-day summary, migration 005) and by
// domain (from the date-covering index, migration 002: the summary keeps domains of hard
// and soft bounces only).

import { dayStart, nextDayStart } from '../core/utc-day.ts';
import type { SqlRunner } from '../store/sql/driver.ts';

export type CountDimension = 'day' | 'domain' | 'reason' | 'type';

// The summary counts by one of its columns; days in date order, the others most first.
const bySummary = (column: string, order: string) =>
  `SELECT ${column} AS key, SUM(n) AS count FROM bounce_daily WHERE day >= @from AND day <= @to GROUP BY ${column} HAVING SUM(n) > 0 ORDER BY ${order} LIMIT @limit`;
const BY_DAY = bySummary('day', 'day');
const BY_REASON = bySummary('reason', 'count DESC, key');
const BY_TYPE = bySummary('bounce_type', 'count DESC, key');
const BY_DOMAIN =
  'SELECT domain AS key, COUNT(*) AS count FROM bounces WHERE date >= @fromStart AND date < @toEnd GROUP BY domain ORDER BY count DESC, key LIMIT @limit';

export class CountQueries {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /** Counts of bounce rows per value of `by`, days from..to (UTC, inclusive). */
  counts(by: CountDimension, from: string, to: string, limit: number): Promise<{ key: string; count: number }[]> {
    const p = { from, to, limit };
    switch (by) {
      case 'day':
        return this.#sql.all(BY_DAY, p);
      case 'reason':
        return this.#sql.all(BY_REASON, p);
      case 'type':
        return this.#sql.all(BY_TYPE, p);
      case 'domain':
        return this.#sql.all(BY_DOMAIN, { fromStart: dayStart(from), toEnd: nextDayStart(to), limit });
    }
  }
}
