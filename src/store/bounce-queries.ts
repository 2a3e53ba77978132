// The dashboard's SQL over the bounces table: the filtered list, counts, statistics and the
// export. One module owns it so the indexes (migrations 001, 002, 004), the per-day summary
// tables (005) and the queries that need them can be read side by side. Every query is
// built from a fixed set of fragments (the filter keys and a whitelisted sort column), so
// the SQL text comes from a small finite set and each variant is compiled once (the driver's
// statement cache).

import { DAY_MS, dayStart, nextDayStart, utcMidnight } from '../core/utc-day.ts';
import type { Db } from './db.ts';
import type { SqlRunner } from './sql/driver.ts';

/** Filters of the list, the export and the overview links. Already validated (src/web/filters.ts). */
export interface BounceFilters {
  /** First day, YYYY-MM-DD (UTC), inclusive. */
  from?: string;
  /** Last day, YYYY-MM-DD (UTC), inclusive. */
  to?: string;
  domain?: string;
  status?: string;
  reason?: string;
  /** hard, soft or none. */
  type?: string;
  /** Prefix of the bounced address or of its domain (both indexed). */
  search?: string;
}

/** Columns the list may be sorted by: name as the client sends it -> SQL column. */
export const SORT_COLUMNS = {
  id: 'id',
  date: 'date',
  email_to: 'email_to',
  domain: 'domain',
  status: 'status',
  reason: 'reason',
  bounce_type: 'bounce_type',
  status_code: 'status_code',
} as const;
export type SortColumn = keyof typeof SORT_COLUMNS;

/**
 * The columns after the sort column, matching the index that serves each sort
 * (migrations 001/004): (domain, date), (status, date), (reason, date), (bounce_type, date,
 * domain), (status_code, date), (date); email_to's index is (email_to) alone, so its rows
 * come in id order. Ordering by `col, id` instead made SQLite sort each whole group of
 * equal values by id (0.1-0.6 s at a million rows).
 */
export const ORDER_TAIL: Record<SortColumn, readonly string[]> = {
  id: [],
  date: ['id'],
  email_to: ['id'],
  domain: ['date', 'id'],
  status: ['date', 'id'],
  reason: ['date', 'id'],
  bounce_type: ['date', 'domain', 'id'],
  status_code: ['date', 'id'],
};

/** Sort columns the per-day summary (bounce_daily) holds: see BounceQueries.#listByGroups. */
const GROUP_COLUMNS: Partial<Record<SortColumn, true>> = { status: true, reason: true, bounce_type: true, status_code: true };

export interface ListQuery {
  filters: BounceFilters;
  sort: SortColumn;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ListRow {
  id: number;
  /** When rebound received it. */
  date: string;
  /** When it bounced, by its own Date header; '' for rows recorded before migration 012. */
  bounced_at: string;
  email_to: string;
  domain: string;
  status: string;
  reason: string;
  bounce_type: string;
  kind: string;
  status_code: string;
  retries: number;
  original_subject: string;
}

/** The export's columns, in order: the seed's first, then the ones rebound added. */
export const EXPORT_COLUMNS = [
  'id',
  'date',
  'email_to',
  'email_cc',
  'status',
  'reason',
  'domain',
  'retries',
  'bounce_type',
  'status_code',
  'reply_code',
  'diagnostic',
  'original_message_id',
  'original_subject',
  'tracking_id',
] as const;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number>;

export interface CountResult {
  count: number;
  /** True when counting stopped at the cap: there are at least `count` rows. */
  capped: boolean;
}

/** Filtered counts stop here: counting a million matching rows costs more than the number is worth. */
const COUNT_CAP = 100_000;

/**
 * The summary (bounce_daily*, migration 005) holds whole UTC days. An instant that is not a
 * midnight (the overview's periods always are) is split: its own day counted from the rows
 * from `since` to the next midnight, the following days from the summary.
 */
function sinceParams(since: Date): { since: string; fullDay: string; fullDayStart: string } {
  const midnight = utcMidnight(since).getTime();
  const full = midnight === since.getTime() ? midnight : midnight + DAY_MS;
  const fullDayStart = new Date(full).toISOString();
  return { since: since.toISOString(), fullDay: fullDayStart.slice(0, 10), fullDayStart };
}

/** SQL conditions (joined by AND) with their named parameters; one whose value is unset is left out. */
class Conditions {
  readonly parts: string[] = [];
  readonly params: Record<string, string> = {};
  add(sql: string, key: string, value: string | undefined): void {
    if (!value) return;
    this.parts.push(sql);
    this.params[key] = value;
  }
}

/**
 * The WHERE clause and its parameters for a filter set; the text depends only on which keys
 * are set (and on `indexed`). With `indexed` given, every filtered column not in it is
 * written `+col`: the unary plus keeps SQLite from using that column's index, so the only
 * index left is the sort column's, walked in order (see BounceQueries.#list).
 */
export function whereFor(f: BounceFilters, indexed?: readonly string[]): { sql: string; params: Record<string, string> } {
  const where = new Conditions();
  const { parts, params } = where;
  const c = (col: string) => (indexed === undefined || indexed.includes(col) ? col : `+${col}`);
  where.add(`${c('date')} >= @from`, 'from', f.from && dayStart(f.from));
  where.add(`${c('date')} < @to`, 'to', f.to && nextDayStart(f.to));
  where.add(`${c('domain')} = @domain`, 'domain', f.domain);
  where.add(`${c('status')} = @status`, 'status', f.status);
  where.add(`${c('reason')} = @reason`, 'reason', f.reason);
  where.add(`${c('bounce_type')} = @type`, 'type', f.type);
  if (f.search) {
    // Ranges instead of LIKE: they use the email_to and domain indexes whatever the
    // collation, and the stored values are lower-case already.
    parts.push(
      `((${c('email_to')} >= @search AND ${c('email_to')} < @searchEnd) OR (${c('domain')} >= @search AND ${c('domain')} < @searchEnd))`,
    );
    params.search = f.search.toLowerCase();
    params.searchEnd = `${params.search}\u{10FFFF}`;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export interface Counts {
  total: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
}

export class BounceQueries {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /**
   * The column kept off its index: SQLite's unary plus (see whereFor). PostgreSQL plans from
   * its statistics and has no `+` for text: the column as it is.
   */
  #offIndex(col: string): string {
    return this.#sql.dialect === 'sqlite' ? `+${col}` : col;
  }

  /** whereFor(), with the index hints only where the engine takes them (SQLite). */
  #where(f: BounceFilters, indexed?: readonly string[]) {
    return whereFor(f, this.#sql.dialect === 'sqlite' ? indexed : undefined);
  }

  /** One page of the list and the filtered count (what /api/bounces answers). */
  async page(q: ListQuery): Promise<{ rows: ListRow[]; filtered: CountResult }> {
    const filtered = await this.count(q.filters);
    return { rows: await this.#list(q, filtered), filtered };
  }

  /** One page of the list. */
  async list(q: ListQuery): Promise<ListRow[]> {
    return this.#list(q, Object.keys(q.filters).length ? await this.count(q.filters) : undefined);
  }

  /**
   * OFFSET paging over one of two plans, chosen with the filtered count M (already known:
   * the page shows it) and the total N:
   * - filter first: SQLite reads the rows matching the most selective filter through its
   *   index and sorts them: cost ~M (0.2-0.9 s for a common value at a million rows);
   * - sort first: walk the sort column's index in order and test the filters on each row
   *   until the page is full: cost ~(offset + limit) * N / M when the filter is spread
   *   evenly over the sort order.
   * Sort first wins when M * M > (offset + limit) * N. SQLite alone (no ANALYZE statistics)
   * assumes every equality filter is selective and always filters first.
   * The order ends with the columns of the index that serves it (ORDER_TAIL), then id.
   */
  async #list(q: ListQuery, filtered: CountResult | undefined): Promise<ListRow[]> {
    const col = SORT_COLUMNS[q.sort];
    const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
    const order = [col, ...ORDER_TAIL[q.sort]].map((c) => `${c} ${dir}`).join(', ');
    let sortFirst = false;
    // A prefix search is an OR of two ranges: with either side kept off its index, SQLite
    // tests the OR on every row of the sort index (1.9 s measured). It stays filter first.
    if (filtered && !q.filters.search) {
      const m = filtered.capped ? Math.max(filtered.count, COUNT_CAP) : filtered.count;
      sortFirst = m * m > (q.offset + q.limit) * (await this.countAll());
    }
    if (sortFirst && q.sort in GROUP_COLUMNS) return this.#listByGroups(q);
    const w = this.#where(q.filters, sortFirst ? [col] : undefined);
    let where = w.sql;
    if (sortFirst && q.sort === 'id') {
      // Ids grow with arrival, and so does date: a date range sits at one end of the id
      // order, so walking ids from the other end would read most of the table first. The
      // walk starts at the range's own smallest (asc, with a start day) or largest (desc,
      // with an end day) id, read off the date index (MIN(+id): the plus keeps SQLite from
      // looking for the minimum by walking the rowids, which is that same long walk).
      const d = whereFor({ from: q.filters.from, to: q.filters.to });
      const id = this.#offIndex('id');
      if (dir === 'ASC' && q.filters.from) where += ` AND id >= (SELECT MIN(${id}) FROM bounces ${d.sql})`;
      if (dir === 'DESC' && q.filters.to) where += ` AND id <= (SELECT MAX(${id}) FROM bounces ${d.sql})`;
    }
    const sql = `SELECT id, date, bounced_at, email_to, domain, status, reason, bounce_type, kind, status_code, retries, original_subject
       FROM bounces ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
    return this.#sql.all<ListRow>(sql, { ...w.params, limit: q.limit, offset: q.offset });
  }

  /**
   * The list sorted by a column the summary holds (status, reason, hard/soft, status code),
   * filtered by what the summary holds (days, status, reason, hard/soft). These pairs are
   * correlated (the reason decides hard/soft and mostly the status code), so neither plan of
   * #list works: walking the sort index reads whole groups with no matching row before
   * the first match (0.4-1.1 s measured), filtering first sorts 100,000s of rows. The
   * summary tells how many matching rows each value of the sort column has, exactly, so
   * only the groups that hold the page are read, each through (col, date) in order or, when
   * its matches are sparse, through the filters' index. The summary has no domains: with a
   * domain filter its counts are upper bounds, still enough to pass over the values with no
   * match at all; a group's exact count is then read only when the page starts past it.
   */
  async #listByGroups(q: ListQuery): Promise<ListRow[]> {
    const col = SORT_COLUMNS[q.sort];
    const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
    const f = q.filters;
    const where = new Conditions();
    const { parts: conds, params } = where;
    where.add('day >= @from', 'from', f.from);
    where.add('day <= @to', 'to', f.to);
    where.add('status = @status', 'status', f.status);
    where.add('reason = @reason', 'reason', f.reason);
    where.add('bounce_type = @type', 'type', f.type);
    const matching = `SUM(CASE WHEN ${conds.length ? conds.join(' AND ') : '1 = 1'} THEN n ELSE 0 END)`;
    const groups = await this.#sql.all<{ v: string; m: number; total: number }>(
      `SELECT ${col} AS v, ${matching} AS m, SUM(n) AS total
       FROM bounce_daily GROUP BY ${col} HAVING ${matching} > 0 ORDER BY v ${dir}`,
      params,
    );
    const tail = ORDER_TAIL[q.sort].map((c) => `${c} ${dir}`).join(', ');
    const rows: ListRow[] = [];
    let skip = q.offset;
    for (const g of groups) {
      if (rows.length >= q.limit) break;
      if (!f.domain && skip >= g.m) {
        skip -= g.m;
        continue;
      }
      const take = q.limit - rows.length;
      // The same choice as #list, within the group: walk (col, date) when matches are dense.
      const walk = !f.domain && g.m * g.m > (skip + take) * g.total;
      const w = this.#where(f, walk ? [col, 'date'] : undefined);
      const where = `${w.sql ? `${w.sql} AND` : 'WHERE'} ${walk ? col : this.#offIndex(col)} = @v`;
      if (f.domain && skip > 0) {
        const n =
          (
            await this.#sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM bounces ${where} LIMIT @skip) AS head`, {
              ...w.params,
              v: g.v,
              skip,
            })
          )?.n ?? 0;
        if (n < skip) {
          skip -= n;
          continue;
        }
      }
      const sql = `SELECT id, date, bounced_at, email_to, domain, status, reason, bounce_type, kind, status_code, retries, original_subject
         FROM bounces ${where} ORDER BY ${tail} LIMIT @take OFFSET @skip`;
      rows.push(...(await this.#sql.all<ListRow>(sql, { ...w.params, v: g.v, take, skip })));
      skip = 0;
    }
    return rows;
  }

  /** All rows (no filter), from the per-day summary (migration 005). */
  async countAll(): Promise<number> {
    return (await this.#sql.get<{ n: number }>('SELECT COALESCE(SUM(n), 0) AS n FROM bounce_daily'))?.n ?? 0;
  }

  /** Rows matching the filters, counted up to `cap`. */
  async count(filters: BounceFilters, cap = COUNT_CAP): Promise<CountResult> {
    const w = whereFor(filters);
    if (!w.sql) {
      const n = await this.countAll();
      return { count: n, capped: false };
    }
    const n =
      (
        await this.#sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM bounces ${w.sql} LIMIT @cap) AS head`, {
          ...w.params,
          cap,
        })
      )?.n ?? 0;
    return { count: n, capped: n >= cap };
  }

  /** Counts since an instant, by status and by hard/soft. */
  async countsSince(since: Date): Promise<Counts> {
    const rows = await this.#sql.all<{ status: string; bounce_type: string; n: number }>(
      `SELECT status, bounce_type, SUM(n) AS n FROM (
         SELECT status, bounce_type, n FROM bounce_daily WHERE day >= @fullDay
         UNION ALL
         SELECT status, bounce_type, 1 FROM bounces WHERE date >= @since AND date < @fullDayStart
       ) AS recent GROUP BY status, bounce_type`,
      sinceParams(since),
    );
    const out: Counts = { total: 0, byStatus: {}, byType: {} };
    for (const r of rows) {
      if (r.n <= 0) continue;
      out.total += r.n;
      out.byStatus[r.status] = (out.byStatus[r.status] ?? 0) + r.n;
      out.byType[r.bounce_type] = (out.byType[r.bounce_type] ?? 0) + r.n;
    }
    return out;
  }

  /** The domains with the most hard or soft bounces since an instant. */
  topDomains(since: Date, limit = 5): Promise<{ domain: string; count: number }[]> {
    return this.#sql.all<{ domain: string; count: number }>(
      `SELECT domain, SUM(n) AS count FROM (
         SELECT domain, n FROM bounce_daily_domain WHERE day >= @fullDay
         UNION ALL
         SELECT domain, 1 FROM bounces WHERE date >= @since AND date < @fullDayStart AND bounce_type IN ('hard', 'soft')
       ) AS recent GROUP BY domain HAVING SUM(n) > 0 ORDER BY count DESC, domain LIMIT @limit`,
      { ...sinceParams(since), limit },
    );
  }

  /** Rows per UTC day and hard/soft/none since an instant. */
  perDay(since: Date): Promise<{ day: string; bounce_type: string; count: number }[]> {
    return this.#sql.all<{ day: string; bounce_type: string; count: number }>(
      `SELECT day, bounce_type, SUM(n) AS count FROM (
         SELECT day, bounce_type, n FROM bounce_daily WHERE day >= @fullDay
         UNION ALL
         SELECT substr(date, 1, 10), bounce_type, 1 FROM bounces WHERE date >= @since AND date < @fullDayStart
       ) AS recent GROUP BY day, bounce_type HAVING SUM(n) > 0 ORDER BY day, bounce_type`,
      sinceParams(since),
    );
  }

  /** All rows by kind and hard/soft, for /metrics. */
  byKindAndType(): Promise<{ kind: string; bounce_type: string; count: number }[]> {
    return this.#sql.all<{ kind: string; bounce_type: string; count: number }>(
      'SELECT kind, bounce_type, SUM(n) AS count FROM bounce_daily GROUP BY kind, bounce_type HAVING SUM(n) > 0 ORDER BY kind, bounce_type',
    );
  }

  /** Which of these ids exist (the list's retry of selected rows). */
  async existingIds(ids: number[]): Promise<number[]> {
    const out: number[] = [];
    for (const id of ids) if ((await this.#sql.get('SELECT id FROM bounces WHERE id = ?', [id])) !== undefined) out.push(id);
    return out;
  }
}

/**
 * Every row the filters select, newest first, as an iterator. Call it on a connection of
 * its own (see src/web/export.ts): while a better-sqlite3 iterator is open its connection
 * can run nothing else, and intake must not wait for a slow download.
 */
export function iterateExport(db: Db, filters: BounceFilters): IterableIterator<ExportRow> {
  const w = whereFor(filters);
  const sql = `SELECT ${EXPORT_COLUMNS.join(', ')} FROM bounces ${w.sql} ORDER BY date DESC, id DESC`;
  return db.prepare(sql).iterate(w.params) as IterableIterator<ExportRow>;
}

/** Rows per page of an export read through the async driver (PostgreSQL). */
export const EXPORT_PAGE_ROWS = 1000;

/**
 * The export's rows through any driver, newest first, one keyset page at a time (date, id):
 * memory is one page whatever the selection, and no cursor or transaction stays open on the
 * shared database for as long as a slow download runs. Each page is its own snapshot: a
 * bounce recorded during the download is newer than the rows still to come, so it is not in
 * the file, and no row is read twice or skipped.
 */
export async function* pagedExport(sql: SqlRunner, filters: BounceFilters, pageRows = EXPORT_PAGE_ROWS): AsyncGenerator<ExportRow> {
  const w = whereFor(filters);
  const columns = EXPORT_COLUMNS.join(', ');
  const first = `SELECT ${columns} FROM bounces ${w.sql} ORDER BY date DESC, id DESC LIMIT ${pageRows}`;
  const next = `SELECT ${columns} FROM bounces ${w.sql ? `${w.sql} AND` : 'WHERE'} (date < @afterDate OR (date = @afterDate AND id < @afterId))
    ORDER BY date DESC, id DESC LIMIT ${pageRows}`;
  let page = await sql.all<ExportRow>(first, w.params);
  for (;;) {
    yield* page;
    if (page.length < pageRows) return;
    const last = page[page.length - 1]!;
    page = await sql.all<ExportRow>(next, { ...w.params, afterDate: String(last.date), afterId: Number(last.id) });
  }
}
