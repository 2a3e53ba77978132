// Forged delivery status notifications, as anyone on the Internet can write them to the
// bounce address: any number of "failed" recipients, any original From, Cc list and subject.
// Built here from RFC 3464's structure (multipart/report, message/delivery-status,
// message/rfc822), not copied from anywhere.

import { randomBytes } from 'node:crypto';

export interface ForgedDsn {
  /** How many recipient groups the report lists. */
  failed: number;
  /** Domain of the failed recipients. */
  failedDomain?: string;
  /** The returned original's From. */
  from: string;
  /** The returned original's Cc addresses. */
  cc: string[];
  subject?: string;
  /** Makes the message (and its bounces) distinct. */
  tag: string;
  /** Diagnostic text of every group. */
  diagnostic?: string;
}

/** The recipient address of group i (1-based). */
export const failedAddress = (i: number, domain = 'victims.test') => `user${i}@${domain}`;

export function forgedDsn(f: ForgedDsn): Buffer {
  const boundary = `forged-${f.tag}`;
  const groups: string[] = [];
  for (let i = 1; i <= f.failed; i++) {
    groups.push(
      [
        `Final-Recipient: rfc822; ${failedAddress(i, f.failedDomain)}`,
        `Original-Recipient: rfc822;${failedAddress(i, f.failedDomain)}`,
        'Action: failed',
        'Status: 5.1.1',
        'Remote-MTA: dns; mx.victims.test',
        `Diagnostic-Code: smtp; ${f.diagnostic ?? `550 5.1.1 <${failedAddress(i, f.failedDomain)}>: User unknown`}`,
      ].join('\r\n'),
    );
  }
  const cc = f.cc.join(',\r\n ');
  return Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.forger.test>',
      'To: bounces@org.test',
      `Subject: Undelivered Mail Returned to Sender (${f.tag})`,
      `Message-ID: <dsn-${f.tag}@mx.forger.test>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your message could not be delivered to one or more recipients.',
      '',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.forger.test',
      '',
      groups.join('\r\n\r\n'),
      '',
      `--${boundary}`,
      'Content-Type: message/rfc822',
      '',
      `From: ${f.from}`,
      `To: ${failedAddress(1, f.failedDomain)}`,
      ...(f.cc.length ? [`Cc: ${cc}`] : []),
      `Subject: ${f.subject ?? `offer ${f.tag}`}`,
      `Message-ID: <orig-${f.tag}@org.test>`,
      'Date: Mon, 30 Nov 2026 10:00:00 +0000',
      '',
      'Hello.',
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

/**
 * A one-recipient forged DSN made about `bytes` long (never more) by a base64 body of random
 * bytes in its returned message, as a bounce that returns a large attachment is.
 */
export function paddedDsn(tag: string, bytes: number): Buffer {
  const dsn = forgedDsn({ tag, failed: 1, from: 'sales@org.test', cc: [] }).toString('latin1');
  const cut = dsn.lastIndexOf(`\r\n--forged-${tag}`);
  const room = bytes - dsn.length - 40;
  // 78 characters per line (76 and CRLF) carry 57 bytes.
  const filler = randomBytes(Math.max(0, Math.floor((room / 78) * 57)))
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  return Buffer.from(`${dsn.slice(0, cut)}\r\nX-Padding: below\r\n\r\n${filler}${dsn.slice(cut)}`, 'latin1');
}
