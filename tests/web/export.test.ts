// The CSV and Excel exports, read back: exactly the filtered rows (all of them, not one
// page), formula injection neutralised, dates as real dates in the xlsx.

import ExcelJS from 'exceljs';
import { renameSync, truncateSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { capturingLogger } from '../harness/log.ts';
import { EXPORT_COLUMNS } from '../../src/store/bounce-queries.ts';
import { buffer } from 'node:stream/consumers';
import { neutralise } from '../../src/csv-cells.ts';
import { EXCEL_MAX_ROWS, excelCutNote, excelStreamOf, openPagedExportRows } from '../../src/web/export.ts';
import { onSqlite, scalar } from '../harness/test-store.ts';
import { Client, insertBounce, startDashboard, type Dashboard } from './fixture.ts';

/** RFC 4180 parser for the test: quoted fields, doubled quotes, CRLF inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const HOSTILE = {
  emailTo: '=cmd|calc@evil.test',
  domain: 'formula.test',
  diagnostic: '+SUM(1,2) "quoted", and\r\na line break',
  originalSubject: '@SUM(A1)',
  originalMessageId: '-2+3',
  trackingId: '\tTAB',
  emailCc: '\rCR',
  reason: 'filtered',
  date: '2024-02-10T08:30:00.000Z',
};

describe('exports', () => {
  let d: Dashboard;
  let c: Client;
  let hostileId: number;
  beforeAll(async () => {
    d = await startDashboard();
    hostileId = await insertBounce(d.store, HOSTILE);
    // More rows than any page, to show the export is not one page.
    await d.store.transaction(async (tx) => {
      for (let i = 0; i < 1200; i++)
        await insertBounce(tx, {
          domain: 'bulk.test',
          emailTo: `u${i}@bulk.test`,
          date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00.000Z`,
        });
    });
    c = new Client(d.base);
    await c.signIn();
  });
  afterAll(async () => {
    await d?.close();
  });

  it('neutralises every cell that a spreadsheet would read as a formula', () => {
    for (const v of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(neutralise(v)).toBe(`'${v}`);
    for (const v of ['user@example.com', '5.1.1', 'a=b', '']) expect(neutralise(v)).toBe(v);
  });

  it('exports as CSV exactly the rows the filters select, all of them, with the seed column names', async () => {
    const res = await c.get('/export/csv?domain=bulk.test');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="bounces-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows.length - 1).toBe(1200);
    const expectedIds = (
      await d.store.sql.all<{ id: number }>("SELECT id FROM bounces WHERE domain = 'bulk.test' ORDER BY date DESC, id DESC")
    ).map((r) => Number(r.id));
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(expectedIds);
    expect(rows.slice(1).every((r) => r[6] === 'bulk.test' && r.length === EXPORT_COLUMNS.length)).toBe(true);

    const jan = parseCsv((await (await c.get('/export/csv?domain=bulk.test&from=2024-01-01&to=2024-01-02')).text()).replace(/^\uFEFF/, ''));
    expect(jan.length - 1).toBe(
      Number(await scalar(d.store, "SELECT COUNT(*) FROM bounces WHERE domain='bulk.test' AND date < '2024-01-03'")),
    );
  });

  it('writes hostile values into the CSV as inert text, quotes and line breaks intact', async () => {
    const rows = parseCsv((await (await c.get('/export/csv?domain=formula.test')).text()).replace(/^\uFEFF/, ''));
    expect(rows.length).toBe(2);
    const r = Object.fromEntries(EXPORT_COLUMNS.map((k, i) => [k, rows[1]![i]]));
    expect(r.id).toBe(String(hostileId));
    expect(r.email_to).toBe("'=cmd|calc@evil.test");
    expect(r.diagnostic).toBe('\'+SUM(1,2) "quoted", and\r\na line break');
    expect(r.original_subject).toBe("'@SUM(A1)");
    expect(r.original_message_id).toBe("'-2+3");
    expect(r.tracking_id).toBe("'\tTAB");
    expect(r.email_cc).toBe("'\rCR");
  });

  it('exports an xlsx that exceljs reads back: the same rows, real dates, neutralised cells', async () => {
    const res = await c.get('/export/excel?from=2024-01-01&to=2024-12-31');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('bounces')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const ids: number[] = [];
    let hostile: unknown[] | undefined;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const v = (row.values as unknown[]).slice(1);
      ids.push(v[0] as number);
      if (v[0] === hostileId) hostile = v;
    });
    const expectedIds = (
      await d.store.sql.all<{ id: number }>(
        "SELECT id FROM bounces WHERE date >= '2024-01-01' AND date < '2025-01-01' ORDER BY date DESC, id DESC",
      )
    ).map((r) => Number(r.id));
    expect(ids).toEqual(expectedIds);
    expect(ids.length).toBe(1201);
    expect(hostile![1]).toBeInstanceOf(Date);
    expect((hostile![1] as Date).toISOString()).toBe('2024-02-10T08:30:00.000Z');
    expect(hostile![2]).toBe("'=cmd|calc@evil.test");
    expect(hostile![13]).toBe("'@SUM(A1)");
    expect(typeof hostile![7]).toBe('number');
    // No cell became a formula.
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    expect(formulas).toBe(0);
  });

  it('cuts an Excel export at its row limit and says so in the last row; the whole selection fits when under it', async () => {
    // Every selected row, up to what one xlsx sheet holds (1,048,576 rows with the header).
    expect(EXCEL_MAX_ROWS).toBe(1_048_575);
    const read = async (max: number) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        (await buffer(excelStreamOf(await openPagedExportRows(d.store.sql, { from: '2024-01-01', to: '2024-12-31' }), max))) as never,
      );
      const values: unknown[][] = [];
      wb.getWorksheet('bounces')!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const expectedIds = (
      await d.store.sql.all<{ id: number }>(
        "SELECT id FROM bounces WHERE date >= '2024-01-01' AND date < '2025-01-01' ORDER BY date DESC, id DESC",
      )
    ).map((r) => Number(r.id));
    // Room for 5 data rows, more selected: 4 data rows, then the note in the last row there is.
    const cut = await read(5);
    expect(cut[0]).toEqual([...EXPORT_COLUMNS]);
    expect(cut.slice(1, 5).map((r) => r[0])).toEqual(expectedIds.slice(0, 4));
    expect(cut.length).toBe(6);
    expect(cut[5]).toEqual([excelCutNote(4)]);
    expect(excelCutNote(100_000)).toContain('first 100,000 rows');
    // Exactly at the limit: nothing left out, so no note.
    const exact = await read(expectedIds.length);
    expect(exact.length).toBe(expectedIds.length + 1);
    expect(exact.at(-1)![0]).toBe(expectedIds.at(-1));
  });

  it('keeps serving pages and taking writes while an export is being read slowly', async () => {
    const res = await c.get('/export/csv');
    const reader = res.body!.getReader();
    // The header, then rows: by now the export's iterator is open.
    await reader.read();
    await reader.read();
    // The export's iterator is open on its own connection: the shared one still works.
    const id = await insertBounce(d.store, { domain: 'during.test' });
    expect(id).toBeGreaterThan(0);
    expect((await c.get(`/bounces/${id}`)).status).toBe(200);
    await reader.cancel();
  });
});

// About SQLite's file: these rename or cut the database file under the open connection. A
// PostgreSQL server's files are not the client's to break; its failures are the driver's tests.
describe.skipIf(!onSqlite)('exports whose source fails', () => {
  let d: Dashboard | undefined;
  afterEach(async () => {
    await d?.close();
    d = undefined;
  });

  it('answers an error page, not a 200 with a header row, when the database cannot be opened, and logs it as JSON', async () => {
    const sink = capturingLogger();
    d = await startDashboard({ files: [], opts: { log: sink.log } });
    await insertBounce(d.store);
    const c = new Client(d.base);
    await c.signIn();
    const file = d.store.db!.name;
    // The file is gone from its path (a disk unmounted, a restore half done); rebound's own
    // connection still holds it open.
    renameSync(file, `${file}.away`);
    try {
      for (const p of ['/export/csv', '/export/excel']) {
        const res = await c.get(p);
        expect(res.status, p).toBe(503);
        expect(res.headers.get('content-disposition'), p).toBeNull();
        expect(res.headers.get('cache-control'), p).toBe('no-store');
        expect(await res.text(), p).toBe('The export could not be read from the database. The details are in the log.');
      }
    } finally {
      renameSync(`${file}.away`, file);
    }
    const logged = sink.lines.filter((l) => l.msg.startsWith('export failed before it began'));
    expect(logged).toHaveLength(2);
    expect(logged[0]!.level).toBe('error');
    expect((logged[0]!.err as { message: string }).message).toMatch(/unable to open database file/);
  });

  /** A dashboard with `rows` bounces whose diagnostics are `size` long, all in the database file (no WAL). */
  async function bigDashboard(rows: number, size: number, sink: ReturnType<typeof capturingLogger>): Promise<{ d: Dashboard; c: Client }> {
    const dash = await startDashboard({ files: [], opts: { log: sink.log } });
    const long = 'x'.repeat(size);
    await dash.store.transaction(async (tx) => {
      for (let i = 0; i < rows; i++)
        await insertBounce(tx, { diagnostic: `${i} ${long}`, date: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString() });
    });
    dash.store.db!.pragma('wal_checkpoint(TRUNCATE)');
    const c = new Client(dash.base);
    await c.signIn();
    return { d: dash, c };
  }

  /** Reads the download's first chunk, breaks the database file, reads on; the error the client sees. */
  async function breakMidway(c: Client, p: string, file: string, keepBytes: number): Promise<unknown> {
    const res = await c.get(p);
    expect(res.status, p).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    // The disk fails under the export: the database file loses all but its first pages.
    truncateSync(file, keepBytes);
    try {
      for (;;) if ((await reader.read()).done) return undefined;
    } catch (err) {
      return err;
    }
  }

  it('cuts a CSV download so it shows as failed when the database fails in the middle, and logs it as JSON', async () => {
    const sink = capturingLogger();
    const big = await bigDashboard(12_000, 2000, sink);
    d = big.d;
    // Not a clean end of a short file: the client sees the transfer broken off.
    expect(await breakMidway(big.c, '/export/csv', d.store.db!.name, 1024 * 1024)).toBeInstanceOf(Error);
    const cut = sink.lines.filter((l) => l.msg === 'response failed after it began; connection cut');
    expect(cut).toHaveLength(1);
    expect(cut[0]!.level).toBe('error');
    // The damaged database is found before the headers of the next export.
    const next = await big.c.get('/export/excel');
    expect(next.status).toBe(503);
  });

  it('cuts an Excel download so it shows as failed when the database fails in the middle', async () => {
    const sink = capturingLogger();
    const big = await bigDashboard(5000, 200, sink);
    d = big.d;
    expect(await breakMidway(big.c, '/export/excel', d.store.db!.name, 256 * 1024)).toBeInstanceOf(Error);
    expect(sink.lines.filter((l) => l.msg === 'response failed after it began; connection cut')).toHaveLength(1);
  });
});

describe('an Excel download the client abandons', () => {
  /** Rows without end, counted as the writer pulls them, and whether the reader was closed. */
  function endlessRows() {
    const state = { pulled: 0, closed: false };
    const row = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c === 'date' ? '2024-02-10T08:30:00Z' : `${c} text`])) as never;
    const rows = {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          state.pulled++;
          yield row;
        }
      },
      close() {
        state.closed = true;
      },
    };
    return { state, rows };
  }

  it('closes the reader when the download goes away before the first byte', async () => {
    const { state, rows } = endlessRows();
    excelStreamOf(rows).destroy();
    // Bounded: the writer notices within a few turns; 5 s at most.
    for (let i = 0; i < 100 && !state.closed; i++) await new Promise((r) => setTimeout(r, 50));
    expect(state.closed).toBe(true);
  });

  it('stops reading rows and closes the reader once nobody reads the file', async () => {
    // The reader's close is what a download that went away must reach (else its database
    // connection stays open).
    const { state, rows } = endlessRows();
    const out = excelStreamOf(rows);
    // Read a little, then go away, as a browser does when its user cancels the download.
    await new Promise<void>((resolve) => out.once('data', () => resolve()));
    out.destroy();
    // Bounded: the writer notices within a few turns; 5 s at most.
    for (let i = 0; i < 100 && !state.closed; i++) await new Promise((r) => setTimeout(r, 50));
    expect(state.closed).toBe(true);
    const after = state.pulled;
    await new Promise((r) => setTimeout(r, 100));
    expect(state.pulled).toBe(after);
    // Far fewer rows than an export holds: back-pressure held the writer while nobody read.
    expect(after).toBeLessThan(100_000);
  });
});
