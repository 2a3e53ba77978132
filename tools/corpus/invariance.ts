// Does the classifier read the words, or the samples? Each corpus message and each recorded
// MTA notice is changed in a way that must not change its answer, and read again:
// - `names`: the anonymised parties renamed: every label of a reserved or sample domain
//   (example.*, *.test, *.invalid, libsisimai.org ...) and the local parts of their addresses
//   get other letters. A rule that keys on a sample's host or address moves here.
// - `ips`: every IPv4 address (but loopback) replaced, consistently.
// - `quoted-printable`, `base64`: each text/plain part without a transfer encoding sent
//   encoded, as many MTAs and gateways send it.
// - `folded`: the report part's long fields (Diagnostic-Code, Final-Recipient ...) folded at
//   a different column, as another MTA folds them.
// - `field-case`: header and report field names in lower case (they are case-insensitive).
// - `global-report`: the report sent as RFC 6533's message/global-delivery-status, with the
//   returned message as message/global or message/global-headers, as an MTA that speaks
//   SMTPUTF8 sends it.
// - `another-recipient`: a report with one recipient gets a second one beside it, failed the
//   same way; the first recipient's answer must not move (the second's may: the notice's text
//   names only the first).
// - `gateway-footer`: a mail gateway's footer ("This email has been scanned for spam and
//   viruses ... report this email as spam") appended to the notice's text, as gateways append
//   it to every message they pass.
// - `recipient-case`: the report's Final-Recipient in upper case (the text part keeps the case
//   it had): an address's case says nothing of its failure; answers compare addresses
//   case-insensitively.
// - `diagnostic-type`: the Diagnostic-Code without its type ("smtp;", "X-Postfix;"), as some
//   MTAs write it.
// - `mbox-from`: the mbox separator line ("From MAILER-DAEMON Wed Dec  2 ...") added on top,
//   or taken away where the sample had one, as files exported from a mailbox come.
// - `receiving-headers`: the fields the receiving side adds on top (another Received, a spam
//   filter's X-Spam-Status and X-Spam-Flag, a virus scanner's stamp, Authentication-Results):
//   they are about the notice's trip to rebound, not about the failure.
// - `subject-tag`: the notice's Subject tagged "[EXTERNAL]" by the receiving organisation.
// - `returned-body`: the returned message's own text replaced by another sender's (an
//   invoice that speaks of full mailboxes, spam and suspended accounts), in a returned
//   message part or in a copy inside the notice's text: the words a sender wrote are no
//   server's answer.
// - `returned-subject`: the returned message's Subject, wherever the notice repeats it,
//   replaced by another sender's ("Your account is suspended: mailbox full ...").
// - `trailing-space`: a space at the end of each line of the notice's text and report parts,
//   as some gateways pad lines.
// - `headers-only`: each returned message cut to its header and sent as text/rfc822-headers,
//   as an MTA set to return headers only sends it.
// - `dates`: every date three years and a day later (RFC 5322 dates, ctime dates, ISO dates).
// - `value-case`: the values that are keywords in capitals (MIME types and their parameter
//   names, the report's Action, its address and diagnostic types: "Multipart/Report",
//   "Action: FAILED", "RFC822;", "SMTP;"), as Lotus Notes and Exchange write some of them.
// - `encoded-words`: the notice's Subject (UTF-8 B words folded over two lines) and its From's
//   display name (an ISO-8859-1 Q word) written as RFC 2047 encoded words, as gateways and
//   localised MTAs write them; fields already in encoded words get them again in UTF-8 Q words.
// - `from-name`: a delivery system's From given another system's name ("Postmaster", "Mail
//   Delivery Subsystem", "Microsoft Outlook", "Mail Delivery System"): the sender's name is
//   not what decides. `from-address`: the name taken away (the bare address, or in <>).
// - `charset`: each text part with characters beyond ASCII (the notice's and a returned
//   message's) re-encoded into another charset that holds them, the new one declared (UTF-8
//   <-> ISO-8859-1/windows-1252; ISO-2022-JP -> Shift_JIS -> UTF-8 -> ISO-2022-JP).
// - `boundary`: every multipart boundary string another (Outlook's "----=_NextPart_...").
// - `mime-params`: each Content-Type's parameters in reverse order, one per folded line,
//   quoted where they were bare and bare where they were quoted.
// - `preamble`: "This is a multi-part message in MIME format." before a multipart body's
//   first part where it had no preamble.
// - `type-comment`: a comment after a Content-Type's last parameter, as RFC 2045 writes its
//   own example ("charset=us-ascii (Plain text)").
// - `line-ends`: CRLF line ends as LF, LF as CRLF (SMTP and LMTP carry CRLF, files hold LF).
// - `header-order`: the notice's own header fields (not the trace fields on top) in reverse
//   order, as another MTA orders them.
// - `close-delimiter`: the last multipart close delimiter ("--boundary--") taken away, as a
//   notice cut at a size limit ends.
// - `utf8-header`: the encoded words of the notice's Subject and From's name written as the
//   raw UTF-8 they stand for (RFC 6532), as an MTA that speaks SMTPUTF8 passes them.
// The unseen sets the issue measures differ from the samples in exactly these ways.
// Usage: node tools/corpus/invariance.ts [--show]   (tests/core/sample-invariance.test.ts
// asserts that no answer moves.)

import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../../src/core/classify.ts';
import { UNDISCLOSED_RECIPIENT } from '../../src/core/lhost/arf.ts';
import type { Classification } from '../../src/core/types.ts';
import { answerOf, classifyCorpusFile, type ManifestEntry } from './score.ts';
import { CORPUS_DIRS } from './run.ts';
import { NOTICES_DIR, recordedMtas } from '../mta-notices/score.ts';

export type Change =
  | 'names'
  | 'ips'
  | 'quoted-printable'
  | 'base64'
  | 'folded'
  | 'field-case'
  | 'global-report'
  | 'another-recipient'
  | 'gateway-footer'
  | 'recipient-case'
  | 'diagnostic-type'
  | 'mbox-from'
  | 'receiving-headers'
  | 'subject-tag'
  | 'returned-body'
  | 'returned-subject'
  | 'trailing-space'
  | 'headers-only'
  | 'dates'
  | 'value-case'
  | 'encoded-words'
  | 'from-name'
  | 'from-address'
  | 'charset'
  | 'boundary'
  | 'mime-params'
  | 'preamble'
  | 'type-comment'
  | 'line-ends'
  | 'header-order'
  | 'close-delimiter'
  | 'utf8-header';
export const CHANGES: readonly Change[] = [
  'names',
  'ips',
  'quoted-printable',
  'base64',
  'folded',
  'field-case',
  'global-report',
  'another-recipient',
  'gateway-footer',
  'recipient-case',
  'diagnostic-type',
  'mbox-from',
  'receiving-headers',
  'subject-tag',
  'returned-body',
  'returned-subject',
  'trailing-space',
  'headers-only',
  'dates',
  'value-case',
  'encoded-words',
  'from-name',
  'from-address',
  'charset',
  'boundary',
  'mime-params',
  'preamble',
  'type-comment',
  'line-ends',
  'header-order',
  'close-delimiter',
  'utf8-header',
];

/** A message as read from disk: its name for the report, and its bytes. */
export interface Sample {
  name: string;
  raw: Buffer;
}

/** Every corpus file (both corpora) and every recorded MTA notice. */
export function allSamples(): Sample[] {
  const out: Sample[] = [];
  for (const [corpus, dir] of Object.entries(CORPUS_DIRS)) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
    for (const e of manifest) out.push({ name: `${corpus}/${e.file}`, raw: readFileSync(join(dir, e.file)) });
  }
  for (const mta of recordedMtas())
    for (const file of readdirSync(join(NOTICES_DIR, mta))
      .filter((f) => f.endsWith('.eml'))
      .sort())
      out.push({ name: `mta-notices/${mta}/${file}`, raw: readFileSync(join(NOTICES_DIR, mta, file)) });
  return out;
}

// ---- names ---------------------------------------------------------------------------------

/** Domains that name nobody real: RFC 2606/6761 names and the samples' own anonymised ones. */
const ANONYMISED_DOMAIN = /(?:^|\.)(?:example|libsisimai)\.[a-z.]+$|(?:^|\.)(?:example|test|invalid|localdomain)$/i;
/** Second-level labels of country registries, kept so that a .co.jp stays a .co.jp. */
const REGISTRY_LABELS = new Set(['co', 'ne', 'or', 'ac', 'go', 'ad', 'ed', 'gr', 'lg', 'com', 'net', 'org', 'edu', 'gov']);
/** Role mailboxes whose names the classifier may rightly read (who sent the notice). */
const ROLE_LOCAL_PART =
  /^(?:postmaster|post_master|mailer-daemon|mailer_daemon|root|abuse|daemon|nobody|noreply|no-reply|bounces?|double-bounce|mail|mailer|mdaemon|amazonses)$/i;
const QUOTED_LOCAL = /"([^"\r\n]{0,60}\s)([a-z0-9._-]{1,64})"@/gi;
const HOSTNAME = /(?<![\w.-])((?:[a-z0-9-]+\.)+[a-z]{2,})(?![\w-])/gi;
const ADDRESS_LOCAL = /(?<![\w.%+=-])([a-z0-9][a-z0-9._-]{0,63})@(?=[a-z0-9-]+\.)/gi;

/**
 * A consistent stand-in for each name: letters of the same length drawn from a hash of the
 * name, so the same name gets the same stand-in in the message and in its answer. Same
 * length keeps columns and folding where they were.
 */
function standIn(name: string): string {
  const key = name.toLowerCase();
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < key.length; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    const keep = key[i] === '-' || key[i] === '.' || key[i] === '_';
    out += keep ? key[i] : String.fromCharCode(97 + ((h >>> 8) % 26));
  }
  return out === key ? `${out.slice(1)}q` : out;
}

export function renameParties(text: string): string {
  // Local parts first, while the domain beside them still reads as anonymised.
  let out = text.replace(ADDRESS_LOCAL, (whole, local: string, offset: number, all: string) => {
    const domain = /^[a-z0-9.-]+/i.exec(all.slice(offset + whole.length))?.[0].replace(/\.+$/, '') ?? '';
    if (!ANONYMISED_DOMAIN.test(domain) || ROLE_LOCAL_PART.test(local)) return whole;
    // A Message-ID is no party's name (and may carry the software's, "JavaMail").
    const line = all.slice(all.lastIndexOf('\n', offset) + 1, offset);
    if (/^(?:message-id|in-reply-to|references|original-message-id|x-ms-exchange[\w-]*)[^<]*<[^>\s]*$/i.test(line)) return whole;
    return `${standIn(local)}@`;
  });
  // A quoted local part with a space ("first last"@): the word before the @ is renamed, as it
  // is where a notice writes the address unquoted (nullmailer).
  out = out.replace(QUOTED_LOCAL, (whole, head: string, word: string, offset: number, all: string) => {
    const domain = /^[a-z0-9.-]+/i.exec(all.slice(offset + whole.length))?.[0].replace(/\.+$/, '') ?? '';
    return ANONYMISED_DOMAIN.test(domain) ? `"${head}${standIn(word)}"@` : whole;
  });
  out = out.replace(HOSTNAME, (host: string) => {
    if (!ANONYMISED_DOMAIN.test(host)) return host;
    const labels = host.split('.');
    const last = labels.length - 1;
    return labels
      .map((label, i) => (i === last || (i === last - 1 && REGISTRY_LABELS.has(label.toLowerCase())) ? label : standIn(label)))
      .join('.');
  });
  return out;
}

// ---- ips ------------------------------------------------------------------------------------

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/g;

export function replaceIps(text: string): string {
  const map = new Map<string, string>();
  return text.replace(IPV4, (ip: string, ...octets: string[]) => {
    const n = octets.slice(0, 4).map(Number);
    if (n.some((o) => o > 255) || n[0] === 127 || n[0] === 0) return ip;
    let out = map.get(ip);
    if (!out) {
      // Documentation ranges (RFC 5737), one per original first octet's parity, last octet shifted.
      out = `${n[0] % 2 ? '198.51.100' : '203.0.113'}.${(n[3] * 7 + map.size + 1) % 254 || 1}`;
      map.set(ip, out);
    }
    return out;
  });
}

// ---- transfer encodings ---------------------------------------------------------------------

function encodeQuotedPrintable(body: string, nl: string): string {
  const lines = body.split(/\r?\n|\r/);
  return lines
    .map((line) => {
      let encoded = '';
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        const atEnd = i === line.length - 1;
        const literal = (c >= 33 && c <= 126 && c !== 61) || ((c === 32 || c === 9) && !atEnd);
        encoded += literal ? line[i] : `=${c.toString(16).toUpperCase().padStart(2, '0')}`;
      }
      // Soft breaks at 76 columns, never inside an =XX escape.
      const wrapped: string[] = [];
      while (encoded.length > 75) {
        let cut = 75;
        const esc = encoded.lastIndexOf('=', cut);
        if (esc > cut - 3) cut = esc;
        wrapped.push(encoded.slice(0, cut) + '=');
        encoded = encoded.slice(cut);
      }
      wrapped.push(encoded);
      return wrapped.join(nl);
    })
    .join(nl);
}

function encodeBase64(body: string, nl: string): string {
  const b64 = Buffer.from(body, 'latin1').toString('base64');
  return (b64.match(/.{1,76}/g) ?? []).join(nl) + nl;
}

interface Entity {
  header: string;
  sep: string;
  body: string;
}

function splitEntity(text: string): Entity {
  // A part with no header at all (Sendmail's first part) starts with its blank line.
  const bare = /^(?:\r?\n|\r)/.exec(text);
  if (bare) return { header: '', sep: bare[0], body: text.slice(bare[0].length) };
  const m = /\r?\n\r?\n|\r\r/.exec(text);
  if (!m) return { header: text, sep: '', body: '' };
  return { header: text.slice(0, m.index), sep: m[0], body: text.slice(m.index + m[0].length) };
}

function headerField(header: string, name: string): string {
  const m = new RegExp(`(?:^|[\\r\\n])${name}:([^\\r\\n]*(?:(?:\\r?\\n|\\r)[ \\t][^\\r\\n]*)*)`, 'i').exec(header);
  return m ? m[1].replace(/\s+/g, ' ').trim() : '';
}

/** The line end a text uses (CRLF, LF or a classic Mac's CR). */
const lineEnd = (text: string) => (/\r\n/.test(text) ? '\r\n' : /\r/.test(text) && !/\n/.test(text) ? '\r' : '\n');

/**
 * Rewrites each leaf entity of a message (multipart bodies walked, bounded depth) with
 * `leaf(header, sep, body)`; multipart headers and preambles stay as they are.
 */
function mapLeaves(text: string, leaf: (e: Entity) => string, depth = 0): string {
  const entity = splitEntity(text);
  const { header, sep, body } = entity;
  if (!sep) return text;
  const type = headerField(header, 'content-type');
  if (!/^multipart\//i.test(type) || depth >= 4) return leaf(entity);
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return text;
  const delimiter = `--${boundary}`;
  const walked = body.split(delimiter).map((piece, i) => {
    if (i === 0 || piece.startsWith('--')) return piece;
    const lead = /^[ \t]*(?:\r?\n|\r)/.exec(piece)?.[0] ?? '';
    const tail = /(?:\r?\n|\r)$/.exec(piece)?.[0] ?? '';
    return lead + mapLeaves(piece.slice(lead.length, piece.length - tail.length), leaf, depth + 1) + tail;
  });
  return header + sep + walked.join(delimiter);
}

/** Each text/plain part sent without a transfer encoding (7bit, 8bit or none), re-sent with `encoding`. */
export function encodeTextParts(text: string, encoding: 'quoted-printable' | 'base64'): string {
  const nl = lineEnd(text);
  return mapLeaves(text, ({ header, sep, body }) => {
    const type = headerField(header, 'content-type').toLowerCase();
    const cte = headerField(header, 'content-transfer-encoding').toLowerCase();
    if ((type && !type.startsWith('text/plain')) || (cte && !/^(?:7bit|8bit)$/.test(cte))) return header + sep + body;
    const cleaned = header
      .replace(/(^|\r?\n|\r)content-transfer-encoding:[^\r\n]*((?:\r?\n|\r)[ \t][^\r\n]*)*/gi, '')
      .replace(/^(?:\r?\n|\r)+/, '');
    const encoded = encoding === 'base64' ? encodeBase64(body, nl) : encodeQuotedPrintable(body, nl);
    return `${cleaned.length ? cleaned + nl : ''}Content-Transfer-Encoding: ${encoding}${nl}${nl}${encoded}`;
  });
}

// ---- field names -----------------------------------------------------------------------------

const FIELD_NAME = /(^|\r?\n|\r)([A-Za-z][A-Za-z0-9-]*):/g;

/**
 * Header field names (the message's, each part's, and the report part's per-recipient
 * fields) in lower case: RFC 5322 and RFC 3464 field names are case-insensitive, and MTAs
 * write them as they like ("Final-recipient", "DIAGNOSTIC-CODE").
 */
export function lowerFieldNames(text: string): string {
  const lower = (block: string) => block.replace(FIELD_NAME, (_m, lead: string, name: string) => `${lead}${name.toLowerCase()}:`);
  const leaves = mapLeaves(text, (e) => {
    const isReport = /^message\/(?:global-)?delivery-status/i.test(headerField(e.header, 'content-type'));
    return lower(e.header) + e.sep + (isReport ? lower(e.body) : e.body);
  });
  const { header, sep, body } = splitEntity(leaves);
  return lower(header) + sep + body;
}

// ---- RFC 6533 ----------------------------------------------------------------------------------

const GLOBAL_TYPES: Record<string, string> = {
  'message/delivery-status': 'message/global-delivery-status',
  'message/rfc822': 'message/global',
  'text/rfc822-headers': 'message/global-headers',
};

export function asGlobalReport(text: string): string {
  return text.replace(
    /(content-type:\s*)(message\/delivery-status|message\/rfc822|text\/rfc822-headers)/gi,
    (_m, lead: string, type: string) => lead + GLOBAL_TYPES[type.toLowerCase()],
  );
}

// ---- another recipient -------------------------------------------------------------------------

/** The local-part prefix of the recipient `another-recipient` adds. */
export const ADDED_RECIPIENT_PREFIX = 'also-';

/**
 * A report part with exactly one recipient group gets a copy of that group after it, with
 * the address changed to another mailbox of the same domain. Messages without such a report
 * are left as they are.
 */
export function addReportRecipient(text: string): string {
  const nl = lineEnd(text);
  const lf = nl === '\n' ? text : text.split(nl).join('\n');
  const report = /(content-type:\s*message\/(?:global-)?delivery-status[^\n]*\n(?:[^\n]+\n)*\n)([\s\S]*?)(\n--)/i.exec(lf);
  if (!report) return text;
  const groups = report[2].split(/\n[ \t]*\n/).filter((g) => /^(?:final|original)-recipient:/im.test(g));
  if (groups.length !== 1) return text;
  const address = /^final-recipient:\s*[^;\n]*;\s*<?([^\s<>@]+@[^\s<>]+)/im.exec(groups[0])?.[1];
  if (!address) return text;
  const copy = groups[0].split(address).join(ADDED_RECIPIENT_PREFIX + address);
  const start = report.index + report[1].length;
  const body = `${report[2].replace(/\s+$/, '')}\n\n${copy}\n`;
  const out = lf.slice(0, start) + body + lf.slice(start + report[2].length);
  return nl === '\n' ? out : out.split('\n').join(nl);
}

// ---- a gateway's footer ---------------------------------------------------------------------------

/** A footer in the words gateways append (see rules/notice.ts, GATEWAY_FOOTER_PHRASES, for whose). */
export const GATEWAY_FOOTER_LINES: readonly string[] = [
  '',
  '________________________________________________________________________',
  'This email has been scanned for spam and viruses by Proofpoint Essentials.',
  'Click here to report this email as spam.',
  '',
  'This message has been scanned for viruses and dangerous content by',
  'MailScanner, and is believed to be clean.',
  '________________________________________________________________________',
];

/** The footer appended to the first text/plain part sent without a transfer encoding. */
export function appendGatewayFooter(text: string): string {
  const nl = lineEnd(text);
  let done = false;
  return mapLeaves(text, ({ header, sep, body }) => {
    const type = headerField(header, 'content-type').toLowerCase();
    const cte = headerField(header, 'content-transfer-encoding').toLowerCase();
    if (done || (type && !type.startsWith('text/plain')) || (cte && !/^(?:7bit|8bit)$/.test(cte))) return header + sep + body;
    done = true;
    const tail = /(?:\r?\n|\r)*$/.exec(body)?.[0] ?? '';
    return header + sep + body.slice(0, body.length - tail.length) + nl + GATEWAY_FOOTER_LINES.join(nl) + nl + tail;
  });
}

// ---- the report's own spelling ------------------------------------------------------------------

export function upperCaseFinalRecipients(text: string): string {
  return text.replace(
    /^(Final-Recipient:[ \t]*rfc822;[ \t]*<?)([^@\s<>]+@[^\s<>]+)/gim,
    (_m, lead: string, address: string) => lead + address.toUpperCase(),
  );
}

export function withoutDiagnosticType(text: string): string {
  return text.replace(/^(Diagnostic-Code:[ \t]*)(?:smtp|x-postfix|x-unix|x-local);[ \t]*/gim, '$1');
}

// ---- the trip to rebound --------------------------------------------------------------------

const MBOX_FROM_LINE = /^From [^\r\n]*(?:\r?\n|\r)/;

/** A later mbox separator: the file holds more than one message. */
const LATER_MBOX_FROM = /(?:\r?\n|\r)From \S+ +[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d /;

/**
 * The mbox separator taken away where there is one, added where there is none. A file of
 * several messages (a second separator further down) is left as it is: without its first
 * line it would read as one message.
 */
export function toggleMboxFrom(text: string): string {
  if (MBOX_FROM_LINE.test(text)) return LATER_MBOX_FROM.test(text) ? text : text.replace(MBOX_FROM_LINE, '');
  return `From MAILER-DAEMON  Wed Dec  2 13:40:03 2026${lineEnd(text)}${text}`;
}

/** What a receiving Postfix with SpamAssassin, amavisd and an SPF/DKIM check adds on top. */
export const RECEIVING_HEADER_LINES: readonly string[] = [
  'Received: from mx.receiver.test (mx.receiver.test [203.0.113.80])',
  '	by bounce.receiver.test (Postfix) with ESMTPS id 4Kx7Q2Lm0Tz1',
  '	for <bounces@receiver.test>; Wed,  2 Dec 2026 13:40:03 +0000 (UTC)',
  'X-Virus-Scanned: Debian amavisd-new at receiver.test',
  'X-Spam-Flag: NO',
  'X-Spam-Score: -1.9',
  'X-Spam-Status: No, score=-1.9 tagged_above=-999 required=5 tests=[BAYES_00=-1.9,',
  '	SPF_HELO_NONE=0.001, SPF_NONE=0.001] autolearn=ham autolearn_force=no',
  'Authentication-Results: bounce.receiver.test; spf=none smtp.helo=mx.receiver.test;',
  '	dkim=none; dmarc=none',
];

export function addReceivingHeaders(text: string): string {
  const nl = lineEnd(text);
  const from = MBOX_FROM_LINE.exec(text)?.[0] ?? '';
  return from + RECEIVING_HEADER_LINES.join(nl) + nl + text.slice(from.length);
}

/** The first Subject field of the message's own header tagged "[EXTERNAL]". */
export function tagSubject(text: string): string {
  const { header, sep, body } = splitEntity(text);
  return header.replace(/(^|\r?\n|\r)(subject:[ \t]*)/i, '$1$2[EXTERNAL] ') + sep + body;
}

// ---- the returned message -----------------------------------------------------------------------

/** Another sender's text, with words a careless reader takes for a server's answer. */
export const RETURNED_BODY_LINES: readonly string[] = [
  'Dear customer,',
  '',
  'your invoice 2026-118 is attached. If your mailbox is full, the attachment may be',
  'rejected; our spam filter blocked an earlier copy. Accounts unpaid for 60 days are',
  'suspended and the user is unknown to our system after that. This offer has expired',
  'for addresses that do not exist. No virus was found in this message.',
  '',
  'Kind regards, Accounts',
];

const RETURNED_TYPE = /^(?:message\/(?:rfc822|global))\b/i;

/** A returned message that is itself a notice (a gateway passing a bounce on): its text is the answer. */
const INNER_NOTICE = /(?:^|[\r\n])(?:content-type:[ \t]*multipart\/report|from:[^\r\n]*(?:mailer-daemon|postmaster))/i;

/**
 * The body of each returned message (a message/rfc822 or message/global part) replaced by
 * `RETURNED_BODY_LINES`, its header kept; a returned message that is itself multipart gets
 * the text as its only body (its boundary lines gone with the old body). A returned message
 * that is itself a notice is left alone.
 */
export function replaceReturnedBody(text: string): string {
  const nl = lineEnd(text);
  return mapLeaves(text, ({ header, sep, body }) => {
    const type = headerField(header, 'content-type');
    const cte = headerField(header, 'content-transfer-encoding').toLowerCase();
    if ((!type || /^text\/plain\b/i.test(type)) && (!cte || /^(?:7bit|8bit)$/.test(cte))) return header + sep + replaceInlineCopy(body, nl);
    if (!RETURNED_TYPE.test(type)) return header + sep + body;
    if (/content-transfer-encoding:\s*(?:base64|quoted-printable)/i.test(header)) return header + sep + body;
    const inner = splitEntity(body);
    if (!inner.sep || INNER_NOTICE.test(inner.header)) return header + sep + body;
    const innerHeader = inner.header
      .replace(/(^|\r?\n|\r)content-(?:type|transfer-encoding):[^\r\n]*((?:\r?\n|\r)[ \t][^\r\n]*)*/gi, '')
      .replace(/^(?:\r?\n|\r)+/, '');
    const tail = /(?:\r?\n|\r)*$/.exec(body)?.[0] ?? '';
    return `${header}${sep}${innerHeader}${nl}Content-Type: text/plain; charset=us-ascii${inner.sep}${RETURNED_BODY_LINES.join(nl)}${nl}${tail}`;
  });
}

/**
 * A copy of the message inside a notice's text (Exim's "------ This is a copy of the message,
 * including all the headers. ------", qmail's "--- Below this line is a copy of the
 * message."): a line that speaks of the copy, then a header block with a Received,
 * Message-ID, Date or Subject field, then a blank line; the copy's text is what follows.
 */
const INLINE_COPY =
  /(?:^|\n)[^\n]*\b(?:copy|original|returned|headers?|undelivered message)\b[^\n]*\n\n?((?:[A-Za-z][\w-]*:[^\n]*\n(?:[ \t][^\n]*\n)*){3,60})\n/i;

/** The copy's text replaced in a text part that holds the returned message inline. */
function replaceInlineCopy(body: string, nl: string): string {
  const lf = nl === '\n' ? body : body.split(nl).join('\n');
  const m = INLINE_COPY.exec(lf);
  if (!m || !/^(?:received|message-id|date|subject):/im.test(m[1]) || INNER_NOTICE.test(m[1])) return body;
  const start = m.index + m[0].length;
  const tail = /\n*$/.exec(lf)?.[0] ?? '';
  if (start >= lf.length - tail.length) return body;
  const out = lf.slice(0, start) + RETURNED_BODY_LINES.join('\n') + '\n' + tail;
  return nl === '\n' ? out : out.split('\n').join(nl);
}

/** Another sender's subject, longer than most so it is read where the notice repeats one. */
export const RETURNED_SUBJECT = 'Your account is suspended: mailbox full, spam blocked, invoice rejected';

/**
 * The returned message's Subject (of its message/rfc822 or text/rfc822-headers part),
 * replaced wherever it appears in the message: in the notice's own Subject, in a text part
 * that repeats it, in the returned header. Subjects shorter than 12 characters are left
 * (they would be found inside other words).
 */
export function replaceReturnedSubject(text: string): string {
  let subject = '';
  mapLeaves(text, (e) => {
    const type = headerField(e.header, 'content-type');
    if (!subject && (RETURNED_TYPE.test(type) || /^text\/rfc822-headers\b/i.test(type)))
      subject = headerField(splitEntity(e.body).header || e.body, 'subject');
    return e.header + e.sep + e.body;
  });
  if (subject.length < 12 || /=\?/.test(subject)) return text;
  return text.split(subject).join(RETURNED_SUBJECT);
}

/** Each returned message (not a notice passed on) as text/rfc822-headers: its header only. */
export function returnHeadersOnly(text: string): string {
  const nl = lineEnd(text);
  return mapLeaves(text, ({ header, sep, body }) => {
    const type = headerField(header, 'content-type');
    if (!RETURNED_TYPE.test(type) || /content-transfer-encoding:\s*(?:base64|quoted-printable)/i.test(header)) return header + sep + body;
    const inner = splitEntity(body);
    if (!inner.sep || INNER_NOTICE.test(inner.header)) return header + sep + body;
    const tail = /(?:\r?\n|\r)*$/.exec(body)?.[0] || nl;
    const typed = header.replace(/(content-type:[ \t]*)message\/(?:rfc822|global)[^\r\n]*/i, '$1text/rfc822-headers');
    return typed + sep + inner.header + tail;
  });
}

// ---- dates ------------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC5322_DATE = /\b(\d{1,2})([ \t]+)(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)([ \t]+)((?:19|20)\d\d)\b/g;
const CTIME_DATE = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)([ \t]+)(\d{1,2})([ \t]+\d\d:\d\d:\d\d[ \t]+)((?:19|20)\d\d)\b/g;
const ISO_DATE = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?=[T ]\d\d:\d\d)/g;

/** Day, month and year a day after the given ones, the year plus three (the 28th stays below every month's end). */
function later(day: number, month: number, year: number): [number, number, number] {
  return day >= 28 ? [1, month === 11 ? 0 : month + 1, year + 3 + (month === 11 ? 1 : 0)] : [day + 1, month, year + 3];
}

/**
 * Every date three years and a day later: a notice's dates say when, not why. Weekday names
 * are left as they were (readers take them as written); days past the 27th move to the 1st
 * of the next month, so the order of dates within a message holds unless they straddle it.
 */
export function shiftDates(text: string): string {
  return text
    .replace(RFC5322_DATE, (_m, d: string, s1: string, mon: string, s2: string, y: string) => {
      const [day, month, year] = later(Number(d), MONTHS.indexOf(mon), Number(y));
      return `${String(day).padStart(d.length, '0')}${s1}${MONTHS[month]}${s2}${year}`;
    })
    .replace(CTIME_DATE, (_m, mon: string, s1: string, d: string, time: string, y: string) => {
      const [day, month, year] = later(Number(d), MONTHS.indexOf(mon), Number(y));
      return `${MONTHS[month]}${s1}${String(day).padStart(d.length, d.length === 2 && s1.length === 1 ? '0' : ' ')}${time}${year}`;
    })
    .replace(ISO_DATE, (_m, y: string, mo: string, d: string) => {
      const [day, month, year] = later(Number(d), Number(mo) - 1, Number(y));
      return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    });
}

// ---- keyword values in capitals ---------------------------------------------------------------

const CONTENT_TYPE_VALUE = /^(content-type:[ \t]*)([\w.+-]+\/[\w.+-]+)/gim;
const TYPE_PARAMETER = /(;[ \t]*(?:\r?\n|\r)?[ \t]*)(report-type|charset)=/gi;
const ACTION_VALUE = /^(action:[ \t]*)(failed|delayed|delivered|relayed|expanded)\b/gim;
const TYPED_VALUE =
  /^((?:final-recipient|original-recipient|reporting-mta|remote-mta|diagnostic-code|received-from-mta|x-actual-recipient):[ \t]*)(rfc822|dns|smtp|x-postfix|x-unix|x-local)(?=[ \t]*;)/gim;

/** Each MIME type, report field keyword and address/diagnostic type in capitals (they are case-insensitive). */
export function upperCaseKeywordValues(text: string): string {
  return text
    .replace(CONTENT_TYPE_VALUE, (_m, lead: string, type: string) => lead + type.replace(/\b\w/g, (c) => c.toUpperCase()))
    .replace(TYPE_PARAMETER, (_m, lead: string, name: string) => `${lead}${name.replace(/\b\w/g, (c) => c.toUpperCase())}=`)
    .replace(ACTION_VALUE, (_m, lead: string, action: string) => lead + action.toUpperCase())
    .replace(TYPED_VALUE, (_m, lead: string, type: string) => lead + type.toUpperCase());
}

// ---- padding ------------------------------------------------------------------------------------

/** A space after each line of the text/plain parts and report parts sent without a transfer encoding. */
export function padLines(text: string): string {
  return mapLeaves(text, ({ header, sep, body }) => {
    const type = headerField(header, 'content-type').toLowerCase();
    const cte = headerField(header, 'content-transfer-encoding').toLowerCase();
    const padded = !type || type.startsWith('text/plain') || /^message\/(?:global-)?delivery-status/.test(type);
    if (!padded || (cte && !/^(?:7bit|8bit)$/.test(cte))) return header + sep + body;
    return header + sep + body.replace(/([^\r\n])(?=\r?\n|\r)/g, '$1 ');
  });
}

// ---- folding --------------------------------------------------------------------------------

/** Report-part fields folded at `width` columns (at spaces only: a fold is whitespace). */
export function refoldReportFields(text: string, width = 40): string {
  return text.replace(
    /^((?:Diagnostic-Code|Final-Recipient|Original-Recipient|Remote-MTA|Reporting-MTA|Status|Action|X-Postfix-Sender):[^\r\n]*(?:(?:\r?\n|\r)[ \t][^\r\n]*)*)/gim,
    (field: string) => {
      // A field of a quoted-printable report part holds soft breaks ("550=" at a line end): left as sent.
      if (/=(?:\r?\n|\r)/.test(field)) return field;
      const nl = lineEnd(text);
      const flat = field.replace(/(?:\r?\n|\r)[ \t]+/g, ' ');
      if (flat.length <= width) return field;
      const words = flat.split(' ');
      const lines: string[] = [];
      let line = '';
      for (const w of words) {
        if (line && line.length + 1 + w.length > width) {
          lines.push(line);
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
      lines.push(line);
      return lines.join(`${nl}    `);
    },
  );
}

// ---- the notice's own header: encoded words and the sender's name ---------------------------

/** The first `name` field of the message's own header: where its value starts and ends, and the value unfolded. */
function ownField(text: string, name: string): { start: number; end: number; value: string } | undefined {
  const { header } = splitEntity(text);
  const m = new RegExp(`(?:^|\\r?\\n|\\r)${name}:[ \\t]*`, 'i').exec(header);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const rest = /[^\r\n]*(?:(?:\r?\n|\r)[ \t][^\r\n]*)*/y;
  rest.lastIndex = start;
  const raw = rest.exec(header)?.[0] ?? '';
  const value = raw.replace(/(?:\r?\n|\r)[ \t]+/g, ' ').trim();
  return { start, end: start + raw.replace(/\s+$/, '').length, value };
}

function replaceSpan(text: string, span: { start: number; end: number }, value: string): string {
  return text.slice(0, span.start) + value + text.slice(span.end);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A binary string's text: ASCII as it is, 8-bit bytes read as UTF-8 (undefined when they are not). */
function utf8Text(binary: string): string | undefined {
  if (!/[^\x00-\x7f]/.test(binary)) return binary;
  try {
    return STRICT_UTF8.decode(Buffer.from(binary, 'latin1'));
  } catch {
    return undefined;
  }
}

/** A text as RFC 2047 B words in UTF-8, one per line, over two lines at least (as long subjects are folded). */
function bWords(text: string, nl: string): string {
  const chars = [...text];
  const chunks: string[] = [];
  const limit = Buffer.byteLength(text) <= 45 ? Math.ceil(chars.length / 2) : Infinity;
  let chunk = '';
  for (const c of chars) {
    if (chunk && ([...chunk].length >= limit || Buffer.byteLength(chunk + c) > 45)) {
      chunks.push(chunk);
      chunk = '';
    }
    chunk += c;
  }
  chunks.push(chunk);
  return chunks.map((c) => `=?UTF-8?B?${Buffer.from(c, 'utf8').toString('base64')}?=`).join(`${nl} `);
}

/** A text as one RFC 2047 Q word, in ISO-8859-1 when every character is one of its (unless told UTF-8), else UTF-8. */
function qWord(text: string, charset?: 'UTF-8'): string {
  const latin1 = !charset && [...text].every((c) => c.charCodeAt(0) <= 0xff && (c.charCodeAt(0) < 0x80 || c.charCodeAt(0) > 0x9f));
  const bytes = Buffer.from(text, latin1 ? 'latin1' : 'utf8');
  let out = '';
  for (const b of bytes)
    out +=
      b === 0x20
        ? '_'
        : /[A-Za-z0-9!*+/-]/.test(String.fromCharCode(b))
          ? String.fromCharCode(b)
          : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return `=?${latin1 ? 'iso-8859-1' : 'UTF-8'}?Q?${out}?=`;
}

/** A From field's parts: the display name (unquoted; a comment's text for "addr (name)") and the address. */
function fromParts(value: string): { name: string; address: string } | undefined {
  const angle = /^(.*?)<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
  if (angle)
    return {
      name: angle[1]
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .replace(/\\(.)/g, '$1'),
      address: angle[2],
    };
  const bare = /^([^\s<>()"]+@[^\s<>()"]+)\s*(?:\(([^()]*)\))?$/.exec(value);
  return bare ? { name: (bare[2] ?? '').trim(), address: bare[1] } : undefined;
}

/**
 * The text of a value that holds RFC 2047 encoded words (whitespace between two words
 * dropped), each word read in its charset; undefined when a word's charset cannot read it.
 */
function decodedWords(value: string): string | undefined {
  try {
    return value
      .replace(/(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?)/g, '$1')
      .replace(/=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g, (_m, charset: string, enc: string, data: string) => {
        const bytes =
          enc.toUpperCase() === 'B'
            ? Buffer.from(data, 'base64')
            : Buffer.from(
                data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_e, hex: string) => String.fromCharCode(parseInt(hex, 16))),
                'latin1',
              );
        return new TextDecoder(charset, { fatal: true }).decode(bytes);
      });
  } catch {
    return undefined;
  }
}

/** A text as RFC 2047 Q words in UTF-8, at most 20 bytes of it a word, one word a line. */
function qWords(text: string, nl: string): string {
  const chunks: string[] = [];
  let chunk = '';
  for (const c of text) {
    if (chunk && Buffer.byteLength(chunk + c) > 20) {
      chunks.push(chunk);
      chunk = '';
    }
    chunk += c;
  }
  chunks.push(chunk);
  return chunks.map((c) => qWord(c, 'UTF-8')).join(`${nl} `);
}

/**
 * The notice's Subject and its From's display name written as RFC 2047 encoded words: the
 * Subject in UTF-8 B words folded over two lines, the name as an ISO-8859-1 Q word, as
 * gateways and localised MTAs write them. A field that holds encoded words already gets them
 * in UTF-8 Q words instead (a Japanese notice's ISO-2022-JP B words, say); one whose words or
 * 8-bit bytes cannot be read is left.
 */
export function encodeNoticeWords(text: string): string {
  const nl = lineEnd(text);
  let out = text;
  const from = ownField(out, 'from');
  const parts = from && fromParts(from.value);
  if (from && parts?.name) {
    const encoded = parts.name.includes('=?');
    const name = encoded ? decodedWords(parts.name) : utf8Text(parts.name);
    if (name && !name.includes('=?')) out = replaceSpan(out, from, `${encoded ? qWords(name, nl) : qWord(name)} <${parts.address}>`);
  }
  const subject = ownField(out, 'subject');
  if (subject?.value) {
    const encoded = subject.value.includes('=?');
    const words = encoded ? decodedWords(subject.value) : utf8Text(subject.value);
    if (words && !words.includes('=?')) out = replaceSpan(out, subject, encoded ? qWords(words, nl) : bWords(words, nl));
  }
  return out;
}

/** The names a delivery system's own mailbox goes by. */
const DAEMON_ADDRESS = /^(?:mailer[-_]?daemon|mail-daemon|post[-_]?master|double-bounce|mdaemon|microsoftexchange[0-9a-f]{32})@/i;
/** Display names delivery systems write. */
const DAEMON_NAME = /mail delivery|mailer[- ]daemon|postmaster|delivery (?:sub)?system|mail system|microsoft outlook/i;
/** Other delivery systems' names (Postfix, Exim, Sendmail and Gmail, Exchange Online's as a client shows it). */
export const SENDER_LABELS: readonly string[] = ['Postmaster', 'Mail Delivery Subsystem', 'Microsoft Outlook', 'Mail Delivery System'];

/** A small hash of a text, for a choice that stays the same for the same message. */
function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 7) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * The notice's sender's display name replaced by another delivery system's (SENDER_LABELS,
 * chosen by the message, never the name it had), or given one where it had none: where the
 * From is a delivery system's (its address or its name says so).
 */
export function relabelFrom(text: string): string {
  const from = ownField(text, 'from');
  const parts = from && fromParts(from.value);
  if (!from || !parts || !(DAEMON_ADDRESS.test(parts.address) || DAEMON_NAME.test(parts.name))) return text;
  const first = textHash(text) % SENDER_LABELS.length;
  let label = SENDER_LABELS[first];
  if (label.toLowerCase() === parts.name.toLowerCase()) label = SENDER_LABELS[(first + 1) % SENDER_LABELS.length];
  return replaceSpan(text, from, `${label} <${parts.address}>`);
}

/**
 * The notice's sender's display name taken away where the address is a delivery system's
 * own: the bare address, or the address in angle brackets (chosen by the message).
 */
export function bareFrom(text: string): string {
  const from = ownField(text, 'from');
  const parts = from && fromParts(from.value);
  if (!from || !parts || !parts.name || !DAEMON_ADDRESS.test(parts.address)) return text;
  return replaceSpan(text, from, textHash(text) % 2 ? parts.address : `<${parts.address}>`);
}

// ---- the text part's charset ---------------------------------------------------------------------

function decodeQuotedPrintable(body: string): Buffer {
  const binary = body
    .replace(/[ \t]+(?=\r?\n|\r|$)/g, '')
    .replace(/=(?:\r?\n|\r)/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(binary, 'latin1');
}

/** Text in ISO-2022-JP: JIS X 0208 characters (EUC-JP's two bytes less 0x80 each) between escapes, ASCII back at each line's end. */
function encodeIso2022jp(text: string): Buffer | undefined {
  const bytes: number[] = [];
  let jis = false;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) {
      if (jis) bytes.push(0x1b, 0x28, 0x42);
      jis = false;
      bytes.push(code);
      continue;
    }
    const euc = iconv.encode(c, 'euc-jp');
    if (euc.length !== 2 || euc[0] < 0xa1 || euc[1] < 0xa1) return undefined;
    if (!jis) bytes.push(0x1b, 0x24, 0x42);
    jis = true;
    bytes.push(euc[0] - 0x80, euc[1] - 0x80);
  }
  if (jis) bytes.push(0x1b, 0x28, 0x42);
  return Buffer.from(bytes);
}

/** The text in `charset`, or undefined when a character has no place in it (checked by reading it back). */
function encodeIn(text: string, charset: string): Buffer | undefined {
  const bytes = charset === 'ISO-2022-JP' ? encodeIso2022jp(text) : iconv.encode(text, charset);
  if (!bytes) return undefined;
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes) === text ? bytes : undefined;
  } catch {
    return undefined;
  }
}

const WESTERN = /^(?:iso-8859-1|iso8859-1|latin1|iso-8859-15|windows-1252|cp1252)$/;
const SHIFT_JIS = /^(?:shift_jis|shift-jis|sjis|cp932|windows-31j|x-sjis)$/;

/** The charsets a text in `label` is re-encoded into, in order of preference. */
function targetCharsets(label: string, text: string): string[] {
  if (label === 'utf-8' || label === 'utf8') {
    const latin = [...text].every((c) => c.charCodeAt(0) <= 0xff && (c.charCodeAt(0) < 0x80 || c.charCodeAt(0) > 0x9f));
    return latin ? ['ISO-8859-1'] : ['windows-1252', 'ISO-2022-JP', 'Shift_JIS'];
  }
  if (label === 'iso-2022-jp') return ['Shift_JIS'];
  if (label === 'euc-jp') return ['ISO-2022-JP'];
  if (WESTERN.test(label) || SHIFT_JIS.test(label)) return ['UTF-8'];
  return /^(?:us-ascii|ascii|us_ascii|ansi_x3\.4-1968)$/.test(label) ? [] : ['UTF-8'];
}

/**
 * Each text part (of the notice and of a returned message) that declares a charset and holds characters beyond ASCII, re-encoded into
 * another charset that holds the same characters, the new one declared, its transfer
 * encoding kept: Latin text UTF-8 <-> ISO-8859-1/windows-1252, Japanese text UTF-8 ->
 * ISO-2022-JP -> Shift_JIS -> UTF-8 (EUC-JP -> ISO-2022-JP), other charsets -> UTF-8. A part
 * whose bytes are not valid in its declared charset is left.
 */
export function recodeTextParts(text: string): string {
  const nl = lineEnd(text);
  return mapLeaves(text, ({ header, sep, body }) => {
    const type = headerField(header, 'content-type');
    const cte = headerField(header, 'content-transfer-encoding').toLowerCase();
    const charset = /charset[ \t]*=[ \t]*"?([^";\s]+)"?/i.exec(type)?.[1]?.toLowerCase();
    // The returned message's own text parts too: its sender wrote them in a charset of his.
    if (RETURNED_TYPE.test(type) && (!cte || /^(?:7bit|8bit|binary)$/.test(cte)) && !INNER_NOTICE.test(splitEntity(body).header))
      return header + sep + recodeTextParts(body);
    if (!/^text\//i.test(type) || !charset) return header + sep + body;
    const bytes =
      cte === 'base64'
        ? Buffer.from(body, 'base64')
        : cte === 'quoted-printable'
          ? decodeQuotedPrintable(body)
          : !cte || /^(?:7bit|8bit|binary)$/.test(cte)
            ? Buffer.from(body, 'latin1')
            : undefined;
    if (!bytes || !bytes.some((b) => b >= 0x80 || b === 0x1b)) return header + sep + body;
    let decoded: string;
    try {
      decoded = new TextDecoder(charset, { fatal: true }).decode(bytes);
    } catch {
      return header + sep + body;
    }
    if (!/[^\x00-\x7f]/.test(decoded)) return header + sep + body;
    for (const target of targetCharsets(charset, decoded)) {
      const recoded = encodeIn(decoded, target);
      if (!recoded) continue;
      const binary = recoded.toString('latin1');
      const eightBit = /[^\x00-\x7f]/.test(binary);
      const newBody = cte === 'base64' ? encodeBase64(binary, nl) : cte === 'quoted-printable' ? encodeQuotedPrintable(binary, nl) : binary;
      const newHeader = header
        .replace(/(charset[ \t]*=[ \t]*)("?)[^";\s]+\2/i, `$1$2${target}$2`)
        .replace(/(content-transfer-encoding:[ \t]*)7bit\b/i, (m, lead: string) => (eightBit ? `${lead}8bit` : m));
      return newHeader + sep + newBody;
    }
    return header + sep + body;
  });
}

// ---- the MIME structure's own spelling ----------------------------------------------------------

const BOUNDARY_PARAMETER = /\bboundary[ \t]*=[ \t]*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/gi;

/**
 * Every multipart boundary string replaced by another (Outlook's "----=_NextPart_..." form,
 * quoted), in its Content-Type parameter and in each delimiter line that uses it.
 */
export function renameBoundaries(text: string): string {
  const renamed = new Map<string, string>();
  for (const m of text.matchAll(BOUNDARY_PARAMETER)) {
    const old = m[1] ?? m[2];
    if (renamed.has(old)) continue;
    let fresh = `----=_NextPart_${String(renamed.size).padStart(3, '0')}_${textHash(old).toString(16).toUpperCase().padStart(8, '0')}.01DB4A2C`;
    while (text.includes(fresh)) fresh += 'X';
    renamed.set(old, fresh);
  }
  if (!renamed.size) return text;
  let out = text.replace(BOUNDARY_PARAMETER, (_m, quoted?: string, bare?: string) => `boundary="${renamed.get(quoted ?? bare!)}"`);
  for (const [old, fresh] of renamed) {
    const escaped = old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(
      new RegExp(`^--${escaped}(--)?(?=[ \\t]*(?:\\r?\\n|\\r|$))`, 'gm'),
      (_m, close?: string) => `--${fresh}${close ?? ''}`,
    );
  }
  return out;
}

/** RFC 2045's token: a value that may be written without quotes. */
const MIME_TOKEN = /^[^\s()<>@,;:\\"/[\]?=]+$/;

/**
 * Each Content-Type field with parameters written another way: the parameters in reverse
 * order, each on its own folded line, quoted where they were bare and bare where they were
 * quoted (when the value is a token), as other MTAs write the same type.
 */
export function rewriteTypeParameters(text: string): string {
  const nl = lineEnd(text);
  return text.replace(/^(content-type:[ \t]*)([^\r\n]*(?:(?:\r?\n|\r)[ \t][^\r\n]*)*)/gim, (field: string, lead: string, raw: string) => {
    const value = raw.replace(/(?:\r?\n|\r)[ \t]+/g, ' ').trim();
    const pieces = value.match(/(?:[^;"]|"[^"]*")+/g)?.map((p) => p.trim()) ?? [];
    const [type, ...params] = pieces;
    if (!type || !/^[\w.+-]+\/[\w.+-]+$/.test(type) || !params.length) return field;
    const rewritten: string[] = [];
    for (const p of params) {
      const m = /^([\w*.-]+)[ \t]*=[ \t]*(?:"([^"\\]*)"|([^\s"]+))$/.exec(p);
      if (!m) return field;
      const [, name, quoted, bare] = m;
      rewritten.push(quoted !== undefined ? (MIME_TOKEN.test(quoted) ? `${name}=${quoted}` : `${name}="${quoted}"`) : `${name}="${bare}"`);
    }
    return `${lead}${type};${nl}\t${rewritten.reverse().join(`;${nl}\t`)}`;
  });
}

/** The preamble Outlook, Thunderbird and many MTAs write before a multipart body's first part. */
export const PREAMBLE_TEXT = 'This is a multi-part message in MIME format.';

/** Each multipart body with no preamble (nothing but blank lines before its first delimiter) gets one. */
export function addPreambles(text: string, depth = 0): string {
  const { header, sep, body } = splitEntity(text);
  const type = headerField(header, 'content-type');
  if (!sep || !/^multipart\//i.test(type) || depth >= 4) return text;
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return text;
  const nl = lineEnd(text);
  const delimiter = `--${boundary}`;
  const pieces = body.split(delimiter);
  if (pieces.length < 2) return text;
  const walked = pieces.map((piece, i) => {
    if (i === 0) return piece.trim() ? piece : `${PREAMBLE_TEXT}${nl}${piece || nl}`;
    if (piece.startsWith('--')) return piece;
    const lead = /^[ \t]*(?:\r?\n|\r)/.exec(piece)?.[0] ?? '';
    const tail = /(?:\r?\n|\r)$/.exec(piece)?.[0] ?? '';
    return lead + addPreambles(piece.slice(lead.length, piece.length - tail.length), depth + 1) + tail;
  });
  return header + sep + walked.join(delimiter);
}

/** Comments for the top-level types: RFC 2045 (section 5.1) writes "charset=us-ascii (Plain text)". */
const TYPE_COMMENTS: Record<string, string> = { multipart: 'Multipart message', text: 'Plain text', message: 'Enclosed message' };

/** A comment after the last parameter of each multipart, text and message Content-Type (RFC 2045 section 5.1's own example). */
export function commentTypes(text: string): string {
  return text.replace(
    /^(content-type:[ \t]*([\w.+-]+)\/[\w.+-]+(?:[ \t]*;(?:[ \t]|\r?\n[ \t]|\r[ \t])*[\w*.-]+[ \t]*=[ \t]*(?:"[^"\r\n]*"|[^\s;"()]+))+)(?=[ \t]*;?[ \t]*(?:\r?\n|\r)(?![ \t]))/gim,
    (field: string, _whole: string, type: string) => {
      const comment = TYPE_COMMENTS[type.toLowerCase()];
      return comment ? `${field} (${comment})` : field;
    },
  );
}

// ---- the header and the line ends ------------------------------------------------------------------

/** CRLF line ends as LF, LF as CRLF: a notice over SMTP or LMTP ends its lines in CRLF, a file on disk in LF. */
export function toggleLineEnds(text: string): string {
  if (text.includes('\r\n')) return text.replace(/\r\n/g, '\n');
  return text.includes('\r') ? text : text.replace(/\n/g, '\r\n');
}

/** Trace fields (RFC 5321 section 4.4) and the fields a receiving side prepends with them: kept on top, in their order. */
const TRACE_FIELD =
  /^(?:return-path|received|delivered-to|x-original-to|envelope-to|x-envelope-to|authentication-results|arc-[\w-]+|dkim-signature|x-received)$/i;

/**
 * The notice's own header fields (not the trace fields on top) in reverse order, as another
 * MTA orders From, To, Subject, Date and the MIME fields.
 */
export function reorderHeader(text: string): string {
  const { header, sep, body } = splitEntity(text);
  const nl = lineEnd(text);
  const from = MBOX_FROM_LINE.exec(header)?.[0] ?? '';
  const fields = header.slice(from.length).match(/[^\r\n]+(?:(?:\r?\n|\r)[ \t][^\r\n]*)*/g) ?? [];
  if (fields.some((f) => !/^[!-9;-~]+:/.test(f))) return text;
  const trace = fields.filter((f) => TRACE_FIELD.test(f.slice(0, f.indexOf(':'))));
  const own = fields.filter((f) => !TRACE_FIELD.test(f.slice(0, f.indexOf(':'))));
  return from + [...trace, ...own.reverse()].join(nl) + sep + body;
}

/**
 * The message's last multipart close delimiter ("--boundary--" on the last line) taken away
 * with what follows it, as a notice cut at a size limit or by a careless store ends: RFC 2046
 * readers take the last part to the end.
 */
export function dropCloseDelimiter(text: string): string {
  const m = /(?:\r?\n|\r)--[^\r\n]{1,200}--[ \t]*(?:(?:\r?\n|\r)[ \t]*){0,20}$/.exec(text);
  if (!m) return text;
  const boundary = m[0].trim().slice(2, -2);
  return text.includes(`boundary="${boundary}"`) || text.includes(`boundary=${boundary}`) ? text.slice(0, m.index) + lineEnd(text) : text;
}

/**
 * The encoded words of the notice's Subject and From written as the UTF-8 they stand for
 * (RFC 6532), as an MTA that speaks SMTPUTF8 passes them; a word it cannot read is left.
 */
export function rawUtf8Words(text: string): string {
  const utf8 = (t: string) => Buffer.from(t, 'utf8').toString('latin1');
  let out = text;
  const from = ownField(out, 'from');
  const parts = from && fromParts(from.value);
  const name = parts?.name.includes('=?') ? decodedWords(parts.name) : undefined;
  if (from && parts && name && !name.includes('=?')) {
    // A name with a special character is quoted (RFC 5322's display-name is a phrase).
    const phrase = /[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
    out = replaceSpan(out, from, `${utf8(phrase)} <${parts.address}>`);
  }
  const subject = ownField(out, 'subject');
  const words = subject?.value.includes('=?') ? decodedWords(subject.value) : undefined;
  if (subject && words && !words.includes('=?') && !/[\r\n]/.test(words)) out = replaceSpan(out, subject, utf8(words));
  return out;
}

// ---- the check -------------------------------------------------------------------------------

/** Each change as a function of the message's text (a binary string). */
const CHANGE_OF: Record<Change, (text: string) => string> = {
  names: renameParties,
  ips: replaceIps,
  'quoted-printable': (text) => encodeTextParts(text, 'quoted-printable'),
  base64: (text) => encodeTextParts(text, 'base64'),
  folded: (text) => refoldReportFields(text),
  'field-case': lowerFieldNames,
  'global-report': asGlobalReport,
  'another-recipient': addReportRecipient,
  'gateway-footer': appendGatewayFooter,
  'recipient-case': upperCaseFinalRecipients,
  'diagnostic-type': withoutDiagnosticType,
  'mbox-from': toggleMboxFrom,
  'receiving-headers': addReceivingHeaders,
  'subject-tag': tagSubject,
  'returned-body': replaceReturnedBody,
  'returned-subject': replaceReturnedSubject,
  'trailing-space': padLines,
  'headers-only': returnHeadersOnly,
  dates: shiftDates,
  'value-case': upperCaseKeywordValues,
  'encoded-words': encodeNoticeWords,
  'from-name': relabelFrom,
  'from-address': bareFrom,
  charset: recodeTextParts,
  boundary: renameBoundaries,
  'mime-params': rewriteTypeParameters,
  preamble: addPreambles,
  'type-comment': commentTypes,
  'line-ends': toggleLineEnds,
  'header-order': reorderHeader,
  'close-delimiter': dropCloseDelimiter,
  'utf8-header': rawUtf8Words,
};

export function applyChange(change: Change, raw: Buffer): Buffer {
  return Buffer.from(CHANGE_OF[change](raw.toString('latin1')), 'latin1');
}

/** The answer a user sees, with the same change applied to its addresses so both compare. */
function comparable(change: Change, c: Classification): string {
  if (change === 'recipient-case') return answerOf(lowerCaseAddresses(c));
  if (change !== 'names') return answerOf(c);
  // rebound's own stand-in for a complaint that names nobody is not a sample's name.
  const rename = (address: string) => (address === UNDISCLOSED_RECIPIENT ? address : renameParties(address));
  return answerOf({ ...c, recipients: c.recipients.map((r) => ({ ...r, address: rename(r.address) })) });
}

function lowerCaseAddresses(c: Classification): Classification {
  return { ...c, recipients: c.recipients.map((r) => ({ ...r, address: r.address.toLowerCase() })) };
}

export interface Moved {
  sample: string;
  change: Change;
  before: string;
  after: string;
}

/** Reads every sample and each changed copy of it; `read` is classify() unless a test passes another. */
export async function checkInvariance(
  samples: Sample[],
  changes: readonly Change[] = CHANGES,
  read: (raw: Buffer) => Promise<Classification> = (r) => classify(r),
): Promise<{ tried: Record<Change, number>; moved: Moved[] }> {
  const moved: Moved[] = [];
  const tried = Object.fromEntries(CHANGES.map((c) => [c, 0])) as Record<Change, number>;
  for (const s of samples) {
    const original = await classifyCorpusFile(s.raw, read);
    for (const change of changes) {
      const changedRaw = applyChange(change, s.raw);
      if (changedRaw.equals(s.raw)) continue;
      tried[change]++;
      const before = comparable(change, original);
      const read2 = await classifyCorpusFile(changedRaw, read);
      const added = (r: { address: string }) => r.address.toLowerCase().startsWith(ADDED_RECIPIENT_PREFIX);
      const after = answerOf(
        change === 'another-recipient'
          ? { ...read2, recipients: read2.recipients.filter((r) => !added(r)) }
          : change === 'recipient-case'
            ? lowerCaseAddresses(read2)
            : read2,
      );
      if (before !== after) moved.push({ sample: s.name, change, before, after });
    }
  }
  return { tried, moved };
}

async function main(argv: string[]): Promise<number> {
  const samples = allSamples();
  const { tried, moved } = await checkInvariance(samples);
  console.log(`${samples.length} messages; answers moved, of the changed copies read:`);
  for (const change of CHANGES)
    console.log(`  ${change.padEnd(17)} ${moved.filter((m) => m.change === change).length} of ${tried[change]}`);
  if (argv.includes('--show')) for (const m of moved) console.log(`\n${m.change} ${m.sample}\n  before ${m.before}\n  after  ${m.after}`);
  return moved.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
