// The xlsx writer of the Excel export: what a spreadsheet program reads back from it. exceljs
// (a separate implementation of the format, here only as the reader) stands in for Excel.

import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, XlsxSheetWriter, columnName, escapeText } from '../../src/web/xlsx-writer.ts';

async function readBack(sheet: XlsxSheetWriter): Promise<ExcelJS.Worksheet> {
  const bytes = buffer(sheet.output);
  sheet.end();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bytes) as never);
  return wb.getWorksheet('bounces')!;
}

function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('xlsx writer', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes a sheet a spreadsheet reads back: header, numbers, real dates, text, empty cells', async () => {
    const sheet = new XlsxSheetWriter('bounces', [
      { header: 'id', width: 8 },
      { header: 'date', width: 20 },
      { header: 'text', width: 40 },
    ]);
    sheet.addRows([
      [1, new Date('2024-02-10T08:30:00Z'), 'plain'],
      [2.5, new Date('1999-12-31T23:59:59Z'), ''],
      [3, null, 'after an empty one'],
    ]);
    const ws = await readBack(sheet);
    const v = values(ws);
    expect(v[0]).toEqual(['id', 'date', 'text']);
    expect(v[1]![0]).toBe(1);
    expect((v[1]![1] as Date).toISOString()).toBe('2024-02-10T08:30:00.000Z');
    expect(v[1]![2]).toBe('plain');
    expect(v[2]![0]).toBe(2.5);
    expect((v[2]![1] as Date).toISOString()).toBe('1999-12-31T23:59:59.000Z');
    expect(v[2]!.length).toBe(2);
    expect(v[3]![1]).toBeUndefined();
    expect(v[3]![2]).toBe('after an empty one');
    // The date column shows the date and time, not a day number.
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(ws.getColumn(3).width).toBe(40);
    expect(sheet.rows).toBe(4);
  });

  it("keeps a stranger's text as text: markup, quotes, CR/LF, control characters, Excel's own escapes, broken UTF-16", async () => {
    const hostile = [
      '</t></is></c><c><f>1+1</f></c> & "quoted" <b>',
      'a\r\nline break\rand CR',
      'bell\u0007 and NUL\u0000 and ESC\u001b',
      'literal _x0041_ stays',
      'half a pair \ud83d alone',
      'a pair 😀 whole',
      '  spaces kept  ',
      '=1+1',
    ];
    const sheet = new XlsxSheetWriter('bounces', [{ header: 'text', width: 20 }]);
    sheet.addRows(hostile.map((t) => [t]));
    const ws = await readBack(sheet);
    const got = values(ws)
      .slice(1)
      .map((r) => r[0]);
    expect(got[0]).toBe(hostile[0]);
    expect(got[1]).toBe('a\r\nline break\rand CR');
    // exceljs does not decode the _xHHHH_ escapes Excel reads (ECMA-376's ST_Xstring), so
    // what Excel shows for rows 3 and 4 is checked on the escaped text below.
    expect(got[4]).toBe('half a pair \ufffd alone');
    expect(got[5]).toBe('a pair 😀 whole');
    expect(got[6]).toBe('  spaces kept  ');
    // Written as text, never as a formula.
    expect(got[7]).toBe('=1+1');
    expect(ws.getCell('A9').type).toBe(ExcelJS.ValueType.String);
    // The control characters XML cannot carry go as Excel's _xHHHH_ escapes.
    expect(escapeText(hostile[2]!)).toBe('bell_x0007_ and NUL_x0000_ and ESC_x001B_');
    expect(escapeText('_x0041_')).toBe('_x005F_x0041_');
  });

  it('cuts a text longer than a cell holds at the cell limit', async () => {
    const sheet = new XlsxSheetWriter('bounces', [{ header: 'text', width: 20 }]);
    sheet.addRows([['x'.repeat(MAX_CELL_CHARS + 500)]]);
    const got = values(await readBack(sheet))[1]![0] as string;
    expect(got.length).toBe(MAX_CELL_CHARS);
  });

  it('holds the writer back while nobody reads (the text queued stays bounded), and lets it go on once the file is read', async () => {
    const sheet = new XlsxSheetWriter('bounces', [{ header: 'text', width: 20 }]);
    // Text that does not compress: repeated rows would shrink so much in the deflate that the
    // file's own buffers would not fill.
    const rows = () => Array.from({ length: 50 }, () => [randomBytes(96).toString('base64')]);
    const settles = (p: Promise<void>, ms: number) =>
      Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
    let accepted = 0;
    let stalled = false;
    // Bounded: the chain's buffers (sheet text, deflate, zip) fill long before 2,000 rounds.
    for (let round = 0; round < 2_000 && !stalled; round++) {
      if (!sheet.addRows(rows())) stalled = !(await settles(sheet.drained(), 200));
      accepted += 50;
    }
    expect(stalled).toBe(true);
    // ~130 bytes a row: under 2 MB of text waits for a reader that does not come.
    expect(accepted * 130).toBeLessThan(2 << 20);
    const ws = readBack(sheet);
    expect(await settles(sheet.drained(), 5_000)).toBe(true);
    expect(values(await ws).length).toBe(accepted + 1);
  });

  it('lets a waiting writer go once the reader has gone away, even if it asks only after', async () => {
    const sheet = new XlsxSheetWriter('bounces', [{ header: 'text', width: 20 }]);
    const rows = () => Array.from({ length: 50 }, () => [randomBytes(96).toString('base64')]);
    const settles = (p: Promise<void>, ms: number) =>
      Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
    // Fill every buffer of the chain: nobody reads (bounded, as above).
    let stalled = false;
    for (let round = 0; round < 2_000 && !stalled; round++) {
      if (!sheet.addRows(rows())) stalled = !(await settles(sheet.drained(), 200));
    }
    expect(stalled).toBe(true);
    // The download is cancelled while the writer is elsewhere (reading its next rows) ...
    sheet.output.destroy();
    await new Promise((r) => setImmediate(r));
    // ... and asks to wait only then: it must not wait for a reader that is gone.
    expect(await settles(sheet.drained(), 1_000)).toBe(true);
    expect(sheet.addRows(rows())).toBe(false);
  });

  it('gives the reader an error, not a short file that looks whole, when the writer is abandoned', async () => {
    const sheet = new XlsxSheetWriter('bounces', [{ header: 'text', width: 20 }]);
    sheet.addRows([['one']]);
    const bytes = buffer(sheet.output);
    sheet.destroy(new Error('the database failed'));
    await expect(bytes).rejects.toThrow('the database failed');
  });
});
