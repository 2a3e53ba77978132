// Wordings read in the mail servers' own source and in providers' published error pages, fed
// to classify() in the shapes those servers send them: a delivery-status report whose
// Diagnostic-Code carries the remote reply (Postfix, Sendmail and most relays), or the free
// text of an Exim or qmail bounce. Each test names where its texts were read; none comes from
// a bounce collection.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { BounceType, Reason } from '../../src/core/types.ts';
import { dsnReport } from './dsn-report.ts';
import { eximBounce, qmailBounce } from './plain-bounces.ts';

type Verdict = readonly [reason: Reason, bounceType: BounceType];

/** A remote reply as a relay reports it (Postfix's "... (in reply to RCPT TO command)"), and its verdict. */
type ReportRow = readonly [status: string, diagnostic: string, expected: Verdict, action?: string];
/** A whole bounce as an MTA writes it, and its verdict. */
type BounceRow = readonly [bounce: Buffer, expected: Verdict];

/** One test: its name says what a user would expect of the texts in it. */
type WordingCase = { name: string; reports: readonly ReportRow[] } | { name: string; bounces: readonly BounceRow[] };

async function verdictOf(raw: Buffer): Promise<Verdict | undefined> {
  const r = (await classify(raw)).recipients[0];
  return r && [r.reason, r.bounceType];
}

function reportOf([status, diagnostic, , action = 'failed']: ReportRow): Buffer {
  return dsnReport(status, diagnostic, { action, notice: 'Delivery to the following recipient failed.' });
}

/** One test a case: every text in it is classified, and the verdicts are compared all at once. */
function wordingTests(cases: readonly WordingCase[]): void {
  for (const c of cases) {
    it(c.name, async () => {
      const rows: readonly (readonly [Buffer, Verdict])[] =
        'reports' in c ? c.reports.map((row) => [reportOf(row), row[2]] as const) : c.bounces;
      const got: (Verdict | undefined)[] = [];
      for (const [raw] of rows) got.push(await verdictOf(raw));
      expect(got).toEqual(rows.map(([, expected]) => expected));
    });
  }
}

/** An Exim bounce whose one diagnostic line is `diagnostic`. */
const eximBounceOf = (diagnostic: string) => eximBounce([diagnostic]);

describe('LMTP replies of the mail stores', () => {
  wordingTests([
    // dovecot/core: src/lmtp/lmtp-recipient.c ("User doesn't exist: %s"), src/lmtp/lmtp-local.c
    // (452 4.2.2 with quota_full_tempfail, else 552 5.2.2), src/plugins/quota/quota-settings.c
    // (quota_exceeded_message), src/lib-storage/mail-error.h (MAIL_ERRSTR_NO_QUOTA).
    {
      name: 'a Dovecot LMTP quota reply is mailboxfull and soft, temporary or not',
      reports: [
        [
          '5.2.2',
          '552 5.2.2 <user@example.net> Quota exceeded (mailbox for user is full) (in reply to end of DATA command)',
          ['mailboxfull', 'soft'],
        ],
        [
          '4.2.2',
          '452 4.2.2 <user@example.net> Quota exceeded (mailbox for user is full) (in reply to RCPT TO command)',
          ['mailboxfull', 'none'],
          'delayed',
        ],
        ['5.2.2', '552 5.2.2 <user@example.net> Not enough disk quota (in reply to end of DATA command)', ['mailboxfull', 'soft']],
      ],
    },

    {
      name: 'a Dovecot LMTP "User doesn\'t exist" is userunknown and hard',
      reports: [
        [
          '5.1.1',
          "550 5.1.1 <user@example.net> User doesn't exist: user@example.net (in reply to RCPT TO command)",
          ['userunknown', 'hard'],
        ],
      ],
    },

    // cyrusimap/cyrus-imapd: imap/lmtp_err.et (the reply formats), imap/imap_err.et (the texts),
    // imap/lmtpengine.c (which error gets which reply).
    {
      name: 'reads Cyrus LMTP: over quota, a disabled mailbox, a full spool, an unknown mailbox',
      reports: [
        ['4.2.2', '452 4.2.2 Over quota SESSIONID=<cyrus-1234-1> (in reply to RCPT TO command)', ['mailboxfull', 'none'], 'delayed'],
        ['5.2.2', '552 5.2.2 Over quota SESSIONID=<cyrus-1234-1> (in reply to RCPT TO command)', ['mailboxfull', 'soft']],
        ['4.2.1', '451 4.2.1 Delivery to mailbox is disabled (in reply to RCPT TO command)', ['suspend', 'none'], 'delayed'],
        ['5.2.1', '451 4.2.1 Delivery to mailbox is disabled (in reply to RCPT TO command)', ['suspend', 'soft']],
        ['4.3.1', '451 4.3.1 mail system storage has been exceeded (in reply to RCPT TO command)', ['systemfull', 'none'], 'delayed'],
        [
          '5.1.1',
          '550-Mailbox unknown.  Either there is no mailbox associated with this 550-name or you do not have authorization to see it. 550 5.1.1 User unknown (in reply to RCPT TO command)',
          ['userunknown', 'hard'],
        ],
      ],
    },

    // Zimbra/zm-mailbox: store/src/java/com/zimbra/cs/lmtpserver/LmtpReply.java.
    {
      name: 'reads Zimbra LMTP, and its TLS-only refusal is not a full mailbox although its code is 4.2.2',
      reports: [
        ['4.2.1', '450 4.2.1 Mailbox disabled, not accepting messages (in reply to RCPT TO command)', ['suspend', 'none'], 'delayed'],
        ['5.2.2', '552 5.2.2 Over quota (in reply to RCPT TO command)', ['mailboxfull', 'soft']],
        ['5.1.1', '550 5.1.1 No such user here (in reply to RCPT TO command)', ['userunknown', 'hard']],
        // A recipient address the store cannot parse is the address, not the protocol (as X.1.3).
        ['5.5.2', '500 5.5.2 Syntax error in recipient address (in reply to RCPT TO command)', ['userunknown', 'hard']],
        ['5.5.4', '501 5.5.4 Syntax error in sender address (in reply to MAIL FROM command)', ['rejected', 'soft']],
        // A parameter the client sent wrong is the protocol's error, whatever the command.
        ['5.5.4', '501 5.5.4 Syntax error in SIZE parameter (in reply to MAIL FROM command)', ['syntaxerror', 'soft']],
        ['5.5.1', '503 5.5.1 No recipients (in reply to DATA command)', ['syntaxerror', 'soft']],
        [
          '4.2.2',
          '451 4.2.2 Server accepts messages only on TLS connection (in reply to MAIL FROM command)',
          ['failedstarttls', 'none'],
          'delayed',
        ],
      ],
    },
  ]);
});

describe("the MTAs' own refusals and bounce texts", () => {
  wordingTests([
    // svarshavchik/courier: courier/submit.C, courier/cdmsgq2.C, courier/module.local/deliver.C.
    {
      name: 'reads Courier: unknown user, full mail system, header and message size, too many Received: headers, maildir quota',
      reports: [
        ['5.1.1', '550 User unknown. (in reply to RCPT TO command)', ['userunknown', 'hard']],
        ['4.3.1', '431 Mail system full. (in reply to RCPT TO command)', ['systemfull', 'none'], 'delayed'],
        ['5.0.0', '431 Mail system full.', ['systemfull', 'soft']],
        ['5.0.0', '534 Message header size exceeds policy limit. (in reply to end of DATA command)', ['contenterror', 'soft']],
        [
          '5.0.0',
          '523 Message length (20000000 bytes) exceeds administrative limit (in reply to end of DATA command)',
          ['mesgtoobig', 'soft'],
        ],
        ['5.4.6', '546 Routing loop detected -- too many Received: headers. (in reply to end of DATA command)', ['contenterror', 'soft']],
        ['5.2.2', 'Maildir over quota.', ['mailboxfull', 'soft']],
      ],
    },

    // Exim/exim: src/src/routers/dnslookup.c, src/src/transports/appendfile.c ("mailbox is full
    // (MTA-imposed quota exceeded while writing to ...)"), src/src/configure.default (the ACL
    // messages), src/src/smtp_in.c ("552 Message size exceeds maximum permitted").
    {
      name: 'an Exim domain whose MX records all name missing hosts is hostunknown and hard',
      bounces: [
        [eximBounceOf('all relevant MX records point to non-existent hosts'), ['hostunknown', 'hard']],
        [eximBounceOf('Unrouteable address'), ['hostunknown', 'hard']],
      ],
    },
    {
      name: "too many Received: headers is contenterror (the reference's definition), not a network loop",
      bounces: [[eximBounceOf('Too many "Received" headers - suspected mail loop'), ['contenterror', 'soft']]],
    },
    {
      name: "Exim's appendfile quota is mailboxfull and soft",
      bounces: [[eximBounceOf('mailbox is full (MTA-imposed quota exceeded while writing to /var/mail/user)'), ['mailboxfull', 'soft']]],
    },
    {
      name: 'Exim\'s "Rejected for too many bad recipients" blocks the sending host and never makes the address hard',
      bounces: [
        [
          eximBounceOf(
            'SMTP error from remote mail server after RCPT TO:<user@example.net>:\n    550 Rejected for too many bad recipients',
          ),
          ['blocked', 'soft'],
        ],
      ],
    },
    {
      name: "reads Exim's default ACL texts: relay not permitted, message too big",
      bounces: [
        [
          eximBounceOf('SMTP error from remote mail server after RCPT TO:<user@example.net>:\n    550 relay not permitted'),
          ['norelaying', 'soft'],
        ],
        [
          eximBounceOf('SMTP error from remote mail server after end of data:\n    552 Message size exceeds maximum permitted'),
          ['mesgtoobig', 'soft'],
        ],
      ],
    },

    // src/src/transports/smtp.c (hosts_require_tls, a dropped connection),
    // src/src/routers/rf_self_action.c (routing back to this host).
    {
      name: "reads Exim's transport and router texts: TLS required, a dropped connection, a route back to itself",
      bounces: [
        [eximBounceOf('a TLS session is required, but the server did not offer TLS support'), ['failedstarttls', 'soft']],
        [
          eximBounceOf(
            'SMTP error from remote mail server after end of data:\n    Remote host closed connection in response to end of data',
          ),
          ['expired', 'soft'],
        ],
        [eximBounceOf('lowest numbered MX record points to local host'), ['systemerror', 'soft']],
      ],
    },

    // notqmail/notqmail: qmail-smtpd.c (rcpthosts), qmail-remote.c ("does not like recipient",
    // "Giving up on"), qmail-local.c, qmail-send.c ("in the queue too long").
    {
      name: 'a qmail relay refusal is norelaying, not an expiry, although qmail says it is giving up',
      bounces: [
        [
          qmailBounce([
            '192.0.2.1 does not like recipient.',
            "Remote host said: 553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
            'Giving up on 192.0.2.1.',
          ]),
          ['norelaying', 'soft'],
        ],
      ],
    },
    {
      name: 'reads qmail: no mailbox, a delivery loop, the queue lifetime',
      bounces: [
        [qmailBounce(['Sorry, no mailbox here by that name. (#5.1.1)']), ['userunknown', 'hard']],
        [qmailBounce(['This message is looping: it already has my Delivered-To line. (#5.4.6)']), ['networkerror', 'soft']],
        [
          qmailBounce([
            "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)",
            "I'm not going to try again; this message has been in the queue too long.",
          ]),
          ['expired', 'soft'],
        ],
      ],
    },

    // OpenSMTPD/OpenSMTPD: usr.sbin/smtpd/mta.c (DNS failures, null MX), mda.c and queue.c
    // ("Loop detected", "Envelope expired").
    {
      name: 'reads OpenSMTPD: a loop, an expired envelope, a null MX, a missing domain',
      reports: [
        ['5.4.6', 'Loop detected', ['networkerror', 'soft']],
        ['5.0.0', 'Loop detected', ['networkerror', 'soft']],
        ['4.4.7', 'Envelope expired', ['expired', 'soft']],
        ['5.1.10', 'Domain does not accept mail', ['notaccept', 'hard']],
        ['5.1.2', 'Domain does not exist', ['hostunknown', 'hard']],
      ],
    },

    // Sendmail as FreeBSD ships it: contrib/sendmail/src/err.c (sm_errstring, the errno texts),
    // src/queue.c (the queue return timeout), cf/m4/proto.m4 (check_relay, check_mail).
    {
      name: 'a Sendmail "Connection refused by <host>" is a network failure, never a block of the sender',
      reports: [
        ['4.4.1', 'Deferred: Connection refused by mx.example.net.', ['networkerror', 'none'], 'delayed'],
        ['5.0.0', 'Connection refused by [192.0.2.1]', ['expired', 'soft']],
        ['4.4.2', 'Connection reset by mx.example.net during client greeting', ['networkerror', 'none'], 'delayed'],
        ['5.4.7', 'Message could not be delivered for 5 days', ['expired', 'soft']],
        ['5.0.0', 'Message could not be delivered for 5 days', ['expired', 'soft']],
        // pintvl() writes minutes and seconds too (Timeout.queuereturn=30m); recorded from 8.17.1.9.
        ['5.0.0', 'Message could not be delivered for 30 minutes', ['expired', 'soft']],
        ['4.4.7', 'Cannot send message for 2 seconds', ['expired', 'soft']],
        // Its transcript's line about the address, then the queue-return words (recorded from 8.17.1.9).
        [
          '4.4.7',
          'someone@example.net... Deferred: Connection refused by [192.0.2.1] Message could not be delivered for 5 days',
          ['expired', 'soft'],
        ],
      ],
    },

    {
      name: "reads Sendmail's rulesets: a sender without a real domain is rejected, a client without reverse DNS is requireptr",
      reports: [
        ['5.5.4', '553 5.5.4 <sender@localhost>... Real domain name required for sender address', ['rejected', 'soft']],
        ['5.1.8', '553 5.1.8 <sender@example.com>... Domain of sender address sender@example.com does not exist', ['rejected', 'soft']],
        ['4.1.8', '451 4.1.8 Client IP address 192.0.2.1 does not resolve', ['requireptr', 'none'], 'delayed'],
        ['4.1.8', '451 4.1.8 Possibly forged hostname for 192.0.2.1', ['requireptr', 'none'], 'delayed'],
        ['5.7.1', '550 5.7.1 Fix reverse DNS for 192.0.2.1', ['requireptr', 'soft']],
        ['5.7.1', '550 5.7.1 Rejected: 192.0.2.1 listed at zen.spamhaus.org', ['blocked', 'soft']],
        [
          '5.1.2',
          '550 5.1.2 <user@example.invalid>... Host unknown (Name server: example.invalid: host not found)',
          ['hostunknown', 'hard'],
        ],
      ],
    },

    // OpenSMTPD/OpenSMTPD usr.sbin/smtpd/esc.c prints RFC 3463's descriptions with its codes; a
    // relay that keeps only the words (its own Status 5.0.0) still names the cause.
    {
      name: "reads RFC 3463's descriptions as the servers print them, when the relay's code says only 5.0.0",
      reports: [
        ['5.0.0', '554 System not accepting network messages', ['notaccept', 'hard']],
        ['5.0.0', '554 System incorrectly configured', ['systemerror', 'soft']],
        ['5.0.0', '554 System not capable of selected features', ['systemerror', 'soft']],
        ['5.0.0', '554 Cryptographic failure', ['securityerror', 'soft']],
        ['5.0.0', '554 Security features not supported', ['securityerror', 'soft']],
      ],
    },

    // vdukhovni/postfix: src/smtpd/smtpd_check.c, src/smtpd/smtpd.c, src/postscreen, src/anvil.
    {
      name: 'reads Postfix smtpd: the sender-side refusals are never hard',
      reports: [
        [
          '5.1.1',
          '550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)',
          ['userunknown', 'hard'],
        ],
        ['5.7.1', '554 5.7.1 <user@example.net>: Relay access denied (in reply to RCPT TO command)', ['norelaying', 'soft']],
        [
          '5.1.8',
          '553 5.1.8 <sender@example.com>: Sender address rejected: Domain not found (in reply to RCPT TO command)',
          ['rejected', 'soft'],
        ],
        [
          '5.7.1',
          '550 5.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1] (in reply to RCPT TO command)',
          ['requireptr', 'soft'],
        ],
        ['4.3.1', '452 4.3.1 Insufficient system storage (in reply to MAIL FROM command)', ['systemfull', 'none'], 'delayed'],
      ],
    },
  ]);
});

describe("providers' published replies", () => {
  wordingTests([
    // learn.microsoft.com, Exchange Server API: SmtpResponse fields (Microsoft.Exchange.Data.Transport.Smtp).
    {
      name: "reads Exchange Server's own SMTP responses: a send-as refusal is the sender's, the rest by their codes",
      reports: [
        [
          '5.7.1',
          '550 5.7.1 Client does not have permission to send as this sender (in reply to end of DATA command)',
          ['rejected', 'soft'],
        ],
        ['5.7.1', '550 5.7.1 Anonymous client does not have permission to send as this sender', ['rejected', 'soft']],
        ['4.3.1', '452 4.3.1 Insufficient system resources (in reply to MAIL FROM command)', ['systemfull', 'soft']],
        ['5.3.4', '552 5.3.4 Message size exceeds fixed maximum message size (in reply to MAIL FROM command)', ['mesgtoobig', 'soft']],
        ['4.3.2', '421 4.3.2 System not accepting network messages (in reply to end of DATA command)', ['notaccept', 'soft']],
        ['5.5.1', '503 5.5.1 Bad sequence of commands (in reply to RCPT TO command)', ['syntaxerror', 'soft']],
      ],
    },
    // A mailbox that exists but takes no mail: RFC 3463 X.2.1 ("Mailbox disabled, not accepting
    // messages"), Google (support.google.com/a/answer/3726730), Yahoo's 554.30, Cyrus
    // (imap/imap_err.et), Zimbra (LmtpReply.java), Mail.ru (help.mail.ru).
    {
      name: 'a disabled mailbox is suspend and never hard, whoever words it',
      reports: [
        ['5.2.1', '550 5.2.1 The email account that you tried to reach is disabled.', ['suspend', 'soft']],
        [
          '5.0.0',
          '554 delivery error: dd Sorry your message to user@example.net cannot be delivered. This mailbox is disabled (554.30). - mta1000.mail.example.yahoo.com',
          ['suspend', 'soft'],
        ],
        [
          '5.2.1',
          '550 5.2.1 <user@example.net>: Mailbox disabled, not accepting messages (in reply to RCPT TO command)',
          ['suspend', 'soft'],
        ],
        [
          '5.0.0',
          '550 Message was not accepted -- invalid mailbox.  Local mailbox user@example.net is unavailable: account is disabled',
          ['suspend', 'soft'],
        ],
      ],
    },

    // https://support.google.com/a/answer/3726730 (Gmail SMTP errors and codes).
    {
      name: "a Gmail block for an unusual rate of unsolicited mail is blocked, not the message's spam; header rules are RFC compliance",
      reports: [
        [
          '5.7.1',
          '550 5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.',
          ['blocked', 'soft'],
        ],
        [
          '5.7.1',
          "550 5.7.1 The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead.",
          ['blocked', 'soft'],
        ],
        [
          '5.7.1',
          '550 5.7.1 Messages missing a valid address in From: header, or having no From: header, are not accepted.',
          ['notcompliantrfc', 'soft'],
        ],
        ['5.7.1', '550 5.7.1 Messages missing a valid Message-ID header are not accepted.', ['notcompliantrfc', 'soft']],
        [
          '4.7.32',
          "421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
          ['authfailure', 'none'],
          'delayed',
        ],
        [
          '5.7.1',
          '550 5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.',
          ['spamdetected', 'soft'],
        ],
      ],
    },

    // Gmail's bulk-sender codes (support.google.com/a/answer/3726730): 4.7.27 and 5.7.27 mean SPF
    // did not pass, not RFC 7505's null MX; read as the code alone they made our own SPF
    // problem a dead address.
    {
      name: "a Gmail 4.7.27 or 5.7.27 SPF refusal is authfailure and never hard; a bare X.7.27 is still Sendmail's null MX",
      reports: [
        ['4.7.27', '421 4.7.27 This mail has been rate limited because SPF does not pass.', ['authfailure', 'none'], 'delayed'],
        [
          '5.7.27',
          '550 5.7.27 This mail has been blocked because SPF authentication did not pass for this message.',
          ['authfailure', 'soft'],
        ],
        ['5.7.27', '', ['notaccept', 'hard']],
      ],
    },

    // https://smtp.codes/zoho; https://www.zoho.com/zeptomail/help/api/smtp-error-codes.html
    {
      name: "a Zoho domain's own filter is filtered, its sender refusals are rejected, neither is hard",
      reports: [
        ['5.4.1', '541 5.4.1 Mail rejected by destination domain (in reply to end of DATA command)', ['filtered', 'soft']],
        ['5.0.0', '552 5.1.1 <user@example.net> Mailbox delivery failure policy error (in reply to RCPT TO command)', ['filtered', 'soft']],
        ['5.0.0', '553 Relaying disallowed as <sender@example.com> (in reply to MAIL FROM command)', ['rejected', 'soft']],
        ['5.1.1', '550 5.1.1 <user@example.net> User unknown (in reply to RCPT TO command)', ['userunknown', 'hard']],
        [
          '5.7.1',
          '552 5.7.1 virus Win.Test.EICAR_HDB-1 detected by Zoho Mail (in reply to end of DATA command)',
          ['virusdetected', 'soft'],
        ],
      ],
    },

    // https://www.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685
    {
      name: "reads GoDaddy's IB codes: a blank or IP From: is not RFC-compliant, IB212 is spam",
      reports: [
        ['5.0.0', '550 sender@example.com Blank From: addresses are not allowed. Provide a valid From. IB501', ['notcompliantrfc', 'soft']],
        [
          '5.0.0',
          '550 sender@example.com IP addresses are not allowed as a From: Address. Provide a valid From. IB502',
          ['notcompliantrfc', 'soft'],
        ],
        [
          '5.2.0',
          '552 5.2.0 This message has been rejected due to content judged to be spam by the internet community IB212',
          ['spamdetected', 'soft'],
        ],
        ['5.0.0', '550 Recipient not found. (in reply to RCPT TO command)', ['userunknown', 'hard']],
      ],
    },

    // https://help.mail.ru/mail-help/postmaster; https://mailout.ru/2015/09
    {
      name: 'a Mail.ru account locked for sending is a sender refusal, not a disabled recipient',
      reports: [
        ['5.0.0', '550 message sending for this account is disabled (in reply to MAIL FROM command)', ['rejected', 'soft']],
        ['5.0.0', '550 message sending for this account is disabled', ['rejected', 'soft']],
        [
          '5.0.0',
          '550 Message was not accepted -- invalid mailbox.  Local mailbox user@example.net is unavailable: user not found (in reply to end of DATA command)',
          ['userunknown', 'hard'],
        ],
        [
          '5.0.0',
          '550 spam message rejected. Please visit https://help.mail.ru/notspam-support/id?c=0 or report details to abuse@corp.mail.ru. Error code: 0. ID: 0.',
          ['spamdetected', 'soft'],
        ],
      ],
    },

    // https://yandex.com/support/mail/bounces/yandex/message-rejected-under-suspicion-of-spam.html
    {
      name: 'a Yandex block "by spam statistics" blocks the host; "under suspicion of SPAM" is the message',
      reports: [
        ['5.7.1', '554 5.7.1 Blocked by spam statistics - see https://ya.cc/0 (in reply to MAIL FROM command)', ['blocked', 'soft']],
        [
          '5.7.1',
          '554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/0 (in reply to end of DATA command)',
          ['spamdetected', 'soft'],
        ],
        ['5.7.1', '550 5.7.1 No such user! (in reply to RCPT TO command)', ['userunknown', 'hard']],
        ['5.2.2', '552 5.2.2 Mailbox size limit exceeded (in reply to end of DATA command)', ['mailboxfull', 'soft']],
      ],
    },

    // https://support.apple.com/en-us/HT204137; https://smtp.codes/icloud
    {
      name: 'an iCloud "excessive volume" deferral is speeding; a Spamhaus DBL domain in the message is spam',
      reports: [
        [
          '4.7.1',
          '421 4.7.1 Messages to user@example.net deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137',
          ['speeding', 'soft'],
        ],
        [
          '5.7.1',
          '550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/',
          ['spamdetected', 'soft'],
        ],
        ['5.1.1', '550 5.1.1 <user@example.net>: user does not exist (in reply to RCPT TO command)', ['userunknown', 'hard']],
      ],
    },

    // http://postmaster.comcast.net/mail-error-codes.html
    {
      name: 'a Comcast block code blocks the sending host whatever words surround it',
      reports: [
        ['5.0.0', '554 mx.example.net comcast 192.0.2.1 BL000001 (in reply to MAIL FROM command)', ['blocked', 'soft']],
        ['5.0.0', '550 mx.example.net comcast 192.0.2.1 ES000010 (in reply to RCPT TO command)', ['blocked', 'soft']],
        ['5.0.0', '554 mx.example.net comcast 192.0.2.1 BL006 (in reply to RCPT TO command)', ['blocked', 'soft']],
      ],
    },

    // help.1and1.com (SMTP error messages for the 1&1 mail server); postmaster.web.de; WEB.DE's
    // mailbox replies as sitepackage.de lists them.
    {
      name: "a United Internet (1&1, GMX, WEB.DE) policy refusal blocks the sending host; WEB.DE's storage refusals are a full mailbox",
      reports: [
        ['4.0.0', '421 Reject due to policy violations', ['blocked', 'soft']],
        ['4.0.0', '450 Reject due to policy violations. (in reply to RCPT TO command)', ['blocked', 'none'], 'delayed'],
        ['4.0.0', '421 Rate limit reached. Please try again later', ['speeding', 'none'], 'delayed'],
        [
          '5.0.0',
          '550 Benutzer hat das Speichervolumen ueberschritten. / User has exhausted allowed storage space. (in reply to RCPT TO command)',
          ['mailboxfull', 'soft'],
        ],
        [
          '5.0.0',
          '550 Benutzer hat zuviele Mails auf dem Server. / User has too many messages on the server. (in reply to RCPT TO command)',
          ['mailboxfull', 'soft'],
        ],
        ['5.2.1', '550 5.2.1 <user@example.net> User is inactive (in reply to RCPT TO command)', ['suspend', 'soft']],
      ],
    },

    // learn.microsoft.com: "Email non-delivery reports and SMTP errors in Exchange Online".
    {
      name: 'an Exchange Online delivery restriction on unauthenticated senders is securityerror, not SPF/DKIM',
      reports: [
        [
          '5.7.133',
          '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group',
          ['securityerror', 'soft'],
        ],
        [
          '5.7.134',
          '550 5.7.134 RESOLVER.RST.SenderNotAuthenticatedForMailbox; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this recipient',
          ['securityerror', 'soft'],
        ],
        [
          '5.7.511',
          '550 5.7.511 Access denied, banned sender[192.0.2.1]. To request removal from this list, forward this message to delist@example.com.',
          ['blocked', 'soft'],
        ],
        [
          '5.1.10',
          '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient user@example.net not found by SMTP address lookup',
          ['userunknown', 'hard'],
        ],
      ],
    },

    {
      name: "reads Exchange Online's outbound and throttling codes: TLS required, a throttled IP, a throttled mailbox, a refused connection",
      reports: [
        [
          '5.7.321',
          '550 5.7.321 starttls-not-supported: Destination mail server must support TLS to receive mail.',
          ['failedstarttls', 'soft'],
        ],
        [
          '4.7.500',
          '451 4.7.500 Access denied, please try again later. For more information please go to https://go.microsoft.com/fwlink/?LinkId=526653.',
          ['blocked', 'none'],
          'delayed',
        ],
        ['4.3.2', '432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded', ['speeding', 'none'], 'delayed'],
        ['4.4.316', '451 4.4.316 Connection refused [Message=Socket error code 10061]', ['networkerror', 'none'], 'delayed'],
        ['5.4.316', '550 5.4.316 Message expired, connection refused(Socket error code 10061)', ['expired', 'soft']],
      ],
    },

    // https://smtp.codes/qq; exmail.qq.com's help (help id 20022) as Tencent's resellers quote it.
    {
      name: "reads Tencent QQ Mail's limits: a domain or IP sending too often is speeding, a spam sender is its reputation",
      reports: [
        ['5.0.0', '550 Domain frequency limited', ['speeding', 'soft']],
        ['5.0.0', '550 Ip frequency limited', ['speeding', 'soft']],
        ['5.0.0', '550 Suspected spam sender.', ['badreputation', 'soft']],
        [
          '5.0.0',
          '550 Mailbox not found. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728 (in reply to RCPT TO command)',
          ['userunknown', 'hard'],
        ],
      ],
    },

    // Outlook.com's postmaster troubleshooting codes, as bounces quote them
    // (support.binarylane.com.au article 11000047583).
    {
      name: 'an Outlook.com SC, DY or OU code blocks the sending host, although the words say "policy reasons"',
      reports: [
        [
          '5.0.0',
          "550 SC-001 (BAY004-MC4F49) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider since part of their network is on our block list.",
          ['blocked', 'soft'],
        ],
        [
          '5.0.0',
          '550 SC-002 (BAY004-MC1F1) Mail rejected by Windows Live Hotmail for policy reasons. The mail server IP connecting to Windows Live Hotmail has exhibited namespace mining behavior.',
          ['blocked', 'soft'],
        ],
        [
          '5.0.0',
          "550 DY-001 (BAY004-MC1F1) Mail rejected by Windows Live Hotmail for policy reasons. We generally do not accept email from dynamic IP's as they are not typically used to deliver unauthenticated SMTP e-mail to an Internet mail server.",
          ['blocked', 'soft'],
        ],
        [
          '5.5.0',
          '550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). (in reply to RCPT TO command)',
          ['userunknown', 'hard'],
        ],
      ],
    },

    // https://knowledge.broadcom.com/external/article/162445
    {
      name: 'reads the refusals Broadcom Email Security.cloud relays: content denied, macros, sender denied',
      reports: [
        ['5.0.0', '554 Denied (Mode: normal)', ['spamdetected', 'soft']],
        ['5.0.0', '552 MS-Office file containing VBA macros found inside of the email', ['policyviolation', 'soft']],
        ['5.7.1', '550 5.7.1 Message rejected due to content restrictions', ['policyviolation', 'soft']],
        ['5.1.0', '554 5.1.0 Sender denied (in reply to MAIL FROM command)', ['rejected', 'soft']],
        ['5.4.7', '554 5.4.7 [internal] exceeded max time without delivery', ['expired', 'soft']],
      ],
    },

    // http://postmaster.aol.com/errors/ (AOL's block codes, before Yahoo ran its mail).
    {
      name: 'an AOL block code (RTR, RLY, DYN) blocks the sending host',
      reports: [
        ['5.0.0', '554 RLY:B1 http://postmaster.info.aol.com/errors/554rlyb1.html', ['blocked', 'soft']],
        ['5.0.0', '554 RTR:BB mx.example.net rejecting mail from 192.0.2.1', ['blocked', 'soft']],
        ['4.0.0', '421 DYN:T1 http://postmaster.info.aol.com/errors/421dynt1.html', ['blocked', 'none'], 'delayed'],
      ],
    },

    // https://help.yahoo.com/kb/SLN3444.html; https://help.yahoo.com/kb/SLN3436.html ([TS03]).
    {
      name: "Yahoo's VS codes block the sending host; a 4.1.8 there is not a refusal of the sender",
      reports: [
        ['4.0.0', '451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)', ['blocked', 'soft']],
        ['5.0.0', '553 VS99-IP1 deferred', ['blocked', 'soft']],
        ['4.7.1', '421 4.7.1 [TS03] All messages from 192.0.2.1 permanently deferred', ['blocked', 'none'], 'delayed'],
        [
          '5.0.0',
          "554 delivery error: dd This user doesn't have a yahoo.com account (user@example.net) [0] - mta1000.mail.example.yahoo.com (in reply to end of DATA command)",
          ['userunknown', 'hard'],
        ],
      ],
    },
  ]);
});

// The Japanese mobile carriers publish no error pages of their own; an ESP documents the replies
// their servers give: docomo https://note.com/sendmagic/n/neb6bbe7e51cf, au
// https://note.com/sendmagic/n/n875d8dcb6cb8, SoftBank https://note.com/sendmagic/n/n5afbf98aeb25,
// and J:COM https://note.com/sendmagic/n/n59a9f610bc0e. docomo and au answer "unknown user"
// also when the recipient's own reception filter refuses the sender; docomo does so after the
// message data (NTT's support page and https://akisoftware.com/pmsrv/help/docomo.html show the
// reply after end of data).
describe("the Japanese carriers' replies", () => {
  wordingTests([
    {
      name: 'a docomo "Unknown user" after the message data is the recipient\'s filter, at RCPT it is an unknown user',
      reports: [
        ['5.0.0', '550 Unknown user user@example.net (in reply to end of DATA command)', ['filtered', 'soft']],
        ['5.0.0', '550 Unknown user user@example.net (in reply to RCPT TO command)', ['userunknown', 'hard']],
        ['5.0.0', '552 Too much mail data user@example.net (in reply to end of DATA command)', ['mailboxfull', 'soft']],
      ],
    },

    {
      name: 'reads au, SoftBank and J:COM: unknown users, a malformed address, a sender domain without DNS, a busy session',
      reports: [
        ['5.0.0', '550 <user@example.net>: User unknown (in reply to RCPT TO command)', ['userunknown', 'hard']],
        ['5.0.0', '554 <user@@example.net>: Relay access denied (in reply to RCPT TO command)', ['norelaying', 'soft']],
        ['5.0.0', '550 Invalid recipient: <user@example.net> (in reply to RCPT TO command)', ['userunknown', 'hard']],
        ['5.0.0', '553 example.com does not exist (in reply to MAIL FROM command)', ['rejected', 'soft']],
        ['4.0.0', '421 #4.x.2 Too many messages for this session', ['toomanyconn', 'soft']],
      ],
    },
  ]);
});

// Rules written for what servers write in general, not for the one wording a sample has: SPF
// named as advice in another refusal, the "spam or virus" pair, the reply code's meaning by the
// command it answered (RFC 1870), and RFC 7505's sender null MX.
describe('general wordings, whatever the server', () => {
  wordingTests([
    {
      name: 'greylisting is a deferral, never an unknown address: a final report after it is expired, soft, whatever the code',
      reports: [
        [
          '4.2.0',
          '450 4.2.0 <user@example.net>: Recipient address rejected: Greylisted, see http://postgrey.example.org/help/example.net.html (in reply to RCPT TO command)',
          ['expired', 'soft'],
        ],
        ['5.1.1', '550 5.1.1 Recipient address rejected: Greylisted, please try later (in reply to RCPT TO command)', ['expired', 'soft']],
        ['4.7.1', '451 4.7.1 Greylisting in action, please come back later (in reply to RCPT TO command)', ['expired', 'none'], 'delayed'],
      ],
    },
    {
      name: 'a DNS address lookup that failed is the network, a recipient who stopped accepting the sender its filter, an SPF policy link an SPF failure',
      reports: [
        ['4.4.0', '451 4.4.0 DNS address lookup failed for mx.example.net (in reply to RCPT TO command)', ['networkerror', 'soft']],
        [
          '5.7.1',
          '550 5.7.1 Message rejected: user@example.net is no longer accepting messages from you (in reply to RCPT TO command)',
          ['filtered', 'soft'],
        ],
        [
          '5.7.1',
          '550 5.7.1 <user@example.net>: Recipient address rejected: Please see http://spf.example.org/Why?s=mfrom;id=s@example.com;ip=192.0.2.1;r=example.net (in reply to RCPT TO command)',
          ['authfailure', 'soft'],
        ],
      ],
    },
    {
      name: "a name that does not exist on the sending side (HELO, the client host, the From: header, the Message-ID) is never the recipient's domain, never hard",
      reports: [
        ['5.0.0', '501 5.5.2 Invalid domain name in HELO (in reply to EHLO command)', ['blocked', 'soft']],
        ['5.7.1', '550 5.7.1 Helo name host.invalid does not exist (in reply to RCPT TO command)', ['blocked', 'soft']],
        ['5.7.1', '550 5.7.1 Client host rejected: unknown host (in reply to RCPT TO command)', ['blocked', 'soft']],
        [
          '5.7.1',
          '550 5.7.1 Message rejected: the From: domain example.com does not exist (in reply to end of DATA command)',
          ['rejected', 'soft'],
        ],
        ['5.0.0', '550 Domain not found in header From (in reply to end of DATA command)', ['rejected', 'soft']],
        ['5.0.0', '550 Message-ID domain not found (in reply to end of DATA command)', ['notcompliantrfc', 'soft']],
        ['5.7.1', '550 5.7.1 Unknown domain in From header (in reply to end of DATA command)', ['rejected', 'soft']],
        ['5.7.1', '550 5.7.1 Domain of the From header has no MX record (in reply to end of DATA command)', ['rejected', 'soft']],
        ['5.7.1', '554 5.7.1 Message from unknown host rejected (in reply to RCPT TO command)', ['blocked', 'soft']],
        ['5.7.1', '550 5.7.1 Your host name does not exist in DNS (in reply to RCPT TO command)', ['blocked', 'soft']],
      ],
    },
    {
      name: "Exchange's own NDR text for a missing address is a mailbox lookup, whatever phase",
      reports: [
        [
          '5.0.0',
          "Delivery has failed to these recipients or groups: user@example.net The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message.",
          ['userunknown', 'hard'],
        ],
      ],
    },
    {
      name: "Sendmail's local mailer that cannot write is a mailer error; a server that wants an SPF record an SPF failure",
      reports: [
        ['5.0.0', "<user@example.net>... Can't create output", ['mailererror', 'soft']],
        ['5.7.0', '553 5.7.0 Sorry, no SPF record (in reply to MAIL FROM command)', ['authfailure', 'soft']],
      ],
    },
    {
      name: '"no longer" moves an address only when it is about the address or its owner',
      reports: [
        ['5.0.0', '550 User is no longer with this company (in reply to RCPT TO command)', ['hasmoved', 'hard']],
        ['5.0.0', '550 This account is no longer active (in reply to RCPT TO command)', ['suspend', 'soft']],
        ['5.0.0', '550 Service no longer available for this domain (in reply to RCPT TO command)', ['onhold', 'soft']],
        ['5.7.1', '550 5.7.1 Our system no longer accepts mail from your server (in reply to RCPT TO command)', ['blocked', 'soft']],
      ],
    },
    {
      name: 'qmail\'s "no mailbox here by that name" and its variants without "here" are an unknown user at RCPT TO',
      reports: [['5.0.0', '550 no mailbox by that name is currently available (in reply to RCPT TO command)', ['userunknown', 'hard']]],
    },
    {
      name: 'a mailbox closed for inactivity or a terminated user is suspend, never hard',
      reports: [
        ['5.0.0', '550 Mailbox unavailable due to inactivity (in reply to RCPT TO command)', ['suspend', 'soft']],
        [
          '5.0.0',
          '550 Message was not accepted -- invalid mailbox.  Local mailbox user@example.net is unavailable: user is terminated',
          ['suspend', 'soft'],
        ],
      ],
    },
    {
      name: 'a recipient kept for internal mail refuses by its own rule (filtered); a sending limit is speeding',
      reports: [
        ['5.0.0', '550 The user has no permission to receive mail from outside. (in reply to RCPT TO command)', ['filtered', 'soft']],
        ['5.7.1', '550 5.7.1 Recipient not authorized to accept mail from this sender (in reply to RCPT TO command)', ['filtered', 'soft']],
        // A relay that takes mail only from registered senders refuses the sender, whatever its 5.1.1.
        ['5.1.1', '550 5.1.1 <bounces@example.com>: unauthorized sender (in reply to RCPT TO command)', ['rejected', 'soft']],
        // "IP address" is the sending host's, never the recipient's address.
        ['5.0.0', '550 Your IP address is invalid for this domain (in reply to RCPT TO command)', ['blocked', 'soft']],
        ['5.7.1', '550 5.7.1 Message rejected: sending limit exceeded for user (in reply to end of DATA command)', ['speeding', 'soft']],
        // A quota on sending is a rate, not the mailbox's storage.
        ['4.7.1', '451 4.7.1 Sending quota exceeded for this account, try later (in reply to RCPT TO command)', ['speeding', 'soft']],
        ['4.5.3', '452 4.5.3 Recipient quota exceeded for this hour (in reply to RCPT TO command)', ['speeding', 'soft']],
        ['4.2.2', '452 4.2.2 Mailbox quota exceeded (in reply to RCPT TO command)', ['mailboxfull', 'soft']],
      ],
    },
    // Relays' and sending services' own words when they stop retrying (Momentum/SparkPost's
    // "[internal]" responses, support.sparkpost.com/momentum/4/message-responses).
    {
      name: "the end of the retries in a relay's own words is expired, and never hard",
      reports: [
        ['5.0.0', 'Unable to deliver message after multiple retries', ['expired', 'soft']],
        ['5.0.0', 'Remote server did not respond; exhausted retry attempts', ['expired', 'soft']],
        ['5.0.0', '550 Max retry reached', ['expired', 'soft']],
        ['5.0.0', 'Exceeded maximum number of retries', ['expired', 'soft']],
        ['4.4.1', '4.4.1 [internal] no MXs for this domain could be reached', ['expired', 'soft']],
      ],
    },
    {
      name: 'a DNS lookup that could not be made is a network error, a domain that does not exist hostunknown',
      reports: [
        ['5.4.3', '554 5.4.3 [internal] Unable to lookup DNS for example.net', ['networkerror', 'soft']],
        ['5.4.4', '554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain', ['hostunknown', 'hard']],
        [
          '5.4.4',
          '554 5.4.4 SMTPSEND.DNS.MxLoopback; DNS records for the target domain are configured in a loop',
          ['networkerror', 'soft'],
        ],
        // Postfix's reply for an MX query it could not parse names no null MX unless malformed;
        // "Host not found" under type=MX is the name that does not exist.
        [
          '5.4.4',
          'Host or domain name not found. Name service error for name=example.invalid type=MX: Host not found',
          ['hostunknown', 'hard'],
        ],
      ],
    },
    {
      name: 'an address "not a valid RFC 5321 address" is the address refused, not the message\'s form: the sender\'s is rejected',
      reports: [['5.1.7', '553 5.1.7 The sender address <s@example.com> is not a valid RFC 5321 address.', ['rejected', 'soft']]],
    },
    // Postfix: src/local/mailbox.c (EFBIG under mailbox_size_limit); access(5) (REJECT with no
    // text says "Access denied"); Exim: src/src/transports/smtp.c ("all host address lookups
    // failed permanently/temporarily"); cPanel's Exim configuration (cannot_route_message).
    {
      name: 'a Postfix mailbox past mailbox_size_limit ("File too large") is mailboxfull, soft',
      reports: [
        ['5.2.2', 'cannot update mailbox /var/mail/user for user user. error writing message: File too large', ['mailboxfull', 'soft']],
      ],
    },
    {
      name: "Exim's host address lookups: failed permanently is hostunknown (hard), temporarily a network error (soft)",
      reports: [
        ['5.0.0', 'all host address lookups failed permanently', ['hostunknown', 'hard']],
        ['5.0.0', 'all host address lookups failed temporarily', ['networkerror', 'soft']],
        [
          '5.0.0',
          'The mail server could not deliver mail to user@example.net.  The account or domain may not exist, they may be blacklisted, or missing the proper dns entries.',
          ['hostunknown', 'hard'],
        ],
      ],
    },
    {
      name: '"try again later" is no connection failure: a temporary system problem stays systemerror after the retries',
      reports: [['4.3.0', '421-4.3.0 Temporary System Problem.  Try again later.', ['systemerror', 'soft']]],
    },
    {
      name: "Postfix's \"Recipient address rejected: Access denied\" is an access map's REJECT: a policy with 5.7.1, never hard; Exchange Online's 5.4.1 is a missing address",
      reports: [
        [
          '5.7.1',
          '554 5.7.1 <user@example.net>: Recipient address rejected: Access denied (in reply to RCPT TO command)',
          ['securityerror', 'soft'],
        ],
        [
          '5.4.1',
          '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) (in reply to RCPT TO command)',
          ['userunknown', 'hard'],
        ],
        // A temporary REJECT (450) names no reason at all: onhold, never hard.
        ['4.0.0', '450 Recipient address rejected: Access denied (in reply to RCPT TO command)', ['onhold', 'soft']],
      ],
    },
    {
      name: 'a domain that "does not accept mail" is notaccept only when the words end there, not "over IPv6" or "from" a host',
      reports: [
        ['5.0.0', '550 5.7.1 Host does not accept mail', ['notaccept', 'hard']],
        ['5.7.510', '550 5.7.510 Access denied, example.net does not accept email over IPv6', ['blocked', 'soft']],
        ['5.0.0', '554 This server does not accept mail from 192.0.2.1 (in reply to RCPT TO command)', ['blocked', 'soft']],
      ],
    },
    {
      name: 'SPF decides only when it failed, not when a refusal for something else advises on it',
      reports: [
        [
          '5.7.1',
          '550 5.7.1 Message rejected as spam. Please review your SPF settings (in reply to end of DATA command)',
          ['spamdetected', 'soft'],
        ],
        ['5.7.1', '550 5.7.1 SPF check failed for example.com (in reply to RCPT TO command)', ['authfailure', 'soft']],
        [
          '5.7.1',
          '550 5.7.1 192.0.2.1 is not permitted to send for example.com by its SPF record (in reply to MAIL FROM command)',
          ['authfailure', 'soft'],
        ],
      ],
    },
    {
      name: 'a refusal for "spam or virus" in either order is not a virus finding',
      reports: [
        ['5.7.1', '550 Message contains virus or spam (in reply to end of DATA command)', ['spamdetected', 'soft']],
        ['5.7.1', '550 Message rejected: spam/virus suspected (in reply to end of DATA command)', ['spamdetected', 'soft']],
        ['5.7.1', '550 Virus found: Eicar-Test-Signature (in reply to end of DATA command)', ['virusdetected', 'soft']],
      ],
    },
    {
      name: "a bare 552 after the data is the message size, at RCPT the mailbox's storage",
      reports: [
        ['5.0.0', '552 Requested mail action aborted (in reply to end of DATA command)', ['mesgtoobig', 'soft']],
        ['5.0.0', '552 Requested mail action aborted (in reply to RCPT TO command)', ['mailboxfull', 'soft']],
      ],
    },
    {
      name: "RFC 7505's sender null MX is about the sender, never a dead recipient",
      reports: [['5.7.27', '550 5.7.27 Sender address has null MX (in reply to RCPT TO command)', ['rejected', 'soft']]],
    },
    {
      name: 'too many bad recipients in any wording is a block',
      reports: [['5.0.0', '550 Too many invalid recipients (in reply to RCPT TO command)', ['blocked', 'soft']]],
    },
  ]);
});

describe("the MTAs' own texts, more of them", () => {
  wordingTests([
    // Exim/exim: src/src/smtp_in.c (smtp_handle_acl_fail: "Administrative prohibition" when an
    // ACL denies with no message of its own), src/src/receive.c (a local_scan() rejection).
    {
      name: 'Exim\'s bare "Administrative prohibition" is a refusal that never makes an address hard, at any command',
      bounces: [
        [
          eximBounceOf('SMTP error from remote mail server after RCPT TO:<user@example.net>: 550 Administrative prohibition'),
          ['rejected', 'soft'],
        ],
        [
          eximBounceOf('SMTP error from remote mail server after MAIL FROM:<sender@example.com> SIZE=1234: 550 Administrative prohibition'),
          ['rejected', 'soft'],
        ],
        [eximBounceOf('SMTP error from remote mail server after end of data: 550 Administrative prohibition'), ['rejected', 'soft']],
      ],
    },

    // dovecot/core: src/lib-storage/mail-storage-service.c (ERRSTR_INVALID_USER_SETTINGS), which
    // dovecot-lda and LMTP answer when a user's settings cannot be read.
    {
      name: 'Dovecot\'s "Invalid user settings" is the server\'s own failure, never an unknown user or a filter',
      reports: [
        ['4.3.0', 'Invalid user settings. Refer to server log for more information.', ['systemerror', 'none'], 'delayed'],
        ['5.3.0', 'Invalid user settings. Refer to server log for more information.', ['systemerror', 'soft']],
      ],
    },

    // qmail-1.03 / netqmail: qmail-smtpd.c, straynewline().
    {
      name: "qmail-smtpd's answer to a bare LF is a message not compliant with the RFC",
      reports: [
        [
          '5.0.0',
          'host mx.example.net[192.0.2.1] said: 451 See http://pobox.com/~djb/docs/smtplf.html. (in reply to end of DATA command)',
          ['notcompliantrfc', 'soft'],
        ],
      ],
    },

    // vdukhovni/postfix: postfix/src/smtp/smtp_addr.c ("unable to find primary relay for %s",
    // 4.4.4), smtp_sasl_glue.c and smtp_sasl_proto.c ("SASL authentication failed; ...").
    {
      name: "Postfix's client texts: no primary relay is a routing failure, its own SASL login failing is securityerror, not SPF/DKIM",
      reports: [
        ['4.4.4', 'unable to find primary relay for example.net', ['networkerror', 'none'], 'delayed'],
        ['5.4.4', 'unable to find primary relay for example.net', ['networkerror', 'soft']],
        [
          '4.7.0',
          'SASL authentication failed; cannot authenticate to server mx.example.net[192.0.2.1]: no mechanism available',
          ['securityerror', 'none'],
          'delayed',
        ],
        [
          '5.7.8',
          'SASL authentication failed; server mx.example.net[192.0.2.1] said: 535 5.7.8 Error: authentication failed: authentication failure',
          ['securityerror', 'soft'],
        ],
      ],
    },

    // OpenSMTPD/OpenSMTPD: usr.sbin/smtpd/mta.c (the relay's failstr), lka_session.c and mda.c
    // (the user and alias tables, the delivery program).
    {
      name: "OpenSMTPD's relay and table failures: a temporary MX lookup is the network, a failed user table the system, never the address",
      reports: [
        ['4.4.3', 'Temporary failure in MX lookup', ['networkerror', 'none'], 'delayed'],
        ['5.4.3', 'Temporary failure in MX lookup', ['networkerror', 'soft']],
        ['5.4.4', 'No valid route to remote MX', ['networkerror', 'soft']],
        ['5.4.4', 'Address family mismatch on destination MXs', ['networkerror', 'soft']],
        ['4.3.0', 'Temporary failure in user lookup', ['systemerror', 'none'], 'delayed'],
        ['5.0.0', 'error in virtual alias lookup', ['systemerror', 'soft']],
        ['5.0.0', 'backend error while searching user', ['systemerror', 'soft']],
        ['5.0.0', 'mda exited prematurely', ['mailererror', 'soft']],
      ],
    },
  ]);
});

describe("Postfix smtpd's own refusals (postfix/src/smtpd/smtpd_check.c)", () => {
  wordingTests([
    {
      name: 'a table that could not be read ("Temporary lookup failure") is the server\'s system, not DNS and not the address',
      reports: [
        [
          '4.3.0',
          '451 4.3.0 <user@example.net>: Temporary lookup failure (in reply to RCPT TO command)',
          ['systemerror', 'none'],
          'delayed',
        ],
        ['5.3.0', '451 4.3.0 <user@example.net>: Temporary lookup failure (in reply to RCPT TO command)', ['systemerror', 'soft']],
      ],
    },
    {
      name: "a sender domain on an RHSBL and a multi-recipient bounce are the sender's refusals, never hard",
      reports: [
        [
          '5.7.1',
          '554 5.7.1 Service unavailable; Sender address [sender@example.com] blocked using dbl.example.org (in reply to RCPT TO command)',
          ['rejected', 'soft'],
        ],
        [
          '5.7.1',
          '550 5.7.1 <user@example.net>: Recipient address rejected: Multi-recipient bounce (in reply to RCPT TO command)',
          ['rejected', 'soft'],
        ],
        // The client host on a DNSBL stays a block of the sending host.
        [
          '5.7.1',
          '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.example.org (in reply to RCPT TO command)',
          ['blocked', 'soft'],
        ],
      ],
    },
  ]);
});

describe("Exim's routers and transports (src/src/routers/dnslookup.c, redirect.c; src/src/transports/pipe.c, smtp.c, appendfile.c)", () => {
  wordingTests([
    {
      name: "Exim's null MX is a domain that takes no mail; its pipe's failures are the local mailer's",
      bounces: [
        [eximBounceOf('an MX or SRV record indicated no SMTP service'), ['notaccept', 'hard']],
        [
          eximBounceOf('Child process of address_pipe transport returned 69 (could mean service or program unavailable)'),
          ['mailererror', 'soft'],
        ],
        [eximBounceOf('local delivery failed'), ['mailererror', 'soft']],
      ],
    },
    {
      name: "Exim's broken .forward or locked mailbox is the receiving system, not an SMTP syntax error",
      bounces: [
        [eximBounceOf('syntax error in redirection data'), ['systemerror', 'soft']],
        [eximBounceOf('failed to lock mailbox /var/mail/user (lock file)'), ['systemerror', 'soft']],
      ],
    },
    {
      name: "Exim's failed TLS session is failedstarttls; a message needing SMTPUTF8 where it is not offered is contenterror",
      reports: [
        [
          '4.0.0',
          'TLS session: (SSL_connect): error:0A000086:SSL routines::certificate verify failed',
          ['failedstarttls', 'none'],
          'delayed',
        ],
        ['5.6.7', 'utf8 support required but not offered for forwarding', ['contenterror', 'soft']],
      ],
    },
  ]);
});

describe('wordings quoted on providers’ bounce help pages', () => {
  wordingTests([
    {
      name: "a message bigger than the mailbox's remaining quota is a full mailbox, not a message too big",
      reports: [['5.2.2', '552 Message size exceeds remaining quota (in reply to end of DATA command)', ['mailboxfull', 'soft']]],
    },
    {
      name: "Coremail's NetEase AntiSpam+ block is the message's spam, not a block of the host",
      reports: [
        [
          '5.0.0',
          '550 CoremailSys:Your message was blocked by NetEase AntiSpam+ (in reply to end of DATA command)',
          ['spamdetected', 'soft'],
        ],
      ],
    },
    {
      name: 'an address in square brackets between "user" and "not found" is still an unknown user',
      reports: [['5.0.0', '550 Local User [user@example.net] not found. (in reply to RCPT TO command)', ['userunknown', 'hard']]],
    },
  ]);
});

// haraka/Haraka: outbound/hmail.js (its outbound queue's bounce and deferral texts).
describe("Haraka's outbound queue (outbound/hmail.js)", () => {
  wordingTests([
    {
      name: 'Haraka\'s "Too many failures (...)" is the end of its retries: expired, never hard, whatever the last error',
      reports: [
        ['5.1.2', 'Too many failures (Tried all MXs)', ['expired', 'soft']],
        ['5.0.0', 'Too many failures (Temporary MX lookup error for example.net)', ['expired', 'soft']],
      ],
    },
    {
      name: "Haraka's TLS policy not met is failedstarttls; its null MX notaccept; no such domain hostunknown",
      reports: [
        ['4.0.0', 'No TLS available but required by configuration.', ['failedstarttls', 'none'], 'delayed'],
        ['4.0.0', 'Host failed TLS verification required by configuration.', ['failedstarttls', 'none'], 'delayed'],
        ['5.1.2', 'Domain example.net sends and receives no email (NULL MX)', ['notaccept', 'hard']],
        ['5.1.2', 'No Such Domain: example.net', ['hostunknown', 'hard']],
      ],
    },
  ]);
});

// svarshavchik/courier: courier/submit.C, courier/module.esmtp/courieresmtpd.C and libesmtp.C,
// courier/filters/ratefilter.C and perlfilter/perlfilter-ratelimit.pl.
describe("Courier's own texts, more of them", () => {
  wordingTests([
    {
      name: "Courier's refusal of the sender's blocked MX is rejected; its rate filters are speeding",
      reports: [
        ['5.1.7', '517 Mail server at 192.0.2.1 is blocked. (in reply to MAIL FROM command)', ['rejected', 'soft']],
        ['5.0.0', '500 Number of messages exceeded administrative limit. (in reply to end of DATA command)', ['speeding', 'soft']],
        ['5.5.2', '552 sender@example.com is sending too much mail, slow down. (in reply to end of DATA command)', ['speeding', 'soft']],
      ],
    },
    {
      name: 'a message needing SMTPUTF8 that the next server lacks is contenterror; "TLS not available" failedstarttls; a bad Date: header not RFC-compliant',
      reports: [
        ['5.5.3', '553 Unable to deliver Unicode E-mail to a non-Unicode mail server.', ['contenterror', 'soft']],
        ['5.5.0', "550-The addressee's mail server does not support the sender's international E-mail address.", ['contenterror', 'soft']],
        ['5.4.0', '540 TLS not available. (in reply to MAIL FROM command)', ['failedstarttls', 'soft']],
        ['5.0.0', '500 Invalid Date header. (in reply to end of DATA command)', ['notcompliantrfc', 'soft']],
      ],
    },
    {
      name: "Courier's esmtp module giving up on a server that kept dropping the connection (its two wordings) is expired, soft",
      reports: [
        ['5.0.0', 'Network connection shut down by the remote mail server', ['expired', 'soft']],
        ['5.0.0', 'Connection unexpectedly closed by remote host.', ['expired', 'soft']],
      ],
    },
    {
      name: "Courier's local module's unknown account is userunknown, hard, with or without the domain in its brackets",
      reports: [
        ['5.0.0', '550 User <user> unknown', ['userunknown', 'hard']],
        ['5.0.0', '550 User <user@example.net> unknown', ['userunknown', 'hard']],
      ],
    },
  ]);
});

describe('a refusal pointing at an IP block list (the lists zeek/zeek blocklists.zeek watches SMTP errors for)', () => {
  wordingTests([
    {
      name: "a link to an IP block list's lookup page blocks the sending host, whatever vague words surround it",
      reports: [
        ['5.7.1', '550 5.7.1 Rejected: see http://www.sophos.com/security/ for more information', ['blocked', 'soft']],
        ['5.7.1', '550 5.7.1 Mail from 192.0.2.1 refused, see http://cbl.abuseat.org/lookup.cgi?ip=192.0.2.1', ['blocked', 'soft']],
        ['5.0.0', '554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1 (in reply to RCPT TO command)', ['blocked', 'soft']],
      ],
    },
  ]);
});

describe('a malformed address is the address, not an SMTP command syntax error (postfix/src/smtpd/smtpd.c, OpenSMTPD usr.sbin/smtpd/smtp_session.c)', () => {
  wordingTests([
    {
      name: "a recipient address that is not well-formed is userunknown (X.1.3), the sender's rejected (X.1.7)",
      reports: [
        ['5.1.3', '501 5.1.3 Bad recipient address syntax (in reply to RCPT TO command)', ['userunknown', 'hard']],
        ['5.1.3', '501 5.1.3 Recipient address syntax error (in reply to RCPT TO command)', ['userunknown', 'hard']],
        ['5.1.7', '501 5.1.7 Bad sender address syntax (in reply to MAIL FROM command)', ['rejected', 'soft']],
        ['5.1.7', '553 5.1.7 Sender address syntax error (in reply to MAIL FROM command)', ['rejected', 'soft']],
      ],
    },
  ]);
});

// hrs-allbsd/sendmail (Sendmail 8.18): sendmail/deliver.c, usersmtp.c, srvrsmtp.c, collect.c,
// parseaddr.c.
describe("Sendmail's own replies and client texts", () => {
  wordingTests([
    {
      name: "Sendmail's failed STARTTLS is failedstarttls; SMTPUTF8, 8-bit and NUL refusals are the message's content",
      reports: [
        ['4.0.0', '454 TLS session initiation failed', ['failedstarttls', 'none'], 'delayed'],
        ['5.0.0', '554 TLS session initiation failed', ['failedstarttls', 'soft']],
        ['5.6.7', '504 SMTPUTF8 required but not offered', ['contenterror', 'soft']],
        ['5.7.0', '504 5.7.0 Sorry, SMTPUTF8 not supported (in reply to MAIL FROM command)', ['contenterror', 'soft']],
        ['5.6.0', '554 Eight bit data not allowed (in reply to end of DATA command)', ['contenterror', 'soft']],
        ['5.6.0', '554 NUL byte not allowed (in reply to end of DATA command)', ['contenterror', 'soft']],
      ],
    },
    {
      name: "Sendmail's \"Syntax error in mailbox address\" is the recipient's address with 5.1.3, the sender's with 5.1.7",
      reports: [
        ['5.1.3', '501 5.1.3 Syntax error in mailbox address "user@@example.net" (unbalanced quote)', ['userunknown', 'hard']],
        ['5.1.7', '501 5.1.7 Syntax error in mailbox address "sender@@example.com" (unbalanced quote)', ['rejected', 'soft']],
      ],
    },
  ]);
});

// vdukhovni/postfix: postfix/src/local/mailbox.c, local.c, resolve.c (the local delivery agent).
describe("Postfix's local delivery agent", () => {
  wordingTests([
    {
      name: 'a mailbox or home directory Postfix cannot write, or a table it cannot read, is the receiving system; a full quota stays mailboxfull',
      reports: [
        [
          '5.2.0',
          'cannot update mailbox /var/mail/user for user user. unable to create lock file /var/mail/user.lock: Permission denied',
          ['systemerror', 'soft'],
        ],
        ['5.0.0', 'cannot access home directory /home/user: Permission denied', ['systemerror', 'soft']],
        ['4.3.0', 'table lookup failure', ['systemerror', 'none'], 'delayed'],
        ['4.0.0', 'user lookup error', ['systemerror', 'none'], 'delayed'],
        [
          '5.2.2',
          'cannot update mailbox /var/mail/user for user user. error writing message: Disk quota exceeded',
          ['mailboxfull', 'soft'],
        ],
      ],
    },
  ]);
});

// dovecot/core: src/lmtp/lmtp-local.c, lmtp-proxy.c, src/lib-storage/mail-error.h.
describe("Dovecot LMTP's own failures", () => {
  wordingTests([
    {
      name: 'a Dovecot lock timeout or a Sieve folder that does not exist is the receiving system, not the network or the address',
      reports: [
        [
          '4.2.0',
          '451 4.2.0 <user@example.net> Timeout while waiting for lock (in reply to end of DATA command)',
          ['systemerror', 'none'],
          'delayed',
        ],
        ['5.2.0', "552 5.2.0 <user@example.net> Mailbox doesn't exist: Junk (in reply to end of DATA command)", ['systemerror', 'soft']],
        [
          '4.3.0',
          '451 4.3.0 <user@example.net> Temporary internal error (in reply to RCPT TO command)',
          ['systemerror', 'none'],
          'delayed',
        ],
        ['5.4.6', '554 5.4.6 <user@example.net> Proxying loops to itself (in reply to RCPT TO command)', ['networkerror', 'soft']],
      ],
    },
  ]);
});
