// CSV export and import of the suppression list: address, reason, note, expiry (plus, on
// export, what the list knows besides: source, first_seen, last_seen, bounce_count). An
// import is all or nothing: every line is checked first, each bad one reported with its
// line number, and only a file without a single error is written, in one transaction.
// Anyone may have written the file: its size, its lines and its cells are bounded, and
// cells are guarded against spreadsheet formulas on the way out.

import { csvField } from '../csv-cells.ts';
import type { Store } from '../store/store.ts';
import { MAX_NOTE_LENGTH, normaliseKey, type SuppressionEntry, type SuppressionFilters } from './repository.ts';

export const CSV_COLUMNS = ['address', 'reason', 'note', 'expiry'] as const;
/** Written by the export, accepted and ignored by the import (the list keeps its own). */
const INFO_COLUMNS = ['source', 'first_seen', 'last_seen', 'bounce_count'] as const;

/** Defaults for an import from the dashboard (a pasted or uploaded form); the CLI may pass more. */
export const DEFAULT_MAX_IMPORT_LINES = 10_000;
/** At most this many errors are reported; the file is refused either way. */
const MAX_ERRORS_REPORTED = 50;
const REASON = /^[a-z0-9_-]{1,32}$/;

function csvLine(e: SuppressionEntry): string {
  return (
    [e.address, e.reason, e.note, e.expiresAt ?? '', e.source, e.firstSeen, e.lastSeen, e.bounceCount].map(csvField).join(',') + '\r\n'
  );
}

/** The export, line by line, page by page (bounded memory at any size of the list). */
export async function* exportCsv(store: Pick<Store, 'suppressions'>, filters: SuppressionFilters = {}): AsyncGenerator<string> {
  yield `${[...CSV_COLUMNS, ...INFO_COLUMNS].join(',')}\r\n`;
  for await (const e of store.suppressions.each(filters)) yield csvLine(e);
}

/**
 * RFC 4180 records of `text`, each with the line number it starts on. Throws on a quote left
 * open at the end. Bounded by the caller's size limit on `text`.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM (Excel writes one)
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvError([`line ${start}: a quoted cell is never closed`]);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    out.push({ line: start, cells });
  }
  // Blank lines are no records.
  return out.filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
}

export class CsvError extends Error {
  errors: string[];
  constructor(errors: string[]) {
    super(`the file was not imported, nothing was written:\n${errors.join('\n')}`);
    this.name = 'CsvError';
    this.errors = errors;
  }
}

/** Undoes neutralise(): a cell this export wrote as '=... comes back as =... */
function unguard(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

export interface ImportedLine {
  line: number;
  address: string;
  reason: string;
  note: string;
  expiresAt: Date | null;
}

/** Checks every line; returns them all, or throws a CsvError naming each bad line. */
export function readImport(text: string, now: Date, maxLines = DEFAULT_MAX_IMPORT_LINES): ImportedLine[] {
  const records = parseCsv(text);
  if (records.length === 0) throw new CsvError(['the file is empty']);
  const header = records[0]!.cells.map((c) => c.trim().toLowerCase());
  const known = new Set<string>([...CSV_COLUMNS, ...INFO_COLUMNS]);
  const unknown = header.filter((h) => !known.has(h));
  if (!header.includes('address') || unknown.length > 0) {
    throw new CsvError([
      `line 1: the header must name the columns (${CSV_COLUMNS.join(', ')})${unknown.length ? `; unknown: ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(', ')}` : ''}`,
    ]);
  }
  if (new Set(header).size !== header.length) throw new CsvError(['line 1: a column is named twice']);
  if (records.length - 1 > maxLines)
    throw new CsvError([`the file has ${records.length - 1} lines; at most ${maxLines} are imported at once`]);
  const col = (cells: string[], name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? '' : unguard((cells[i] ?? '').trim());
  };
  const errors: string[] = [];
  const seen = new Map<string, number>();
  const out: ImportedLine[] = [];
  for (const { line, cells } of records.slice(1)) {
    const fail = (why: string) => errors.push(`line ${line}: ${why}`);
    if (cells.length !== header.length) {
      fail(`${cells.length} cells, the header has ${header.length}`);
      continue;
    }
    let address: string;
    try {
      address = normaliseKey(col(cells, 'address')).key;
    } catch (err) {
      fail((err as Error).message);
      continue;
    }
    const first = seen.get(address);
    if (first !== undefined) {
      fail(`${address} is already on line ${first}`);
      continue;
    }
    seen.set(address, line);
    const reason = col(cells, 'reason').toLowerCase() || 'manual';
    if (!REASON.test(reason)) {
      fail(`the reason "${reason.slice(0, 40)}" is not a reason name (letters, digits, - and _)`);
      continue;
    }
    const note = col(cells, 'note');
    if (note.length > MAX_NOTE_LENGTH) {
      fail(`the note is longer than ${MAX_NOTE_LENGTH} characters`);
      continue;
    }
    if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(note)) {
      fail('the note holds control characters');
      continue;
    }
    const expiry = col(cells, 'expiry');
    let expiresAt: Date | null = null;
    if (expiry) {
      // A day (YYYY-MM-DD, midnight UTC) or a whole ISO 8601 time; nothing looser.
      const ok = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?(?:Z|[+-]\d\d:\d\d))?$/.test(expiry);
      expiresAt = ok ? new Date(expiry.length === 10 ? `${expiry}T00:00:00Z` : expiry.replace(' ', 'T')) : null;
      if (!expiresAt || Number.isNaN(expiresAt.getTime())) {
        fail(`the expiry "${expiry.slice(0, 40)}" is not a date (YYYY-MM-DD or ISO 8601 with a zone)`);
        continue;
      }
      if (expiresAt <= now) {
        fail(`the expiry ${expiry} has passed`);
        continue;
      }
    }
    out.push({ line, address, reason, note, expiresAt });
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS_REPORTED);
    if (errors.length > shown.length) shown.push(`... and ${errors.length - shown.length} more`);
    throw new CsvError(shown);
  }
  return out;
}

/**
 * Imports a checked file in one transaction: each line adds its address (or refreshes one in
 * force). Returns how many were new. Throws CsvError, having written nothing, when any line
 * is bad.
 */
export async function importCsv(
  store: Store,
  text: string,
  opts: { by: string; now: Date; maxLines?: number },
): Promise<{ added: number; refreshed: number }> {
  const lines = readImport(text, opts.now, opts.maxLines);
  return store.transaction(async (tx) => {
    let added = 0;
    for (const l of lines) {
      const r = await tx.suppressions.add(
        { address: l.address, reason: l.reason, source: 'import', note: l.note, by: opts.by, expiresAt: l.expiresAt },
        opts.now,
      );
      if (r.created) added++;
    }
    return { added, refreshed: lines.length - added };
  });
}
