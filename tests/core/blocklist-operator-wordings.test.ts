// Refusals because of a DNS block list, read from the MTAs' sources that write the refusal and
// from the list operators' own pages (their zones, TXT records and return codes), each in a whole
// notice of a real MTA layout quoting the remote reply: Postfix's bounce(8) notice
// (postfix-notice.ts), Exim's deliver.c bounce (plain-bounces.ts), qmail-send's bounce with
// qmail-remote's "Remote host said:", Sendmail's errbody() with its transcript. What a user sees is
// asserted: kind, the failed address, reason, hard/soft, status, reply code. The reasons are
// Sisimai's (src/core/rules/README.md): the sending host on a list is `blocked` (never hard); the
// envelope sender's domain on a domain list is the sender's refusal, `rejected`; a list's error
// answer passed on as a listing (an open resolver, too many queries) is the receiving system's
// fault, `systemerror`, never hard and never the sender's; a temporary refusal is a delay.
// Sources read:
//   Postfix 3.x (github:vdukhovni/postfix): src/global/mail_params.h (DEF_DEF_RBL_REPLY "$rbl_code
//     Service unavailable; $rbl_class [$rbl_what] blocked using $rbl_domain${rbl_reason?;
//     $rbl_reason}", DEF_MAPS_RBL_CODE 554), src/smtpd/smtpd_check.c and smtpd_check_int.h
//     (SMTPD_NAME_CLIENT "Client host", SMTPD_NAME_REV_CLIENT "Unverified Client host",
//     SMTPD_NAME_HELO "Helo command", SMTPD_NAME_SENDER "Sender address": the $rbl_class of
//     reject_rbl_client, reject_rhsbl_reverse_client, reject_rhsbl_helo, reject_rhsbl_sender).
//   Exim (github:Exim/exim src/src/configure.default, acl_check_rcpt): "rejected because
//     $sender_host_address is in a black list at $dnslist_domain\n$dnslist_text".
//   Sendmail 8.18 (github:freebsd/freebsd-src contrib/sendmail/cf/feature/dnsbl.m4 8.34): "550
//     Rejected: " $&{client_addr} " listed at <zone>" with 5.7.1, its temporary "451 Temporary
//     lookup failure of <ip> at <zone>" with 4.4.3; the README's example message "Mail from
//     <ip> refused - see <url>".
//   qmail 1.03 qmail-remote.c ("does not like recipient.", "Remote host said: ", "Giving up on")
//     and qmail-send.c ("I'm not going to try again; this message has been in the queue too long.").
//   ucspi-tcp 0.88 rblsmtpd.c: greets "220 rblsmtpd.local", takes HELO and MAIL, and answers every
//     later command "451 <TXT record>" (with -b: "553 <TXT record>"; fail-closed -c: "temporary RBL
//     lookup error").
//   OpenBSD spamd (usr.sbin/spamd/spamd.c doreply: takes the message of a blacklisted host and
//     answers after its end of data, "450" or with -5 "550"; its generic "Sorry <ip> / You are
//     trying to send mail from an address listed by one or more IP-based registries as being a
//     SPAM source."; etc/spamd.conf's "Your address %A is in the nixspam list\nSee http://www.heise
//     .de/ix/nixspam/dnsbl_en/ for details").
//   Spamhaus: spamhaus.org/news/article/788 (return codes 127.255.255.254 "Query via public/open
//     resolver", 127.255.255.255 "Excessive number of queries", "should NOT be interpreted as any
//     sort of reputation"), spamhaus.org/returnc/vol/ ("must not be used to reject email"), the
//     Postfix log of the open-resolver answer ("... blocked using zen.spamhaus.org; Error: open
//     resolver; https://check.spamhaus.org/returnc/pub/<ip>/", github:simple-login/app
//     docs/spamhaus-dqs.md, with its DQS reply map "554 $rbl_class $rbl_what blocked using ZEN - see
//     https://www.spamhaus.org/query/ip/$client_address for details"), docs.spamhaus.com's zone
//     table (zen = SBL, CSS, XBL, PBL; dbl and zrd list domains).
//   URIBL: uribl.com/refused.shtml (the TXT "127.0.0.1 -> Query Refused. See https://uribl.com/
//     refused.shtml for more information [Your DNS IP: <ip>]"; "If an email you sent bounced, and
//     included a link to this page, then it was rejected because the receiver has not
//     implemented URIBL lookups correctly").
//   The lists' TXT records as PSMailTools' Get-SpamBlacklist help prints them: Barracuda BRBL
//     "Client host blocked using Barracuda Reputation, see http://www.barracudanetworks.com/
//     reputation/?r=1&ip=<ip>", SORBS "Currently Sending Spam See: http://www.sorbs.net/lookup.shtml
//     ?<ip>" and "Spam Received See: ...", SpamCop "Blocked - see http://www.spamcop.net/bl.shtml?
//     <ip>", SpamRATS "SPAMRATS IP Addresses See: http://www.spamrats.com/bl?<ip>", PSBL "Listed in
//     PSBL, see http://psbl.org/listing?ip=<ip>"; spamrats.com/about.php (RATS-Dyna, RATS-NoPtr,
//     RATS-Spam: IP lists).
//   The zones as their operators name them: bl.spameatingmonkey.net, bl.0spam.org, bl.nordspam.com,
//     dnsbl-1/-3.uceprotect.net, combined.mail.abusix.zone, bl.mailspike.net,
//     hostkarma.junkemailfilter.com, all.s5h.net, ips.backscatterer.org, bl.blocklist.de,
//     truncate.gbudb.net, ubl.unsubscore.com (Lashback), bl.score.senderscore.com (Validity's RPBL),
//     multi.surbl.org, multi.uribl.com.
// Left out: the TXT texts of lists whose own pages could not be read here (Mailspike,
// Invaluement's ivmSIP/ivmURI, Abusix, 0spam, Nordspam, Spam Eating Monkey, hostkarma, s5h,
// backscatterer, blocklist.de, GBUdb, Lashback, SenderScore, UCEPROTECT, SURBL): their zones are
// tested in Postfix's own reply, which needs no TXT. A bare lookup link of a list not named in
// blocked/ip-blocklist-link (Abusix's lookup page, say) under rblsmtpd -b's 553 at RCPT TO still
// reads as an unknown user: no TXT record of those lists could be read. A domain in the message
// on DBL or ZRD as an MTA refuses it (Haraka's uribl plugin, rspamd) has its tests beside those
// filters. Seen and left alone: Exchange Online's notice passing on a remote open-resolver answer
// ("550 5.7.350 Remote server returned message detected as spam -> 554 5.7.1 ... Error: open
// resolver; ...") reads as spam, because its sentence "<domain> suspects your message is spam"
// is taken as the recipient's diagnostic and its "Reported error:" line is not read (a layout
// question for the Exchange Online reader, not a wording).
// No case comes from a bounce collection; every address, host and date is made up.
import { describe } from 'vitest';
import { eximBounce, qmailBounce } from './plain-bounces.ts';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';
import { oneRecipientCases, type OneRecipientRow, type VerdictCase, verdictCases } from './recipient-verdicts.ts';

const RECIPIENT = 'user@example.net';
/** The sending host the lists hold (its address), and the receiver's resolver. */
const CLIENT = '198.51.100.7';
const RESOLVER = '203.0.113.53';

/** Postfix's failure notice about the remote reply to `command`. */
const postfixFailed = (status: string, reply: string, command = 'RCPT TO command') =>
  postfixNotice('failed', [postfixRemote(RECIPIENT, status, reply, command)]);
/** Postfix's delay notice about a temporary remote reply, the message still queued. */
const postfixDelayed = (status: string, reply: string, command = 'RCPT TO command') =>
  postfixNotice('delayed', [postfixRemote(RECIPIENT, status, reply, command)]);
/** A remote Postfix smtpd's default_rbl_reply for reject_rbl_client and its kin. */
const rblReply = (cls: string, what: string, zone: string, reason?: string) =>
  `554 5.7.1 Service unavailable; ${cls} [${what}] blocked using ${zone}${reason ? `; ${reason}` : ''}`;
/** Exim's failure notice about a remote reply after RCPT TO, each line of a multi-line reply kept. */
const eximFailed = (...reply: string[]) =>
  eximBounce(['host mx.example.net [192.0.2.1]', `SMTP error from remote mail server after RCPT TO:<${RECIPIENT}>:`, ...reply]);
/** qmail-send's bounce of a recipient qmail-remote was refused at RCPT TO for (qmail-remote.c). */
const qmailRefused = (reply: string) =>
  qmailBounce(['192.0.2.1 does not like recipient.', `Remote host said: ${reply}`, 'Giving up on 192.0.2.1.']);

/** Postfix's failure notice about a server that refused the session at its greeting (smtp_proto.c). */
const postfixGreeting = (status: string, reply: string) =>
  postfixNotice('failed', [
    {
      address: RECIPIENT,
      status,
      reason: `host mx.example.net[192.0.2.1] refused to talk to me: ${reply}`,
      diagnostic: `smtp; ${reply}`,
      remoteMta: 'mx.example.net',
    },
  ]);
/** qmail-send's bounce once the queue lifetime ran out with qmail-remote's last temporary refusal. */
const qmailGaveUp = (reply: string) =>
  qmailBounce([
    '192.0.2.1 does not like recipient.',
    `Remote host said: ${reply}`,
    "I'm not going to try again; this message has been in the queue too long.",
  ]);

/**
 * Sendmail 8.17's bounce of a recipient refused at RCPT TO (savemail.c errbody, usersmtp.c's
 * transcript and its "<address>... User unknown" summary for a 550 there, as the recorded
 * notices in tests/fixtures/mta-notices/sendmail write it).
 */
function sendmailRefused(reply: string): Buffer {
  const boundary = '6B2AbC01000123.1796186505/mx.example.org';
  const status = /^\d{3} (\d\.\d{1,3}\.\d{1,3}) /.exec(reply)?.[1] ?? '5.0.0';
  return Buffer.from(
    [
      'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
      'To: <sender@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status;',
      `\tboundary="${boundary}"`,
      'Subject: Returned mail: see transcript for details',
      'Auto-Submitted: auto-generated (failure)',
      '',
      'This is a MIME-encapsulated message',
      '',
      `--${boundary}`,
      '',
      'The original message was received at Wed, 2 Dec 2026 10:00:00 +0000',
      'from client.example.com [198.51.100.2]',
      '',
      '   ----- The following addresses had permanent fatal errors -----',
      RECIPIENT,
      `    (reason: ${reply})`,
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.net.:',
      `>>> RCPT To:<${RECIPIENT}>`,
      `<<< ${reply}`,
      `550 5.1.1 ${RECIPIENT}... User unknown`,
      '',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'Arrival-Date: Wed, 2 Dec 2026 10:00:00 +0000',
      '',
      `Final-Recipient: RFC822; ${RECIPIENT}`,
      'Action: failed',
      `Status: ${status}`,
      'Remote-MTA: DNS; mx.example.net',
      `Diagnostic-Code: SMTP; ${reply}`,
      'Last-Attempt-Date: Wed, 2 Dec 2026 10:00:01 +0000',
      '',
      `--${boundary}`,
      'Content-Type: message/rfc822',
      '',
      'Return-Path: <sender@example.com>',
      'From: Sender <sender@example.com>',
      `To: ${RECIPIENT}`,
      'Subject: hello',
      'Message-ID: <hello.1@example.com>',
      '',
      'hello',
      '',
      `--${boundary}--`,
      '',
    ].join('\n'),
  );
}

const rows = (list: readonly OneRecipientRow[]): VerdictCase[] => oneRecipientCases(RECIPIENT, list);

describe("Postfix smtpd's default_rbl_reply: the sending host on an IP list is blocked, whatever the zone's name says", () => {
  verdictCases(
    rows([
      [
        'Spamhaus ZEN with its lookup link blocks the sending host',
        () => postfixFailed('5.7.1', rblReply('Client host', CLIENT, 'zen.spamhaus.org', `https://www.spamhaus.org/query/ip/${CLIENT}`)),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        // Postfix joins a zone's TXT records with " / "; zen's test entry answers SBL, PBL and XBL
        // ("Listed by SBL, see https://check.spamhaus.org/sbl/query/SBL2", the dnsbl npm package's
        // live test, github:silverwind/dnsbl index.test.js).
        "Spamhaus ZEN's 'Listed by SBL, see ... / Listed by XBL, see ...' blocks the sending host",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply(
              'Client host',
              CLIENT,
              'zen.spamhaus.org',
              `Listed by SBL, see https://check.spamhaus.org/sbl/query/SBL2 / Listed by XBL, see https://check.spamhaus.org/query/ip/${CLIENT}`,
            ),
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "Spamhaus's DQS zone under its key ('blocked using <key>.zen.dq.spamhaus.net') blocks the sending host",
        () => postfixFailed('5.7.1', rblReply('Client host', CLIENT, 'aip7yig6sahg6ehsohn5shco3z.zen.dq.spamhaus.net')),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "Spamhaus's DQS reply map for Postfix ('blocked using ZEN - see ... for details') blocks the sending host",
        () =>
          postfixFailed(
            '5.7.1',
            `554 5.7.1 Client host ${CLIENT} blocked using ZEN - see https://www.spamhaus.org/query/ip/${CLIENT} for details`,
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "SpamRATS' zone and TXT record ('SPAMRATS IP Addresses See: ...') list the host, not spam in the message",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply('Client host', CLIENT, 'spam.spamrats.com', `SPAMRATS IP Addresses See: http://www.spamrats.com/bl?${CLIENT}`),
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "RATS-Dyna's bare zone dyna.spamrats.com blocks the sending host",
        () => postfixFailed('5.7.1', rblReply('Client host', CLIENT, 'dyna.spamrats.com')),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "Spam Eating Monkey's bl.spameatingmonkey.net blocks the sending host, not spam content",
        () => postfixFailed('5.7.1', rblReply('Client host', CLIENT, 'bl.spameatingmonkey.net')),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "0spam's bl.0spam.org blocks the sending host, not spam content",
        () => postfixFailed('5.7.1', rblReply('Client host', CLIENT, 'bl.0spam.org')),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "Nordspam's bl.nordspam.com blocks the sending host, not spam content",
        () => postfixFailed('5.7.1', rblReply('Client host', CLIENT, 'bl.nordspam.com')),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "SORBS' spam zone with its TXT 'Spam Received See: ...' blocks the sending host (texts of the closed list still appear)",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply('Client host', CLIENT, 'spam.dnsbl.sorbs.net', `Spam Received See: http://www.sorbs.net/lookup.shtml?${CLIENT}`),
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "SORBS' bare spam.dnsbl.sorbs.net blocks the sending host",
        () => postfixFailed('5.7.1', rblReply('Client host', CLIENT, 'spam.dnsbl.sorbs.net')),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "Barracuda's BRBL with its TXT record ('Client host blocked using Barracuda Reputation, see ...') blocks the sending host",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply(
              'Client host',
              CLIENT,
              'b.barracudacentral.org',
              `Client host blocked using Barracuda Reputation, see http://www.barracudanetworks.com/reputation/?r=1&ip=${CLIENT}`,
            ),
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "SpamCop's TXT record ('Blocked - see https://www.spamcop.net/bl.shtml?<ip>') blocks the sending host",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply('Client host', CLIENT, 'bl.spamcop.net', `Blocked - see https://www.spamcop.net/bl.shtml?${CLIENT}`),
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "PSBL's TXT record ('Listed in PSBL, see http://psbl.org/listing?ip=<ip>') blocks the sending host",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply('Client host', CLIENT, 'psbl.surriel.com', `Listed in PSBL, see http://psbl.org/listing?ip=${CLIENT}`),
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      ...(
        [
          ['UCEPROTECT level 1', 'dnsbl-1.uceprotect.net'],
          ["UCEPROTECT level 3 (the sender's provider's network)", 'dnsbl-3.uceprotect.net'],
          ['Abusix Mail Intelligence', 'combined.mail.abusix.zone'],
          ['Mailspike', 'bl.mailspike.net'],
          ["Junk Email Filter's hostkarma", 'hostkarma.junkemailfilter.com'],
          ['s5h', 'all.s5h.net'],
          ['backscatterer.org', 'ips.backscatterer.org'],
          ['blocklist.de', 'bl.blocklist.de'],
          ["GBUdb's truncate", 'truncate.gbudb.net'],
          ["Lashback's UBL", 'ubl.unsubscore.com'],
          ["Validity's SenderScore RPBL", 'bl.score.senderscore.com'],
        ] as const
      ).map(([name, zone]): OneRecipientRow => [
        `${name} (${zone}) blocks the sending host`,
        () => postfixFailed('5.7.1', rblReply('Client host', CLIENT, zone)),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ]),
      [
        "reject_rhsbl_reverse_client's 'Unverified Client host [<name>]' on Spamhaus DBL is the sending host's name, blocked",
        () => postfixFailed('5.7.1', rblReply('Unverified Client host', 'mail.example.com', 'dbl.spamhaus.org')),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "reject_rhsbl_helo's 'Helo command [<name>]' on a list with 'spam' in its zone is the sending host, blocked",
        () => postfixFailed('5.7.1', rblReply('Helo command', 'mail.example.com', 'uribl.spameatingmonkey.net')),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
    ]),
  );
});

describe("Postfix smtpd's reject_rhsbl_sender: the envelope sender's domain on a domain list is the sender's refusal", () => {
  verdictCases(
    rows([
      [
        "'Sender address [<address>] blocked using dbl.spamhaus.org' is the sender, never the recipient",
        () => postfixFailed('5.7.1', rblReply('Sender address', 'sender@example.com', 'dbl.spamhaus.org')),
        'bounce',
        'rejected',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "'Sender address [<address>] blocked using multi.surbl.org' is the sender, not spam in the message",
        () => postfixFailed('5.7.1', rblReply('Sender address', 'sender@example.com', 'multi.surbl.org')),
        'bounce',
        'rejected',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "'Sender address [<address>] blocked using multi.uribl.com' is the sender",
        () => postfixFailed('5.7.1', rblReply('Sender address', 'sender@example.com', 'multi.uribl.com')),
        'bounce',
        'rejected',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "'Sender address [<address>] blocked using spam.dnsbl.sorbs.net' (SORBS' RHSBL use) is the sender",
        () => postfixFailed('5.7.1', rblReply('Sender address', 'sender@example.com', 'spam.dnsbl.sorbs.net')),
        'bounce',
        'rejected',
        'soft',
        '5.7.1',
        '554',
      ],
    ]),
  );
});

describe("a list's error answer passed on as a listing: the receiving system's fault, never the sender's, never hard", () => {
  verdictCases(
    rows([
      [
        "Spamhaus's 'Error: open resolver' under 'Client host ... blocked using zen.spamhaus.org' is the receiver's setup, a system error",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply('Client host', CLIENT, 'zen.spamhaus.org', `Error: open resolver; https://www.spamhaus.org/returnc/pub/${RESOLVER}`),
          ),
        'bounce',
        'systemerror',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "the open-resolver answer with check.spamhaus.org's link (the form Postfix logs today) is a system error",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply(
              'Client host',
              CLIENT,
              'zen.spamhaus.org',
              `Error: open resolver; https://check.spamhaus.org/returnc/pub/${RESOLVER}/`,
            ),
          ),
        'bounce',
        'systemerror',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        'the open-resolver answer to reject_rhsbl_helo on dbl.spamhaus.org is a system error, not the sending host',
        () =>
          postfixFailed(
            '5.7.1',
            rblReply(
              'Helo command',
              'mail.example.com',
              'dbl.spamhaus.org',
              `Error: open resolver; https://www.spamhaus.org/returnc/pub/${RESOLVER}`,
            ),
          ),
        'bounce',
        'systemerror',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "the open-resolver answer to reject_rhsbl_sender is a system error, not the sender's refusal",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply(
              'Sender address',
              'sender@example.com',
              'dbl.spamhaus.org',
              `Error: open resolver; https://www.spamhaus.org/returnc/pub/${RESOLVER}`,
            ),
          ),
        'bounce',
        'systemerror',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        // The 127.255.255.255 answer's page; its TXT record written as the open resolver's is.
        "Spamhaus's 'excessive number of queries' answer (returnc/vol) is a system error",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply(
              'Client host',
              CLIENT,
              'zen.spamhaus.org',
              `Error: excessive number of queries; https://www.spamhaus.org/returnc/vol/${RESOLVER}`,
            ),
          ),
        'bounce',
        'systemerror',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "URIBL's refused query ('127.0.0.1 -> Query Refused. See https://uribl.com/refused.shtml') is the receiver's lookup, a system error",
        () =>
          postfixFailed(
            '5.7.1',
            rblReply(
              'Sender address',
              'sender@example.com',
              'multi.uribl.com',
              `127.0.0.1 -> Query Refused. See https://uribl.com/refused.shtml for more information [Your DNS IP: ${RESOLVER}]`,
            ),
          ),
        'bounce',
        'systemerror',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "Exim's DNS list ACL passing on the open-resolver answer is a system error",
        () =>
          eximFailed(
            `550-rejected because ${CLIENT} is in a black list at zen.spamhaus.org`,
            `550 Error: open resolver; https://www.spamhaus.org/returnc/pub/${RESOLVER}`,
          ),
        'bounce',
        'systemerror',
        'soft',
        '5.0.0',
        '550',
      ],
    ]),
  );
});

describe("Exim's and Sendmail's DNS list refusals name the sending host", () => {
  verdictCases(
    rows([
      [
        "Exim's 'rejected because <ip> is in a black list at zen.spamhaus.org' with Spamhaus's link blocks the sending host",
        () =>
          eximFailed(
            `550-rejected because ${CLIENT} is in a black list at zen.spamhaus.org`,
            `550 https://www.spamhaus.org/query/ip/${CLIENT}`,
          ),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "Exim's 'is in a black list at bl.spameatingmonkey.net' blocks the sending host, not spam content",
        () => eximFailed(`550 rejected because ${CLIENT} is in a black list at bl.spameatingmonkey.net`),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "Exim's list refusal with SpamRATS' TXT record blocks the sending host",
        () =>
          eximFailed(
            `550-rejected because ${CLIENT} is in a black list at noptr.spamrats.com`,
            `550 SPAMRATS IP Addresses See: http://www.spamrats.com/bl?${CLIENT}`,
          ),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "Sendmail's FEATURE(dnsbl) 'Rejected: <ip> listed at bl.spamcop.net' blocks the sending host, not the recipient",
        () => sendmailRefused(`550 5.7.1 Rejected: ${CLIENT} listed at bl.spamcop.net`),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "Sendmail's FEATURE(dnsbl) at a list with 'spam' in its zone (bl.spameatingmonkey.net) blocks the sending host",
        () => sendmailRefused(`550 5.7.1 Rejected: ${CLIENT} listed at bl.spameatingmonkey.net`),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "Sendmail's dnsbl message 'Mail from <ip> refused - see <list page>' blocks the sending host",
        () => sendmailRefused(`550 5.7.1 Mail from ${CLIENT} refused - see http://www.spamhaus.org/sbl/`),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "Sendmail's dnsbl 'Temporary lookup failure of <ip> at <zone>' is the receiver's lookup for now: a delay, never hard",
        () => postfixDelayed('4.4.3', `451 4.4.3 Temporary lookup failure of ${CLIENT} at zen.spamhaus.org`),
        'delay',
        'networkerror',
        'none',
        '4.4.3',
        '451',
      ],
    ]),
  );
});

describe("qmail's rblsmtpd: the list's TXT record as the whole reply, 451 by default, 553 with -b", () => {
  verdictCases(
    rows([
      [
        "rblsmtpd's default '451 <TXT>' with Spamhaus's link is a temporary block: a delay, never hard",
        () => postfixDelayed('4.0.0', `451 https://www.spamhaus.org/query/ip/${CLIENT}`),
        'delay',
        'blocked',
        'none',
        '4.0.0',
        '451',
      ],
      [
        "rblsmtpd's '451 <TXT>' with SpamRATS' text is a temporary block, not spam content",
        () => postfixDelayed('4.0.0', `451 SPAMRATS IP Addresses See: http://www.spamrats.com/bl?${CLIENT}`),
        'delay',
        'blocked',
        'none',
        '4.0.0',
        '451',
      ],
      [
        "rblsmtpd -c's '451 temporary RBL lookup error' is a delay, never hard",
        () => postfixDelayed('4.0.0', '451 temporary RBL lookup error'),
        'delay',
        'blocked',
        'none',
        '4.0.0',
        '451',
      ],
      [
        "rblsmtpd -b's '553 <Barracuda's TXT>' at RCPT TO blocks the sending host, never an unknown user",
        () =>
          postfixFailed(
            '5.0.0',
            `553 Client host blocked using Barracuda Reputation, see http://www.barracudanetworks.com/reputation/?r=1&ip=${CLIENT}`,
          ),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '553',
      ],
      [
        "rblsmtpd -b's '553' with SpamRATS' TXT, as qmail-remote reports it, blocks the sending host",
        () => qmailRefused(`553 SPAMRATS IP Addresses See: http://www.spamrats.com/bl?${CLIENT}`),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '553',
      ],
      [
        "rblsmtpd -b's '553' with PSBL's TXT, as qmail-remote reports it, blocks the sending host",
        () => qmailRefused(`553 Listed in PSBL, see http://psbl.org/listing?ip=${CLIENT}`),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '553',
      ],
      [
        "rblsmtpd -t0's '553 <Spamhaus PBL's TXT>' as its greeting blocks the sending host",
        () => postfixGreeting('5.0.0', `553 Listed by PBL, see https://check.spamhaus.org/query/ip/${CLIENT}`),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '553',
      ],
      [
        "rblsmtpd's 451 until qmail-send gave up ('has been in the queue too long') keeps the block it named, never hard",
        () => qmailGaveUp(`451 Listed by PBL, see https://check.spamhaus.org/query/ip/${CLIENT}`),
        'bounce',
        'blocked',
        'soft',
        '4.0.0',
        '451',
      ],
      [
        "rblsmtpd -b's bare '553 <Barracuda's lookup link>' blocks the sending host, never an unknown user",
        () => postfixFailed('5.0.0', `553 http://www.barracudanetworks.com/reputation/?r=1&ip=${CLIENT}`),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '553',
      ],
    ]),
  );
});

describe("OpenBSD spamd's replies to a blacklisted host after its data", () => {
  verdictCases(
    rows([
      [
        "spamd's default 450 with spamd.conf's 'Your address <ip> is in the nixspam list' is a temporary block, not spam content",
        () =>
          postfixDelayed(
            '4.0.0',
            `450-Your address ${CLIENT} is in the nixspam list 450 See http://www.heise.de/ix/nixspam/dnsbl_en/ for details`,
            'end of DATA command',
          ),
        'delay',
        'blocked',
        'none',
        '4.0.0',
        '450',
      ],
      [
        "spamd -5's generic 'listed by one or more IP-based registries as being a SPAM source' blocks the sending host",
        () =>
          postfixFailed(
            '5.0.0',
            `550-Sorry ${CLIENT} 550-You are trying to send mail from an address listed by one 550 or more IP-based registries as being a SPAM source.`,
            'end of DATA command',
          ),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
    ]),
  );
});
