import { describe, expect, it } from 'vitest';
import { addressOf, isMailbox, MAX_DSN_RECIPIENTS, parseDeliveryStatus } from '../../src/core/dsn.ts';
import { classifySync } from '../../src/core/classify.ts';

const CRLF = (s: string) => s.replace(/\n/g, '\r\n');

describe('reading RFC 3464 delivery-status fields', () => {
  it('reads per-message and per-recipient fields, including X-Postfix ones and folded values', () => {
    const report = parseDeliveryStatus(
      [
        'Reporting-MTA: dns; mx.example.org',
        'X-Postfix-Queue-ID: 4ABC',
        'Arrival-Date: Mon, 1 Jan 2024 00:00:00 +0000',
        '',
        'Final-Recipient: rfc822; Kim@Example.ORG',
        'Original-Recipient: rfc822;kim@example.org',
        'Action: failed',
        'Status: 5.1.1',
        'Remote-MTA: dns; mx2.example.org',
        'Diagnostic-Code: smtp; 550 5.1.1 <kim@example.org>: Recipient address',
        '    rejected: User unknown',
        'Last-Attempt-Date: Mon, 1 Jan 2024 00:00:05 +0000',
        '',
      ].join('\n'),
    );
    expect(report.message['x-postfix-queue-id']).toBe('4ABC');
    expect(report.recipients).toHaveLength(1);
    const r = report.recipients[0];
    expect(r).toMatchObject({
      finalRecipient: 'Kim@example.org',
      action: 'failed',
      status: '5.1.1',
      remoteMta: 'mx2.example.org',
      diagnosticType: 'smtp',
    });
    expect(r.diagnostic).toBe('550 5.1.1 <kim@example.org>: Recipient address rejected: User unknown');
    expect(r.lastAttempt).toMatch(/00:00:05/);
  });

  it("keeps a multi-line reply's later lines in the Diagnostic-Code when they are written unfolded (nullmailer 2)", () => {
    const report = parseDeliveryStatus(
      [
        'Final-Recipient: rfc822; someone@example.org',
        'Action: failed',
        'Status: 5.0.0',
        'Diagnostic-Code: SMTP; 550-Verification failed for <sender@example.net>',
        '550-Unrouteable address',
        '550 Sender verify failed',
        '',
        'Final-Recipient: rfc822; other@example.org',
        'Action: failed',
        'Status: 5.1.1',
        // Not after a Diagnostic-Code: a stray line, dropped as before.
        '550 5.1.1 not a field',
        '',
      ].join('\n'),
    );
    expect(report.recipients.map((r) => r.diagnostic)).toEqual([
      '550-Verification failed for <sender@example.net> 550-Unrouteable address 550 Sender verify failed',
      '',
    ]);
  });

  it('splits recipients that are not separated by a blank line', () => {
    const report = parseDeliveryStatus(
      'Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.2.2\nFinal-Recipient: rfc822; b@example.org\nAction: delayed\nStatus: 4.4.1\n',
    );
    expect(report.recipients.map((r) => [r.finalRecipient, r.action, r.status])).toEqual([
      ['a@example.org', 'failed', '5.2.2'],
      ['b@example.org', 'delayed', '4.4.1'],
    ]);
  });

  it('reads a UTF-8 message/global-delivery-status report with a message/global-headers part', () => {
    const raw = Buffer.from(
      CRLF(
        [
          'From: MAILER-DAEMON@mx.example.jp',
          'To: sender@example.org',
          'Subject: Undelivered Mail Returned to Sender',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=global-delivery-status; boundary="b1"',
          '',
          '--b1',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Your message could not be delivered.',
          '',
          '--b1',
          'Content-Type: message/global-delivery-status',
          '',
          'Reporting-MTA: dns; mx.example.jp',
          '',
          'Final-Recipient: utf-8; 山田@例え.jp',
          'Action: failed',
          'Status: 5.1.1',
          'Diagnostic-Code: smtp; 550 5.1.1 宛先がありません (no such user)',
          '',
          '--b1',
          'Content-Type: message/global-headers',
          '',
          'From: 送信者 <sender@example.org>',
          'To: 山田@例え.jp',
          'Subject: こんにちは',
          'Message-ID: <m1@example.org>',
          'X-Rebound-Mail-ID: track-42',
          '',
          '--b1--',
          '',
        ].join('\n'),
      ),
      'utf8',
    );
    const c = classifySync(raw);
    expect(c.kind).toBe('bounce');
    expect(c.recipients).toHaveLength(1);
    expect(c.recipients[0]).toMatchObject({
      address: '山田@例え.jp',
      enhancedCode: '5.1.1',
      replyCode: '550',
      reason: 'userunknown',
      bounceType: 'hard',
    });
    expect(c.recipients[0].diagnostic).toContain('宛先がありません');
    expect(c.original).toMatchObject({ messageId: 'm1@example.org', subject: 'こんにちは', trackingId: 'track-42' });
  });
});

describe('the address of a recipient field', () => {
  it('keeps a quoted local part whole, blanks and quotes included (RFC 5321 4.1.2)', () => {
    expect(addressOf('rfc822;"first last"@Example.ORG')).toBe('"first last"@example.org');
    expect(addressOf('rfc822; <"first last"@example.org>')).toBe('"first last"@example.org');
    expect(addressOf('rfc822;"a\\"b"@example.org')).toBe('"a\\"b"@example.org');
  });

  it('reads a quoted local part whose quotes were dropped (nullmailer 2) as that one address, not its last word', () => {
    expect(addressOf('rfc822; first last@Example.ORG')).toBe('"first last"@example.org');
    // A program an alias pipes to keeps its address among the words.
    expect(addressOf('X-Unix; |/usr/bin/prog user@example.org /home/x')).toBe('user@example.org');
    // Longer than a local part may be: not an address to requote.
    expect(addressOf(`rfc822; ${'word '.repeat(13)}last@example.org`)).toBe('last@example.org');
    const start = performance.now();
    addressOf(`rfc822; ${'a '.repeat(100_000)}@example.org`);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('does not take a quoted run longer than a local part may be for an address', () => {
    const address = addressOf(`rfc822;"${'x '.repeat(40)}"@example.org`);
    expect(address).toBe('@example.org');
    expect(isMailbox(address)).toBe(false);
  });
});

describe('a report with more recipients than MAX_DSN_RECIPIENTS (issue 11, defect 6)', () => {
  const group = (i: number) =>
    [
      `Final-Recipient: rfc822; user${i}@example.org`,
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; 550 5.1.1 user${i} unknown`,
    ].join('\n');
  const report = (n: number, sep = '\n\n') =>
    ['Reporting-MTA: dns; mx.example.org', ...Array.from({ length: n }, (_, i) => group(i + 1))].join(sep) + '\n';

  it('keeps exactly the first 500 whole groups, invents none and says how many the report named', () => {
    const r = parseDeliveryStatus(report(5000));
    expect(r.recipients).toHaveLength(MAX_DSN_RECIPIENTS);
    expect(r.recipients.map((x) => x.finalRecipient)).toEqual(Array.from({ length: 500 }, (_, i) => `user${i + 1}@example.org`));
    expect(r.recipients.every((x) => x.action === 'failed' && x.status === '5.1.1')).toBe(true);
    expect(r.recipientGroupsInReport).toBe(5000);
    expect(r.message['reporting-mta']).toBe('dns; mx.example.org');
  });

  it('cuts the same way when the groups are not separated by blank lines', () => {
    const r = parseDeliveryStatus(report(501, '\n'));
    expect(r.recipients).toHaveLength(500);
    expect(r.recipients.at(-1)).toMatchObject({ finalRecipient: 'user500@example.org', action: 'failed', status: '5.1.1' });
    expect(r.recipientGroupsInReport).toBe(501);
  });

  it('reads exactly 500 without a cut', () => {
    const r = parseDeliveryStatus(report(500));
    expect(r.recipients).toHaveLength(500);
    expect(r.recipientGroupsInReport).toBeUndefined();
  });

  it('leaves out the half group at the end of a text cut short, and counts it', () => {
    const r = parseDeliveryStatus(`${report(3)}\nFinal-Recipient: rfc822; half@example.org\nAct`, true);
    expect(r.recipients.map((x) => x.finalRecipient)).toEqual(['user1@example.org', 'user2@example.org', 'user3@example.org']);
    expect(r.recipientGroupsInReport).toBe(4);
  });

  it('classifies a 5,000-recipient DSN as 500 failed recipients, every one from a whole group, with the cut noted', () => {
    const raw = Buffer.from(
      CRLF(
        [
          'From: MAILER-DAEMON@mx.example.org',
          'To: bounces@example.com',
          'Subject: Undelivered Mail Returned to Sender',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
          '',
          '--b1',
          'Content-Type: text/plain',
          '',
          'Delivery failed.',
          '',
          '--b1',
          'Content-Type: message/delivery-status',
          '',
          report(5000),
          '--b1--',
          '',
        ].join('\n'),
      ),
    );
    const c = classifySync(raw);
    expect(c.recipients).toHaveLength(500);
    expect(c.recipients.some((r) => r.reason === 'undefined' || r.enhancedCode === '5.0.0')).toBe(false);
    expect(c.recipients.at(-1)!.address).toBe('user500@example.org');
    expect(c.truncated).toEqual([
      expect.stringMatching(/^the delivery-status report names \d+ or more recipients; only the first 500 were read \(limit 500\)$/),
    ]);
  });

  it('notes nothing for an ordinary report', () => {
    expect(
      classifySync(
        Buffer.from(
          CRLF(
            [
              'From: MAILER-DAEMON@mx.example.org',
              'Subject: Undelivered',
              'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
              '',
              '--b',
              'Content-Type: message/delivery-status',
              '',
              report(2),
              '--b--',
              '',
            ].join('\n'),
          ),
        ),
      ).truncated,
    ).toBeUndefined();
  });
});
