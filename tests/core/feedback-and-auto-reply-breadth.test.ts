// A breadth sweep of the two kinds of non-bounce mail a bounce address receives most: feedback
// loop complaint reports (ARF, RFC 5965, and the reports built on it) and automatic replies
// (RFC 3834). Each message is written whole as its source shows the system writing it (the
// source is named above each case); none is a collected sample. complaints-and-auto-replies.test.ts
// holds the format's own rules; this file holds the systems that write them.
//
// Where a provider documents only part of its report (its sender, its subject, what it redacts),
// the rest is RFC 5965's: the required fields with RFC 5965's own placeholder values
// ("User-Agent: SomeGenerator/1.0", "Version: 1"), never a value guessed for that provider.
//
// What every case asserts is what a user sees: the kind, each address, the reason (a complaint
// is `feedback`, an automatic reply `vacation`) and hard/soft, which is never hard: no address
// is suppressed as dead on a complaint or an automatic reply.

import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { MAX_COMPLAINT_RECIPIENTS, UNDISCLOSED_RECIPIENT } from '../../src/core/lhost/arf.ts';
import type { Classification } from '../../src/core/types.ts';

const message = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n');
const b64 = (lines: string[]) =>
  Buffer.from(lines.join('\r\n') + '\r\n')
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n')
    .split('\r\n');
/** The kind, and per recipient the address, the reason and hard/soft. */
const verdicts = (c: Classification) => [c.kind, c.recipients.map((r) => [r.address, r.reason, r.bounceType])];
const complaintOf = (...addresses: string[]) => ['complaint', addresses.map((a) => [a, 'feedback', 'none'])];
const autoReplyOf = (address: string) => ['autoreply', [[address, 'vacation', 'none']]];

describe('feedback loop reports as their writers lay them out', () => {
  // RFC 5965 Appendix B.1, "Example 1: Required Fields Only", as printed: the reported
  // message's To is "<Undisclosed Recipients>", and no field names a recipient.
  it('reads RFC 5965 B.1 (required fields only) as one complaint about an undisclosed recipient', async () => {
    const c = await classify(
      message(
        'From: <abusedesk@example.com>',
        'Date: Thu, 8 Mar 2005 17:40:36 EDT',
        'Subject: FW: Earn money',
        'To: <abuse@example.net>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=feedback-report;',
        '     boundary="part1_13d.2e68ed54_boundary"',
        '',
        '--part1_13d.2e68ed54_boundary',
        'Content-Type: text/plain; charset="US-ASCII"',
        'Content-Transfer-Encoding: 7bit',
        '',
        'This is an email abuse report for an email message received from IP',
        '192.0.2.1 on Thu, 8 Mar 2005 14:00:00 EDT.  For more information',
        'about this format please see http://www.mipassoc.org/arf/.',
        '',
        '--part1_13d.2e68ed54_boundary',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: abuse',
        'User-Agent: SomeGenerator/1.0',
        'Version: 1',
        '',
        '--part1_13d.2e68ed54_boundary',
        'Content-Type: message/rfc822',
        'Content-Disposition: inline',
        '',
        'Received: from mailserver.example.net',
        '        (mailserver.example.net [192.0.2.1])',
        '        by example.com with ESMTP id M63d4137594e46;',
        '        Thu, 08 Mar 2005 14:00:00 -0400',
        'From: <somespammer@example.net>',
        'To: <Undisclosed Recipients>',
        'Subject: Earn money',
        'MIME-Version: 1.0',
        'Content-type: text/plain',
        'Message-ID: 8787KJKJ3K4J3K4J3K4J3.mail@example.net',
        'Date: Thu, 02 Sep 2004 12:31:03 -0500',
        '',
        'Spam Spam Spam',
        'Spam Spam Spam',
        '--part1_13d.2e68ed54_boundary--',
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf(UNDISCLOSED_RECIPIENT));
  });

  // RFC 5965 Appendix B.2, "Example 2: Optional Fields": Original-Rcpt-To, a Reported-Uri that
  // is the same address as a mailto: URI, and the opt-out draft's Removal-Recipient. The reported
  // message is printed with a blank line after its Received field. One complainer, named once.
  it('reads RFC 5965 B.2 (optional fields) as one complaint by its Original-Rcpt-To', async () => {
    const c = await classify(
      message(
        'From: <abusedesk@example.com>',
        'Date: Thu, 8 Mar 2005 17:40:36 EDT',
        'Subject: FW: Earn money',
        'To: <abuse@example.net>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=feedback-report;',
        '     boundary="part1_13d.2e68ed54_boundary"',
        '',
        '--part1_13d.2e68ed54_boundary',
        'Content-Type: text/plain; charset="US-ASCII"',
        'Content-Transfer-Encoding: 7bit',
        '',
        'This is an email abuse report for an email message received from IP',
        '192.0.2.1 on Thu, 8 Mar 2005 14:00:00 EDT.  For more information',
        'about this format please see http://www.mipassoc.org/arf/.',
        '',
        '--part1_13d.2e68ed54_boundary',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: abuse',
        'User-Agent: SomeGenerator/1.0',
        'Version: 1',
        'Original-Mail-From: <somespammer@example.net>',
        'Original-Rcpt-To: <user@example.com>',
        'Arrival-Date: Thu, 8 Mar 2005 14:00:00 EDT',
        'Reporting-MTA: dns; mail.example.com',
        'Source-IP: 192.0.2.1',
        'Authentication-Results: mail.example.com;',
        '               spf=fail smtp.mail=somespammer@example.com',
        'Reported-Domain: example.net',
        'Reported-Uri: http://example.net/earn_money.html',
        'Reported-Uri: mailto:user@example.com',
        'Removal-Recipient: user@example.com',
        '',
        '--part1_13d.2e68ed54_boundary',
        'Content-Type: message/rfc822',
        'Content-Disposition: inline',
        '',
        'From: <somespammer@example.net>',
        'Received: from mailserver.example.net (mailserver.example.net',
        '        [192.0.2.1]) by example.com with ESMTP id M63d4137594e46;',
        '        Thu, 08 Mar 2005 14:00:00 -0400',
        '',
        'To: <Undisclosed Recipients>',
        'Subject: Earn money',
        'MIME-Version: 1.0',
        'Content-type: text/plain',
        'Message-ID: 8787KJKJ3K4J3K4J3K4J3.mail@example.net',
        'Date: Thu, 02 Sep 2004 12:31:03 -0500',
        '',
        'Spam Spam Spam',
        '--part1_13d.2e68ed54_boundary--',
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf('user@example.com'));
    expect(c.recipients[0].decidedBy).toContain('arf:Original-Rcpt-To');
  });

  // RFC 6591 Appendix B.1 (a DKIM failure report: Feedback-Type auth-failure, Auth-Failure
  // bodyhash, DKIM-Domain, the reported message's header only as text/rfc822-headers).
  it('reads an RFC 6591 DKIM failure report as feedback of type auth-failure, never hard', async () => {
    const c = await classify(
      message(
        'From: arf-daemon@example.com',
        'To: recipient@example.net',
        'Subject: This is a test',
        'Date: Wed, 14 Apr 2010 12:17:45 -0700 (PDT)',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=feedback-report;',
        '    boundary="part1_13d.2e68ed54_boundary"',
        '',
        '--part1_13d.2e68ed54_boundary',
        'Content-Type: text/plain; charset="US-ASCII"',
        'Content-Transfer-Encoding: 7bit',
        '',
        'This is an authentication failure report for an email message received',
        'from IP 192.0.2.1 on Wed, 14 Apr 2010 12:15:31 -0700 (PDT).',
        '',
        '--part1_13d.2e68ed54_boundary',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: auth-failure',
        'User-Agent: SomeDKIMFilter/1.0',
        'Version: 1',
        'Original-Mail-From: <randomuser@example.net>',
        'Original-Rcpt-To: <user@example.com>',
        'Arrival-Date: Wed, 14 Apr 2010 12:15:31 -0700 (PDT)',
        'Source-IP: 192.0.2.1',
        'Authentication-Results: mail.example.com; dkim=fail',
        '    header.d=example.net',
        'Reported-Domain: example.net',
        'DKIM-Domain: example.net',
        'Auth-Failure: bodyhash',
        '',
        '--part1_13d.2e68ed54_boundary',
        'Content-Type: text/rfc822-headers',
        '',
        'DKIM-Signature: v=1; c=relaxed/simple; a=rsa-sha256;',
        '    s=testkey; d=example.net; h=From:To:Subject:Date;',
        '    bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;',
        '    b=AuUoFEfDxTDkHlLXSZEpZj79LICEps6eda7W3deTVFOk4yAUoqOB',
        'Received: from smtp-out.example.net by mail.example.com',
        '    with SMTP id o3F52gxO029144;',
        '    Wed, 14 Apr 2010 12:15:31 -0700 (PDT)',
        'From: randomuser@example.net',
        'To: user@example.com',
        'Subject: This is a test',
        'Date: Wed, 14 Apr 2010 12:15:30 -0700 (PDT)',
        '',
        '--part1_13d.2e68ed54_boundary--',
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf('user@example.com'));
    expect(c.recipients[0].feedbackType).toBe('auth-failure');
  });

  /** A feedback report from `from` with `fields`, and the reported message (or its header) after. */
  const report = (
    head: string[],
    fields: string[],
    reported: string[],
    reportedType = 'message/rfc822',
    text = 'This is an email abuse report.',
  ) =>
    message(
      ...head,
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="fb"',
      '',
      '--fb',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      text,
      '',
      '--fb',
      'Content-Type: message/feedback-report',
      '',
      ...fields,
      '',
      '--fb',
      `Content-Type: ${reportedType}`,
      '',
      ...reported,
      '',
      '--fb--',
    );
  const sale = (...extra: string[]) => [
    'From: News <news@example.com>',
    ...extra,
    'Subject: Sale',
    'Date: Mon, 30 Nov 2026 10:00:00 +0000',
    'Message-ID: <m1@example.com>',
    '',
    'Buy now',
  ];

  // RFC 6591 section 3.1 lists SPF's fields (Auth-Failure: spf, SPF-DNS), RFC 6692 adds
  // Source-Port to every ARF report. An auth-failure report sent to the domain's owner says
  // nothing about who received the message: a To of two addresses names no complainer, and the
  // Cc is never one.
  it('names no complainer for an RFC 6591/6692 SPF failure report whose reported To holds two addresses', async () => {
    const c = await classify(
      report(
        ['From: arf-daemon@mx.example.org', 'To: spf-reports@example.com', 'Subject: SPF failure report'],
        [
          'Feedback-Type: auth-failure',
          'User-Agent: SomeSPFFilter/1.0',
          'Version: 1',
          'Auth-Failure: spf',
          'Source-IP: 192.0.2.7',
          'Source-Port: 49152',
          'Reported-Domain: example.com',
          'SPF-DNS: txt : example.com : v=spf1 ip4:198.51.100.0/24 -all',
          'Authentication-Results: mx.example.org; spf=fail smtp.mailfrom=example.com',
        ],
        sale('To: ann@example.org, bob@example.org', 'Cc: carol@example.org'),
        'text/rfc822-headers',
        'This is an authentication failure report for an email message received from IP 192.0.2.7.',
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf(UNDISCLOSED_RECIPIENT));
    expect(c.recipients[0].feedbackType).toBe('auth-failure');
  });

  // RFC 5965 section 3.2: Original-Rcpt-To "may appear multiple times"; RFC 6650 section 4
  // (and RFC 5965's Incidents field) for a report that stands for several. Each named
  // recipient is one complaint, in the report's order; the reported message's Cc is nobody.
  it('reads every Original-Rcpt-To of one report as a complainer, and never the reported Cc', async () => {
    const c = await classify(
      report(
        ['From: fbl@isp.example', 'To: fbl@example.com', 'Subject: Abuse report'],
        [
          'Feedback-Type: abuse',
          'User-Agent: SomeGenerator/1.0',
          'Version: 1',
          'Incidents: 2',
          'Original-Rcpt-To: <ann@isp.example>',
          'Original-Rcpt-To: <bob@isp.example>',
        ],
        sale('To: ann@isp.example', 'Cc: carol@isp.example, dan@isp.example'),
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf('ann@isp.example', 'bob@isp.example'));
  });

  // RFC 7489 section 7.3 (DMARC failure reports: Feedback-Type auth-failure, Auth-Failure:
  // dmarc; 7.3.1's Identity-Alignment), RFC 6591's Delivery-Result. Written to the domain's ruf
  // address with the recipient named; still no dead address.
  it('reads a DMARC failure report that names the recipient as feedback of type auth-failure', async () => {
    const c = await classify(
      report(
        ['From: dmarc-noreply@mx.example.org', 'To: ruf@example.com', 'Subject: FW: Sale'],
        [
          'Feedback-Type: auth-failure',
          'User-Agent: SomeDMARCFilter/1.0',
          'Version: 1',
          'Original-Mail-From: <bounce@example.com>',
          'Original-Rcpt-To: <kim@example.org>',
          'Arrival-Date: Mon, 30 Nov 2026 10:00:01 +0000',
          'Source-IP: 192.0.2.9',
          'Reported-Domain: example.com',
          'Auth-Failure: dmarc',
          'Identity-Alignment: dkim, spf',
          'Delivery-Result: reject',
          'Authentication-Results: mx.example.org; dmarc=fail header.from=example.com',
        ],
        sale('To: kim@example.org'),
        'text/rfc822-headers',
        'This is an authentication failure report for an email message received from IP 192.0.2.9.',
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf('kim@example.org'));
    expect(c.recipients[0].feedbackType).toBe('auth-failure');
  });

  // Yahoo's Sender Hub FAQ (senders.yahooinc.com/faqs): CFL reports are ARF, "the From: header
  // reads: 'Yahoo! Mail AntiSpam Feedback'", envelope sender feedback@arf.mail.yahoo.com, the
  // message "with full headers, nothing munged or redacted" (help.yahoo.com SLN26007); senders
  // report that Yahoo now attaches the header only (suped.com, "Yahoo FBL's are now only
  // attaching the headers"). With no Original-Rcpt-To, the reported To names the complainer.
  it.each(['message/rfc822', 'text/rfc822-headers'])(
    "reads Yahoo's CFL report (reported part %s) by the reported message's To, never its Cc",
    async (type) => {
      const c = await classify(
        report(
          [
            'Return-Path: <feedback@arf.mail.yahoo.com>',
            'From: Yahoo! Mail AntiSpam Feedback <feedback@arf.mail.yahoo.com>',
            'To: cfl@example.com',
            'Subject: FW: Sale',
          ],
          [
            'Feedback-Type: abuse',
            'User-Agent: SomeGenerator/1.0',
            'Version: 1',
            'Original-Mail-From: <bounce-123@example.com>',
            'Arrival-Date: Mon, 30 Nov 2026 10:00:05 +0000',
            'Source-IP: 192.0.2.44',
            'Reported-Domain: example.com',
            'Authentication-Results: mta1001.mail.gq1.yahoo.com; dkim=pass header.i=@example.com',
          ],
          sale(
            'DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; h=from:to:subject; bh=abc=; b=def=',
            'To: kim@yahoo.example',
            'Cc: lee@yahoo.example',
          ),
          type,
        ),
      );
      expect(verdicts(c)).toEqual(complaintOf('kim@yahoo.example'));
    },
  );

  // AOL's postmaster pages (postmaster.info.aol.com/fbl/arfinfo.html, Postmaster.FeedbackLoop):
  // reports come from SCOMP@aol.net with the subject "Email Feedback Report for IP ...", AOL
  // "will not fill the Reported-URI field", and "we redact the email address that the message was
  // originally sent to" ("parts of the header ... are redacted out, where normally the AOL
  // ScreenName recipient would be present"). A complaint happened; nobody is named.
  it("reads AOL's ARF report with the recipient redacted out as one complaint about nobody named", async () => {
    const c = await classify(
      report(
        ['From: scomp@aol.net', 'To: fbl@example.com', 'Subject: Email Feedback Report for IP 192.0.2.5', 'X-Loop: scomp'],
        [
          'Feedback-Type: abuse',
          'User-Agent: SomeGenerator/1.0',
          'Version: 1',
          'Received-Date: Mon, 30 Nov 2026 10:00:09 -0500',
          'Source-IP: 192.0.2.5',
          'Reported-Domain: example.com',
        ],
        [
          'Received: from mta.example.com (mta.example.com [192.0.2.5]) by mx.aol.example;',
          '    Mon, 30 Nov 2026 10:00:09 -0500',
          ...sale(),
        ],
        'message/rfc822',
        'This is an email abuse report for an email message received from IP address 192.0.2.5 on Mon, 30 Nov 2026 10:00:09 -0500',
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf(UNDISCLOSED_RECIPIENT));
  });

  // The same feedback loop before 2 September 2008, when AOL turned every loop to ARF
  // (arfinfo.html): "a MIME multipart message with one empty text part and one message/rfc822
  // part with the original message", the recipient "redacted out", under the subject "Client TOS
  // Notification" (emailkarma.net, "AOL ARF switch over": "OLD: Client TOS Notification").
  it('reads AOL\'s pre-ARF "Client TOS Notification" as one complaint about nobody named', async () => {
    const c = await classify(
      message(
        'From: scomp@aol.net',
        'To: fbl@example.com',
        'Subject: Client TOS Notification',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="tos"',
        '',
        '--tos',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        '',
        '--tos',
        'Content-Type: message/rfc822',
        '',
        ...sale(),
        '--tos--',
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf(UNDISCLOSED_RECIPIENT));
  });

  // OpenDMARC's failure report (opendmarc/opendmarc.c, dmarcf_eom, OpenDMARC master of May
  // 2026): From "OpenDMARC Filter <user@host>", "Subject: FW: " and the original's, a boundary
  // "host:jobid", the text "This is an authentication failure report for an email message
  // received from IP ...", the fields Feedback-Type auth-failure, Version, User-Agent
  // OpenDMARC-Filter/..., Auth-Failure dmarc, Authentication-Results, Original-Envelope-Id,
  // Original-Mail-From, "Source-IP: ip (host)", Reported-Domain, and the original's header
  // fields as text/rfc822-headers; no Original-Rcpt-To; lines end in LF alone.
  it("reads OpenDMARC's failure report by the reported To, as feedback of type auth-failure", async () => {
    const c = await classify(
      Buffer.from(
        [
          'From: OpenDMARC Filter <opendmarc@mx.example.org>',
          'To: ruf@example.com',
          'Date: Mon, 30 Nov 2026 10:00:03 +0000 (UTC)',
          'Subject: FW: Sale',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report;',
          '\treport-type=feedback-report;',
          '\tboundary="mx.example.org:4A1B2C3D4E"',
          '',
          '--mx.example.org:4A1B2C3D4E',
          'Content-Type: text/plain',
          '',
          'This is an authentication failure report for an email message received from IP',
          '192.0.2.7 on Mon, 30 Nov 2026 10:00:03 +0000 (UTC).',
          '',
          '--mx.example.org:4A1B2C3D4E',
          'Content-Type: message/feedback-report',
          '',
          'Feedback-Type: auth-failure',
          'Version: 1',
          'User-Agent: OpenDMARC-Filter/1.4.2',
          'Auth-Failure: dmarc',
          'Authentication-Results: mx.example.org; dmarc=fail header.from=example.com',
          'Original-Envelope-Id: 4A1B2C3D4E',
          'Original-Mail-From: bounce@example.com',
          'Source-IP: 192.0.2.7 (mta.example.net)',
          'Reported-Domain: example.com',
          '',
          '--mx.example.org:4A1B2C3D4E',
          'Content-Type: text/rfc822-headers',
          '',
          'Received: from mta.example.net (mta.example.net [192.0.2.7]) by mx.example.org (Postfix) with ESMTP id 4A1B2C3D4E',
          'From: News <news@example.com>',
          'To: kim@example.org',
          'Subject: Sale',
          'Message-ID: <m1@example.com>',
          '',
          '--mx.example.org:4A1B2C3D4E--',
          '',
        ].join('\n'),
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf('kim@example.org'));
    expect(c.recipients[0].feedbackType).toBe('auth-failure');
  });

  // Comcast's feedback loop, run by Validity (formerly Return Path) like its Universal Feedback
  // Loop: "All reports generated by this FBL will be of type Feedback-Type: abuse" from
  // feedbackloop@comcastfbl.senderscore.net (feedback.comcast.net/faq.php); "scrubbed of Comcast
  // customers e-mail addresses" (postmaster.comcast.net/feedback-loop.html); and "loosely
  // compatible with ARF": multipart/mixed, not multipart/report, with base64-encoded parts
  // (postmastery.com, "Navigating the Nuances of the Comcast Complaint Feedback Loop").
  it("reads Comcast's multipart/mixed, base64 report as one complaint about nobody named", async () => {
    const c = await classify(
      message(
        'From: feedbackloop@comcastfbl.senderscore.net',
        'To: fbl@example.com',
        'Subject: Comcast Feedback Loop',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="cc"',
        '',
        '--cc',
        'Content-Type: text/plain; charset=us-ascii',
        'Content-Transfer-Encoding: base64',
        '',
        ...b64(['This is an email abuse report for an email message received from IP 192.0.2.6.']),
        '--cc',
        'Content-Type: message/feedback-report',
        'Content-Transfer-Encoding: base64',
        '',
        ...b64(['Feedback-Type: abuse', 'User-Agent: SomeGenerator/1.0', 'Version: 1', 'Source-IP: 192.0.2.6']),
        '--cc',
        'Content-Type: message/rfc822',
        'Content-Transfer-Encoding: base64',
        '',
        ...b64(sale('To: ')),
        '--cc--',
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf(UNDISCLOSED_RECIPIENT));
  });

  // Microsoft JMRP's partner FAQ (carolinanet.helpserve.com, "MSN Hotmail Junk E-Mail
  // Reporting Partner Program"): the "RFC822 Attachment" format is forwarded "from
  // staff@hotmail.com", the complained-about message attached, and no feedback-report part;
  // Microsoft writes the complainer into the attached message as X-HmXmrOriginalRecipient
  // (retired in 2026 for anonymised ARF reports: postmastery/longtailkeywordstool.com). The To
  // is a list's address and the Cc a colleague's: neither complained.
  it("reads JMRP's non-ARF layout by X-HmXmrOriginalRecipient, not the reported To or Cc", async () => {
    const c = await classify(
      message(
        'From: staff@hotmail.com',
        'To: jmrp@example.com',
        'Subject: complaint about message from 192.0.2.8',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="jm"',
        '',
        '--jm',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        '',
        '--jm',
        'Content-Type: message/rfc822',
        'Content-Disposition: attachment',
        '',
        'X-HmXmrOriginalRecipient: <kim@hotmail.example>',
        'Received: from mta.example.com ([192.0.2.8]) by mx.hotmail.example with Microsoft SMTPSVC;',
        '    Mon, 30 Nov 2026 10:00:12 -0800',
        ...sale('To: members@lists.example.com', 'Cc: lee@hotmail.example'),
        '',
        '--jm--',
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf('kim@hotmail.example'));
  });

  // Mail.ru's FBL (Mail.Ru Group blog, "FBL для ваших доменов", habr/pvsm.ru 11354): "our
  // service generates a report in ARF which contains the original letter and the user's email
  // address". Its postmaster asks senders to mark mailings with X-Mailru-Msgtype (habr 239963).
  it("reads Mail.ru's ARF report by the user's address it names", async () => {
    const c = await classify(
      report(
        ['From: fbl@corp.mail.ru', 'To: fbl@example.com', 'Subject: FBL report'],
        [
          'Feedback-Type: abuse',
          'User-Agent: SomeGenerator/1.0',
          'Version: 1',
          'Original-Rcpt-To: ivan@mail.example',
          'Source-IP: 192.0.2.10',
        ],
        sale('To: Ivan <ivan@mail.example>', 'X-Mailru-Msgtype: sale-2026-11'),
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf('ivan@mail.example'));
  });

  // RFC 9477 (Complaint Feedback Loop Address Header), section 3: the sender names its feedback
  // address in the message (CFBL-Address, with "report=arf") and an opaque CFBL-Feedback-ID; the
  // Mailbox Provider sends the ARF report there with the message. The sender's own addresses in
  // the reported message are never the complainer.
  it("reads an RFC 9477 report by the reported To, never the message's own CFBL-Address", async () => {
    const c = await classify(
      report(
        ['From: fbl-reports@mbp.example', 'To: fbl@example.com', 'Subject: Complaint'],
        ['Feedback-Type: abuse', 'User-Agent: SomeGenerator/1.0', 'Version: 1'],
        sale(
          'To: kim@mbp.example',
          'CFBL-Address: fbl@example.com; report=arf',
          'CFBL-Feedback-ID: 111:222:333:4444',
          'Reply-To: replies@example.com',
        ),
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf('kim@mbp.example'));
  });

  // Amazon SES's complaint notification (SES Developer Guide, "Amazon SNS notification contents",
  // complaint object): complainedRecipients is the list of those who complained, mail.destination
  // every recipient of the message. Only the first are complainers.
  it('takes only the complainedRecipients of an SES complaint notification, not every destination', async () => {
    const event = {
      notificationType: 'Complaint',
      complaint: {
        feedbackId: '0100017f-1234',
        complaintSubType: null,
        complainedRecipients: [{ emailAddress: 'bob@example.org' }],
        timestamp: '2026-11-30T10:05:00.000Z',
        userAgent: 'AnyCompany Feedback Loop (V0.01)',
        complaintFeedbackType: 'abuse',
        arrivalDate: '2026-11-30T10:00:00.000Z',
      },
      mail: {
        timestamp: '2026-11-30T10:00:00.000Z',
        source: 'news@example.com',
        messageId: '0100017f-abcd',
        destination: ['ann@example.org', 'bob@example.org', 'carol@example.org'],
      },
    };
    const c = await classify(
      message(
        'From: no-reply@sns.amazonaws.com',
        'To: ses-events@example.com',
        'Subject: AWS Notification Message',
        '',
        JSON.stringify(event),
      ),
    );
    expect(verdicts(c)).toEqual(complaintOf('bob@example.org'));
  });

  // The opt-out draft's Removal-Recipient (RFC 5965 B.2 carries it) is the stranger's data like
  // Original-Rcpt-To: as many fields as the stranger writes, and no more believed.
  it(`believes at most ${MAX_COMPLAINT_RECIPIENTS} Removal-Recipient addresses of one report and says so`, async () => {
    const fields = Array.from({ length: 500 }, (_, i) => `Removal-Recipient: u${i}@example.org`);
    const c = await classify(
      report(
        ['From: fbl@isp.example', 'To: fbl@example.com', 'Subject: Opt-out'],
        ['Feedback-Type: opt-out', 'User-Agent: SomeGenerator/1.0', 'Version: 1', ...fields],
        sale('To: list@example.com'),
      ),
    );
    expect(c.kind).toBe('complaint');
    expect(c.recipients).toHaveLength(MAX_COMPLAINT_RECIPIENTS);
    expect(c.recipients.every((r) => r.reason === 'feedback' && r.bounceType === 'none')).toBe(true);
    expect(c.truncated?.join(' ')).toMatch(/feedback report names \d+ or more recipients/);
  });
});

describe('automatic replies as their writers lay them out', () => {
  // RFC 3834 section 3.1.5 (the subject "Auto: " and the original's), 3.1.6 (In-Reply-To and
  // References), 3.1.7 (Auto-Submitted: auto-replied) and 3.3 (a null Return-Path).
  it('reads an RFC 3834 automatic reply by its sender, vacation and never hard', async () => {
    const c = await classify(
      message(
        'Return-Path: <>',
        'From: Kim Lee <kim@example.org>',
        'To: news@example.com',
        'Subject: Auto: Sale',
        'In-Reply-To: <m1@example.com>',
        'References: <m1@example.com>',
        'Auto-Submitted: auto-replied',
        'Date: Mon, 30 Nov 2026 10:01:00 +0000',
        'Message-ID: <r1@example.org>',
        '',
        'I am away until 7 December.',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@example.org'));
  });

  // Dovecot Pigeonhole's vacation action (src/lib-sieve/plugins/vacation/cmd-vacation.c,
  // act_vacation_send): X-Sieve, From "<address>", To "<sender>", the subject "Auto: " and the
  // original's (RFC 5230 section 4.6), or "Automated reply" when the original had none,
  // "Auto-Submitted: auto-replied (vacation)" and "Precedence: bulk".
  it.each(['Auto: Sale', 'Automated reply'])('reads Pigeonhole\'s vacation reply "%s" as an automatic reply', async (subject) => {
    const c = await classify(
      message(
        'Return-Path: <>',
        'X-Sieve: Pigeonhole Sieve 0.5.21',
        'Message-ID: <dovecot-sieve-1.1@mail.example.org>',
        'Date: Mon, 30 Nov 2026 10:01:00 +0000',
        'From: <kim@example.org>',
        'To: <news@example.com>',
        `Subject: ${subject}`,
        'In-Reply-To: <m1@example.com>',
        'References: <m1@example.com>',
        'Auto-Submitted: auto-replied (vacation)',
        'Precedence: bulk',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Back on Monday.',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@example.org'));
  });

  // RFC 5230 section 4.5-4.6: the user's own :subject and :from replace the defaults (a subject
  // with no word of absence), and section 5.1 requires Auto-Submitted: auto-replied.
  it("reads a Sieve vacation reply with the user's own subject and From by its Auto-Submitted", async () => {
    const c = await classify(
      message(
        'From: "Kim Lee" <kim@example.org>',
        'To: news@example.com',
        'Subject: Back on 7 December',
        'In-Reply-To: <m1@example.com>',
        'Auto-Submitted: auto-replied',
        '',
        'Back on 7 December.',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@example.org'));
  });

  // The vacation(1) program (sendmail's usr.bin/vacation and its Linux and BSD ports): its
  // manual page's example .vacation.msg, sent as written: "From: ... Subject: I am on vacation
  // Delivered-By-The-Graces-Of: The Vacation program Precedence: bulk".
  it("reads the vacation(1) manual page's .vacation.msg as an automatic reply", async () => {
    const c = await classify(
      message(
        'From: kim@example.org (Kim Lee)',
        'To: news@example.com',
        'Subject: I am on vacation',
        'Delivered-By-The-Graces-Of: The Vacation program',
        'Precedence: bulk',
        '',
        'I am on vacation until July 22.  If you have something urgent,',
        'please contact Lee <lee@example.org>.',
        '--kim',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@example.org'));
  });

  // The same program with a .vacation.msg whose subject the user wrote without a word of
  // absence: its "Delivered-By-The-Graces-Of: The Vacation program" field (the manual page's
  // template) says what wrote it.
  it("reads a vacation(1) reply by its Delivered-By-The-Graces-Of field whatever the user's subject", async () => {
    const c = await classify(
      message(
        'From: kim@example.org (Kim Lee)',
        'To: news@example.com',
        'Subject: Back on 22 July',
        'Delivered-By-The-Graces-Of: The Vacation program',
        'Precedence: bulk',
        '',
        'I read my mail again from July 22.',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@example.org'));
  });

  // Postfix Admin's Virtual Vacation (VIRTUAL_VACATION/vacation.pl, do_mail / send_vacation_email):
  // the user's subject, "Precedence: junk" and "X-Loop: Postfix Admin Virtual Vacation"; the
  // older releases write no Auto-Submitted. A subject with no word of absence.
  it("reads Postfix Admin's vacation reply by its X-Loop field whatever the user's subject", async () => {
    const c = await classify(
      message(
        'From: kim@example.org',
        'To: news@example.com',
        'Subject: Zurück am 7. Dezember',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        'Precedence: junk',
        'X-Loop: Postfix Admin Virtual Vacation',
        '',
        Buffer.from('Ich bin ab dem 7. Dezember wieder erreichbar.').toString('base64'),
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@example.org'));
  });

  // Zimbra's out-of-office reply (store: com.zimbra.cs.mailbox.Notification, outOfOfficeIfNecessary):
  // the subject "Re: " and the original's, In-Reply-To, "Auto-Submitted: auto-replied (zimbra;
  // vacation)", "Precedence: bulk", a null envelope sender (zimbraAutoSubmittedNullReturnPath).
  it('reads Zimbra\'s out-of-office reply, whose subject is a person\'s "Re:", by its Auto-Submitted', async () => {
    const c = await classify(
      message(
        'Return-Path: <>',
        'From: Kim Lee <kim@example.org>',
        'To: news@example.com',
        'Subject: Re: Sale',
        'In-Reply-To: <m1@example.com>',
        'Auto-Submitted: auto-replied (zimbra; vacation)',
        'Precedence: bulk',
        'X-Mailer: Zimbra 10.0.0_GA_4518',
        '',
        'I am out of the office until Monday.',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@example.org'));
  });

  // Cyrus IMAP's Sieve vacation (imap/lmtp_sieve.c, send_response), which Fastmail runs: a null
  // envelope sender, Message-ID "<cmu-sieve-...>", X-Sieve and "X-Sieve-Action: vacation", From
  // and To in angle brackets, a subject longer than 69 characters folded onto its own line
  // ("Subject:\r\n Auto: ..."), In-Reply-To and "Auto-Submitted: auto-replied (vacation)".
  it("reads Cyrus's vacation reply with its folded subject as an automatic reply", async () => {
    const c = await classify(
      message(
        'Return-Path: <>',
        'Message-ID: <cmu-sieve-4242-1796032860-0@mail.example.org>',
        'Date: Mon, 30 Nov 2026 10:01:00 +0000',
        'X-Sieve: CMU Sieve 3.0',
        'X-Sieve-Action: vacation',
        'From: <kim@example.org>',
        'To: <news@example.com>',
        'Subject:',
        ' Auto: Our biggest sale of the year starts today: 40% off everything you see',
        'In-Reply-To: <m1@example.com>',
        'Auto-Submitted: auto-replied (vacation)',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        'I am travelling until 7 December.',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@example.org'));
  });

  // An Exchange inbox rule's "reply using a specific template": the template's own subject (no
  // "Automatic reply:"), and the X-MS-Exchange-Inbox-Rules-Loop field Exchange writes on what an
  // inbox rule sends (the field AUTOREPLY_HEADER_FIELDS reads).
  it("reads an Exchange inbox rule's templated reply by its rules-loop field", async () => {
    const c = await classify(
      message(
        'From: Kim Lee <kim@contoso.example>',
        'To: news@example.com',
        'Subject: This mailbox is no longer monitored',
        'X-MS-Exchange-Inbox-Rules-Loop: kim@contoso.example',
        'X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent',
        '',
        'Please write to info@contoso.example instead.',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@contoso.example'));
  });

  // Exchange's Out of Office reply: the subject "Automatic reply: " and the original's, the
  // Auto-Submitted field it writes (auto-generated), the inbox rule loop field, and
  // X-Auto-Response-Suppress (MS-OXCMAIL 2.1.3.2.20: the reply asks not to be answered).
  it("reads Exchange's Out of Office reply as an automatic reply of its mailbox", async () => {
    const c = await classify(
      message(
        'From: Kim Lee <Kim.Lee@contoso.example>',
        'To: News <news@example.com>',
        'Subject: Automatic reply: Sale',
        'Thread-Topic: Sale',
        'Thread-Index: AQHZ1234567890abcdef==',
        'Date: Mon, 30 Nov 2026 10:01:00 +0000',
        'Message-ID: <a1b2c3@contoso.example>',
        'In-Reply-To: <m1@example.com>',
        'References: <m1@example.com>',
        'Content-Language: en-US',
        'X-MS-Has-Attach:',
        'X-Auto-Response-Suppress: All',
        'X-MS-Exchange-Inbox-Rules-Loop: Kim.Lee@contoso.example',
        'X-MS-TNEF-Correlator:',
        'Auto-Submitted: auto-generated',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="us-ascii"',
        '',
        'I am out of the office until 7 December with limited access to email.',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('Kim.Lee@contoso.example'));
  });
});

describe('mail that is neither a complaint nor an automatic reply', () => {
  // RFC 8098 section 3 and Outlook's receipts: "Not read: " and a Disposition of deleted is a
  // read receipt saying the message was deleted unread. No bounce, no complaint, nobody dead.
  it('reads a "Not read:" receipt (RFC 8098, deleted) as no bounce and no complaint', async () => {
    const c = await classify(
      message(
        'From: Carol <carol@example.org>',
        'To: news@example.com',
        'Subject: Not read: Sale',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=disposition-notification; boundary="md"',
        '',
        '--md',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'Your message',
        '',
        '  To: carol@example.org',
        '  Subject: Sale',
        '',
        'was deleted without being read on 30/11/2026 10:02.',
        '',
        '--md',
        'Content-Type: message/disposition-notification',
        '',
        'Reporting-UA: carol-pc.example.org; Microsoft Outlook 16.0',
        'Final-Recipient: rfc822;carol@example.org',
        'Original-Message-ID: <m1@example.com>',
        'Disposition: automatic-action/MDN-sent-automatically; deleted',
        '',
        '--md--',
      ),
    );
    expect(c.kind).toBe('not-bounce');
    expect(c.recipients.filter((r) => r.bounceType === 'hard' || r.reason === 'feedback' || r.reason === 'vacation')).toEqual([]);
  });

  // RFC 2369 and RFC 2919 (List- fields), RFC 3834 section 2 (responders do not answer list
  // mail; Pigeonhole's vacation refuses to, cmd-vacation.c "_list_headers"): a newsletter that
  // says "Precedence: bulk" and "Holiday deals", or whose subject opens "Out of office?", is a
  // list's mailing, not one mailbox's automatic reply.
  it.each([
    ['Holiday deals inside: 20% off', ['Precedence: bulk', 'List-Id: <deals.shop.example>']],
    ['Out of office? Set up your autoresponder in 2 minutes', ['List-Unsubscribe: <https://shop.example/u>']],
  ])('reads a newsletter "%s" with List- fields as no automatic reply', async (subject, fields) => {
    const c = await classify(
      message(
        'From: Shop <deals@shop.example>',
        'To: news@example.com',
        `Subject: ${subject}`,
        ...fields,
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        '',
        'Our offers this week.',
      ),
    );
    expect(verdicts(c)).toEqual(['not-bounce', []]);
  });

  // The other way round: an Out of Office answering a list's posting that the list relayed with
  // its List- fields still says Auto-Submitted, and is still that mailbox's automatic reply.
  it('still reads an Out of Office that a list relayed, List- fields and all, by its Auto-Submitted', async () => {
    const c = await classify(
      message(
        'From: Kim Lee <kim@example.org>',
        'To: members@lists.example.com',
        'Subject: Automatic reply: Sale',
        'Auto-Submitted: auto-generated',
        'List-Id: <members.lists.example.com>',
        'List-Unsubscribe: <mailto:leave@lists.example.com>',
        '',
        'I am out of the office until Monday.',
      ),
    );
    expect(verdicts(c)).toEqual(autoReplyOf('kim@example.org'));
  });

  // RFC 7489 section 7.2.1.1: an aggregate report's subject "Report Domain: ... Submitter: ...
  // Report-ID: ..." and its compressed XML attached. Not a failure report: no recipient, no
  // complaint.
  it('reads a DMARC aggregate report as neither a complaint nor a bounce', async () => {
    const c = await classify(
      message(
        'From: noreply-dmarc-support@mail.receiver.example',
        'To: rua@example.com',
        'Subject: Report Domain: example.com Submitter: mail.receiver.example Report-ID: <2002.02.15.1>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="ag"',
        '',
        '--ag',
        'Content-Type: text/plain',
        '',
        'This is an aggregate report from mail.receiver.example.',
        '',
        '--ag',
        'Content-Type: application/gzip',
        'Content-Disposition: attachment; filename="mail.receiver.example!example.com!1013662812!1013749130.gz"',
        'Content-Transfer-Encoding: base64',
        '',
        'H4sIAAAAAAAAA+3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA',
        '--ag--',
      ),
    );
    expect(verdicts(c)).toEqual(['not-bounce', []]);
  });

  // RFC 3464 with RFC 5965 inside: a feedback loop's report that bounced (the report's own
  // recipient does not exist) comes back with the report as its returned message. It is a
  // bounce of that recipient; the complainer the returned report names is nobody's answer here.
  it('keeps a bounce whose returned message is a feedback report a bounce of its own recipient', async () => {
    const c = await classify(
      message(
        'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
        'To: fbl@isp.example',
        'Subject: Undelivered Mail Returned to Sender',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="o"',
        '',
        '--o',
        'Content-Type: text/plain',
        '',
        'This is the mail system at host mx.example.net.',
        '',
        '<abuse@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <abuse@example.com>:',
        '    Recipient address rejected: User unknown (in reply to RCPT TO command)',
        '',
        '--o',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.net',
        '',
        'Final-Recipient: rfc822; abuse@example.com',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 <abuse@example.com>: Recipient address rejected: User unknown',
        '',
        '--o',
        'Content-Type: message/rfc822',
        '',
        'From: fbl@isp.example',
        'To: abuse@example.com',
        'Subject: FW: Earn money',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=feedback-report; boundary="i"',
        '',
        '--i',
        'Content-Type: text/plain',
        '',
        'This is an email abuse report for an email message received from IP 192.0.2.1.',
        '',
        '--i',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: abuse',
        'Version: 1',
        'Original-Rcpt-To: kim@isp.example',
        '',
        '--i',
        'Content-Type: message/rfc822',
        '',
        'From: news@example.com',
        'To: kim@isp.example',
        'Subject: Earn money',
        '',
        'Spam',
        '--i--',
        '',
        '--o--',
      ),
    );
    expect(verdicts(c)).toEqual(['bounce', [['abuse@example.com', 'userunknown', 'hard']]]);
  });

  // A person's answer to a mailing, quoting it, speaking of holidays and of spam: a letter.
  it("reads a person's reply that mentions a holiday and spam as neither", async () => {
    const c = await classify(
      message(
        'From: Kim Lee <kim@example.org>',
        'To: news@example.com',
        'Subject: Re: Sale',
        'In-Reply-To: <m1@example.com>',
        '',
        'Thanks, I will order after my holiday. Your last mail went to my spam folder, by the way.',
        '',
        '> Buy now',
      ),
    );
    expect(verdicts(c)).toEqual(['not-bounce', []]);
  });
});
