// A streaming mbox reader: one message at a time with its byte range in the file, in memory
// bounded by the largest message (never the file), so `rebound import` of a mailbox of
// hundreds of thousands of bounces runs in constant memory and can resume at an offset.
//
// Format (RFC 4155, and the mboxrd convention most MTAs and mail clients write):
// - a message starts at a "From " line (the postmark) at the start of the file or right
//   after an empty line, and only when that line looks like a postmark: "From ", a sender
//   (or nothing), and a date with a time of day. A "From " line inside a body that a writer
//   forgot to escape (mboxo) does not split the message;
// - the empty line before the next postmark belongs to the format, not to the message;
// - mboxrd escaping: a body line ">From ", ">>From ", ... loses one '>' on the way out.

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
const GT = 0x3e;
/** A time of day after the sender: asctime's "hh:mm:ss" (or "hh:mm"), as every writer puts. */
const POSTMARK = /^From [^\r\n]*?\d{1,2}:\d\d/;
const DEFAULT_MAX_MESSAGE = 64 * 1024 * 1024;

/** True when the line (without its newline) is a postmark by the strict rule. */
export function isPostmark(line: Buffer): boolean {
  if (line.length < 5 || line.compare(FROM, 0, 5, 0, 5) !== 0) return false;
  return POSTMARK.test(line.toString('latin1', 0, Math.min(line.length, 200)));
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

/** The messages of an mbox, in file order, each with its byte range. */
export async function* readMbox(file: string, opts: MboxOptions = {}): AsyncGenerator<MboxMessage & { truncated?: boolean }> {
  const max = opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE;
  const chunk = Buffer.alloc(opts.chunkBytes ?? 1024 * 1024);
  const fh = await open(file, 'r');
  try {
    let pos = opts.from ?? 0;
    let rest: Buffer = Buffer.alloc(0);
    let restStart = pos;
    // The message being read: its lines, the byte count kept, where it started.
    let parts: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let start = -1;
    // Whether the previous line was empty (a postmark may follow only such a line), and
    // whether that empty line is held back (it belongs to the format if a postmark follows).
    let prevEmpty = true;
    let heldEmpty: Buffer | undefined;

    const keep = (b: Buffer) => {
      if (size + b.length > max) {
        truncated = true;
        b = b.subarray(0, Math.max(0, max - size));
      }
      if (b.length) {
        parts.push(b);
        size += b.length;
      }
    };
    const finish = (end: number): MboxMessage & { truncated?: boolean } => {
      const m = { raw: Buffer.concat(parts, size), start, end, ...(truncated ? { truncated } : {}) };
      parts = [];
      size = 0;
      truncated = false;
      return m;
    };

    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
      const eof = bytesRead === 0;
      // Copy: `chunk` is reused by the next read, and kept lines must not change under us.
      const buf: Buffer = eof
        ? rest
        : rest.length
          ? Buffer.concat([rest, chunk.subarray(0, bytesRead)])
          : Buffer.from(chunk.subarray(0, bytesRead));
      const bufStart = restStart;
      pos += bytesRead;
      let off = 0;
      for (;;) {
        let nl = buf.indexOf(NL, off);
        if (nl < 0) {
          if (!eof || off >= buf.length) break;
          nl = buf.length - 1; // the last line, without a newline
        }
        const line = buf.subarray(off, nl + 1);
        const lineStart = bufStart + off;
        off = nl + 1;
        const text = line[line.length - 1] === NL ? line.subarray(0, line[line.length - 2] === 0x0d ? -2 : -1) : line;
        if (prevEmpty && isPostmark(text)) {
          if (start >= 0) yield finish(lineStart);
          start = lineStart;
          heldEmpty = undefined;
          prevEmpty = false;
          continue;
        }
        if (start < 0) continue; // before the first postmark: not a message
        if (heldEmpty) keep(heldEmpty);
        heldEmpty = undefined;
        if (text.length === 0) {
          heldEmpty = line;
          prevEmpty = true;
          continue;
        }
        prevEmpty = false;
        keep(isEscapedFrom(text) ? line.subarray(1) : line);
      }
      if (eof) break;
      rest = Buffer.from(buf.subarray(off));
      restStart = bufStart + off;
      // A held empty line points into `buf`: copy it before `buf` goes.
      if (heldEmpty) heldEmpty = Buffer.from(heldEmpty);
    }
    if (start >= 0) yield finish(pos);
  } finally {
    await fh.close();
  }
}
