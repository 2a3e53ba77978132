// The classifier reads the words, not the samples: every corpus message and every recorded
// MTA notice, changed in ways that must not change its answer (the parties renamed, other
// IP addresses, the text part sent quoted-printable or base64, the report's fields folded
// elsewhere, field names in lower case, the report in RFC 6533's global types, another
// recipient beside a report's only one, a gateway's footer under the notice, the report's
// Final-Recipient in upper case, a Diagnostic-Code without its type, an mbox separator line
// added or taken away, the receiving side's fields on top, an "[EXTERNAL]" subject tag,
// another sender's returned text and subject, lines padded with a space, the returned message
// cut to its header, every date moved, keyword values in capitals, the Subject and sender's
// name as RFC 2047 encoded words, another sender's name or none, a text part in another
// charset, other boundary strings, Content-Type parameters written another way, a preamble,
// a comment after a Content-Type, CRLF and LF line ends swapped, the header in another order,
// the last close delimiter taken away, encoded words written as raw UTF-8),
// gives the same answer, address for address (tools/corpus/invariance.ts). Unseen bounces
// differ from the samples in just these ways.
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEntity, walkEntities } from '../../src/core/mime.ts';
import type { Classification } from '../../src/core/types.ts';
import {
  addPreambles,
  addReceivingHeaders,
  addReportRecipient,
  appendGatewayFooter,
  allSamples,
  applyChange,
  CHANGES,
  checkInvariance,
  asGlobalReport,
  bareFrom,
  commentTypes,
  dropCloseDelimiter,
  encodeNoticeWords,
  encodeTextParts,
  lowerFieldNames,
  padLines,
  PREAMBLE_TEXT,
  rawUtf8Words,
  recodeTextParts,
  refoldReportFields,
  relabelFrom,
  renameBoundaries,
  reorderHeader,
  renameParties,
  replaceIps,
  replaceReturnedBody,
  replaceReturnedSubject,
  RETURNED_SUBJECT,
  returnHeadersOnly,
  rewriteTypeParameters,
  SENDER_LABELS,
  shiftDates,
  tagSubject,
  toggleLineEnds,
  toggleMboxFrom,
  upperCaseFinalRecipients,
  upperCaseKeywordValues,
  withoutDiagnosticType,
  type Sample,
} from '../../tools/corpus/invariance.ts';

const NOTICE = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.jp>',
  'To: kijitora@example.jp',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  '<neko@example.co.jp>: host mx.example.co.jp[192.0.2.25] said: 550 5.1.1',
  '    <neko@example.co.jp>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
  'Write to postmaster@example.jp; gmail.com is not renamed, nor 127.0.0.1.',
  '',
  '--b1',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.jp',
  '',
  'Final-Recipient: rfc822; neko@example.co.jp',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 <neko@example.co.jp>: Recipient address rejected: User unknown in local recipient table',
  'Arrival-Date: Sat, 31 Dec 2016 23:10:02 +0900 (JST)',
  '',
  '--b1',
  'Content-Type: message/rfc822',
  '',
  'From: kijitora@example.jp',
  'To: neko@example.co.jp',
  'Subject: Minutes of the board meeting',
  'Date: Sat, 31 Dec 2016 23:10:00 +0900',
  '',
  'Attached are the minutes.',
  '',
  '--b1--',
  '',
].join('\n');

/** Exim's layout: the returned copy inside the notice's only text. */
const INLINE_COPY_NOTICE = [
  'From: Mail Delivery System <Mailer-Daemon@mx.example.jp>',
  'Subject: Mail delivery failed: returning message to sender',
  '',
  'This message was created automatically by mail delivery software.',
  '',
  '  neko@example.co.jp',
  '    SMTP error from remote mail server after RCPT TO:<neko@example.co.jp>:',
  '    550 5.1.1 User unknown',
  '',
  '------ This is a copy of the message, including all the headers. ------',
  '',
  'Received: from kijitora by mx.example.jp with local (Exim 4.96)',
  'From: kijitora@example.jp',
  'Subject: Minutes of the board meeting',
  '',
  'Attached are the minutes.',
  '',
].join('\n');

describe('the changes themselves', () => {
  it('renames the anonymised parties consistently, and nothing else', () => {
    const renamed = renameParties(NOTICE);
    expect(renamed).not.toMatch(/kijitora|neko@|mx\.example/);
    // The same address gets the same stand-in in the text and in the report part.
    const standIns = [...renamed.matchAll(/<([a-z]{4}@[a-z.]+)>/g)].map((m) => m[1]);
    expect(new Set(standIns).size).toBe(1);
    expect(renamed).toContain('.co.jp');
    expect(renamed).toContain('MAILER-DAEMON@');
    expect(renamed).toContain('postmaster@');
    expect(renamed).toContain('gmail.com');
    expect(renamed).toContain('User unknown in local recipient table');
  });

  it('replaces IP addresses but loopback', () => {
    const replaced = replaceIps(NOTICE);
    expect(replaced).not.toContain('192.0.2.25');
    expect(replaced).toMatch(/\[(?:198\.51\.100|203\.0\.113)\.\d+\]/);
    expect(replaced).toContain('127.0.0.1');
  });

  it('sends the text part encoded, and a MIME reader gets the same words back', async () => {
    const original = await simpleParser(NOTICE);
    for (const encoding of ['quoted-printable', 'base64'] as const) {
      const encoded = encodeTextParts(NOTICE, encoding);
      expect(encoded).toContain(`Content-Transfer-Encoding: ${encoding}`);
      expect(encoded).not.toContain('Recipient address rejected: User unknown (in reply');
      expect((await simpleParser(encoded)).text).toBe(original.text);
    }
  });

  it('folds long report fields elsewhere and lower-cases field names', () => {
    const folded = refoldReportFields(NOTICE);
    expect(folded).toMatch(/^Diagnostic-Code: smtp; 550 5\.1\.1\n {4}\S/m);
    expect(folded.replace(/\n\s+/g, ' ')).toContain('Recipient address rejected: User unknown in local recipient table');
    const lowered = lowerFieldNames(NOTICE);
    expect(lowered).toContain('\nfinal-recipient: rfc822; neko@example.co.jp');
    expect(lowered).toContain('\ncontent-type: message/delivery-status');
    expect(lowered.startsWith('from: Mail Delivery System')).toBe(true);
    // The text part's words are not field names.
    expect(lowered).toContain('Write to postmaster');
  });

  it('adds a second recipient group to a one-recipient report', () => {
    const added = addReportRecipient(NOTICE);
    expect(added).toContain('Final-Recipient: rfc822; neko@example.co.jp');
    expect(added).toContain('Final-Recipient: rfc822; also-neko@example.co.jp');
    expect(added).toMatch(/Diagnostic-Code: smtp; 550 5\.1\.1 <also-neko@example\.co\.jp>/);
    // A report that already names two is left alone.
    expect(addReportRecipient(added)).toBe(added);
  });

  it("appends a gateway's footer to the notice's text part only", () => {
    const footed = appendGatewayFooter(NOTICE);
    expect(footed).toMatch(
      /User unknown \(in reply to RCPT TO command\)\n[^]*\nThis email has been scanned for spam[^]*\n--b1\nContent-Type: message\/delivery-status/,
    );
    expect(footed.match(/has been scanned for spam/g)).toHaveLength(1);
  });

  it("upper-cases the report's Final-Recipient and drops the Diagnostic-Code's type", () => {
    expect(upperCaseFinalRecipients(NOTICE)).toContain('Final-Recipient: rfc822; NEKO@EXAMPLE.CO.JP');
    expect(upperCaseFinalRecipients(NOTICE)).toContain('<neko@example.co.jp>: host');
    expect(withoutDiagnosticType(NOTICE)).toContain('Diagnostic-Code: 550 5.1.1 <neko@example.co.jp>');
  });

  it('sends the report as RFC 6533 global types', () => {
    const global = asGlobalReport(NOTICE);
    expect(global).toContain('Content-Type: message/global-delivery-status');
    expect(global).not.toMatch(/message\/delivery-status/);
  });

  it('adds an mbox separator or takes it away, but never the first of a file of several', () => {
    const withSeparator = toggleMboxFrom(NOTICE);
    expect(withSeparator).toMatch(/^From MAILER-DAEMON {2}Wed Dec {2}2 13:40:03 2026\nFrom: Mail Delivery System/);
    expect(toggleMboxFrom(withSeparator)).toBe(NOTICE);
    const twoMessages = `${withSeparator}\nFrom double-bounce@mx.example.jp  Thu Jul  2 12:05:05 2020\n${NOTICE}`;
    expect(toggleMboxFrom(twoMessages)).toBe(twoMessages);
  });

  it("adds the receiving side's fields on top and tags the notice's subject", () => {
    const received = addReceivingHeaders(toggleMboxFrom(NOTICE));
    expect(received).toMatch(
      /^From MAILER-DAEMON[^\n]*\nReceived: from mx\.receiver\.test[^]*X-Spam-Status: No[^]*\nFrom: Mail Delivery System/,
    );
    expect(tagSubject(NOTICE)).toContain('\nSubject: [EXTERNAL] Undelivered Mail Returned to Sender\n');
    // The returned message's own Subject is not the notice's.
    expect(tagSubject(NOTICE)).toContain('\nSubject: Minutes of the board meeting\n');
  });

  it("replaces the returned message's text, in its own part or inside the notice's text", () => {
    const replaced = replaceReturnedBody(NOTICE);
    expect(replaced).not.toContain('Attached are the minutes.');
    expect(replaced).toMatch(/Subject: Minutes of the board meeting\n[^]*\n\nDear customer,\n[^]*Kind regards, Accounts\n+--b1--/);
    expect(replaced).toContain('User unknown in local recipient table');
    const inline = replaceReturnedBody(INLINE_COPY_NOTICE);
    expect(inline).not.toContain('Attached are the minutes.');
    expect(inline).toMatch(/550 5\.1\.1 User unknown\n[^]*Subject: Minutes of the board meeting\n\nDear customer,/);
  });

  it("replaces the returned message's subject wherever the notice repeats it", () => {
    const notice = NOTICE.replace('Subject: Undelivered Mail Returned to Sender', 'Subject: Undeliverable: Minutes of the board meeting');
    const replaced = replaceReturnedSubject(notice);
    expect(replaced).not.toContain('Minutes of the board meeting');
    expect(replaced.split(RETURNED_SUBJECT)).toHaveLength(3);
  });

  it('cuts the returned message to its header, pads lines and moves dates', () => {
    const headersOnly = returnHeadersOnly(NOTICE);
    expect(headersOnly).toMatch(/Content-Type: text\/rfc822-headers\n\nFrom: kijitora@example\.jp\n[^]*Date: [^\n]*\n\n--b1--/);
    expect(headersOnly).not.toContain('Attached are the minutes.');
    const padded = padLines(NOTICE);
    expect(padded).toContain('Status: 5.1.1 \n');
    expect(padded).toContain('(in reply to RCPT TO command) \n');
    expect(padded).toContain('\nSubject: Undelivered Mail Returned to Sender\n');
    const shifted = shiftDates(`${NOTICE}Mon Feb  3 09:01:02 2014\n2015-10-25T07:18:02Z\n`);
    expect(shifted).toContain('Arrival-Date: Sat, 01 Jan 2020 23:10:02 +0900');
    expect(shifted).toContain('Feb  4 09:01:02 2017');
    expect(shifted).toContain('2018-10-26T07:18:02Z');
  });

  it('writes MIME types, the Action and the address and diagnostic types in capitals, the boundary as it was', () => {
    const upper = upperCaseKeywordValues(NOTICE);
    expect(upper).toContain('Content-Type: Multipart/Report; Report-Type=delivery-status; boundary="b1"');
    expect(upper).toContain('Content-Type: Message/Delivery-Status');
    expect(upper).toContain('Final-Recipient: RFC822; neko@example.co.jp');
    expect(upper).toContain('Reporting-MTA: DNS; mx.example.jp');
    expect(upper).toContain('Action: FAILED');
    expect(upper).toContain('Diagnostic-Code: SMTP; 550 5.1.1');
  });

  it("writes the notice's Subject and sender's name as encoded words a MIME reader reads back", async () => {
    const encoded = encodeNoticeWords(NOTICE);
    expect(encoded).toContain('From: =?iso-8859-1?Q?Mail_Delivery_System?= <MAILER-DAEMON@mx.example.jp>\n');
    expect(encoded).toMatch(/\nSubject: =\?UTF-8\?B\?[\w+/=]+\?=\n =\?UTF-8\?B\?[\w+/=]+\?=\n/);
    const read = await simpleParser(encoded);
    expect(read.subject).toBe('Undelivered Mail Returned to Sender');
    expect(read.from?.value[0]).toEqual({ name: 'Mail Delivery System', address: 'MAILER-DAEMON@mx.example.jp' });
    // 8-bit UTF-8 in the header (RFC 6532) is read as UTF-8 and written in the word's charset.
    const french = Buffer.from(
      NOTICE.replace('Mail Delivery System', 'Système de messagerie').replace('Undelivered Mail Returned to Sender', 'Non remis : réunion'),
    ).toString('latin1');
    const frenchEncoded = encodeNoticeWords(french);
    expect(frenchEncoded).toContain('From: =?iso-8859-1?Q?Syst=E8me_de_messagerie?= <');
    const frenchRead = await simpleParser(Buffer.from(frenchEncoded, 'latin1'));
    expect(frenchRead.subject).toBe('Non remis : réunion');
    expect(frenchRead.from?.value[0].name).toBe('Système de messagerie');
    // A field that already holds encoded words gets them again as UTF-8 Q words: a Japanese
    // notice's ISO-2022-JP B words, say.
    const japanese = NOTICE.replace(
      'Subject: Undelivered Mail Returned to Sender',
      `Subject: =?ISO-2022-JP?B?${Buffer.from('\x1b$BG[?.%(%i!<\x1b(B', 'latin1').toString('base64')}?=`,
    );
    expect((await simpleParser(japanese)).subject).toBe('配信エラー');
    const requoted = encodeNoticeWords(japanese);
    expect(requoted).toMatch(/\nSubject: =\?UTF-8\?Q\?(?:=[0-9A-F]{2}){15}\?=\n/);
    expect((await simpleParser(requoted)).subject).toBe('配信エラー');
    expect((await simpleParser(encodeNoticeWords(encoded))).subject).toBe('Undelivered Mail Returned to Sender');
    // And back: the words written as the raw UTF-8 they stand for (RFC 6532), a name with a comma quoted.
    const raw = rawUtf8Words(japanese.replace('Mail Delivery System', '=?iso-8859-1?Q?Syst=E8me_de_messagerie=2C_Paris?='));
    expect(Buffer.from(raw, 'latin1').toString('utf8')).toContain(
      'From: "Système de messagerie, Paris" <MAILER-DAEMON@mx.example.jp>\nTo: kijitora@example.jp\nSubject: 配信エラー\n',
    );
    expect(rawUtf8Words(NOTICE)).toBe(NOTICE);
  });

  it("gives a delivery system's From another name or none, and leaves a person's", () => {
    const relabelled = relabelFrom(NOTICE);
    const name = /^From: (.*) <MAILER-DAEMON@mx\.example\.jp>\n/.exec(relabelled)?.[1];
    expect(SENDER_LABELS).toContain(name);
    expect(name).not.toBe('Mail Delivery System');
    const bare = NOTICE.replace('Mail Delivery System <MAILER-DAEMON@mx.example.jp>', 'MAILER-DAEMON@mx.example.jp');
    expect(relabelFrom(bare)).toMatch(/^From: [A-Z][\w ]+ <MAILER-DAEMON@mx\.example\.jp>\n/);
    expect(bareFrom(NOTICE)).toMatch(/^From: <?MAILER-DAEMON@mx\.example\.jp>?\n/);
    expect(bareFrom(bare)).toBe(bare);
    const person = NOTICE.replace('Mail Delivery System <MAILER-DAEMON@mx.example.jp>', 'Kijitora Neko <kijitora@example.jp>');
    expect(relabelFrom(person)).toBe(person);
    expect(bareFrom(person)).toBe(person);
  });

  it('re-encodes a text part into another charset that holds its characters, and declares it', async () => {
    const german = Buffer.from(
      NOTICE.replace(
        'Write to postmaster@example.jp; gmail.com is not renamed, nor 127.0.0.1.',
        'Der Empfänger ist unbekannt. Grüße, Ihr Postmaster',
      ),
    ).toString('latin1');
    const latin = recodeTextParts(german);
    expect(latin).toContain('Content-Type: text/plain; charset=ISO-8859-1\n');
    expect(latin).toContain('Der Empf\xe4nger ist unbekannt. Gr\xfc\xdfe');
    const original = (await simpleParser(Buffer.from(german, 'latin1'))).text;
    expect((await simpleParser(Buffer.from(latin, 'latin1'))).text).toBe(original);
    expect(recodeTextParts(latin)).toContain('charset=UTF-8');
    // The same through a transfer encoding: decoded, re-encoded, encoded again.
    const qp = recodeTextParts(encodeTextParts(german, 'quoted-printable'));
    expect(qp).toContain('Der Empf=E4nger ist unbekannt. Gr=FC=DFe');
    expect((await simpleParser(Buffer.from(qp, 'latin1'))).text).toBe(original);
    // Japanese text: ISO-2022-JP -> Shift_JIS -> UTF-8 -> ISO-2022-JP, the words the same each time.
    const jis = NOTICE.replace('charset=utf-8', 'charset=iso-2022-jp').replace(
      'Write to postmaster@example.jp;',
      '\x1b$B08@h%a!<%k%"%I%l%9$,B8:_$7$^$;$s\x1b(B',
    );
    const words = (raw: string) =>
      new TextDecoder(/charset=([\w-]+)/.exec(raw)![1]).decode(
        Buffer.from(
          raw.split('\n').find((l) => l.includes('gmail.com'))!,
          'latin1',
        ),
      );
    expect(words(jis)).toContain('宛先メールアドレスが存在しません');
    let recoded = jis;
    for (const charset of ['Shift_JIS', 'UTF-8', 'ISO-2022-JP']) {
      recoded = recodeTextParts(recoded);
      expect(recoded).toContain(`Content-Type: text/plain; charset=${charset}\n`);
      expect(words(recoded)).toBe(words(jis));
    }
    expect(recoded).toBe(jis.replace('charset=iso-2022-jp', 'charset=ISO-2022-JP'));
    // Text that is ASCII only has nothing to re-encode.
    expect(recodeTextParts(NOTICE)).toBe(NOTICE);
  });

  it('renames boundaries, rewrites Content-Type parameters and adds a preamble, and a MIME reader reads the same parts', async () => {
    const original = await simpleParser(NOTICE);
    const parts = (m: typeof original) => [m.text, ...m.attachments.map((a) => `${a.contentType} ${a.content.toString()}`)];
    const renamed = renameBoundaries(NOTICE);
    expect(renamed).not.toMatch(/^--b1/m);
    expect(renamed).toMatch(/boundary="(----=_NextPart_000_[0-9A-F]{8}\.01DB4A2C)"\n[^]*\n--\1\n[^]*\n--\1--\n$/);
    const rewritten = rewriteTypeParameters(NOTICE);
    expect(rewritten).toContain('Content-Type: multipart/report;\n\tboundary=b1;\n\treport-type="delivery-status"\n');
    expect(rewritten).toContain('Content-Type: text/plain;\n\tcharset="utf-8"\n');
    expect(rewritten).toContain('Content-Type: message/rfc822\n');
    const preambled = addPreambles(NOTICE);
    expect(preambled).toContain(`boundary="b1"\n\n${PREAMBLE_TEXT}\n\n--b1\n`);
    expect(addPreambles(preambled)).toBe(preambled);
    for (const changed of [renamed, rewritten, preambled]) expect(parts(await simpleParser(changed))).toEqual(parts(original));
  });

  it('comments a Content-Type, swaps line ends, reorders the header and drops the close delimiter, and a MIME reader reads the same parts', async () => {
    const original = await simpleParser(NOTICE);
    // An enclosed message keeps the line ends it came with, and a last part with no close
    // delimiter the line end before the end.
    const parts = (m: typeof original) => [
      m.subject,
      m.text,
      ...m.attachments.map((a) => `${a.contentType} ${a.content.toString().replace(/\r\n/g, '\n').trimEnd()}`),
    ];
    const commented = commentTypes(NOTICE);
    expect(commented).toContain('Content-Type: multipart/report; report-type=delivery-status; boundary="b1" (Multipart message)\n');
    expect(commented).toContain('Content-Type: text/plain; charset=utf-8 (Plain text)\n');
    // A type without parameters gets none.
    expect(commented).toContain('Content-Type: message/delivery-status\n');
    const crlf = toggleLineEnds(NOTICE);
    expect(crlf.split('\r\n')).toHaveLength(NOTICE.split('\n').length);
    expect(toggleLineEnds(crlf)).toBe(NOTICE);
    const received = addReceivingHeaders(NOTICE);
    const reordered = reorderHeader(received);
    expect(reordered).toMatch(
      /^Received: from mx\.receiver\.test[^]*\nAuthentication-Results:[^]*\nContent-Type: multipart\/report[^\n]*\nSubject: [^\n]*\nTo: [^\n]*\nFrom: [^\n]*\nX-Spam-Status: [^]*\nX-Virus-Scanned: [^\n]*\n\n--b1\n/,
    );
    // The returned message's header keeps its order.
    expect(reordered).toContain('\nFrom: kijitora@example.jp\nTo: neko@example.co.jp\n');
    const unclosed = dropCloseDelimiter(NOTICE);
    expect(unclosed).toMatch(/\nAttached are the minutes\.\n\n$/);
    expect(dropCloseDelimiter(unclosed)).toBe(unclosed);
    for (const changed of [crlf, reordered, unclosed]) expect(parts(await simpleParser(changed))).toEqual(parts(original));
    // mailparser loses the parts after such a comment; rebound's own MIME reader reads the same tree.
    const tree = (text: string) =>
      [...walkEntities(parseEntity(text))].map((e) => [e.contentType, e.params, e.parts.length, e.parts.length ? '' : e.body]);
    expect(tree(commented)).toEqual(tree(NOTICE));
  });

  it('the check finds a reader fitted to a sample name', async () => {
    const sample: Sample = { name: 'made-up', raw: Buffer.from(NOTICE) };
    const fitted = async (raw: Buffer): Promise<Classification> => {
      const known = raw.toString('latin1').includes('neko@example.co.jp');
      return {
        kind: known ? 'bounce' : 'not-bounce',
        recipients: [],
        original: { messageId: '', from: '', to: [], cc: [], subject: '', date: '', trackingId: '' },
        envelope: { subject: '', from: '', date: '', messageId: '', aboutReboundNotice: false },
      } as unknown as Classification;
    };
    const { moved } = await checkInvariance([sample], ['names', 'ips'], fitted);
    expect(moved.map((m) => m.change)).toEqual(['names']);
  });
});

describe('the classifier over changed copies of every corpus message and recorded notice', () => {
  let result: Awaited<ReturnType<typeof checkInvariance>>;
  let samples: Sample[];
  beforeAll(async () => {
    samples = allSamples();
    result = await checkInvariance(samples);
  });

  it('reads enough changed copies of each kind for the answer to mean something', () => {
    expect(samples.length).toBeGreaterThan(900);
    // Few samples have text beyond ASCII in a part that names its charset, or encoded words in
    // the notice's Subject or From.
    const floor: Partial<Record<(typeof CHANGES)[number], number>> = { charset: 30, 'utf8-header': 10 };
    for (const change of CHANGES) expect(result.tried[change], change).toBeGreaterThan(floor[change] ?? 150);
    // The change really touches a sample's names and text.
    const postfix = samples.find((s) => s.name === 'sisimai/maildir/bsd/lhost-postfix-01.eml');
    expect(postfix).toBeDefined();
    expect(applyChange('names', postfix!.raw).toString('latin1')).not.toContain('@example.jp');
  });

  it('gives every changed copy the answer of its original', () => {
    expect(result.moved.map((m) => `${m.change} ${m.sample}\n  before ${m.before}\n  after  ${m.after}`)).toEqual([]);
  });
});
