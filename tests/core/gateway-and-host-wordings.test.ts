// Wordings of security gateways, hosting panels' MTAs and hosted mail servers, read in a fourth
// pass over mail the classifier had not seen: cPanel's Exim ACL texts, the Baruwa gateway's
// published refusals, SmarterMail's own notices and Zimbra's LMTP replies. Each wording was
// read in the product's source or on a page quoting its server, named above its test; none
// comes from a bounce collection. One test per wording, named after what a user should see.
import { describe } from 'vitest';
import { eximBounce } from './plain-bounces.ts';
import { reported, wordingTests } from './wording-cases.ts';

const eximAtRcpt = (...reply: string[]) => eximBounce(['SMTP error from remote mail server after RCPT TO:<user@example.net>:', ...reply]);

// cPanel's Exim: its RBL ACL, its cannot-route message (see hostunknown.ts) and its per-domain sending limits
// (cPanel's ACL blocks; the help pages of hosts running it; a bounce-rule table's rows).
describe("cPanel's Exim ACL texts", () => {
  wordingTests([
    [
      'a cPanel "JunkMail rejected ... is in an RBL" refuses the sending host, not the message',
      () =>
        eximAtRcpt(
          'host mx.example.net [192.0.2.1]: 550 JunkMail rejected - mx.example.org [192.0.2.9]:25 is in an RBL: Reverse DNS (PTR) missing',
        ),
      ['blocked', 'soft'],
    ],
    [
      'a cPanel "JunkMail rejected - Blocked on SpamCop" is the block list, not spam in the message',
      () => reported('5.0.0', 'smtp; 550 JunkMail rejected - Blocked on SpamCop'),
      ['blocked', 'soft'],
    ],
    [
      "cPanel's cannot-route text quoted in a multi-line reply is still an unknown host, not a block list",
      () =>
        eximAtRcpt(
          'host mx.example.net [192.0.2.1]: 550-The mail server could not deliver mail to user@example.net. The account or',
          '550-domain may not exist, they may be blacklisted, or missing the proper dns',
          '550 entries.',
        ),
      ['hostunknown', 'hard'],
    ],
    [
      "the same cPanel text after a failed sender verification is about the sender, never the recipient's address",
      () =>
        eximAtRcpt(
          'host mx.example.net [192.0.2.1]: 550-Verification failed for <sender@example.org>',
          '550-The mail server could not deliver mail to sender@example.org. The account or domain may not exist, they may be blacklisted, or missing the proper dns entries.',
          '550 Sender verify failed',
        ),
      ['rejected', 'soft'],
    ],
    [
      "cPanel's hourly sending limit of the sender's domain is the sender's rate, not the address",
      () =>
        reported(
          '5.0.0',
          'smtp; 550 Domain example.org has exceeded the max emails per hour (100/100 (100%)) allowed.  Message discarded.',
        ),
      ['toomanyconn', 'soft'],
    ],
    [
      "cPanel's limit on failed and deferred messages per hour is the sender's rate, not the address",
      () =>
        reported(
          '5.0.0',
          'smtp; 550 Domain example.org has exceeded the max defers and failures per hour (5/5 (100%)) allowed. Message discarded.',
        ),
      ['toomanyconn', 'soft'],
    ],
    [
      "cPanel's suspended incoming mail (525 5.7.13 Disabled recipient address) is a suspended account, not a dead one",
      () => reported('5.7.13', 'smtp; 525 5.7.13 Disabled recipient address'),
      ['suspend', 'soft'],
    ],
  ]);
});

// The Baruwa gateway's published refusals (a Baruwa deployment's help page, bastion.umanix.net/info).
describe("Baruwa's gateway refusals", () => {
  wordingTests([
    [
      'a Baruwa "The sender <ip> is banned" refuses the sending host',
      () => reported('5.0.0', 'smtp; 550 The sender 192.0.2.1 is banned (in reply to RCPT TO command)'),
      ['blocked', 'soft'],
    ],
    [
      'a Baruwa "Dictionary attack detected" refuses the sending host, not the address',
      () => reported('5.0.0', 'smtp; 550 Dictionary attack detected (in reply to RCPT TO command)'),
      ['blocked', 'soft'],
    ],
    [
      "a Baruwa banned sender domain is a refusal of the sender, not of the recipient's address",
      () => reported('5.0.0', 'smtp; 550 The domain example.org is banned (in reply to RCPT TO command)'),
      ['rejected', 'soft'],
    ],
    [
      'a Baruwa refusal of a null-sender message to several recipients is about the sender',
      () => reported('5.0.0', 'smtp; 550 Legitimate bounces are never sent to more than one recipient. (in reply to RCPT TO command)'),
      ['rejected', 'soft'],
    ],
    [
      'a Baruwa failed recipient verification at RCPT TO is an unknown recipient',
      () => reported('5.0.0', 'smtp; 550 Recipient verification failed (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
    [
      'a temporary failure of the recipient verification is never a dead address',
      () => reported('4.0.0', 'smtp; 451 Recipient verification failed (in reply to RCPT TO command)'),
      ['systemerror', 'soft'],
    ],
  ]);
});

// SmarterMail's own notices ("Reason: ..."), as hosts running it quote them
// (kb.indsoft.net/kb/a70, support.rackteam.com/kb/a136).
describe("SmarterMail's notices", () => {
  wordingTests([
    [
      "SmarterMail's exceeded domain size limit is a full mailbox, soft",
      () => reported('5.0.0', 'The domain size limit has been exceeded'),
      ['mailboxfull', 'soft'],
    ],
    [
      "SmarterMail's failed attempts to connect to the recipient's server is a message that expired",
      () => reported('5.0.0', 'Failed four Attempts to connect to recipients mail server'),
      ['expired', 'soft'],
    ],
  ]);
});

// Zimbra's LMTP replies (Zimbra/zm-mailbox, store/src/java/com/zimbra/cs/lmtpserver/LmtpReply.java)
// as its Postfix reports them: already right, kept so that they stay right.
describe("Zimbra's LMTP replies", () => {
  wordingTests([
    [
      "Zimbra's disabled mailbox is a suspended account, soft",
      () => reported('5.0.0', 'lmtp; 450 4.2.1 Mailbox disabled, not accepting messages'),
      ['suspend', 'soft'],
    ],
    ["Zimbra's over quota is a full mailbox", () => reported('5.2.2', 'lmtp; 552 5.2.2 Over quota'), ['mailboxfull', 'soft']],
    [
      "Zimbra's no such user here is an unknown recipient",
      () => reported('5.1.1', 'lmtp; 550 5.1.1 No such user here'),
      ['userunknown', 'hard'],
    ],
  ]);
});

// hMailServer's documented refusal when its IP ranges do not let a client send to an address
// (hmailserver.com/documentation/v4.4/?page=reference_error_messages).
describe("hMailServer's refusals", () => {
  wordingTests([
    [
      'an hMailServer "Delivery is not allowed to this address" is a refused relay, not the address',
      () => reported('5.0.0', 'smtp; 550 Delivery is not allowed to this address. (in reply to RCPT TO command)'),
      ['norelaying', 'soft'],
    ],
  ]);
});

// ASSP, the anti-spam proxy hosting panels put before their MTA (a host's help page listing
// its bounce messages, maxclicksonline.com, "ASSP bounced back messages and errors").
describe("ASSP's refusals", () => {
  wordingTests([
    [
      'an ASSP "Service denied, closing transmission channel" blocks the sending IP',
      () => reported('5.7.2', 'smtp; 554 5.7.2 Service denied, closing transmission channel (1a2b3c)'),
      ['blocked', 'soft'],
    ],
    [
      'an ASSP refusal of attachment types is a policy, not a syntax error',
      () =>
        reported(
          '5.0.0',
          'smtp; 500 These attachments are not allowed -- Please compress (zip,tar..) them before mailing. (in reply to end of DATA command)',
        ),
      ['policyviolation', 'soft'],
    ],
    [
      'an ASSP "Mail appears infected with" is a virus',
      () =>
        reported(
          '5.7.1',
          'smtp; 554 5.7.1 Mail appears infected with Eicar-Test-Signature -- disinfect and resend. (in reply to end of DATA command)',
        ),
      ['virusdetected', 'soft'],
    ],
  ]);
});

// CommuniGate Pro's local delivery module, as its notices read ("LOCAL module(account ...)
// reports: account is full (quota exceeded)"): already right, kept so that it stays right.
describe("CommuniGate Pro's notices", () => {
  wordingTests([
    [
      "CommuniGate Pro's full account is a full mailbox",
      () => reported('4.0.0', 'LOCAL module(account user@example.net) reports: account is full (quota exceeded)'),
      ['mailboxfull', 'soft'],
    ],
  ]);
});

// Rspamd's multimap refusal as NethServer words it (NethServer/dev issue 5811).
describe("Rspamd's attachment refusal", () => {
  wordingTests([
    [
      'a "Forbidden attachment name extension" refusal is a policy, not a security error',
      () => reported('5.7.1', 'smtp; 554 5.7.1 Forbidden attachment name extension (in reply to end of DATA command)'),
      ['policyviolation', 'soft'],
    ],
  ]);
});

// Mailgun's drops for an address on one of its lists (its delivery-status codes 605-607 as the
// Symfony Mailer Mailgun bridge names them): the service did not try, nothing about the mailbox.
describe("Mailgun's suppression drops", () => {
  wordingTests([
    [
      "Mailgun's drop of a previously bounced address is its suppression list, never hard on its word",
      () => reported('5.0.0', 'Not delivering to previously bounced address'),
      ['suppressed', 'soft'],
    ],
    [
      "Mailgun's drop of an unsubscribed address is its suppression list",
      () => reported('5.0.0', 'Not delivering to unsubscribed address'),
      ['suppressed', 'soft'],
    ],
    [
      "Mailgun's drop of a complainer is its suppression list, not spam in the message",
      () => reported('5.0.0', 'Not delivering to a user who marked your messages as spam'),
      ['suppressed', 'soft'],
    ],
  ]);
});

// cPanel's delivery to suspended accounts (Cpanel/Email/Config/SuspendedDelivery.pm: ":fail:" and
// ":defer:" routers saying "Disabled recipient address"): already right, kept so it stays right.
describe("cPanel's suspended accounts", () => {
  wordingTests([
    [
      "cPanel's disabled recipient address refused for good is a suspended account, not a dead one",
      () => reported('5.0.0', 'smtp; 550 Disabled recipient address (in reply to RCPT TO command)'),
      ['suspend', 'soft'],
    ],
    [
      "cPanel's disabled recipient address after the retry period keeps its cause",
      () => eximAtRcpt('host mx.example.net [192.0.2.1]: 451 Disabled recipient address: retry timeout exceeded'),
      ['suspend', 'soft'],
    ],
  ]);
});

// Exchange's client message rate limit as Mailprotector's "Common Email Bouncebacks" quotes it.
describe("Exchange's client rate limit, as a gateway quotes it", () => {
  wordingTests([
    [
      "Exchange's message submission rate limit is the sender's pace, not the network",
      () =>
        reported(
          '5.0.0',
          'smtp; 421 4.4.2 Message submission rate for this client has exceeded the configured limit (in reply to MAIL FROM command)',
        ),
      ['speeding', 'soft'],
    ],
  ]);
});

// Proofpoint Essentials' replies as its reseller Spambrella explains them
// (spambrella.com/faq/email-delivery-error-codes): already right, kept so they stay right.
describe("Proofpoint Essentials' replies", () => {
  wordingTests([
    [
      'a Proofpoint Essentials SMTP Discovery refusal at RCPT TO is an unknown recipient',
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 <user@example.net>: Recipient address rejected: User email address is marked as invalid (in reply to RCPT TO command)',
        ),
      ['userunknown', 'hard'],
    ],
    [
      'a Proofpoint Essentials "sender rejected" is about the sender, never the address',
      () => reported('5.1.0', 'smtp; 550 5.1.0 sender rejected (in reply to MAIL FROM command)'),
      ['rejected', 'soft'],
    ],
  ]);
});

// Exim's recipient verification as DirectAdmin's and other hosts' configurations word it
// (quoted in logwatch's Postfix service script).
describe("Exim's recipient verification text", () => {
  wordingTests([
    [
      'an Exim "The recipient cannot be verified" at RCPT TO is an unknown recipient',
      () =>
        eximAtRcpt(
          'host mx.example.net [192.0.2.1]: 550-"The recipient cannot be verified.  Please check all recipients of this',
          '550 message to verify they are valid."',
        ),
      ['userunknown', 'hard'],
    ],
    [
      'a temporary "The recipient cannot be verified" is never a dead address',
      () => reported('4.0.0', 'smtp; 451 The recipient cannot be verified (in reply to RCPT TO command)'),
      ['systemerror', 'soft'],
    ],
  ]);
});

// VIPRE Email Security's published inbound rejection reasons (vipre.freshdesk.com, "Email
// rejection reasons").
describe("VIPRE Email Security's rejections", () => {
  wordingTests([
    [
      'a VIPRE refusal of a domain it does not serve is a refused relay, not the address',
      () => reported('5.0.0', 'smtp; 550 Your domain is not configured to use this MX host. (in reply to RCPT TO command)'),
      ['norelaying', 'soft'],
    ],
    [
      "a VIPRE call-forward rejection at RCPT TO is the customer's server refusing the address",
      () => reported('5.0.0', 'smtp; 550 Call forward rejected (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
    [
      'a temporary VIPRE call-forward rejection is never a dead address',
      () => reported('4.0.0', 'smtp; 451 Call forward rejected (in reply to RCPT TO command)'),
      ['systemerror', 'soft'],
    ],
    [
      'a VIPRE invalid mailbox found by call forwarding is an unknown recipient',
      () => reported('5.0.0', 'smtp; 550 Invalid Mailbox (Call FWD) (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
  ]);
});

// Trend Micro Deep Discovery Email Inspector's sender-filtering replies (docs.trendmicro.com,
// "Deep Discovery Email Inspector 5.1 Online Help: SMTP error codes").
describe("Trend Micro Deep Discovery Email Inspector's blocks", () => {
  wordingTests([
    [
      'a DDEI "521 Block permanently (Sender Filtering/Authentication)" blocks the sender, never a dead address',
      () => reported('5.0.0', 'smtp; 521 Block permanently (Sender Filtering/Authentication)'),
      ['blocked', 'soft'],
    ],
    [
      'a DDEI temporary denial for zombie matches blocks the sending host',
      () => reported('5.0.0', 'smtp; 450 Temporary denial of connection (450) for Zombie matches (ERS)'),
      ['blocked', 'soft'],
    ],
    [
      'a DDEI permanent denial for RBL+ matches blocks the sending host',
      () => reported('5.0.0', 'smtp; 550 Permanent denial of connection (550) for RBL+ matches (ERS)'),
      ['blocked', 'soft'],
    ],
  ]);
});
