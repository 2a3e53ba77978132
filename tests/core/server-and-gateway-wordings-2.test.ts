// More mail servers', security gateways' and hosting panels' refusals, read in their own
// sources or published documentation: Zimbra, Apache James, HCL Domino, IceWarp, Kerio
// Connect, MDaemon, Plesk, Symantec Email Security.cloud (Broadcom's knowledge base) and
// Barracuda. Each describe names the files or pages read; none of these wordings comes from a
// bounce collection. One test per wording, named after what a user sees: the reason, hard or
// soft, and the enhanced status code.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { BounceType, Reason } from '../../src/core/types.ts';
import { dsnReport } from './dsn-report.ts';
import { reported } from './wording-cases.ts';

type Expected = readonly [reason: Reason, bounceType: BounceType, status: string];
type Case = readonly [name: string, bounce: () => Buffer, expected: Expected];

/** One test per case: the one recipient's reason, hard/soft and enhanced status code. */
function casesWithStatus(cases: readonly Case[]): void {
  for (const [name, bounce, expected] of cases) {
    it(name, async () => {
      const r = (await classify(bounce())).recipients[0];
      expect(r && [r.reason, r.bounceType, r.enhancedCode]).toEqual(expected);
    });
  }
}

/** A remote reply as Postfix reports it, with the command it answered. */
const inReplyTo = (command: string) => (status: string, reply: string) => reported(status, `${reply} (in reply to ${command} command)`);
const atRcpt = inReplyTo('RCPT TO');
const atMail = inReplyTo('MAIL FROM');
const atData = inReplyTo('end of DATA');
/** A Zimbra mailbox server's LMTP reply, as Postfix's lmtp client reports it (its Diagnostic-Code type is smtp). */
const lmtp = (status: string, reply: string, command: string) => reported(status, `${reply} (in reply to ${command} command)`);

// Zimbra/zm-mailbox: store/src/java/com/zimbra/cs/lmtpserver/LmtpReply.java (the replies),
// ZimbraLmtpBackend.java and LmtpHandler.java (when each is sent); Zimbra/zm-mta:
// postfix_header_checks.in (the blocked attachment extensions).
describe("Zimbra's LMTP replies and its MTA's header checks", () => {
  casesWithStatus([
    [
      'Zimbra\'s temporary "452 4.2.2 Over quota" is a full mailbox, soft',
      () => lmtp('4.2.2', '452 4.2.2 Over quota', 'end of DATA'),
      ['mailboxfull', 'soft', '4.2.2'],
    ],
    [
      'Zimbra\'s "Server accepts messages only on TLS connection" is a failed STARTTLS, not a full mailbox (4.2.2)',
      () => lmtp('4.2.2', '451 4.2.2 Server accepts messages only on TLS connection', 'MAIL FROM'),
      ['failedstarttls', 'soft', '4.2.2'],
    ],
    [
      'Zimbra\'s "Mailbox is not on this server" is the receiving system\'s configuration, not a mailbox that filtered the message',
      () => lmtp('4.2.0', '450 4.2.0 Mailbox is not on this server', 'RCPT TO'),
      ['systemerror', 'soft', '4.2.0'],
    ],
    [
      'Zimbra\'s "Temporary message delivery failure try again" is a system error, soft',
      () => lmtp('4.0.0', '451 4.0.0 Temporary message delivery failure try again', 'end of DATA'),
      ['systemerror', 'soft', '4.0.0'],
    ],
    [
      'Zimbra\'s "Syntax error in recipient address" at RCPT TO is the address, hard',
      () => lmtp('5.5.2', '500 5.5.2 Syntax error in recipient address', 'RCPT TO'),
      ['userunknown', 'hard', '5.5.2'],
    ],
    [
      'Zimbra\'s MTA refusing a blocked attachment extension "for security reasons" is the recipient\'s attachment policy, not a security error',
      () => atData('5.7.1', '550 5.7.1 For security reasons we reject attachments of this type'),
      ['policyviolation', 'soft', '5.7.1'],
    ],
    [
      'Zimbra\'s MTA "Attachment type not allowed ... unacceptable extension" is the recipient\'s attachment policy',
      () => atData('5.7.1', '550 5.7.1 Attachment type not allowed. File "invoice.exe" has the unacceptable extension "exe"'),
      ['policyviolation', 'soft', '5.7.1'],
    ],
  ]);
});

/** Apache James's Bounce mailet notice (NotifyMailetsMessage.generateMessage), with no copy attached. */
const jamesBounce = (errorMessage: string) =>
  Buffer.from(
    [
      'From: postmaster@mx.example.org',
      'To: sender@example.com',
      'Subject: Re: hello',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'We were unable to deliver the attached message because of an error in the mail server.',
      '',
      'Error message below:',
      errorMessage,
      '',
      'Message details:',
      '  Subject: hello',
      '  MAIL FROM: sender@example.com',
      '  RCPT TO: user@example.net',
      '  From: ',
      'sender@example.com ',
      '',
      '  To: ',
      'user@example.net ',
      '',
      '  Size: 200 B',
      '  Number of lines: 1',
      '',
    ].join('\r\n'),
  );

// apache/james-project: protocols/smtp/.../core/fastfail/DNSRBLHandler.java and
// AbstractGreylistHandler.java; server/protocols/protocols-smtp/.../EnforceHeaderLimitationsMessageHook.java
// and fastfail/SPFHandler.java; mailet/standard/.../ToProcessor.java, server/mailet/mailets/
// .../redirect/NotifyMailetsMessage.java and NotifyMailetInitParameters.java with
// server/apps/*/sample-configuration/mailetcontainer.xml (the local-address-error bounce).
describe("Apache James's hooks and its Bounce mailet", () => {
  casesWithStatus([
    [
      'James\'s DNS block list refusal "Rejected: unauthenticated e-mail from <ip> is restricted" blocks the sending host',
      () =>
        atRcpt('5.7.1', '554 5.7.1 Rejected: unauthenticated e-mail from /192.0.2.1 is restricted.  Contact the postmaster for details.'),
      ['blocked', 'soft', '5.7.1'],
    ],
    [
      'James\'s greylisting "Temporary rejected: Reconnect to fast" that ran out of retries is expired, never a DNS or system error',
      () => atRcpt('4.4.3', '451 4.4.3 Temporary rejected: Reconnect to fast. Please try again later'),
      ['expired', 'soft', '4.4.3'],
    ],
    [
      'James\'s greylisting of a first-seen triplet "Temporary rejected: Please try again later" is expired',
      () => atRcpt('4.4.3', '451 4.4.3 Temporary rejected: Please try again later'),
      ['expired', 'soft', '4.4.3'],
    ],
    [
      'James\'s "Header size is too large" after DATA is a message too big',
      () => atData('5.0.0', '552 Header size is too large'),
      ['mesgtoobig', 'soft', '5.0.0'],
    ],
    [
      'James\'s "Temporarily rejected: Problem on SPF lookup" at MAIL FROM refuses the sender, never the recipient',
      () => atMail('4.4.3', '451 4.4.3 Temporarily rejected: Problem on SPF lookup'),
      ['rejected', 'soft', '4.4.3'],
    ],
  ]);

  it('James\'s Bounce mailet "550 - Requested action not taken: no such user here" fails the recipient alone, never the sender its "From:" line names', async () => {
    const recipients = (await classify(jamesBounce('550 - Requested action not taken: no such user here'))).recipients;
    expect(recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode])).toEqual([
      ['user@example.net', 'userunknown', 'hard', '5.0.0', '550'],
    ]);
  });
});

// HCL Domino: IBM Redbook "Lotus Domino 6 spam Survival Guide for IBM eServer" (inbound
// sender controls, figures 4-7 and 4-8), IBM technote "Domino server mail rule restricting
// attachment size does not work using local replica".
describe("HCL Domino's policy refusals", () => {
  casesWithStatus([
    [
      'Domino\'s inbound sender control "Mail from <sender> rejected for policy reasons" at MAIL FROM is a policy refusal, never the recipient\'s address',
      () => atMail('5.0.0', '554 Mail from <sender@example.com> rejected for policy reasons.'),
      ['policyviolation', 'soft', '5.0.0'],
    ],
    [
      'Domino\'s server mail rule "Message rejected for policy reasons" is a policy on the message',
      () => reported('5.0.0', 'Message rejected for policy reasons'),
      ['policyviolation', 'soft', '5.0.0'],
    ],
  ]);
});

// IceWarp: "Interpretation of 5xx Errors in Icewarp SMTP" (docs.icewarp.com, esupport.icewarp.com
// article 29). Kerio Connect: GFI's "Outbound Email Delivery Troubleshooting Article"
// (support.kerioconnect.gfi.com 4416310418706). MDaemon: its help's "Servers" page (the SMTP
// server "sends 552 when account is over quota"). Plesk: "How outgoing messages limit works"
// (support.plesk.com 213389069).
describe('IceWarp, Kerio Connect, MDaemon and Plesk', () => {
  casesWithStatus([
    [
      'IceWarp\'s "501 5.7.1 Message is too long" is a message too big, not a security error',
      () => atData('5.7.1', '501 5.7.1 Message is too long'),
      ['mesgtoobig', 'soft', '5.7.1'],
    ],
    [
      'Kerio Connect\'s "550 5.7.1 Relaying is denied" is a refused relay',
      () => atRcpt('5.7.1', '550 5.7.1 Relaying is denied'),
      ['norelaying', 'soft', '5.7.1'],
    ],
    [
      'MDaemon\'s over-quota "552 Requested mail action aborted: exceeded storage allocation" is a full mailbox',
      () => atRcpt('5.0.0', '552 Requested mail action aborted: exceeded storage allocation'),
      ['mailboxfull', 'soft', '5.0.0'],
    ],
    [
      "Plesk's outgoing mail control (the limit on allowed outgoing messages exceeded) is the sender's rate, not a security error",
      () =>
        atData(
          '5.7.0',
          '550 5.7.0 Your message could not be sent. The limit on the number of allowed outgoing messages was exceeded. Try again later.',
        ),
      ['speeding', 'soft', '5.7.0'],
    ],
  ]);
});

/** Symantec Email Security.cloud's notice around a recipient server's reply. */
const messageLabs = (status: string, reply: string) =>
  dsnReport(status, reply, {
    notice: [
      'This is the mail delivery agent at Symantec Email Security.cloud.',
      'I was unable to deliver your message to the following addresses:',
      '',
      'user@example.net',
      '',
      `Reason: ${reply}`,
    ].join('\n'),
  });

// Broadcom's knowledge base for Symantec Email Security.cloud: "Rejection errors when delivering
// to 3rd party recipients" (article 161393) and "Common external Spam Filtering Error Codes"
// (article 169925), the recipients' gateways' replies it relays.
describe("recipient gateways' replies as Symantec Email Security.cloud relays them", () => {
  casesWithStatus([
    [
      '"Rejecting mail, <ip> is blacklisted" blocks the sending host',
      () => messageLabs('5.7.1', '550 5.7.1 Rejecting mail, 192.0.2.1 is blacklisted'),
      ['blocked', 'soft', '5.7.1'],
    ],
    [
      '"Message rejected due to sender IP reputation" is the sending IP\'s reputation',
      () => messageLabs('5.0.0', '550 Message rejected due to sender IP reputation ([192.0.2.1])'),
      ['badreputation', 'soft', '5.0.0'],
    ],
    [
      '"Too many Received: headers" is the message\'s content (a loop), not the address',
      () => messageLabs('5.0.0', '554 Too many Received: headers'),
      ['contenterror', 'soft', '5.0.0'],
    ],
    [
      '"Message rejected as spam by Content Filtering" is spam',
      () => messageLabs('5.7.1', '550 5.7.1 Message rejected as spam by Content Filtering'),
      ['spamdetected', 'soft', '5.7.1'],
    ],
    [
      'a scanner\'s "Message contained unsafe content (Heuristics.Phishing...)" is a virus scanner\'s verdict, not a vague refusal',
      () => messageLabs('5.0.0', '550 Message contained unsafe content (Heuristics.Phishing.Email.SpoofedDomain)'),
      ['virusdetected', 'soft', '5.0.0'],
    ],
    [
      '"Sender is on domain\'s blacklist" refuses the sender, never the address',
      () => messageLabs('5.0.0', "551 Sender is on domain's blacklist"),
      ['rejected', 'soft', '5.0.0'],
    ],
    [
      '"Recipient not authorized, your IP has been found on a block list" blocks the sending IP, not the recipient',
      () => messageLabs('5.7.1', '550 5.7.1 Recipient not authorized, your IP has been found on a block list'),
      ['blocked', 'soft', '5.7.1'],
    ],
    [
      '"Rejected due to banned content" is a policy on the message',
      () => messageLabs('5.0.0', '554 Rejected due to banned content'),
      ['policyviolation', 'soft', '5.0.0'],
    ],
    ['"Relay denied" is a refused relay', () => messageLabs('5.0.0', '553 Relay denied'), ['norelaying', 'soft', '5.0.0']],
  ]);
});

// Barracuda's reputation block as MIT CSAIL's TIG page "How to deal with 'host blocked using
// Barracuda reputation'" quotes it (tig.csail.mit.edu/wiki/TIG/EmailBlockedByBarracuda).
describe("Barracuda's reputation block", () => {
  casesWithStatus([
    [
      'Barracuda\'s "Client host [<ip>] blocked using Barracuda Reputation" blocks the sending host',
      () =>
        atData(
          '5.0.0',
          '554 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.1',
        ),
      ['blocked', 'soft', '5.0.0'],
    ],
  ]);
});
