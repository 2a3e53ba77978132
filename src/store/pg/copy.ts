// `rebound copy`: every row of a SQLite store into a PostgreSQL one, without losing any.
// The target is migrated first; the source must be at this rebound's schema version (the
// twins then hold the same columns: tests/store/pg/schema-parity.test.ts). Tables go in
// foreign-key order, read in key order from one SQLite read transaction (a consistent
// snapshot even if rebound still runs) and written in batches, each batch its own
// transaction, bounded by rows and bytes (messages hold whole mails). An interrupted copy
// continues with `resume`: rows already there by primary key are skipped. Afterwards the
// identity sequences continue past the copied ids, and every table's rows are counted on
// both sides.

import type pg from 'pg';
import type { Db } from '../db.ts';
import { listMigrations } from '../db.ts';
import { migratePostgres } from './migrate.ts';

/**
 * Tables the target's triggers fill as the bounces arrive (005-bounce-daily-summary):
 * copying them too would count every bounce twice. They are checked instead (rows and the
 * sum of n).
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['bounce_daily', 'bounce_daily_domain']);

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 65_535;
/** Rows per INSERT (fewer for tables with many columns) and bytes per batch. */
export const DEFAULT_BATCH_ROWS = 500;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

export class CopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyError';
  }
}

export interface CopyOptions {
  /** Continue an interrupted copy: skip rows already in the target by primary key. */
  resume?: boolean;
  batchRows?: number;
  /** One line per table as it finishes. */
  progress?: (line: string) => void;
}

export interface TableCopy {
  table: string;
  /** Rows in the source (in the snapshot copied). */
  source: number;
  /** Rows in the target afterwards. */
  target: number;
  /** Rows inserted now; skipped: already there (resume). */
  copied: number;
  skipped: number;
  /** Text values whose NUL characters (which PostgreSQL text cannot hold) became U+FFFD. */
  nulReplaced: number;
  /** Filled by the target's triggers, not copied (DERIVED_TABLES). */
  derived: boolean;
  ok: boolean;
  note: string;
}

export interface CopyReport {
  tables: TableCopy[];
  ok: boolean;
  rowsCopied: number;
  ms: number;
}

interface SourceTable {
  name: string;
  columns: string[];
  /** Primary key columns; empty for a table without one (its rows are keyed by rowid). */
  key: string[];
  references: string[];
}

export async function copySqliteToPostgres(source: Db, target: pg.ClientBase, opts: CopyOptions = {}): Promise<CopyReport> {
  const started = Date.now();
  checkSourceVersion(source);
  await migratePostgres(target);
  const tables = sourceTables(source);
  await checkTargetColumns(target, tables);
  const ordered = dependencyOrder(tables.filter((t) => !DERIVED_TABLES.has(t.name)));
  if (!opts.resume) await checkTargetEmpty(target, tables);

  const results: TableCopy[] = [];
  // One read transaction: every table from the same moment, even while rebound writes.
  source.exec('BEGIN');
  try {
    for (const table of ordered) {
      const result = await copyTable(source, target, table, opts);
      results.push(result);
      opts.progress?.(describe(result));
    }
    await resetIdentities(target, ordered);
    for (const table of tables.filter((t) => DERIVED_TABLES.has(t.name))) {
      const result = await checkDerived(source, target, table.name);
      results.push(result);
      opts.progress?.(describe(result));
    }
  } finally {
    source.exec('COMMIT');
  }
  return {
    tables: results,
    ok: results.every((r) => r.ok),
    rowsCopied: results.reduce((n, r) => n + r.copied, 0),
    ms: Date.now() - started,
  };
}

export function describe(r: TableCopy): string {
  const what = r.derived ? 'kept by triggers' : `${r.copied} copied${r.skipped ? `, ${r.skipped} already there` : ''}`;
  const nul = r.nulReplaced ? `, ${r.nulReplaced} values had NUL characters (now U+FFFD)` : '';
  return `${r.table}: ${r.source} rows in SQLite, ${r.target} in PostgreSQL (${what}${nul}) ${r.ok ? 'ok' : `MISMATCH${r.note ? `: ${r.note}` : ''}`}`;
}

function checkSourceVersion(source: Db): void {
  const version = source.pragma('user_version', { simple: true }) as number;
  const latest = listMigrations().at(-1)?.version ?? 0;
  if (version < latest) {
    throw new CopyError(
      `the SQLite database is at schema version ${version}, this rebound's is ${latest}: run \`rebound migrate\` on it (DATA_DIR) first`,
    );
  }
  if (version > latest) {
    throw new CopyError(
      `the SQLite database is at schema version ${version}, newer than this rebound's (${latest}): copy with that rebound`,
    );
  }
}

function sourceTables(source: Db): SourceTable[] {
  const names = source
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return names.map((name) => {
    const info = source.prepare('SELECT name, pk FROM pragma_table_info(?)').all(name) as { name: string; pk: number }[];
    const fks = source.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(name) as string[];
    return {
      name,
      columns: info.map((c) => c.name),
      key: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      references: [...new Set(fks)].filter((t) => t !== name),
    };
  });
}

/** Referenced tables before the tables that reference them (self-references: ids ascend). */
export function dependencyOrder<T extends { name: string; references: string[] }>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (t: T, path: string[]) => {
    if (done.has(t.name)) return;
    if (path.includes(t.name)) throw new CopyError(`foreign keys form a cycle: ${[...path, t.name].join(' -> ')}`);
    for (const r of t.references) {
      const ref = byName.get(r);
      if (ref) visit(ref, [...path, t.name]);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, []);
  return out;
}

async function checkTargetColumns(target: pg.ClientBase, tables: SourceTable[]): Promise<void> {
  const r = await target.query<{ table_name: string; column_name: string }>(
    'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()',
  );
  const have = new Set(r.rows.map((c) => `${c.table_name}.${c.column_name}`));
  const missing = tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c}`)).filter((c) => !have.has(c));
  if (missing.length > 0) {
    throw new CopyError(`the PostgreSQL schema lacks ${missing.join(', ')}: its migrations are not in step with SQLite's`);
  }
}

async function checkTargetEmpty(target: pg.ClientBase, tables: SourceTable[]): Promise<void> {
  for (const t of tables) {
    const r = await target.query(`SELECT EXISTS (SELECT 1 FROM ${ident(t.name)}) AS any`);
    if (r.rows[0]?.any) {
      throw new CopyError(
        `the PostgreSQL database is not empty (table ${t.name} holds rows): copy into an empty database, or pass --resume to continue an interrupted copy`,
      );
    }
  }
}

async function copyTable(source: Db, target: pg.ClientBase, table: SourceTable, opts: CopyOptions): Promise<TableCopy> {
  const count = source
    .prepare(`SELECT count(*) FROM ${ident(table.name)}`)
    .pluck()
    .get() as number;
  const result: TableCopy = {
    table: table.name,
    source: count,
    target: 0,
    copied: 0,
    skipped: 0,
    nulReplaced: 0,
    derived: false,
    ok: false,
    note: '',
  };
  const keyed = table.key.length > 0;
  const cols = table.columns;
  const rowsPerInsert = Math.max(1, Math.min(opts.batchRows ?? DEFAULT_BATCH_ROWS, Math.floor(MAX_PARAMETERS / cols.length)));
  const insertHead = `INSERT INTO ${ident(table.name)} (${cols.map(ident).join(', ')}) VALUES `;
  // Resume: a row already there by key is skipped. A table without a key (notice_log) is
  // replaced whole, in one transaction, so it cannot be half-copied or copied twice.
  const insertTail = keyed && opts.resume ? ' ON CONFLICT DO NOTHING' : '';
  const order = keyed ? table.key.map(ident).join(', ') : 'rowid';
  const rows = source
    .prepare(`SELECT ${cols.map(ident).join(', ')} FROM ${ident(table.name)} ORDER BY ${order}`)
    .raw()
    .iterate() as Iterable<unknown[]>;

  let batch: unknown[][] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    const r = await target.query(insertHead + tuples.join(', ') + insertTail, params);
    result.copied += r.rowCount ?? 0;
    result.skipped += batch.length - (r.rowCount ?? 0);
    batch = [];
    bytes = 0;
  };
  const fill = async () => {
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        if (typeof v === 'string') {
          bytes += v.length;
          if (v.includes('\u0000')) {
            row[i] = v.replaceAll('\u0000', '\uFFFD');
            result.nulReplaced++;
          }
        } else if (Buffer.isBuffer(v)) bytes += v.length;
      }
      batch.push(row);
      if (batch.length >= rowsPerInsert || bytes >= MAX_BATCH_BYTES) await flush();
    }
    await flush();
  };

  try {
    if (keyed) {
      // Each batch is one INSERT, so one transaction: a copy stopped half-way has whole batches.
      await fill();
    } else {
      await target.query('BEGIN');
      try {
        if (opts.resume) await target.query(`DELETE FROM ${ident(table.name)}`);
        await fill();
        await target.query('COMMIT');
      } catch (err) {
        await target.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }
  } catch (err) {
    (err as Error).message = `copying ${table.name}: ${(err as Error).message}`;
    throw err;
  }
  result.target = await countRows(target, table.name);
  result.ok = result.target === result.source;
  if (!result.ok) result.note = `${result.target - result.source > 0 ? 'more' : 'fewer'} rows in PostgreSQL than in SQLite`;
  return result;
}

async function checkDerived(source: Db, target: pg.ClientBase, table: string): Promise<TableCopy> {
  const [sourceRows, sourceSum] = source
    .prepare(`SELECT count(*), coalesce(sum(n), 0) FROM ${ident(table)}`)
    .raw()
    .get() as [number, number];
  const r = await target.query<{ rows: number; sum: number }>(
    `SELECT count(*)::bigint AS rows, coalesce(sum(n), 0)::bigint AS sum FROM ${ident(table)}`,
  );
  const { rows, sum } = r.rows[0]!;
  const ok = rows === sourceRows && sum === sourceSum;
  return {
    table,
    source: sourceRows,
    target: rows,
    copied: 0,
    skipped: 0,
    nulReplaced: 0,
    derived: true,
    ok,
    note: ok ? '' : `counts of ${sum} bounces in PostgreSQL, ${sourceSum} in SQLite`,
  };
}

/** Identity columns continue after the highest id copied (an empty table starts at 1). */
async function resetIdentities(target: pg.ClientBase, tables: SourceTable[]): Promise<void> {
  const r = await target.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
  );
  const copied = new Set(tables.map((t) => t.name));
  for (const { table_name: t, column_name: c } of r.rows) {
    if (!copied.has(t)) continue;
    await target.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${ident(c)}), 1), max(${ident(c)}) IS NOT NULL) FROM ${ident(t)}`,
      [t, c],
    );
  }
}

async function countRows(target: pg.ClientBase, table: string): Promise<number> {
  const r = await target.query<{ n: number }>(`SELECT count(*)::bigint AS n FROM ${ident(table)}`);
  return r.rows[0]!.n;
}

/** A table or column name from sqlite_master, quoted for either engine. */
function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
