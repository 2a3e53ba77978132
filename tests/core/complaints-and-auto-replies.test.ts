// Mail that is not a bounce: complaints (ARF, RFC 5965; RFC 6591 auth-failure and DMARC
// failure reports; the opt-out draft; Microsoft JMRP), automatic replies (RFC 3834 and the
// headers and subjects responders really write) and success or read receipts (RFC 3464
// Action delivered/relayed/expanded, Exchange's prose notices, RFC 8098 MDNs). Every message
// here is written from the format's own definition, not from a collected sample.

import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { MAX_COMPLAINT_RECIPIENTS, UNDISCLOSED_RECIPIENT } from '../../src/core/lhost/arf.ts';
import type { Classification } from '../../src/core/types.ts';
import { mixedMessage } from './mixed-message.ts';

const message = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n');
/** A message from Postfix's bounce daemon to the sender, news@example.com: the rest of its header, then its body. */
const fromPostfix = (...lines: string[]) =>
  message('From: MAILER-DAEMON@mx.example.com (Mail Delivery System)', 'To: news@example.com', ...lines);
/** What a user sees of a classification: its kind and, per recipient, the address, the reason and hard/soft. */
const kindAndVerdicts = (c: Classification) => [c.kind, c.recipients.map((r) => [r.address, r.reason, r.bounceType])];
const addresses = (c: Classification) => c.recipients.map((r) => r.address);

const REPORT_TOP = [
  'From: <fbl@isp.example>',
  'To: fbl-reports@example.com',
  'Subject: complaint about message',
  'Message-ID: <r1@isp.example>',
];
const reportedMessage = (to = 'To: reader@example.org', extra: string[] = []) => [
  'From: News <news@example.com>',
  to,
  'Subject: Sale',
  'Message-ID: <m1@example.com>',
  ...extra,
  '',
  'Buy now',
];

/** The reported message attached as a whole (message/rfc822). */
const attachedMessage = (to: string) => ['Content-Type: message/rfc822', '', ...reportedMessage(to)];

/** A feedback report: its fields in a message/feedback-report part, the reported message after. */
function feedbackReport(fields: string[], reported: string[], reportedType = 'message/rfc822', containerType = 'multipart/report'): Buffer {
  return message(
    ...REPORT_TOP,
    'MIME-Version: 1.0',
    `Content-Type: ${containerType}; report-type=feedback-report; boundary="b"`,
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'This is an email abuse report.',
    '',
    '--b',
    'Content-Type: message/feedback-report',
    '',
    ...fields,
    '',
    '--b',
    `Content-Type: ${reportedType}`,
    '',
    ...reported,
    '',
    '--b--',
  );
}

describe('complaints: who complained', () => {
  it('reads an older feedback loop report (no ARF part) by its words and the attached message', async () => {
    const prose = (text: string, from = 'From: <fbl@isp.example>') =>
      mixedMessage(
        [from, 'To: fbl@example.com', 'Subject: Email Feedback Report for IP 192.0.2.1'],
        [text],
        attachedMessage('To: carol@example.org'),
      );
    const c = await classify(prose('This is an email abuse report for an email message received from IP 192.0.2.1.'));
    expect([c.kind, addresses(c)]).toEqual(['complaint', ['carol@example.org']]);
    expect(c.recipients[0].decidedBy).toContain('complaint:prose');
    // A bounce saying the message was marked as spam is still a bounce.
    const bounce = await classify(
      prose(
        'Your message could not be delivered to <carol@example.org>: the server marked this message as spam.\n550 5.7.1 spam',
        'From: MAILER-DAEMON@mx.example.net',
      ),
    );
    expect([bounce.kind, addresses(bounce)]).toEqual(['bounce', ['carol@example.org']]);
  });

  it('reads an RFC 6591 auth-failure report by its Original-Rcpt-To, its feedback type in the trail', async () => {
    const c = await classify(
      feedbackReport(
        [
          'Feedback-Type: auth-failure',
          'User-Agent: Reporter/1',
          'Version: 1',
          'Auth-Failure: dkim',
          'Authentication-Results: mx.isp.example; dkim=fail header.d=example.com',
          'Reported-Domain: example.com',
          'Source-IP: 192.0.2.1',
          'Source-Port: 25123',
          'Original-Rcpt-To: <carol@example.org>',
        ],
        reportedMessage().slice(0, 4),
        'text/rfc822-headers',
      ),
    );
    expect(c.kind).toBe('complaint');
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType])).toEqual([['carol@example.org', 'feedback', 'none']]);
    expect(c.recipients[0].decidedBy).toContain('arf:Feedback-Type auth-failure');
  });

  it("reads a DMARC failure report (RFC 7489 7.3) with no recipient field by the reported message's To", async () => {
    const c = await classify(
      feedbackReport(
        [
          'Feedback-Type: auth-failure',
          'Version: 1',
          'User-Agent: Reporter/1',
          'Auth-Failure: dmarc',
          'Identity-Alignment: dkim',
          'Delivery-Result: reject',
        ],
        reportedMessage(),
      ),
    );
    expect([c.kind, addresses(c)]).toEqual(['complaint', ['reader@example.org']]);
    expect(c.recipients[0].reason).toBe('feedback');
  });

  it('reads every feedback type as a complaint with reason feedback and names the type in the trail', async () => {
    for (const type of ['abuse', 'fraud', 'virus', 'opt-out', 'other', 'not-spam']) {
      const c = await classify(
        feedbackReport([`Feedback-Type: ${type}`, 'Version: 1', 'Original-Rcpt-To: carol@example.org'], reportedMessage()),
      );
      expect([c.kind, addresses(c), c.recipients[0].reason, c.recipients[0].bounceType], type).toEqual([
        'complaint',
        ['carol@example.org'],
        'feedback',
        'none',
      ]);
      expect(c.recipients[0].decidedBy).toContain(`arf:Feedback-Type ${type}`);
    }
  });

  it("never takes the reported message's Cc for the complainer", async () => {
    const withTo = await classify(
      feedbackReport(
        ['Feedback-Type: abuse', 'Version: 1'],
        reportedMessage('To: carol@example.org', ['Cc: dan@example.net, eve@example.net']),
      ),
    );
    expect(addresses(withTo)).toEqual(['carol@example.org']);
    const ccOnly = await classify(
      feedbackReport(['Feedback-Type: abuse', 'Version: 1'], reportedMessage('To: undisclosed-recipients:;', ['Cc: dan@example.net'])),
    );
    expect(addresses(ccOnly)).toEqual([UNDISCLOSED_RECIPIENT]);
  });

  it("does not take every address of a reported message's long To for complainers", async () => {
    const to = 'To: ' + Array.from({ length: 40 }, (_, i) => `u${i}@example.org`).join(', ');
    const c = await classify(feedbackReport(['Feedback-Type: abuse', 'Version: 1'], reportedMessage(to)));
    expect(addresses(c)).toEqual([UNDISCLOSED_RECIPIENT]);
  });

  it("takes the reported message's Delivered-To or X-Original-To when its To names nobody", async () => {
    for (const field of ['Delivered-To', 'X-Original-To']) {
      const c = await classify(
        feedbackReport(
          ['Feedback-Type: abuse', 'Version: 1'],
          [`${field}: carol@example.org`, ...reportedMessage('To: undisclosed-recipients:;')],
        ),
      );
      expect(addresses(c), field).toEqual(['carol@example.org']);
      expect(c.recipients[0].decidedBy).toContain(`original:${field}`);
    }
  });

  it("takes the receiving system's Delivered-To over the To, and never a To that is the reported message's own From", async () => {
    // A list mailing sent by Bcc: the To is the list's own address, the same as its From.
    const bcc = await classify(
      feedbackReport(
        ['Feedback-Type: abuse', 'Version: 1'],
        ['Delivered-To: carol@example.org', ...reportedMessage('To: News <news@example.com>')],
      ),
    );
    expect([bcc.kind, addresses(bcc)]).toEqual(['complaint', ['carol@example.org']]);
    expect(bcc.recipients[0].decidedBy).toContain('original:Delivered-To');
    const other = await classify(
      feedbackReport(
        ['Feedback-Type: abuse', 'Version: 1'],
        ['X-Original-To: carol@example.org', ...reportedMessage('To: list@example.com')],
      ),
    );
    expect(addresses(other)).toEqual(['carol@example.org']);
    // A Delivered-To below a Received field is an earlier hop's (a list that sent it on).
    const relayed = await classify(
      feedbackReport(
        ['Feedback-Type: abuse', 'Version: 1'],
        [
          'Received: from list.example.net by mx.isp.example; Mon, 1 Jun 2026 10:00:00 +0000',
          'Delivered-To: list@example.net',
          ...reportedMessage('To: carol@example.org'),
        ],
      ),
    );
    expect(addresses(relayed)).toEqual(['carol@example.org']);
    const toOnly = await classify(feedbackReport(['Feedback-Type: abuse', 'Version: 1'], reportedMessage('To: News <news@example.com>')));
    expect(addresses(toOnly)).toEqual([UNDISCLOSED_RECIPIENT]);
  });

  it('prefers X-HmXmrOriginalRecipient to the To in a JMRP report sent as ARF', async () => {
    const c = await classify(
      feedbackReport(
        ['Feedback-Type: abuse', 'Version: 1', 'User-Agent: JMRP'],
        ['X-HmXmrOriginalRecipient: <carol@example.org>', ...reportedMessage('To: list@example.org')],
      ),
    );
    expect(addresses(c)).toEqual(['carol@example.org']);
  });

  it('names the Removal-Recipient of an opt-out report, not the list address the message went to', async () => {
    const c = await classify(
      feedbackReport(
        ['Feedback-Type: opt-out', 'Version: 1', 'Removal-Recipient: carol@example.org'],
        reportedMessage('To: list@example.com'),
      ),
    );
    expect(addresses(c)).toEqual(['carol@example.org']);
  });

  it("takes the reported message's To over a redacted Original-Rcpt-To", async () => {
    const c = await classify(
      feedbackReport(
        ['Feedback-Type: abuse', 'Version: 1', 'Original-Rcpt-To: redacted@example.org', 'Redacted-Address: redacted@'],
        reportedMessage('To: carol@example.org'),
      ),
    );
    expect(addresses(c)).toEqual(['carol@example.org']);
    expect(c.recipients[0].decidedBy).toContain('original:To (redacted report)');
  });

  it(`believes at most ${MAX_COMPLAINT_RECIPIENTS} Original-Rcpt-To addresses and says so`, async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `Original-Rcpt-To: u${i}@example.org`);
    const c = await classify(feedbackReport(['Feedback-Type: abuse', 'Version: 1', ...fields], reportedMessage()));
    expect(c.kind).toBe('complaint');
    expect(c.recipients).toHaveLength(MAX_COMPLAINT_RECIPIENTS);
    expect(c.truncated?.join(' ')).toMatch(/feedback report names \d+ or more recipients/);
  });

  it(`says so when one Original-Rcpt-To field lists more than ${MAX_COMPLAINT_RECIPIENTS} addresses`, async () => {
    const list = Array.from({ length: 200 }, (_, i) => `u${i}@example.org`).join(', ');
    const c = await classify(feedbackReport(['Feedback-Type: abuse', 'Version: 1', `Original-Rcpt-To: ${list}`], reportedMessage()));
    expect(c.recipients).toHaveLength(MAX_COMPLAINT_RECIPIENTS);
    expect(c.truncated?.join(' ')).toMatch(/feedback report names \d+ or more recipients/);
  });

  it(`believes at most ${MAX_COMPLAINT_RECIPIENTS} complainers of an Amazon SES complaint notification mailed as JSON`, async () => {
    const complainedRecipients = Array.from({ length: 300 }, (_, i) => ({ emailAddress: `u${i}@example.org` }));
    const event = {
      notificationType: 'Complaint',
      complaint: { complainedRecipients, complaintFeedbackType: 'abuse', timestamp: '2026-12-01T00:00:00Z', feedbackId: 'f1' },
      mail: { timestamp: '2026-12-01T00:00:00Z', source: 'news@example.com', messageId: 'm1', destination: ['u0@example.org'] },
    };
    const c = await classify(
      message('From: no-reply@sns.amazonaws.com', 'To: me@example.com', 'Subject: AWS Notification Message', '', JSON.stringify(event)),
    );
    expect(c.kind).toBe('complaint');
    expect(c.recipients).toHaveLength(MAX_COMPLAINT_RECIPIENTS);
    expect(c.recipients[0]).toMatchObject({ address: 'u0@example.org', reason: 'feedback', bounceType: 'none' });
  });

  it("reads Microsoft JMRP's non-ARF layout by its subject when the reported message lacks X-HmXmrOriginalRecipient", async () => {
    const c = await classify(
      mixedMessage(
        ['From: staff@mail.example', 'To: fbl@example.com', 'Subject: complaint about message from 192.0.2.1'],
        ['See the attached message.'],
        attachedMessage('To: carol@example.org'),
      ),
    );
    expect([c.kind, addresses(c)]).toEqual(['complaint', ['carol@example.org']]);
  });

  it('does not take a person forwarding a message that a filter "marked as spam" for a complaint', async () => {
    const c = await classify(
      mixedMessage(
        ['From: kim@example.org', 'To: news@example.com', 'Subject: Fwd: Sale'],
        ['Why did this land in my spam folder? The filter marked it as spam.'],
        attachedMessage('To: kim@example.org'),
      ),
    );
    expect(c.kind).toBe('not-bounce');
  });

  it('does not take a text that mentions a spam complaint below its opening lines for a complaint', async () => {
    const forward = (text: string[]) =>
      mixedMessage(['From: kim@example.org', 'To: news@example.com', 'Subject: Fwd: Sale'], text, attachedMessage('To: kim@example.org'));
    const person = await classify(
      forward([
        'Hello,',
        '',
        'I keep getting these and I never signed up.',
        'Please check your list.',
        'The one before this was the same.',
        'So was the one before that.',
        'If it goes on I will file a spam complaint with my provider.',
        '',
        'Kim',
      ]),
    );
    expect([person.kind, addresses(person)]).toEqual(['not-bounce', []]);
    // The same words opening the text are a feedback loop's report.
    const report = await classify(forward(['This is a spam complaint about the attached message.']));
    expect([report.kind, addresses(report)]).toEqual(['complaint', ['kim@example.org']]);
  });

  it('reads the feedback fields from a text part when the report has no message/feedback-report part', async () => {
    const c = await classify(
      mixedMessage(
        REPORT_TOP,
        ['Feedback-Type: abuse', 'User-Agent: Reporter/1', 'Version: 1', 'Original-Rcpt-To: carol@example.org'],
        attachedMessage('To: list@example.org'),
      ),
    );
    expect([c.kind, addresses(c)]).toEqual(['complaint', ['carol@example.org']]);
  });

  it('reads a reported message pasted into a text part instead of attached', async () => {
    const c = await classify(
      message(
        ...REPORT_TOP,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=feedback-report; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'A complaint.',
        '',
        '--b',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: abuse',
        'Version: 1',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        ...reportedMessage('To: carol@example.org'),
        '--b--',
      ),
    );
    expect(addresses(c)).toEqual(['carol@example.org']);
  });
});

const autoReply = (headers: string[], subject: string, from = 'Kim <kim@example.org>') =>
  message(
    `From: ${from}`,
    'To: news@example.com',
    `Subject: ${subject}`,
    'Message-ID: <a1@example.org>',
    ...headers,
    '',
    'I am away until Monday.',
  );
const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

describe('automatic replies', () => {
  it.each([
    ['Auto-Submitted: auto-generated', 'Exchange Out of Office'],
    ['Auto-Submitted: auto-notified', 'Sieve notify (RFC 5436)'],
    ['Auto-Submitted: auto-replied (zimbra; vacation)', 'Zimbra'],
    ['X-Autogenerated: Reply', 'webmail autoresponder'],
    ['X-Apple-Action: vacation', 'Apple'],
    ['X-Mail-Autoreply: true', 'webmail autoresponder'],
    ['X-AutoReply-From: kim@example.org', 'webmail autoresponder'],
    ['X-MS-Exchange-Inbox-Rules-Loop: kim@example.org', 'an Exchange inbox rule'],
    ['X-Autorespond: Sale', 'cPanel/Exim'],
    ['Precedence: auto_reply', 'Precedence'],
  ])('takes "%s" (%s) for a vacation reply from its sender', async (header) => {
    const c = await classify(autoReply([header], 'Sale'));
    expect(kindAndVerdicts(c)).toEqual(['autoreply', [['kim@example.org', 'vacation', 'none']]]);
  });

  it.each([
    'Automatic reply: Sale',
    'Automatische Antwort: Sale',
    'AW: Automatische Antwort: Sale',
    'Réponse automatique : Sale',
    'Respuesta automática: Sale',
    'Risposta automatica: Sale',
    'Automatisch antwoord: Sale',
    'Resposta automática: Sale',
    '自動応答: Sale',
    '自動返信: Sale',
    '自动回复: Sale',
    '自動回覆: Sale',
    'Автоматический ответ: Sale',
    'Automatyczna odpowiedź: Sale',
    'Automatiskt svar: Sale',
    'Automaattinen vastaus: Sale',
    'Automatická odpověď: Sale',
    'Otomatik yanıt: Sale',
    '자동 회신: Sale',
    'Automatikus válasz: Sale',
    'Αυτόματη απάντηση: Sale',
    'Auto: Sale',
    'Automated reply: Sale',
    'Out of office until Monday',
    '[EXTERNAL] Automatic reply: Sale',
    'RE: [EXT] Out of Office: Sale',
  ])('takes the subject "%s" alone, encoded or not, for an automatic reply', async (subject) => {
    for (const written of [subject, encodedWord(subject)]) {
      const c = await classify(autoReply([], written));
      expect([c.kind, addresses(c)], written).toEqual(['autoreply', ['kim@example.org']]);
    }
  });

  it('takes BSD vacation\'s "Precedence: bulk" for an automatic reply only with an away subject', async () => {
    expect((await classify(autoReply(['Precedence: bulk'], 'Away: Sale'))).kind).toBe('autoreply');
    expect((await classify(autoReply(['Precedence: bulk', 'List-Unsubscribe: <mailto:u@example.org>'], 'Weekly news'))).kind).toBe(
      'not-bounce',
    );
    expect((await classify(autoReply(['X-Auto-Response-Suppress: All'], 'Meeting notes'))).kind).toBe('not-bounce');
  });

  it('does not take a person writing about a vacation or an absence for an automatic reply', async () => {
    for (const subject of ['Re: vacation plans for June', 'Re: absence of data in the report'])
      expect((await classify(autoReply([], subject))).kind, subject).toBe('not-bounce');
    expect((await classify(autoReply(['Auto-Submitted: no'], 'Hello'))).kind).toBe('not-bounce');
  });

  it('takes a no-reply responder for an automatic reply, but never mailer-daemon or postmaster', async () => {
    const noReply = await classify(autoReply(['Auto-Submitted: auto-replied'], 'Automatic reply: Sale', 'no-reply@example.org'));
    expect([noReply.kind, addresses(noReply)]).toEqual(['autoreply', ['no-reply@example.org']]);
    for (const daemon of ['MAILER-DAEMON@example.org', 'postmaster@example.org'])
      expect((await classify(autoReply(['Auto-Submitted: auto-replied'], 'Automatic reply: Sale', daemon))).kind, daemon).not.toBe(
        'autoreply',
      );
  });

  it('takes an Out of Office that quotes a bounce for an automatic reply, not for that bounce', async () => {
    for (const headers of [['Auto-Submitted: auto-generated'], []]) {
      const c = await classify(
        message(
          'From: Kim <kim@example.org>',
          'To: news@example.com',
          'Subject: Out of Office: Returned mail: see transcript for details',
          ...headers,
          '',
          'I am away until Monday.',
          '',
          '----- The following addresses had permanent fatal errors -----',
          '<bob@example.net>',
          '    (reason: 550 5.1.1 User unknown)',
        ),
      );
      expect([c.kind, addresses(c)], headers.join()).toEqual(['autoreply', ['kim@example.org']]);
    }
  });

  it('takes an Out of Office that mentions spam complaints and attaches the message for an automatic reply, never a complaint', async () => {
    const c = await classify(
      mixedMessage(
        ['From: Kim Lee <kim@example.org>', 'To: news@example.com', 'Subject: Automatic reply: Sale', 'Auto-Submitted: auto-replied'],
        ['I am out of the office until Monday. For a spam complaint, write to abuse@example.org.'],
        attachedMessage('To: kim@example.org'),
      ),
    );
    expect([c.kind, c.recipients.map((r) => [r.address, r.reason, r.feedbackType])]).toEqual([
      'autoreply',
      [['kim@example.org', 'vacation', undefined]],
    ]);
  });

  it('names the Return-Path as who replied when an automatic reply has no From address', async () => {
    const c = await classify(
      message(
        'From: Kim',
        'Return-Path: <kim@example.org>',
        'To: news@example.com',
        'Subject: Automatic reply: Sale',
        'Auto-Submitted: auto-replied',
        '',
        'Away.',
      ),
    );
    expect([c.kind, addresses(c)]).toEqual(['autoreply', ['kim@example.org']]);
  });

  it('keeps a bounce whose returned message is an automatic reply a bounce of its recipient', async () => {
    const c = await classify(
      message(
        'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
        'To: kim@example.org',
        'Subject: Undelivered Mail Returned to Sender',
        'Auto-Submitted: auto-replied',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered to one or more recipients.',
        '',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.net',
        '',
        'Final-Recipient: rfc822; news@example.com',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 no such user',
        '',
        '--b',
        'Content-Type: message/rfc822',
        '',
        'From: kim@example.org',
        'To: news@example.com',
        'Subject: Automatic reply: Sale',
        'Auto-Submitted: auto-replied',
        '',
        'Away.',
        '--b--',
      ),
    );
    expect([c.kind, addresses(c), c.recipients[0].reason]).toEqual(['bounce', ['news@example.com'], 'userunknown']);
  });

  it('keeps a bounce that says Auto-Submitted and an auto-reply subject a bounce', async () => {
    const c = await classify(
      message(
        'From: Mail Delivery Subsystem <mailer-daemon@mx.example.net>',
        'To: kim@example.org',
        'Subject: Automatic reply: Undeliverable',
        'Auto-Submitted: auto-replied',
        '',
        'Delivery to the following recipient failed permanently:',
        '',
        '     gone@example.net',
        '',
        'Technical details of permanent failure:',
        '550 5.1.1 user unknown',
      ),
    );
    expect([c.kind, addresses(c), c.recipients[0]?.bounceType]).toEqual(['bounce', ['gone@example.net'], 'hard']);
  });
});

describe('success reports and read receipts', () => {
  it("reads Exchange's prose 'Delivered:' notice as a success, not a bounce", async () => {
    const c = await classify(
      message(
        'From: postmaster@example.org',
        'To: news@example.com',
        'Subject: Delivered: Sale',
        '',
        'Your message has been delivered to the following recipients:',
        '',
        'carol@example.org (carol@example.org)',
        '',
        'Subject: Sale',
      ),
    );
    expect(c.kind).toBe('not-bounce');
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType])).toEqual([['carol@example.org', 'delivered', 'none']]);
  });

  it("reads Exchange's prose 'Relayed:' notice as a success for its recipients", async () => {
    const c = await classify(
      message(
        'From: postmaster@example.org',
        'To: news@example.com',
        'Subject: Relayed: Sale',
        '',
        'Delivery to these recipients or groups is complete, but no delivery notification was sent by the destination server:',
        '',
        'carol@example.org (carol@example.org)',
      ),
    );
    expect([c.kind, c.recipients.map((r) => [r.address, r.reason])]).toEqual(['not-bounce', [['carol@example.org', 'delivered']]]);
  });

  it('still reads a notice that says delivered but also says it failed as a failure', async () => {
    const c = await classify(
      message(
        'From: postmaster@example.org',
        'To: news@example.com',
        'Subject: Delivered: Sale',
        '',
        'Your message could not be delivered to the following recipients:',
        '',
        'carol@example.org',
        '550 5.1.1 user unknown',
      ),
    );
    expect([c.kind, c.recipients[0]?.reason]).toEqual(['bounce', 'userunknown']);
  });

  it("reads a daemon's 'delivered to the server, but' notice as a failure of its recipient, not a success", async () => {
    const notice = (why: string) =>
      message(
        'From: MAILER-DAEMON@mx.example.net',
        'To: news@example.com',
        'Subject: Mail delivery report',
        '',
        `Your message was delivered to the mail server of example.org, but ${why}.`,
        '',
        `carol@example.org: ${why}`,
      );
    const full = await classify(notice('the mailbox is full and the message was returned'));
    expect([full.kind, full.recipients.map((r) => [r.address, r.reason, r.action])]).toEqual([
      'bounce',
      [['carol@example.org', 'mailboxfull', 'failed']],
    ]);
    // No word of failure, but the recipient's line matches a reason: still no success.
    const tooBig = await classify(notice('the message is too large'));
    expect([tooBig.kind, tooBig.recipients.map((r) => [r.address, r.reason])]).toEqual(['bounce', [['carol@example.org', 'mesgtoobig']]]);
  });

  // Postfix's success template (src/bounce/bounce_template.c) ends its statement with a hedge
  // about failures that may still come: read without its delivery-status part (a relay or a
  // client that kept only the text), the word "errors" in it made the report a failure.
  it("reads Postfix's success notice without its delivery-status part as delivered, the hedge about 'delivery errors from other systems' no failure", async () => {
    const c = await classify(
      fromPostfix(
        'Subject: Successful Mail Delivery Report',
        'Auto-Submitted: auto-replied',
        '',
        'This is the mail system at host mx.example.com.',
        '',
        'Your message was successfully delivered to the destination(s)',
        'listed below. If the message was delivered to mailbox you will',
        'receive no further notifications. Otherwise you may still receive',
        'notifications of mail delivery errors from other systems.',
        '',
        '                   The mail system',
        '',
        '<carol@example.org>: delivery via mx.example.org[192.0.2.1]:25: 250 2.0.0 Ok:',
        '    queued as 4ABC123',
        '',
        '<dave@example.org>: delivered to mailbox',
      ),
    );
    expect(kindAndVerdicts(c)).toEqual([
      'not-bounce',
      [
        ['carol@example.org', 'delivered', 'none'],
        ['dave@example.org', 'delivered', 'none'],
      ],
    ]);
  });

  it('still reads a failure notice holding the same hedge words as a failure', async () => {
    const c = await classify(
      fromPostfix(
        'Subject: Undelivered Mail Returned to Sender',
        '',
        "I'm sorry to have to inform you that your message could not",
        'be delivered to one or more recipients. You may still receive',
        'notifications of mail delivery errors from other systems.',
        '',
        '<carol@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <carol@example.org>:',
        '    Recipient address rejected: User unknown (in reply to RCPT TO command)',
      ),
    );
    expect(kindAndVerdicts(c)).toEqual(['bounce', [['carol@example.org', 'userunknown', 'hard']]]);
  });

  it.each(['delivered', 'relayed', 'expanded'])('reads a DSN with Action %s as delivered, never a bounce', async (action) => {
    const c = await classify(
      fromPostfix(
        'Subject: Successful Mail Delivery Report',
        'Auto-Submitted: auto-replied',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Your message was successfully delivered to the destination(s) listed below.',
        '',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.com',
        '',
        'Final-Recipient: rfc822; carol@example.org',
        `Action: ${action}`,
        'Status: 2.0.0',
        '',
        '--b--',
      ),
    );
    expect(kindAndVerdicts(c)).toEqual(['not-bounce', [['carol@example.org', 'delivered', 'none']]]);
  });

  it.each(['manual-action/MDN-sent-manually; displayed', 'automatic-action/MDN-sent-automatically; deleted'])(
    'reads a read receipt (RFC 8098, %s) as no bounce',
    async (disposition) => {
      const c = await classify(
        message(
          'From: Carol <carol@example.org>',
          'To: news@example.com',
          'Subject: Read: Sale',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain',
          '',
          'Your message was displayed.',
          '',
          '--b',
          'Content-Type: message/disposition-notification',
          '',
          'Reporting-UA: carol.example.org; Mail/1',
          'Final-Recipient: rfc822; carol@example.org',
          'Original-Message-ID: <m1@example.com>',
          `Disposition: ${disposition}`,
          '',
          '--b--',
        ),
      );
      expect([c.kind, c.recipients.filter((r) => r.bounceType !== 'none')]).toEqual(['not-bounce', []]);
    },
  );
});

describe('a success report whose quoted subject holds a failure word', () => {
  it("reads Exchange's 'Delivered:' notice as a success even when the sender's own subject says 'limit', 'invalid' or 'returned'", async () => {
    for (const own of ['Your account limit and invalid invoice', 'Your parcel was returned']) {
      const c = await classify(
        message(
          'From: Microsoft Outlook <postmaster@example.net>',
          'To: sender@app.test',
          `Subject: Delivered: ${own}`,
          'Content-Type: text/plain',
          '',
          'Your message has been delivered to the following recipients:',
          '',
          'alice@example.net (alice@example.net)',
          '',
          `Subject: ${own}`,
        ),
      );
      expect([c.kind, c.recipients.map((r) => [r.address, r.reason])]).toEqual(['not-bounce', [['alice@example.net', 'delivered']]]);
    }
  });
});

describe("the receiving system's Received field", () => {
  it("takes the mailbox its topmost Received names ('for <a@b>') over a list's To", async () => {
    const c = await classify(
      feedbackReport(
        ['Feedback-Type: abuse', 'Version: 1'],
        [
          'Received: from mx.example.com by mx1.isp.example for <carol@isp.example>; Mon, 30 Nov 2026 10:00:00 +0000',
          'Delivered-To: list@example.com',
          'Received: by mx.example.com (Postfix) id 1',
          ...reportedMessage('To: news-list@example.com'),
        ],
      ),
    );
    expect([c.kind, addresses(c)]).toEqual(['complaint', ['carol@isp.example']]);
  });
});
