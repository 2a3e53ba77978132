// CSV and Excel exports of exactly the rows the filters select, streamed. The rows come
// from a read-only connection of the export's own: while a better-sqlite3 iterator is open
// its connection can run nothing else, and intake must never wait for a slow download.
// WAL mode lets that reader see one consistent snapshot while intake keeps writing.

import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import { csvField, neutralise } from '../csv-cells.ts';
import type { Db } from '../store/db.ts';
import { EXPORT_COLUMNS, iterateExport, pagedExport, type BounceFilters, type ExportRow } from '../store/bounce-queries.ts';
import type { SqlRunner } from '../store/sql/driver.ts';

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

/** Rows written between two yields to the event loop: other requests and intake are served meanwhile. */
const ROWS_PER_TURN = 200;
/**
 * Bytes of sheet XML allowed to wait for the zip's deflate. exceljs's worksheet stream
 * (StreamBuf) writes into archiver's entry stream without looking at write()'s answer, and
 * deflate runs on the thread pool: a loop that never waits queued the whole sheet there
 * (1.1 GB for a million rows, the event loop blocked until the end). Measured with this
 * bound: the heap stays ~15 MB at any row count.
 */
const MAX_SHEET_BACKLOG = 1 << 20;

type Emitter = { once(ev: string, fn: () => void): unknown; removeListener(ev: string, fn: () => void): unknown };
type Backlogged = Emitter & { _writableState?: { length?: number }; writableLength?: number };

/** The first of these events, or the timeout; leaves no listener behind (it runs once per 200 rows). */
function once(e: Emitter, events: string[], timeoutMs?: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      if (timer) clearTimeout(timer);
      for (const ev of events) e.removeListener(ev, done);
      resolve();
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(done, timeoutMs);
    for (const ev of events) e.once(ev, done);
  });
}

/** The stream exceljs feeds the sheet's XML into (archiver's entry), if this exceljs version shows it. */
function sheetSink(ws: unknown): Backlogged | undefined {
  const pipes = (ws as unknown as { stream?: { pipes?: Backlogged[] } }).stream?.pipes;
  return pipes?.[0];
}

function backlog(s: Backlogged): number {
  return s.writableLength ?? s._writableState?.length ?? 0;
}

/**
 * Rows in one Excel export: every selected row up to what one xlsx sheet can hold
 * (1,048,576 rows, the header included); the CSV export has no limit. With the back-pressure
 * above, memory does not grow with the rows (in process, 1,000,000 rows: RSS flat at ~160 MB
 * from the 100,000th row on; loading exceljs costs ~18 MB and the export ~45 MB more), but
 * exceljs writes only ~5,000-10,000 rows/s here, so the CSV export is the better choice for
 * very large selections.
 */
export const EXCEL_MAX_ROWS = 1_048_575;

/** The last row of a cut Excel export, so the user knows the file is not everything. */
export function excelCutNote(maxRows: number): string {
  return `Only the first ${maxRows.toLocaleString('en')} rows (newest first) are in this file, the most an Excel sheet holds; the CSV export holds every selected row.`;
}

type WorkbookWriterClass = typeof import('exceljs').stream.xlsx.WorkbookWriter;
let workbookWriter: WorkbookWriterClass | undefined;

/**
 * exceljs's streaming writer alone, not the package's entry (which also loads the in-memory
 * workbook, the readers and their XML parser): ~22 MB resident instead of ~33 MB. The file's
 * path is exceljs's own layout, not its API: should a new version move it, the entry is used.
 */
function loadWorkbookWriter(): WorkbookWriterClass {
  const require = createRequire(import.meta.url);
  try {
    workbookWriter ??= require('exceljs/lib/stream/xlsx/workbook-writer.js') as WorkbookWriterClass;
  } catch {
    workbookWriter ??= (require('exceljs') as typeof import('exceljs')).stream.xlsx.WorkbookWriter;
  }
  return workbookWriter;
}

/** An xlsx file written row by row (exceljs streaming WorkbookWriter); dates are real dates. */
export function excelStream(db: Db, filters: BounceFilters, maxRows = EXCEL_MAX_ROWS): Readable {
  return excelStreamOf(openExportRows(db, filters), maxRows);
}

/** The xlsx of rows already opened (either kind). */
export function excelStreamOf(rows: AnyExportRows, maxRows = EXCEL_MAX_ROWS): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      // exceljs's writer (~22 MB resident) is loaded by the first Excel export, not at start.
      const WorkbookWriter = loadWorkbookWriter();
      const wb = new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const ws = wb.addWorksheet('bounces');
      ws.columns = EXPORT_COLUMNS.map((c) => ({
        header: c,
        key: c,
        width: c === 'diagnostic' ? 60 : c === 'date' ? 20 : c === 'id' || c === 'retries' ? 8 : 24,
        ...(c === 'date' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
      }));
      let n = 0;
      rows: for await (const batch of batchesOf(rows, ROWS_PER_TURN)) {
        for (const row of batch) {
          if (n === maxRows) {
            // One more row exists: say so in the file instead of silently leaving it out.
            ws.addRow([excelCutNote(maxRows)]).commit();
            break rows;
          }
          const cells: Record<string, unknown> = {};
          for (const c of EXPORT_COLUMNS) {
            const v = row[c];
            if (c === 'date') cells[c] = new Date(String(v));
            else cells[c] = typeof v === 'number' ? v : neutralise(v);
          }
          ws.addRow(cells).commit();
          n++;
        }
        await turn();
        // Back-pressure, both ends: the deflate's backlog, then a slow client.
        const sink = sheetSink(ws);
        while (sink && backlog(sink) > MAX_SHEET_BACKLOG && !out.destroyed) await once(sink, ['drain'], 50);
        while (out.writableNeedDrain && !out.destroyed) await once(out, ['drain', 'close']);
        if (out.destroyed) return;
      }
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    } finally {
      // Closes the export's reader also when the client went away.
      rows.close();
    }
  })();
  return out;
}
