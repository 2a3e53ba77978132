// Bounces from Japanese mobile carriers and internet providers, read in the words their servers
// send: NTT docomo, au (KDDI), SoftBank, WILLCOM's PHS, Yahoo! JAPAN, and the ISPs' MTAs (OCN,
// DTI, InfoSphere, BBIQ, MEGA EGG, i-do, IDC Frontier, E-Post Mail Server). The carriers publish
// few error pages of their own; each wording comes from the carrier's or ISP's help page, or an
// operator's page quoting the server's reply, named with its case; none comes from a bounce
// collection. Sisimai's names: a recipient's own reception filter (docomo's and au's "受信拒否"
// settings, domain designated reception) is `filtered`; a carrier's block of the sending host is
// `blocked`. One test per wording, named after what a user should see.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { BounceType, Reason } from '../../src/core/types.ts';
import { RETURNED_MESSAGE } from './dsn-report.ts';
import { plainBounce, qmailBounce } from './plain-bounces.ts';

type Expected = readonly [reason: Reason, bounceType: BounceType, status: string];

/**
 * Postfix's bounce (bounce_notify_util.c and the default bounce template): the notice names the
 * remote host and the command its reply answered ("refused to talk to me" for a greeting), the
 * delivery-status part holds the reply without the command, as Postfix writes both.
 */
function postfixReport(status: string, reply: string, command: string, noticeExtra: readonly string[] = []): Buffer {
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
      'To: sender@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Description: Notification',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This is the mail system at host mx.example.org.',
      '',
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients. It's attached below.",
      '',
      ...noticeExtra,
      '                   The mail system',
      '',
      command === 'greeting'
        ? `<user@example.net>: host mx.example.net[192.0.2.25] refused to talk to me: ${reply}`
        : `<user@example.net>: host mx.example.net[192.0.2.25] said: ${reply} (in reply to ${command} command)`,
      '',
      '--B1',
      'Content-Description: Delivery report',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'X-Postfix-Queue-ID: 4ABCD1234',
      'Arrival-Date: Wed,  2 Dec 2026 09:00:00 +0900 (JST)',
      '',
      'Final-Recipient: rfc822; user@example.net',
      'Original-Recipient: rfc822;user@example.net',
      'Action: failed',
      `Status: ${status}`,
      'Remote-MTA: dns; mx.example.net',
      `Diagnostic-Code: smtp; ${reply}`,
      '',
      '--B1',
      'Content-Description: Undelivered Message Headers',
      'Content-Type: text/rfc822-headers',
      '',
      ...RETURNED_MESSAGE.slice(0, 3),
      '',
      '--B1--',
      '',
    ].join('\n'),
  );
}

/** An RFC 3464 report with no phase named (a reporting MTA that writes only the reply). */
function bareReport(status: string, reply: string): Buffer {
  return Buffer.from(
    [
      'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
      'To: sender@example.com',
      'Subject: Returned mail: see transcript for details',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B2"',
      '',
      '--B2',
      'Content-Type: text/plain',
      '',
      '   ----- The following addresses had permanent fatal errors -----',
      '<user@example.net>',
      `    (reason: ${reply})`,
      '',
      '--B2',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: RFC822; user@example.net',
      'Action: failed',
      `Status: ${status}`,
      'Remote-MTA: DNS; mx.example.net',
      `Diagnostic-Code: SMTP; ${reply}`,
      '',
      '--B2--',
      '',
    ].join('\n'),
  );
}

/**
 * Sendmail's bounce (savemail.c errbody, the transcript from usersmtp.c), its summary line after
 * the remote reply as Sendmail 8.17 writes it (tests/fixtures/mta-notices/sendmail): "<address>...
 * User unknown" after RCPT TO, "554 5.0.0 Service unavailable" after DATA. A bare "550 Unknown
 * user" gets Status 5.1.1 at RCPT TO and 5.2.0 after the data (https://moneytimes.jp/archives/185548/2
 * reads the two statuses of docomo's reply so).
 */
function sendmailReport(command: string, reply: string): Buffer {
  const atRcpt = command.startsWith('RCPT');
  return Buffer.from(
    [
      'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
      'To: sender@example.com',
      'Subject: Returned mail: see transcript for details',
      'Auto-Submitted: auto-generated (failure)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B3"',
      '',
      '--B3',
      '',
      'The original message was received at Wed, 2 Dec 2026 09:00:00 +0900',
      'from client.example.com [192.0.2.9]',
      '',
      '   ----- The following addresses had permanent fatal errors -----',
      '<user@example.net>',
      `    (reason: ${reply})`,
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.net.:',
      `>>> ${command}`,
      `<<< ${reply}`,
      atRcpt ? '550 5.1.1 user@example.net... User unknown' : '554 5.0.0 Service unavailable',
      '',
      '--B3',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'Arrival-Date: Wed, 2 Dec 2026 09:00:00 +0900',
      '',
      'Final-Recipient: RFC822; user@example.net',
      'Action: failed',
      `Status: ${atRcpt ? '5.1.1' : '5.2.0'}`,
      'Remote-MTA: DNS; mx.example.net',
      `Diagnostic-Code: SMTP; ${reply}`,
      'Last-Attempt-Date: Wed, 2 Dec 2026 09:00:01 +0900',
      '',
      '--B3--',
      '',
    ].join('\n'),
  );
}

function cases(list: readonly (readonly [name: string, bounce: () => Buffer, expected: Expected])[]): void {
  for (const [name, bounce, [reason, bounceType, status]] of list) {
    it(name, async () => {
      const r = (await classify(bounce())).recipients[0];
      expect(r && { reason: r.reason, bounceType: r.bounceType, status: r.enhancedCode }).toEqual({ reason, bounceType, status });
    });
  }
}

// NTT docomo. Its servers answer "550 Unknown user <address>" at RCPT TO for an address that does
// not exist, and the same words after the message data when the recipient's reception settings
// refuse the sender (https://note.com/sendmagic/n/neb6bbe7e51cf; NTT's support page
// https://support.ntt.com/mail/faq/detail/pid2300000e64 on "受信拒否設定"; the log at
// https://akisoftware.com/pmsrv/help/docomo.html; https://tuono034s.com/web-entry/3575/). An
// MTA that reports no phase gives the status: 5.2.0 with "Unknown user" is a reception refusal,
// 5.1.1 a missing address (https://moneytimes.jp/archives/185548/2). "552 Too much mail data" is
// a full mailbox; "500 Line Too Long" a line over 1,000 bytes, which the iMode centre refuses
// (https://www.nttdocomo.co.jp/service/imode_mail/notice/).
describe("NTT docomo's replies", () => {
  cases([
    [
      'docomo\'s "550 Unknown user" at RCPT TO is an address that does not exist, hard',
      () => postfixReport('5.0.0', '550 Unknown user user@example.net', 'RCPT TO'),
      ['userunknown', 'hard', '5.0.0'],
    ],
    [
      'docomo\'s "550 Unknown user" after the message data is the recipient\'s reception filter, soft',
      () => postfixReport('5.0.0', '550 Unknown user user@example.net', 'end of DATA'),
      ['filtered', 'soft', '5.0.0'],
    ],
    [
      'docomo\'s "550 Unknown user" with status 5.2.0 and no phase is the recipient\'s reception filter',
      () => bareReport('5.2.0', '550 Unknown user user@example.net'),
      ['filtered', 'soft', '5.2.0'],
    ],
    [
      'docomo\'s "550 Unknown user" with status 5.1.1 and no phase is an unknown address',
      () => bareReport('5.1.1', '550 Unknown user user@example.net'),
      ['userunknown', 'hard', '5.1.1'],
    ],
    [
      'docomo\'s "550 Unknown user" in Sendmail\'s transcript after RCPT TO is an unknown address',
      () => sendmailReport('RCPT To:<user@example.net>', '550 Unknown user user@example.net'),
      ['userunknown', 'hard', '5.1.1'],
    ],
    [
      "docomo's \"550 Unknown user\" in Sendmail's transcript after DATA is the recipient's reception filter",
      () => sendmailReport('DATA', '550 Unknown user user@example.net'),
      ['filtered', 'soft', '5.2.0'],
    ],
    [
      'docomo\'s "552 Too much mail data" is the recipient\'s full mailbox',
      () => postfixReport('5.0.0', '552 Too much mail data user@example.net', 'end of DATA'),
      ['mailboxfull', 'soft', '5.0.0'],
    ],
    [
      'docomo\'s "500 Line Too Long" after the data is the message\'s format (a line over 1,000 bytes), not a command syntax error',
      () => postfixReport('5.0.0', '500 Line Too Long', 'end of DATA'),
      ['contenterror', 'soft', '5.0.0'],
    ],
  ]);
});

// au (KDDI). Its technical specification (https://www.au.com/mobile/service/attention/specification/)
// says an address that no longer exists is answered with 550 during the SMTP session; the reply
// is "550 <address>: User unknown" (https://note.com/sendmagic/n/n875d8dcb6cb8), after the
// message data when the recipient's filter refused it (https://tuono034s.com/web-entry/3575/),
// and "554 <address>: Relay access denied" for a malformed address or a domain au does not serve.
describe("au's replies", () => {
  cases([
    [
      'au\'s "550 <address>: User unknown" at RCPT TO is an unknown address, hard',
      () => postfixReport('5.0.0', '550 <user@example.net>: User unknown', 'RCPT TO'),
      ['userunknown', 'hard', '5.0.0'],
    ],
    [
      'au\'s "550 <address>: User unknown" after the message data is the recipient\'s filter, soft',
      () => postfixReport('5.0.0', '550 <user@example.net>: User unknown', 'end of DATA'),
      ['filtered', 'soft', '5.0.0'],
    ],
    [
      'au\'s "554 <address>: Relay access denied" for a malformed address is a refused relay, never hard',
      () => postfixReport('5.0.0', '554 <user..x@example.net>: Relay access denied', 'RCPT TO'),
      ['norelaying', 'soft', '5.0.0'],
    ],
  ]);
});

// SoftBank (https://note.com/sendmagic/n/n5afbf98aeb25): "550 Invalid recipient: <address>" for
// an address that does not exist; "553 <domain> does not exist" for an envelope sender's domain
// with no DNS record at all, whatever the recipient.
describe("SoftBank's replies", () => {
  cases([
    [
      'SoftBank\'s "550 Invalid recipient: <address>" is an unknown address, hard',
      () => postfixReport('5.0.0', '550 Invalid recipient: <user@example.net>', 'RCPT TO'),
      ['userunknown', 'hard', '5.0.0'],
    ],
    [
      'SoftBank\'s "553 <domain> does not exist" at MAIL FROM refuses the sender\'s domain, not the recipient',
      () => postfixReport('5.0.0', '553 example.com does not exist', 'MAIL FROM'),
      ['rejected', 'soft', '5.0.0'],
    ],
  ]);
});

// WILLCOM's PHS mail servers (Postfix), quoted at
// https://nobuneko.com/blog/archives/2012/03/undelivered_mail_returned_to_s.html.
describe("WILLCOM's PHS mail", () => {
  cases([
    [
      '"552 We failed to deliver mail because the volume of recipient\'s mailbox exceeded the local limit" is a full mailbox',
      () =>
        postfixReport(
          '5.0.0',
          "552 We failed to deliver mail because the volume of recipient's mailbox exceeded the local limit. user@example.net",
          'end of DATA',
        ),
      ['mailboxfull', 'soft', '5.0.0'],
    ],
  ]);
});

// J:COM (https://note.com/sendmagic/n/n59a9f610bc0e): "550 Invalid recipient: <address>" with
// the address bare, for an address that does not exist.
describe("J:COM's replies", () => {
  cases([
    [
      'J:COM\'s "550 Invalid recipient: address" (no angle brackets) is an unknown address, hard',
      () => postfixReport('5.0.0', '550 Invalid recipient: user@example.net', 'RCPT TO'),
      ['userunknown', 'hard', '5.0.0'],
    ],
  ]);
});

// Yahoo! JAPAN's mail store answers after the data, as yahoo.com's does: "554 delivery error: dd
// This user doesn't have a yahoo.co.jp account (<address>) [-5] - <host>"
// (https://tuono034s.com/web-entry/3575/, pointing at Yahoo! JAPAN's help article
// https://support.yahoo-net.jp/PccMail/s/article/H000007355), and "This account has been disabled
// or discontinued" for an account closed (http://help.szhot.com/text_show.php?id=170 quotes the
// Yahoo reply: the account frozen or deleted).
describe("Yahoo! JAPAN's replies", () => {
  cases([
    [
      'Yahoo! JAPAN\'s "dd This user doesn\'t have a yahoo.co.jp account" is an unknown address, whatever phase',
      () =>
        postfixReport(
          '5.0.0',
          "554 delivery error: dd This user doesn't have a yahoo.co.jp account (user@example.net) [-5] - mta1000.mail.example.yahoo.co.jp",
          'end of DATA',
        ),
      ['userunknown', 'hard', '5.0.0'],
    ],
    [
      'Yahoo\'s "dd Sorry, your message to <address> cannot be delivered. This account has been disabled or discontinued" is a suspended account',
      () =>
        postfixReport(
          '5.0.0',
          '554 delivery error: dd Sorry, your message to user@example.net cannot be delivered. This account has been disabled or discontinued [#102]. - mta1000.mail.example.yahoo.co.jp',
          'end of DATA',
        ),
      ['suspend', 'soft', '5.0.0'],
    ],
  ]);
});

// Japanese providers' own MTAs and their notices.
describe("Japanese internet providers' replies and notices", () => {
  cases([
    [
      // InfoSphere (NTT PC Communications), http://www.sphere.ne.jp/support/news/2006/07/000027.html:
      // an account name that is wrong or already cancelled (解約済み) gets this at RCPT TO.
      'InfoSphere\'s "550 can\'t accept user... (#5.7.1)" is an address that does not exist or was cancelled, hard',
      () => postfixReport('5.7.1', "550 can't accept user... (#5.7.1)", 'RCPT TO'),
      ['userunknown', 'hard', '5.7.1'],
    ],
    [
      // i-do (https://secure.i-do.ne.jp/user/faq/result?bl=2&id=103): the domain after "@" is wrong.
      'i-do\'s "550 <address> Host unknown" is a recipient domain that does not exist, hard',
      () => postfixReport('5.0.0', '550 <user@example.net> Host unknown', 'RCPT TO'),
      ['hostunknown', 'hard', '5.0.0'],
    ],
    [
      // BBIQ (QTNet), https://faq.bbiq.jp/hikari/faq_detail.html?category=5524&id=7552: the
      // recipient's box has no room left.
      'BBIQ\'s "Message size exceeds remaining quota" is the recipient\'s full mailbox',
      () => postfixReport('5.2.2', '552 5.2.2 Message size exceeds remaining quota', 'end of DATA'),
      ['mailboxfull', 'soft', '5.2.2'],
    ],
    [
      // The same page: the message itself is too big.
      'BBIQ\'s "Message exceeds maximum fixed size" is a message too big, not a full mailbox',
      () => postfixReport('5.0.0', '552 Message exceeds maximum fixed size', 'end of DATA'),
      ['mesgtoobig', 'soft', '5.0.0'],
    ],
    [
      // MEGA EGG (EneCom), https://faq.megaegg.jp/faq_detail.html?id=296 (qmail's wording).
      'MEGA EGG\'s "Recipient\'s mailbox is full, message returned to sender. (#5.2.2)" is a full mailbox',
      () => postfixReport('5.2.2', "552 Recipient's mailbox is full, message returned to sender. (#5.2.2)", 'end of DATA'),
      ['mailboxfull', 'soft', '5.2.2'],
    ],
    [
      // IDC Frontier's hosting manual, http://manual.idchosting.jp/manual/premium/mail/restrict.html:
      // the sending IP went over the messages-per-minute threshold; it lifts after about five minutes.
      'IDC Frontier\'s "450 4.7.1 Error: too much mail from <IP>" is the sender\'s pace, soft',
      () => postfixReport('4.7.1', '450 4.7.1 Error: too much mail from 192.0.2.1', 'RCPT TO'),
      ['speeding', 'soft', '4.7.1'],
    ],
    [
      // E-Post Mail Server's receiver (EPSTRS) reply codes, http://www.e-postinc.jp/faq/FAQ10-01.html:
      // the connection is over the session limit.
      'E-Post\'s "421 exceeds an accepting limit." is too many connections, not a system error',
      () => postfixReport('4.0.0', '421 exceeds an accepting limit.', 'greeting'),
      ['toomanyconn', 'soft', '4.0.0'],
    ],
    [
      // E-Post's answer at RCPT TO for a local mailbox over its storage limit
      // (http://www.e-postinc.jp/faq-bsd/faq10-95.html).
      'E-Post\'s "450 4.2.2 Sorry. e-mail address box is full." is the recipient\'s full mailbox',
      () => postfixReport('4.2.2', '450 4.2.2 Sorry. e-mail address box is full.', 'RCPT TO'),
      ['mailboxfull', 'soft', '4.2.2'],
    ],
    [
      // E-Post's unknown user (http://www.e-postinc.jp/faq-bsd/faq15-66.html).
      'E-Post\'s "550 5.1.1 <address> ... User unknown." is an unknown address',
      () => postfixReport('5.1.1', '550 5.1.1 user@example.net ... User unknown.', 'RCPT TO'),
      ['userunknown', 'hard', '5.1.1'],
    ],
    [
      // A Japanese mail server's reply codes as an operator lists them (https://moongray.com/20170322):
      // the mailbox holds as many messages as it may.
      '"450 4.2.2 <address>... Mail in the mailbox is full." (a message-count limit) is a full mailbox',
      () => postfixReport('4.2.2', '450 4.2.2 user@example.net... Mail in the mailbox is full.', 'RCPT TO'),
      ['mailboxfull', 'soft', '4.2.2'],
    ],
    [
      // The same list: the server could not write a temporary file for the message's data.
      '"452 4.3.1 Mail system storage is full." is the server\'s own storage, not the recipient\'s mailbox',
      () => postfixReport('4.3.1', '452 4.3.1 Mail system storage is full.', 'end of DATA'),
      ['systemfull', 'soft', '4.3.1'],
    ],
    [
      // "Mail System Error - Returned Mail" notices of the ISPs' Mail Administrator (quoted at
      // http://faq.busblog.jp/faq/show/410): the account is over quota, for now.
      'the Mail Administrator\'s "The user(s) account is temporarily over quota" notice is a full mailbox',
      () =>
        plainBounce(
          'Mail Administrator <Postmaster@mx.example.org>',
          'Mail System Error - Returned Mail',
          [
            'This Message was undeliverable due to the following reason:',
            '',
            'The user(s) account is temporarily over quota.',
            '',
            '<user@example.net>',
            '',
            'Please reply to <Postmaster@mx.example.org>',
            'if you feel this message to be in error.',
          ],
          '',
        ),
      ['mailboxfull', 'soft', '5.0.0'],
    ],
  ]);
});

// Providers' qmail notices, as a Japanese ISP's help page quotes them (http://jful.jp/supast/supast1010.html),
// and Yahoo! JAPAN's older notice of its own (http://mahoro-ba.net/e771.html, "Delivery failure").
describe("Japanese providers' plain notices", () => {
  cases([
    [
      'qmail\'s "This address no longer accepts mail." (an account made invalid) is an address that is gone, hard',
      () => qmailBounce(['This address no longer accepts mail.']),
      ['userunknown', 'hard', '5.0.0'],
    ],
    [
      'qmail\'s "Mail quota exceeded." is the recipient\'s full mailbox',
      () => qmailBounce(['Mail quota exceeded.']),
      ['mailboxfull', 'soft', '5.0.0'],
    ],
    [
      'qmail\'s "Sorry, I couldn\'t find any host named <domain>. (#5.1.2)" is a recipient domain that does not exist',
      () => qmailBounce(["Sorry, I couldn't find any host named example.net. (#5.1.2)"]),
      ['hostunknown', 'hard', '5.1.2'],
    ],
    [
      'Yahoo! JAPAN\'s "Message from yahoo.co.jp. Unable to deliver message" notice, "This user doesn\'t have a yahoo.co.jp account", is an unknown address',
      () =>
        plainBounce(
          'MAILER-DAEMON@mx.example.org',
          'Delivery failure',
          [
            'Message from yahoo.co.jp.',
            'Unable to deliver message to the following address(es).',
            '',
            '<user@example.net>:',
            "This user doesn't have a yahoo.co.jp account (user@example.net) [0]",
          ],
          '--- Original message follows.',
        ),
      ['userunknown', 'hard', '5.0.0'],
    ],
    [
      // WebARENA (NTT PC Communications) mail hosting's size limit, 20 MB a message
      // (http://web.arena.ne.jp/support/mailhosting/manual/mail/restrict.html).
      'WebARENA\'s "552 5.3.4 Error: message file too big" is a message too big',
      () => postfixReport('5.3.4', '552 5.3.4 Error: message file too big', 'end of DATA'),
      ['mesgtoobig', 'soft', '5.3.4'],
    ],
    [
      // The size limit of a qmail server, as a Japanese help page quotes it
      // (https://os-speedup.net/vista/archives/276): "that message size exceeds my databytes limit".
      'qmail-smtpd\'s "552 sorry, that message size exceeds my databytes limit (#5.3.4)" is a message too big',
      () => postfixReport('5.3.4', '552 sorry, that message size exceeds my databytes limit (#5.3.4)', 'end of DATA'),
      ['mesgtoobig', 'soft', '5.3.4'],
    ],
  ]);
});

// Notices written in Japanese, in ISO-2022-JP as the providers' MTAs write them (7-bit, JIS X 0208
// between ESC $ B and ESC ( B). The Japanese is given in the comment above each escape string.
describe('Japanese-language notices in ISO-2022-JP', () => {
  cases([
    [
      // DTI's bilingual "Mail System Error - Returned Mail" (http://dream.jp/support/techinfo/mail/error/error05.html):
      // its Japanese half "受取人: <address>" / "原因: <address> のユーザーは登録されていません".
      "DTI's bilingual notice in ISO-2022-JP, 'the user is not registered', is an unknown address",
      () =>
        Buffer.concat([
          Buffer.from(
            [
              'From: Mail Administrator <Postmaster@mx.example.org>',
              'To: sender@example.com',
              'Subject: Mail System Error - Returned Mail',
              'MIME-Version: 1.0',
              'Content-Type: text/plain; charset=ISO-2022-JP',
              'Content-Transfer-Encoding: 7bit',
              '',
              'This Message was undeliverable due to the following reason:',
              '',
              'Each of the following recipients was rejected by a remote mail server.',
              'The reasons given by the server are included to help you determine why',
              'each recipient was rejected.',
              '',
              'Recipient: <user@example.net>',
              'Reason: <user@example.net>... User unknown',
              '',
              // このメールは以下の原因により届けることが出来ませんでした:
              '\x1b$B$3$N%a!<%k$O0J2<$N860x$K$h$jFO$1$k$3$H$,=PMh$^$;$s$G$7$?\x1b(B:',
              '',
              // 以下の受取人は、相手のメールサーバに拒否されました。
              '\x1b$B0J2<$N<u<h?M$O!"Aj<j$N%a!<%k%5!<%P$K5qH]$5$l$^$7$?!#\x1b(B',
              '',
              // 受取人: <user@example.net>
              '\x1b$B<u<h?M\x1b(B: <user@example.net>',
              // 原因:  <user@example.net> のユーザーは登録されていません
              '\x1b$B860x\x1b(B:  <user@example.net> \x1b$B$N%f!<%6!<$OEPO?$5$l$F$$$^$;$s\x1b(B',
              '',
              '',
              ...RETURNED_MESSAGE,
            ].join('\n'),
            'latin1',
          ),
        ]),
      ['userunknown', 'hard', '5.0.0'],
    ],
    [
      // OCN's Postfix notice adds a Japanese paragraph after the English one
      // (http://miniminiadmin.jugem.jp/?eid=344): "The following sentences are Japanese." then
      // このメールと共に返信されているメールは一つ以上の宛先に対して配信できませんでした。
      "OCN's bilingual Postfix notice in ISO-2022-JP, an unknown user at RCPT TO, is an unknown address",
      () =>
        Buffer.from(
          postfixReport(
            '5.1.1',
            '550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
            'RCPT TO',
            [
              'The following sentences are Japanese.',
              '\x1b$B$3$N%a!<%k$H6&$KJV?.$5$l$F$$$k%a!<%k$O0l$D0J>e$N08@h$KBP$7$FG[?.$G$-$^$;$s$G$7$?!#\x1b(B',
              '',
            ],
          )
            .toString('latin1')
            .replace('charset=us-ascii', 'charset=ISO-2022-JP'),
          'latin1',
        ),
      ['userunknown', 'hard', '5.1.1'],
    ],
  ]);
});
