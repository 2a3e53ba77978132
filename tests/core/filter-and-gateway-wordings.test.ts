// Wordings of the filters and patches that sit in front of or inside an MTA (qmail's chkuser,
// spamdyke and simscan; qmail-send and qmail-remote themselves) and of the security gateways
// that publish their refusals (Sophos Email, Trend Micro ERS, Cisco Secure Email, Broadcom's
// list of common external refusals, Spambrella). Each wording was read in the program's own
// source or the vendor's published page, named above its test; none comes from a bounce
// collection. One test per wording, named after what a user should see.
import { describe } from 'vitest';
import { dsnReport } from './dsn-report.ts';
import { eximBounce, qmailBounce } from './plain-bounces.ts';
import { reported, wordingTests } from './wording-cases.ts';

// notqmail/notqmail: qmail-send.c opens every permanent bounce with "This is a permanent error;
// I've given up."; qmail-remote.c ends a refusal of every recipient with "Giving up on <host>."
// and writes "Connected to <host> but greeting failed." for a non-2xx greeting.
describe('qmail-send and qmail-remote', () => {
  wordingTests([
    [
      'qmail\'s "I\'ve given up" opening is no expiry: a refusal it cannot read is decided by its code',
      () => qmailBounce(['Remote host said: 571 5.7.1 Rule 12 matched']),
      ['securityerror', 'soft'],
    ],
    [
      'qmail-remote\'s "Giving up on <host>." after a refused recipient is no expiry either',
      () => qmailBounce(['192.0.2.1 does not like recipient.', 'Remote host said: 550 5.7.1 Rule 12 matched', 'Giving up on 192.0.2.1.']),
      ['securityerror', 'soft'],
    ],
    [
      'a greeting that failed blocks the sending host, never the address',
      () => qmailBounce(['Connected to 192.0.2.1 but greeting failed.', 'Remote host said: 554 No SMTP service here']),
      ['blocked', 'soft'],
    ],
    [
      'a greeting that failed for too many connections is that, not a block',
      () => qmailBounce(['Connected to 192.0.2.1 but greeting failed.', 'Remote host said: 421 Too many concurrent connections']),
      ['toomanyconn', 'soft'],
    ],
    [
      'a message qmail-queue refused for good ("mail server permanently rejected message") is its content, not the server',
      () => qmailBounce(['Remote host said: 554 mail server permanently rejected message (#5.3.0)']),
      ['contenterror', 'soft'],
    ],
  ]);
});

// chkuser, the qmail-smtpd patch: chkuser_settings.h, the CHKUSER_*_STRING replies, in the old
// "(#5.1.1 - chkuser)" form and the newer one with a status code.
describe("chkuser's replies", () => {
  wordingTests([
    [
      'a recipient domain without a valid MX is hostunknown, although old chkuser says 5.1.1',
      () => qmailBounce(["Remote host said: 511 sorry, can't find a valid MX for rcpt domain (#5.1.1 - chkuser)"]),
      ['hostunknown', 'hard'],
    ],
    [
      'a sender domain without a valid MX is a sender refusal, never a dead address',
      () => qmailBounce(["Remote host said: 511 sorry, can't find a valid MX for sender domain (#5.1.1 - chkuser)"]),
      ['rejected', 'soft'],
    ],
    [
      'a sender domain without a valid MX in the newer form is a sender refusal too',
      () => reported('5.1.8', "550 5.1.8 sorry, can't find a valid MX for sender domain (chkuser) (in reply to RCPT TO command)"),
      ['rejected', 'soft'],
    ],
    [
      'a sender address of an invalid format is a sender refusal',
      () => qmailBounce(['Remote host said: 571 sorry, sender address has invalid format (#5.7.1 - chkuser)']),
      ['rejected', 'soft'],
    ],
    [
      'the most recipients for one session is toomanyconn',
      () => qmailBounce(['Remote host said: 571 sorry, reached maximum number of recipients for one session (#5.7.1 - chkuser)']),
      ['toomanyconn', 'soft'],
    ],
    [
      'the most recipients allowed in one session, newer form, is toomanyconn',
      () =>
        reported(
          '5.5.3',
          '550 5.5.3 sorry, reached maximum number of recipients allowed in one session (chkuser) (in reply to RCPT TO command)',
        ),
      ['toomanyconn', 'soft'],
    ],
    [
      'a DNS failure for now is networkerror, never a missing host (README rule 4)',
      () => reported('4.4.0', '451 4.4.0 DNS temporary failure (chkuser) (in reply to RCPT TO command)'),
      ['networkerror', 'soft'],
    ],
    [
      'a system "temporary unavailable" is the receiving system',
      () => qmailBounce(['Remote host said: 430 system temporary unavailable, try again later (#4.3.0 - chkuser)']),
      ['systemerror', 'soft'],
    ],
  ]);
});

// spamdyke: spamdyke/spamdyke.h, the ERROR_* texts, each sent at RCPT TO.
describe("spamdyke's refusals", () => {
  const spamdyke = (code: string, text: string) =>
    reported(code === '421' ? '4.0.0' : '5.0.0', `${code} ${text} (in reply to RCPT TO command)`);
  wordingTests([
    [
      'a blacklisted sender address is a sender refusal, not the sending host',
      () => spamdyke('554', 'Refused. Your sender address has been blacklisted.'),
      ['rejected', 'soft'],
    ],
    [
      'a sender domain without an MX is a sender refusal, not the server failing',
      () => spamdyke('421', 'Refused. The domain of your sender address has no mail exchanger (MX).'),
      ['rejected', 'soft'],
    ],
    [
      'identical sender and recipient addresses are a sender refusal',
      () => spamdyke('554', 'Refused. Identical sender and recipient addresses are not allowed.'),
      ['rejected', 'soft'],
    ],
    ['a host denied by the access file is blocked', () => spamdyke('554', 'Refused. Access is denied.'), ['blocked', 'soft']],
    [
      'a server accepting no mail at all blocks the sending host',
      () => spamdyke('554', 'Refused. Mail is not being accepted.'),
      ['blocked', 'soft'],
    ],
    [
      'a client talking before the greeting is blocked',
      () => spamdyke('554', 'Refused. You are not following the SMTP protocol.'),
      ['blocked', 'soft'],
    ],
    [
      'an address on the recipient blacklist is filtered, never a dead address',
      () => spamdyke('554', 'Refused. Mail is not being accepted at this address.'),
      ['filtered', 'soft'],
    ],
    [
      'relaying refused is norelaying',
      () => spamdyke('554', 'Refused. Sending to remote addresses (relaying) is not allowed.'),
      ['norelaying', 'soft'],
    ],
    [
      'a recipient without a domain can never be delivered to: userunknown',
      () => spamdyke('554', 'Improper recipient address. Try supplying a domain name.'),
      ['userunknown', 'hard'],
    ],
  ]);
});

// simscan: simscan.c, the replies of --enable-custom-smtp-reject.
describe("simscan's custom replies", () => {
  wordingTests([
    [
      'a refused attachment type is a policy violation, not the server failing (5.3.0)',
      () =>
        reported(
          '5.3.0',
          '554 Your email was rejected because it contains a bad attachment: invoice.exe (in reply to end of DATA command)',
        ),
      ['policyviolation', 'soft'],
    ],
    [
      "a message matching the site's filter is filtered",
      () => reported('5.3.0', '554 Your email was rejected because it matches a filter (subject) (in reply to end of DATA command)'),
      ['filtered', 'soft'],
    ],
  ]);
});

// docs.sophos.com, Sophos Central Admin, "SMTP error codes" (XGEMAIL_0001-0015).
describe("Sophos Email's published codes", () => {
  const sophos = (status: string, code: string, command = 'RCPT TO') =>
    reported(status, `550 ${status} Message rejected. ${code} (in reply to ${command} command)`);
  wordingTests([
    ['XGEMAIL_0002 (SPF failed) is authfailure', () => sophos('5.7.1', 'XGEMAIL_0002'), ['authfailure', 'soft']],
    ['XGEMAIL_0004 (the sending IP on an RBL) blocks the host', () => sophos('5.7.1', 'XGEMAIL_0004'), ['blocked', 'soft']],
    ["XGEMAIL_0005 (the sender's domain on a DBL) is a sender refusal", () => sophos('5.7.1', 'XGEMAIL_0005'), ['rejected', 'soft']],
    ["XGEMAIL_0009 (the recipient's own block list) is filtered", () => sophos('5.7.1', 'XGEMAIL_0009'), ['filtered', 'soft']],
    ['XGEMAIL_0010 (a domain Sophos does not protect) is norelaying', () => sophos('5.7.1', 'XGEMAIL_0010'), ['norelaying', 'soft']],
    [
      'XGEMAIL_0011 (no such address in the protected domain) is userunknown and hard, whatever its 5.7.1 says',
      () => sophos('5.7.1', 'XGEMAIL_0011'),
      ['userunknown', 'hard'],
    ],
    ['XGEMAIL_0012 (too large) is mesgtoobig', () => sophos('5.3.4', 'XGEMAIL_0012', 'end of DATA'), ['mesgtoobig', 'soft']],
    ["XGEMAIL_0014 (the recipient's inbound rate limit) is speeding", () => sophos('5.7.1', 'XGEMAIL_0014'), ['speeding', 'soft']],
  ]);
});

// success.trendmicro.com 1097055 (messages blocked by Email Reputation Services) and KA-0001346
// (the QIL).
describe("Trend Micro ERS's refusals", () => {
  wordingTests([
    [
      'a host on the Quick IP List (ERS-QIL) is blocked, not a refused recipient',
      () => reported('5.7.1', '554 5.7.1 <user@example.net>: Recipient address rejected: ERS-QIL (in reply to RCPT TO command)'),
      ['blocked', 'soft'],
    ],
    [
      'a host refused by rbl-plus.mail-abuse.org is blocked',
      () =>
        reported(
          '5.0.0',
          '550 Mail from 192.0.2.1 refused by rbl-plus.mail-abuse.org. Please refer to http://mail-abuse.org/rbl+ for an explanation (in reply to RCPT TO command)',
        ),
      ['blocked', 'soft'],
    ],
  ]);
});

describe("security gateways' published refusals", () => {
  wordingTests([
    // Cisco AsyncOS for Email, Advanced Configuration Guide, "Email Authentication" (the
    // default SPF reject text).
    [
      'Cisco Secure Email\'s "SPF unauthorized mail is prohibited" is authfailure',
      () => reported('5.7.1', '550 #5.7.1 SPF unauthorized mail is prohibited. (in reply to end of DATA command)'),
      ['authfailure', 'soft'],
    ],
    // knowledge.broadcom.com, Email Security.cloud, "Common external Spam Filtering Error Codes".
    [
      'a sender "on domain\'s blacklist" is a sender refusal, not the sending host',
      () => reported('5.0.0', "551 Sender is on domain's blacklist (in reply to RCPT TO command)"),
      ['rejected', 'soft'],
    ],
    [
      '"Rejected due to banned content" is a policy violation',
      () => reported('5.0.0', '554 Rejected due to banned content (in reply to end of DATA command)'),
      ['policyviolation', 'soft'],
    ],
    // spambrella.com/faq/email-delivery-error-codes.
    [
      'Spambrella\'s "User email address is marked as invalid" is userunknown at RCPT TO',
      () =>
        reported(
          '5.7.1',
          '550 5.7.1 <user@example.net>: Recipient address rejected: User email address is marked as invalid. (in reply to RCPT TO command)',
        ),
      ['userunknown', 'hard'],
    ],
  ]);
});

// vdukhovni/postfix: postfix/src/local/file.c, src/global/sys_exits.c (pipe(8)'s exit codes),
// src/smtp/smtp_connect.c, smtp_tls_policy.c: the texts Postfix writes about itself as the
// X-Postfix diagnostic.
describe("Postfix's own failures", () => {
  const ownText = (status: string, text: string) =>
    dsnReport(status, text, { notice: 'Delivery to the following recipient failed.', diagnosticType: 'X-Postfix' });
  wordingTests([
    [
      'a mailbox file that is executable is the receiving system, not a refusal',
      () => ownText('5.7.1', 'file is executable'),
      ['systemerror', 'soft'],
    ],
    [
      'mail to a file forbidden by allow_mail_to_files is the receiving system',
      () => ownText('5.7.1', 'mail to file is restricted'),
      ['systemerror', 'soft'],
    ],
    [
      'a pipe command that cannot create its output file is a mailer error, not a filter',
      () => ownText('5.2.0', "can't create user output file"),
      ['mailererror', 'soft'],
    ],
    [
      'inet_protocols disabling every protocol is the sending system, not a domain refusing mail',
      () => ownText('4.4.4', 'all network protocols are disabled'),
      ['systemerror', 'soft'],
    ],
    [
      "the sending Postfix's TLS set-up is its own system, not a security refusal",
      () => ownText('4.7.5', 'client TLS configuration problem'),
      ['systemerror', 'soft'],
    ],
  ]);
});

// OpenSMTPD/OpenSMTPD: usr.sbin/smtpd/mta.c (the relay's failstr), smtp_session.c.
describe("OpenSMTPD's own texts", () => {
  wordingTests([
    [
      'all routes to the destination blocked after the retries is expired, never a block list',
      () => reported('4.0.0', 'All routes to destination blocked'),
      ['expired', 'soft'],
    ],
    [
      'a destination that seemed to reject every connection is expired after the retries',
      () => reported('4.0.0', 'Destination seem to reject all mails'),
      ['expired', 'soft'],
    ],
    [
      '"Too many messages sent" in one session is toomanyconn, not a full mailbox (452)',
      () => reported('4.0.0', '452 mx.example.net MAIL: Too many messages sent (in reply to MAIL FROM command)'),
      ['toomanyconn', 'soft'],
    ],
    [
      'no local source address is the sending system',
      () => reported('4.0.0', 'Could not retrieve source address'),
      ['systemerror', 'soft'],
    ],
  ]);
});

// Exim/exim: src/src/smtp_in.c (dropping a client), src/src/routers/dnslookup.c.
describe("Exim's texts, more of them", () => {
  wordingTests([
    [
      '"Too many syntax or protocol errors" is the sending client\'s SMTP, not the receiving system (421)',
      () =>
        eximBounce([
          'SMTP error from remote mail server after RCPT TO:<user@example.net>:',
          '421 mx.example.net Too many syntax or protocol errors',
        ]),
      ['syntaxerror', 'soft'],
    ],
    [
      '"Too many nonmail commands" is the sending client\'s SMTP too',
      () => eximBounce(['SMTP error from remote mail server after RCPT TO:<user@example.net>:', '554 Too many nonmail commands']),
      ['syntaxerror', 'soft'],
    ],
    [
      'a recipient domain that is not a domain name is hostunknown',
      () => eximBounce(['mail domain "example..net" is syntactically invalid']),
      ['hostunknown', 'hard'],
    ],
  ]);
});

describe('relaying refused, in the wordings servers use', () => {
  wordingTests([
    [
      '"Relaying disallowed" is norelaying',
      () => reported('5.0.0', '553 Relaying disallowed (in reply to RCPT TO command)'),
      ['norelaying', 'soft'],
    ],
    [
      '"relay is not permitted on this host" is norelaying',
      () => reported('5.0.0', '550 relay is not permitted on this host. (in reply to RCPT TO command)'),
      ['norelaying', 'soft'],
    ],
    [
      '"the domain is not allowed relay" is norelaying',
      () => reported('5.0.0', "553 you don't authenticate or the domain is not allowed relay (in reply to RCPT TO command)"),
      ['norelaying', 'soft'],
    ],
  ]);
});

// hrs-allbsd/sendmail: sendmail/deliver.c, alias.c.
describe("Sendmail's own texts, more of them", () => {
  wordingTests([
    [
      'a mailer killed by a signal is a mailer error, not the server in general',
      () => reported('4.3.0', '451 4.3.0 mailer local died with signal 9'),
      ['mailererror', 'soft'],
    ],
    [
      'an alias file line too long is the receiving system, not the message content',
      () => reported('5.3.0', '554 5.3.0 alias line too long'),
      ['systemerror', 'soft'],
    ],
  ]);
});

// Mimecast SMTP Error Codes (community.mimecast.com DOC-1369, now mimecastsupport.zendesk.com
// article 34000709564691): each reply followed by the page's link and a bracketed reference.
describe("Mimecast's published replies, more of them", () => {
  const mimecast = (status: string, reply: string, command: string) =>
    reported(
      status,
      `${reply} - https://community.mimecast.com/docs/DOC-1369#${reply.slice(0, 3)} [AbCdEf.uk123] (in reply to ${command} command)`,
    );
  wordingTests([
    [
      'a route that requires TLS is failedstarttls, not a refused sender (553 at MAIL FROM)',
      () => mimecast('5.0.0', '553 This route requires encryption (TLS)', 'MAIL FROM'),
      ['failedstarttls', 'soft'],
    ],
    [
      'a route that requires TLS 1.2 is failedstarttls',
      () => mimecast('5.0.0', '553 This route requires TLS version 1.2 or greater', 'MAIL FROM'),
      ['failedstarttls', 'soft'],
    ],
    [
      'a Content Examination policy is a policy violation',
      () => mimecast('5.0.0', '550 Message Bounced due to Content Examination Policy', 'end of DATA'),
      ['policyviolation', 'soft'],
    ],
    [
      'a Blocked Senders policy on the envelope sender is a sender refusal',
      () => mimecast('5.0.0', '550 Envelope rejected - Block policy for Envelope From address', 'RCPT TO'),
      ['rejected', 'soft'],
    ],
    [
      'a submitter that failed to authenticate is securityerror',
      () => mimecast('5.0.0', '550 Submitter failed to authenticate', 'RCPT TO'),
      ['securityerror', 'soft'],
    ],
    [
      '"Account service is temporarily unavailable" is too many connections, not the server failing',
      () => mimecast('4.0.0', '451 Account service is temporarily unavailable', 'RCPT TO'),
      ['toomanyconn', 'soft'],
    ],
    [
      '"Exceeding outbound thread limit" is too many connections',
      () => mimecast('5.0.0', '550 Exceeding outbound thread limit', 'RCPT TO'),
      ['toomanyconn', 'soft'],
    ],
  ]);
});

// svarshavchik/courier: courier/submit.C, courier/cdfilters.C.
describe("Courier's own texts, more of them", () => {
  wordingTests([
    [
      'a sender not on the recipient\'s own list ("not whitelisted by this recipient") is filtered, never a block list',
      () => reported('4.0.0', '412 You are not whitelisted by this recipient, please try again later. (in reply to RCPT TO command)'),
      ['filtered', 'soft'],
    ],
    [
      'mail filters that do not answer are the receiving system',
      () => reported('4.0.0', '432 Mail filters temporarily unavailable. (in reply to end of DATA command)'),
      ['systemerror', 'soft'],
    ],
  ]);
});
