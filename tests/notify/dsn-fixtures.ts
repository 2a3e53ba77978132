// Real Postfix DSNs (tests/fixtures/corpus/postfix) varied for the notifier tests: a Cc line
// in the returned message, another failed address, a hostile diagnostic, or a returned
// message that is one of rebound's own notices.

import { readFileSync } from 'node:fs';
import path from 'node:path';

const POSTFIX = path.join(import.meta.dirname, '../fixtures/corpus/postfix');
/** The corpus files have CRLF line ends; the variations work on LF (both are read alike). */
const read = (name: string) => readFileSync(path.join(POSTFIX, name), 'latin1').replace(/\r\n/g, '\n');
export const remote550 = read('dsn-remote-550.eml');
export const delayed450 = read('dsn-delayed-remote450.eml');

export interface DsnVariant {
  /** Cc header value of the returned message; omitted when undefined. */
  cc?: string;
  /** The failed address (replaces hard-user@mx-reject.test everywhere). */
  failed?: string;
  /** Makes the DSN (and its bounce) distinct: the returned Message-ID. */
  tag: string;
  /** Replaces the Diagnostic-Code text. */
  diagnostic?: string;
  subject?: string;
}

/** The remote-550 DSN with the variations asked for. */
export function dsn(v: DsnVariant): Buffer {
  let s = remote550;
  if (v.diagnostic !== undefined) {
    s = s.replace(
      /Diagnostic-Code: smtp; 550 5\.1\.1 <hard-user@mx-reject\.test>: Recipient address\n {4}rejected: User unknown/,
      `Diagnostic-Code: smtp; ${v.diagnostic}`,
    );
  }
  if (v.failed) s = s.replaceAll('hard-user@mx-reject.test', v.failed);
  s = s.replace('<msg-remote-550-1795306001383@app.test>', `<msg-${v.tag}@app.test>`);
  if (v.cc !== undefined) s = s.replace('\nSubject: test remote-550', `\nCc: ${v.cc}\nSubject: test remote-550`);
  s = s.replace('Subject: test remote-550', `Subject: ${v.subject ?? `test ${v.tag}`}`);
  return Buffer.from(s, 'latin1');
}

/** A DSN whose returned message is `returned` (e.g. a notice rebound sent), headers and all. */
export function dsnAbout(returned: Buffer, failed: string): Buffer {
  const start = remote550.indexOf('Return-Path: <bounce+remote-550@bounces.test>');
  const end = remote550.lastIndexOf('\n--5FD6D216E13');
  const head = remote550.slice(0, start).replaceAll('hard-user@mx-reject.test', failed);
  const body = returned.toString('latin1').replace(/\r\n/g, '\n');
  return Buffer.from(`${head}${body}${remote550.slice(end)}`, 'latin1');
}

/** An RFC 5965 abuse report, written for these tests (Feedback-Type: abuse). */
export const ARF = [
  'From: abuse@isp.example',
  'To: bounces@app.test',
  'Subject: FW: newsletter',
  'Message-ID: <arf-1@isp.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=feedback-report; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain',
  '',
  'This is an email abuse report for an email message received from IP 192.0.2.1.',
  '',
  '--b1',
  'Content-Type: message/feedback-report',
  '',
  'Feedback-Type: abuse',
  'User-Agent: isp-fbl/1.0',
  'Version: 1',
  'Original-Mail-From: <news@app.test>',
  'Original-Rcpt-To: <annoyed@isp.example>',
  'Arrival-Date: Mon, 02 Nov 2026 09:00:00 +0000',
  '',
  '--b1',
  'Content-Type: message/rfc822',
  '',
  'From: news@app.test',
  'To: annoyed@isp.example',
  'Subject: newsletter',
  'Message-ID: <news-1@app.test>',
  '',
  'hello',
  '--b1--',
].join('\r\n');
