// The texts Sendmail and Exim write themselves into a bounce or a delay warning (not a remote
// server's reply): one notice per text, in the MTA's own template layout, with the status the
// MTA sends it with. What the recorded notices (tests/fixtures/mta-notices/{sendmail,exim})
// already hold is not repeated here.
// Sources read:
//   Sendmail 8.17/8.18 (github:freebsd/freebsd-src contrib/sendmail/src): sysexits.c (SysExMsg:
//     "501 Data format error", "550 Host unknown", "554 Service unavailable", "550 Can't create
//     output", "554 Remote protocol error", "554 Local configuration error"), err.c
//     (sm_errstring: "Connection refused by %s", "<strerror> with %s", "Connection reset by %s",
//     "Host %s is down", "Name server: %s: host not found" / "host name lookup failure" / "no
//     data known"),
//     deliver.c (giveresponse: "Host unknown (%s)", "Deferred: %s"; "Too many hops %d (%d max)"
//     with 5.4.6; "552 Message is too large; %ld bytes max" with 5.2.3 for a local mailer and
//     5.3.4 otherwise), domain.c (getmxrr: "MX list for %s points back to %s", EX_CONFIG),
//     conf.c (host_map_lookup: "851 %s: Name server timeout"), envelope.c (dropenvelope:
//     "Message could not be delivered for %s", "Message will be deleted from queue", status
//     4.4.7; "Delivery time (%lds) expired", 5.4.7), parseaddr.c (prescan(): "553 Unbalanced '<'", usrerr()'s default 5.0.0),
//     alias.c ("alias database unavailable"), usersmtp.c ("451 4.4.1 reply: read error from %s"),
//     srvrsmtp.c ("452 4.4.5 Insufficient disk space; try again later"), cf/m4/proto.m4 (the access
//     map's REJECT: "550 Mailbox disabled for this recipient", 5.2.1), savemail.c (errbody: the
//     template; returntosender()'s default "Unable to deliver mail").
//   Exim 4.98 (github:Exim/exim exim-4.98, src/src): deliver.c (the bounce and warning templates,
//     print_address_error(): only a message with af_pass_message or a user_message is written,
//     the DSN part's "Status: 5.0.0" / "4.0.0"), route.c ("Unrouteable address"),
//     configure.default (the localuser router's cannot_route_message "Unknown user"),
//     routers/dnslookup.c ("all relevant MX records point to non-existent hosts" and its "or
//     (invalidly) to IP addresses", "an MX or SRV record indicated no SMTP service", "host lookup
//     did not complete"), routers/rf_self_action.c ("remote host address is the local host",
//     "lowest numbered MX record points to local host"), transports/smtp.c ("all hosts for '%s'
//     have been failing for a long time (and retry time not reached)" / "and were last tried
//     after this message arrived", "message has lines too long for transport"),
//     transports/appendfile.c (user_message "mailbox is full"), transports/pipe.c (user_message
//     "local delivery failed"), retry.c (": retry timeout exceeded"), receive.c (Exim's own SMTP
//     reply "550 Too many \"Received\" headers - suspected mail loop").
// Exim texts with no case here because Exim 4.98 never writes them into a notice (they set
// addr->message without af_pass_message and no user_message, so print_address_error() and the
// DSN part skip them; the bounce says only "retry timeout exceeded" or nothing): "SMTP timeout
// after ...", "Remote host closed connection in response to ...", "TLS session: ...", "Connection
// timed out", "Child process of %s transport returned %d" (the sender sees "local delivery
// failed"), "message is too big (transport limit = %d)", "delivery to file forbidden", "delivery
// to pipe forbidden", "error in redirect file: malformed address: ...", "frozen by filter", the
// log's "R=... T=..." and "retry time not reached for any host after a long failure period"
// (Exim 4.69-4.8x only: mta-template-versions.test.ts).
// No case comes from a bounce collection.
import { describe } from 'vitest';
import { verdictCases } from './recipient-verdicts.ts';

const RETURNED = [
  'Return-Path: <sender@example.com>',
  'From: Sender <sender@example.com>',
  'To: a@example.net',
  'Subject: hello',
  'Message-ID: <hello.1@example.com>',
  '',
  'hello',
  '',
];

// ---------------------------------------------------------------------------------------------
// Sendmail 8.17/8.18: savemail.c's errbody() around the recipients and the transcript, and its
// delivery-status part ("Final-Recipient: RFC822; ...", "Action:", "Status:", "Remote-MTA:",
// "Diagnostic-Code:", "Last-Attempt-Date:").

const SM_BOUNDARY = '6B2AbC01000123.1796186505/mx.example.org';

interface SendmailNotice {
  subject?: string;
  warning?: boolean;
  /** The lines under "The following addresses had permanent fatal errors". */
  failed?: readonly string[];
  transcript: readonly string[];
  /** One delivery-status group per recipient, after "Final-Recipient: RFC822; <address>". */
  groups: readonly (readonly string[])[];
}

function sendmail(n: SendmailNotice): Buffer {
  const banner = n.warning
    ? [
        '    **********************************************',
        '    **      THIS IS A WARNING MESSAGE ONLY      **',
        '    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **',
        '    **********************************************',
        '',
      ]
    : [];
  return Buffer.from(
    [
      'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
      'To: <sender@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status;',
      `\tboundary="${SM_BOUNDARY}"`,
      `Subject: ${n.subject ?? (n.warning ? 'Warning: could not send message for past 4 hours' : 'Returned mail: see transcript for details')}`,
      `Auto-Submitted: auto-generated (${n.warning ? 'warning' : 'failure'})`,
      '',
      'This is a MIME-encapsulated message',
      '',
      `--${SM_BOUNDARY}`,
      '',
      ...banner,
      'The original message was received at Tue, 1 Dec 2026 10:00:00 +0000',
      'from client.example.com [198.51.100.2]',
      '',
      ...(n.failed ? ['   ----- The following addresses had permanent fatal errors -----', ...n.failed, ''] : []),
      '   ----- Transcript of session follows -----',
      ...n.transcript,
      '',
      `--${SM_BOUNDARY}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'Arrival-Date: Tue, 1 Dec 2026 10:00:00 +0000',
      '',
      ...n.groups.flatMap((g) => [...g, 'Last-Attempt-Date: Sun, 6 Dec 2026 10:00:00 +0000', '']),
      `--${SM_BOUNDARY}`,
      'Content-Type: message/rfc822',
      '',
      ...RETURNED,
      `--${SM_BOUNDARY}--`,
      '',
    ].join('\n'),
  );
}

/** A recipient's delivery-status group. */
const smGroup = (address: string, action: string, status: string, ...rest: string[]) => [
  `Final-Recipient: RFC822; ${address}`,
  `Action: ${action}`,
  `Status: ${status}`,
  ...rest,
];

/** envelope.c's lines when the queue return time ran out (Timeout.queuereturn, 5 days). */
const SM_EXPIRED = ['Message could not be delivered for 5 days', 'Message will be deleted from queue'];

/** A remote recipient still deferred when the queue return time ran out, with its last error. */
const smExpired = (deferred: string, status = '4.4.7', subject?: string): Buffer =>
  sendmail({
    subject,
    failed: ['<a@example.net>'],
    transcript: [`<a@example.net>... Deferred: ${deferred}`, ...SM_EXPIRED],
    groups: [smGroup('a@example.net', 'failed', status, 'Remote-MTA: DNS; mx.example.net')],
  });

/** A local program (prog mailer) that exited with a sysexits.h code Sendmail names. */
const smProgram = (code: string, status: string, text: string): Buffer =>
  sendmail({
    failed: ['"|/usr/local/bin/import"', `    (reason: ${code} ${status} ${text})`, '    (expanded from: <a@example.org>)'],
    transcript: [`${code} ${status} ${text}`],
    groups: [
      [
        'Original-Recipient: rfc822;a@example.org',
        'Final-Recipient: RFC822; a@example.org',
        'X-Actual-Recipient: X-Unix; |/usr/local/bin/import',
        'Action: failed',
        `Status: ${status}`,
        `Diagnostic-Code: X-Unix; ${code} ${status} ${text}`,
      ],
    ],
  });

describe('Sendmail 8.17/8.18: its own texts (sysexits.c, err.c, deliver.c, domain.c, conf.c, envelope.c, parseaddr.c, alias.c)', () => {
  verdictCases([
    {
      title: '"Host unknown (Name server: <domain>: host not found)" with 5.1.2 is an unknown host, hard',
      raw: () =>
        sendmail({
          failed: ['<a@nohost.example.net>', '    (reason: 550 Host unknown)'],
          transcript: ['550 5.1.2 <a@nohost.example.net>... Host unknown (Name server: nohost.example.net: host not found)'],
          groups: [
            smGroup(
              'a@nohost.example.net',
              'failed',
              '5.1.2',
              'Remote-MTA: DNS; nohost.example.net',
              'Diagnostic-Code: SMTP; 550 Host unknown',
            ),
          ],
        }),
      kind: 'bounce',
      recipients: [['a@nohost.example.net', 'hostunknown', 'hard', '5.1.2', '550']],
    },
    {
      title:
        '"Host unknown (Name server: <domain>: no data known)" under returntosender()\'s default subject "Unable to deliver mail" is an unknown host',
      raw: () =>
        sendmail({
          subject: 'Returned mail: Unable to deliver mail',
          failed: ['<a@example.net>', '    (reason: 550 Host unknown)'],
          transcript: ['550 5.1.2 <a@example.net>... Host unknown (Name server: example.net: no data known)'],
          groups: [smGroup('a@example.net', 'failed', '5.1.2', 'Remote-MTA: DNS; example.net', 'Diagnostic-Code: SMTP; 550 Host unknown')],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'hostunknown', 'hard', '5.1.2', '550']],
    },
    {
      title:
        '"Deferred: Name server: <domain>: host name lookup failure" until the queue return time is a temporary DNS failure, never an unknown host',
      raw: () => smExpired('Name server: example.net.: host name lookup failure', '4.4.3'),
      kind: 'bounce',
      recipients: [['a@example.net', 'networkerror', 'soft', '4.4.3', '']],
    },
    {
      title: 'host_map_lookup\'s "<domain>: Name server timeout" until the queue return time is soft, never an unknown host',
      raw: () =>
        sendmail({
          failed: ['<a@example.net>'],
          transcript: ['451 example.net: Name server timeout', ...SM_EXPIRED],
          groups: [smGroup('a@example.net', 'failed', '4.4.7')],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'networkerror', 'soft', '4.4.7', '451']],
    },
    {
      title: 'the delay warning for "host name lookup failure" is a delay, never an unknown host',
      raw: () =>
        sendmail({
          warning: true,
          transcript: [
            '<a@example.net>... Deferred: Name server: example.net.: host name lookup failure',
            'Warning: message still undelivered after 4 hours',
            'Will keep trying until message is 5 days old',
          ],
          groups: [smGroup('a@example.net', 'delayed', '4.4.3')],
        }),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.4.3', '']],
    },
    {
      title: '"Deferred: Connection timed out with <host>" until the queue return time is expired',
      raw: () => smExpired('Connection timed out with mx.example.net.'),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.7', '']],
    },
    {
      title: 'the BSD wording "Deferred: Operation timed out with <host>" until the queue return time is expired',
      raw: () => smExpired('Operation timed out with mx.example.net.'),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.7', '']],
    },
    {
      title: '"reply: read error from <host>" and "Deferred: Connection reset by <host>" until the queue return time is expired',
      raw: () =>
        sendmail({
          failed: ['<a@example.net>'],
          transcript: [
            '... while talking to mx.example.net.:',
            '>>> DATA',
            '451 4.4.1 reply: read error from mx.example.net.',
            '<a@example.net>... Deferred: Connection reset by mx.example.net.',
            ...SM_EXPIRED,
          ],
          groups: [smGroup('a@example.net', 'failed', '4.4.7', 'Remote-MTA: DNS; mx.example.net')],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.1', '451']],
    },
    {
      title: '"Deferred: Host <host> is down" until the queue return time is expired',
      raw: () => smExpired('Host mx.example.net is down'),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.7', '']],
    },
    {
      title: '"Deferred: No route to host" until the queue return time is expired',
      raw: () => smExpired('No route to host'),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.7', '']],
    },
    {
      title: 'the subject "Returned mail: Cannot send message for 5 days" over a refused connection is expired',
      raw: () => smExpired('Connection refused by mx.example.net.', '4.4.7', 'Returned mail: Cannot send message for 5 days'),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.7', '']],
    },
    {
      title: 'DELIVERBY\'s "Delivery time (<n>s) expired" with 5.4.7 is expired, soft',
      raw: () =>
        sendmail({
          failed: ['<a@example.net>'],
          transcript: [
            '<a@example.net>... Deferred: Connection refused by mx.example.net.',
            'Delivery time (600s) expired',
            'Message will be deleted from queue',
          ],
          groups: [smGroup('a@example.net', 'failed', '5.4.7', 'Remote-MTA: DNS; mx.example.net')],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.4.7', '']],
    },
    {
      title: 'the delay warning for "Deferred: Connection refused by <host>" is a delay',
      raw: () =>
        sendmail({
          warning: true,
          transcript: [
            '<a@example.net>... Deferred: Connection refused by mx.example.net.',
            'Warning: message still undelivered after 4 hours',
            'Will keep trying until message is 5 days old',
          ],
          groups: [smGroup('a@example.net', 'delayed', '4.4.1', 'Remote-MTA: DNS; mx.example.net')],
        }),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.4.1', '']],
    },
    {
      title: '"Too many hops <n> (<max> max)" with 5.4.6 is a routing loop, a network error',
      raw: () =>
        sendmail({
          failed: ['<a@example.net>'],
          transcript: ['554 5.4.6 Too many hops 26 (25 max): from <sender@example.com> via relay.example.com, to <a@example.net>'],
          groups: [smGroup('a@example.net', 'failed', '5.4.6')],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'networkerror', 'soft', '5.4.6', '554']],
    },
    {
      title: '"MX list for <domain> points back to <host>" and "Local configuration error" with 5.3.5 is a system error',
      raw: () =>
        sendmail({
          failed: ['<a@example.net>', '    (reason: 554 5.3.5 Local configuration error)'],
          transcript: [
            '554 5.3.5 MX list for example.net. points back to mx.example.org',
            '554 5.3.5 <a@example.net>... Local configuration error',
          ],
          groups: [smGroup('a@example.net', 'failed', '5.3.5')],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.3.5', '554']],
    },
    {
      title: '"config error: mail loops back to me (MX problem?)" with 5.3.5 is a system error',
      raw: () =>
        sendmail({
          failed: ['<a@example.net>', '    (reason: 554 5.3.5 Local configuration error)'],
          transcript: [
            '553 5.3.5 mx.example.org. config error: mail loops back to me (MX problem?)',
            '554 5.3.5 <a@example.net>... Local configuration error',
          ],
          groups: [smGroup('a@example.net', 'failed', '5.3.5')],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.3.5', '554']],
    },
    {
      title: 'a program that exited EX_UNAVAILABLE ("554 5.0.0 Service unavailable", X-Unix) is a mailer error',
      raw: () => smProgram('554', '5.0.0', 'Service unavailable'),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailererror', 'soft', '5.0.0', '554']],
    },
    {
      title: 'a program that exited EX_DATAERR ("501 5.6.0 Data format error", X-Unix) is a mailer error',
      raw: () => smProgram('501', '5.6.0', 'Data format error'),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailererror', 'soft', '5.6.0', '501']],
    },
    {
      title: 'a program that exited EX_PROTOCOL ("554 5.5.0 Remote protocol error", X-Unix) is a mailer error',
      raw: () => smProgram('554', '5.5.0', 'Remote protocol error'),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailererror', 'soft', '5.5.0', '554']],
    },
    {
      title: 'a file Sendmail\'s file mailer cannot write ("Can\'t create output: Permission denied") is a mailer error',
      raw: () =>
        sendmail({
          failed: ['/var/spool/archive/mbox', '    (expanded from: <a@example.org>)'],
          transcript: ["550 5.0.0 /var/spool/archive/mbox... Can't create output: Permission denied"],
          groups: [
            [
              'Original-Recipient: rfc822;a@example.org',
              'Final-Recipient: RFC822; a@example.org',
              'X-Actual-Recipient: rfc822; /var/spool/archive/mbox@mx.example.org',
              'Action: failed',
              'Status: 5.0.0',
            ],
          ],
        }),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailererror', 'soft', '5.0.0', '']],
    },
    {
      title: "parseaddr.c's \"Unbalanced '<'\" is an address broken in the command, never an unknown one",
      raw: () =>
        sendmail({
          failed: ['<a@example.net', "    (reason: 553 5.0.0 <a@example.net... Unbalanced '<')"],
          transcript: ["553 5.0.0 <a@example.net... Unbalanced '<'"],
          groups: [smGroup('a@example.net', 'failed', '5.0.0')],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'syntaxerror', 'soft', '5.0.0', '553']],
    },
    {
      title: 'the access map\'s REJECT ("550 5.2.1 ... Mailbox disabled for this recipient") at RCPT is a disabled mailbox',
      raw: () =>
        sendmail({
          failed: ['<a@example.net>', '    (reason: 550 5.2.1 <a@example.net>... Mailbox disabled for this recipient)'],
          transcript: [
            '... while talking to mx.example.net.:',
            '>>> RCPT To:<a@example.net>',
            '<<< 550 5.2.1 <a@example.net>... Mailbox disabled for this recipient',
            '550 5.2.1 <a@example.net>... Mailbox disabled for this recipient',
          ],
          groups: [
            smGroup(
              'a@example.net',
              'failed',
              '5.2.1',
              'Remote-MTA: DNS; mx.example.net',
              'Diagnostic-Code: SMTP; 550 5.2.1 <a@example.net>... Mailbox disabled for this recipient',
            ),
          ],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'suspend', 'soft', '5.2.1', '550']],
    },
    {
      title: '"552 Message is too large; <n> bytes max" with 5.3.4 (a remote mailer\'s limit) is a message too big',
      raw: () =>
        sendmail({
          failed: ['<a@example.net>'],
          transcript: ['552 5.3.4 Message is too large; 10485760 bytes max'],
          groups: [smGroup('a@example.net', 'failed', '5.3.4')],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'mesgtoobig', 'soft', '5.3.4', '552']],
    },
    {
      title: '"552 Message is too large; <n> bytes max" with 5.2.3 (the local mailer\'s limit) is over the mailbox\'s limit',
      raw: () =>
        sendmail({
          failed: ['<a@example.org>'],
          transcript: ['552 5.2.3 Message is too large; 10485760 bytes max'],
          groups: [smGroup('a@example.org', 'failed', '5.2.3')],
        }),
      kind: 'bounce',
      recipients: [['a@example.org', 'exceedlimit', 'soft', '5.2.3', '552']],
    },
    {
      title: 'a remote Sendmail\'s "452 4.4.5 Insufficient disk space; try again later" in a delay warning is a full system',
      raw: () =>
        sendmail({
          warning: true,
          transcript: [
            '... while talking to mx.example.net.:',
            '>>> MAIL From:<sender@example.com> SIZE=1843',
            '<<< 452 4.4.5 Insufficient disk space; try again later',
            '<a@example.net>... Deferred: 452 4.4.5 Insufficient disk space; try again later',
            'Warning: message still undelivered after 4 hours',
            'Will keep trying until message is 5 days old',
          ],
          groups: [
            smGroup(
              'a@example.net',
              'delayed',
              '4.4.5',
              'Remote-MTA: DNS; mx.example.net',
              'Diagnostic-Code: SMTP; 452 4.4.5 Insufficient disk space; try again later',
            ),
          ],
        }),
      kind: 'delay',
      recipients: [['a@example.net', 'systemfull', 'none', '4.4.5', '452']],
    },
    {
      // Sendmail's own expiry words stand in its transcript, not in the server's reply the
      // report quotes: the server's named cause decides (rule 3 asks the recipient's diagnostic).
      title: 'the same "Insufficient disk space" until the queue return time keeps the server\'s cause, soft',
      raw: () =>
        sendmail({
          failed: ['<a@example.net>', '    (reason: 452 4.4.5 Insufficient disk space; try again later)'],
          transcript: [
            '... while talking to mx.example.net.:',
            '>>> MAIL From:<sender@example.com> SIZE=1843',
            '<<< 452 4.4.5 Insufficient disk space; try again later',
            '<a@example.net>... Deferred: 452 4.4.5 Insufficient disk space; try again later',
            ...SM_EXPIRED,
          ],
          groups: [
            smGroup(
              'a@example.net',
              'failed',
              '4.4.7',
              'Remote-MTA: DNS; mx.example.net',
              'Diagnostic-Code: SMTP; 452 4.4.5 Insufficient disk space; try again later',
            ),
          ],
        }),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemfull', 'soft', '4.4.5', '452']],
    },
    {
      title: 'alias.c\'s "alias database unavailable" in a delay warning is a system error, a delay',
      raw: () =>
        sendmail({
          warning: true,
          transcript: [
            '<a@example.org>... alias database unavailable',
            'Warning: message still undelivered after 4 hours',
            'Will keep trying until message is 5 days old',
          ],
          groups: [smGroup('a@example.org', 'delayed', '4.3.0')],
        }),
      kind: 'delay',
      recipients: [['a@example.org', 'systemerror', 'none', '4.3.0', '']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Exim 4.9x: deliver.c's bounce ("This message was created automatically by mail delivery
// software.", each address at two spaces, its error at four) and its delivery-status part
// ("Action: failed", "Final-Recipient: rfc822;<address>", "Status: 5.0.0"; "Remote-MTA" and
// "Diagnostic-Code: smtp; " only for an address that reached a host); the warning's "Delay
// reason: " and "Action: delayed" / "Status: 4.0.0".

const EX_BOUNDARY = '1796184809-eximdsn-170274674';

function exim(address: string, lines: readonly string[], group: readonly string[] = [], warning = false): Buffer {
  const opening = warning
    ? [
        'This message was created automatically by mail delivery software.',
        'A message that you sent has not yet been delivered to one or more of its',
        'recipients after more than 24 hours on the queue on mx.example.org.',
        '',
        'The message identifier is:     1xYbij-0000np-10',
        'The subject of the message is: hello',
        'The date of the message is:    Tue, 01 Dec 2026 10:00:00 +0000',
        '',
        'The address to which the message has not yet been delivered is:',
      ]
    : [
        'This message was created automatically by mail delivery software.',
        '',
        'A message that you sent could not be delivered to one or more of its',
        'recipients. This is a permanent error. The following address(es) failed:',
      ];
  const closing = warning
    ? [
        'No action is required on your part. Delivery attempts will continue for',
        'some time, and this warning may be repeated at intervals if the message',
        'remains undelivered. Eventually the mail delivery software will give up,',
        'and when that happens, the message will be returned to you.',
        '',
      ]
    : [];
  return Buffer.from(
    [
      ...(warning ? [] : [`X-Failed-Recipients: ${address}`]),
      'Auto-Submitted: auto-replied',
      'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
      'To: sender@example.com',
      `Content-Type: multipart/report; report-type=delivery-status; boundary=${EX_BOUNDARY}`,
      'MIME-Version: 1.0',
      `Subject: ${warning ? 'Warning: message 1xYbij-0000np-10 delayed 24 hours' : 'Mail delivery failed: returning message to sender'}`,
      '',
      `--${EX_BOUNDARY}`,
      'Content-type: text/plain; charset=us-ascii',
      '',
      ...opening,
      '',
      `  ${address}`,
      ...lines.map((l) => `    ${l}`),
      '',
      ...closing,
      `--${EX_BOUNDARY}`,
      'Content-type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      `Action: ${warning ? 'delayed' : 'failed'}`,
      `Final-Recipient: rfc822;${address}`,
      `Status: ${warning ? '4.0.0' : '5.0.0'}`,
      ...group,
      '',
      `--${EX_BOUNDARY}`,
      'Content-type: message/rfc822',
      '',
      ...RETURNED,
      `--${EX_BOUNDARY}--`,
      '',
    ].join('\n'),
  );
}

describe('Exim 4.9x: its own texts (deliver.c, route.c, routers/dnslookup.c, rf_self_action.c, transports/smtp.c, appendfile.c, pipe.c, retry.c)', () => {
  verdictCases([
    {
      title: 'route.c\'s "Unrouteable address" is an unknown host, hard',
      raw: () => exim('a@nohost.example.net', ['Unrouteable address']),
      kind: 'bounce',
      recipients: [['a@nohost.example.net', 'hostunknown', 'hard', '5.0.0', '']],
    },
    {
      title: 'the default configuration\'s cannot_route_message "Unknown user" is an unknown user, hard',
      raw: () => exim('nobody@example.org', ['Unknown user']),
      kind: 'bounce',
      recipients: [['nobody@example.org', 'userunknown', 'hard', '5.0.0', '']],
    },
    {
      title: '"all relevant MX records point to non-existent hosts" in the 4.9x report is an unknown host',
      raw: () => exim('a@example.net', ['all relevant MX records point to non-existent hosts']),
      kind: 'bounce',
      recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']],
    },
    {
      title: '"... non-existent hosts or (invalidly) to IP addresses" is an unknown host',
      raw: () => exim('a@example.net', ['all relevant MX records point to non-existent hosts or (invalidly) to IP addresses']),
      kind: 'bounce',
      recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']],
    },
    {
      title: '"an MX or SRV record indicated no SMTP service" (a null MX) is a domain that accepts no mail, hard',
      raw: () => exim('a@example.net', ['an MX or SRV record indicated no SMTP service']),
      kind: 'bounce',
      recipients: [['a@example.net', 'notaccept', 'hard', '5.0.0', '']],
    },
    {
      title: 'self = fail\'s "remote host address is the local host" is a system error: the MX points at the sender',
      raw: () => exim('a@example.net', ['remote host address is the local host']),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.0.0', '']],
    },
    {
      title: 'self = fail\'s "lowest numbered MX record points to local host" is a system error: the MX points at the sender',
      raw: () => exim('a@example.net', ['lowest numbered MX record points to local host']),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.0.0', '']],
    },
    {
      title: '"all hosts for \'<domain>\' have been failing for a long time (and retry time not reached)" is expired',
      raw: () =>
        exim('a@example.net', ["all hosts for 'example.net' have been failing for a long time (and retry", '    time not reached)']),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: '"all hosts for \'<domain>\' have been failing for a long time and were last tried after this message arrived" is expired',
      raw: () =>
        exim('a@example.net', [
          "all hosts for 'example.net' have been failing for a long time and were last",
          'tried after this message arrived',
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: '"message has lines too long for transport" is a message that breaks the RFC',
      raw: () => exim('a@example.net', ['message has lines too long for transport']),
      kind: 'bounce',
      recipients: [['a@example.net', 'notcompliantrfc', 'soft', '5.0.0', '']],
    },
    {
      title: 'appendfile\'s "mailbox is full" with ": retry timeout exceeded" stays a full mailbox',
      raw: () => exim('a@example.org', ['mailbox is full: retry timeout exceeded']),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailboxfull', 'soft', '5.0.0', '']],
    },
    {
      title: 'appendfile\'s "mailbox is full (MTA-imposed quota exceeded while writing to <file>)" is a full mailbox',
      raw: () => exim('a@example.org', ['mailbox is full (MTA-imposed quota exceeded while writing to', '    /var/mail/a)']),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailboxfull', 'soft', '5.0.0', '']],
    },
    {
      title: 'a delay warning whose "Delay reason: mailbox is full" is a full mailbox, a delay',
      raw: () => exim('a@example.org', ['Delay reason: mailbox is full'], [], true),
      kind: 'delay',
      recipients: [['a@example.org', 'mailboxfull', 'none', '4.0.0', '']],
    },
    {
      title: 'pipe.c\'s "local delivery failed" under "pipe to |<command>" is a mailer error',
      raw: () => exim('a@example.org', ['pipe to |/usr/local/bin/import', '  generated by a@example.org', 'local delivery failed']),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailererror', 'soft', '5.0.0', '']],
    },
    {
      title: 'a delay warning whose "Delay reason: host lookup did not complete" is a temporary DNS failure, never an unknown host',
      raw: () => exim('a@example.net', ['Delay reason: host lookup did not complete'], [], true),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title:
        'a remote Exim\'s "550 Too many \\"Received\\" headers - suspected mail loop" after end of data is the message\'s headers (contenterror/too-many-received)',
      raw: () =>
        exim(
          'a@example.net',
          [
            'host mx.example.net [192.0.2.1]',
            'SMTP error from remote mail server after end of data:',
            '550 Too many "Received" headers - suspected mail loop',
          ],
          ['Remote-MTA: dns; mx.example.net', 'Diagnostic-Code: smtp; 550 Too many "Received" headers - suspected mail loop'],
        ),
      kind: 'bounce',
      recipients: [['a@example.net', 'contenterror', 'soft', '5.0.0', '550']],
    },
  ]);
});
