// How the classifier finds the failed recipient in notices written for people, and which
// addresses it must not take for one.
import { describe, expect, it } from 'vitest';
import { classifySync } from '../../src/core/classify.ts';
import { statusInText } from '../../src/core/prose.ts';

const mail = (lines: string[]) => Buffer.from(lines.join('\n'));

describe('finding failed recipients in notices', () => {
  it("keeps an address quoted in a remote reply Postfix wrapped onto indented lines inside its recipient's block", () => {
    const c = classifySync(
      mail([
        'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
        'To: bounces@example.com',
        'Subject: Undelivered Mail Returned to Sender',
        '',
        'This is the mail system at host mx.example.org.',
        '',
        '                   The mail system',
        '',
        '<user@example.net>: host',
        '    mx.example.net[192.0.2.1] said: 550 5.1.1',
        '    <bounces+abc@example.com>: unauthorized sender (in',
        '    reply to RCPT TO command)',
        '',
      ]),
    );
    expect(c.recipients.map((r) => r.address)).toEqual(['user@example.net']);
    expect(c.recipients[0].diagnostic).toContain('unauthorized sender');
  });

  it('reads each Sendmail line that leads with a reply code ("554 <user@host>... reason")', () => {
    const c = classifySync(
      mail([
        'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>',
        'To: sender@example.jp',
        'Subject: Returned mail: User unknown',
        '',
        '   ----- Transcript of session follows -----',
        '554 <one@example.edu>... Remote protocol error',
        '550 <two@example.or.jp>... 550 Host unknown (Authoritative answer from name server)',
        '',
        '   ----- Unsent message follows -----',
        'From: sender@example.jp',
        'To: one@example.edu',
        '',
        'hi',
      ]),
    );
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => r.address)).toEqual(['one@example.edu', 'two@example.or.jp']);
  });

  it('takes the angle address, not the display name, of "name@x <user@y>: ..."', () => {
    const c = classifySync(
      mail([
        'From: Mail Delivery System <mailer-daemon@mx.example.com>',
        'To: sender@example.com',
        'Subject: Mail failure - malformed recipient address',
        '',
        'A message that you sent contained one or more recipient addresses that were incorrectly constructed:',
        '',
        '  shown@example.com <real@example.net>: malformed address: <real@example.net> may not follow shown@example.com',
        '',
      ]),
    );
    expect(c.recipients.map((r) => r.address)).toEqual(['real@example.net']);
  });

  it('prefers X-Failed-Recipients to a notice that only greets the sender it writes to', () => {
    const c = classifySync(
      mail([
        'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
        'To: sender@example.jp',
        'X-Failed-Recipients: group@googlegroups.com',
        'Subject: Delivery Status Notification (Failure)',
        '',
        'sender@example.jp 様',
        '',
        'The group you tried to contact may not exist, or you may not have permission to post.',
        '',
      ]),
    );
    expect(c.recipients.map((r) => r.address)).toEqual(['group@googlegroups.com']);
  });

  it('replaces a Final-Recipient without a local part by the address the notice names', () => {
    const c = classifySync(
      mail([
        'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.co.jp>',
        'To: sender@example.or.jp',
        'Subject: Returned mail: Host unknown',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        '',
        '   ----- The following addresses had permanent fatal errors -----',
        '<user@example.org>',
        '    (reason: 550 Host unknown)',
        '',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.co.jp',
        '',
        'Final-Recipient: RFC822; @mx.example.org',
        'Action: failed',
        'Status: 5.1.2',
        '',
        '--b--',
        '',
      ]),
    );
    expect(c.recipients.map((r) => [r.address, r.enhancedCode])).toEqual([['user@example.org', '5.1.2']]);
  });

  it('reads a multipart whose boundary parameter sits on an unindented line, and a post_master sender', () => {
    const c = classifySync(
      mail([
        'From: post_master@sms.example.com',
        'To: sender@example.org',
        'Subject: Re:Test message',
        'Content-Type: multipart/mixed; boundary="outer"',
        '',
        '--outer',
        'Content-Type: multipart/alternative;',
        'boundary="inner"',
        '',
        '--inner',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'Error: Invalid user address',
        '',
        'Error message below:',
        '550 - Requested action not taken: no such user here',
        '',
        'Message details:',
        '  MAIL FROM: sender@example.org',
        '  RCPT TO: 5551234@sms.example.com',
        '',
        '--inner--',
        '',
        '--outer--',
        '',
      ]),
    );
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => r.address)).toEqual(['5551234@sms.example.com']);
  });
});

describe('the status code a diagnostic gives', () => {
  it("takes the remote server's code quoted inside the reporting MTA's summary", () => {
    expect(statusInText("5.1.0 - Unknown address error 550-'5.2.2 <a@example.jp>... Mailbox Full'")).toBe('5.2.2');
    expect(statusInText('554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>')).toBe('4.4.2');
  });

  it('takes the first code when no reply code comes with one, and ignores IP addresses and versions', () => {
    expect(statusInText('Status 5.7.1 relaying denied')).toBe('5.7.1');
    expect(statusInText('host 192.0.2.5.1.1 said: version 4.1.2.3 rejected')).toBe('');
    expect(statusInText('550 5.1.1 <a@example.org>: Recipient address rejected')).toBe('5.1.1');
  });
});
