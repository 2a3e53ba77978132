// File import: feeds existing mail (one message file, a folder of .eml files, a Maildir or an
// mbox) through the same ingest() as LMTP and IMAP. Messages are read one at a time and at
// most IMPORT_CONCURRENCY are in flight (so ingest groups their commits), and an mbox is
// streamed (mbox.ts): memory stays bounded whatever the size of the mailbox. An mbox import
// saves its resume point as it goes; run again after an interruption, it starts there.

import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Ingestor } from '../ingest.ts';
import type { Store } from '../store/store.ts';
import { looksLikeMbox, readMbox } from './mbox.ts';

export interface ImportTotals {
  read: number;
  processed: number;
  skipped: number;
  problem: number;
  duplicates: number;
  /** Messages that could not be stored (temporary failure); run the import again for them. */
  failed: number;
  /** Notices queued for the bounces recorded (see IMPORT_NOTIFY_MAX_AGE, --no-notify). */
  noticesQueued: number;
}

export function emptyTotals(): ImportTotals {
  return { read: 0, processed: 0, skipped: 0, problem: 0, duplicates: 0, failed: 0, noticesQueued: 0 };
}

export interface ImportOptions {
  ingestor: Ingestor;
  /** Called after each message, for a progress line; `fraction` is how far through PATH, 0..1. */
  onProgress?: (totals: ImportTotals, where: string, fraction: number) => void;
  onError?: (where: string, err: unknown) => void;
  /** Resume points of mbox imports: an interrupted import of a large mbox starts where it stopped. */
  checkpoints?: ImportCheckpoints;
  /** Called when an mbox import resumes after `skipped` messages stored by an earlier run. */
  onResume?: (file: string, skipped: number) => void;
}

/** One message as read: where it came from, and for an mbox its byte range. */
export interface ReadMessage {
  where: string;
  raw: Buffer;
  /** How far through PATH this message is, 0..1 (for a progress bar's ETA). */
  fraction: number;
  /** For a message of an mbox: the file and its byte range (the resume point after it). */
  mbox?: { file: string; start: number; end: number };
  /** Over mbox.ts's size bound: reported as not stored, never stored cut. */
  tooBig?: boolean;
}

/** Where an earlier run of an mbox import got to: every message before `offset` is stored. */
export interface MboxCheckpoint {
  offset: number;
  /** Messages before the offset. */
  read: number;
  /** sha256 of the file's first bytes (up to HEAD_BYTES): the same file, not a new one at that path. */
  head: string;
}

/** Keeps the checkpoints of mbox imports (the settings table; see settingsCheckpoints). */
export interface ImportCheckpoints {
  get(file: string): Promise<MboxCheckpoint | undefined>;
  set(file: string, c: MboxCheckpoint): Promise<void>;
}

const HEAD_BYTES = 64 * 1024;
/**
 * Messages in flight at once: ingest groups what is waiting into one commit, so more in
 * flight means fewer, larger commits. 256 against 64: 4-20% less CPU over a 10,000-message
 * mbox; 1024 against 256 over 20,000 messages: 80 commits instead of 210, 9% less CPU
 * (tests/bench/RESULTS.md). An import owes no one a reply per message, so a commit of
 * hundreds costs nothing but the write lock's time; the commit queue bounds a group (256
 * writes, 500 ms: src/store/commit-queue.ts) so another process's wait for that lock stays
 * well within its busy timeout. Bounded also by their bytes, for memory.
 */
export const IMPORT_CONCURRENCY = 1024;
/** The bytes of the messages in flight at once (a message over it still goes, alone). */
export const IMPORT_IN_FLIGHT_BYTES = 32 * 1024 * 1024;
/** Save the resume point every this many messages (and at the end). */
const CHECKPOINT_EVERY = 1000;

/** Yields each message of PATH with a label saying where it came from. */
export async function* readMessages(target: string, resume?: { from: number; read: number }): AsyncGenerator<ReadMessage> {
  const st = await stat(target);
  if (st.isDirectory()) {
    const entries = await readdir(target, { withFileTypes: true });
    const names = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
    if (names.has('cur') || names.has('new')) {
      // Maildir: the messages are the files in cur/ and new/ (tmp/ holds unfinished deliveries).
      const paths: string[] = [];
      for (const sub of ['new', 'cur']) {
        if (!names.has(sub)) continue;
        const files = (await readdir(path.join(target, sub))).filter((f) => !f.startsWith('.')).sort();
        for (const f of files) paths.push(path.join(target, sub, f));
      }
      for (const [i, p] of paths.entries()) yield { where: p, raw: await readFile(p), fraction: (i + 1) / paths.length };
      return;
    }
    const files = entries.filter((x) => x.isFile() && !x.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
    for (const [i, e] of files.entries()) {
      for await (const m of readMessages(path.join(target, e.name))) yield { ...m, fraction: (i + m.fraction) / files.length };
    }
    return;
  }
  if (await looksLikeMbox(target)) {
    let n = resume?.read ?? 0;
    for await (const m of readMbox(target, { from: resume?.from ?? 0 })) {
      n += 1;
      yield {
        where: `${target}#${n}`,
        raw: m.raw,
        fraction: st.size ? m.end / st.size : 1,
        mbox: { file: target, start: m.start, end: m.end },
        ...(m.truncated ? { tooBig: true } : {}),
      };
    }
    return;
  }
  yield { where: target, raw: await readFile(target), fraction: 1 };
}

async function headHash(file: string, upTo: number): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(upTo, HEAD_BYTES));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return createHash('sha256').update(buf.subarray(0, bytesRead)).digest('hex');
  } finally {
    await fh.close();
  }
}

/** Checkpoints in the settings table, one per mbox file (by its real path). */
export function settingsCheckpoints(store: Store): ImportCheckpoints {
  const key = (file: string) => `import.mbox:${path.resolve(file)}`;
  return {
    async get(file) {
      const v = await store.settings.get(key(file));
      if (!v) return undefined;
      try {
        const c = JSON.parse(v) as MboxCheckpoint;
        return Number.isSafeInteger(c.offset) && Number.isSafeInteger(c.read) && typeof c.head === 'string' ? c : undefined;
      } catch {
        return undefined;
      }
    },
    async set(file, c) {
      await store.settings.set(key(file), JSON.stringify(c));
    },
  };
}

/** Where an earlier run left this mbox, when the file is still the same one up to there. */
async function resumePoint(
  target: string,
  checkpoints: ImportCheckpoints | undefined,
): Promise<{ from: number; read: number } | undefined> {
  const c = await checkpoints?.get(target);
  if (!c || c.offset <= 0) return undefined;
  const st = await stat(target).catch(() => undefined);
  if (!st?.isFile() || st.size < c.offset) return undefined;
  if ((await headHash(target, c.offset)) !== c.head) return undefined;
  return { from: c.offset, read: c.read };
}

export async function importPath(target: string, opts: ImportOptions): Promise<ImportTotals> {
  const totals = emptyTotals();
  const resume = await resumePoint(target, opts.checkpoints);
  if (resume) opts.onResume?.(target, resume.read);
  // Messages of an mbox in file order while in flight: the resume point is the start of the
  // first one not yet stored, and never moves past one that failed.
  const pending: { start: number; end: number; done: boolean }[] = [];
  let safe = resume?.from ?? 0;
  let safeRead = resume?.read ?? 0;
  let failedAt: number | undefined;
  let sinceSave = 0;
  let head: string | undefined;
  const save = async (file: string) => {
    if (!opts.checkpoints || safe === 0) return;
    head ??= await headHash(file, HEAD_BYTES);
    // The head hash covers the first HEAD_BYTES; for a resume point inside them, hash up to it.
    const h = safe < HEAD_BYTES ? await headHash(file, safe) : head;
    try {
      await opts.checkpoints.set(file, { offset: safe, read: safeRead, head: h });
    } catch {
      // Only the resume point is lost: a later run recognises what is stored (duplicates).
    }
    sinceSave = 0;
  };

  const inFlight = new Set<Promise<void>>();
  let inFlightBytes = 0;
  // One waiter woken by any message that completes (a Promise.race over every message in
  // flight would add a reaction to each of them per message read).
  let wakeReader: (() => void) | undefined;
  let mboxFile: string | undefined;
  for await (const m of readMessages(target, resume)) {
    totals.read += 1;
    const slot = m.mbox ? { start: m.mbox.start, end: m.mbox.end, done: false } : undefined;
    if (slot) {
      pending.push(slot);
      mboxFile = m.mbox!.file;
    }
    const ingested = m.tooBig
      ? Promise.reject(new Error('message over the size bound of an mbox message; not imported'))
      : opts.ingestor.ingest({ raw: m.raw, source: 'import' });
    const task = ingested.then(
      (result) => {
        totals.noticesQueued += result.noticesQueued ?? 0;
        if (result.duplicate) totals.duplicates += 1;
        else if (result.outcome === 'Processed') totals.processed += 1;
        else if (result.outcome === 'Skipped') totals.skipped += 1;
        else totals.problem += 1;
        if (slot) slot.done = true;
      },
      (err: unknown) => {
        totals.failed += 1;
        if (slot) failedAt = Math.min(failedAt ?? slot.start, slot.start);
        opts.onError?.(m.where, err);
      },
    );
    const bytes = m.raw.length;
    const tracked = task.then(() => {
      inFlight.delete(tracked);
      inFlightBytes -= bytes;
      const wake = wakeReader;
      wakeReader = undefined;
      wake?.();
      while (pending.length && pending[0]!.done && (failedAt === undefined || pending[0]!.end <= failedAt)) {
        safe = pending.shift()!.end;
        safeRead += 1;
        sinceSave += 1;
      }
      opts.onProgress?.(totals, m.where, m.fraction);
    });
    inFlight.add(tracked);
    inFlightBytes += bytes;
    while (inFlight.size >= IMPORT_CONCURRENCY || (inFlightBytes >= IMPORT_IN_FLIGHT_BYTES && inFlight.size > 0)) {
      await new Promise<void>((resolve) => (wakeReader = resolve));
    }
    if (mboxFile && sinceSave >= CHECKPOINT_EVERY) await save(mboxFile);
  }
  await Promise.all(inFlight);
  if (mboxFile) await save(mboxFile);
  return totals;
}
