// The classifier's slow path: a full MIME parse with mailparser, for the few messages the
// bounded scanner (mime.ts) cannot read.
//
// Why two readers: the scanner reads a bounce straight from the bytes at thousands of
// messages a second but gives up, by design, past its bounds (nesting, part count, header
// block size) and on charsets it cannot name; mailparser reads everything at a few hundred a
// second. So the scanner reads every message, and mailparser only those where the scan shows
// it missed something (fullParseTrigger). Both readers produce the same MimeEntity tree, and
// one decision function (classifyEntity in classify.ts) reads it: two readers, one decision.

import iconv from 'iconv-lite';
import type { Attachment, ParsedMail } from 'mailparser';
import {
  DSN_TYPES,
  MAX_HEADER_BYTES,
  MAX_MESSAGE_BYTES,
  MAX_NESTING_DEPTH,
  MAX_PARTS,
  RETURNED_MESSAGE_TYPES,
  charsetLabel,
  decodeTransfer,
  parseContentType,
  parseEntity,
  parseHeaderBlock,
  headerValue,
  walkEntities,
  type Header,
  type MimeEntity,
} from './mime.ts';
import type { Classification } from './types.ts';

// mailparser is loaded on first use: importing it costs ~100-200 ms of start-up, which the
// classify CLI paid on every run although no corpus message needs the slow path
// (tests/bench/classify.ts). The service reads those messages on its classifier thread
// (classify-thread.ts), so its own thread never holds mailparser (~6 MB resident).
let mailparser: Promise<typeof import('mailparser')> | undefined;
const loadMailparser = () => (mailparser ??= import('mailparser'));

/** A full parse that takes longer than this is abandoned (the message gets an error result). */
export const FULL_PARSE_TIMEOUT_MS = 5_000;
/**
 * mailparser's own bound on one header block (mailsplit's maxHeadSize). Well above the
 * scanner's MAX_HEADER_BYTES, so a header block the scanner cuts is read whole here.
 */
const FULL_PARSE_MAX_HEADER_BYTES = 1024 * 1024;
/** HTML longer than this is not turned into text (skipHtmlToText makes it moot; a second guard). */
const FULL_PARSE_MAX_HTML_CHARS = 1024 * 1024;

/** Charset labels seen in bounces that need no lookup. */
const KNOWN_CHARSETS = new Set(['', 'us-ascii', 'ascii', 'utf-8', 'utf8', 'iso-8859-1', 'latin1', 'windows-1252', 'iso-8859-15']);

/** Why a message is given to the full parser; '' when the scan suffices. */
export type FullParseTrigger = '' | 'unreadable' | 'nesting' | 'parts' | 'header-size' | 'charset' | 'report-without-recipient';

/**
 * Decides from the scan and the fast result whether the full parser must read the message.
 * Cheap on purpose: it runs for every message; only a message the scanner gave up on, or a
 * report whose recipients it could not find, pays for mailparser.
 */
export function fullParseTrigger(raw: Buffer, root: MimeEntity | undefined, fast: Classification): FullParseTrigger {
  // The scanner threw: only the full parser can say more.
  if (!root) return fast.error?.startsWith('unreadable message') ? 'unreadable' : '';
  if (root.headers.length === 0) return '';
  if (rootHeaderBlockTooLarge(raw)) return 'header-size';
  let report = root.contentType === 'multipart/report';
  let seen = 0;
  for (const e of walkEntities(root)) {
    // The tree is bounded by the scanner; this bound only keeps the check cheap.
    if (++seen > MAX_PARTS * MAX_NESTING_DEPTH) break;
    if (
      e.depth >= MAX_NESTING_DEPTH &&
      ((e.contentType.startsWith('multipart/') && e.params.boundary) || RETURNED_MESSAGE_TYPES.has(e.contentType))
    )
      return 'nesting';
    if (e.parts.length >= MAX_PARTS) return 'parts';
    if (DSN_TYPES.has(e.contentType)) report = true;
    if (e.parts.length === 0 && (e.contentType.startsWith('text/') || DSN_TYPES.has(e.contentType)) && !charsetDecodable(e))
      return 'charset';
  }
  if (report && fast.kind === 'not-bounce' && fast.recipients.length === 0) return 'report-without-recipient';
  return '';
}

/**
 * True when the root header block ends past the scanner's MAX_HEADER_BYTES (the scanner
 * cuts it there, so Content-Type and the structure after it are lost). The scanner counts
 * after CRLF became LF, so CRLF pairs are not counted here either. Only messages longer
 * than the bound are looked at, with Buffer.indexOf on at most twice the bound.
 */
function rootHeaderBlockTooLarge(raw: Buffer): boolean {
  if (raw.length <= MAX_HEADER_BYTES) return false;
  if (raw[0] === 0x0a || raw[0] === 0x0d) return false;
  const window = raw.subarray(0, 2 * MAX_HEADER_BYTES + 4);
  const ends = [window.indexOf('\n\n'), window.indexOf('\r\n\r\n'), window.indexOf('\r\r')].filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : window.length;
  if (end <= MAX_HEADER_BYTES) return false;
  let crlf = 0;
  for (let at = window.indexOf('\r\n'); at >= 0 && at < end; at = window.indexOf('\r\n', at + 2)) crlf++;
  return end - crlf > MAX_HEADER_BYTES;
}

/** Labels the scanner's decodeCharset resolved before; bounded so hostile labels cannot grow it. */
const charsetCache = new Map<string, boolean>();
const MAX_CACHED_CHARSETS = 256;

/**
 * False when a part has bytes that need decoding and a charset label neither the WHATWG
 * decoder nor iconv-lite knows: the scanner then falls back to UTF-8 and the text is
 * garbled (ISO-2022-JP variants such as "iso-2022-jp-2", which mailparser hands to its
 * Japanese decoder).
 */
function charsetDecodable(e: MimeEntity): boolean {
  const label = charsetLabel(e.params.charset ?? '');
  if (KNOWN_CHARSETS.has(label)) return true;
  let known = charsetCache.get(label);
  if (known === undefined) {
    known = true;
    try {
      new TextDecoder(label);
    } catch {
      known = iconv.encodingExists(label);
    }
    if (charsetCache.size < MAX_CACHED_CHARSETS) charsetCache.set(label, known);
  }
  if (known) return true;
  // An unknown label on plain ASCII text changes nothing. ESC starts ISO-2022 shifts.
  const sample = decodeTransfer(e.body.length > 64 * 1024 ? e.body.slice(0, 64 * 1024) : e.body, e.transferEncoding);
  return !/[^\x00-\x7f]|\x1b/.test(sample);
}

/** mailparser's options: no HTML work, delivery-status parts kept as attachments. */
const PARSER_OPTIONS = {
  keepDeliveryStatus: true,
  skipHtmlToText: true,
  skipImageLinks: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  maxHtmlLengthToParse: FULL_PARSE_MAX_HTML_CHARS,
  maxHeadSize: FULL_PARSE_MAX_HEADER_BYTES,
};

/**
 * Reads a message with mailparser into the scanner's MimeEntity shape: the top headers
 * (whole, not cut at MAX_HEADER_BYTES), the text mailparser found (inline embedded messages
 * included, at any depth), the delivery-status and feedback parts, and the returned message
 * or headers. Messages over MAX_MESSAGE_BYTES are read up to that bound, as the scanner
 * reads them. Rejects when mailparser fails or takes longer than timeoutMs.
 */
export async function readWithMailparser(raw: Buffer, timeoutMs = FULL_PARSE_TIMEOUT_MS): Promise<MimeEntity> {
  const input = raw.length > MAX_MESSAGE_BYTES ? raw.subarray(0, MAX_MESSAGE_BYTES) : raw;
  const { simpleParser } = await loadMailparser();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`full parse took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // simpleParser cannot be aborted: after a timeout it finishes in the background and its
    // result is dropped; the message size bound above keeps that cost bounded.
    const mail = await Promise.race([simpleParser(input, PARSER_OPTIONS), timeout]);
    return entityFromParsed(mail);
  } finally {
    clearTimeout(timer);
  }
}

function entityFromParsed(mail: ParsedMail): MimeEntity {
  const headers = headersFromLines(mail.headerLines ?? []);
  const ct = parseContentType(headerValue(headers, 'content-type') || 'text/plain');
  const root = leaf(headers, ct.type, ct.params, '', 0);
  const text = mail.text ?? '';
  const isContainer = ct.type.startsWith('multipart/') || RETURNED_MESSAGE_TYPES.has(ct.type) || DSN_TYPES.has(ct.type);
  if (!isContainer && mail.attachments.length === 0) {
    // A single-part notice: its text is the body, as the scanner would read it.
    root.params = { ...ct.params, charset: 'utf-8' };
    root.contentType = ct.type === 'text/html' ? 'text/plain' : ct.type;
    root.body = utf8Binary(text);
    return root;
  }
  if (text.trim()) root.parts.push(leaf([], 'text/plain', { charset: 'utf-8' }, utf8Binary(text), 1));
  else if (typeof mail.html === 'string' && mail.html.trim())
    root.parts.push(leaf([], 'text/html', { charset: 'utf-8' }, utf8Binary(mail.html), 1));
  for (const a of mail.attachments.slice(0, MAX_PARTS)) {
    const part = attachmentEntity(a);
    if (part) root.parts.push(part);
  }
  // A multipart/report whose parts mailparser found deeper than the scanner could still
  // reads as a report: keep the root's type, the parts now sit directly under it.
  if (!ct.type.startsWith('multipart/')) root.contentType = 'multipart/mixed';
  return root;
}

function attachmentEntity(a: Attachment): MimeEntity | undefined {
  const type = a.contentType.toLowerCase();
  const charset = contentTypeParam(a, 'charset');
  const binary = a.content.toString('latin1');
  if (DSN_TYPES.has(type)) {
    // RFC 6533 section 6.2: message/global-delivery-status is UTF-8; the classic type is
    // US-ASCII unless the part names another charset (entityText decodes it).
    return leaf([], type, { charset: type === 'message/global-delivery-status' ? 'utf-8' : charset }, binary, 1);
  }
  if (type === 'message/feedback-report') return leaf([], type, { charset }, binary, 1);
  // An Italian certified-mail provider's certification data names the failed recipient of
  // its notice (lhost/pec.ts).
  if (/^daticert\.xml$/i.test((a.filename ?? '').trim())) return leaf([], type, { name: 'daticert.xml', charset }, binary, 1);
  if (RETURNED_MESSAGE_TYPES.has(type)) {
    const e = leaf([], type, {}, binary, 1);
    // The returned message is read by the scanner: it needs only its headers (and, for a
    // bounce forwarded as an attachment, its own report, which the scanner finds within its
    // bounds counted from here).
    const lf = binary.includes('\r') ? binary.replace(/\r\n?/g, '\n') : binary;
    e.message = parseEntity(lf.replace(/^\n+/, ''), 1);
    return e;
  }
  return undefined;
}

function contentTypeParam(a: Attachment, name: string): string {
  const value = a.headers.get('content-type');
  if (value && typeof value === 'object' && 'params' in value) return String((value.params as Record<string, string>)[name] ?? '');
  return '';
}

/** mailparser's header lines are binary strings with their folding: unfold each on its own. */
function headersFromLines(lines: ReadonlyArray<{ key: string; line: string }>): Header[] {
  const out: Header[] = [];
  for (const { line } of lines) {
    const parsed = parseHeaderBlock(line.replace(/\r\n?/g, '\n'));
    if (parsed[0]) out.push(parsed[0]);
  }
  return out;
}

function leaf(headers: Header[], contentType: string, params: Record<string, string>, body: string, depth: number): MimeEntity {
  return { headers, contentType, params, transferEncoding: '', body, parts: [], depth };
}

/** mailparser gives decoded text; the MimeEntity holds binary strings (UTF-8 bytes as latin1). */
function utf8Binary(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}
