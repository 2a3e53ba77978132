// Counts for the API by day, reason, type (from the per-day summary, migration 005) and by
// domain (from the date-covering index, migration 002: the summary keeps domains of hard
// and soft bounces only).

import { dayStart, nextDayStart } from '../core/utc-day.ts';
import type { Db } from '../store/db.ts';

export type CountDimension = 'day' | 'domain' | 'reason' | 'type';

export class CountQueries {
  #byDay;
  #byReason;
  #byType;
  #byDomain;
  constructor(db: Db) {
    // The summary counts by one of its columns; days in date order, the others most first.
    const bySummary = (column: string, order: string) =>
      db.prepare(
        `SELECT ${column} AS key, SUM(n) AS count FROM bounce_daily WHERE day >= @from AND day <= @to GROUP BY ${column} HAVING count > 0 ORDER BY ${order} LIMIT @limit`,
      );
    this.#byDay = bySummary('day', 'day');
    this.#byReason = bySummary('reason', 'count DESC, key');
    this.#byType = bySummary('bounce_type', 'count DESC, key');
    this.#byDomain = db.prepare(
      'SELECT domain AS key, COUNT(*) AS count FROM bounces WHERE date >= @fromStart AND date < @toEnd GROUP BY domain ORDER BY count DESC, key LIMIT @limit',
    );
  }

  /** Counts of bounce rows per value of `by`, days from..to (UTC, inclusive). */
  counts(by: CountDimension, from: string, to: string, limit: number): { key: string; count: number }[] {
    const p = { from, to, limit };
    switch (by) {
      case 'day':
        return this.#byDay.all(p) as { key: string; count: number }[];
      case 'reason':
        return this.#byReason.all(p) as { key: string; count: number }[];
      case 'type':
        return this.#byType.all(p) as { key: string; count: number }[];
      case 'domain':
        return this.#byDomain.all({ fromStart: dayStart(from), toEnd: nextDayStart(to), limit }) as { key: string; count: number }[];
    }
  }
}
