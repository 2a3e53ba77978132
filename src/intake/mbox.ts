// A streaming mbox reader: one message at a time with its byte range in the file, in memory
// bounded by the largest message (never the file), so `rebound import` of a mailbox of
// hundreds of thousands of bounces runs in constant memory and can resume at an offset.
//
// Format (RFC 4155, and the mboxrd convention most MTAs and mail clients write):
// - a message starts at a "From " line (the postmark) at the start of the file or right
//   after an empty line, and only when that line looks like a postmark: "From ", a sender
//   (or nothing), and a date with a time of day. A "From " line inside a body that a writer
//   forgot to escape (mboxo) does not split the message. One exception, for files that tools
//   concatenated without the empty line: a postmark with a sender and a whole asctime date
//   right after a body line starts a message when a header field follows it;
// - the empty line before the next postmark belongs to the format, not to the message;
// - mboxrd escaping: a body line ">From ", ">>From ", ... loses one '>' on the way out;
// - lines end in LF or CRLF, or in CR alone (old Mac mail), as the file's first line ends.
//
// One rule serves the importer (`readMbox`, a file as a stream) and tools that hold a file in
// memory (`splitMbox`, the corpus scorer), so both split the same file the same way.

import { open } from 'node:fs/promises';

export interface MboxMessage {
  raw: Buffer;
  /** Offset of the message's postmark line in the file. */
  start: number;
  /** Offset just past the message (where the next postmark, or the end of the file, is). */
  end: number;
}

export interface MboxOptions {
  /** Start reading at this offset, which must be the start of a postmark line (a resume point). */
  from?: number;
  /** A message over this many bytes is yielded cut to it, with `truncated` set (default 64 MB). */
  maxMessageBytes?: number;
  /** Read size (default 1 MB). */
  chunkBytes?: number;
}

const FROM = Buffer.from('From ', 'latin1');
const NL = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
/** A time of day after the sender: asctime's "hh:mm:ss" (or "hh:mm"), as every writer puts. */
const POSTMARK = /^From [^\r\n]*?\d{1,2}:\d\d/;
const DEFAULT_MAX_MESSAGE = 64 * 1024 * 1024;
/** Messages `splitMbox` returns from one buffer at the most; the rest are ignored (hostile input bound). */
export const MAX_MBOX_MESSAGES = 64;

/** True when the line (without its newline) is a postmark by the strict rule. */
export function isPostmark(line: Buffer): boolean {
  if (line.length < 5 || line.compare(FROM, 0, 5, 0, 5) !== 0) return false;
  return POSTMARK.test(line.toString('latin1', 0, Math.min(line.length, 200)));
}

/**
 * A postmark with a whole asctime date ("From sender Thu Jul  2 12:05:05 2020"). Some tools
 * concatenate messages into an mbox without the empty line between them; such a line starts a
 * message only when a header field follows it, so an unescaped "From " line of a body does not.
 */
const DATED_POSTMARK =
  /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d(?::\d\d)? (?:\d{4}|[A-Z]{2,5} \d{4})/;
/** A header field's start: a field name (RFC 5322 section 3.6.8) and a colon. */
const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+:/;

function isDatedPostmark(line: Buffer): boolean {
  return (
    line.length >= 5 && line.compare(FROM, 0, 5, 0, 5) === 0 && DATED_POSTMARK.test(line.toString('latin1', 0, Math.min(line.length, 200)))
  );
}

/** True for ">From ", ">>From ", ...: an mboxrd-escaped line (one '>' comes off). */
function isEscapedFrom(line: Buffer): boolean {
  let i = 0;
  while (i < line.length && line[i] === GT) i++;
  return i > 0 && line.length - i >= 5 && line.compare(FROM, 0, 5, i, i + 5) === 0;
}

/** True when the file starts with a postmark (what tells an mbox from a single message file). */
export async function looksLikeMbox(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const nl = head.subarray(0, bytesRead).indexOf(NL);
    return isPostmark(head.subarray(0, nl < 0 ? bytesRead : nl));
  } finally {
    await fh.close();
  }
}

/**
 * The line end of a file, from its first line: CR when that line ends in a CR with no LF after
 * it (old Mac mail), else LF (which also ends CRLF lines). Undefined until a line end is seen.
 */
function lineEndOf(buf: Buffer, eof: boolean): number | undefined {
  const lf = buf.indexOf(NL);
  const cr = buf.indexOf(CR);
  if (cr >= 0 && (lf < 0 || cr < lf)) {
    if (cr + 1 < buf.length) return buf[cr + 1] === NL ? NL : CR;
    return eof ? CR : undefined;
  }
  return lf >= 0 || eof ? NL : undefined;
}

type Message = MboxMessage & { truncated?: boolean };

/** The splitting rule, fed one line at a time; yields each message as the next one starts. */
class MboxSplitter {
  // The message being read: its lines, the byte count kept, where it started.
  private parts: Buffer[] = [];
  /** The lines kept last, contiguous in one buffer: where they start, and how many bytes. */
  private run: Buffer | undefined;
  private runBytes = 0;
  private size = 0;
  private truncated = false;
  private start = -1;
  // Whether the previous line was empty (a postmark may follow only such a line), and
  // whether that empty line is held back (it belongs to the format if a postmark follows).
  private prevEmpty = true;
  private heldEmpty: Buffer | undefined;
  // A dated postmark right after a body line: a message boundary only if a header follows.
  private pending: { line: Buffer; at: number } | undefined;

  private readonly maxMessageBytes: number;
  private readonly lineEnd: number;

  constructor(maxMessageBytes: number, lineEnd: number) {
    this.maxMessageBytes = maxMessageBytes;
    this.lineEnd = lineEnd;
  }

  /** Takes one line (with its line end) that starts at `at`; returns the message it ends, if any. */
  line(line: Buffer, at: number): Message | undefined {
    const text = this.withoutLineEnd(line);
    // A pending postmark and a postmark on this line exclude each other: this line is either
    // a header field (the pending one was a postmark) or not (it was a body line).
    const done = this.settlePending(text);
    if (this.prevEmpty && isPostmark(text)) return this.begin(at);
    if (this.start < 0) return done; // before the first postmark: not a message
    if (!this.prevEmpty && isDatedPostmark(text)) this.pending = { line, at };
    else this.body(line, text);
    return done;
  }

  /** The last message, which ends at `end` (the end of the input). */
  end(end: number): Message | undefined {
    if (this.pending) this.body(this.pending.line, this.withoutLineEnd(this.pending.line));
    this.pending = undefined;
    return this.start >= 0 ? this.finish(end) : undefined;
  }

  /** Copies what still points into the caller's buffer, before the caller reuses it. */
  detach(): void {
    if (this.heldEmpty) this.heldEmpty = Buffer.from(this.heldEmpty);
    if (this.pending) this.pending = { ...this.pending, line: Buffer.from(this.pending.line) };
  }

  /** A pending postmark starts a message when a header field follows it, else it is body. */
  private settlePending(next: Buffer): Message | undefined {
    const pending = this.pending;
    if (!pending) return undefined;
    this.pending = undefined;
    if (HEADER_FIELD.test(next.toString('latin1', 0, Math.min(next.length, 200)))) return this.begin(pending.at);
    this.body(pending.line, this.withoutLineEnd(pending.line));
    return undefined;
  }

  private begin(at: number): Message | undefined {
    const done = this.start >= 0 ? this.finish(at) : undefined;
    this.start = at;
    this.heldEmpty = undefined;
    this.prevEmpty = false;
    return done;
  }

  private body(line: Buffer, text: Buffer): void {
    if (this.heldEmpty) this.keep(this.heldEmpty);
    this.heldEmpty = undefined;
    if (text.length === 0) {
      this.heldEmpty = line;
      this.prevEmpty = true;
      return;
    }
    this.prevEmpty = false;
    this.keep(isEscapedFrom(text) ? line.subarray(1) : line);
  }

  private withoutLineEnd(line: Buffer): Buffer {
    if (line[line.length - 1] !== this.lineEnd) return line;
    return line.subarray(0, this.lineEnd === NL && line[line.length - 2] === CR ? -2 : -1);
  }

  private keep(b: Buffer): void {
    if (this.size + b.length > this.maxMessageBytes) {
      this.truncated = true;
      b = b.subarray(0, Math.max(0, this.maxMessageBytes - this.size));
    }
    if (b.length === 0) return;
    // A line that follows the last one kept in the same buffer extends the run of lines: a
    // message becomes a few slices, not one per line, for the copy that joins them (finish).
    if (this.run && this.run.buffer === b.buffer && this.run.byteOffset + this.runBytes === b.byteOffset) {
      this.runBytes += b.length;
    } else {
      this.closeRun();
      this.run = b;
      this.runBytes = b.length;
    }
    this.size += b.length;
  }

  /** Keeps the run of lines as one slice. */
  private closeRun(): void {
    if (this.run) this.parts.push(Buffer.from(this.run.buffer, this.run.byteOffset, this.runBytes));
    this.run = undefined;
  }

  private finish(end: number): Message {
    this.closeRun();
    const m = { raw: Buffer.concat(this.parts, this.size), start: this.start, end, ...(this.truncated ? { truncated: true } : {}) };
    this.parts = [];
    this.size = 0;
    this.truncated = false;
    return m;
  }
}

/**
 * Feeds the whole lines of `buf` (which starts at file offset `bufStart`) to the splitter,
 * and at `eof` the last line without a line end too; returns the messages they end and the
 * offset in `buf` of the first line not fed.
 */
function feedLines(splitter: MboxSplitter, lineEnd: number, buf: Buffer, bufStart: number, eof: boolean) {
  const done: Message[] = [];
  let off = 0;
  while (off < buf.length) {
    let eol = buf.indexOf(lineEnd, off);
    if (eol < 0) {
      if (!eof) break;
      eol = buf.length - 1; // the last line, without a line end
    }
    const m = splitter.line(buf.subarray(off, eol + 1), bufStart + off);
    if (m) done.push(m);
    off = eol + 1;
  }
  return { done, off };
}

/** The messages of an mbox, in file order, each with its byte range. */
export async function* readMbox(file: string, opts: MboxOptions = {}): AsyncGenerator<Message> {
  const max = opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE;
  const chunk = Buffer.alloc(opts.chunkBytes ?? 1024 * 1024);
  const fh = await open(file, 'r');
  try {
    let pos = opts.from ?? 0;
    let rest: Buffer = Buffer.alloc(0);
    let restStart = pos;
    let lineEnd: number | undefined;
    let splitter: MboxSplitter | undefined;
    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
      const eof = bytesRead === 0;
      // Copy: `chunk` is reused by the next read, and kept lines must not change under us.
      const buf: Buffer = eof
        ? rest
        : rest.length
          ? Buffer.concat([rest, chunk.subarray(0, bytesRead)])
          : Buffer.from(chunk.subarray(0, bytesRead));
      pos += bytesRead;
      lineEnd ??= lineEndOf(buf, eof);
      if (lineEnd === undefined) {
        rest = buf; // no line end yet: read on
        continue;
      }
      splitter ??= new MboxSplitter(max, lineEnd);
      const { done, off } = feedLines(splitter, lineEnd, buf, restStart, eof);
      yield* done;
      if (eof) break;
      rest = Buffer.from(buf.subarray(off));
      restStart += off;
      splitter.detach(); // a held empty line points into `buf`
    }
    const last = splitter?.end(pos);
    if (last) yield last;
  } finally {
    await fh.close();
  }
}

/**
 * The messages of an mbox held in memory (at most MAX_MBOX_MESSAGES), by the same rule as
 * `readMbox`; a buffer that does not start with a postmark is one message, returned whole.
 */
export function splitMbox(raw: Buffer): Buffer[] {
  const lineEnd = lineEndOf(raw, true) ?? NL;
  const first = raw.indexOf(lineEnd);
  if (!isPostmark(raw.subarray(0, first < 0 ? raw.length : first))) return [raw];
  const splitter = new MboxSplitter(Infinity, lineEnd);
  const { done } = feedLines(splitter, lineEnd, raw, 0, true);
  const last = splitter.end(raw.length);
  return (last ? [...done, last] : done).slice(0, MAX_MBOX_MESSAGES).map((m) => m.raw);
}
