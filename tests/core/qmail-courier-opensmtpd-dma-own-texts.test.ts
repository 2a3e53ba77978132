// The texts qmail, Courier, OpenSMTPD and the DragonFly Mail Agent write themselves into a bounce or
// a delay notice (not a remote server's reply): one notice per text, in the MTA's own layout, with
// the status the MTA sends it with. What the recorded notices (tests/fixtures/mta-notices/{courier,
// opensmtpd,dma}), tests/core/mta-template-versions.test.ts and the DSN-report cases of
// server-wordings, family-wordings and reply-code-placement already hold is not repeated here.
// Sources read:
//   qmail 1.03 / netqmail 1.06 / notqmail 1.09 (github:notqmail/notqmail): qmail-remote.c
//     (perm_nomx "Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", perm_ambigmx
//     "Sorry. Although I'm listed as a best-preference MX or A for that host, it isn't in my
//     control/locals file, so I don't treat it as local. (#5.4.6)", temp_dnscanon "CNAME lookup
//     failed temporarily. (#4.4.3)", perm_usage, "Connected to %s but greeting failed", "... but my
//     name was rejected" (always Z: temporary), "%s failed on DATA command"), qmail-local.c
//     ("Unable to write %s: disk quota exceeded. (#4.3.0)" from strerr_warn5 and error_str(EDQUOT),
//     "Temporary error on maildir delivery. (#4.3.0)", "Uh-oh: home directory is writable.
//     (#4.7.0)", "Unable to chdir to maildir. (#4.2.1)", "Home directory is sticky: user is editing
//     his .qmail file. (#4.2.1)", "Uh-oh: first line of .qmail file is blank. (#4.2.1)"),
//     qmail-lspawn.c ("Unable to run qmail-local.", "Unable to find alias user!"), qmail-rspawn.c
//     ("qmail-remote crashed."), qmail-send.c (injectbounce: the template, "I'm not going to try
//     again; this message has been in the queue too long.").
//   IndiMail (github:indimail/indimail-mta) qmail-local.c: overquota "Recipient's mailbox is full,
//     message returned to sender. (#5.2.2)", checkhome() "This email address doesn't accept mails
//     from remote domains. (#5.2.1)"; qmail-remote.c: decode_smtpauth_err ("Connected to %s but
//     authentication credentials invalid (%s) (#5.7.8).", "but got temporary authentication failure
//     (%s) (#4.7.0)."), "but recpient failed DANE validation", "but server does not support unicode
//     in email addresses", temp_noconn ("Sorry, I wasn't able to establish an SMTP connection for %s
//     to %s port %d bind IP [%s]. (#4.4.1)").
//   Courier (github:svarshavchik/courier) courier/module.esmtp/libesmtp.C (do_esmtp_connect_to: "No
//     such domain." '5', "Domain does not receive mail." '5', "DNS lookup failed." '4', "Did not find
//     a suitable MX for a connection" '5', "configuration error: mail loops back to myself (MX
//     problem)." '5'; connection_closed "Connection unexpectedly closed by remote host." '4';
//     "Compatible SASL authentication not available." '5', "Temporary SASL authentication error." '4',
//     "Cannot obtain local socket IP address." '4', "500 Unable to set minimum security level." after
//     "SECURITY=STARTTLS REQUESTED FOR THIS MESSAGE"; libesmtp_unicode_err "553 Unable to
//     deliver Unicode E-mail to a non-Unicode mail server."), cdmsgq2.C ("550 User unknown."),
//     module.dsn/dsn.C (Status 5.0.0 / 4.0.0 whatever the text, " <<< " before each reply line,
//     "Diagnostic-Code: unknown; " for a text with no reply type), dsnfailed.txt, dsndelayed.txt.
//   OpenSMTPD (github:OpenSMTPD/OpenSMTPD, 7.8.0p1 and opensmtpd-6.8.0p1-rc1): usr.sbin/smtpd/mta.c
//     (mta_on_mx: "Invalid domain name", "Domain does not exist", "Host not found", "No MX found for
//     domain", "Domain does not accept mail"; mta_on_source: "Could not retrieve source address",
//     "Destination seem to reject all mails", "Network error on destination MXs"; every relay
//     failure sent with ESC_OTHER_STATUS; "Temporary failure in MX lookup", "Could not retrieve
//     credentials", "Cannot retrieve smarthost", "No auth table for relaying"), mta_session.c
//     ("message too large for peer" PERMFAIL; "Connection timeout", "TLS required but not supported
//     by remote host", "Connection closed unexpectedly", "Connection failed: %s", "AUTH not
//     advertised", "AUTH rejected: %s", "Refuse to AUTH over insecure channel", "EHLO rejected: %s"
//     TEMPFAIL), mda.c ("Temporary failure in user lookup", 4.1.0; "mda exited prematurely"; the
//     parent's "exited abnormally", "terminated; signal %d", "terminated; timeout" from smtpd.c,
//     ESC_OTHER_MAIL_SYSTEM_STATUS),
//     queue.c ("Envelope expired": 5.4.7 since 7.x, 4.4.7 in 6.8; "Loop detected" with
//     ESC_STATUS_TEMPFAIL and ESC_ROUTING_LOOP_DETECTED, the envelope deleted), bounce.c (the
//     notice; bounce_add() makes every envelope of temporary class a "delayed" one), esc.c.
//   dma (github:corecode/dma) mail.c (bounce(): the notice), dma.c ("unknown bounce reason"), net.c
//     ("can not seek: %s", "Internal error: badly formed address %s").
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

const msg = (headers: readonly string[], body: readonly string[]) => Buffer.from([...headers, '', ...body].join('\n'));

// ---------------------------------------------------------------------------------------------
// qmail-send.c's injectbounce(): "Hi. This is the qmail-send program at ...", each recipient as
// "<address>:" and the report qmail-remote or qmail-local wrote, "--- Below this line is a copy of
// the message.". A temporary ("Z") report is in a bounce only once the message is too old, with
// "I'm not going to try again; this message has been in the queue too long." under it.

const QMAIL_INTRO = [
  'Hi. This is the qmail-send program at mx.example.org.',
  "I'm afraid I wasn't able to deliver your message to the following addresses.",
  "This is a permanent error; I've given up. Sorry it didn't work out.",
  '',
];

const TOO_LONG = "I'm not going to try again; this message has been in the queue too long.";

function qmail(address: string, report: readonly string[]): Buffer {
  return msg(
    ['From: MAILER-DAEMON@mx.example.org', 'To: sender@example.com', 'Subject: failure notice'],
    [...QMAIL_INTRO, `<${address}>:`, ...report, '', '--- Below this line is a copy of the message.', '', ...RETURNED],
  );
}

describe('qmail 1.03 / netqmail 1.06 / notqmail 1.09 and IndiMail: their own texts', () => {
  verdictCases([
    {
      // dns_mxip() found MX records but no address for any of them: a null MX ("MX 0 .") ends
      // here too, and the rules read the words as one (notaccept/null-mx); hard either way.
      title: 'perm_nomx\'s "Sorry, I couldn\'t find a mail exchanger or IP address. (#5.4.4)" is a domain that takes no mail, hard',
      raw: () => qmail('a@example.net', ["Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)"]),
      kind: 'bounce',
      recipients: [['a@example.net', 'notaccept', 'hard', '5.4.4', '']],
    },
    {
      title:
        "perm_ambigmx's \"Although I'm listed as a best-preference MX ... I don't treat it as local. (#5.4.6)\" is the receiving side's configuration, a system error",
      raw: () =>
        qmail('a@example.net', [
          "Sorry. Although I'm listed as a best-preference MX or A for that host,",
          "it isn't in my control/locals file, so I don't treat it as local. (#5.4.6)",
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.4.6', '']],
    },
    {
      // A DNS failure whose words come first stays networkerror (../../src/core/rules/README.md, rule 3).
      title:
        'temp_dnscanon\'s "CNAME lookup failed temporarily. (#4.4.3)" until the queue lifetime is a DNS failure, never an unknown host',
      raw: () => qmail('a@example.net', ['CNAME lookup failed temporarily. (#4.4.3)', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.net', 'networkerror', 'soft', '4.4.3', '']],
    },
    {
      title: 'perm_usage\'s "I (qmail-remote) was invoked improperly. (#5.3.5)" is the sending site\'s system',
      raw: () => qmail('a@example.net', ['I (qmail-remote) was invoked improperly. (#5.3.5)']),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.3.5', '']],
    },
    {
      title: 'a greeting refused for now ("but greeting failed.", 421) until the queue lifetime is expired',
      raw: () =>
        qmail('a@example.net', [
          'Connected to 192.0.2.1 but greeting failed.',
          'Remote host said: 421 mx.example.net Service not available, closing transmission channel',
          TOO_LONG,
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.0.0', '421']],
    },
    {
      title:
        "its HELO refused (\"but my name was rejected.\") for the sending host's missing reverse DNS: the server's reason wins over qmail's words",
      raw: () =>
        qmail('a@example.net', [
          'Connected to 192.0.2.1 but my name was rejected.',
          'Remote host said: 550 5.7.1 Client host rejected: cannot find your hostname',
          TOO_LONG,
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'requireptr', 'soft', '5.7.1', '550']],
    },
    {
      title: '"<ip> failed on DATA command." with a size refusal is a message too big',
      raw: () =>
        qmail('a@example.net', [
          '192.0.2.1 failed on DATA command.',
          'Remote host said: 552 5.3.4 Message size exceeds fixed maximum message size',
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'mesgtoobig', 'soft', '5.3.4', '552']],
    },
    {
      title: 'qmail-lspawn\'s "Unable to run qmail-local." is the sending site\'s system',
      raw: () => qmail('a@example.org', ['Unable to run qmail-local.']),
      kind: 'bounce',
      recipients: [['a@example.org', 'systemerror', 'soft', '5.0.0', '']],
    },
    {
      title: 'its HELO refused ("but my name was rejected.") with a reply that names no reason is a block of the sending host',
      raw: () =>
        qmail('a@example.net', [
          'Connected to 192.0.2.1 but my name was rejected.',
          'Remote host said: 501 5.0.0 Invalid domain name',
          TOO_LONG,
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'blocked', 'soft', '5.0.0', '501']],
    },
    {
      title: 'qmail-local\'s "Unable to write <mbox>: disk quota exceeded. (#4.3.0)" until the queue lifetime is a full mailbox',
      raw: () => qmail('a@example.org', ['Unable to write /var/spool/mail/a: disk quota exceeded. (#4.3.0)', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailboxfull', 'soft', '4.3.0', '']],
    },
    {
      title: 'qmail-local\'s "Temporary error on maildir delivery. (#4.3.0)" until the queue lifetime is expired',
      raw: () => qmail('a@example.org', ['Temporary error on maildir delivery. (#4.3.0)', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.org', 'expired', 'soft', '4.3.0', '']],
    },
    {
      title:
        'qmail-local\'s "Uh-oh: home directory is writable. (#4.7.0)" until the queue lifetime is the recipient host\'s set-up, never a security error',
      raw: () => qmail('a@example.org', ['Uh-oh: home directory is writable. (#4.7.0)', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.org', 'systemerror', 'soft', '4.7.0', '']],
    },
    {
      title:
        'qmail-local\'s "Unable to chdir to maildir. (#4.2.1)" until the queue lifetime is the recipient host\'s set-up, never a disabled mailbox',
      raw: () => qmail('a@example.org', ['Unable to chdir to maildir. (#4.2.1)', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.org', 'systemerror', 'soft', '4.2.1', '']],
    },
    {
      title: 'qmail-local\'s "Home directory is sticky: user is editing his .qmail file. (#4.2.1)" is the set-up, never a disabled mailbox',
      raw: () => qmail('a@example.org', ['Home directory is sticky: user is editing his .qmail file. (#4.2.1)', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.org', 'systemerror', 'soft', '4.2.1', '']],
    },
    {
      title: 'qmail-local\'s "Uh-oh: first line of .qmail file is blank. (#4.2.1)" is the set-up, never a disabled mailbox',
      raw: () => qmail('a@example.org', ['Uh-oh: first line of .qmail file is blank. (#4.2.1)', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.org', 'systemerror', 'soft', '4.2.1', '']],
    },
    {
      title: 'qmail-lspawn\'s "Unable to find alias user!" until the queue lifetime is expired',
      raw: () => qmail('a@example.org', ['Unable to find alias user!', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.org', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: 'qmail-rspawn\'s "qmail-remote crashed." until the queue lifetime is expired',
      raw: () => qmail('a@example.net', ['qmail-remote crashed.', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: '"but connection died. Possible duplicate! (#4.4.2)" until the queue lifetime is expired',
      raw: () => qmail('a@example.net', ['Connected to 192.0.2.1 but connection died. Possible duplicate! (#4.4.2)', TOO_LONG]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.2', '']],
    },
    {
      title: 'a sender refused for now ("but sender was rejected.", 451 4.1.8) until the queue lifetime names no recipient reason',
      raw: () =>
        qmail('a@example.net', [
          'Connected to 192.0.2.1 but sender was rejected.',
          'Remote host said: 451 4.1.8 Domain of sender address sender@example.com does not resolve',
          TOO_LONG,
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'rejected', 'soft', '4.1.8', '451']],
    },
    {
      title:
        "IndiMail's \"This email address doesn't accept mails from remote domains. (#5.2.1)\" refuses the sender's domain, not a disabled mailbox",
      raw: () => qmail('a@example.org', ["This email address doesn't accept mails from remote domains. (#5.2.1)"]),
      kind: 'bounce',
      recipients: [['a@example.org', 'rejected', 'soft', '5.2.1', '']],
    },
    {
      title:
        'IndiMail\'s "but authentication credentials invalid (AUTH PLAIN) (#5.7.8)" is its own login to the smarthost, not SPF/DKIM/DMARC',
      raw: () =>
        qmail('a@example.net', [
          'Connected to 192.0.2.1 but authentication credentials invalid (AUTH PLAIN) (#5.7.8).',
          'Remote host said: 535 5.7.8 Error: authentication failed: authentication failure',
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'securityerror', 'soft', '5.7.8', '535']],
    },
    {
      title:
        'IndiMail\'s "but got temporary authentication failure (...) (#4.7.0)" until the queue lifetime is expired, not an SPF/DKIM/DMARC failure',
      raw: () =>
        qmail('a@example.net', [
          'Connected to 192.0.2.1 but got temporary authentication failure (AUTH PLAIN) (#4.7.0).',
          'Remote host said: 454 4.7.0 Temporary authentication failure',
          TOO_LONG,
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.7.0', '454']],
    },
    {
      title: 'IndiMail\'s "but recpient failed DANE validation" (the server\'s certificate) is a security error',
      raw: () => qmail('a@example.net', ['Connected to 192.0.2.1 but recpient failed DANE validation.']),
      kind: 'bounce',
      recipients: [['a@example.net', 'securityerror', 'soft', '5.0.0', '']],
    },
    {
      title: 'IndiMail\'s "but server does not support unicode in email addresses" (no SMTPUTF8) is the message\'s form',
      raw: () => qmail('a@example.net', ['Connected to 192.0.2.1 but server does not support unicode in email addresses.']),
      kind: 'bounce',
      recipients: [['a@example.net', 'contenterror', 'soft', '5.0.0', '']],
    },
    {
      title:
        'IndiMail\'s longer "wasn\'t able to establish an SMTP connection for <domain> to <ip> port 25 bind IP [...]" until the queue lifetime is expired',
      raw: () =>
        qmail('a@example.net', [
          "Sorry, I wasn't able to establish an SMTP connection for example.net to 192.0.2.1 port 25 bind IP [198.51.100.1]. (#4.4.1)",
          TOO_LONG,
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '4.4.1', '']],
    },
    {
      title: 'IndiMail\'s "Recipient\'s mailbox is full, message returned to sender. (#5.2.2)" is a full mailbox',
      raw: () => qmail('a@example.org', ["Recipient's mailbox is full, message returned to sender. (#5.2.2)"]),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailboxfull', 'soft', '5.2.2', '']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Courier 1.0.x-1.3.x: module.dsn's notice ("NOTICE: mail delivery status." / "WARNING: delayed mail."),
// each recipient as "<address>:" and its lines after " <<< ", the delivery-status part's
// "Status: 5.0.0" (failed) or "4.0.0" (delayed) whatever the text, and "Diagnostic-Code: unknown; "
// for an error of Courier's own.

const COURIER_BOUNDARY = '=_courier_0';

function courier(address: string, lines: readonly string[], delayed = false): Buffer {
  const opening = delayed
    ? [
        '                     DELAYS IN DELIVERING YOUR MESSAGE',
        '',
        'The delivery of the following E-mail message has been delayed.  This is an',
        'advisory notice only; it is sent only to notify you about a temporary delay',
        'in delivering your message.  You DO NOT need to do anything at this time.',
        'Additional attempts to deliver your message will be made.  Some possible',
        'reasons for this delay:',
        '',
        '   * Network congestion or failure.',
        '',
        '   * The destination mail server is temporarily off-line.',
        '',
        'Diagnostic information is provided below for each recipient.  If copies of',
        'this message were sent to additional recipients, deliveries to those',
        'addresses are not included in this notice.  This is an advisory notice for',
        'the following addresses only:',
      ]
    : ['                           UNDELIVERABLE MAIL', '', 'Your message to the following recipients cannot be delivered:'];
  return msg(
    [
      'From: "Mail Delivery Subsystem" <postmaster@mx.example.org>',
      'To: sender@example.com',
      `Subject: ${delayed ? 'WARNING: delayed mail.' : 'NOTICE: mail delivery status.'}`,
      'Mime-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status;',
      `    boundary="${COURIER_BOUNDARY}"`,
      'Content-Transfer-Encoding: 7bit',
    ],
    [
      'This is a MIME-formatted message.  If you see this text it means that your',
      'E-mail software does not support MIME-formatted messages.',
      '',
      `--${COURIER_BOUNDARY}`,
      'Content-Transfer-Encoding: 7bit',
      'Content-Type: text/plain; charset="utf-8"',
      '',
      '',
      'This is a delivery status notification from mx.example.org,',
      'running the Courier mail server, version 1.0.16.',
      '',
      'The original message was received on Tue, 01 Dec 2026 10:00:00 +0000',
      'from client.example.com [198.51.100.2]',
      '',
      '---------------------------------------------------------------------------',
      '',
      ...opening,
      '',
      `<${address}>:`,
      // The peer line ("     host [ip]:") and the command sent (" >>> ") stand as Courier writes them.
      ...lines.map((l) => (l.startsWith('    ') ? l : l.startsWith('>>> ') ? ` ${l}` : ` <<< ${l}`)),
      '',
      '---------------------------------------------------------------------------',
      '',
      'If your message was also sent to additional recipients, their delivery',
      'status is not included in this report.  You may or may not receive',
      'other delivery status notifications for additional recipients.',
      '',
      'The original message follows as a separate attachment.',
      '',
      '',
      `--${COURIER_BOUNDARY}`,
      'Content-Type: message/delivery-status',
      'Content-Transfer-Encoding: 7bit',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'Arrival-Date: Tue, 01 Dec 2026 10:00:00 +0000',
      '',
      `Final-Recipient: rfc822; ${address}`,
      `Action: ${delayed ? 'delayed' : 'failed'}`,
      `Status: ${delayed ? '4.0.0' : '5.0.0'}`,
      ...(delayed
        ? ['Will-Retry-Until: Sun, 06 Dec 2026 10:00:00 +0000']
        : [`Diagnostic-Code: unknown; ${lines.filter((l) => !l.startsWith('    ') && !l.startsWith('>>> '))[0]}`]),
      '',
      `--${COURIER_BOUNDARY}`,
      'Content-Type: message/rfc822',
      'Content-Transfer-Encoding: 7bit',
      '',
      ...RETURNED,
      `--${COURIER_BOUNDARY}--`,
      '',
    ],
  );
}

describe('Courier 1.0.x-1.3.x: its own texts (module.esmtp/libesmtp.C, cdmsgq2.C, module.dsn)', () => {
  verdictCases([
    {
      title: '"No such domain." (RFC1035_MX_HARDERR) is an unknown host, hard',
      raw: () => courier('a@nohost.example.net', ['No such domain.']),
      kind: 'bounce',
      recipients: [['a@nohost.example.net', 'hostunknown', 'hard', '5.0.0', '']],
    },
    {
      // A permanent failure since Courier 1.2.3 (ChangeLog 2023-03-09: "treat RFC1035_MX_NONE as a
      // permanent failure").
      title: '"Domain does not receive mail." (RFC1035_MX_NONE, a null MX) is a domain that accepts no mail, hard',
      raw: () => courier('a@example.net', ['Domain does not receive mail.']),
      kind: 'bounce',
      recipients: [['a@example.net', 'notaccept', 'hard', '5.0.0', '']],
    },
    {
      title: '"configuration error: mail loops back to myself (MX problem)." is the receiving side\'s configuration, a system error',
      raw: () => courier('a@example.net', ['configuration error: mail loops back to myself (MX problem).']),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.0.0', '']],
    },
    {
      title: '"Did not find a suitable MX for a connection" is a network error, never an unknown host',
      raw: () => courier('a@example.net', ['Did not find a suitable MX for a connection']),
      kind: 'bounce',
      recipients: [['a@example.net', 'networkerror', 'soft', '5.0.0', '']],
    },
    {
      title: 'a delay for "DNS lookup failed." is a temporary DNS failure, never an unknown host',
      raw: () => courier('a@example.net', ['DNS lookup failed.'], true),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Connection unexpectedly closed by remote host." is a network error',
      raw: () => courier('a@example.net', ['Connection unexpectedly closed by remote host.'], true),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title: '"Network connection shut down by the remote mail server" when the queue time ran out is expired',
      raw: () => courier('a@example.net', ['Network connection shut down by the remote mail server']),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: '"Compatible SASL authentication not available." is its own login to the server, a security error',
      raw: () => courier('a@example.net', ['Compatible SASL authentication not available.']),
      kind: 'bounce',
      recipients: [['a@example.net', 'securityerror', 'soft', '5.0.0', '']],
    },
    {
      title: 'the SMTPUTF8 refusal ("553 Unable to deliver Unicode E-mail to a non-Unicode mail server.") is the message\'s form',
      raw: () =>
        courier('a@example.net', [
          "553-The recipient's mail server does not support E-mail",
          '553-messages with international Unicode E-mail addresses or',
          '553-E-mail messages in the international Unicode E-mail format.',
          '553 Unable to deliver Unicode E-mail to a non-Unicode mail server.',
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'contenterror', 'soft', '5.0.0', '553']],
    },
    {
      title: '"DNS lookup failed." as the last error when the queue time ran out is a DNS failure, never an unknown host',
      raw: () => courier('a@example.net', ['DNS lookup failed.']),
      kind: 'bounce',
      recipients: [['a@example.net', 'networkerror', 'soft', '5.0.0', '']],
    },
    {
      title: '"Connection closed by remote host." as the last error when the queue time ran out is expired',
      raw: () => courier('a@example.net', ['Connection closed by remote host.']),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: 'strerror\'s "Connection refused" as the last error when the queue time ran out is expired',
      raw: () => courier('a@example.net', ['Connection refused']),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']],
    },
    {
      title: 'a delay for "Cannot obtain local socket IP address." is the sending system',
      raw: () => courier('a@example.net', ['Cannot obtain local socket IP address.'], true),
      kind: 'delay',
      recipients: [['a@example.net', 'systemerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Temporary SASL authentication error." is its own login, a security error',
      raw: () => courier('a@example.net', ['Temporary SASL authentication error.'], true),
      kind: 'delay',
      recipients: [['a@example.net', 'securityerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Remote mail server disconnected after receiving the STARTTLS command" is a STARTTLS failure',
      raw: () => courier('a@example.net', ['Remote mail server disconnected after receiving the STARTTLS command'], true),
      kind: 'delay',
      recipients: [['a@example.net', 'failedstarttls', 'none', '4.0.0', '']],
    },
    {
      title: 'STARTTLS required for the message but not offered ("500 Unable to set minimum security level.") is a STARTTLS failure',
      raw: () =>
        courier('a@example.net', [
          '     mx.example.net [192.0.2.1]:',
          '>>> SECURITY=STARTTLS REQUESTED FOR THIS MESSAGE',
          '500 Unable to set minimum security level.',
        ]),
      kind: 'bounce',
      recipients: [['a@example.net', 'failedstarttls', 'soft', '5.0.0', '500']],
    },
    {
      title: 'cdmsgq2.C\'s "550 User unknown." (no module takes the address) is an unknown user, hard',
      raw: () => courier('a@example.org', ['550 User unknown.']),
      kind: 'bounce',
      recipients: [['a@example.org', 'userunknown', 'hard', '5.0.0', '550']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// OpenSMTPD 6.8-7.x: bounce.c's multipart/mixed notice ("Hi!", "This is the MAILER-DAEMON, please
// DO NOT REPLY to this email."), each recipient as "<address>: <error line>", the delivery-status
// part's "Action: failed" / "delayed" and the envelope's enhanced status class and code. A relay
// failure of its own is sent with ESC_OTHER_STATUS: 5.0.0 when final, 4.0.0 when temporary (a
// "delayed" notice).

const SMTPD_ERROR = ['    An error has occurred while attempting to deliver a message for', '    the following list of recipients:', ''];
const SMTPD_DELAY = ['    A message is delayed for more than 4 hours for the following', '    list of recipients:', ''];
const SMTPD_TEMPORARY = [
  '    Please note that this is only a temporary failure report.',
  '    The message is kept in the queue for up to 4 days.',
  '    You DO NOT NEED to re-send the message to these recipients.',
  '',
];

function smtpd(action: 'failed' | 'delayed', address: string, line: string, status = action === 'failed' ? '5.0.0' : '4.0.0'): Buffer {
  const b = '3057947161485307319/mx.example.org';
  return msg(
    [
      `Subject: Delivery status notification: ${action}`,
      'From: Mailer Daemon <MAILER-DAEMON@mx.example.org>',
      'To: sender@example.com',
      'Date: Tue, 1 Dec 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed;boundary="${b}"`,
    ],
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
      `${address}: ${line}`,
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
      `Final-Recipient: rfc822; ${address}`,
      `Action: ${action}`,
      `Status: ${status}`,
      '',
      `--${b}`,
      'Content-Description: Message headers',
      'Content-Type: text/rfc822-headers',
      '',
      ...RETURNED.slice(0, 5),
      '',
      `--${b}--`,
      '',
    ],
  );
}

describe('OpenSMTPD 6.8-7.x: its own texts (mta.c, mta_session.c, mda.c, queue.c, bounce.c)', () => {
  verdictCases([
    {
      title: '"Domain does not exist" (DNS_ENONAME, PERMFAIL) in the 7.x notice is an unknown host, hard',
      raw: () => smtpd('failed', 'a@nohost.example.net', 'Domain does not exist'),
      kind: 'bounce',
      recipients: [['a@nohost.example.net', 'hostunknown', 'hard', '5.0.0', '']],
    },
    {
      title: '"Invalid domain name" (DNS_EINVAL, PERMFAIL) is a domain that cannot exist, an unknown host',
      raw: () => smtpd('failed', 'a@example..net', 'Invalid domain name'),
      kind: 'bounce',
      recipients: [['a@example..net', 'hostunknown', 'hard', '5.0.0', '']],
    },
    {
      title: '"Domain does not accept mail" (a null MX, PERMFAIL) is a domain that accepts no mail, hard',
      raw: () => smtpd('failed', 'a@example.net', 'Domain does not accept mail'),
      kind: 'bounce',
      recipients: [['a@example.net', 'notaccept', 'hard', '5.0.0', '']],
    },
    {
      title: '"message too large for peer" (over the SIZE the server announced) is a message too big',
      raw: () => smtpd('failed', 'a@example.net', 'message too large for peer'),
      kind: 'bounce',
      recipients: [['a@example.net', 'mesgtoobig', 'soft', '5.0.0', '']],
    },
    {
      title: 'a delivery program that "exited abnormally" (mda.c, 5.3.0) is a mailer error',
      raw: () => smtpd('failed', 'a@example.org', 'exited abnormally', '5.3.0'),
      kind: 'bounce',
      recipients: [['a@example.org', 'mailererror', 'soft', '5.3.0', '']],
    },
    {
      title: 'the 7.x expiry ("Envelope expired", Action failed, 5.4.7) is expired',
      raw: () => smtpd('failed', 'a@example.net', 'Envelope expired', '5.4.7'),
      kind: 'bounce',
      recipients: [['a@example.net', 'expired', 'soft', '5.4.7', '']],
    },
    {
      title: '"Loop detected" (queue.c: a temporary class, so a "delayed" notice, but the envelope is deleted) is the final notice, a loop',
      raw: () => smtpd('delayed', 'a@example.net', 'Loop detected', '4.4.6'),
      kind: 'bounce',
      recipients: [['a@example.net', 'networkerror', 'soft', '4.4.6', '']],
    },
    {
      // mta.c sends DNS_ENOTFOUND as a temporary failure (its null MX is "Domain does not accept
      // mail"), but the reference reads these words as notaccept (the Sisimai corpus's OpenSMTPD
      // delay notice): left so, never hard in a delay.
      title: 'a delay for "No MX found for domain" (DNS_ENOTFOUND, TEMPFAIL) is never hard',
      raw: () => smtpd('delayed', 'a@example.net', 'No MX found for domain'),
      kind: 'delay',
      recipients: [['a@example.net', 'notaccept', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Host not found" (a relay host that did not resolve, TEMPFAIL) is a network error, never hard',
      raw: () => smtpd('delayed', 'a@example.net', 'Host not found'),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Network error on destination MXs" is a network error',
      raw: () => smtpd('delayed', 'a@example.net', 'Network error on destination MXs'),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Destination seem to reject all mails" (every MX refused the connection) is a network error',
      raw: () => smtpd('delayed', 'a@example.net', 'Destination seem to reject all mails'),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Could not retrieve source address" is the sending system',
      raw: () => smtpd('delayed', 'a@example.net', 'Could not retrieve source address'),
      kind: 'delay',
      recipients: [['a@example.net', 'systemerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Connection timeout" is a network error',
      raw: () => smtpd('delayed', 'a@example.net', 'Connection timeout'),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Connection closed unexpectedly" is a network error',
      raw: () => smtpd('delayed', 'a@example.net', 'Connection closed unexpectedly'),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Temporary failure in MX lookup" (DNS_RETRY) is a network error',
      raw: () => smtpd('delayed', 'a@example.net', 'Temporary failure in MX lookup'),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Temporary failure in user lookup" (mda.c, 4.1.0) is the system, never the address',
      raw: () => smtpd('delayed', 'a@example.org', 'Temporary failure in user lookup', '4.1.0'),
      kind: 'delay',
      recipients: [['a@example.org', 'systemerror', 'none', '4.1.0', '']],
    },
    {
      title: 'a delay for "Cannot retrieve smarthost" is the sending system',
      raw: () => smtpd('delayed', 'a@example.net', 'Cannot retrieve smarthost'),
      kind: 'delay',
      recipients: [['a@example.net', 'systemerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "No auth table for relaying" is the sending system',
      raw: () => smtpd('delayed', 'a@example.net', 'No auth table for relaying'),
      kind: 'delay',
      recipients: [['a@example.net', 'systemerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "Could not retrieve credentials" is the sending system',
      raw: () => smtpd('delayed', 'a@example.net', 'Could not retrieve credentials'),
      kind: 'delay',
      recipients: [['a@example.net', 'systemerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "AUTH not advertised" (its relay offers no login) is a security error',
      raw: () => smtpd('delayed', 'a@example.net', 'AUTH not advertised'),
      kind: 'delay',
      recipients: [['a@example.net', 'securityerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "AUTH rejected: 535 5.7.8 ..." is its own credentials, a security error, not SPF/DKIM/DMARC',
      raw: () => smtpd('delayed', 'a@example.net', 'AUTH rejected: 535 5.7.8 Error: authentication failed: authentication failure'),
      kind: 'delay',
      recipients: [['a@example.net', 'securityerror', 'none', '5.7.8', '535']],
    },
    {
      title: 'a delay for "Refuse to AUTH over insecure channel" is a security error',
      raw: () => smtpd('delayed', 'a@example.net', 'Refuse to AUTH over insecure channel'),
      kind: 'delay',
      recipients: [['a@example.net', 'securityerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for "EHLO rejected: 550 ... Helo command rejected" is a block of the sending host',
      raw: () => smtpd('delayed', 'a@example.net', 'EHLO rejected: 550 5.7.1 <mx.example.org>: Helo command rejected: Host not found'),
      kind: 'delay',
      recipients: [['a@example.net', 'blocked', 'none', '5.7.1', '550']],
    },
    {
      title: 'a delay for "Connection failed: Connection refused" is a network error',
      raw: () => smtpd('delayed', 'a@example.net', 'Connection failed: Connection refused'),
      kind: 'delay',
      recipients: [['a@example.net', 'networkerror', 'none', '4.0.0', '']],
    },
    {
      title: 'a delay for a delivery program "terminated; signal 9" (smtpd.c, 4.3.0) is a mailer error',
      raw: () => smtpd('delayed', 'a@example.org', 'terminated; signal 9', '4.3.0'),
      kind: 'delay',
      recipients: [['a@example.org', 'mailererror', 'none', '4.3.0', '']],
    },
    {
      title: 'a delay for a delivery program "terminated; timeout" is a mailer error, not the network',
      raw: () => smtpd('delayed', 'a@example.org', 'terminated; timeout', '4.3.0'),
      kind: 'delay',
      recipients: [['a@example.org', 'mailererror', 'none', '4.3.0', '']],
    },
    {
      title: 'a delay for "mda exited prematurely" is a mailer error',
      raw: () => smtpd('delayed', 'a@example.org', 'mda exited prematurely', '4.3.0'),
      kind: 'delay',
      recipients: [['a@example.org', 'mailererror', 'none', '4.3.0', '']],
    },
    {
      title: 'a delay for "TLS required but not supported by remote host" is a STARTTLS failure',
      raw: () => smtpd('delayed', 'a@example.net', 'TLS required but not supported by remote host'),
      kind: 'delay',
      recipients: [['a@example.net', 'failedstarttls', 'none', '4.0.0', '']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// dma 0.13: mail.c's bounce(): "This is the DragonFly Mail Agent v0.13 at <host>.", "There was an
// error delivering your mail to <address>.", the reason, "Message headers follow." and the
// returned headers; no status and no delivery-status part.

function dma(address: string, reason: readonly string[]): Buffer {
  return msg(
    [
      'Received: from MAILER-DAEMON',
      '\tid 20c765',
      '\tby mx.example.org (DragonFly Mail Agent v0.13);',
      '\tTue, 01 Dec 2026 10:00:00 +0000',
      `X-Original-To: <${address}>`,
      'From: MAILER-DAEMON <>',
      'To: sender@example.com',
      'Subject: Mail delivery failed',
      'Message-Id: <20c765@mx.example.org>',
      'Date: Tue, 01 Dec 2026 10:00:00 +0000',
    ],
    [
      'This is the DragonFly Mail Agent v0.13 at mx.example.org.',
      '',
      `There was an error delivering your mail to <${address}>.`,
      '',
      ...reason,
      '',
      'Message headers follow.',
      '',
      ...RETURNED.slice(0, 5),
    ],
  );
}

describe('dma 0.13: its own texts (dma.c, net.c)', () => {
  verdictCases([
    {
      title: '"can not seek: <error>" is the sending system',
      raw: () => dma('a@example.net', ['can not seek: Bad file descriptor']),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.0.0', '']],
    },
    {
      title: '"Internal error: badly formed address <address>" is the sending system, never an unknown user',
      raw: () => dma('a@example.net', ['Internal error: badly formed address a@example.net']),
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '5.0.0', '']],
    },
    {
      // Words a person can read that name no cause: onhold (../../src/core/rules/README.md, rule 7).
      title: '"unknown bounce reason" names no cause',
      raw: () => dma('a@example.net', ['unknown bounce reason']),
      kind: 'bounce',
      recipients: [['a@example.net', 'onhold', 'soft', '5.0.0', '']],
    },
  ]);
});
