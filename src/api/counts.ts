// Counts for the API by day, reason, type (from the per-day summary, migration 005) and by
// domain (from the date-covering index, migration 002: the summary keeps domains of hard
// and soft bounces only).

import type { Db } from '../store/db.ts';

export type CountDimension = 'day' | 'domain' | 'reason' | 'type';

const DAY_MS = 86_400_000;

export class CountQueries {
  #byDay;
  #byReason;
  #byType;
  #byDomain;
  constructor(db: Db) {
    this.#byDay = db.prepare(
      'SELECT day AS key, SUM(n) AS count FROM bounce_daily WHERE day >= @from AND day <= @to GROUP BY day HAVING count > 0 ORDER BY day LIMIT @limit',
    );
    this.#byReason = db.prepare(
      'SELECT reason AS key, SUM(n) AS count FROM bounce_daily WHERE day >= @from AND day <= @to GROUP BY reason HAVING count > 0 ORDER BY count DESC, key LIMIT @limit',
    );
    this.#byType = db.prepare(
      'SELECT bounce_type AS key, SUM(n) AS count FROM bounce_daily WHERE day >= @from AND day <= @to GROUP BY bounce_type HAVING count > 0 ORDER BY count DESC, key LIMIT @limit',
    );
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
      case 'domain': {
        const toEnd = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS).toISOString();
        return this.#byDomain.all({ fromStart: `${from}T00:00:00.000Z`, toEnd, limit }) as { key: string; count: number }[];
      }
    }
  }
}
