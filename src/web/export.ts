// CSV and Excel exports of exactly the rows the filters select, streamed. The rows come
// from a read-only connection of the export's own: while a better-sqlite3 iterator is open
// its connection can run nothing else, and intake must never wait for a slow download.
// WAL mode lets that reader see one consistent snapshot while intake keeps writing.

import Database from 'better-sqlite3';
import { Readable } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import { csvField, neutralise } from '../csv-cells.ts';
import type { Db } from '../store/db.ts';
import { EXPORT_COLUMNS, iterateExport, pagedExport, type BounceFilters, type ExportRow } from '../store/bounce-queries.ts';
import type { SqlRunner } from '../store/sql/driver.ts';
import { XlsxSheetWriter, type SheetCell, type SheetColumn } from './xlsx-writer.ts';

/**
 * The reader's page cache, KiB. An export reads every selected row once, in index order, so
 * a cache does not make it faster; better-sqlite3's default (16 MB) only filled up with
 * pages never read again, for as long as the download ran.
 */
const EXPORT_READER_CACHE_KIB = 1024;

function openExportReader(db: Db): Db {
  if (db.memory) return db;
  const reader = new Database(db.name, { readonly: true, fileMustExist: true });
  reader.pragma(`cache_size = -${EXPORT_READER_CACHE_KIB}`);
  return reader;
}

/**
 * The export's rows, its reader opened and the first row already read: a database that
 * cannot be opened or read fails here, before the answer's status and headers are sent, so
 * the user gets an error page instead of a 200 with a header row and nothing after it.
 */
export interface ExportRows extends IterableIterator<ExportRow> {
  /** Closes the reader; also when the rows were never read (the client went away first). */
  close(): void;
}

export function openExportRows(db: Db, filters: BounceFilters): ExportRows {
  const reader = openExportReader(db);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (reader !== db) reader.close();
  };
  let rest: IterableIterator<ExportRow>;
  let first: IteratorResult<ExportRow>;
  try {
    rest = iterateExport(reader, filters);
    first = rest.next();
  } catch (err) {
    close();
    throw err;
  }
  function* rows(): Generator<ExportRow> {
    try {
      if (first.done) return;
      yield first.value;
      yield* rest;
    } finally {
      // Runs also when the client goes away mid-download (the generator is returned).
      rest.return?.();
      close();
    }
  }
  const it = rows();
  return Object.assign(it, {
    close() {
      it.return(undefined);
      close();
    },
  });
}

/** The export's rows read through the async driver (PostgreSQL), its first page already read. */
export interface PagedExportRows extends AsyncIterable<ExportRow> {
  close(): void;
}

/**
 * The rows through the store's driver, in keyset pages (bounce-queries.ts, pagedExport). As
 * with openExportRows, the first page is read before anything is sent, so a database that
 * cannot be read gives an error page, not a 200 with a header row and nothing after it.
 */
export async function openPagedExportRows(sql: SqlRunner, filters: BounceFilters): Promise<PagedExportRows> {
  const pages = pagedExport(sql, filters);
  const first = await pages.next();
  async function* rows(): AsyncGenerator<ExportRow> {
    if (first.done) return;
    yield first.value;
    yield* pages;
  }
  const it = rows();
  return {
    [Symbol.asyncIterator]: () => it,
    close() {
      void it.return(undefined);
      void pages.return(undefined);
    },
  };
}

/** Either kind of rows: the SQLite reader's (sync) or the driver's pages (async). */
export type AnyExportRows = ExportRows | PagedExportRows;

/**
 * The rows in batches, whichever kind: a sync reader is walked without a promise per row
 * (a million rows), and the writers pause for the event loop once a batch.
 */
async function* batchesOf(rows: AnyExportRows, size: number): AsyncGenerator<ExportRow[]> {
  let batch: ExportRow[] = [];
  if (Symbol.asyncIterator in rows) {
    for await (const row of rows) {
      batch.push(row);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  } else {
    for (const row of rows) {
      batch.push(row);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}

/**
 * CSV rows per chunk; after each chunk the export yields to the event loop. A chunk stays
 * well under 128 KB (~270 bytes a row): V8 puts a larger string in its large-object space,
 * which only a full collection frees, and with 500-row chunks (~135 KB) a million-row export
 * held ~100 MB of spent chunks at its peak (dashboard process peak RSS 222-226 MB, V8 heap
 * 66-125 MB; with 200 rows in the same conditions 158 MB, heap 58 MB: `npm run bench --
 * dashboard`).
 */
const CSV_ROWS_PER_CHUNK = 200;

/**
 * CSV text (RFC 4180, CRLF line ends, UTF-8 with a BOM so Excel reads the accents right).
 * Readable.from pulls a chunk only when the response has room (back-pressure); the pause
 * after each chunk matters when the client reads fast: without it the whole export ran in
 * one turn of the event loop (14.5 s at a million rows, measured), and every other request
 * and the LMTP listener waited.
 */
export function csvStream(db: Db, filters: BounceFilters): Readable {
  return csvStreamOf(openExportRows(db, filters));
}

/** The CSV of rows already opened (either kind). */
export function csvStreamOf(rows: AnyExportRows): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${EXPORT_COLUMNS.join(',')}\r\n`;
    for await (const batch of batchesOf(rows, CSV_ROWS_PER_CHUNK)) {
      yield batch.map((row) => `${EXPORT_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`).join('');
      await turn();
    }
  }
  const out = Readable.from(lines(), { objectMode: false });
  out.once('close', () => rows.close());
  return out;
}

/** Rows read between two yields to the event loop: other requests and intake are served meanwhile. */
const ROWS_PER_TURN = 200;
/**
 * Rows per piece of sheet text: ~700 bytes of XML a row, so a piece stays well under the
 * 128 KB past which V8 keeps a string in its large-object space (see CSV_ROWS_PER_CHUNK).
 */
const SHEET_ROWS_PER_PIECE = 50;

/**
 * Rows in one Excel export: every selected row up to what one xlsx sheet can hold
 * (1,048,576 rows, the header included); the CSV export has no limit.
 */
export const EXCEL_MAX_ROWS = 1_048_575;

/** The last row of a cut Excel export (after `kept` data rows), so the user knows the file is not everything. */
export function excelCutNote(kept: number): string {
  return `Only the first ${kept.toLocaleString('en')} rows (newest first) are in this file, the most an Excel sheet holds; the CSV export holds every selected row.`;
}

/** The sheet's columns: the CSV's, with widths that fit what each holds. */
const EXCEL_COLUMNS: SheetColumn[] = EXPORT_COLUMNS.map((c) => ({
  header: c,
  width: c === 'diagnostic' ? 60 : c === 'date' ? 20 : c === 'id' || c === 'retries' ? 8 : 24,
}));

/** A row's cells: dates as real dates, numbers as numbers, text guarded against formulas. */
function excelCells(row: ExportRow): SheetCell[] {
  return EXPORT_COLUMNS.map((c) => {
    const v = row[c];
    if (c === 'date') return new Date(String(v));
    return typeof v === 'number' ? v : neutralise(v);
  });
}

/** An xlsx file written row by row (src/web/xlsx-writer.ts); dates are real dates. */
export function excelStream(db: Db, filters: BounceFilters, maxRows = EXCEL_MAX_ROWS): Readable {
  return excelStreamOf(openExportRows(db, filters), maxRows);
}

/** The xlsx of rows already opened (either kind). */
export function excelStreamOf(rows: AnyExportRows, maxRows = EXCEL_MAX_ROWS): Readable {
  const sheet = new XlsxSheetWriter('bounces', EXCEL_COLUMNS);
  const out = sheet.output;
  void (async () => {
    try {
      // The sheet's last data row (row maxRows) is held until it is known to be the last:
      // when another row follows, the note that the file is cut takes its place, so the
      // sheet never has more rows than Excel opens.
      let n = 0;
      let held: ExportRow | undefined;
      let cut = false;
      for await (const batch of batchesOf(rows, ROWS_PER_TURN)) {
        const cells: SheetCell[][] = [];
        for (const row of batch) {
          if (held) {
            cells.push([excelCutNote(n)]);
            held = undefined;
            cut = true;
            break;
          }
          if (n === maxRows - 1) held = row;
          else {
            cells.push(excelCells(row));
            n++;
          }
        }
        for (let i = 0; i < cells.length; i += SHEET_ROWS_PER_PIECE) sheet.addRows(cells.slice(i, i + SHEET_ROWS_PER_PIECE));
        if (cut) break;
        await turn();
        // Back-pressure: the deflate's backlog, then a slow client, both through the sheet's stream.
        await sheet.drained();
        if (out.destroyed) return sheet.destroy(new Error('the download was abandoned'));
      }
      if (held) sheet.addRows([excelCells(held)]);
      sheet.end();
    } catch (err) {
      sheet.destroy(err as Error);
    } finally {
      // Closes the export's reader also when the client went away.
      rows.close();
    }
  })();
  return out;
}
