// Small defects earlier work saw and left alone, each input written from the server's or the
// standard's own wording: DMARC reports sent to a bounce address (RFC 7489 sections 7.2 and
// 7.3, RFC 6591), Postfix's address verification and verbose delivery report
// (src/bounce/bounce_templates.c, its "verify" template), Gmail's notice for a domain that does
// not exist, and a Diagnostic-Code written as RFC 2047 encoded words.

import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { Classification } from '../../src/core/types.ts';
import { dsnReport } from './dsn-report.ts';
import { mixedMessage } from './mixed-message.ts';
import { eximBounce, plainBounce } from './plain-bounces.ts';

const message = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n');
/** What a user sees: the kind and, per recipient, the address, reason, hard/soft, status and reply code. */
const seen = (c: Classification) => [c.kind, c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode])];

/** A gzip stream (RFC 1952 magic and header), standing in for the compressed XML a report attaches. */
const GZIP = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]).toString('base64');

describe('DMARC reports sent to a bounce address', () => {
  // RFC 7489 section 7.2.1.1: the Subject is "Report Domain: <domain> Submitter: <org>
  // Report-ID: <id>", the report a gzip or zip attachment of <feedback> XML. Sent to the
  // domain's rua address, which an administrator may point at the bounce mailbox.
  const aggregate = (from: string, text: string) =>
    mixedMessage(
      [
        `From: ${from}`,
        'To: bounces@example.com',
        'Subject: Report Domain: example.com Submitter: receiver.example Report-ID: <2026.12.01.1>',
      ],
      [text],
      [
        'Content-Type: application/gzip; name="receiver.example!example.com!1764547200!1764633600.xml.gz"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="receiver.example!example.com!1764547200!1764633600.xml.gz"',
        '',
        GZIP,
      ],
    );

  it('reads a DMARC aggregate report as no bounce and no complaint, whoever sends it', async () => {
    for (const from of ['noreply-dmarc@receiver.example', 'postmaster@receiver.example', 'MAILER-DAEMON@receiver.example']) {
      const c = await classify(aggregate(from, 'This is a DMARC aggregate report for example.com: 2 messages failed, 550 rejected.'));
      expect(seen(c)).toEqual(['not-bounce', []]);
    }
  });

  it('gives a failure report written as prose (no feedback-report part) the auth-failure type, not abuse', async () => {
    // OpenDMARC's and Stalwart's mail-auth's words before their ARF part; a reporter that leaves out the ARF part
    // still attaches the failed message's header: the recipient did not complain.
    const c = await classify(
      mixedMessage(
        ['From: dmarc-reports@receiver.example', 'To: bounces@example.com', 'Subject: FW: failure report for example.com'],
        ['This is an authentication failure report for an email message received from IP', '192.0.2.1 on Tue, 1 Dec 2026 10:00:00 +0000.'],
        ['Content-Type: text/rfc822-headers', '', 'From: News <news@example.com>', 'To: reader@example.org', 'Subject: Sale', ''],
      ),
    );
    expect(c.kind).toBe('complaint');
    expect(c.recipients.map((r) => [r.address, r.feedbackType])).toEqual([['reader@example.org', 'auth-failure']]);
  });
});

describe("Postfix's delivery report the sender asked for (sendmail -bv, sendmail -v)", () => {
  // src/bounce/bounce_templates.c, the verify template; each recipient's line from
  // bounce_notify_util.c ("<%s>: %s") with src/global/trace.c's "delivery via %s: ". The
  // report as bounce_trace_service.c sends it, its message/delivery-status part left out:
  // the notification, then the "Message Headers" part.
  const verifyReport = (lines: readonly string[]) =>
    message(
      'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
      'To: sender@example.com',
      'Subject: Mail Delivery Status Report',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Description: Notification',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This is the mail system at host mx.example.org.',
      '',
      'Enclosed is the mail delivery report that you requested.',
      '',
      '                   The mail system',
      '',
      ...lines,
      '',
      '--b',
      'Content-Description: Message Headers',
      'Content-Type: text/rfc822-headers',
      '',
      'From: sender@example.com',
      'To: user@example.net',
      'Subject: hello',
      '',
      '--b--',
    );

  it('reads a deliverable address in a verify report, read from its text alone, as no bounce', async () => {
    const c = await classify(verifyReport(['<user@example.net>: delivery via mx.example.net[192.0.2.1]:25: 250 2.1.5 Ok']));
    expect(seen(c)).toEqual(['not-bounce', [['user@example.net', 'delivered', 'none', '', '']]]);
  });

  it('reads local(8)\'s "delivers to mailbox" and a verbose delivery\'s queued reply as successes', async () => {
    const c = await classify(
      verifyReport([
        '<user@example.org> (expanded from <alias@example.org>): delivery via local: delivers to mailbox',
        '',
        '<user@example.net>: delivery via mx.example.net[192.0.2.1]:25: 250 2.0.0 Ok: queued as 4ABC1234',
        '',
        // bounce_print_wrap() wraps at 79 columns, indenting the rest by 4.
        '<someone.with.a.long.name@example.com>: delivery via',
        '    mx1.a-rather-long-mail-exchanger-name.example.com[2001:db8::25]:25: 250 2.1.5 Ok',
      ]),
    );
    expect(seen(c)).toEqual([
      'not-bounce',
      [
        ['user@example.org', 'delivered', 'none', '', ''],
        ['user@example.net', 'delivered', 'none', '', ''],
        ['someone.with.a.long.name@example.com', 'delivered', 'none', '', ''],
      ],
    ]);
  });

  it('still reads an undeliverable address in the same report as the failure it is', async () => {
    const c = await classify(
      verifyReport([
        '<user@example.net>: delivery via mx.example.net[192.0.2.1]:25: 250 2.1.5 Ok',
        '',
        '<gone@example.net>: delivery via mx.example.net[192.0.2.1]:25: host',
        '    mx.example.net[192.0.2.1] said: 550 5.1.1 <gone@example.net>: Recipient',
        '    address rejected: User unknown in virtual mailbox table (in reply to RCPT TO',
        '    command)',
      ]),
    );
    expect(seen(c)).toEqual([
      'bounce',
      [
        ['user@example.net', 'delivered', 'none', '', ''],
        ['gone@example.net', 'userunknown', 'hard', '5.1.1', '550'],
      ],
    ]);
  });
});

describe("Gmail's notice for a recipient domain that does not exist", () => {
  const gmail = (lines: readonly string[]) =>
    plainBounce(
      'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      'Delivery Status Notification (Failure)',
      lines,
      '----- Original message -----',
    );

  it('reads "because the domain ... couldn\'t be found" under "Address not found" as a missing host, not a missing mailbox', async () => {
    const c = await classify(
      gmail([
        '** Address not found **',
        '',
        "Your message wasn't delivered to user@example.net because the domain example.net couldn't be found. Check for typos or unnecessary spaces and try again.",
      ]),
    );
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'hostunknown', 'hard', '5.0.0', '']]]);
  });

  it('keeps a domain its resolver could not look up for now (SERVFAIL, a paragraph apart) a network error, never hard', async () => {
    // Gmail's notice when the recipient domain's name servers failed: the same sentence, then
    // the resolver's answer after a blank line (rules README, rule 4: never hostunknown).
    const c = await classify(
      gmail([
        '** Address not found **',
        '',
        "Your message wasn't delivered to user@example.net because the domain example.net couldn't be found. Check for typos or unnecessary spaces and try again.",
        '',
        'The response was:',
        '',
        "DNS Error: DNS type 'mx' lookup of example.net responded with code SERVFAIL",
      ]),
    );
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'networkerror', 'soft', '5.0.0', '']]]);
  });

  it('keeps the same heading over a missing address a missing mailbox', async () => {
    const c = await classify(
      gmail([
        '** Address not found **',
        '',
        "Your message wasn't delivered to user@example.net because the address couldn't be found, or is unable to receive mail.",
      ]),
    );
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'userunknown', 'hard', '5.0.0', '']]]);
  });
});

describe('a Diagnostic-Code written as RFC 2047 encoded words', () => {
  const utf8B = (text: string) => `=?utf-8?B?${Buffer.from(text).toString('base64')}?=`;

  it('decodes a Base64 UTF-8 word so that its reply code and words are read', async () => {
    const c = await classify(dsnReport('5.0.0', utf8B('550 5.1.1 <user@example.net>: Recipient address rejected: User unknown')));
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'userunknown', 'hard', '5.1.1', '550']]]);
    expect(c.recipients[0].diagnostic).toContain('User unknown');
  });

  it('decodes an ISO-2022-JP word after the code (Exchange\'s Japanese "mailbox full", no status to lean on)', async () => {
    // "メールボックスがいっぱいです" in ISO-2022-JP (ESC $ B ... ESC ( B), Base64.
    const c = await classify(dsnReport('5.0.0', '554 =?iso-2022-jp?B?GyRCJWEhPCVrJVwlQyUvJTkkLCQkJEMkUSQkJEckORsoQg==?='));
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'mailboxfull', 'soft', '5.0.0', '554']]]);
  });

  it('decodes a Q-encoded word', async () => {
    const c = await classify(dsnReport('5.0.0', '552 =?utf-8?Q?Mailbox_is_full?='));
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'mailboxfull', 'soft', '5.0.0', '552']]]);
  });

  it('reads a 200 KB Diagnostic-Code of one encoded word opener repeated in time', async () => {
    const started = Date.now();
    await classify(dsnReport('5.0.0', '550 ' + '=?'.repeat(100_000)));
    await classify(dsnReport('5.0.0', '550 =?utf-8?B?' + 'A'.repeat(200_000)));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

// Wordings whose new rules must stop at their own words (found by reading this session's rules
// against other servers' replies).
describe('new rules stop at their own words', () => {
  it("reads qmail's retired address as unknown, but a refusal of mail from the sender's domain is no missing mailbox", async () => {
    const retired = await classify(dsnReport('5.0.0', '550 This address no longer accepts mail.'));
    expect(seen(retired)).toEqual(['bounce', [['user@example.net', 'userunknown', 'hard', '5.0.0', '550']]]);
    const fromDomain = await classify(dsnReport('5.7.1', '550 5.7.1 This address no longer accepts mail from your domain'));
    expect(seen(fromDomain)).toEqual(['bounce', [['user@example.net', 'securityerror', 'soft', '5.7.1', '550']]]);
  });

  it('reads "can\'t accept user connections now" as a busy server, not an unknown user', async () => {
    // As Exim writes a refusal at RCPT TO, where an unknown-user wording is read as a missing mailbox.
    const c = await classify(
      eximBounce([
        'SMTP error from remote mail server after RCPT TO:<user@example.net>:',
        "554 Server busy, can't accept user connections now",
      ]),
    );
    // A refusal that names no cause: onhold, soft (never the unknown user its words resemble).
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'onhold', 'soft', '5.0.0', '554']]]);
  });

  it("reads a recipient's own daily message limit as no sending rate of ours", async () => {
    const c = await classify(dsnReport('5.2.2', '552 5.2.2 <user@example.net>: the recipient has exceeded the daily message limit'));
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'mailboxfull', 'soft', '5.2.2', '552']]]);
  });

  it('keeps 5.7.23 an SPF failure when the words only say the sender was refused', async () => {
    const c = await classify(
      dsnReport(
        '5.7.23',
        '550 5.7.23 <news@shop.example.com>: Sender address rejected: SPF record does not designate 192.0.2.1 as permitted sender',
      ),
    );
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'authfailure', 'soft', '5.7.23', '550']]]);
  });

  it('reads a relay refused until the client logs in as a security refusal, its multi-line reply read whole', async () => {
    // Symantec Email Security.cloud's answer to a client that did not authenticate, as a
    // Diagnostic-Code whose continuation lines each repeat the code.
    const c = await classify(
      dsnReport(
        '5.0.0',
        '550-Please turn on SMTP Authentication in your mail client.\r\n550-mail.example.org [192.0.2.1]:25 is not permitted to\r\n550 relay through this server without authentication.',
      ),
    );
    expect(seen(c)).toEqual(['bounce', [['user@example.net', 'securityerror', 'soft', '5.0.0', '550']]]);
    const plain = await classify(dsnReport('5.7.1', '554 5.7.1 <user@example.net>: Relay access denied'));
    expect(plain.recipients[0].reason).toBe('norelaying');
  });
});
