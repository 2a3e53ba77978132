// The classifier reads the words, not the samples: every corpus message and every recorded
// MTA notice, changed in ways that must not change its answer (the parties renamed, other
// IP addresses, the text part sent quoted-printable or base64, the report's fields folded
// elsewhere, field names in lower case, the report in RFC 6533's global types, another
// recipient beside a report's only one, a gateway's footer under the notice, the report's
// Final-Recipient in upper case, a Diagnostic-Code without its type), gives the same answer, address for address
// (tools/corpus/invariance.ts). Unseen bounces differ from the samples in just these ways.
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classification } from '../../src/core/types.ts';
import {
  addReportRecipient,
  appendGatewayFooter,
  allSamples,
  applyChange,
  CHANGES,
  checkInvariance,
  asGlobalReport,
  encodeTextParts,
  lowerFieldNames,
  refoldReportFields,
  renameParties,
  replaceIps,
  upperCaseFinalRecipients,
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
  '',
  '--b1--',
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
    for (const change of CHANGES) expect(result.tried[change], change).toBeGreaterThan(150);
    // The change really touches a sample's names and text.
    const postfix = samples.find((s) => s.name === 'sisimai/maildir/bsd/lhost-postfix-01.eml');
    expect(postfix).toBeDefined();
    expect(applyChange('names', postfix!.raw).toString('latin1')).not.toContain('@example.jp');
  });

  it('gives every changed copy the answer of its original', () => {
    expect(result.moved.map((m) => `${m.change} ${m.sample}\n  before ${m.before}\n  after  ${m.after}`)).toEqual([]);
  });
});
