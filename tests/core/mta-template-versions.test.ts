// Notices of OTHER releases of the MTA families than those recorded live (tests/fixtures/mta-notices/:
// Exim 4.96, Postfix 3.7, Sendmail 8.17, Courier 1.0.16, OpenSMTPD 6.8, dma 0.13): each notice is
// built here from the release's own template text, quoted from its source at the tag named in the
// case, around the recipient lines in the form that release writes them and replies of our own.
// Sources read (git history of each project):
//   qmail 1.03 / netqmail 1.06 / notqmail 1.09 (github:notqmail/notqmail): qmail-send.c
//     (injectbounce, addbounce), qmail-remote.c, qmail-rspawn.c, qmail-local.c; the smtp-tls patch
//     branch (patches/notqmail/smtp-tls) for qmail-remote's TLS texts;
//   qmail-ldap (github:qmail-ldap/qmail-ldap): qmail-send.c (custombouncetext), qmail-lspawn.c,
//     qmail-local.c (quota_bounce), qmail-remote.c;
//   vpopmail 5.4.33 (github:brunonymous/vpopmail): vqmaillocal.c, vdelivermail.c;
//   IndiMail's qmail-send/slowq-send (indimail-mta): the MIME bounce ("--- Enclosed is a copy of the message.");
//   OpenSMTPD (github:OpenSMTPD/OpenSMTPD) opensmtpd-5.4.1, opensmtpd-5.7.1, 6.6.0: smtpd/bounce.c, esc.c, mta.c, queue.c;
//   Exim (github:Exim/exim) exim-4_69, exim-4_80: src/src/deliver.c, transports/smtp.c, retry.c, routers/dnslookup.c, route.c;
//   Postfix (github:vdukhovni/postfix) v1.1.0, v2.0.0, v2.2.0: src/bounce/bounce_notify_util.c, src/smtp/smtp_proto.c, src/global/bounce_log.c;
//   Sendmail 8.12 (freebsd/freebsd-src contrib/sendmail/src/savemail.c: errbody()).
// No case comes from a bounce collection.
import { describe } from 'vitest';
import { verdictCases } from './recipient-verdicts.ts';

/** The returned message: its To and Cc name addresses that did not fail. */
const RETURNED = [
  'Return-Path: <sender@example.com>',
  'From: Sender <sender@example.com>',
  'To: c@example.net',
  'Cc: friend@example.com',
  'Subject: hello',
  'Message-ID: <hello.1@example.com>',
  '',
  'hello',
  '',
];

const msg = (headers: readonly string[], body: readonly string[]) => Buffer.from([...headers, '', ...body].join('\n'));

// ---------------------------------------------------------------------------------------------
// qmail and its forks. qmail-send.c's injectbounce() writes "Hi. This is the qmail-send program
// at <bouncehost>." and either the bounce opening or, for a bounce that bounced, "I tried to
// deliver a bounce message to this address, but the bounce bounced!"; addbounce() writes each
// recipient as "<address>:" followed by its report, a blank line inside a report becoming a line
// opening with "/". qmail-remote.c's report for a refused recipient is "<ip> does not like
// recipient.\nRemote host said: <reply>\n" and, once every recipient is refused, qmail-rspawn.c
// appends "Giving up on <ip>."; a temporary failure still failing when the message is too old
// ends with qmail-send's "I'm not going to try again; this message has been in the queue too long."

const QMAIL_INTRO = [
  'Hi. This is the qmail-send program at mx.example.org.',
  "I'm afraid I wasn't able to deliver your message to the following addresses.",
  "This is a permanent error; I've given up. Sorry it didn't work out.",
  '',
];

/** qmail-send's bounce (qmail 1.03 .. notqmail 1.09: the template did not change). */
function qmail(paragraphs: readonly (readonly string[])[], intro: readonly string[] = QMAIL_INTRO): Buffer {
  return msg(
    ['From: MAILER-DAEMON@mx.example.org', 'To: sender@example.com', 'Subject: failure notice'],
    [...intro, ...paragraphs.flatMap((p) => [...p, '']), '--- Below this line is a copy of the message.', '', ...RETURNED],
  );
}

const TOO_LONG = "I'm not going to try again; this message has been in the queue too long.";

describe('qmail 1.03, netqmail 1.06, notqmail 1.09 (qmail-send.c, qmail-remote.c, qmail-local.c)', () => {
  verdictCases([
    {
      title: 'a refused recipient ("does not like recipient", "Giving up on") and a local one with no mailbox, each its own reason',
      raw: () =>
        qmail([
          [
            '<a@example.net>:',
            '192.0.2.1 does not like recipient.',
            'Remote host said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in local recipient table',
            'Giving up on 192.0.2.1.',
          ],
          ['<b@example.org>:', 'Sorry, no mailbox here by that name. (#5.1.1)'],
        ]),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.org', 'userunknown', 'hard', '5.1.1', ''],
      ],
    },
    {
      title: 'a multi-line reply qmail-remote copies whole ("550-" lines) is read on all its lines',
      raw: () =>
        qmail([
          [
            '<a@example.net>:',
            '192.0.2.1 does not like recipient.',
            'Remote host said: 550-5.1.1 The email account that you tried to reach does not exist. Please try',
            "550-5.1.1 double-checking the recipient's email address for typos or",
            '550 5.1.1 unnecessary spaces.',
            'Giving up on 192.0.2.1.',
          ],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      title: 'qmail-remote\'s perm_dns "Sorry, I couldn\'t find any host named" is an unknown host',
      raw: () => qmail([['<a@example.net>:', "Sorry, I couldn't find any host named example.net. (#5.1.2)"]]),
      kind: 'bounce',
      recipients: [['a@example.net', 'hostunknown', 'hard', '5.1.2', '']],
    },
    {
      title: 'a refused sender ("Connected to <ip> but sender was rejected.") gives no recipient reason',
      raw: () =>
        qmail([
          [
            '<a@example.net>:',
            'Connected to 192.0.2.1 but sender was rejected.',
            'Remote host said: 553 sorry, your envelope sender domain must exist (#5.7.1)',
          ],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'rejected', 'soft', '5.7.1', '553']],
    },
    {
      title: 'a message refused after DATA ("<ip> failed after I sent the message.") for its size is a message too big',
      raw: () =>
        qmail([
          [
            '<a@example.net>:',
            '192.0.2.1 failed after I sent the message.',
            'Remote host said: 552 5.3.4 Message size exceeds fixed maximum message size',
          ],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'mesgtoobig', 'soft', '5.3.4', '552']],
    },
    {
      title: 'a connection never made, given up when "this message has been in the queue too long", is expired',
      raw: () => qmail([['<a@example.net>:', "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", TOO_LONG]]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.1', '']],
    },
    {
      title: 'a temporary DNS failure at the end of the queue lifetime is expired, never an unknown host',
      raw: () => qmail([['<a@example.net>:', "Sorry, I couldn't find any host by that name. (#4.1.2)", TOO_LONG]]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.1.2', '']],
    },
    {
      title: 'a recipient refused for now (4xx) until the queue lifetime ran out is expired',
      raw: () =>
        qmail([
          [
            '<a@example.net>:',
            '192.0.2.1 does not like recipient.',
            'Remote host said: 450 4.2.0 <a@example.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.net.html',
            'Giving up on 192.0.2.1.',
            TOO_LONG,
          ],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.2.0', '450']],
    },
    {
      title: 'a connection that died ("but connection died. (#4.4.2)") until the queue lifetime ran out is expired',
      raw: () => qmail([['<a@example.net>:', 'Connected to 192.0.2.1 but connection died. (#4.4.2)', TOO_LONG]]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.2', '']],
    },
    {
      title: 'the TLS patch\'s "TLS unable to verify server" until the queue lifetime ran out is expired',
      raw: () =>
        qmail([
          [
            '<a@example.net>:',
            'TLS unable to verify server mx.example.net: received certificate for mail.example.com; connected to 192.0.2.1.',
            TOO_LONG,
          ],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: 'qmail-rspawn\'s "Unable to run qmail-remote." is the sending site\'s system',
      raw: () => qmail([['<a@example.net>:', 'Unable to run qmail-remote.']]),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.0.0', '']],
    },
    {
      title: 'a report with a blank line in it (written as a line opening with "/") stays the same recipient\'s',
      raw: () =>
        qmail([
          ['<a@example.net>:', 'This address no longer accepts mail.', '/Sorry, no mailbox here by that name. (#5.1.1)'],
          ['<b@example.net>:', 'user is over quota'],
        ]),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', ''],
        ['b@example.net', 'mailboxfull', 'soft', '5.0.0', ''],
      ],
    },
    {
      title:
        'the double bounce ("the bounce bounced!", "--- Below this line is the original bounce.") names the bounced address, not the first bounce\'s',
      raw: () =>
        msg(
          ['From: MAILER-DAEMON@mx.example.org', 'To: postmaster@mx.example.org', 'Subject: failure notice'],
          [
            'Hi. This is the qmail-send program at mx.example.org.',
            'I tried to deliver a bounce message to this address, but the bounce bounced!',
            '',
            '<sender@example.com>:',
            '198.51.100.7 does not like recipient.',
            'Remote host said: 550 5.1.1 <sender@example.com>: Recipient address rejected: User unknown in virtual mailbox table',
            'Giving up on 198.51.100.7.',
            '',
            '--- Below this line is the original bounce.',
            '',
            'Return-Path: <>',
            'From: MAILER-DAEMON@mx.example.org',
            'To: sender@example.com',
            'Subject: failure notice',
            '',
            ...QMAIL_INTRO,
            '<c@example.net>:',
            '192.0.2.1 does not like recipient.',
            'Remote host said: 550 5.7.1 Relaying denied',
            'Giving up on 192.0.2.1.',
            '',
            '--- Below this line is a copy of the message.',
            '',
            ...RETURNED,
          ],
        ),
      kind: 'bounce',
      recipients: [['sender@example.com', 'userunknown', 'hard', '5.1.1', '550']],
    },
  ]);
});

describe('qmail-ldap (qmail-send.c, qmail-lspawn.c, qmail-local.c, qmail-remote.c)', () => {
  verdictCases([
    {
      title: "the site's custombouncetext after the opening names no recipient (not the postmaster it points to)",
      raw: () =>
        qmail(
          [['<a@example.net>:', 'Sorry, no mailbox here by that name. (#5.1.1)']],
          [...QMAIL_INTRO.slice(0, 3), 'Please contact postmaster@example.org if you need help.', ''],
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '']],
    },
    {
      title: '"Mailaddress is administratively disabled. (#5.2.1)" is a suspended mailbox',
      raw: () => qmail([['<a@example.net>:', 'Mailaddress is administratively disabled. (#5.2.1)']]),
      kind: 'bounce',
      recipients: [['a@example.net', 'suspend', 'soft', '5.2.1', '']],
    },
    {
      title: '"The users mailbox is over the allowed quota (size). (#5.2.2)" is a full mailbox',
      raw: () => qmail([['<a@example.net>:', 'The users mailbox is over the allowed quota (size). (#5.2.2)']]),
      kind: 'bounce',
      recipients: [['a@example.net', 'mailboxfull', 'soft', '5.2.2', '']],
    },
    {
      title: '"The message exeeded the maximum size the user accepts. (#5.2.3)" is the per-mailbox size limit',
      raw: () => qmail([['<a@example.net>:', 'The message exeeded the maximum size the user accepts. (#5.2.3)']]),
      kind: 'bounce',
      recipients: [['a@example.net', 'exceedlimit', 'soft', '5.2.3', '']],
    },
    {
      title: 'its smarthost login refused ("but authentication was rejected (password)") is its own credentials, not SPF/DKIM',
      raw: () =>
        qmail([
          [
            '<a@example.net>:',
            'Connected to 192.0.2.1 but authentication was rejected (password).',
            'Remote host said: 535 5.7.8 Error: authentication failed: authentication failure',
          ],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'securityerror', 'soft', '5.7.8', '535']],
    },
    {
      title:
        'the cluster hand-over that failed ("Permanent error while executing qmail-forward. (#5.4.4)") is the site\'s system, not a dead address',
      raw: () => qmail([['<a@example.net>:', 'Permanent error while executing qmail-forward. (#5.4.4)']]),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.4.4', '']],
    },
    {
      title: 'a greeting refused for good ("Connected to <ip> but greeting failed.", a 5xx) is a block of the sending host',
      raw: () =>
        qmail([
          [
            '<a@example.net>:',
            'Connected to 192.0.2.1 but greeting failed.',
            'Remote host said: 554 mx.example.net ESMTP not accepting messages',
          ],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'blocked', 'soft', '5.0.0', '554']],
    },
  ]);
});

describe("vpopmail 5.4 (vqmaillocal.c, vdelivermail.c) inside qmail-send's bounce", () => {
  verdictCases([
    {
      title: 'vqmaillocal\'s "Sorry, no mailbox here by that name. vpopmail (#5.1.1)" is an unknown user',
      raw: () => qmail([['<a@example.net>:', 'Sorry, no mailbox here by that name. vpopmail (#5.1.1)']]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '']],
    },
    {
      title: 'vdelivermail\'s "mail is looping" (its own Delivered-To line seen again) is a loop, as qmail-local\'s is',
      raw: () => qmail([['<a@example.net>:', 'mail is looping']]),
      kind: 'bounce',
      recipients: [['a@example.net', 'networkerror', 'soft', '5.0.0', '']],
    },
  ]);
});

describe("IndiMail's MIME bounce (qmail-send.c/slowq-send.c with MIME)", () => {
  verdictCases([
    {
      title: 'the notice in a multipart/mixed, "--- Enclosed is a copy of the message." and the message as message/rfc822',
      raw: () =>
        msg(
          [
            'X-Bounced-Address: a@example.net',
            'From: MAILER-DAEMON@mx.example.org',
            'To: sender@example.com',
            'MIME-Version: 1.0',
            'Content-Type: multipart/mixed; boundary="1764638400mx.example.org12345"',
            'Subject: failure notice',
          ],
          [
            '--1764638400mx.example.org12345',
            '',
            'Hi. This is the slowq-send program at mx.example.org.',
            "I'm afraid I wasn't able to deliver your message to the following addresses.",
            "This is a permanent error; I've given up. Sorry it didn't work out.",
            '',
            '<a@example.net>:',
            '192.0.2.1 does not like recipient.',
            'Remote host said: 550 5.1.1 <a@example.net>... User unknown',
            'Giving up on 192.0.2.1.',
            '',
            '--- Enclosed is a copy of the message.',
            '',
            '--1764638400mx.example.org12345',
            'Content-Type: message/rfc822',
            '',
            ...RETURNED,
            '--1764638400mx.example.org12345--',
          ],
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// OpenSMTPD before 6.8. 5.4.1's bounce.c writes a plain-text notice, every template line indented
// by four spaces ("    Hi!", "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail."),
// each recipient as "%s@%s: %s\n" with the error line (the remote reply, or "Envelope expired",
// "No MX found for domain"). 5.7.1 writes "This is a MIME-encapsulated message." and MIME boundaries
// but no MIME-Version or Content-Type header, so the notice reads as plain text; its
// delivery-status fields come from esc.c: any remote permanent failure is ESC_INVALID_RECIPIENT
// (Status 5.5.0, "Diagnostic-Code: smtp; Invalid Recipient"), an expiry ESC_DELIVERY_TIME_EXPIRED
// (4.4.7, "Delivery time expired"), a temporary failure ESC_OTHER_STATUS ("Other/Undefined").

const SMTPD_INTRO = ['    Hi!', '', '    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.', ''];
const SMTPD_ERROR = ['    An error has occurred while attempting to deliver a message for', '    the following list of recipients:', ''];
const SMTPD_DELAY = ['    A message is delayed for more than 4 hours for the following', '    list of recipients:', ''];
/** What the delay warning says under its recipients. */
const SMTPD_TEMPORARY = [
  '    Please note that this is only a temporary failure report.',
  '    The message is kept in the queue for up to 4 days.',
  '    You DO NOT NEED to re-send the message to these recipients.',
  '',
];
/** The header of every OpenSMTPD notice (bounce.c), its Subject ending in `kind`. */
const smtpdHeaders = (kind: string) => [
  `Subject: Delivery status notification: ${kind}`,
  'From: Mailer Daemon <MAILER-DAEMON@mx.example.org>',
  'To: sender@example.com',
  'Date: Tue, 1 Dec 2026 10:00:00 +0000',
];

function smtpd54(kind: 'error' | 'warning', lines: readonly string[]): Buffer {
  const body =
    kind === 'error' ? [...SMTPD_INTRO, ...SMTPD_ERROR, ...lines, ''] : [...SMTPD_INTRO, ...SMTPD_DELAY, ...lines, '', ...SMTPD_TEMPORARY];
  return msg(smtpdHeaders(kind), [...body, '    Below is a copy of the original message:', '', ...RETURNED]);
}

interface Dsn57 {
  address: string;
  action: string;
  status: string;
  description: string;
}

function smtpd57(kind: 'error' | 'warning', lines: readonly string[], dsn: readonly Dsn57[]): Buffer {
  const b = '--   1234567890123/mx.example.org';
  const notice = kind === 'error' ? SMTPD_ERROR : SMTPD_DELAY;
  const after = kind === 'error' ? [] : SMTPD_TEMPORARY;
  return msg(smtpdHeaders(kind), [
    'This is a MIME-encapsulated message.',
    '',
    b,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    ...SMTPD_INTRO,
    ...notice,
    ...lines,
    '',
    ...after,
    '    Below is a copy of the original message:',
    '',
    b,
    'Content-Description: Delivery Report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.org',
    'Arrival-Date: Tue, 1 Dec 2026 10:00:00 +0000',
    '',
    ...dsn.flatMap((d) => [
      `Final-Recipient: rfc822; ${d.address}`,
      `Action: ${d.action}`,
      `Status: ${d.status}`,
      `Diagnostic-Code: smtp; ${d.description}`,
      '',
    ]),
    b,
    'Content-Type: message/rfc822',
    '',
    ...RETURNED,
    `${b}--`,
  ]);
}

describe('OpenSMTPD 5.4.1 (smtpd/bounce.c: plain text, indented template)', () => {
  verdictCases([
    {
      title: 'two recipients on "<address>: <reply>" lines, each with its own reply',
      raw: () =>
        smtpd54('error', [
          'a@example.net: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in local recipient table',
          'b@example.net: 552 5.2.2 <b@example.net>: Mailbox full',
        ]),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552'],
      ],
    },
    {
      title: 'the warning ("A message is delayed for more than", "temporary failure report") is a delay',
      raw: () => smtpd54('warning', ['a@example.net: 451 4.7.1 Greylisting in action, please come back later']),
      kind: 'delay',
      recipients: [['a@example.net', 'expired', 'none', '4.7.1', '451']],
    },
    {
      title: '"<address>: Envelope expired" in the error notice is expired',
      raw: () => smtpd54('error', ['a@example.net: Envelope expired']),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: '"Domain does not exist" (mta.c, DNS_ENONAME, a permanent failure) is an unknown host',
      raw: () => smtpd54('error', ['a@example.net: Domain does not exist']),
      kind: 'bounce',
      recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']],
    },
  ]);
});

describe('OpenSMTPD 5.7.1 (smtpd/bounce.c: boundaries with no MIME header, esc.c statuses)', () => {
  verdictCases([
    {
      title: 'each recipient\'s own reply wins over the "5.5.0 Invalid Recipient" every remote failure was given',
      raw: () =>
        smtpd57(
          'error',
          ['a@example.net: 550 5.1.1 <a@example.net>... User unknown', 'b@example.net: 552 5.2.2 <b@example.net>... Mailbox full'],
          [
            { address: 'a@example.net', action: 'failed', status: '5.5.0', description: 'Invalid Recipient' },
            { address: 'b@example.net', action: 'failed', status: '5.5.0', description: 'Invalid Recipient' },
          ],
        ),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552'],
      ],
    },
    {
      title: 'a reply with no status of its own is read from the text line, not from the "Invalid Recipient" every failure was given',
      raw: () =>
        smtpd57(
          'error',
          ['a@example.net: 552 Quota exceeded. The mailbox is full and cannot accept mail'],
          [{ address: 'a@example.net', action: 'failed', status: '5.5.0', description: 'Invalid Recipient' }],
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'mailboxfull', 'soft', '5.0.0', '552']],
    },
    {
      // The 4.4.7 is in the delivery-status block the missing MIME header leaves unread; that
      // block is left unread on purpose: for a remote failure it says only "5.5.0 Invalid
      // Recipient" (the case above), whatever the server replied.
      title: 'the expiry ("Envelope expired", 4.4.7 "Delivery time expired", Action failed) is expired',
      raw: () =>
        smtpd57(
          'error',
          ['a@example.net: Envelope expired'],
          [{ address: 'a@example.net', action: 'failed', status: '4.4.7', description: 'Delivery time expired' }],
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: 'the warning (Action delayed, "4.0.0 Other/Undefined") is a delay',
      raw: () =>
        smtpd57(
          'warning',
          ['a@example.net: 421 4.3.2 Service not available, closing transmission channel'],
          [{ address: 'a@example.net', action: 'delayed', status: '4.0.0', description: 'Other/Undefined' }],
        ),
      kind: 'delay',
      recipients: [['a@example.net', 'notaccept', 'none', '4.3.2', '421']],
    },
  ]);
});

/** OpenSMTPD 6.0-6.6's notice: multipart/mixed, the Subject and Action from action_str(), no Diagnostic-Code. */
function smtpd6(action: 'failed' | 'delayed', lines: readonly string[], rcpts: readonly { address: string; status: string }[]): Buffer {
  const b = '   1234567890123/mx.example.org';
  return msg(
    [...smtpdHeaders(action), 'MIME-Version: 1.0', `Content-Type: multipart/mixed;boundary="${b}"`],
    [
      'This is a MIME-encapsulated message.',
      '',
      `--${b}`,
      'Content-Description: Notification',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      '    Hi!',
      '',
      '    This is the MAILER-DAEMON, please DO NOT REPLY to this email.',
      '',
      ...(action === 'failed' ? SMTPD_ERROR : SMTPD_DELAY),
      ...lines,
      '',
      ...(action === 'failed' ? [] : SMTPD_TEMPORARY),
      '    Below is a copy of the original message:',
      '',
      `--${b}`,
      'Content-Description: Delivery Report',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      ...rcpts.flatMap((r) => [`Final-Recipient: rfc822; ${r.address}`, `Action: ${action}`, `Status: ${r.status}`, '']),
      `--${b}`,
      'Content-Description: Message headers',
      'Content-Type: text/rfc822-headers',
      '',
      ...RETURNED.slice(0, 6),
      '',
      `--${b}--`,
    ],
  );
}

describe('OpenSMTPD 6.0-6.6 (smtpd/bounce.c: multipart/mixed, no Diagnostic-Code)', () => {
  verdictCases([
    {
      title: 'the reply on the text line gives the reason the "5.0.0" Status does not',
      raw: () =>
        smtpd6(
          'failed',
          ['a@example.net: 550 5.1.1 <a@example.net>... User unknown', 'b@example.net: 552 5.2.2 <b@example.net>... Mailbox full'],
          [
            { address: 'a@example.net', status: '5.0.0' },
            { address: 'b@example.net', status: '5.0.0' },
          ],
        ),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552'],
      ],
    },
    {
      title: 'the delay ("Delivery status notification: delayed", Action delayed) is a delay, never hard',
      raw: () =>
        smtpd6(
          'delayed',
          ['a@example.net: 450 4.1.1 <a@example.net>: Recipient address rejected: unverified address'],
          [{ address: 'a@example.net', status: '4.0.0' }],
        ),
      kind: 'delay',
      // Postfix's "unverified address" names no cause: its 4.1.1 is the check's fixed code
      // (tests/core/reference-conventions.test.ts).
      recipients: [['a@example.net', 'onhold', 'none', '4.1.1', '450']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Exim 4.69 .. 4.83 (deliver.c before its DSN support): a plain-text bounce. transports/smtp.c
// writes "SMTP error from remote mail server after RCPT TO:<%s>: host %s [%s]: %s" on one line,
// and print_address_error() breaks it after a colon followed by a space past column 45, so the
// reply sits on the "host ... [ip]:" line. retry.c appends ": retry timeout exceeded".

/** A recipient mx.example.net refused in its reply to `after`, under its address, as
 * print_address_error() breaks transports/smtp.c's line. */
const refused = (address: string, reply: string, after = `RCPT TO:<${address}>`) => [
  `  ${address}`,
  `    SMTP error from remote mail server after ${after}:`,
  `    host mx.example.net [192.0.2.1]: ${reply}`,
];

function exim469(addresses: readonly (readonly string[])[], opening?: readonly string[]): Buffer {
  const failed = addresses.map((a) => a[0].trim());
  return msg(
    [
      'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
      'To: sender@example.com',
      `X-Failed-Recipients: ${failed.join(',\n  ')}`,
      'Auto-Submitted: auto-replied',
      'Subject: Mail delivery failed: returning message to sender',
    ],
    [
      'This message was created automatically by mail delivery software.',
      '',
      ...(opening ?? [
        'A message that you sent could not be delivered to one or more of its',
        'recipients. This is a permanent error. The following address(es) failed:',
      ]),
      '',
      ...addresses.flatMap((a) => [...a, '']),
      '------ This is a copy of the message, including all the headers. ------',
      '',
      ...RETURNED,
    ],
  );
}

describe('Exim 4.69-4.83 (src/src/deliver.c, transports/smtp.c, retry.c)', () => {
  verdictCases([
    {
      title: 'the reply on the "host <name> [<ip>]:" line under "after RCPT TO:<address>:", per recipient',
      raw: () =>
        exim469([
          refused('a@example.net', '550 5.1.1 <a@example.net>... User unknown'),
          refused('b@example.net', '552 5.2.2 <b@example.net>... Mailbox full'),
        ]),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552'],
      ],
    },
    {
      title: 'the bounce to an errors address ("A message sent by <sender> could not be delivered") does not take the sender',
      raw: () =>
        exim469(
          [['  a@example.net', '    Unrouteable address']],
          [
            'A message sent by',
            '',
            '  <sender@example.com>',
            '',
            'could not be delivered to one or more of its recipients. The following',
            'address(es) failed:',
          ],
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']],
    },
    {
      title: 'an address generated by an alias ("(generated from <alias>)") is the one that failed, the alias is no second recipient',
      raw: () =>
        exim469([
          [
            '  a@example.net',
            '    (generated from alias@example.org)',
            '    SMTP error from remote mail server after RCPT TO:<a@example.net>:',
            '    host mx.example.net [192.0.2.1]: 550 5.1.1 <a@example.net>... User unknown',
          ],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      title: 'a host name long enough to break the line after "[<ip>]:" leaves the reply on a line of its own',
      raw: () =>
        exim469([
          [
            '  a@example.net',
            '    SMTP error from remote mail server after RCPT TO:<a@example.net>:',
            '    host example-net.mail.protection.outlook.example.com [192.0.2.1]:',
            '    550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]',
          ],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.4.1', '550']],
    },
    {
      title: 'a refusal after end of data ("after end of data:") as spam is the content, not the address',
      raw: () => exim469([refused('a@example.net', '550 5.7.1 Message rejected as spam by Content Filtering.', 'end of data')]),
      kind: 'bounce',
      recipients: [['a@example.net', 'spamdetected', 'soft', '5.7.1', '550']],
    },
    {
      title: 'appendfile\'s "mailbox is full" for a local mailbox is a full mailbox',
      raw: () => exim469([['  a@example.org', '    mailbox is full']]),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailboxfull', 'soft', '5.0.0', '']],
    },
    {
      title: '"all relevant MX records point to non-existent hosts" is an unknown host',
      raw: () => exim469([['  a@example.net', '    all relevant MX records point to non-existent hosts']]),
      kind: 'bounce',
      recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']],
    },
    {
      title: 'a 4xx reply with ": retry timeout exceeded" appended is expired',
      raw: () => exim469([refused('a@example.net', '451 4.3.0 Temporary local problem - please try later: retry timeout exceeded')]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.3.0', '451']],
    },
    {
      title: 'an unknown user with ": retry timeout exceeded" appended stays an unknown user',
      raw: () =>
        exim469([
          // Postfix with unknown_local_recipient_reject_code = 450 (its documented setting while
          // testing a configuration); "unverified address" would name no cause.
          refused(
            'a@example.net',
            '450 4.1.1 <a@example.net>: Recipient address rejected: User unknown in local recipient table: retry timeout exceeded',
          ),
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '4.1.1', '450']],
    },
    {
      title: '"retry time not reached for any host after a long failure period" is expired',
      raw: () => exim469([['  a@example.net', '    retry time not reached for any host after a long failure period']]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: '"all hosts have been failing for a long time and were last tried after this message arrived" is expired',
      raw: () =>
        exim469([
          ['  a@example.net', '    all hosts have been failing for a long time and were last tried after', '    this message arrived'],
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: 'a refusal after MAIL FROM names the sender, who is not a failed recipient',
      raw: () =>
        exim469([refused('a@example.net', '550 5.7.1 Sender address rejected: Access denied', 'MAIL FROM:<sender@example.com> SIZE=1843')]),
      kind: 'bounce',
      recipients: [['a@example.net', 'rejected', 'soft', '5.7.1', '550']],
    },
    {
      title: 'the delay warning ("Warning: message ... delayed", "Delay reason:") is a delay',
      raw: () =>
        msg(
          [
            'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
            'To: sender@example.com',
            'Subject: Warning: message 1KABCD-0001Xy-5Q delayed 24 hours',
          ],
          [
            'This message was created automatically by mail delivery software.',
            'A message that you sent has not yet been delivered to one or more of its',
            'recipients after more than 24 hours on the queue on mx.example.org.',
            '',
            'The message identifier is:     1KABCD-0001Xy-5Q',
            'The subject of the message is: hello',
            'The date of the message is:    Mon, 30 Nov 2026 10:00:00 +0000',
            '',
            'The address to which the message has not yet been delivered is:',
            '',
            '  a@example.net',
            '    Delay reason: SMTP error from remote mail server after RCPT TO:<a@example.net>:',
            '    host mx.example.net [192.0.2.1]: 451 4.7.1 Greylisting in action, please come back later',
            '',
            'No action is required on your part. Delivery attempts will continue for',
            'some time, and this warning may be repeated at intervals if the message',
            'remains undelivered. Eventually the mail delivery software will give up,',
            'and when that happens, the message will be returned to you.',
          ],
        ),
      kind: 'delay',
      recipients: [['a@example.net', 'expired', 'none', '4.7.1', '451']],
    },
  ]);
});

// Exim 4.82-4.85 built with EXPERIMENTAL_DSN (deliver.c): the same text in a multipart/report, and
// a delivery-status part whose loop writes "Action: failed\nFinal-Recipient: rfc822;%s\nStatus:
// 5.0.0\n", then "Remote-MTA: dns; %s" and print_dsn_diagnostic_code()'s "Diagnostic-Code: smtp; "
// with the message from its first ": " on (here "host <name> [<ip>]: <reply>"), and no blank line
// between recipients (4.86 added it).
describe('Exim 4.82-4.85 with EXPERIMENTAL_DSN (src/src/deliver.c)', () => {
  verdictCases([
    {
      title: 'two recipients in one delivery-status group, each "Action" before its "Final-Recipient", each its own reply',
      raw: () =>
        msg(
          [
            'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
            'To: sender@example.com',
            'X-Failed-Recipients: a@example.net,',
            '  b@example.net',
            'Auto-Submitted: auto-replied',
            'Content-Type: multipart/report; report-type=delivery-status; boundary=1764583200-eximdsn-1804289383',
            'MIME-Version: 1.0',
            'Subject: Mail delivery failed: returning message to sender',
          ],
          [
            '--1764583200-eximdsn-1804289383',
            'Content-type: text/plain; charset=us-ascii',
            '',
            'This message was created automatically by mail delivery software.',
            '',
            'A message that you sent could not be delivered to one or more of its',
            'recipients. This is a permanent error. The following address(es) failed:',
            '',
            ...refused('a@example.net', '550 5.1.1 <a@example.net>... User unknown'),
            ...refused('b@example.net', '552 5.2.2 <b@example.net>... Mailbox full'),
            '',
            '--1764583200-eximdsn-1804289383',
            'Content-type: message/delivery-status',
            '',
            'Reporting-MTA: dns; mx.example.org',
            '',
            'Action: failed',
            'Final-Recipient: rfc822;a@example.net',
            'Status: 5.0.0',
            'Remote-MTA: dns; mx.example.net',
            'Diagnostic-Code: smtp; host mx.example.net [192.0.2.1]: 550 5.1.1 <a@example.net>... User unknown',
            'Action: failed',
            'Final-Recipient: rfc822;b@example.net',
            'Status: 5.0.0',
            'Remote-MTA: dns; mx.example.net',
            'Diagnostic-Code: smtp; host mx.example.net [192.0.2.1]: 552 5.2.2 <b@example.net>... Mailbox full',
            '--1764583200-eximdsn-1804289383',
            'Content-type: message/rfc822',
            '',
            ...RETURNED,
            '--1764583200-eximdsn-1804289383--',
          ],
        ),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552'],
      ],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Postfix 2.0-2.2 (bounce_notify_util.c before the 2.3 templates): "This is the Postfix program at
// host %s.", "I'm sorry to have to inform you that your message could not / be delivered to one or
// more recipients. It's attached below.", "\t\t\tThe Postfix program"; the delivery-status part
// has "Status: 5.0.0" (bounce_log.c's compatibility status) and "Diagnostic-Code: X-Postfix; %s"
// wrapped at 79 columns with a four-space indent; smtp_proto.c writes "host %s said: %s (in reply
// to %s)". The delay warning: "Delayed Mail (still being retried)" and its "####" banner.

function postfix2(
  kind: 'fail' | 'warn',
  rcpts: readonly { address: string; text: readonly string[]; diag: readonly string[] }[],
  release: '1.1' | '2.x' = '2.x',
): Buffer {
  const b = 'ABCDEF1234.1764583200/mx.example.org';
  const opening =
    kind === 'fail'
      ? release === '1.1'
        ? ["I'm sorry to have to inform you that the message returned", 'below could not be delivered to one or more destinations.']
        : ["I'm sorry to have to inform you that your message could not", "be delivered to one or more recipients. It's attached below."]
      : [
          '####################################################################',
          '# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #',
          '####################################################################',
          '',
          'Your message could not be delivered for 4.0 hours.',
          'It will be retried until it is 5.0 days old.',
        ];
  return msg(
    [
      'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
      `Subject: ${kind === 'fail' ? 'Undelivered Mail Returned to Sender' : 'Delayed Mail (still being retried)'}`,
      'To: sender@example.com',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status;',
      `\tboundary="${b}"`,
    ],
    [
      'This is a MIME-encapsulated message.',
      '',
      `--${b}`,
      'Content-Description: Notification',
      'Content-Type: text/plain',
      '',
      'This is the Postfix program at host mx.example.org.',
      '',
      ...opening,
      '',
      'For further assistance, please send mail to <postmaster>',
      '',
      'If you do so, please include this problem report. You can',
      release === '1.1'
        ? 'delete your own text from the message returned below.'
        : 'delete your own text from the attached returned message.',
      '',
      '\t\t\tThe Postfix program',
      ...rcpts.flatMap((r) => ['', ...r.text]),
      '',
      `--${b}`,
      'Content-Description: Delivery report',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'X-Postfix-Queue-ID: ABCDEF1234',
      'X-Postfix-Sender: rfc822; sender@example.com',
      'Arrival-Date: Tue,  1 Dec 2026 10:00:00 +0000 (UTC)',
      ...rcpts.flatMap((r) => [
        '',
        `Final-Recipient: rfc822; ${r.address}`,
        `Action: ${kind === 'fail' ? 'failed' : 'delayed'}`,
        `Status: ${kind === 'fail' ? '5.0.0' : '4.0.0'}`,
        ...r.diag,
        ...(kind === 'warn' ? ['Will-Retry-Until: Sun,  6 Dec 2026 10:00:00 +0000 (UTC)'] : []),
      ]),
      '',
      `--${b}`,
      'Content-Description: Undelivered Message',
      'Content-Type: message/rfc822',
      '',
      ...RETURNED,
      `--${b}--`,
    ],
  );
}

describe('Postfix 2.0-2.2 (src/bounce/bounce_notify_util.c, src/smtp/smtp_proto.c)', () => {
  verdictCases([
    {
      title: 'the reply inside "Diagnostic-Code: X-Postfix; host ... said:" wins over "Status: 5.0.0", per recipient',
      raw: () =>
        postfix2('fail', [
          {
            address: 'a@example.net',
            text: [
              '<a@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1',
              '    <a@example.net>: Recipient address rejected: User unknown in local',
              '    recipient table (in reply to RCPT TO command)',
            ],
            diag: [
              'Diagnostic-Code: X-Postfix; host mx.example.net[192.0.2.1] said: 550 5.1.1',
              '    <a@example.net>: Recipient address rejected: User unknown in local',
              '    recipient table (in reply to RCPT TO command)',
            ],
          },
          {
            address: 'b@example.net',
            text: ['<b@example.net>: host mx.example.net[192.0.2.1] said: 552 5.2.2 Mailbox full', '    (in reply to RCPT TO command)'],
            diag: [
              'Diagnostic-Code: X-Postfix; host mx.example.net[192.0.2.1] said: 552 5.2.2 Mailbox',
              '    full (in reply to RCPT TO command)',
            ],
          },
        ]),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552'],
      ],
    },
    {
      title: 'a reply with no status of its own ("550 User unknown") after RCPT TO is an unknown user, not "5.0.0" vague',
      raw: () =>
        postfix2('fail', [
          {
            address: 'a@example.net',
            text: [
              '<a@example.net>: host mx.example.net[192.0.2.1] said: 550 <a@example.net>: User',
              '    unknown (in reply to RCPT TO command)',
            ],
            diag: [
              'Diagnostic-Code: X-Postfix; host mx.example.net[192.0.2.1] said: 550',
              '    <a@example.net>: User unknown (in reply to RCPT TO command)',
            ],
          },
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.0.0', '550']],
    },
    {
      title: 'a server that refused to talk ("host ... refused to talk to me: 554") blocks the sending host',
      raw: () =>
        postfix2('fail', [
          {
            address: 'a@example.net',
            text: [
              '<a@example.net>: host mx.example.net[192.0.2.1] refused to talk to me: 554',
              '    mx.example.net ESMTP not accepting messages from 198.51.100.2',
            ],
            diag: [
              'Diagnostic-Code: X-Postfix; host mx.example.net[192.0.2.1] refused to talk to',
              '    me: 554 mx.example.net ESMTP not accepting messages from 198.51.100.2',
            ],
          },
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'blocked', 'soft', '5.0.0', '554']],
    },
    {
      // Postfix 1.1 (v1.1.0: bounce_notify_util.c, smtp_proto.c): "the message returned below could not be
      // delivered to one or more destinations", and "host %s said: %s" without the command.
      title: '1.1\'s notice ("the message returned below could not be delivered"), replies with no command named, per recipient',
      raw: () =>
        postfix2(
          'fail',
          [
            {
              address: 'a@example.net',
              text: ['<a@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.net>... User unknown'],
              diag: ['Diagnostic-Code: X-Postfix; host mx.example.net[192.0.2.1] said: 550 5.1.1', '    <a@example.net>... User unknown'],
            },
            {
              address: 'b@example.net',
              text: ['<b@example.net>: host mx.example.net[192.0.2.1] said: 552 <b@example.net>... Mailbox full'],
              diag: ['Diagnostic-Code: X-Postfix; host mx.example.net[192.0.2.1] said: 552', '    <b@example.net>... Mailbox full'],
            },
          ],
          '1.1',
        ),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '5.0.0', '552'],
      ],
    },
    {
      title: 'the postmaster\'s copy ("Postmaster Copy: Undelivered Mail", sent to postmaster) names the recipient, not the postmaster',
      raw: () =>
        Buffer.from(
          postfix2('fail', [
            {
              address: 'a@example.net',
              text: [
                '<a@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.net>:',
                '    Recipient address rejected: User unknown (in reply to RCPT TO command)',
              ],
              diag: [
                'Diagnostic-Code: X-Postfix; host mx.example.net[192.0.2.1] said: 550 5.1.1',
                '    <a@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO',
                '    command)',
              ],
            },
          ])
            .toString('latin1')
            .replace('Subject: Undelivered Mail Returned to Sender', 'Subject: Postmaster Copy: Undelivered Mail')
            .replace('To: sender@example.com', 'To: postmaster@mx.example.org'),
          'latin1',
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      title: 'the 2.x delay warning ("Delayed Mail (still being retried)", the "####" banner) is a delay',
      raw: () =>
        postfix2('warn', [
          {
            address: 'a@example.net',
            text: ['<a@example.net>: connect to mx.example.net[192.0.2.1]: Connection timed out'],
            diag: ['Diagnostic-Code: X-Postfix; connect to mx.example.net[192.0.2.1]: Connection timed', '    out'],
          },
        ]),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Sendmail 8.12 (savemail.c, errbody()): the template is 8.17's, but one of its forms is not in
// the recorded notices: the plain-text error mail (no MIME boundary: SendMimeErrors off), ending
// at "   ----- Original message follows -----", with "    (expanded from: <alias>)" under an
// address; with no delivery-status part, the status is the one Sendmail wrote in its transcript.

describe('Sendmail 8.12 (contrib/sendmail/src/savemail.c)', () => {
  verdictCases([
    {
      title: 'the plain-text error mail: the alias is no recipient; a reply with no status takes the one Sendmail wrote in its transcript',
      raw: () =>
        msg(
          [
            'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
            'To: <sender@example.com>',
            'Subject: Returned mail: see transcript for details',
            'Auto-Submitted: auto-generated (failure)',
          ],
          [
            'The original message was received at Tue, 1 Dec 2026 10:00:00 +0000',
            'from client.example.com [198.51.100.2]',
            '',
            '   ----- The following addresses had permanent fatal errors -----',
            '<a@example.net>',
            '    (reason: 550 <a@example.net>... User unknown)',
            '    (expanded from: <alias@example.org>)',
            '',
            '   ----- Transcript of session follows -----',
            '... while talking to mx.example.net.:',
            '>>> RCPT To:<a@example.net>',
            '<<< 550 <a@example.net>... User unknown',
            '550 5.1.1 <a@example.net>... User unknown',
            '',
            '   ----- Original message follows -----',
            '',
            ...RETURNED,
          ],
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
  ]);
});
