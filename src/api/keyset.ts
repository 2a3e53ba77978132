// Keyset paging over the bounce list: the next page starts after the last row's sort key
// instead of skipping OFFSET rows, so page 4,000 costs what page 1 costs. The order is the
// dashboard's (src/store/bounce-queries.ts ORDER_TAIL: the sort column, the columns of the
// index that serves it, then id), and the cursor carries the last row's values of exactly
// those columns; the condition is one SQLite row-value comparison, which walks that index.

import type { SqlRunner, SqlValue } from '../store/sql/driver.ts';
import { ORDER_TAIL, SORT_COLUMNS, whereFor, type BounceFilters, type BounceQueries, type SortColumn } from '../store/bounce-queries.ts';

export const API_LIST_COLUMNS = [
  'id',
  'date',
  'email_to',
  'domain',
  'status',
  'reason',
  'bounce_type',
  'kind',
  'status_code',
  'reply_code',
  'original_message_id',
  'original_subject',
  'tracking_id',
  'retries',
] as const;
export type ApiListRow = Record<(typeof API_LIST_COLUMNS)[number], string | number>;

export interface KeysetQuery {
  filters: BounceFilters;
  sort: SortColumn;
  dir: 'asc' | 'desc';
  limit: number;
  /** The previous page's cursor (decoded), or undefined for the first page. */
  after?: Cursor;
}

/** The columns a page is ordered by, ending with id. */
export function orderColumns(sort: SortColumn): string[] {
  const cols = [SORT_COLUMNS[sort], ...ORDER_TAIL[sort]];
  return cols.includes('id') ? cols : [...cols, 'id'];
}

export class CursorError extends Error {}

/** What a cursor carries: the last row's key, and the plan the first page chose (see KeysetPager.page). */
export interface Cursor {
  key: (string | number)[];
  sortFirst: boolean;
}

export function encodeCursor(sort: SortColumn, dir: string, c: Cursor): string {
  return Buffer.from(JSON.stringify({ s: sort, d: dir, k: c.key, p: c.sortFirst ? 1 : 0 })).toString('base64url');
}

/** The key a cursor holds; throws CursorError when it is malformed or made for another order. */
export function decodeCursor(cursor: string, sort: SortColumn, dir: string): Cursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError('is not a cursor this API returned');
  }
  const c = v as { s?: unknown; d?: unknown; k?: unknown; p?: unknown };
  if (!c || typeof c !== 'object' || !Array.isArray(c.k)) throw new CursorError('is not a cursor this API returned');
  if (c.s !== sort || c.d !== dir)
    throw new CursorError(`was made for sort=${String(c.s)}&dir=${String(c.d)}; keep the sort and dir of the first page`);
  const n = orderColumns(sort).length;
  if (c.k.length !== n || !c.k.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))) {
    throw new CursorError('is not a cursor this API returned');
  }
  return { key: c.k as (string | number)[], sortFirst: c.p === 1 };
}

export class KeysetPager {
  #sql: SqlRunner;
  #queries: BounceQueries;
  constructor(sql: SqlRunner, queries: BounceQueries) {
    this.#sql = sql;
    this.#queries = queries;
  }

  /** One page and the cursor of the next one (undefined on the last page). */
  async page(q: KeysetQuery): Promise<{ rows: ApiListRow[]; next?: string }> {
    const cols = orderColumns(q.sort);
    const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
    // The same choice as the dashboard's list (BounceQueries.#list): with a filter that
    // matches many rows, walk the sort index and test the filters on each row (the other
    // columns written +col so SQLite does not pick their index); with a selective filter,
    // read its matches through its own index and sort them. The count that decides is
    // taken for the first page only; the cursor carries the choice to the next ones.
    let sortFirst = q.after?.sortFirst ?? false;
    if (!q.after && Object.keys(q.filters).length > 0 && !q.filters.search) {
      const m = await this.#queries.count(q.filters);
      sortFirst = m.count * m.count > q.limit * (await this.#queries.countAll());
    }
    // Only the sort column's own index: a date range kept on the date index would make
    // SQLite read the whole range and sort it for every page.
    // (The +col hint is SQLite's; PostgreSQL plans from its statistics.)
    const w = whereFor(q.filters, sortFirst && this.#sql.dialect === 'sqlite' ? [cols[0]!] : undefined);
    const params: Record<string, SqlValue> = { ...w.params, limit: q.limit + 1 };
    const conds = w.sql ? [w.sql.slice('WHERE '.length)] : [];
    if (q.after) {
      conds.push(`(${cols.join(', ')}) ${dir === 'DESC' ? '<' : '>'} (${cols.map((_, i) => `@k${i}`).join(', ')})`);
      q.after.key.forEach((v, i) => (params[`k${i}`] = v));
    }
    const sql = `SELECT ${API_LIST_COLUMNS.join(', ')} FROM bounces ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
       ORDER BY ${cols.map((c) => `${c} ${dir}`).join(', ')} LIMIT @limit`;
    const rows = await this.#sql.all<ApiListRow>(sql, params);
    if (rows.length <= q.limit) return { rows };
    rows.length = q.limit;
    const last = rows[rows.length - 1]!;
    return { rows, next: encodeCursor(q.sort, q.dir, { key: cols.map((c) => last[c as keyof ApiListRow]), sortFirst }) };
  }
}
