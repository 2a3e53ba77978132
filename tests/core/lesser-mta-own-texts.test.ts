// Whole notices of less common mail servers, each laid out exactly as the server's own template
// writes it, with the texts the server itself puts into it (its own words, or the remote reply
// in the form the server passes it on). What a user sees is asserted: kind, each failed
// address, reason, hard/soft, status, reply code. The reasons are Sisimai's (README of
// tests/fixtures/corpus). Sources read, one block per server below:
//   chasquid 1.18 (github:albertito/chasquid, ca2538b, 2026-06): internal/queue/dsn.go (the DSN
//     template: "Delivery of your message to the following recipient(s) failed permanently:",
//     "failed permanently with error:" with Status 5.0.0, "failed repeatedly and timed out, last
//     error:" with Status 4.0.0 and Action failed), internal/courier/smtp.go ("MAIL+RCPT %v",
//     "DATA closing %v", "all MXs returned transient failures (last: %v)", "Could not dial: %v"),
//     internal/courier/mda.go ("MDA delivery failed: %v - %q"), cmd/mda-lmtp ("Sent %q, got %v",
//     always exit 75: temporary), internal/smtpsrv/conn.go (its own replies, as a chasquid on the
//     far side sends them). Since Go 1.25.11 / 1.26.4 net/textproto quotes the reply's text
//     (chasquid commit ab2a6e7, "test: Update expected strings to Go 1.25.11/1.26.4"):
//     `550 "5.1.1 ..."`; before it the text was bare. Both forms are read the same.
//   Citadel 9.x (github:mingodad/citadel, 63a41ed, 2016): citadel/modules/smtp/serv_smtpqueue.c
//     (smtpq_do_bounce: "Delivery Status Notification (Failure)", "A message you sent could not
//     be delivered to some or all of its recipients.", "The following addresses were
//     undeliverable:", " <address>: <status message>", the give-up wording "due to prolonged
//     unavailability of its destination(s). Giving up on the following addresses:"),
//     smtp_clienthandlers.c (SMTP_VERROR: the remote reply is kept from its fifth character on:
//     the reply code is cut off, the enhanced status stays), serv_smtpeventclient.c ("Timeout
//     while connecting %s [%s]:%d", the "%ld) " numbering of every attempt's message).
//   XMail 1.27 (github:davidel/xmail): QueueUtils.cpp (QueUtBuildErrorResponse: "Error sending
//     message [...] from [...]", "[<00>] XMail bounce: Rcpt=[...];Error=[...]", "[<02>] The reason
//     of the delivery failure was:", "[<03>] Note:" with the temporary error's "** This is a
//     temporary error and you do not have to resend the message", QueUtResendMessage's "The
//     maximum number of delivery attempts has been reached"), SMAILSvr.cpp ("Unknown user \"%s\"
//     in domain \"%s\"", "Recipient domain \"%s\" does not exist (or it has a misconfigured DNS)",
//     a permanent remote reply passed as USmtpGetErrorMessage), Errors.cpp ("User maximum mailbox
//     size reached", "Message rejected by server filters").
//   Postal 3.3.6 (github:postalserver/postal): app/models/bounce_message.rb (the notice it sends
//     when a route bounces or an endpoint hard-fails: "Mail Delivery Failed (<subject>)", "The
//     message you've sent cannot be delivered.", "Rcpt To: <address>"; it names no cause).
// Left out, no template to read: Kopano's spooler (spooler/mailer.cpp SendUndeliverable) writes
// its "Undelivered Mail Returned to Sender" as a MAPI message into the sender's store, never as
// mail, so its RFC 822 form would be a guess; ZMailer's notice is assembled from forms and the
// scheduler's per-recipient fields (scheduler/msgerror.c) in ways too many to lay out from the
// source alone; Smail, MeTA1, Mercury/32, GroupWise's GWIA, Axigen and MailEnable had no source
// or vendor page quoting their notice's words that could be read here.
// No case comes from a bounce collection; every address, host and date is made up.
import { describe } from 'vitest';
import { verdictCases } from './recipient-verdicts.ts';

const RETURNED = [
  'Return-Path: <sender@example.com>',
  'Received: from client.example.com (client.example.com [198.51.100.7])',
  '\tby mail.example.org with ESMTPSA; Wed, 02 Dec 2026 09:14:03 +0000',
  'From: Sender <sender@example.com>',
  'To: a@example.net',
  'Subject: hello',
  'Date: Wed, 02 Dec 2026 09:14:00 +0000',
  'Message-ID: <hello.1@example.com>',
  '',
  'hello',
];

const lines = (...ls: readonly (string | readonly string[])[]) => Buffer.from(ls.flat().join('\n'));

// ---------------------------------------------------------------------------------------------
// chasquid: internal/queue/dsn.go's template, one "failed permanently" or "failed repeatedly
// and timed out" paragraph per recipient and a message/global-delivery-status part.

interface ChasquidRecipient {
  address: string;
  /** The address the sender wrote, when an alias led elsewhere (Recipient.OriginalAddress). */
  original?: string;
  /** queue.proto's recipient type. */
  type?: 'EMAIL' | 'PIPE';
  timedOut?: boolean;
  error: string;
}

/** dsn.go's `indent 4`: every line of an error after the first indented by four spaces. */
const indent4 = (text: string) => text.replace(/\n/g, '\n    ');

/** Gmail's reply for an address it does not have (support.google.com/a/answer/3726730), four lines. */
const GMAIL_NO_SUCH_USER = [
  '5.1.1 The email account that you tried to reach does not exist. Please try',
  "5.1.1 double-checking the recipient's email address for typos or",
  '5.1.1 unnecessary spaces. For more information, go to',
  '5.1.1  https://support.google.com/mail/?p=NoSuchUser 41be03b00d2f7-b8c5a3ee2a4si1234567a12.180 - gsmtp',
];

function chasquid(recipients: readonly ChasquidRecipient[]): Buffer {
  const boundary = 'BxXnUqA3dZc';
  const details = recipients.flatMap((r) => [
    r.timedOut
      ? `- "${r.address}" (${r.type ?? 'EMAIL'}) failed repeatedly and timed out, last error:`
      : `- "${r.address}" (${r.type ?? 'EMAIL'}) failed permanently with error:`,
    `    ${indent4(r.error)}`,
  ]);
  const ordered = [...recipients.filter((r) => !r.timedOut), ...recipients.filter((r) => r.timedOut)];
  const fields = ordered.flatMap((r) => [
    `Original-Recipient: utf-8; ${r.original ?? r.address}`,
    `Final-Recipient: utf-8; ${r.address}`,
    'Action: failed',
    `Status: ${r.timedOut ? '4.0.0' : '5.0.0'}`,
    `Diagnostic-Code: smtp; ${indent4(r.error)}`,
    '',
  ]);
  return lines(
    'From: Mail Delivery System <postmaster-dsn@example.com>',
    'To: <sender@example.com>',
    'Subject: Mail delivery failed: returning message to sender',
    'Message-ID: <chasquid-dsn-k3Jd9sQe2Lw@example.com>',
    'Date: Wed, 02 Dec 2026 10:14:03 +0000',
    'In-Reply-To: <hello.1@example.com>',
    'References: <hello.1@example.com>',
    `X-Failed-Recipients: ${recipients.map((r) => `${r.original ?? r.address}, `).join('')}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    `    boundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Disposition: inline',
    'Content-Description: Notification',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Delivery of your message to the following recipient(s) failed permanently:',
    '',
    recipients.map((r) => `  - ${r.original ?? r.address}`),
    '',
    '',
    'Technical details:',
    details,
    '',
    '',
    `--${boundary}`,
    'Content-Type: message/global-delivery-status',
    'Content-Description: Delivery Report',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Reporting-MTA: dns; example.com',
    '',
    fields,
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    'Content-Description: Undelivered Message',
    'Content-Transfer-Encoding: 8bit',
    '',
    RETURNED,
    '',
    '',
    `--${boundary}--`,
    '',
  );
}

describe("chasquid's delivery status notification (internal/queue/dsn.go)", () => {
  verdictCases([
    {
      // conn.go's own refusal at RCPT TO, as a chasquid on the far side answers; Go >= 1.25.11 quotes it.
      title:
        'a remote "550 5.1.1 Destination address is unknown" at MAIL+RCPT, its text quoted by Go\'s textproto, is an unknown user, hard',
      raw: () =>
        chasquid([{ address: 'a@example.net', error: 'MAIL+RCPT 550 "5.1.1 Destination address is unknown (user does not exist)"' }]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      title: 'the same refusal as chasquid wrote it before Go quoted the reply reads the same',
      raw: () =>
        chasquid([{ address: 'a@example.net', error: 'MAIL+RCPT 550 5.1.1 Destination address is unknown (user does not exist)' }]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      title: 'a remote "552 5.3.4 Message too big" after the data is a message too big, not a dead address',
      raw: () => chasquid([{ address: 'a@example.net', error: 'DATA closing 552 "5.3.4 Message too big"' }]),
      kind: 'bounce',
      recipients: [['a@example.net', 'mesgtoobig', 'soft', '5.3.4', '552']],
    },
    {
      // conn.go: "503 5.7.1 Relay not allowed" at RCPT TO for a domain the server does not serve.
      title: 'a remote "503 5.7.1 Relay not allowed" is a refused relay',
      raw: () => chasquid([{ address: 'a@example.net', error: 'MAIL+RCPT 503 "5.7.1 Relay not allowed"' }]),
      kind: 'bounce',
      recipients: [['a@example.net', 'norelaying', 'soft', '5.7.1', '503']],
    },
    {
      // conn.go: "550 5.7.23 SPF check failed: %v" at MAIL FROM; chasquid's courier writes MAIL and RCPT as one step.
      title: 'a remote "550 5.7.23 SPF check failed" is the sender\'s failed authentication',
      raw: () => chasquid([{ address: 'a@example.net', error: 'MAIL+RCPT 550 "5.7.23 SPF check failed: matched all"' }]),
      kind: 'bounce',
      recipients: [['a@example.net', 'authfailure', 'soft', '5.7.23', '550']],
    },
    {
      // Status 4.0.0 under Action failed: the queue's GiveUpAfter ran out with the recipient still pending.
      title: '"failed repeatedly and timed out" after refused connections is expired, soft',
      raw: () =>
        chasquid([
          {
            address: 'a@example.net',
            timedOut: true,
            error: 'all MXs returned transient failures (last: Could not dial: dial tcp 192.0.2.1:25: connect: connection refused)',
          },
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.0.0', '']],
    },
    {
      title: '"failed repeatedly and timed out" after greylisting replies is expired, not a refusal',
      raw: () =>
        chasquid([
          {
            address: 'a@example.net',
            timedOut: true,
            error: 'all MXs returned transient failures (last: MAIL+RCPT 451 "4.7.1 Greylisted, please try again later")',
          },
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.7.1', '451']],
    },
    {
      // mda-lmtp exits 75 (temporary) on every failure, so a local unknown user times out in the
      // queue; the LMTP server's reply (Dovecot's "User doesn't exist") still names the cause.
      title:
        'a local delivery through mda-lmtp that timed out on "550 5.1.1 ... User doesn\'t exist" keeps the named cause: unknown user, hard',
      raw: () =>
        chasquid([
          {
            address: 'b@example.com',
            timedOut: true,
            error:
              'MDA delivery failed: exit status 75 - "Sent \\"RCPT TO:<b@example.com>\\", got 550 \\"5.1.1 <b@example.com> User doesn\'t exist: b@example.com\\"\\n"',
          },
        ]),
      kind: 'bounce',
      recipients: [['b@example.com', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      // Go >= 1.25.11 quotes a multi-line reply's text whole, its line breaks written "\n".
      title: "Gmail's four-line NoSuchUser reply, quoted by Go on one line with its breaks escaped, is an unknown user, hard",
      raw: () => chasquid([{ address: 'a@example.net', error: `MAIL+RCPT 550 "${GMAIL_NO_SUCH_USER.join('\\n')}"` }]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      // Before Go quoted it, textproto joined the lines with real breaks; dsn.go indents them.
      title: 'the same reply as chasquid wrote it before Go quoted it, one line each, reads the same',
      raw: () => chasquid([{ address: 'a@example.net', error: `MAIL+RCPT 550 ${GMAIL_NO_SUCH_USER.join('\n')}` }]),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      // Gmail's 452 4.2.2 (support.google.com/a/answer/3726730) until the queue gave up: the
      // full mailbox is a cause the server named about the mailbox (rules/README.md, rule 3).
      title: '"failed repeatedly and timed out" on a full mailbox keeps the named cause: mailbox full, soft',
      raw: () =>
        chasquid([
          {
            address: 'a@example.net',
            timedOut: true,
            error:
              'all MXs returned transient failures (last: MAIL+RCPT 452 "4.2.2 The recipient\'s inbox is out of storage space. Please direct\\n4.2.2 the recipient to\\n4.2.2  https://support.google.com/mail/?p=OverQuotaTemp 41be03b00d2f7-b8c5a3ee2a4si1234567a12.181 - gsmtp")',
          },
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'mailboxfull', 'soft', '4.2.2', '452']],
    },
    {
      // An alias (chasquid's aliases file: "sales: bob@example.net") sent the message on; the
      // notice lists the address the sender wrote, its report the one that failed.
      title: 'an alias that led to a remote unknown user: the address that failed is reported, unknown user, hard',
      raw: () =>
        chasquid([
          {
            address: 'bob@example.net',
            original: 'sales@example.com',
            error: 'MAIL+RCPT 550 "5.1.1 Destination address is unknown (user does not exist)"',
          },
        ]),
      kind: 'bounce',
      recipients: [['bob@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      // queue.go deliver(): a pipe alias ("sales: | /usr/local/bin/handler") fails for good with
      // exec's error ("exit status 1"); the recipient's address is the command.
      title: 'a pipe alias whose command exited 1 is a mailer error under the address the sender wrote',
      raw: () => chasquid([{ address: '/usr/local/bin/handler', original: 'sales@example.com', type: 'PIPE', error: 'exit status 1' }]),
      kind: 'bounce',
      recipients: [['sales@example.com', 'mailererror', 'soft', '5.0.0', '']],
    },
    {
      title: 'two recipients, one refused for good and one timed out, each read from its own paragraph',
      raw: () =>
        chasquid([
          { address: 'a@example.net', error: 'MAIL+RCPT 550 "5.1.1 Destination address is unknown (user does not exist)"' },
          {
            address: 'c@example.org',
            timedOut: true,
            error: 'all MXs returned transient failures (last: Could not dial: dial tcp 203.0.113.5:25: i/o timeout)',
          },
        ]),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['c@example.org', 'expired', 'soft', '4.0.0', ''],
      ],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Citadel: smtpq_do_bounce() in serv_smtpqueue.c. The bounce is a Citadel message whose text
// starts with its own MIME header lines; Citadel's RFC 822 output puts its header fields
// (msgbase.c: 'From: "%s" <%s@%s>', the author "Citadel") above them.

function citadel(entries: readonly string[], giveUp = false): Buffer {
  const boundary = '=_Citadel_Multipart_mail.example.com_1a2b0003';
  return lines(
    'Date: Wed, 2 Dec 2026 10:14:03 +0000',
    'From: "Citadel" <Citadel@mail.example.com>',
    'Subject: Delivery Status Notification (Failure)',
    'To: sender@example.com',
    'Message-ID: <a1b2c3d4/Citadel@mail.example.com>',
    `Content-type: multipart/mixed; boundary="${boundary}"`,
    'MIME-Version: 1.0',
    'X-Mailer: Citadel 917',
    '',
    'This is a multipart message in MIME format.',
    '',
    `--${boundary}`,
    'Content-type: text/plain',
    '',
    giveUp
      ? [
          'A message you sent could not be delivered to some or all of its recipients',
          'due to prolonged unavailability of its destination(s).',
          'Giving up on the following addresses:',
          '',
        ]
      : ['A message you sent could not be delivered to some or all of its recipients.', 'The following addresses were undeliverable:', ''],
    entries.map((e) => ` ${e}`),
    '',
    `--${boundary}`,
    'Content-type: message/rfc822',
    'Content-Transfer-Encoding: 7bit',
    'Content-Disposition: inline',
    '',
    RETURNED,
    `--${boundary}--`,
    '',
  );
}

describe("Citadel's bounce (serv_smtpqueue.c, smtp_clienthandlers.c)", () => {
  verdictCases([
    {
      // SMTP_VERROR keeps the reply from its fifth character: "550 " is gone, "5.1.1" stays.
      title: 'a remote RCPT refusal with its reply code cut off ("a@b: 5.1.1 <a@b>: ... User unknown") is an unknown user, hard',
      raw: () => citadel(['a@example.net: 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table']),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '']],
    },
    {
      title: 'a remote "5.2.2 ... mailbox full" with its reply code cut off is a full mailbox, soft',
      raw: () => citadel(['a@example.net: 5.2.2 <a@example.net>: user is over quota']),
      kind: 'bounce',
      recipients: [['a@example.net', 'mailboxfull', 'soft', '5.2.2', '']],
    },
    {
      // The notice never names the SMTP command, so an unknown-user wording with no code of the
      // addressing class is read as after DATA, Sisimai's rule (rules/README.md, rule 6).
      title: 'a remote refusal with neither code nor status ("No such user here"), no command named: filtered, not hard',
      raw: () => citadel(['a@example.net: No such user here']),
      kind: 'bounce',
      recipients: [['a@example.net', 'filtered', 'soft', '5.0.0', '']],
    },
    {
      // serv_smtpeventclient.c: every attempt's message numbered "%ld) " and joined with "; ".
      title: 'the give-up notice after timed-out connections ("prolonged unavailability") is expired, soft',
      raw: () =>
        citadel(
          [
            'a@example.net: 1) Timeout while connecting mx.example.net [192.0.2.1]:25 ; 2) Timeout while connecting mx.example.net [192.0.2.1]:25 ; ',
          ],
          true,
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      // serv_smtpeventclient.c SMTP_C_ConnFail and SMTP_C_Timeout: "Connection failure: %s while
      // talking to %s", "Timeout: %s while talking to %s", with smtp_clienthandlers.c's ReadErrors.
      title: 'the give-up notice after broken connections ("Connection failure: Connection broken during SMTP ...") is expired, soft',
      raw: () =>
        citadel(
          [
            'a@example.net: 1) Connection failure: Connection broken during SMTP conversation while talking to mx.example.net; 2) Timeout: Connection broken during SMTP RCPT while talking to mx.example.net; ',
          ],
          true,
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: 'two addresses, each read from its own line',
      raw: () =>
        citadel([
          'a@example.net: 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
          'c@example.org: 5.7.1 Service unavailable; client host [198.51.100.7] blocked using zen.spamhaus.org',
        ]),
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', ''],
        ['c@example.org', 'blocked', 'soft', '5.7.1', ''],
      ],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// XMail: QueUtBuildErrorResponse() in QueueUtils.cpp, one notice per recipient.

function xmail(rcpt: string, reason: string, opts: { server?: string; note?: readonly string[] } = {}): Buffer {
  return lines(
    'Date:   Wed, 2 Dec 2026 10:14:03 +0000',
    'X-MessageId: <1733134443124.2d8f.mail.example.com>',
    'X-SmtpMessageId: <S1A2B3C4D5E6F7@mail.example.com>',
    'From: example.com PostMaster <postmaster@example.com>',
    'To: sender@example.com',
    'Subject: Error sending message [1733134443124.2d8f.mail.example.com] from [example.com]',
    'X-MailerServer: XMail 1.27',
    'X-SMTP-Mailer-Error: Message = [1733134443124.2d8f.mail.example.com] Server = [example.com]',
    '',
    `[<00>] XMail bounce: Rcpt=[${rcpt}];Error=[${reason}]`,
    '',
    '',
    '[<01>] Error sending message [1733134443124.2d8f.mail.example.com] from [example.com].',
    '',
    'ID:        <S1A2B3C4D5E6F7@mail.example.com>',
    'Mail From: <sender@example.com>',
    `Rcpt To:   <${rcpt}>`,
    opts.server ? [`Server:    <${opts.server}> [192.0.2.1]`] : [],
    '',
    '',
    '[<02>] The reason of the delivery failure was:',
    '',
    reason,
    '',
    '',
    opts.note ? ['[<03>] Note:', '', ...opts.note, '', ''] : [],
    '[<05>] Here is listed the initial part of the message:',
    '',
    RETURNED,
    '',
  );
}

describe("XMail's error notice (QueueUtils.cpp, SMAILSvr.cpp)", () => {
  verdictCases([
    {
      title: "a remote server's permanent RCPT refusal passed on whole is an unknown user, hard",
      raw: () =>
        xmail('a@example.net', '550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table', {
          server: 'mx.example.net',
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      title: "a remote server's 552 5.2.2 passed on whole is a full mailbox, soft",
      raw: () =>
        xmail('a@example.net', '552 5.2.2 <a@example.net>: Recipient address rejected: Mailbox full', { server: 'mx.example.net' }),
      kind: 'bounce',
      recipients: [['a@example.net', 'mailboxfull', 'soft', '5.2.2', '552']],
    },
    {
      // SMAILSvr.cpp: a local domain of the server has no such account.
      title: 'its own "Unknown user "x" in domain "y"" is an unknown user, hard',
      raw: () => xmail('nobody@example.com', 'Unknown user "nobody" in domain "example.com"'),
      kind: 'bounce',
      recipients: [['nobody@example.com', 'userunknown', 'hard', '5.0.0', '']],
    },
    {
      // SMAILSvr.cpp: a fatal DNS error (NXDOMAIN) for the recipient's domain.
      title: 'its own "Recipient domain "x" does not exist (or it has a misconfigured DNS)" is an unknown host, hard',
      raw: () => xmail('a@nonexistent.example', 'Recipient domain "nonexistent.example" does not exist (or it has a misconfigured DNS)'),
      kind: 'bounce',
      recipients: [['a@nonexistent.example', 'hostunknown', 'hard', '5.0.0', '']],
    },
    {
      // Errors.cpp ERR_MAILBOX_SIZE, sent when a local account's storage policy refuses the message.
      title: 'its own "User maximum mailbox size reached" is a full mailbox, soft',
      raw: () => xmail('b@example.com', 'User maximum mailbox size reached'),
      kind: 'bounce',
      recipients: [['b@example.com', 'mailboxfull', 'soft', '5.0.0', '']],
    },
    {
      // Errors.cpp ERR_FILTERED_MESSAGE: an inbound filter script exited with the reject code.
      title: 'its own "Message rejected by server filters" is filtered, soft',
      raw: () => xmail('b@example.com', 'Message rejected by server filters'),
      kind: 'bounce',
      recipients: [['b@example.com', 'filtered', 'soft', '5.0.0', '']],
    },
    {
      // QueueUtils.cpp QueUtResendMessage(): the spool file expired.
      title: 'its own "The maximum number of delivery attempts has been reached" is expired, soft',
      raw: () => xmail('a@example.net', 'The maximum number of delivery attempts has been reached'),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      // SMAILSvr.cpp: the temporary-error notice, the same layout with the note under "[<03>] Note:".
      title: 'its temporary-error notice ("** This is a temporary error and you do not have to resend the message") is a delay',
      raw: () =>
        xmail('a@example.net', '451 4.7.1 <a@example.net>: Recipient address rejected: Greylisted, try again later', {
          server: 'mx.example.net',
          note: [
            '** This is a temporary error and you do not have to resend the message',
            '** The system tried to send the message at      : Wed, 2 Dec 2026 10:14:03 +0000',
            '** The current number of delivery attempts is   : 2',
            '** The system will try to resend the message at : Wed, 2 Dec 2026 10:44:03 +0000',
          ],
        }),
      kind: 'delay',
      recipients: [['a@example.net', 'expired', 'none', '4.7.1', '451']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Postal: app/models/bounce_message.rb, written by the Mail gem (a text part and the original
// message attached as "Original Message.eml").

function postal(route: string, rcpt: string): Buffer {
  const boundary = '--==_mimepart_6756f2a3b1c4d_1f2e3d4c5b6a7';
  return lines(
    'Date: Wed, 02 Dec 2026 10:14:03 +0000',
    `From: Mail Delivery Service <${route}>`,
    'To: sender@example.com',
    'Message-ID: <2f9c1a7e-4b3d-4e8a-9c1f-0a1b2c3d4e5f@psrp.example.org>',
    'Subject: Mail Delivery Failed (hello)',
    'Mime-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"; charset=UTF-8`,
    'Content-Transfer-Encoding: 7bit',
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    `This is the mail delivery service responsible for delivering mail to ${route}.`,
    '',
    "The message you've sent cannot be delivered. Your original message is attached to this message.",
    '',
    'For further assistance please contact postmaster@example.org. Please include the details below to help us identify the issue.',
    '',
    'Message Token: Xk3f9QbT2pLz@Ab12Cd',
    'Orginal Message ID: <hello.1@example.com>',
    'Mail from: sender@example.com',
    `Rcpt To: ${rcpt}`,
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822; filename="Original Message.eml"',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Disposition: attachment; filename="Original Message.eml"',
    'Content-ID: <6756f2a3c2e1f_1f2e3d4c5b6a7@psrp.example.org>',
    '',
    RETURNED,
    '',
    `--${boundary}--`,
    '',
  );
}

describe("Postal's bounce message (app/models/bounce_message.rb)", () => {
  verdictCases([
    {
      // The notice names no cause at all: the route bounced, or the endpoint hard-failed. A
      // wildcard route ("*", route.rb) signs the notice "*@<domain>" (Route#description).
      title: 'its notice from a wildcard route names the recipient on "Rcpt To:" and no cause: on hold, never hard',
      raw: () => postal('*@example.org', 'support@example.org'),
      kind: 'bounce',
      recipients: [['support@example.org', 'onhold', 'soft', '5.0.0', '']],
    },
    {
      // A route named "support" signs the notice with the very address that failed.
      title: 'its notice from a named route, signed with the failed address itself, still names that address',
      raw: () => postal('support@example.org', 'support@example.org'),
      kind: 'bounce',
      recipients: [['support@example.org', 'onhold', 'soft', '5.0.0', '']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// The same notices with the parties renamed (tools/corpus/invariance.ts, "names"): every domain
// and local part of the notice gets other letters, and the answers move with the addresses only.

function renamed(raw: Buffer): Buffer {
  return Buffer.from(
    raw
      .toString('latin1')
      .replace(/example\.(com|net|org)/g, (_m, tld: string) => `qzvrtm-${tld}.test`)
      .replace(/\b(a|b|c|nobody|support|sender|postmaster)@/g, (_m, local: string) => `x${local}w@`)
      .replace(/"(nobody)" in domain/g, '"xnobodyw" in domain'),
    'latin1',
  );
}

describe('the same notices with the parties renamed read the same', () => {
  verdictCases([
    {
      title: "chasquid's two-recipient notice",
      raw: () =>
        renamed(
          chasquid([
            { address: 'a@example.net', error: 'MAIL+RCPT 550 "5.1.1 Destination address is unknown (user does not exist)"' },
            {
              address: 'c@example.org',
              timedOut: true,
              error: 'all MXs returned transient failures (last: Could not dial: dial tcp 203.0.113.5:25: i/o timeout)',
            },
          ]),
        ),
      kind: 'bounce',
      recipients: [
        ['xaw@qzvrtm-net.test', 'userunknown', 'hard', '5.1.1', '550'],
        ['xcw@qzvrtm-org.test', 'expired', 'soft', '4.0.0', ''],
      ],
    },
    {
      title: "XMail's unknown user in one of its domains",
      raw: () => renamed(xmail('nobody@example.com', 'Unknown user "nobody" in domain "example.com"')),
      kind: 'bounce',
      recipients: [['xnobodyw@qzvrtm-com.test', 'userunknown', 'hard', '5.0.0', '']],
    },
    {
      title: "Postal's notice from a named route",
      raw: () => renamed(postal('support@example.org', 'support@example.org')),
      kind: 'bounce',
      recipients: [['xsupportw@qzvrtm-org.test', 'onhold', 'soft', '5.0.0', '']],
    },
    {
      title: "Citadel's two-address notice",
      raw: () =>
        renamed(
          citadel([
            'a@example.net: 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
            'c@example.org: 5.2.2 <c@example.org>: user is over quota',
          ]),
        ),
      kind: 'bounce',
      recipients: [
        ['xaw@qzvrtm-net.test', 'userunknown', 'hard', '5.1.1', ''],
        ['xcw@qzvrtm-org.test', 'mailboxfull', 'soft', '5.2.2', ''],
      ],
    },
  ]);
});
