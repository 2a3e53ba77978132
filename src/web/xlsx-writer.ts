// An xlsx workbook of one sheet, written row by row. The sheet's XML is ours (it is a
// simple, documented format: ECMA-376 part 1, SpreadsheetML); the zip around it is yazl's.
//
// Why not exceljs's streaming writer, which this replaced: a full export of a million rows
// took the dashboard process from 153 to 240 MB (goal 200) at ~15,000 rows/s, most of it
// native memory outside V8's view, and its worksheet stream ignores back-pressure, so the
// caller had to watch archiver's private buffers. Here there is one chain, sheet text →
// deflate → zip → response, and every link honours write()'s answer.

import { createRequire } from 'node:module';
import { PassThrough, type Readable } from 'node:stream';
import type * as Yazl from 'yazl';

let yazl: typeof Yazl | undefined;
/** yazl is loaded by the first Excel export, not at start: the idle service does not hold it (~1 MB). */
function loadYazl(): typeof Yazl {
  return (yazl ??= createRequire(import.meta.url)('yazl') as typeof Yazl);
}

export interface SheetColumn {
  header: string;
  /** Width in characters, as Excel counts them. */
  width: number;
}

/** A cell: text, a number, a date (shown as date and time), or nothing. */
export type SheetCell = string | number | Date | null | undefined;

/** Excel holds at most this many characters in a cell; a longer text makes it call the file damaged. */
export const MAX_CELL_CHARS = 32_767;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style 1 of styles.xml: a date with its time, as the export always wrote them. */
const DATE_STYLE = 1;
/** Excel's serial day of 1970-01-01 (the 1900 date system, as Excel counts it). */
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;

function contentTypes(): string {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
    '</Types>'
  );
}

function packageRels(): string {
  return (
    `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>'
  );
}

function workbook(sheetName: string): string {
  return (
    `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheets><sheet name="${escapeText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
}

function workbookRels(): string {
  return (
    `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

/** Two cell formats: 0 the default, 1 (DATE_STYLE) a date with its time. */
function styles(): string {
  return (
    `${XML_DECL}<styleSheet xmlns="${MAIN_NS}">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** The sheet's opening: column widths, the header row kept in view while scrolling. */
function sheetStart(columns: readonly SheetColumn[]): string {
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  return (
    `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

const SHEET_END = '</sheetData></worksheet>';

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// What text needs before it can stand in the sheet's XML: the markup characters; CR (a
// parser turns a raw CR into LF, a character reference survives); the control characters XML
// 1.0 cannot carry at all, written as Excel's own escape _xHHHH_; and a literal "_xHHHH_",
// whose underscore is escaped so that Excel does not decode it.
const NEEDS_ESCAPE = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
const ESCAPES = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;

function escapeChar(ch: string): string {
  switch (ch) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case '\r':
      return '&#13;';
    case '_':
      return '_x005F_';
    default:
      return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  }
}

/** Text as it may stand in an element or attribute of the sheet's XML. */
export function escapeText(text: string): string {
  // toWellFormed: a lone surrogate half (a stranger's broken UTF-16) cannot be written in XML.
  const s = text.isWellFormed() ? text : text.toWellFormed();
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPES, escapeChar) : s;
}

function textCell(ref: string, text: string): string {
  const cut = text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
  const space = /^\s|\s$/.test(cut) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${escapeText(cut)}</t></is></c>`;
}

function cellXml(ref: string, value: SheetCell): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : textCell(ref, String(value));
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return '';
    return `<c r="${ref}" s="${DATE_STYLE}"><v>${UNIX_EPOCH_SERIAL + ms / MS_PER_DAY}</v></c>`;
  }
  return textCell(ref, value);
}

/**
 * One sheet written row by row. `output` is the xlsx file. addRows answers false when the
 * text waits for the deflate or a slow reader: the caller then awaits `drained()`.
 */
export class XlsxSheetWriter {
  readonly output: Readable;
  private readonly sheet = new PassThrough();
  private readonly letters: string[];
  private rowNumber = 0;
  private ended = false;

  constructor(sheetName: string, columns: readonly SheetColumn[]) {
    const zip = new (loadYazl().ZipFile)();
    const parts: [string, string][] = [
      ['[Content_Types].xml', contentTypes()],
      ['_rels/.rels', packageRels()],
      ['xl/workbook.xml', workbook(sheetName)],
      ['xl/_rels/workbook.xml.rels', workbookRels()],
      ['xl/styles.xml', styles()],
    ];
    for (const [path, xml] of parts) zip.addBuffer(Buffer.from(xml), path);
    zip.addReadStreamLazy('xl/worksheets/sheet1.xml', (cb) => cb(null, this.sheet));
    zip.end();
    // yazl's outputStream is a PassThrough; its type says only NodeJS.ReadableStream.
    this.output = zip.outputStream as Readable;
    // A reader gone (the download cancelled) ends the sheet too: nothing will drain it again.
    this.output.once('close', () => {
      this.ended = true;
      this.sheet.destroy();
    });
    this.letters = columns.map((_, i) => columnName(i));
    this.sheet.write(sheetStart(columns));
    this.addRows([columns.map((c) => c.header)]);
  }

  /** Appends rows; false when the caller should wait for `drained()` before the next ones. */
  addRows(rows: readonly (readonly SheetCell[])[]): boolean {
    if (this.sheet.destroyed) return false;
    if (this.ended) throw new Error('the sheet is already finished');
    let xml = '';
    for (const row of rows) {
      const r = ++this.rowNumber;
      xml += `<row r="${r}">`;
      for (let i = 0; i < row.length; i++) xml += cellXml(`${this.letters[i] ?? columnName(i)}${r}`, row[i]);
      xml += '</row>';
    }
    return this.sheet.write(xml);
  }

  /** Resolves when the sheet's text may grow again, or the file was abandoned. */
  drained(): Promise<void> {
    if (!this.sheet.writableNeedDrain || this.sheet.destroyed || this.output.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.sheet.off('drain', done);
        this.sheet.off('close', done);
        this.output.off('close', done);
        resolve();
      };
      this.sheet.once('drain', done);
      this.sheet.once('close', done);
      this.output.once('close', done);
    });
  }

  /** Rows written so far, the header included. */
  get rows(): number {
    return this.rowNumber;
  }

  /** Ends the sheet; the zip's central directory follows once the sheet is deflated. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.sheet.end(SHEET_END);
  }

  /** Abandons the file: the reader sees an error, not a short file that looks whole. */
  destroy(err: Error): void {
    this.ended = true;
    // The sheet's stream is yazl's to read and nobody listens for its errors: it just stops.
    this.sheet.destroy();
    this.output.destroy(err);
  }
}
