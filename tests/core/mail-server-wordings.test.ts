// Refusals and notices of mail server products read in their own source code or published
// reply lists, in the shapes a relay reports them (Postfix's "... (in reply to RCPT TO
// command)", Exim's and qmail's bounces): Haraka and its plugins, iRedAPD (iRedMail's policy
// server), Stalwart Mail Server, Postfix's smtpd and postscreen, OpenSMTPD, Cyrus's and
// Dovecot's LMTP, Exim's default ACLs, qmail, vpopmail, Courier, smtpf, mox, maddy, chasquid,
// hMailServer, rspamd, Apache James, amavisd-new. Each describe names the files or page read;
// none of these wordings comes from a bounce collection. One test per wording, named after
// what a user sees.
import { describe } from 'vitest';
import { eximBounce, qmailBounce } from './plain-bounces.ts';
import { reported, reportedInReplyTo, wordingTests } from './wording-cases.ts';

const atRcpt = reportedInReplyTo('RCPT TO command');
const atMail = reportedInReplyTo('MAIL FROM command');
const atData = reportedInReplyTo('end of DATA command');
const atGreeting = reportedInReplyTo('initial greeting');
const atEhlo = reportedInReplyTo('EHLO command');
const eximAfter = (command: string, reply: string) =>
  eximBounce([`SMTP error from remote mail server after ${command}:`, `host mx.example.net [192.0.2.1]: ${reply}`]);
const lmtp = (status: string, reply: string, command = 'end of DATA') =>
  reported(status, `lmtp; ${reply} (in reply to ${command} command)`);

// haraka/Haraka: connection.js (the replies when a hook denies with no text of its own),
// plugins/rcpt_to.host_list_base.js; haraka/haraka-plugin-dns-list, -karma, -spf, -headers,
// -limit, -helo.checks, -fcrdns, -access, -greylist, -mail_from.is_resolvable,
// -qmail-deliverable (index.js of each).
describe("Haraka's refusals and its plugins' texts", () => {
  wordingTests([
    [
      'Haraka\'s "I cannot deliver mail for <address>" (no plugin took the recipient\'s domain) is a refused relay, not a dead address',
      () => atRcpt('5.0.0', '550 I cannot deliver mail for <user@example.net>'),
      ['norelaying', 'soft'],
    ],
    [
      "Haraka's refusal of a local domain as sender from an outside host is about the sender",
      () => atMail('5.0.0', "550 Mail from domain 'example.net' is not allowed from your host"),
      ['rejected', 'soft'],
    ],
    [
      'Haraka\'s dns-list "host [ip] is listed on <zones>" blocks the sending host',
      () => atGreeting('5.0.0', '554 host [192.0.2.1] is listed on zen.spamhaus.org, b.barracudacentral.org'),
      ['blocked', 'soft'],
    ],
    [
      "Haraka's backscatterer listing refuses the sending host, not the recipient",
      () => atRcpt('5.0.0', '550 Host mx.example.org [192.0.2.1] is listed by ips.backscatterer.org'),
      ['blocked', 'soft'],
    ],
    [
      'a Haraka "very bad karma score" is the sending host\'s reputation',
      () => atRcpt('5.0.0', '550 very bad karma score: -12'),
      ['badreputation', 'soft'],
    ],
    [
      "Haraka's SPF Fail of the sender's domain is an authentication failure, not the address",
      () => atMail('5.7.1', '550 5.7.1 sender <sender@example.com> SPF Fail'),
      ['authfailure', 'soft'],
    ],
    [
      "Haraka's SPF SoftFail refusal is an authentication failure",
      () => atMail('5.7.1', '550 5.7.1 sender <sender@example.com> SPF SoftFail'),
      ['authfailure', 'soft'],
    ],
    [
      'a Haraka missing required header is a message not compliant with the RFC',
      () => atData('5.0.0', "550 Required header 'Date' missing"),
      ['notcompliantrfc', 'soft'],
    ],
    [
      'a Haraka "Only one Subject header allowed" is a message not compliant with the RFC',
      () => atData('5.0.0', '550 Only one Subject header allowed. See RFC 5322, Section 3.6'),
      ['notcompliantrfc', 'soft'],
    ],
    [
      'a Haraka phishing refusal ("appears to impersonate") is spam content',
      () => atData('5.0.0', '550 Phishing message appears to impersonate paypal.com'),
      ['spamdetected', 'soft'],
    ],
    [
      "Haraka's limit on recipient attempts is too many recipients, not the address",
      () => atRcpt('4.0.0', '450 Too many recipient attempts'),
      ['toomanyconn', 'soft'],
    ],
    [
      "Haraka's recipient rate limit is the sender's speed",
      () => atRcpt('4.0.0', '450 recipient rate limit exceeded'),
      ['speeding', 'soft'],
    ],
    [
      "Haraka's connection rate limit is too many connections from the sending host",
      () => atGreeting('4.0.0', '421 connection rate limit exceeded'),
      ['toomanyconn', 'soft'],
    ],
    [
      "Haraka's limit on concurrent connections is too many connections",
      () => atGreeting('4.0.0', '421 Too many concurrent connections'),
      ['toomanyconn', 'soft'],
    ],
    ['a Haraka "HELO is dynamic" blocks the sending host', () => atEhlo('5.0.0', '550 HELO is dynamic'), ['blocked', 'soft']],
    [
      'a Haraka "HELO host has no forward DNS match" blocks the sending host',
      () => reported('5.0.0', 'smtp; 550 HELO host has no forward DNS match'),
      ['blocked', 'soft'],
    ],
    [
      'a Haraka "You are not who you say you are" (a HELO naming a big provider) blocks the sending host',
      () => reported('5.0.0', 'smtp; 550 You are not who you say you are'),
      ['blocked', 'soft'],
    ],
    [
      'a Haraka fcrdns "rejected; no rDNS" is a missing PTR record',
      () => atGreeting('5.0.0', '550 client [192.0.2.1] rejected; no rDNS'),
      ['requireptr', 'soft'],
    ],
    [
      'a Haraka "Sorry, no FCrDNS match found" is a missing PTR record',
      () => atRcpt('5.0.0', '550 Sorry, no FCrDNS match found'),
      ['requireptr', 'soft'],
    ],
    [
      'Haraka\'s default connect refusal "Your mail is not welcome here" blocks the sending host',
      () => atGreeting('5.0.0', '554 Your mail is not welcome here'),
      ['blocked', 'soft'],
    ],
    ['Haraka\'s "rDNS Lookup Failed" is a missing PTR record', () => atGreeting('5.0.0', '554 rDNS Lookup Failed'), ['requireptr', 'soft']],
    [
      "Haraka's too many Received headers is the message's content (the reference's filing), not the address",
      () => atData('5.0.0', '550 Too many received headers - possible mail loop'),
      ['contenterror', 'soft'],
    ],
    [
      "Haraka's bare line-feed refusal is a message not compliant with the RFC",
      () => atData('4.0.0', '451 Bare line-feed; see http://haraka.github.io/barelf/'),
      ['notcompliantrfc', 'soft'],
    ],
    ['Haraka\'s "Message too big!" is a message too big', () => atData('5.0.0', '550 Message too big!'), ['mesgtoobig', 'soft']],
    ["Haraka's known spam signature is spam", () => atData('5.0.0', '550 Mail matches a known spam signature'), ['spamdetected', 'soft']],
    [
      "Haraka's access list refusal of a connecting host blocks it",
      () => atGreeting('5.0.0', '550 mx.example.org [192.0.2.1] You are not allowed to connect'),
      ['blocked', 'soft'],
    ],
    [
      "Haraka's access list refusal of the sender is about the sender",
      () => atMail('5.0.0', '550 sender@example.com That sender cannot send mail here'),
      ['rejected', 'soft'],
    ],
    [
      'Haraka\'s refused sender domain ("Email from that domain is not accepted here.") is about the sender',
      () => atData('5.0.0', '550 Email from that domain is not accepted here.'),
      ['rejected', 'soft'],
    ],
    [
      "Haraka's null MX of the sender's domain is about the sender",
      () => atMail('5.7.27', '550 5.7.27 Null MX: example.com does not send mail'),
      ['rejected', 'soft'],
    ],
    [
      "Haraka's refusal of a null sender to a mailing list is about the sender",
      () => atRcpt('5.0.0', '550 mailing lists do not accept null senders'),
      ['rejected', 'soft'],
    ],
    [
      'Haraka\'s "Too busy; please try again later", reported with no command named, is the receiving system',
      () => reported('4.0.0', 'smtp; 421 Too busy; please try again later'),
      ['systemerror', 'soft'],
    ],
  ]);
});

// iredmail/iRedAPD: libs/__init__.py (SMTP_ACTIONS), libs/default_settings.py
// (GREYLISTING_MESSAGE), as Postfix's check_policy_service words them at RCPT TO
// (postfix/src/smtpd/smtpd_check.c: "<%s>: %s rejected: %s").
describe("iRedAPD's policy refusals through Postfix", () => {
  const policy = (code: string, status: string, text: string) =>
    atRcpt(status, `${code} ${status} <user@example.net>: Recipient address rejected: ${text}`);
  wordingTests([
    [
      "iRedAPD's throttling quota exceeded is the sender's speed, not the recipient's address",
      () => policy('554', '5.7.1', 'Throttling quota exceeded'),
      ['speeding', 'soft'],
    ],
    [
      "iRedAPD's too many recipients in a single message is too many recipients",
      () => policy('554', '5.7.1', 'Too many recipients in single message'),
      ['toomanyconn', 'soft'],
    ],
    [
      "iRedAPD's throttling message size is a message too big",
      () => policy('554', '5.7.1', 'Message size is too large'),
      ['mesgtoobig', 'soft'],
    ],
    [
      "iRedAPD's low Sender Score is the sending IP's reputation",
      () => policy('554', '5.7.1', 'Server IP address has bad reputation. FYI: https://www.senderscore.org/lookup.php?lookup=192.0.2.1'),
      ['badreputation', 'soft'],
    ],
    [
      "iRedAPD's blacklisted reverse DNS name blocks the sending host",
      () => policy('554', '5.7.1', 'Blacklisted reverse DNS name of server IP address'),
      ['blocked', 'soft'],
    ],
    [
      "iRedAPD's \"Blacklisted\" (the server's or the recipient's block list) is a block, never the recipient's address",
      () => policy('554', '5.7.1', 'Blacklisted'),
      ['blocked', 'soft'],
    ],
    [
      "iRedAPD's refusal of a null sender is about the sender",
      () => policy('554', '5.7.1', 'Policy rejection due to null sender'),
      ['rejected', 'soft'],
    ],
    [
      "iRedAPD's forged sender (SMTP AUTH required for the sender's domain) is about the sender",
      () => policy('554', '5.7.1', 'SMTP AUTH is required for users under this sender domain'),
      ['rejected', 'soft'],
    ],
    [
      'iRedAPD\'s greylisting ("Intentional policy rejection, please try again later") is never a dead address',
      () => policy('451', '4.7.1', 'Intentional policy rejection, please try again later'),
      ['expired', 'soft'],
    ],
  ]);
});

// stalwartlabs/mail-server: crates/smtp/src/inbound/{ehlo,mail,rcpt,data,spawn}.rs,
// crates/email/src/message/delivery.rs (its local delivery's statuses).
describe("Stalwart Mail Server's replies", () => {
  wordingTests([
    [
      'Stalwart\'s "550 5.1.2 Mailbox does not exist." is an unknown recipient, not an unknown domain',
      () => atRcpt('5.1.2', '550 5.1.2 Mailbox does not exist.'),
      ['userunknown', 'hard'],
    ],
    [
      'Stalwart\'s "550 5.1.2 Relay not allowed." is a refused relay, not an unknown domain',
      () => atRcpt('5.1.2', '550 5.1.2 Relay not allowed.'),
      ['norelaying', 'soft'],
    ],
    [
      "Stalwart's DMARC refusal is an authentication failure",
      () => atData('5.7.1', '550 5.7.1 Email rejected per DMARC policy.'),
      ['authfailure', 'soft'],
    ],
    [
      "Stalwart's missing passing DKIM signature is an authentication failure",
      () => atData('5.7.20', '550 5.7.20 No passing DKIM signatures found.'),
      ['authfailure', 'soft'],
    ],
    [
      "Stalwart's failed ARC validation is an authentication failure",
      () => atData('5.7.29', '550 5.7.29 ARC validation failed.'),
      ['authfailure', 'soft'],
    ],
    [
      "Stalwart's failed reverse DNS validation is a missing PTR record",
      () => atMail('5.7.25', '550 5.7.25 Reverse DNS validation failed.'),
      ['requireptr', 'soft'],
    ],
    [
      "Stalwart's excessive spam score is spam",
      () => atData('5.7.1', '550 5.7.1 Message rejected due to excessive spam score.'),
      ['spamdetected', 'soft'],
    ],
    [
      'Stalwart\'s "Sender address not allowed." is about the sender',
      () => atMail('5.7.1', '550 5.7.1 Sender address not allowed.'),
      ['rejected', 'soft'],
    ],
    [
      "Stalwart's rate limit is the sender's speed",
      () => atMail('4.4.5', '452 4.4.5 Rate limit exceeded, try again later.'),
      ['speeding', 'soft'],
    ],
    ["Stalwart's too many recipients", () => atRcpt('4.5.3', '455 4.5.3 Too many recipients.'), ['toomanyconn', 'soft']],
    [
      "Stalwart's messages per session limit is too many messages, not the address",
      () => atMail('4.4.5', '452 4.4.5 Maximum number of messages per session exceeded.'),
      ['toomanyconn', 'soft'],
    ],
    ["Stalwart's message too big", () => atMail('5.3.4', '552 5.3.4 Message too big for system.'), ['mesgtoobig', 'soft']],
    [
      'Stalwart\'s "Mail system full" is the receiving system\'s storage',
      () => atData('4.3.1', '452 4.3.1 Mail system full, try again later.'),
      ['systemfull', 'soft'],
    ],
    [
      "Stalwart's invalid EHLO domain blocks the sending host",
      () => atEhlo('5.5.0', '550 5.5.0 Invalid EHLO domain.'),
      ['blocked', 'soft'],
    ],
    [
      "Stalwart's too many Received headers is the message's content, as for the other servers",
      () => atData('4.4.6', '450 4.4.6 Too many Received headers. Possible loop detected.'),
      ['contenterror', 'soft'],
    ],
    [
      "Stalwart's local delivery over quota is a full mailbox",
      () => atData('4.2.2', '452 4.2.2 Mailbox over quota.'),
      ['mailboxfull', 'soft'],
    ],
    [
      "Stalwart's account not authorized to receive email is a suspended account, not a dead one",
      () => atData('5.5.0', '550 5.5.0 This account is not authorized to receive email.'),
      ['suspend', 'soft'],
    ],
    [
      "Stalwart's session transfer quota is the sender's volume, not the address",
      () => atData('4.7.28', '452 4.7.28 mx.example.net Session exceeded transfer quota.'),
      ['speeding', 'soft'],
    ],
  ]);
});

// vdukhovni/postfix: postfix/src/postscreen/postscreen.c, postscreen_smtpd.c, postscreen_state.c.
describe("Postfix postscreen's replies", () => {
  wordingTests([
    [
      'postscreen\'s "550 5.3.2 Service currently unavailable" (a client on its denylist) blocks the sending host',
      () => atRcpt('5.3.2', '550 5.3.2 Service currently unavailable'),
      ['blocked', 'soft'],
    ],
    [
      'postscreen\'s "521 5.3.2 Service currently unavailable" at the greeting blocks the sending host',
      () => atGreeting('5.3.2', '521 5.3.2 Service currently unavailable'),
      ['blocked', 'soft'],
    ],
    [
      "postscreen's too many connections from one client",
      () => atGreeting('4.7.0', '421 4.7.0 Error: too many connections'),
      ['toomanyconn', 'soft'],
    ],
    [
      'postscreen\'s "I can break rules, too. Goodbye." (a client that broke the protocol) blocks the sending host',
      () => atRcpt('5.7.0', '521 5.7.0 Error: I can break rules, too. Goodbye.'),
      ['blocked', 'soft'],
    ],
    [
      'postscreen\'s "All server ports are busy" is a system not accepting messages for now, never hard',
      () => atGreeting('4.3.2', '421 4.3.2 All server ports are busy'),
      ['notaccept', 'soft'],
    ],
  ]);
});

// OpenSMTPD/OpenSMTPD: usr.sbin/smtpd/smtp_session.c, lka_session.c, esc.c.
describe("OpenSMTPD's replies", () => {
  wordingTests([
    [
      'OpenSMTPD\'s "550 Invalid recipient: <address>" is an unknown recipient',
      () => atRcpt('5.0.0', '550 Invalid recipient: <user@example.net>'),
      ['userunknown', 'hard'],
    ],
    [
      "OpenSMTPD's loop detected is a mail loop",
      () => atData('5.4.6', '500 5.4.6 Routing loop detected: Loop detected'),
      ['networkerror', 'soft'],
    ],
    [
      'OpenSMTPD\'s "Message is not RFC 2822 compliant" is a message not compliant with the RFC',
      () => atData('5.7.1', '550 5.7.1 Delivery not authorized, message refused: Message is not RFC 2822 compliant'),
      ['notcompliantrfc', 'soft'],
    ],
    [
      "OpenSMTPD's too big message",
      () => atData('5.3.4', '554 5.3.4 Message too big for system: Transaction failed, message too big'),
      ['mesgtoobig', 'soft'],
    ],
    [
      "OpenSMTPD's too many messages in a session is too many, not the address",
      () => atMail('4.5.3', '452 4.5.3 Too many recipients: Too many messages sent'),
      ['toomanyconn', 'soft'],
    ],
  ]);
});

// cyrusimap/cyrus-imapd: imap/lmtp_err.et (the LMTP replies), imap/imap_err.et (their texts),
// imap/lmtpengine.c (send_lmtp_error).
describe("Cyrus lmtpd's replies", () => {
  wordingTests([
    [
      'Cyrus\'s "Mailbox unknown. Either there is no mailbox associated with this name..." is an unknown recipient',
      () =>
        lmtp(
          '5.1.1',
          '550-Mailbox unknown.  Either there is no mailbox associated with this 550-name or you do not have authorization to see it. 550 5.1.1 User unknown',
          'RCPT TO',
        ),
      ['userunknown', 'hard'],
    ],
    [
      "Cyrus's over quota (temporary) is a full mailbox",
      () => lmtp('4.2.2', '452 4.2.2 Over quota SESSIONID=<cyrus-1234-1-1-1>'),
      ['mailboxfull', 'soft'],
    ],
    [
      "Cyrus's over quota (permanent) is a full mailbox",
      () => lmtp('5.2.2', '552 5.2.2 Over quota SESSIONID=<cyrus-1234-1-1-1>'),
      ['mailboxfull', 'soft'],
    ],
    [
      'Cyrus\'s "Delivery to mailbox is disabled" is a suspended mailbox',
      () => lmtp('4.2.1', '451 4.2.1 Delivery to mailbox is disabled', 'RCPT TO'),
      ['suspend', 'soft'],
    ],
    [
      'Cyrus\'s "mail system storage has been exceeded" is the receiving system\'s storage',
      () => lmtp('4.3.1', '451 4.3.1 mail system storage has been exceeded'),
      ['systemfull', 'soft'],
    ],
    [
      'Cyrus\'s "You do not have permission to post a message to this mailbox" refuses the sender, not the address',
      () =>
        lmtp(
          '5.7.1',
          '550-You do not have permission to post a message to this mailbox. 550-Please contact the owner of this mailbox in order to submit 550-your message, or postmaster@example.net if you believe you 550-received this message in error. 550 5.7.1 Permission denied',
          'RCPT TO',
        ),
      ['rejected', 'soft'],
    ],
    [
      'Cyrus\'s "Message contains bare newlines" is a message not compliant with the RFC',
      () => lmtp('5.6.0', '554 5.6.0 Message contains bare newlines'),
      ['notcompliantrfc', 'soft'],
    ],
  ]);
});

// dovecot/core: src/lmtp/lmtp-local.c, lmtp-recipient.c, src/plugins/quota/quota.c and
// quota-settings.c (the default quota_exceeded_message).
describe("Dovecot LMTP's recipient and quota replies", () => {
  wordingTests([
    [
      'Dovecot\'s "User doesn\'t exist" is an unknown recipient',
      () => lmtp('5.1.1', "550 5.1.1 <user@example.net> User doesn't exist: user@example.net", 'RCPT TO'),
      ['userunknown', 'hard'],
    ],
    [
      "Dovecot's default quota message is a full mailbox",
      () => lmtp('5.2.2', '552 5.2.2 <user@example.net> Quota exceeded (mailbox for user is full)'),
      ['mailboxfull', 'soft'],
    ],
    [
      'Dovecot\'s "Too many messages in the mailbox" is a full mailbox',
      () => lmtp('5.2.2', '552 5.2.2 <user@example.net> Too many messages in the mailbox'),
      ['mailboxfull', 'soft'],
    ],
    [
      "Dovecot's mail larger than the server's maximum is a message too big, not a full mailbox",
      () => lmtp('5.2.2', '552 5.2.2 <user@example.net> Mail size is larger than the maximum size allowed by server configuration'),
      ['mesgtoobig', 'soft'],
    ],
  ]);
});

// Exim/exim: src/src/configure.default (the ACLs every Exim starts from: acl_check_rcpt,
// acl_check_data), src/src/smtp_in.c, as a remote Exim's replies reach a sending Exim.
describe("Exim's default ACL texts", () => {
  wordingTests([
    [
      'Exim\'s default "relay not permitted" is a refused relay',
      () => eximAfter('RCPT TO:<user@example.net>', '550 relay not permitted'),
      ['norelaying', 'soft'],
    ],
    [
      'Exim\'s "Restricted characters in address" refuses the address as written',
      () => eximAfter('RCPT TO:<user@example.net>', '550 Restricted characters in address'),
      ['userunknown', 'hard'],
    ],
    [
      'Exim\'s "Rejected for too many bad recipients" blocks the sending host, not this address',
      () => eximAfter('RCPT TO:<user@example.net>', '550 Rejected for too many bad recipients'),
      ['blocked', 'soft'],
    ],
    [
      "Exim's default over-long line refusal is a message not compliant with the RFC",
      () => eximAfter('end of data', '550 maximum allowed line length is 998 octets, got 1536'),
      ['notcompliantrfc', 'soft'],
    ],
    [
      'Exim\'s default "header syntax" refusal is the header\'s format (contenterror), not the address',
      () => eximAfter('end of data', '550 header syntax'),
      ['contenterror', 'soft'],
    ],
    [
      'Exim\'s commented-out virus ACL ("This message contains a virus") is a virus',
      () => eximAfter('end of data', '550 This message contains a virus (Eicar-Test-Signature).'),
      ['virusdetected', 'soft'],
    ],
    [
      "Exim's DNS black list ACL text blocks the sending host",
      () => eximAfter('RCPT TO:<user@example.net>', '550 rejected because 192.0.2.9 is in a black list at zen.spamhaus.org'),
      ['blocked', 'soft'],
    ],
    [
      'Exim\'s "Unknown user" (cannot_route_message of the default configure) is an unknown recipient',
      () => eximAfter('RCPT TO:<user@example.net>', '550 Unknown user'),
      ['userunknown', 'hard'],
    ],
    [
      'Exim\'s "Too many concurrent SMTP connections" is too many connections',
      () => eximAfter('MAIL FROM:<sender@example.com>', '421 Too many concurrent SMTP connections; please try again later.'),
      ['toomanyconn', 'soft'],
    ],
    [
      'Exim\'s "too many messages in this connection" is too many messages, not the address',
      () => eximAfter('MAIL FROM:<sender@example.com>', '421 too many messages in this connection'),
      ['toomanyconn', 'soft'],
    ],
  ]);
});

// notqmail/notqmail: qmail-smtpd.c, qmail-remote.c, qmail-local.c; vpopmail's vdelivermail.c
// (brunonymous/vpopmail), the qmail-send bounce carrying their texts.
describe("qmail's and vpopmail's texts", () => {
  wordingTests([
    [
      "qmail-smtpd's badmailfrom refusal is about the sender",
      () => qmailBounce(['Remote host said: 553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)']),
      ['rejected', 'soft'],
    ],
    [
      "qmail-smtpd's rcpthosts refusal is a refused relay",
      () =>
        qmailBounce([
          '192.0.2.1 does not like recipient.',
          "Remote host said: 553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
        ]),
      ['norelaying', 'soft'],
    ],
    [
      "qmail-smtpd's databytes limit is a message too big",
      () => qmailBounce(['Remote host said: 552 sorry, that message size exceeds my databytes limit (#5.3.4)']),
      ['mesgtoobig', 'soft'],
    ],
    [
      'qmail-local\'s "This message is looping: it already has my Delivered-To line." is a loop',
      () => qmailBounce(['This message is looping: it already has my Delivered-To line. (#5.4.6)']),
      ['networkerror', 'soft'],
    ],
    [
      'qmail-remote\'s "Sorry, I couldn\'t find any host named" is an unknown host',
      () => qmailBounce(["Sorry, I couldn't find any host named example.net. (#5.1.2)"]),
      ['hostunknown', 'hard'],
    ],
    [
      'qmail-remote\'s "couldn\'t find a mail exchanger or IP address" is a domain taking no mail, hard',
      () => qmailBounce(["Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)"]),
      ['notaccept', 'hard'],
    ],
    [
      "qmail-remote's partial final line is the message's form, not the address",
      () => qmailBounce(['SMTP cannot transfer messages with partial final lines. (#5.6.2)']),
      ['contenterror', 'soft'],
    ],
    ['vpopmail\'s "user is over quota" is a full mailbox', () => qmailBounce(['user is over quota']), ['mailboxfull', 'soft']],
    ['vpopmail\'s "domain is over quota" is a full mailbox', () => qmailBounce(['domain is over quota']), ['mailboxfull', 'soft']],
    [
      "vpopmail's locked account is a suspended account, not a dead one",
      () => qmailBounce(['vdelivermail: account is locked email bounced user@example.net']),
      ['suspend', 'soft'],
    ],
    [
      "vpopmail's failed maildir creation is the receiving system",
      () => qmailBounce(['Auto creation of maildir failed. vpopmail (#5.9.8)']),
      ['systemerror', 'soft'],
    ],
  ]);
});

// svarshavchik/courier: courier/submit.C, courier/module.esmtp/courieresmtpd.C,
// courier/cdfilters.C.
describe("Courier's submit and courieresmtpd texts", () => {
  wordingTests([
    [
      'Courier\'s "431 Mail system full." is the receiving system\'s storage',
      () => atRcpt('4.0.0', '431 Mail system full.'),
      ['systemfull', 'soft'],
    ],
    ['Courier\'s "531 Too many recipients."', () => atRcpt('5.0.0', '531 Too many recipients.'), ['toomanyconn', 'soft']],
    ['Courier\'s "550 Spam refused." is spam', () => atData('5.0.0', '550 Spam refused.'), ['spamdetected', 'soft']],
    ['Courier\'s "550 User unknown." is an unknown recipient', () => atRcpt('5.0.0', '550 User unknown.'), ['userunknown', 'hard']],
    [
      'Courier\'s "517 Sender rejected" is about the sender',
      () => atMail('5.0.0', '517 Sender rejected: sender@example.com'),
      ['rejected', 'soft'],
    ],
    [
      "Courier's sender domain that does not exist is about the sender, never the recipient's domain",
      () => atMail('5.0.0', '517-Domain does not exist: example.com. 517 Sender rejected: sender@example.com'),
      ['rejected', 'soft'],
    ],
    [
      "Courier's message length over the administrative limit is a message too big",
      () => atData('5.0.0', '523 Message length (1048576 bytes) exceeds administrative limit(1000000).'),
      ['mesgtoobig', 'soft'],
    ],
    [
      "Courier's DNS lookup of the HELO name failing for now is the sending host, never the address",
      () => atEhlo('4.0.0', '417 DNS lookup on HELO mx.example.org failed.  Try again later.'),
      ['blocked', 'soft'],
    ],
  ]);
});

// vdukhovni/postfix: postfix/src/smtpd/smtpd_check.c ("<%s>: %s rejected: %s" and the
// fixed texts of reject_unknown_*, reject_non_fqdn_*, reject_unverified_*, smtpd_check_size).
describe("Postfix smtpd's restriction texts, more of them", () => {
  const postfix = (code: string, status: string, text: string, command = 'RCPT TO') =>
    reported(status, `smtp; ${code} ${status} ${text} (in reply to ${command} command)`);
  wordingTests([
    [
      "Postfix's reject_unknown_sender_domain is about the sender's domain, never the recipient's",
      () => postfix('450', '4.1.8', '<sender@example.com>: Sender address rejected: Domain not found'),
      ['rejected', 'soft'],
    ],
    [
      "Postfix's reject_unknown_recipient_domain is an unknown recipient domain",
      () => postfix('550', '5.1.2', '<user@example.net>: Recipient address rejected: Domain not found'),
      ['hostunknown', 'hard'],
    ],
    [
      "Postfix's reject_unknown_client_hostname is a missing PTR record",
      () => postfix('450', '4.7.1', 'Client host rejected: cannot find your hostname, [192.0.2.1]'),
      ['requireptr', 'soft'],
    ],
    [
      "Postfix's reject_unknown_reverse_client_hostname is a missing PTR record",
      () => postfix('450', '4.7.1', 'Client host rejected: cannot find your reverse hostname, [192.0.2.1]'),
      ['requireptr', 'soft'],
    ],
    [
      "Postfix's reject_non_fqdn_helo_hostname blocks the sending host",
      () => postfix('504', '5.5.2', '<localhost>: Helo command rejected: need fully-qualified hostname'),
      ['blocked', 'soft'],
    ],
    [
      "Postfix's reject_unknown_helo_hostname blocks the sending host",
      () => postfix('450', '4.7.1', '<mx.example.org>: Helo command rejected: Host not found'),
      ['blocked', 'soft'],
    ],
    [
      "Postfix's reject_non_fqdn_sender is about the sender",
      () => postfix('504', '5.5.2', '<sender>: Sender address rejected: need fully-qualified address'),
      ['rejected', 'soft'],
    ],
    [
      "Postfix's reject_unverified_recipient with the remote's answer is an unknown recipient",
      () =>
        postfix(
          '550',
          '5.1.1',
          '<user@example.net>: Recipient address rejected: undeliverable address: host mx.example.net[192.0.2.2] said: 550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in local recipient table',
        ),
      ['userunknown', 'hard'],
    ],
    [
      "Postfix's reject_sender_login_mismatch is about the sender",
      () => postfix('553', '5.7.1', '<sender@example.com>: Sender address rejected: not owned by user someone', 'MAIL FROM'),
      ['rejected', 'soft'],
    ],
    [
      "Postfix's queue without room is the receiving system's storage",
      () => postfix('452', '4.3.1', 'Insufficient system storage', 'MAIL FROM'),
      ['systemfull', 'soft'],
    ],
    [
      "Postfix's SIZE over message_size_limit is a message too big",
      () => postfix('552', '5.3.4', 'Message size exceeds fixed limit', 'MAIL FROM'),
      ['mesgtoobig', 'soft'],
    ],
    [
      "Postfix's reject_unauth_pipelining is the sending client's protocol error, not the address",
      () => postfix('554', '5.5.0', '<user@example.net>: Data command rejected: Improper use of SMTP command pipelining', 'DATA'),
      ['syntaxerror', 'soft'],
    ],
    [
      'Postfix\'s "User unknown in virtual mailbox table" is an unknown recipient',
      () => postfix('550', '5.1.1', '<user@example.net>: Recipient address rejected: User unknown in virtual mailbox table'),
      ['userunknown', 'hard'],
    ],
  ]);
});

// Barricade MX's smtpf, an SMTP filtering proxy: its published reply list
// (snertsoft.com/smtp/smtpf/reply.html, "SMTP Replies").
describe("smtpf's published replies", () => {
  wordingTests([
    [
      'an smtpf "host ... black listed" (its access map) blocks the sending host',
      () => atRcpt('5.7.1', '550 5.7.1 host mx.example.org [192.0.2.1] black listed #120'),
      ['blocked', 'soft'],
    ],
    [
      'an smtpf "sender <...> black listed" is about the sender, not the recipient',
      () => atRcpt('5.7.1', '550 5.7.1 sender <sender@example.com> black listed #127'),
      ['rejected', 'soft'],
    ],
    [
      'an smtpf host "from unknown TLD" blocks the sending host',
      () => atRcpt('5.7.1', '550 5.7.1 host mx.example.invalid [192.0.2.1] from unknown TLD #122'),
      ['blocked', 'soft'],
    ],
    [
      'an smtpf sender "from RFC2606 reserved domain" is about the sender',
      () => atMail('5.7.1', '550 5.7.1 sender <sender@example.com> from RFC2606 reserved domain #128'),
      ['rejected', 'soft'],
    ],
    [
      'an smtpf "routed address relaying denied" is a refused relay',
      () => atRcpt('5.7.1', '550 5.7.1 routed address relaying denied #131'),
      ['norelaying', 'soft'],
    ],
  ]);
});

// FORPSI's qmail-based mail servers (chkuser and its filters), as the host's help lists the
// replies senders get (support.forpsi.com/kb/a3302, "Incoming emails limitation on the
// mailserver").
describe("a qmail host's chkuser and filter replies", () => {
  wordingTests([
    [
      'chkuser\'s "final recipient mailbox is full" is a full mailbox, not an unknown user despite its 5.1.1',
      () => atRcpt('5.1.1', '552 5.1.1 5.2.2 sorry, final recipient mailbox is full (chkuser)'),
      ['mailboxfull', 'soft'],
    ],
    [
      'a "sender is blocklisted" by the recipient is about the sender, not an unknown recipient despite its 5.1.1',
      () => atRcpt('5.1.1', '550 5.1.1 <sender@example.com> sender is blocklisted'),
      ['rejected', 'soft'],
    ],
    [
      'a "spam detected" after a session token is spam',
      () => atData('5.2.0', '552 5.2.0 0biL1i00V1cmcpM01biL4w spam detected'),
      ['spamdetected', 'soft'],
    ],
    [
      'a "blocked by SPF" is an authentication failure',
      () => atData('5.1.0', '550 5.1.0 0bcW1i00G0jifNx01bcmHa blocked by SPF'),
      ['authfailure', 'soft'],
    ],
  ]);
});

// mjl-/mox: smtpserver/server.go and analyze.go (its replies to a delivering server).
describe("mox's replies", () => {
  wordingTests([
    [
      'mox\'s "not accepting email for domain" (a domain it does not serve) is a refused relay, not an unknown user despite its 5.1.1',
      () => atRcpt('5.1.1', '550 5.1.1 not accepting email for domain'),
      ['norelaying', 'soft'],
    ],
    [
      "mox's DMARC rejection is an authentication failure",
      () => atData('5.7.26', '550 5.7.26 rejecting per dmarc policy'),
      ['authfailure', 'soft'],
    ],
    [
      'mox\'s connection rate limit ("slow down please") is the sender\'s speed',
      () => atGreeting('4.7.0', '421 4.7.0 connection rate from your ip or network too high, slow down please'),
      ['speeding', 'soft'],
    ],
    [
      "mox's too many open connections is too many connections",
      () => atGreeting('4.7.0', '421 4.7.0 too many open connections from your ip or network'),
      ['toomanyconn', 'soft'],
    ],
    [
      "mox's sender domain without mail (null MX) is about the sender",
      () => atMail('5.7.27', '550 5.7.27 mailfrom domain not configured for mail'),
      ['rejected', 'soft'],
    ],
    [
      "mox's EHLO name that does not resolve blocks the sending host",
      () => atMail('5.5.0', '550 5.5.0 your ehlo domain does not resolve to an IP address'),
      ['blocked', 'soft'],
    ],
    [
      "mox's temporarily disabled recipient domain is never a dead address",
      () => atRcpt('4.2.1', '450 4.2.1 recipient domain temporarily disabled'),
      ['suspend', 'soft'],
    ],
  ]);
});

// foxcpp/maddy: internal/check/*, internal/endpoint/smtp, internal/target/* (exterrors.SMTPError
// messages and their codes).
describe("maddy's replies", () => {
  wordingTests([
    ['maddy\'s "User does not exist"', () => atRcpt('5.1.1', '501 5.1.1 User does not exist'), ['userunknown', 'hard']],
    [
      "maddy's sender domain without MX records is about the sender",
      () => atMail('5.7.27', '501 5.7.27 Domain in MAIL FROM does not have any MX records'),
      ['rejected', 'soft'],
    ],
    [
      'maddy\'s "No PTR record found" is a missing PTR record',
      () => atMail('5.7.25', '550 5.7.25 No PTR record found'),
      ['requireptr', 'soft'],
    ],
    [
      "maddy's rDNS name not matching is the sending host's reverse DNS",
      () => atMail('5.7.25', '550 5.7.25 rDNS name does not match source hostname'),
      ['requireptr', 'soft'],
    ],
    [
      'maddy\'s "High load, try again later" with its 4.4.5 (mail system congestion) is a congestion, never hard',
      () => atRcpt('4.4.5', '451 4.4.5 High load, try again later'),
      ['toomanyconn', 'soft'],
    ],
    ["maddy's DMARC failure is an authentication failure", () => atData('5.7.1', '550 5.7.1 DMARC check failed'), ['authfailure', 'soft']],
    [
      "maddy's SPF failure is an authentication failure",
      () => atMail('5.7.23', '550 5.7.23 SPF authentication failed'),
      ['authfailure', 'soft'],
    ],
    [
      "maddy's missing From header is a message not compliant with the RFC",
      () => atData('5.7.0', '550 5.7.0 Missing From header'),
      ['notcompliantrfc', 'soft'],
    ],
    [
      "maddy's several From addresses is a message not compliant with the RFC",
      () => atData('5.7.0', '550 5.7.0 Multiple From addresses are not allowed'),
      ['notcompliantrfc', 'soft'],
    ],
    [
      "maddy's malformed Date header is the header's format (contenterror)",
      () => atData('5.6.0', '554 5.6.0 Malformed Date header'),
      ['contenterror', 'soft'],
    ],
  ]);
});

// albertito/chasquid: internal/smtpsrv/conn.go.
describe("chasquid's replies", () => {
  wordingTests([
    [
      "chasquid's unknown destination address",
      () => atRcpt('5.1.1', '550 5.1.1 Destination address is unknown (user does not exist)'),
      ['userunknown', 'hard'],
    ],
    ['chasquid\'s "Relay not allowed" is a refused relay', () => atRcpt('5.7.1', '503 5.7.1 Relay not allowed'), ['norelaying', 'soft']],
    [
      "chasquid's failed security level check at MAIL FROM (the sender's domain came with TLS before) is about the sender",
      () => atMail('5.7.3', '550 5.7.3 Security level check failed'),
      ['rejected', 'soft'],
    ],
    ["chasquid's message too big", () => atData('5.3.4', '552 5.3.4 Message too big'), ['mesgtoobig', 'soft']],
  ]);
});

// hmailserver/hmailserver: hmailserver/source/Server/SMTP/SMTPConnection.cpp and
// RecipientParser.cpp (the texts of its 550 at RCPT TO).
describe("hMailServer's recipient refusals", () => {
  wordingTests([
    ['hMailServer\'s "Unknown user"', () => atRcpt('5.0.0', '550 Unknown user'), ['userunknown', 'hard']],
    [
      "hMailServer's inactive account is a suspended account, not a dead one",
      () => atRcpt('5.0.0', '550 Account is not active.'),
      ['suspend', 'soft'],
    ],
    [
      "hMailServer's disabled domain is a suspended domain, not a dead address",
      () => atRcpt('5.0.0', '550 Domain has been disabled.'),
      ['suspend', 'soft'],
    ],
    [
      "hMailServer's refusal of a sender not allowed to post to a distribution list is about the sender",
      () => atRcpt('5.0.0', '550 Not authorized sender.'),
      ['rejected', 'soft'],
    ],
    [
      "hMailServer's too many recursive forwards is the receiving system's configuration",
      () => atRcpt('5.0.0', '550 Mail server configuration error. Too many recursive forwards.'),
      ['systemerror', 'soft'],
    ],
    [
      "hMailServer's message with bare LFs is a message not compliant with the RFC",
      () => atData('5.0.0', "554 Rejected - Message containing bare LF's."),
      ['notcompliantrfc', 'soft'],
    ],
  ]);
});

// rspamd/rspamd: src/plugins/lua/greylist.lua, ratelimit.lua, and the milter's reject action
// ("Spam message rejected"), as Postfix answers for it after end of data.
describe("rspamd's replies through the MTA", () => {
  wordingTests([
    ['rspamd\'s "Spam message rejected" is spam', () => atData('5.7.1', '554 5.7.1 Spam message rejected'), ['spamdetected', 'soft']],
    [
      'rspamd\'s ratelimit ("Ratelimit \\"to_ip_from\\" exceeded") is the sender\'s speed',
      () => atData('4.7.1', '451 4.7.1 Ratelimit "to_ip_from" exceeded'),
      ['speeding', 'soft'],
    ],
  ]);
});

// apache/james-project: protocols/smtp (hooks: RcptCmdHandler, MaxRcptHandler,
// AbstractValidRcptHandler, URIRBLHandler), server/protocols/protocols-smtp (SPFHandler),
// server/mailet (RemoteDelivery's bounce after its retries).
describe("Apache James's replies and bounce", () => {
  wordingTests([
    [
      'James\'s "Requested action not taken: relaying denied" is a refused relay',
      () => atRcpt('5.7.1', '550 5.7.1 Requested action not taken: relaying denied'),
      ['norelaying', 'soft'],
    ],
    [
      'James\'s "Requested action not taken: max recipients reached" is too many recipients',
      () => atRcpt('4.5.3', '452 4.5.3 Requested action not taken: max recipients reached'),
      ['toomanyconn', 'soft'],
    ],
    ['James\'s "Unknown user:"', () => atRcpt('5.1.1', '550 5.1.1 Unknown user: user@example.net'), ['userunknown', 'hard']],
    [
      "James's URI block list refusal (a domain in the message listed) is spam content",
      () => atData('5.7.1', '554 5.7.1 Rejected: message contains domain spam.example listed by multi.surbl.org'),
      ['spamdetected', 'soft'],
    ],
    [
      "James's refusal of an invalid SPF record is an authentication failure",
      () => atMail('5.7.1', '550 5.7.1 Block caused by an invalid SPF record'),
      ['authfailure', 'soft'],
    ],
    [
      'James\'s own bounce "Too many retries failure. Bouncing after N retries." is the end of its retries',
      () => reported('5.0.0', 'Too many retries failure. Bouncing after 5 retries.'),
      ['expired', 'soft'],
    ],
  ]);
});

// The rest of Cyrus lmtpd's message refusals (cyrusimap/cyrus-imapd: imap/imap_err.et, read as
// lmtp_err.et's 554 5.6.0 sends them).
describe("Cyrus lmtpd's message refusals", () => {
  wordingTests([
    [
      'Cyrus\'s "Message contains non-ASCII characters in headers" is the header\'s content, not the address',
      () => lmtp('5.6.0', '554 5.6.0 Message contains non-ASCII characters in headers'),
      ['contenterror', 'soft'],
    ],
    [
      'Cyrus\'s "Message has no header/body separator" is the message\'s format (contenterror), not the address',
      () => lmtp('5.6.0', '554 5.6.0 Message has no header/body separator'),
      ['contenterror', 'soft'],
    ],
  ]);
});

// vdukhovni/postfix: postfix/src/global/cleanup_strerror.c (the cleanup server's verdicts, as
// smtpd sends them after end of data: "%d %s Error: %s"), src/smtp/smtp_connect.c and
// smtp_proto.c, src/local/recipient.c (the delivery agents' own failures).
describe("Postfix's cleanup verdicts and delivery agents' failures", () => {
  wordingTests([
    [
      'Postfix\'s "Error: bare <LF> received" is a message not compliant with the RFC',
      () => atData('5.5.2', '521 5.5.2 Error: bare <LF> received'),
      ['notcompliantrfc', 'soft'],
    ],
    [
      'Postfix\'s "Error: message file too big" is a message too big',
      () => atData('5.3.4', '552 5.3.4 Error: message file too big'),
      ['mesgtoobig', 'soft'],
    ],
    [
      'Postfix\'s "Error: queue file write error" is the receiving system',
      () => atData('4.3.0', '451 4.3.0 Error: queue file write error'),
      ['systemerror', 'soft'],
    ],
    [
      'Postfix\'s "Error: too many hops" (its 5.4.0) is a routing failure, never the address',
      () => atData('5.4.0', '554 5.4.0 Error: too many hops'),
      ['networkerror', 'soft'],
    ],
    [
      'Postfix\'s "mail for <domain> loops back to myself" is the receiving side\'s configuration (its MX is the sender), never the address',
      () => reported('5.4.6', 'X-Postfix; mail for example.net loops back to myself'),
      ['systemerror', 'soft'],
    ],
    [
      'Postfix\'s "mail forwarding loop for <address>" is a routing loop, never the address',
      () => reported('5.4.6', 'X-Postfix; mail forwarding loop for user@example.net'),
      ['networkerror', 'soft'],
    ],
    [
      'Postfix\'s header_checks REJECT without its own text ("Error: message content rejected") is a content filter\'s verdict, as the reference reads it',
      () => atData('5.7.1', '550 5.7.1 Error: message content rejected'),
      ['spamdetected', 'soft'],
    ],
  ]);
});

// An MDaemon's Dynamic Screening limit as an MDaemon session log quotes the reply
// (pastebin.com/jA77NHFE): too many requests from one host for now.
describe("a server's limit on requests from one host", () => {
  wordingTests([
    [
      '"The server has reached its limit for processing requests from your host" is too many connections, never the address',
      () =>
        reported('4.0.0', 'smtp; 451-The server has reached its limit for processing requests from your host. 451 Please try again later.'),
      ['toomanyconn', 'soft'],
    ],
  ]);
});

// Exim/exim: src/src/receive.c (header limits), src/src/smtp_in.c; dovecot/core:
// src/lmtp/lmtp-local.c (its per-user delivery limit).
describe("Exim's header limits and Dovecot's per-user delivery limit", () => {
  wordingTests([
    [
      'Exim\'s "Message header is ridiculously long" is the header\'s form, not the address',
      () => eximAfter('end of data', '552 Message header is ridiculously long'),
      ['contenterror', 'soft'],
    ],
    [
      'Exim\'s "A message header line is too long" is the header\'s form, not the address',
      () => eximAfter('end of data', '552 A message header line is too long'),
      ['contenterror', 'soft'],
    ],
    [
      'Exim\'s "Message size exceeds maximum permitted" is a message too big',
      () => eximAfter('MAIL FROM:<sender@example.com> SIZE=99999999', '552 Message size exceeds maximum permitted'),
      ['mesgtoobig', 'soft'],
    ],
    [
      'Dovecot\'s "Too many concurrent deliveries for user" is too many at once, never the address',
      () => lmtp('4.3.0', '451 4.3.0 <user@example.net> Too many concurrent deliveries for user', 'RCPT TO'),
      ['toomanyconn', 'soft'],
    ],
  ]);
});

// iredmail/iRedMail: samples/postfix/helo_access.pcre (its HELO checks), as Postfix words
// a check_helo_access REJECT: "<helo>: Helo command rejected: <text>".
describe("iRedMail's HELO access refusals", () => {
  const helo = (text: string) =>
    atRcpt('5.7.1', `554 5.7.1 <host.example.org>: Helo command rejected: ACCESS DENIED. Your email was rejected because ${text}`);
  wordingTests([
    [
      "iRedMail's dynamic-address HELO refusal blocks the sending host",
      () => helo('the sending mail server appears to be on a dynamic IP address that should not be doing direct mail delivery (dhcp)'),
      ['blocked', 'soft'],
    ],
    [
      'iRedMail\'s "does not identify itself correctly" blocks the sending host',
      () => helo('the sending mail server does not identify itself correctly (example.org)'),
      ['blocked', 'soft'],
    ],
    [
      "iRedMail's known spamming mail server blocks the sending host, not the message's content",
      () => helo('it appears to come from a known spamming mail server (example.org)'),
      ['blocked', 'soft'],
    ],
    [
      "iRedMail's impersonating mail server blocks the sending host",
      () => helo('the sending mail server seems to be impersonating another mail server (example.org)'),
      ['blocked', 'soft'],
    ],
    [
      "iRedMail's non RFC compliant HELO identity blocks the sending host, not the message's form",
      () => helo('the sending mail server sent non RFC compliant HELO identity (localhost)'),
      ['blocked', 'soft'],
    ],
  ]);
});

// amavisd-new (tajohnson/amavisd-new, amavisd: %smtp_reason_by_ccat and the status of each
// blocking category), the content filter iRedMail and most Postfix set-ups put after the
// queue; its reply reaches the sender after end of data: "<status> Reject, id=<n> - <reason>".
describe("amavisd-new's refusals", () => {
  wordingTests([
    ['amavisd\'s "Reject, id=... - spam" is spam', () => atData('5.7.0', '554 5.7.0 Reject, id=12345-01 - spam'), ['spamdetected', 'soft']],
    [
      'amavisd\'s "spammy (tag3)" is spam',
      () => atData('5.7.0', '554 5.7.0 Reject, id=12345-01 - spammy (tag3)'),
      ['spamdetected', 'soft'],
    ],
    [
      'amavisd\'s "INFECTED" is a virus',
      () => atData('5.7.0', '554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Signature'),
      ['virusdetected', 'soft'],
    ],
    [
      'amavisd\'s "BANNED" (a banned attachment name or type) is a policy, not spam',
      () => atData('5.7.0', '554 5.7.0 Reject, id=12345-01 - BANNED: P=p003,L=1,M=application/x-msdownload,T=exe,N=setup.exe'),
      ['policyviolation', 'soft'],
    ],
    [
      'amavisd\'s "BAD HEADER: missing required header field" is a message not compliant with the RFC',
      () => atData('5.6.0', '554 5.6.0 Reject, id=12345-01 - BAD HEADER: missing required header field'),
      ['notcompliantrfc', 'soft'],
    ],
    [
      'amavisd\'s "BAD HEADER: nonencoded 8-bit character" is the header\'s content',
      () => atData('5.6.3', '554 5.6.3 Reject, id=12345-01 - BAD HEADER: nonencoded 8-bit character'),
      ['contenterror', 'soft'],
    ],
    [
      "amavisd's \"Message size exceeds recipient's size limit\" is over that recipient's own limit (exceedlimit)",
      () => atData('5.3.4', "552 5.3.4 Reject, id=12345-01 - Message size exceeds recipient's size limit"),
      ['exceedlimit', 'soft'],
    ],
    [
      'amavisd\'s "UNCHECKED: encrypted" is a policy on content it cannot read',
      () => atData('5.7.0', '554 5.7.0 Reject, id=12345-01 - UNCHECKED: encrypted'),
      ['policyviolation', 'soft'],
    ],
  ]);
});

// poolpOrg/filter-senderscore (filter-senderscore.go), an OpenSMTPD filter refusing by the
// Sender Score of the connecting address.
describe("OpenSMTPD's senderscore filter", () => {
  wordingTests([
    [
      'filter-senderscore\'s "your IP reputation is too low for this MX" is the sending IP\'s reputation',
      () => atGreeting('5.0.0', '550 your IP reputation is too low for this MX'),
      ['badreputation', 'soft'],
    ],
  ]);
});

// Haraka's content and protocol plugins: haraka/haraka-plugin-spamassassin, -rspamd, -clamd,
// -attachment, -early_talker, -uribl, -bounce (index.js and config/*.ini of each).
describe("Haraka's content plugins", () => {
  wordingTests([
    [
      'a Haraka spamassassin "spam score exceeded threshold" is spam',
      () => atData('5.0.0', '550 spam score exceeded threshold'),
      ['spamdetected', 'soft'],
    ],
    ['a Haraka rspamd "Detected as spam" is spam', () => atData('5.0.0', '550 Detected as spam'), ['spamdetected', 'soft']],
    [
      'a Haraka clamd "Message is infected with" is a virus',
      () => atData('5.0.0', '550 Message is infected with Eicar-Test-Signature'),
      ['virusdetected', 'soft'],
    ],
    [
      'a Haraka attachment "disallowed file extension" is a policy, not spam',
      () => atData('5.0.0', '550 Message contains disallowed file extension (exe)'),
      ['policyviolation', 'soft'],
    ],
    [
      'a Haraka attachment "unacceptable attachment" is a policy, not spam',
      () => atData('5.0.0', '550 Message contains unacceptable attachment (invoice.scr)'),
      ['policyviolation', 'soft'],
    ],
    [
      'a Haraka attachment "encrypted archive" is a policy, not spam',
      () => atData('5.0.0', '550 Message contains encrypted archive'),
      ['policyviolation', 'soft'],
    ],
    [
      'a Haraka early_talker "You talk too soon" blocks the sending host',
      () => reported('5.0.0', 'smtp; 550 You talk too soon'),
      ['blocked', 'soft'],
    ],
    [
      'a Haraka uribl refusal (a domain in the message on a URI block list) is spam content, not the sending host',
      () => atData('5.0.0', '550 spam.example listed in dbl.spamhaus.org; see http://www.spamhaus.org/query/dbl?domain=spam.example'),
      ['spamdetected', 'soft'],
    ],
    [
      'a Haraka bounce plugin "Bounces not accepted here" is about the (null) sender',
      () => atRcpt('5.0.0', '550 Bounces not accepted here'),
      ['rejected', 'soft'],
    ],
    [
      'a Haraka bounce plugin "Invalid bounce (spoofed sender)" is about the sender',
      () => atData('5.0.0', '550 Invalid bounce (spoofed sender)'),
      ['rejected', 'soft'],
    ],
  ]);
});

// The rest of Haraka's HELO and sender checks: haraka/haraka-plugin-helo.checks,
// -mail_from.is_resolvable, -headers (index.js of each).
describe("Haraka's HELO, sender-domain and header checks", () => {
  wordingTests([
    ['a Haraka "HELO host name invalid" blocks the sending host', () => atEhlo('5.0.0', '550 HELO host name invalid'), ['blocked', 'soft']],
    [
      'a Haraka "That HELO not allowed here" blocks the sending host',
      () => atEhlo('5.0.0', '550 That HELO not allowed here'),
      ['blocked', 'soft'],
    ],
    [
      'a Haraka "HELO IP literal does not match your IP address" blocks the sending host',
      () => reported('5.0.0', 'smtp; 550 HELO IP literal does not match your IP address'),
      ['blocked', 'soft'],
    ],
    [
      'a Haraka "HELO host does not match rDNS" is about the sending host reverse DNS (requireptr)',
      () => reported('5.0.0', 'smtp; 550 HELO host does not match rDNS'),
      ['requireptr', 'soft'],
    ],
    [
      'a Haraka "Big company w/o rDNS? Unlikely." is a missing PTR record',
      () => reported('5.0.0', 'smtp; 550 Big company w/o rDNS? Unlikely.'),
      ['requireptr', 'soft'],
    ],
    [
      'a Haraka "No MX for your FROM address" is about the sender\'s domain, never the recipient\'s',
      () => atMail('5.0.0', '550 No MX for your FROM address'),
      ['rejected', 'soft'],
    ],
    [
      'a Haraka "No MX for your FROM address" said at RCPT TO is still about the sender',
      () => atRcpt('5.0.0', '550 No MX for your FROM address'),
      ['rejected', 'soft'],
    ],
    [
      'a Haraka "Invalid Delivered-To header content" (the message already went through this recipient) is a loop, never the address',
      () => atData('5.0.0', '550 Invalid Delivered-To header content'),
      ['networkerror', 'soft'],
    ],
  ]);
});

// The rest read in the same sources: Stalwart (crates/smtp/src/inbound/mail.rs, rcpt.rs),
// Courier (courier/submit.C).
describe('more of the same servers’ texts', () => {
  wordingTests([
    [
      "Stalwart's temporary SPF validation error is never a dead address",
      () => atMail('4.7.24', '451 4.7.24 Temporary SPF validation error.'),
      ['authfailure', 'soft'],
    ],
    [
      'Stalwart\'s "Unable to verify address at this time." is the receiving side failing to look it up for now, never the address',
      () => atRcpt('4.4.3', '451 4.4.3 Unable to verify address at this time.'),
      ['systemerror', 'soft'],
    ],
    [
      'Courier\'s recipient filter refusal ("Delivery not authorized, message refused.") is the recipient side\'s filter, not the address',
      () => atRcpt('5.0.0', '571 Delivery not authorized, message refused.'),
      ['filtered', 'soft'],
    ],
  ]);
});
