// File import: feeds existing mail (one message file, a folder of .eml files, a Maildir or an
// mbox) through the same ingest() as LMTP and IMAP. Messages are read one at a time, so a
// large mbox is never held in memory whole.

import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Ingestor, IngestResult } from '../ingest.ts';

export interface ImportTotals {
  read: number;
  processed: number;
  skipped: number;
  problem: number;
  duplicates: number;
  /** Messages that could not be stored (temporary failure); run the import again for them. */
  failed: number;
  /** Notices queued for the bounces recorded. */
  noticesQueued: number;
}

export function emptyTotals(): ImportTotals {
  return { read: 0, processed: 0, skipped: 0, problem: 0, duplicates: 0, failed: 0, noticesQueued: 0 };
}

export interface ImportOptions {
  ingestor: Ingestor;
  /** Called after each message, for a progress line. */
  onProgress?: (totals: ImportTotals, where: string) => void;
  onError?: (where: string, err: unknown) => void;
}

/** Yields each message of PATH with a label saying where it came from. */
export async function* readMessages(target: string): AsyncGenerator<{ where: string; raw: Buffer }> {
  const st = await stat(target);
  if (st.isDirectory()) {
    const entries = await readdir(target, { withFileTypes: true });
    const names = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
    if (names.has('cur') || names.has('new')) {
      // Maildir: the messages are the files in cur/ and new/ (tmp/ holds unfinished deliveries).
      for (const sub of ['new', 'cur']) {
        if (!names.has(sub)) continue;
        const files = (await readdir(path.join(target, sub))).filter((f) => !f.startsWith('.')).sort();
        for (const f of files) {
          const p = path.join(target, sub, f);
          yield { where: p, raw: await readFile(p) };
        }
      }
      return;
    }
    for (const e of entries.filter((x) => x.isFile() && !x.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(target, e.name);
      yield* readMessages(p);
    }
    return;
  }
  if (await looksLikeMbox(target)) {
    let n = 0;
    for await (const raw of splitMbox(target)) {
      n += 1;
      yield { where: `${target}#${n}`, raw };
    }
    return;
  }
  yield { where: target, raw: await readFile(target) };
}

async function looksLikeMbox(file: string): Promise<boolean> {
  const fh = createReadStream(file, { start: 0, end: 4 });
  const chunks: Buffer[] = [];
  for await (const c of fh) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('latin1') === 'From ';
}

/**
 * Splits an mbox file into messages. A line beginning "From " starts a new message
 * (RFC 4155); the mboxrd escape ">From " (any number of '>') loses one '>' on the way out.
 */
export async function* splitMbox(file: string): AsyncGenerator<Buffer> {
  let lines: Buffer[] = [];
  let rest = Buffer.alloc(0);
  let started = false;
  const finish = () => {
    // The blank line before the next "From " belongs to the mbox format, not the message.
    if (lines.length > 0 && lines[lines.length - 1]!.toString('latin1').trim() === '') lines.pop();
    const msg = Buffer.concat(lines);
    lines = [];
    return msg;
  };
  const take = function* (line: Buffer): Generator<Buffer> {
    if (line.subarray(0, 5).toString('latin1') === 'From ') {
      if (started && lines.length > 0) yield finish();
      started = true;
      lines = [];
      return;
    }
    if (/^>+From /.test(line.subarray(0, 80).toString('latin1'))) line = line.subarray(1);
    if (started) lines.push(line);
  };
  for await (const chunk of createReadStream(file)) {
    let buf = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let nl: number;
    while ((nl = buf.indexOf(10)) >= 0) {
      yield* take(buf.subarray(0, nl + 1));
      buf = buf.subarray(nl + 1);
    }
    rest = Buffer.from(buf);
  }
  if (rest.length) yield* take(rest);
  if (started && lines.length > 0) yield finish();
}

export async function importPath(target: string, opts: ImportOptions): Promise<ImportTotals> {
  const totals = emptyTotals();
  for await (const { where, raw } of readMessages(target)) {
    totals.read += 1;
    let result: IngestResult | undefined;
    try {
      result = await opts.ingestor.ingest({ raw, source: 'import' });
    } catch (err) {
      totals.failed += 1;
      opts.onError?.(where, err);
    }
    if (result) {
      totals.noticesQueued += result.noticesQueued ?? 0;
      if (result.duplicate) totals.duplicates += 1;
      else if (result.status === 'Processed') totals.processed += 1;
      else if (result.status === 'Skipped') totals.skipped += 1;
      else totals.problem += 1;
    }
    opts.onProgress?.(totals, where);
  }
  return totals;
}
