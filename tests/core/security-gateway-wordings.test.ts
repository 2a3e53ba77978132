// Wordings of email security gateways and filtering services, read in their own documentation,
// knowledge bases and admin guides (MailChannels, Cisco Secure Email / IronPort, Proofpoint,
// FortiMail, ...). Each wording is quoted from the page named above its describe; none comes
// from a bounce collection. One test per wording, named after what a user should see.
import { describe } from 'vitest';
import { reported, wordingTests } from './wording-cases.ts';

// MailChannels Outbound Filtering's bracketed tags (docs.mailchannels.com/outbound/smtp-errors,
// /outbound/unblock-senders; support.mailchannels.com articles 202222810 and 202223280), its
// Email API's sending policies (docs.mailchannels.com/email-api/sending-policies) and Inbound
// Filtering's replies (docs.mailchannels.com/inbound/smtp-errors).
describe("MailChannels' refusals", () => {
  wordingTests([
    [
      'a MailChannels "[SS] Message blocked" is a spam signature in the message, not a block of the host',
      () => reported('5.7.1', 'smtp; 550 5.7.1 [SS] Message blocked (in reply to end of DATA command)'),
      ['spamdetected', 'soft'],
    ],
    [
      'a MailChannels "[CS] Message blocked" is content judged as spam',
      () =>
        reported(
          '5.0.0',
          'smtp; 550 5.7.1 [CS] Message blocked. If this is a false positive, please report this to your hosting service provider. See https://console.mailchannels.net/insights/bounce?txid=0a1b2c',
        ),
      ['spamdetected', 'soft'],
    ],
    [
      'a MailChannels "[RBL] Sender blocked <ip>" is the sending IP on a block list, not the sender address',
      () => reported('5.7.1', 'smtp; 550 5.7.1 [RBL] Sender blocked 192.0.2.1 (in reply to end of DATA command)'),
      ['blocked', 'soft'],
    ],
    [
      'a MailChannels "[SB01] Your email address has been blocked due to complaints" refuses the sender',
      () => reported('5.7.1', 'smtp; 550 5.7.1 [SB01] Your email address has been blocked due to complaints'),
      ['rejected', 'soft'],
    ],
    [
      'a MailChannels "[CSR] Account blocked" is the sending account blocked, never a suspended recipient',
      () => reported('5.7.1', 'smtp; 550 5.7.1 [CSR] Account blocked.'),
      ['rejected', 'soft'],
    ],
    [
      'a MailChannels "[BR]" block for too many invalid recipients refuses the sending account, not this recipient',
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 [BR] Our system has detected an excessively high number of invalid recipients originating from your account.',
        ),
      ['rejected', 'soft'],
    ],
    [
      'a MailChannels "[ESA] Sender blocked" manual block refuses the sender',
      () => reported('5.7.1', 'smtp; 550 5.7.1 [ESA] Sender blocked. See https://console.mailchannels.net/insights/bounce?txid=0a1b2c'),
      ['rejected', 'soft'],
    ],
    [
      'a MailChannels "[BFD] Sender prohibited by SPF" is a failed SPF check',
      () => reported('5.7.1', 'smtp; 550 5.7.1 [BFD] Sender prohibited by SPF'),
      ['authfailure', 'soft'],
    ],
    [
      'a MailChannels "[UNS] Recipient has unsubscribed from your list" is the sending service\'s suppression',
      () => reported('5.7.1', 'smtp; 550 5.7.1 [UNS] Recipient has unsubscribed from your list.'),
      ['suppressed', 'soft'],
    ],
    [
      'a MailChannels Inbound "[S09] Try Again Later" that ran out of retries is greylisting that expired',
      () => reported('4.0.0', 'smtp; 450 [S09] Try Again Later (in reply to RCPT TO command)'),
      ['expired', 'soft'],
    ],
    [
      'a MailChannels Inbound "[S10] Blocked" blocks the connecting IP',
      () => reported('5.0.0', 'smtp; 550 [S10] Blocked (in reply to RCPT TO command)'),
      ['blocked', 'soft'],
    ],
    [
      "a MailChannels Inbound refusal under the domain's SPF policy is a failed SPF check",
      () => reported('5.7.1', "smtp; 550 5.7.1 Email has been rejected due to the domain's SPF policy (in reply to end of DATA command)"),
      ['authfailure', 'soft'],
    ],
    [
      'a MailChannels Inbound "[IB_FEB]" attachment type refusal is a policy, not a security error',
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 [IB_FEB] Your message could not be delivered because it contained an attachment type that is not allowed (in reply to end of DATA command)',
        ),
      ['policyviolation', 'soft'],
    ],
    [
      'a MailChannels Inbound "Recipient policy mismatch" deferral is never a dead address',
      () => reported('4.5.3', 'smtp; 452 4.5.3 Recipient policy mismatch (in reply to RCPT TO command)'),
      ['toomanyconn', 'soft'],
    ],
  ]);
});

// Cisco Secure Email (IronPort) AsyncOS's default replies: its user guide's HAT mail flow
// policy parameters and envelope sender verification, its CLI reference's SPF settings
// ("Reject text: #5.7.1 SPF unauthorized mail is prohibited", "Defer text: #4.4.3 Temporary
// error occurred during SPF verification"), its DMARC verification profile's defaults (user
// guide, "Email Authentication: DMARC Verification": "550 #5.7.1 DMARC unauthenticated mail is
// prohibited"), and admins quoting its BLOCKED policy's banner
// (pcsdesk.com/?p=416, danrichard.com 2011/03/18), its HAT delayed rejection (a pastebin'd
// Postfix notice; MXroute's changelog "Adjustments to outbound rejections") and its hourly rate limit (Symantec Connect,
// "error: 452 Too many recipients received this hour").
describe("Cisco Secure Email (IronPort)'s default replies", () => {
  wordingTests([
    [
      'an IronPort "452 Too many recipients received this hour" is the sending host\'s hourly rate, not one message\'s recipient count',
      () => reported('4.0.0', 'smtp; 452 Too many recipients received this hour (in reply to RCPT TO command)'),
      ['speeding', 'soft'],
    ],
    [
      'an IronPort temporary SPF verification error is an authentication failure, not a refusal of the sender',
      () => reported('4.0.0', 'smtp; 451 #4.4.3 Temporary error occurred during SPF verification. (in reply to MAIL FROM command)'),
      ['authfailure', 'soft'],
    ],
    [
      "an IronPort rejection for the sending MTA's poor reputation is a bad reputation, soft",
      () =>
        reported(
          '5.0.0',
          "smtp; 554 Your access to this mail system has been rejected due to the sending MTA's poor reputation. If you believe that this failure is in error, please contact the intended recipient via alternate means.",
        ),
      ['badreputation', 'soft'],
    ],
    [
      'an IronPort LDAP acceptance "#5.1.0 Address rejected" at RCPT TO is an unknown recipient',
      () => reported('5.0.0', 'smtp; 550 #5.1.0 Address rejected user@example.net (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
    [
      'an IronPort "Domain of sender address ... does not exist" is about the sender, never the recipient\'s address',
      () =>
        reported('5.0.0', 'smtp; 553 #5.1.8 Domain of sender address <sender@example.org> does not exist (in reply to MAIL FROM command)'),
      ['rejected', 'soft'],
    ],
    [
      'an IronPort HAT delayed rejection at RCPT TO refuses the sending host, not the recipient',
      () =>
        reported(
          '5.0.0',
          'smtp; 550 #5.7.1 Your access to submit messages to this e-mail system has been rejected. (in reply to RCPT TO command)',
        ),
      ['blocked', 'soft'],
    ],
    [
      "an IronPort DMARC verification profile's default reject is a failed authentication",
      () => reported('5.0.0', 'smtp; 550 #5.7.1 DMARC unauthenticated mail is prohibited. (in reply to end of DATA command)'),
      ['authfailure', 'soft'],
    ],
    [
      'an IronPort SPF reject at MAIL FROM is a failed authentication, not a refused sender address',
      () => reported('5.0.0', 'smtp; 550 #5.7.1 SPF unauthorized mail is prohibited. (in reply to MAIL FROM command)'),
      ['authfailure', 'soft'],
    ],
  ]);
});

// Proofpoint: its reputation block with the IP check link (suped.com's pages on Proofpoint
// blocks, "554 5.7.0 Blocked", and proofpoint.com/postmaster), Proofpoint Essentials' SMTP
// Discovery refusal and its relay and sender refusals (spambrella.com's "Common Email Delivery
// Error Codes", a Proofpoint Essentials reseller's page; help.proofpoint.com, "Issues with
// Email Auto-forwarding").
describe("Proofpoint's refusals", () => {
  wordingTests([
    [
      'a Proofpoint "Blocked - see ipcheck" blocks the sending IP',
      () => reported('5.7.0', 'smtp; 554 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1'),
      ['blocked', 'soft'],
    ],
    [
      'a Proofpoint Essentials address "marked as invalid" by SMTP Discovery is an unknown recipient',
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 <user@example.net>: Recipient address rejected: User email address is marked as invalid (in reply to RCPT TO command)',
        ),
      ['userunknown', 'hard'],
    ],
    [
      'a Proofpoint Essentials "Relay access denied" for a domain it does not serve is a refused relay',
      () => reported('5.7.1', 'smtp; 550 5.7.1 Relay access denied (in reply to RCPT TO command)'),
      ['norelaying', 'soft'],
    ],
  ]);
});

// Hornetsecurity's (antispameurope's) reason codes, as a reseller of its filter publishes them
// (support.everycloud.com, "Workspace reason codes", article 4000039509, and "Workspace
// classification codes", article 4000007755). Its enhanced codes have the filter's own
// meanings: 5.2.2 is a block list entry, 5.5.x and 5.6.x its filters.
describe("Hornetsecurity's reason codes", () => {
  wordingTests([
    [
      'a Hornetsecurity "552 5.2.2 Sender/Recipient rejected" is a block list entry, never a dead address',
      () => reported('5.2.2', 'smtp; 552 5.2.2 Sender/Recipient rejected (in reply to RCPT TO command)'),
      ['filtered', 'soft'],
    ],
    [
      'a Hornetsecurity 5.2.2 "explicit blocking of sender or recipient address" is a block list entry, not a full mailbox',
      () => reported('5.2.2', 'smtp; 550 5.2.2 explicit blocking of sender or recipient address (in reply to RCPT TO command)'),
      ['filtered', 'soft'],
    ],
    [
      'a Hornetsecurity "5.5.4 Spam IP rejected" blocks the sending IP',
      () => reported('5.5.4', 'smtp; 554 5.5.4 Spam IP rejected (in reply to RCPT TO command)'),
      ['blocked', 'soft'],
    ],
    [
      'a Hornetsecurity "IP sender address with a negative reputation" is a bad reputation',
      () => reported('5.5.4', 'smtp; 554 5.5.4 IP sender address with a negative reputation (in reply to RCPT TO command)'),
      ['badreputation', 'soft'],
    ],
    [
      "a Hornetsecurity refusal over its content filter's size limit is a message too big, not a filter",
      () => reported('5.5.3', 'smtp; 554 5.5.3 email rejected due to Content Filter Size Limit (in reply to end of DATA command)'),
      ['mesgtoobig', 'soft'],
    ],
    [
      'a Hornetsecurity "5.5.7 e-mail Rejected Content Attachment" is an attachment policy, not a syntax error',
      () => reported('5.5.7', 'smtp; 554 5.5.7 e-mail Rejected Content Attachment (in reply to end of DATA command)'),
      ['policyviolation', 'soft'],
    ],
    [
      'a Hornetsecurity custom compliance filter rule is a policy, not a media error',
      () => reported('5.6.9', 'smtp; 554 5.6.9 Rejected by custom Compliance Filter Rule (in reply to end of DATA command)'),
      ['policyviolation', 'soft'],
    ],
    [
      'a Hornetsecurity "5.6.3 spam text signature detected" is spam, not a media error',
      () => reported('5.6.3', 'smtp; 554 5.6.3 spam text signature detected (in reply to end of DATA command)'),
      ['spamdetected', 'soft'],
    ],
    [
      'a Hornetsecurity "5.6.4 virus email blocked" is a virus',
      () => reported('5.6.4', 'smtp; 554 5.6.4 virus email blocked (in reply to end of DATA command)'),
      ['virusdetected', 'soft'],
    ],
    [
      'a Hornetsecurity LDAP check finding no such recipient is an unknown recipient',
      () => reported('5.7.1', 'smtp; 554 5.7.1 unknown domain or unknown recipient (LDAP check) (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
  ]);
});

// Trend Micro's gateways beyond ERS: InterScan Messaging Security's relay domains refusal
// (success.trendmicro.com, solution 1106332) and Hosted Email Security's refusal of a sender
// domain it does not serve (solution 1053852, "Sender address rejected: Access denied").
describe("Trend Micro's gateway refusals", () => {
  wordingTests([
    [
      'an InterScan "Domain of forward path is not allowed" is a refused relay, not the recipient\'s address',
      () => reported('5.0.0', 'smtp; 550 Domain of forward path is not allowed (in reply to RCPT TO command)'),
      ['norelaying', 'soft'],
    ],
    [
      'a Hosted Email Security "Sender address rejected: Access denied" refuses the sender',
      () => reported('5.7.1', 'smtp; 554 5.7.1 <sender@example.org>: Sender address rejected: Access denied (in reply to RCPT TO command)'),
      ['rejected', 'soft'],
    ],
  ]);
});

// Vade's refusal codes (postmaster-oxsus.vadesecure.com; the EU platform's page,
// postmaster-oxseu.vadesecure.com/inbound_error_codes; the code quoted with two zeros
// in suped.com's pages on OXSUS0001_403 and in 404andmore.com's page on its SPF refusal).
describe("Vade's refusal codes", () => {
  wordingTests([
    [
      'a Vade "Connection refused - OXSUS001_403" at RCPT TO is an unknown recipient, not a connection failure',
      () => reported('5.7.1', 'smtp; 550 5.7.1 Connection refused - OXSUS001_403 (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
    [
      "a temporary reply carrying Vade's _403 code never makes the address dead",
      () => reported('4.7.1', 'smtp; 450 4.7.1 Connection refused - OXSEU0001_403 (in reply to RCPT TO command)'),
      ['expired', 'soft'],
    ],
    [
      'a Vade OXSEU0001_403 from its EU platform is an unknown recipient too',
      () => reported('5.7.1', 'smtp; 550 5.7.1 Connection refused - OXSEU0001_403 (in reply to RCPT TO command)'),
      ['userunknown', 'hard'],
    ],
    [
      "a Vade OXSUS0001_101 is the sending IP on Vade's threat network list",
      () => reported('5.7.1', 'smtp; 550 5.7.1 Connection refused - OXSUS0001_101'),
      ['blocked', 'soft'],
    ],
    [
      'a Vade OXSUS0001_105 is a missing reverse DNS record',
      () => reported('5.7.1', 'smtp; 550 5.7.1 Connection refused - OXSUS0001_105'),
      ['requireptr', 'soft'],
    ],
    [
      'a Vade OXSUS0001_110 is too many connections from the sending IP',
      () => reported('4.2.1', 'smtp; 421 4.2.1 Connection refused - OXSUS0001_110'),
      ['toomanyconn', 'soft'],
    ],
    [
      'a Vade OXSUS0001_140 is too many messages from the sending IP',
      () => reported('4.2.1', 'smtp; 421 4.2.1 Connection refused - OXSUS0001_140'),
      ['speeding', 'soft'],
    ],
    [
      'a Vade EU "blocked by Vade Threat List" (_101) blocks the sending IP',
      () => reported('5.7.1', 'smtp; 550 5.7.1 Connection refused - 192.0.2.1 blocked by Vade Threat List - OXSEU0001_101'),
      ['blocked', 'soft'],
    ],
    [
      'a Vade EU _108 is a forward-confirmed reverse DNS failure',
      () => reported('5.7.1', 'smtp; 550 5.7.1 Connection refused - OXSEU0001_108'),
      ['requireptr', 'soft'],
    ],
    [
      'a Vade "Message rejected per sender\'s SPF policy" is a failed SPF check, not a security error',
      () => reported('5.7.1', "smtp; 550 5.7.1 Message rejected per sender's SPF policy - OXSUS001_514"),
      ['authfailure', 'soft'],
    ],
  ]);
});

// FortiMail's relay refusal as its administration guide names it ("Troubleshoot MTA issues":
// "SMTP clients receive the message 550 5.7.1 Relay access denied", docs.fortinet.com,
// FortiMail 6.4 administration guide): already right, kept so that it stays right.
describe("FortiMail's documented refusals", () => {
  wordingTests([
    [
      'a FortiMail "550 5.7.1 Relay access denied" is a refused relay, not the recipient\'s address',
      () => reported('5.7.1', 'smtp; 550 5.7.1 Relay access denied (in reply to RCPT TO command)'),
      ['norelaying', 'soft'],
    ],
  ]);
});
