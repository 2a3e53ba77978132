// Wordings that providers publish on their postmaster and help pages (Yahoo, AOL, McAfee's
// former MX Logic), read in a third pass over the families of the unseen set. Each wording was
// read on the provider's page or in a page quoting its server, named above its test; none
// comes from a bounce collection. One test per wording, named after what a user should see.
import { describe } from 'vitest';
import { reported, wordingTests } from './wording-cases.ts';

// AOL's postmaster error list groups its codes as RTR, HVU, DNS, RLY, DYN and CON blocks
// (http://postmaster.info.aol.com/errors/); CON:B1 as Word to the Wise quoted it, DNS:NR as a
// Postfix log in Odin's knowledge base shows it (https://kb.odin.com/en/121291).
describe("AOL's block codes", () => {
  wordingTests([
    [
      'an AOL CON block refuses the sending host, not the address',
      () => reported('5.0.0', '554 CON:B1 http://postmaster.info.aol.com/errors/554conb1.html'),
      ['blocked', 'soft'],
    ],
    [
      "an AOL DNS block asks for the sending host's reverse DNS",
      () => reported('4.7.1', '421 4.7.1 : (DNS:NR) http://postmaster.info.aol.com/errors/421dnsnr.html'),
      ['requireptr', 'soft'],
    ],
  ]);
});

// Yahoo's TS01 as Adobe Campaign's deliverability guide quotes it.
describe("Yahoo's deferrals", () => {
  wordingTests([
    [
      "Yahoo's deferral for excessive user complaints is the sender's reputation",
      () => reported('4.7.0', '421 4.16.55 [TS01] Messages from 192.0.2.1 temporarily deferred due to excessive user complaints'),
      ['badreputation', 'soft'],
    ],
  ]);
});

// MailChannels on McAfee SaaS Email Protection (MX Logic): "554 Denied [CS] [*] (Mode: normal)
// (in reply to end of DATA command)" is a refusal of the message's content.
describe("McAfee's (MX Logic's) content refusal", () => {
  wordingTests([
    [
      'McAfee\'s "Denied [CS] [id] (Mode: normal)" is spam detected in the content',
      () => reported('5.0.0', '554 Denied [CS] [1a2b3c4d] (Mode: normal) (in reply to end of DATA command)'),
      ['spamdetected', 'soft'],
    ],
    [
      "McAfee's denial with a category but no command named is still the content",
      () => reported('5.0.0', '554 Denied [CS01] (Mode: normal)'),
      ['spamdetected', 'soft'],
    ],
  ]);
});

// United Internet's published replies (https://smtp.codes/unitedinternet/, the 1&1 and IONOS
// help pages "SMTP Error Messages for the 1&1 Mail Server").
describe("United Internet's (1&1, GMX, WEB.DE) replies", () => {
  wordingTests([
    [
      "a refusal under the sender domain's SPF policy is an authentication failure",
      () =>
        reported(
          '5.0.0',
          '550 <jane@example.net>: Reject due to SPF policy. The originating IP of the message is not permitted by the domain owner',
        ),
      ['authfailure', 'soft'],
    ],
  ]);
});

// Barracuda's replies as smtp.codes lists them (https://smtp.codes/550).
describe("Barracuda's refusals", () => {
  wordingTests([
    [
      "Barracuda's refusal of a spoofed message is a policy violation, not the address",
      () => reported('5.0.0', '550 rejecting spoofed message (in reply to end of DATA command)'),
      ['policyviolation', 'soft'],
    ],
  ]);
});

// Exchange Online's and Rackspace's replies as smtp.codes lists them (https://smtp.codes/421,
// https://smtp.codes/rackspace); Yahoo's numbered deferral as its postmaster help (SLN3437)
// words it.
describe("rate and connection limits in providers' words", () => {
  wordingTests([
    [
      "Exchange Online's limit of concurrent connections is too many connections, not a refusing system",
      () =>
        reported(
          '4.3.2',
          '421 4.3.2 The maximum number of concurrent connections per resource forest has exceeded a limit, closing transmission channel. example.com. PRX8 [example.com]',
        ),
      ['toomanyconn', 'soft'],
    ],
    [
      'a mailbox that received too much mail in a short time is a rate limit, not a disabled mailbox',
      () => reported('4.2.1', '450 4.2.1 <jane@example.net>: Mailbox received too much email in a short period of time (G30)'),
      ['speeding', 'soft'],
    ],
    [
      "Yahoo's numbered deferral of the sending IP blocks the host, not a system error",
      () => reported('4.0.0', '421 Message from (192.0.2.1) temporarily deferred - 4.16.50'),
      ['blocked', 'soft'],
    ],
  ]);
});

// A Chinese webmail server's published reply list (as blog.sina.com.cn/s/blog_8dc13ec50101fxxr
// and 360docs.net copy it), from the families of Tencent and NetEase.
describe("a Chinese webmail server's reply list", () => {
  wordingTests([
    [
      'a refusal by the anti-spam engine is spam detected, not a vague rejection',
      () => reported('5.0.0', '552 message rejected by anti-spam engine.'),
      ['spamdetected', 'soft'],
    ],
    ['"black ip" refuses the sending host', () => reported('5.0.0', '550 black ip.'), ['blocked', 'soft']],
    [
      'a message that is too long is too big, not a full mailbox',
      () => reported('5.0.0', '552 message is too long.'),
      ['mesgtoobig', 'soft'],
    ],
    [
      'an attachment that is too long makes the message too big',
      () => reported('5.0.0', '554 attachment is too long.'),
      ['mesgtoobig', 'soft'],
    ],
  ]);
});

// Exchange Online's NDR pages (Microsoft Learn, "Fix NDR error 5.2.252" and "Fix NDR error
// 5.2.121 or 5.2.122 in Exchange Online").
describe("Exchange Online's published NDR codes", () => {
  wordingTests([
    [
      "SendAsDenied refuses the sender's permission, never the recipient's mailbox",
      () => reported('5.2.252', '554 5.2.252 SendAsDenied; sender@example.com not allowed to send as sender@example.org'),
      ['rejected', 'soft'],
    ],
    [
      "a recipient's hourly receive limit is the pace of mail, not a refusing mailbox",
      () => reported('5.2.122', '550 5.2.122 The recipient has exceeded their limit for the number of messages they can receive per hour.'),
      ['speeding', 'soft'],
    ],
  ]);
});

// Cox's AUP codes (https://www.cox.com/residential/support/email-error-codes.html).
describe("Cox's account hold", () => {
  wordingTests([
    [
      "Cox's AUP#CXMJ holds the sender's account, not the sending host",
      () =>
        reported(
          '5.0.0',
          '550 Email sending blocked due to suspicious account activity on primary Cox account. To secure your account, please reset all Cox account passwords and reference error code AUP#CXMJ',
        ),
      ['rejected', 'soft'],
    ],
  ]);
});

// Yahoo's SMTP error list (https://senders.yahooinc.com/smtp-error-codes/, as smtp.codes/yahoo
// quotes it).
describe("Yahoo's SMTP error list", () => {
  wordingTests([
    [
      'Yahoo\'s "Messages from <ip> permanently deferred" without "All" still blocks the host',
      () => reported('4.7.1', '421 4.7.1 Messages from 192.0.2.1 permanently deferred'),
      ['blocked', 'soft'],
    ],
    [
      "Yahoo's temporary domain failure is the receiving system, not a full mailbox",
      () => reported('4.0.0', '452 temporary domain failure <jane@example.net>'),
      ['systemerror', 'soft'],
    ],
  ]);
});

// Mail gateways' published reason lists: EveryCloud ("Workspace reason codes",
// support.everycloudtech.com) and Iridis mailRelay (portal.iridis.uk, knowledge base 254).
describe("mail gateways' reason lists", () => {
  wordingTests([
    [
      "a sending IP's negative reputation is bad reputation, not a syntax error from its 5.5.4",
      () => reported('5.5.4', '554 5.5.4 IP sender address with a negative reputation'),
      ['badreputation', 'soft'],
    ],
    [
      'a gateway\'s "loop detection" is a routing loop, not a syntax error',
      () => reported('5.5.6', '554 5.5.6 loop detection'),
      ['networkerror', 'soft'],
    ],
    [
      "an hourly send rate exceeded is the sender's pace, not a system error",
      () => reported('4.0.0', '451 HST-RTE: Hourly send rate exceeded, retry later.'),
      ['speeding', 'soft'],
    ],
  ]);
});
