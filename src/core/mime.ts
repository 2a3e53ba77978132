// A small, bounded MIME scanner for bounce messages.
//
// Why not mailparser for everything: a full parse builds every attachment, decodes every
// part and runs at a few hundred messages per second; a bounce needs only the top headers,
// the human-readable part, the delivery-status part and the returned headers. This module
// reads exactly that, straight from the bytes, and bounds every loop so hostile input
// (deep nesting, endless headers, megabytes of base64) costs little.
//
// Text is handled as "binary strings" (latin1, one char per byte) until a part is decoded
// with its declared charset, so no byte is lost before we know the encoding.

import iconv from 'iconv-lite';

/** Bytes of a message we look at; the interesting parts of a bounce come first. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** A header block larger than this is cut (postal-mime uses the same idea: maxHeadersSize). */
export const MAX_HEADER_BYTES = 128 * 1024;
/** Multipart / message nesting deeper than this is not descended into. */
export const MAX_NESTING_DEPTH = 8;
/** Parts per multipart beyond this are ignored. */
export const MAX_PARTS = 64;
/** Decoded text of one part is cut at this many characters. */
export const MAX_TEXT_CHARS = 256 * 1024;

/** Delivery-status parts: RFC 3464 section 2 and its UTF-8 form (RFC 6533 section 6). */
export const DSN_TYPES: ReadonlySet<string> = new Set(['message/delivery-status', 'message/global-delivery-status']);
/**
 * Parts that hold the returned message or only its headers (RFC 6522 section 3,
 * RFC 6533 section 6, RFC 2046 section 5.2): the scanner reads each as an embedded message.
 */
export const RETURNED_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'message/rfc822',
  'message/global',
  'message/partial',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global-headers',
]);

export interface Header {
  /** Lower-case field name. */
  name: string;
  /** Unfolded raw value (binary string; RFC 2047 words not yet decoded). */
  value: string;
}

export interface MimeEntity {
  headers: Header[];
  /** Lower-case media type, e.g. 'multipart/report'; 'text/plain' when absent (RFC 2045 section 5.2). */
  contentType: string;
  /** Lower-case parameter names; values unquoted. */
  params: Record<string, string>;
  /** Lower-case Content-Transfer-Encoding, '' when absent. */
  transferEncoding: string;
  /** The body as a binary string, not transfer-decoded. */
  body: string;
  /** Children of a multipart. */
  parts: MimeEntity[];
  /** The embedded message of a message/rfc822 or message/global part (or text/rfc822-headers). */
  message?: MimeEntity;
  depth: number;
}

/** Turns raw bytes into a binary string with LF line ends (CRLF and CR-only mail alike). */
export function toLfBinary(raw: Buffer): string {
  const bytes = raw.length > MAX_MESSAGE_BYTES ? raw.subarray(0, MAX_MESSAGE_BYTES) : raw;
  let text = bytes.toString('latin1');
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text;
}

/** Splits a header block from its body at the first empty line. */
export function splitHeaderBody(text: string): { head: string; body: string } {
  // A message that starts with an empty line has no headers.
  if (text.startsWith('\n')) return { head: '', body: text.slice(1) };
  const at = text.indexOf('\n\n');
  if (at < 0) return { head: text, body: '' };
  return { head: text.slice(0, at), body: text.slice(at + 2) };
}

/**
 * Parses a header block (RFC 5322 section 2.2): unfolds continuation lines. Lines that are
 * neither a field nor a continuation (a leading mbox "From " line, junk) are skipped.
 */
export function parseHeaderBlock(head: string): Header[] {
  const block = head.length > MAX_HEADER_BYTES ? head.slice(0, MAX_HEADER_BYTES) : head;
  const headers: Header[] = [];
  let current: Header | undefined;
  for (const line of block.split('\n')) {
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if ((first === 0x20 || first === 0x09) && current) {
      current.value += ' ' + line.trim();
      continue;
    }
    // A parameter on its own line without the leading space ("Content-Type: multipart/
    // alternative;" then "boundary=..."), as Verizon's and Apache James's notices write it:
    // it continues the field that ended with ';'.
    if (current && current.value.endsWith(';') && /^[A-Za-z0-9_*-]+=/.test(line)) {
      current.value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 76 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon).trimEnd())) {
      current = undefined;
      continue;
    }
    current = { name: line.slice(0, colon).trimEnd().toLowerCase(), value: line.slice(colon + 1).trim() };
    headers.push(current);
  }
  return headers;
}

/** Value of the first header of that (lower-case) name, '' when absent. */
export function headerValue(headers: Header[], name: string): string {
  for (const h of headers) if (h.name === name) return h.value;
  return '';
}

/**
 * A value without the comment after it: RFC 2045 allows comments in the field (its section
 * 5.1 writes "Content-type: text/plain; charset=us-ascii (Plain text)"). Only a comment at
 * the end, after whitespace, goes: "file(1).txt" keeps its parentheses. Linear: no pattern over the value.
 */
function withoutTrailingComment(value: string): string {
  if (!value.endsWith(')')) return value;
  const open = value.lastIndexOf('(');
  if (open <= 0 || value.indexOf(')', open) !== value.length - 1 || !/\s/.test(value[open - 1])) return value;
  return value.slice(0, open).trim();
}

/** Parses `type/subtype; a=b; c="d"` (RFC 2045 section 5.1), including RFC 2231 continuations. */
export function parseContentType(value: string): { type: string; params: Record<string, string> } {
  const semi = value.indexOf(';');
  const type = withoutTrailingComment((semi < 0 ? value : value.slice(0, semi)).trim()).toLowerCase();
  const params: Record<string, string> = {};
  if (semi >= 0) {
    const re = /;\s*([^\s=;]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]*)/g;
    let m: RegExpExecArray | null;
    const rest = value.slice(semi);
    while ((m = re.exec(rest))) {
      const key = m[1].toLowerCase();
      const val = m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : withoutTrailingComment(m[2].trim());
      // RFC 2231 continuations: boundary*0=..., boundary*1=...
      const cont = /^(.+?)\*\d+\*?$/.exec(key);
      if (cont) params[cont[1]] = (params[cont[1]] ?? '') + val;
      else if (!(key in params)) params[key] = val;
    }
  }
  return { type: type.includes('/') ? type : 'text/plain', params };
}

/** Parses an entity (a whole message or one body part) into a bounded tree. */
export function parseEntity(text: string, depth = 0): MimeEntity {
  const { head, body } = splitHeaderBody(text);
  const headers = parseHeaderBlock(head);
  const ct = parseContentType(headerValue(headers, 'content-type') || 'text/plain');
  const entity: MimeEntity = {
    headers,
    contentType: ct.type,
    params: ct.params,
    transferEncoding: headerValue(headers, 'content-transfer-encoding').trim().toLowerCase(),
    body,
    parts: [],
    depth,
  };
  if (depth >= MAX_NESTING_DEPTH) return entity;
  if (ct.type.startsWith('multipart/') && ct.params.boundary) {
    entity.parts = splitMultipart(body, ct.params.boundary).map((p) => parseEntity(p, depth + 1));
  } else if (RETURNED_MESSAGE_TYPES.has(ct.type)) {
    const inner = decodeTransfer(body, entity.transferEncoding);
    // Some MTAs put a blank line before the returned headers; skip leading blank lines.
    entity.message = parseEntity(inner.replace(/^\n+/, ''), depth + 1);
  }
  return entity;
}

/** Splits a multipart body on its boundary (RFC 2046 section 5.1.1); tolerates a missing close. */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = '--' + boundary;
  const parts: string[] = [];
  let pos = body.startsWith(delimiter) ? 0 : body.indexOf('\n' + delimiter);
  if (pos < 0) return parts;
  if (pos > 0) pos += 1;
  while (parts.length < MAX_PARTS) {
    const lineEnd = body.indexOf('\n', pos);
    const marker = body.slice(pos + delimiter.length, lineEnd < 0 ? body.length : lineEnd);
    if (marker.startsWith('--')) break;
    if (lineEnd < 0) break;
    const start = lineEnd + 1;
    const next = body.indexOf('\n' + delimiter, start - 1);
    if (next < 0) {
      parts.push(body.slice(start));
      break;
    }
    parts.push(body.slice(start, Math.max(start, next)));
    pos = next + 1;
  }
  return parts;
}

/** Undoes Content-Transfer-Encoding (RFC 2045 section 6); returns a binary string. */
export function decodeTransfer(body: string, encoding: string): string {
  if (encoding === 'base64') {
    return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('latin1');
  }
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** RFC 2045 section 6.7 quoted-printable, on a binary string. */
export function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/[ \t]+$/gm, '')
    .replace(/=\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A charset parameter as a decoder label: trimmed, lower-case, stray quotes removed. */
export function charsetLabel(charset: string): string {
  return (charset || '')
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
}

/** ISO-2022-JP's switch to JIS X 0208 (ESC $ @ or ESC $ B, RFC 1468). */
const ISO_2022_JP_ESCAPE = /\x1b\$[@B]/;

/**
 * 8-bit text with no charset (or the wrong one, "ASCII"): UTF-8 when it is valid UTF-8, else
 * windows-1252, the superset of Latin-1 that older European servers write ("Boîte pleine").
 * A multi-byte character cut at the end (a bound upstream) does not count as invalid.
 */
function unlabelledText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Decodes a binary string in the named charset; unknown charsets fall back to UTF-8 or latin1. */
export function decodeCharset(binary: string, charset: string): string {
  // Pure ASCII needs no decoding whatever the label says.
  if (!/[^\x00-\x7f]/.test(binary) && !binary.includes('\x1b')) return binary;
  let label = charsetLabel(charset);
  const bytes = Buffer.from(binary, 'latin1');
  // Unlabelled (or "ASCII") 7-bit text with ISO-2022-JP's escapes into JIS X 0208 is
  // ISO-2022-JP (RFC 1468): Japanese servers write it so in Diagnostic-Code fields.
  if ((label === '' || label === 'us-ascii' || label === 'ascii') && ISO_2022_JP_ESCAPE.test(binary) && !/[^\x00-\x7f]/.test(binary)) {
    label = 'iso-2022-jp';
  }
  if (label === '' || label === 'us-ascii' || label === 'ascii') return unlabelledText(bytes);
  if (label === 'utf-8' || label === 'utf8') return bytes.toString('utf8');
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    if (iconv.encodingExists(label)) return iconv.decode(bytes, label);
    return bytes.toString('utf8');
  }
}

/**
 * Transfer- and charset-decoded text of a leaf part, cut at MAX_TEXT_CHARS. `charset`
 * overrides the part's own label where a standard fixes it (RFC 6533: UTF-8).
 */
export function entityText(entity: MimeEntity, charset?: string): string {
  const binary = decodeTransfer(
    entity.body.length > MAX_TEXT_CHARS * 2 ? entity.body.slice(0, MAX_TEXT_CHARS * 2) : entity.body,
    entity.transferEncoding,
  );
  const text = decodeCharset(binary, charset ?? entity.params.charset ?? '');
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return lf.length > MAX_TEXT_CHARS ? lf.slice(0, MAX_TEXT_CHARS) : lf;
}

/**
 * Decodes a header value for display: RFC 2047 encoded words, and raw 8-bit UTF-8
 * (RFC 6532, as in message/global-headers).
 */
export function decodeHeaderValue(value: string): string {
  let out = value;
  if (/[^\x00-\x7f]/.test(out)) out = Buffer.from(out, 'latin1').toString('utf8');
  return decodeEncodedWords(out);
}

/**
 * Decodes RFC 2047 encoded words in text that is already Unicode: a header value, or a
 * Diagnostic-Code some servers write as one ("smtp; 550 =?utf-8?B?...?=", Japanese servers
 * in ISO-2022-JP). Each word is found by a pattern with no nested repetition: linear on a
 * stranger's long line.
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  // Whitespace between adjacent encoded words is dropped (RFC 2047 section 6.2).
  const out = value.replace(/(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[bBqQ]\?)/g, '$1');
  return out.replace(/=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g, (_all, charset: string, enc: string, data: string) => {
    const cs = charset.split('*')[0];
    const binary =
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('latin1')
        : data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return decodeCharset(binary, cs);
  });
}

/** Walks the tree depth first (the entity itself, its parts, its embedded message). */
export function* walkEntities(entity: MimeEntity): Generator<MimeEntity> {
  yield entity;
  for (const p of entity.parts) yield* walkEntities(p);
  if (entity.message) yield* walkEntities(entity.message);
}
