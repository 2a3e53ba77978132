// Wordings of the MTA families and providers a second pass read after the first
// (filter-and-gateway-wordings.test.ts): Gmail's and Outlook.com's published replies, Exchange's
// NDR codes, Facebook's response codes, Domino, IMail, Courier, au (KDDI), Verizon's MMS
// gateway, Mail.ru's reply format and RFC 5321's own texts. Each wording was read in the
// program's source or the vendor's published page (named beside its rule in src/core/rules/),
// none in a bounce collection. One test per wording, named after what a user should see.
import { describe } from 'vitest';
import { eximBounce, qmailBounce } from './plain-bounces.ts';
import { reported, wordingTests } from './wording-cases.ts';

describe("Google's published replies", () => {
  wordingTests([
    [
      'Gmail\'s "has a policy that prohibited the mail", as its error page words it, is the domain\'s policy',
      () =>
        reported(
          '5.7.1',
          '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent. Please contact your domain administrator for further details.',
        ),
      ['policyviolation', 'soft'],
    ],
    [
      'a domain whose DNS answers with no mail record at all (Gmail\'s "answer with no data") is a missing host',
      () => reported('5.0.0', 'DNS Error: DNS server returned answer with no data for example.net'),
      ['hostunknown', 'hard'],
    ],
  ]);
});

describe("Microsoft's published codes", () => {
  wordingTests([
    [
      "Exchange's MX loop (SMTPSEND.DNS.MxLoopback) is a routing fault, never a missing domain",
      () => reported('5.4.4', '554 5.4.4 SMTPSEND.DNS.MxLoopback; DNS records for the destination domain are configured in a loop'),
      ['networkerror', 'soft'],
    ],
    [
      "an ambiguous recipient in Exchange's directory (RESOLVER.ADR.Ambiguous) is the receiving side's fault, not a filter",
      () => reported('5.1.4', '550 5.1.4 RESOLVER.ADR.Ambiguous; ambiguous address'),
      ['systemerror', 'soft'],
    ],
    [
      "a recipient object without its primary address (RESOLVER.ADR.BadPrimary) is the receiving side's fault",
      () => reported('5.2.0', '550 5.2.0 RESOLVER.ADR.BadPrimary; recipient primary SMTP address is missing'),
      ['systemerror', 'soft'],
    ],
    [
      'Exchange Online\'s 4.7.500 "Server busy ... from [IP]" holds back the sending host for now',
      () => reported('4.7.500', '451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77719)'),
      ['blocked', 'soft'],
    ],
    [
      "Outlook.com's RP-001 is the sender's rate, not a block list",
      () =>
        reported(
          '4.0.0',
          "421 RP-001 (BAY004-MC1F20) Unfortunately, some messages from 192.0.2.1 weren't sent. Please try again. We have limits for how many messages can be sent per hour and per day.",
        ),
      ['speeding', 'soft'],
    ],
    [
      "Outlook.com's RP-003 is the number of connections",
      () => reported('4.0.0', "421 RP-003 (BAY004-MC1F20) Unfortunately, some messages from 192.0.2.1 weren't sent. Please try again."),
      ['toomanyconn', 'soft'],
    ],
  ]);
});

// Facebook's response codes page: class, P(ermanent) or T(emporary), number.
describe("Facebook's response codes", () => {
  wordingTests([
    [
      'RCP-P1, an address that does not exist, is a dead address',
      () =>
        reported(
          '5.1.1',
          '550 5.1.1 RCP-P1 https://www.facebook.com/postmaster/response_codes?ip=192.0.2.1#rcp The attempted recipient address does not exist',
        ),
      ['userunknown', 'hard'],
    ],
    [
      'RCP-P1 quoted by Exim after RCPT TO is the same dead address',
      () =>
        eximBounce([
          'SMTP error from remote mail server after RCPT TO:<user@example.net>:',
          '550 5.1.1 RCP-P1 https://www.facebook.com/postmaster/response_codes?ip=192.0.2.1#rcp The attempted recipient address does not exist',
        ]),
      ['userunknown', 'hard'],
    ],
    [
      "RCP-P2, the recipient's preferences, is a filter, although the code says 5.1.1",
      () =>
        reported(
          '5.1.1',
          '550 5.1.1 RCP-P2 https://www.facebook.com/postmaster/response_codes?ip=192.0.2.1#rcp Refused due to recipient preferences',
        ),
      ['filtered', 'soft'],
    ],
    [
      'RCP-T4, a deactivated address, is a suspended account that may come back',
      () =>
        reported(
          '4.2.1',
          '450 4.2.1 RCP-T4 https://www.facebook.com/postmaster/response_codes#rcp The attempted recipient address is currently deactivated',
        ),
      ['suspend', 'soft'],
    ],
    [
      'MSG-P1 is a message too big',
      () =>
        reported(
          '5.3.4',
          "552 5.3.4 MSG-P1 https://www.facebook.com/postmaster/response_codes#msg The message exceeds Facebook's maximum allowed size",
        ),
      ['mesgtoobig', 'soft'],
    ],
    [
      "DNS-P1, the MAIL FROM domain does not exist, refuses the sender, not the recipient's address",
      () =>
        reported(
          '5.1.8',
          '550 5.1.8 DNS-P1 https://www.facebook.com/postmaster/response_codes#dns Your SMTP MAIL FROM domain does not exist',
        ),
      ['rejected', 'soft'],
    ],
    [
      'DNS-P3, no reverse DNS for the sending server, is a missing PTR record',
      () =>
        reported(
          '5.7.1',
          '550 5.7.1 DNS-P3 https://www.facebook.com/postmaster/response_codes#dns Your mail server does not have a reverse DNS record',
        ),
      ['requireptr', 'soft'],
    ],
    [
      'CON-T3, too many new connections, is that and not a security error',
      () =>
        reported(
          '4.7.0',
          "421 4.7.0 CON-T3 https://www.facebook.com/postmaster/response_codes#con Your mail server has opened too many new connections to Facebook's mail servers in a short period of time",
        ),
      ['toomanyconn', 'soft'],
    ],
  ]);
});

describe('MTAs and carriers', () => {
  wordingTests([
    [
      "Mail.ru's help link (notspam-support) in a missing-mailbox reply is no spam verdict",
      () => reported('5.1.1', '550 5.1.1 Mailbox not found. https://help.mail.ru/notspam-support/id?c=1 (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
    [
      'IMail\'s "Delivery failed 3 attempts" is the end of its retries',
      () => reported('5.0.0', 'Delivery failed 3 attempts'),
      ['expired', 'soft'],
    ],
    [
      'RFC 5321\'s 551 "User not local; please try <address>" is a moved address',
      () => reported('5.0.0', '551 User not local; please try <other@example.org> (in reply to RCPT TO command)'),
      ['hasmoved', 'hard'],
    ],
    [
      'a mailbox unavailable "(not enough free space)" is a full server, never a dead address',
      () => reported('5.0.0', '550 Requested action not taken: mailbox unavailable (not enough free space)'),
      ['systemfull', 'soft'],
    ],
    [
      'the same full server quoted by qmail-remote stays a full server',
      () => qmailBounce(['Remote host said: 550 Requested action not taken: mailbox unavailable (not enough free space)']),
      ['systemfull', 'soft'],
    ],
    [
      'Domino\'s "Several matches found in Domino Directory" is the directory\'s fault',
      () => reported('5.0.0', 'Several matches found in Domino Directory'),
      ['systemerror', 'soft'],
    ],
    [
      "Courier's \"This domain's DNS violates RFC 1035.\" is the receiving side's fault, not a missing host",
      () => reported('5.0.0', "This domain's DNS violates RFC 1035."),
      ['systemerror', 'soft'],
    ],
    [
      'au\'s "The user(s) account is temporarily limited." is a suspended account',
      () => reported('5.0.0', 'The user(s) account is temporarily limited.'),
      ['suspend', 'soft'],
    ],
    [
      'au\'s "As the remote domain doesnt exist" (no apostrophe) is a missing host',
      () => reported('5.0.0', 'As the remote domain doesnt exist, your message was not delivered.'),
      ['hostunknown', 'hard'],
    ],
    [
      'Verizon\'s MMS gateway "No valid recipients for this MM" is an unknown address',
      () => reported('5.0.0', 'No valid recipients for this MM'),
      ['userunknown', 'hard'],
    ],
  ]);
});

// Wordings the reference parser's reason lists name (read to learn, not copied), each checked
// in a whole reply as a server writes it, after RCPT TO where the phase matters.
describe("servers' other wordings of the same reasons", () => {
  const atRcpt = (reply: string) => reported('5.0.0', `${reply} (in reply to RCPT TO command)`);
  wordingTests([
    [
      '"User foo does not exist", a name between the noun and the verdict, is a dead address',
      () => atRcpt('550 User foo does not exist'),
      ['userunknown', 'hard'],
    ],
    [
      '"Recipient foo was not found in LDAP" is a dead address',
      () => atRcpt('550 5.1.1 Recipient foo was not found in LDAP'),
      ['userunknown', 'hard'],
    ],
    ['"User (foo) unknown" is a dead address', () => atRcpt('550 User (foo) unknown'), ['userunknown', 'hard']],
    [
      'Exim\'s "Unknown local-part" with its hyphen is a dead address',
      () => atRcpt('550 Unknown local-part "user" in domain "example.net"'),
      ['userunknown', 'hard'],
    ],
    [
      '"recipient domain does not exist" stays a missing host, not a missing user',
      () => atRcpt('550 Recipient domain does not exist'),
      ['hostunknown', 'hard'],
    ],
    [
      '"Recipient address rejected: unknown domain name" is a missing host, not a missing user',
      () => atRcpt('550 5.1.2 <user@example.net>: Recipient address rejected: unknown domain name'),
      ['hostunknown', 'hard'],
    ],
    [
      '"Mail domain mentioned in email address is unknown" is a missing host',
      () => atRcpt('550 Mail domain mentioned in email address is unknown'),
      ['hostunknown', 'hard'],
    ],
    [
      "qmail's validrcptto patch refusing a recipient is a dead address",
      () => qmailBounce(['Remote host said: 553 sorry, this recipient is not in my validrcptto list (#5.7.1)']),
      ['userunknown', 'hard'],
    ],
    [
      "qmail's badrcptto patch refusing a recipient is a dead address",
      () => qmailBounce(['Remote host said: 553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)']),
      ['userunknown', 'hard'],
    ],
    ['"No mailbox found" is a dead address', () => atRcpt('550 No mailbox found'), ['userunknown', 'hard']],
    ['a French "utilisateur inconnu" is a dead address', () => atRcpt('550 5.1.1 Utilisateur inconnu !'), ['userunknown', 'hard']],
    [
      '"account is exceeding their quota" is a full mailbox',
      () => atRcpt('552 5.2.2 Account is exceeding their quota'),
      ['mailboxfull', 'soft'],
    ],
    ['"Mailbox quota usage exceeded" is a full mailbox', () => atRcpt('452 4.2.2 Mailbox quota usage exceeded'), ['mailboxfull', 'soft']],
    [
      'a French "boite du destinataire pleine" is a full mailbox',
      () => atRcpt('552 5.2.2 Boite du destinataire pleine'),
      ['mailboxfull', 'soft'],
    ],
    [
      '"This system is not configured to relay mail" is a relay refusal',
      () => atRcpt('550 This system is not configured to relay mail from <sender@example.com> to <user@example.net>'),
      ['norelaying', 'soft'],
    ],
    [
      '"we don\'t handle mail for" a domain is a relay refusal',
      () => atRcpt("550 we don't handle mail for example.net"),
      ['norelaying', 'soft'],
    ],
    [
      '"Maximum forwarding loop count exceeded" is a routing loop',
      () => reported('5.0.0', '554 5.4.6 Maximum forwarding loop count exceeded'),
      ['networkerror', 'soft'],
    ],
    [
      '"exceeded maximum inbound message size" is a message too big',
      () => reported('5.0.0', '552 5.3.4 Message exceeded maximum inbound message size'),
      ['mesgtoobig', 'soft'],
    ],
    [
      '"could not be delivered for more than 5 day(s)" is the end of the queue life',
      () => reported('5.0.0', 'Your message could not be delivered for more than 5 day(s)'),
      ['expired', 'soft'],
    ],
    [
      '"Recipient rejected: Temporarily inactive" is a suspended account',
      () => atRcpt('550 5.2.1 Recipient rejected: Temporarily inactive'),
      ['suspend', 'soft'],
    ],
    ['"User or domain is disabled" is a suspended account', () => atRcpt('550 User or domain is disabled'), ['suspend', 'soft']],
  ]);
});

describe("refusals of the sender, the host and the content in other servers' words", () => {
  const atRcpt = (reply: string) => reported('5.0.0', `${reply} (in reply to RCPT TO command)`);
  wordingTests([
    [
      'a BATV refusal of a bounce ("Recipient not accepted. (BATV: no tag)") refuses the sender, never a dead address',
      () => atRcpt('553 5.7.1 Recipient not accepted. (BATV: no tag)'),
      ['rejected', 'soft'],
    ],
    ['"null sender is not allowed" refuses the sender', () => atRcpt('550 5.1.0 Null sender is not allowed'), ['rejected', 'soft']],
    [
      'qmail-remote\'s "but sender was rejected" refuses the sender',
      () =>
        qmailBounce([
          'Connected to 192.0.2.1 but sender was rejected.',
          'Remote host said: 553 sorry, your mail was administratively denied. (#5.7.1)',
        ]),
      ['rejected', 'soft'],
    ],
    ['"sender email address rejected" refuses the sender', () => atRcpt('550 Sender email address rejected'), ['rejected', 'soft']],
    ['a French "émetteur invalide" refuses the sender', () => atRcpt('550 5.1.8 Emetteur invalide'), ['rejected', 'soft']],
    [
      '"not currently accepting mail from your IP" blocks the sending host',
      () => atRcpt('550 5.7.1 Not currently accepting mail from your IP'),
      ['blocked', 'soft'],
    ],
    ['"Rejecting open proxy" blocks the sending host', () => atRcpt('554 5.7.1 Rejecting open proxy 192.0.2.1'), ['blocked', 'soft']],
    [
      '"Your message failed several antispam checks" is spam, although it says "antispam"',
      () => reported('5.0.0', '554 5.7.1 Your message failed several antispam checks'),
      ['spamdetected', 'soft'],
    ],
    [
      '"appears to be unsolicited" is spam',
      () => reported('5.0.0', '550 5.7.1 Message appears to be unsolicited'),
      ['spamdetected', 'soft'],
    ],
    ['"please try again slower" is the sender\'s rate', () => reported('4.7.1', '451 4.7.1 Please try again slower'), ['speeding', 'soft']],
    [
      'a French "Trop de connexions" is too many connections',
      () => reported('4.0.0', '421 Trop de connexions, veuillez verifier votre configuration.'),
      ['toomanyconn', 'soft'],
    ],
    [
      'Sendmail\'s "aliasing/forwarding loop broken" is the receiving side\'s aliases',
      () => reported('5.0.0', '554 5.0.0 aliasing/forwarding loop broken (11 aliases deep; 10 max)'),
      ['systemerror', 'soft'],
    ],
    [
      '"Message header size, or recipient list, exceeds policy limit" is the content\'s form',
      () => reported('5.3.4', '554 5.3.4 Message header size, or recipient list, exceeds policy limit'),
      ['contenterror', 'soft'],
    ],
    [
      '"authentication turned on in your email client" is a security error',
      () => reported('5.0.0', '550 Please check that you have authentication turned on in your email client'),
      ['securityerror', 'soft'],
    ],
  ]);
});

describe("providers' and MTAs' refusals read again", () => {
  wordingTests([
    [
      "Yahoo's GL01 deferral holds back the sending host",
      () =>
        reported(
          '4.0.0',
          '421 4.7.0 [GL01] Message from (192.0.2.1) temporarily deferred - 4.16.50. Please refer to http://postmaster.yahoo.com/errors/postmaster-21.html',
        ),
      ['blocked', 'soft'],
    ],
    [
      'a list server to a sender who is "not subscribed to this group" refuses the sender',
      () => reported('5.0.0', '550 This email address is not subscribed to this group'),
      ['rejected', 'soft'],
    ],
    [
      'a recipient "only accepting mail from specific email addresses" filtered the message',
      () =>
        reported('5.0.0', '550 Your email has been rejected because the recipient is only accepting mail from specific email addresses'),
      ['filtered', 'soft'],
    ],
    [
      '"blocked by the recipient" is the recipient\'s choice, not a block list',
      () => reported('5.7.1', '550 5.7.1 User has been blocked by the recipient'),
      ['filtered', 'soft'],
    ],
    [
      'Sendmail\'s dnsbl "Mail from <IP> refused - see <URL>" blocks the sending host',
      () => reported('5.7.1', '554 5.7.1 <user@example.net>... Mail from 192.0.2.1 refused - see http://www.example.org/'),
      ['blocked', 'soft'],
    ],
    [
      'Mimecast\'s "Invalid Recipient - <link>#550" is its directory lookup: a dead address',
      () => reported('5.0.0', '550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550'),
      ['userunknown', 'hard'],
    ],
  ]);
});

describe('French providers', () => {
  wordingTests([
    [
      'La Poste\'s "Boite du destinataire archivee. Archived recipient." is a suspended mailbox, not a security error',
      () => reported('5.7.1', '550 5.7.1 Boite du destinataire archivee. Archived recipient.'),
      ['suspend', 'soft'],
    ],
  ]);
});

describe('qmail and bare-address wordings', () => {
  wordingTests([
    [
      'qmail-smtpd patched to check users ("that domain or user isn\'t in my list of allowed rcpthosts") refuses a dead address',
      () => qmailBounce(["Remote host said: 553 sorry, that domain or user isn't in my list of allowed rcpthosts (#5.7.1)"]),
      ['userunknown', 'hard'],
    ],
    [
      "plain qmail-smtpd's rcpthosts refusal stays a relay refusal",
      () => qmailBounce(["Remote host said: 553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"]),
      ['norelaying', 'soft'],
    ],
    [
      'the address alone then "not found" is a dead address',
      () => reported('5.0.0', '550 <user@example.net> not found (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
    [
      '"non existent user", written with a space, is a dead address',
      () => reported('5.0.0', '550 Non existent user (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
  ]);
});

describe('the sending and receiving systems themselves', () => {
  wordingTests([
    [
      'Exchange 2003\'s "DNS records for the destination computer could not be found" is a routing failure, not a missing domain',
      () => reported('5.4.4', '554 5.4.4 DNS records for the destination computer could not be found'),
      ['networkerror', 'soft'],
    ],
    [
      'Amazon SES refusing the sending account ("not authorized to perform ses:SendRawEmail") is a security error of the sender',
      () =>
        reported(
          '5.0.0',
          '554 User arn:aws:iam::1:user/app is not authorized to perform ses:SendRawEmail on resource arn:aws:ses:us-east-1:1:identity/example.com',
        ),
      ['securityerror', 'soft'],
    ],
    [
      'Exchange\'s "Recipient deferred because there is no Mdb" is the receiving store\'s fault',
      () => reported('4.2.0', '452 4.2.0 Recipient deferred because there is no Mdb'),
      ['systemerror', 'soft'],
    ],
  ]);
});

describe('a name between the noun and the verdict is not always a mailbox', () => {
  wordingTests([
    [
      '"recipient database not found" is no dead address',
      () => reported('4.3.0', '451 4.3.0 Recipient database not found (in reply to RCPT TO command)'),
      ['systemerror', 'soft'],
    ],
  ]);
});
