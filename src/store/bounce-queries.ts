// The dashboard's SQL over the bounces table: the filtered list, counts, statistics and the
// export. One module owns it so the indexes (001-initial.sql, 002-dashboard-indexes.sql)
// and the queries that need them can be read side by side. Every query is built from a
// fixed set of fragments (the filter keys and a whitelisted sort column), so the SQL text
// comes from a small finite set and each variant is prepared once and cached.

import type { Statement } from 'better-sqlite3';
import type { Db } from './db.ts';

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

export interface ListQuery {
  filters: BounceFilters;
  sort: SortColumn;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ListRow {
  id: number;
  date: string;
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
  'id', 'date', 'email_to', 'email_cc', 'status', 'reason', 'domain', 'retries',
  'bounce_type', 'status_code', 'reply_code', 'diagnostic', 'original_message_id', 'original_subject', 'tracking_id',
] as const;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number>;

export interface CountResult {
  count: number;
  /** True when counting stopped at the cap: there are at least `count` rows. */
  capped: boolean;
}

/** Filtered counts stop here: counting a million matching rows costs more than the number is worth. */
export const COUNT_CAP = 100_000;

const DAY_MS = 86_400_000;

function dayStart(day: string): string {
  return `${day}T00:00:00.000Z`;
}

function nextDayStart(day: string): string {
  return new Date(Date.parse(dayStart(day)) + DAY_MS).toISOString();
}

/** The WHERE clause and its parameters for a filter set; the text depends only on which keys are set. */
export function whereFor(f: BounceFilters): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (f.from) {
    parts.push('date >= @from');
    params.from = dayStart(f.from);
  }
  if (f.to) {
    parts.push('date < @to');
    params.to = nextDayStart(f.to);
  }
  if (f.domain) {
    parts.push('domain = @domain');
    params.domain = f.domain;
  }
  if (f.status) {
    parts.push('status = @status');
    params.status = f.status;
  }
  if (f.reason) {
    parts.push('reason = @reason');
    params.reason = f.reason;
  }
  if (f.type) {
    parts.push('bounce_type = @type');
    params.type = f.type;
  }
  if (f.search) {
    // Ranges instead of LIKE: they use the email_to and domain indexes whatever the
    // collation, and the stored values are lower-case already.
    parts.push('((email_to >= @search AND email_to < @searchEnd) OR (domain >= @search AND domain < @searchEnd))');
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
  #db: Db;
  #cache = new Map<string, Statement<unknown[]>>();
  constructor(db: Db) {
    this.#db = db;
  }

  #stmt(sql: string): Statement<unknown[]> {
    let s = this.#cache.get(sql);
    if (!s) {
      s = this.#db.prepare<unknown[]>(sql);
      this.#cache.set(sql, s);
    }
    return s;
  }

  /** One page of the list. OFFSET paging walks the sort index; the order always ends with id for a stable order. */
  list(q: ListQuery): ListRow[] {
    const col = SORT_COLUMNS[q.sort];
    const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
    const w = whereFor(q.filters);
    const sql =
      `SELECT id, date, email_to, domain, status, reason, bounce_type, kind, status_code, retries, original_subject
       FROM bounces ${w.sql} ORDER BY ${col} ${dir}${col === 'id' ? '' : `, id ${dir}`} LIMIT @limit OFFSET @offset`;
    return this.#stmt(sql).all({ ...w.params, limit: q.limit, offset: q.offset }) as ListRow[];
  }

  /** All rows (no filter): an exact COUNT over the narrowest index. */
  countAll(): number {
    return this.#stmt('SELECT COUNT(*) FROM bounces').pluck().get() as number;
  }

  /** Rows matching the filters, counted up to `cap`. */
  count(filters: BounceFilters, cap = COUNT_CAP): CountResult {
    const w = whereFor(filters);
    if (!w.sql) {
      const n = this.countAll();
      return { count: n, capped: false };
    }
    const n = this.#stmt(`SELECT COUNT(*) FROM (SELECT 1 FROM bounces ${w.sql} LIMIT @cap)`).pluck().get({ ...w.params, cap }) as number;
    return { count: n, capped: n >= cap };
  }

  /** Counts since an instant, by status and by hard/soft (covered by bounces_date_cover). */
  countsSince(since: Date): Counts {
    const rows = this.#stmt(
      'SELECT status, bounce_type, COUNT(*) AS n FROM bounces WHERE date >= ? GROUP BY status, bounce_type',
    ).all(since.toISOString()) as { status: string; bounce_type: string; n: number }[];
    const out: Counts = { total: 0, byStatus: {}, byType: {} };
    for (const r of rows) {
      out.total += r.n;
      out.byStatus[r.status] = (out.byStatus[r.status] ?? 0) + r.n;
      out.byType[r.bounce_type] = (out.byType[r.bounce_type] ?? 0) + r.n;
    }
    return out;
  }

  /** The domains with the most hard or soft bounces since an instant. */
  topDomains(since: Date, limit = 5): { domain: string; count: number }[] {
    return this.#stmt(
      `SELECT domain, COUNT(*) AS count FROM bounces WHERE date >= ? AND bounce_type IN ('hard', 'soft')
       GROUP BY domain ORDER BY count DESC, domain LIMIT ?`,
    ).all(since.toISOString(), limit) as { domain: string; count: number }[];
  }

  /** Rows per UTC day and hard/soft/none since an instant. */
  perDay(since: Date): { day: string; bounce_type: string; count: number }[] {
    return this.#stmt(
      `SELECT substr(date, 1, 10) AS day, bounce_type, COUNT(*) AS count FROM bounces WHERE date >= ?
       GROUP BY day, bounce_type ORDER BY day`,
    ).all(since.toISOString()) as { day: string; bounce_type: string; count: number }[];
  }

  /** All rows by kind and hard/soft, for /metrics (covered by bounces_kind_type). */
  byKindAndType(): { kind: string; bounce_type: string; count: number }[] {
    return this.#stmt('SELECT kind, bounce_type, COUNT(*) AS count FROM bounces GROUP BY kind, bounce_type').all() as {
      kind: string; bounce_type: string; count: number;
    }[];
  }

  /** Which of these ids exist (the list's retry of selected rows). */
  existingIds(ids: number[]): number[] {
    const stmt = this.#stmt('SELECT id FROM bounces WHERE id = ?').pluck();
    return ids.filter((id) => stmt.get(id) !== undefined);
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
