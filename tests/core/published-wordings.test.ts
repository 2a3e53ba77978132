// Wordings as the servers publish or write them (providers' error pages, the MTAs' own
// source), each decided as the taxonomy says. None is taken from a bounce collection; each
// names where the wording comes from.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { Reason } from '../../src/core/types.ts';
import { dsnReport } from './dsn-report.ts';

type Case = readonly [status: string, diagnostic: string, reason: Reason];

async function expectReasons(cases: readonly Case[]) {
  const got: string[] = [];
  for (const [status, diagnostic] of cases)
    got.push((await classify(dsnReport(status, diagnostic, { notice: 'Delivery failed.' }))).recipients[0]?.reason ?? '(none)');
  expect(got).toEqual(cases.map((c) => c[2]));
}

describe("providers' published replies", () => {
  it("reads Google's SMTP errors (support.google.com/a/answer/3726730)", async () => {
    await expectReasons([
      [
        '4.2.1',
        '450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.',
        'speeding',
      ],
      ['4.2.2', '452 4.2.2 The email account that you tried to reach is over quota.', 'mailboxfull'],
      ['5.1.1', '550 5.1.1 The email account that you tried to reach does not exist.', 'userunknown'],
      ['5.2.1', '550 5.2.1 The email account that you tried to reach is disabled.', 'suspend'],
      ['5.1.2', "553 5.1.2 We weren't able to find the recipient domain.", 'hostunknown'],
      ['5.6.0', '554 5.6.0 Mail message is malformed. Not accepted.', 'contenterror'],
      [
        '5.7.1',
        '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibits the mail that you sent.',
        'policyviolation',
      ],
      ['4.7.0', '421 4.7.0 IP not in whitelist for RCPT domain, closing connection.', 'blocked'],
      ['5.4.5', '550 5.4.5 Daily sending quota exceeded.', 'speeding'],
      ['5.7.0', '550 5.7.0 Mail relay denied.', 'norelaying'],
    ]);
  });

  it("reads Yahoo's SMTP errors (senders.yahooinc.com/smtp-error-codes)", async () => {
    await expectReasons([
      [
        '4.7.0',
        '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints',
        'badreputation',
      ],
      ['5.7.2', '553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed.', 'blocked'],
      ['5.7.9', '554 5.7.9 Message not accepted for policy reasons.', 'policyviolation'],
      ['4.0.0', '451 Message temporarily deferred due to unresolvable RFC.5321 from domain', 'rejected'],
      ['5.0.0', '554 30 Sorry, your message to user@example.net cannot be delivered. This mailbox is disabled (554.30).', 'suspend'],
    ]);
  });

  it("reads Microsoft's Exchange Online NDR codes (learn.microsoft.com, NDRs in Exchange Online)", async () => {
    await expectReasons([
      ['5.1.10', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', 'userunknown'],
      ['5.4.1', '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)', 'userunknown'],
      ['5.7.606', '550 5.7.606 Access denied, banned sending IP [192.0.2.1].', 'blocked'],
      ['5.7.708', '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.', 'blocked'],
      [
        '5.2.121',
        "550 5.2.121 RESOLVER.RST.RecipientMessageRateLimit; Recipient's per hour message receive limit from specific sender exceeded.",
        'speeding',
      ],
      ['5.4.300', '550 5.4.300 Message expired', 'expired'],
      ['5.1.8', '550 5.1.8 Access denied, bad outbound sender', 'rejected'],
      [
        '5.7.509',
        '550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification and has a DMARC policy of reject.',
        'authfailure',
      ],
    ]);
  });

  it("reads Mimecast's SMTP error codes (Mimecast SMTP Error Codes, Managing Blocked Senders): whose block it was decides", async () => {
    await expectReasons([
      ['5.0.0', '550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 (in reply to RCPT TO command)', 'userunknown'],
      // The recipient's own block list entry: the recipient's filter.
      ['5.0.0', '550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550', 'filtered'],
      ['5.0.0', '550 Rejected by header based manually Blocked Senders - block for manual block', 'filtered'],
      // The administrators' Blocked Senders policy on the sender's address or domain.
      ['5.0.0', '550 Administrative prohibition - envelope blocked - https://community.mimecast.com/docs/DOC-1369#550', 'rejected'],
      ['5.0.0', '550 Policy level block list in force', 'rejected'],
      // The 421 is about the sending IP, whatever its words say.
      ['4.0.0', '421 Sender address blocked - https://community.mimecast.com/docs/DOC-1369#421', 'blocked'],
      ['4.0.0', '451 Recipient temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451', 'systemerror'],
    ]);
  });

  it("reads Tencent's QQ Mail replies in its own format (a recipient flood block is not an unknown mailbox)", async () => {
    await expectReasons([
      // Tencent's reply carries a session token and the client's address after the words.
      [
        '5.0.0',
        '550 Mailbox unavailable or access denied [QUJDREVGR0hJSktMTU5PUFFSU1RVVldY= IP: 192.0.2.1]. (in reply to end of DATA command)',
        'speeding',
      ],
      ['5.0.0', '550 Mail content denied.', 'spamdetected'],
      ['5.0.0', '550 Mail is rejected by recipients', 'filtered'],
    ]);
  });
});

describe("providers' published replies, more of them", () => {
  it("reads more of Exchange Online's NDR codes (learn.microsoft.com, NDRs in Exchange Online): whose rule refused decides", async () => {
    await expectReasons([
      ['5.7.520', '550 5.7.520 Access denied, Your organization does not allow external forwarding.', 'policyviolation'],
      ['5.7.124', '550 5.7.124 Sender not in allowed-senders list', 'filtered'],
      ['5.7.1', '550 5.7.1 Delivery not authorized, message refused', 'filtered'],
      // With a cause after it, the cause decides.
      ['5.7.1', '550 5.7.1 Delivery not authorized, message refused: Message is not RFC 2822 compliant', 'notcompliantrfc'],
      ['5.7.12', '550 5.7.12 Sender was not authenticated by organization', 'securityerror'],
      ['5.7.513', '550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by example.net using Customer Block list', 'blocked'],
      ['5.7.508', '550 5.7.508 Access denied, [192.0.2.1] has exceeded permitted limits within 192.0.2.0/24 range', 'speeding'],
      // The sender's own submission quota, not the recipient's mailbox.
      ['5.2.2', '554 5.2.2 Submission quota exceeded', 'speeding'],
      // The categorizer failing on the directory's data, whatever address it names.
      [
        '5.6.0',
        '#550 5.6.0 CAT.InvalidContent.Exception: DataSourceOperationException, proxyAddresses property contains an invalid address ##',
        'contenterror',
      ],
    ]);
  });

  it("reads GoDaddy's bounce errors (godaddy.com help 40685): IB401 a block, IB508 an SPF failure, qmail's queue timeout expired", async () => {
    await expectReasons([
      ['4.0.0', '421 4.7.0 IB401 Inbound Connection Rejected - IP Address is blocked', 'blocked'],
      ['5.0.0', '550 Invalid SPF record. Please inspect your SPF settings, and try again. IB508', 'authfailure'],
      ['4.0.0', '421 Temporarily rejected. Reverse DNS for this IP failed. IB108', 'requireptr'],
      [
        '5.0.0',
        "451 Sorry, I wasn't able to establish an SMTP connection. I'm not going to try again; this message has been in the queue too long.",
        'expired',
      ],
    ]);
  });

  it("reads Broadcom Email Security.cloud's connection refused by policy as a block of the sending host", async () => {
    await expectReasons([
      [
        '5.0.0',
        '501 Connection rejected by policy [7.7] 20805, please visit www.symanteccloud.com/troubleshooting for more details about this error message.',
        'blocked',
      ],
    ]);
  });

  it("reads Tencent's user frequency limit as speeding", async () => {
    await expectReasons([['5.0.0', '550 User frequency limited.', 'speeding']]);
  });

  it("reads Yahoo's mail-store reply for a missing address as a mailbox lookup, with no phase named", async () => {
    const r = (await classify(dsnReport('5.0.0', '554 delivery error: dd Not a valid recipient - atlas-x.mail.example.net'))).recipients[0];
    expect([r.reason, r.bounceType]).toEqual(['userunknown', 'hard']);
  });

  it("reads Zoho's hold on an account that sent unusually much as a rate limit, GoDaddy's '#5.1.0 Address rejected' as the address", async () => {
    await expectReasons([
      ['5.4.6', '550 5.4.6 Unusual sending activity detected. Please try after sometime.', 'speeding'],
      ['5.1.0', '550 #5.1.0 Address rejected user@example.net', 'userunknown'],
    ]);
  });
});

describe("wordings that are one provider's only in its own format", () => {
  it('reads a "No such user" reported by Symantec Email Security.cloud (MessageLabs) from the words of its notice, not its host', async () => {
    const reply = '550 user@example.net... No such user';
    const notice = (opening: string) =>
      `${opening}\nI was unable to deliver your message to the following addresses:\n\nuser@example.net\n\nReason: ${reply}\n`;
    for (const opening of [
      'This is the mail delivery agent at Symantec Email Security.cloud.',
      'This is the mail delivery agent at messagelabs.com.',
    ]) {
      const r = (await classify(dsnReport('5.0.0', reply, { notice: notice(opening) }))).recipients[0];
      expect([opening, r.reason, r.bounceType]).toEqual([opening, 'userunknown', 'hard']);
    }
    // The same reply with no phase named in another relay's notice: as after DATA (rule 6).
    const other = (await classify(dsnReport('5.0.0', reply, { notice: 'Delivery to the following recipient failed.' }))).recipients[0];
    expect(other.reason).toBe('filtered');
  });

  it("reads Google Groups' refusal from its words, on any host", async () => {
    const r = (
      await classify(
        dsnReport('5.0.0', '', {
          notice:
            "We're writing to let you know that the group you tried to contact (team) may not exist, or you may not have permission to post messages to the group.",
        }),
      )
    ).recipients[0];
    expect([r.reason, r.bounceType]).toEqual(['rejected', 'soft']);
  });

  it('reads "Mailbox unavailable or access denied" from any other server as a weak refusal: the address at RCPT, a filter at DATA, soft when temporary', async () => {
    const verdict = async (status: string, diagnostic: string) => {
      const r = (await classify(dsnReport(status, diagnostic))).recipients[0];
      return [r.reason, r.bounceType];
    };
    expect(await verdict('5.0.0', '550 Mailbox unavailable or access denied (in reply to RCPT TO command)')).toEqual([
      'userunknown',
      'hard',
    ]);
    expect(await verdict('5.0.0', '550 Mailbox unavailable or access denied (in reply to end of DATA command)')).toEqual([
      'filtered',
      'soft',
    ]);
    expect((await verdict('4.0.0', '450 Mailbox unavailable or access denied (in reply to RCPT TO command)'))[1]).toBe('soft');
  });
});

describe("the MTAs' own texts", () => {
  it('reads Postfix (src/smtp, src/dns, src/smtpd)', async () => {
    await expectReasons([
      [
        '5.1.1',
        '550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)',
        'userunknown',
      ],
      ['5.4.6', 'mail for example.net loops back to myself', 'systemerror'],
      [
        '4.4.3',
        'Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again',
        'networkerror',
      ],
      ['4.4.1', 'connect to mx.example.net[192.0.2.1]:25: Connection timed out', 'expired'],
      ['4.4.2', 'host mx.example.net[192.0.2.1] refused to talk to me: 421 4.4.2 mx.example.net Error: timeout exceeded', 'expired'],
    ]);
  });

  it('reads Exim (src/deliver.c, src/retry.c)', async () => {
    await expectReasons([
      ['5.0.0', 'retry timeout exceeded', 'expired'],
      ['5.0.0', 'all hosts for example.net have been failing for a long time (and retry time not reached)', 'expired'],
      [
        '5.0.0',
        'SMTP error from remote mail server after MAIL FROM:<s@example.com> SIZE=1234: 550 Verification failed for <s@example.com>',
        'rejected',
      ],
      ['5.0.0', 'SMTP error from remote mail server after end of data: 552 5.3.4 Message size exceeds fixed limit', 'mesgtoobig'],
    ]);
  });

  it('reads qmail (qmail-remote.c): the phase it names decides a bare refusal', async () => {
    await expectReasons([
      ['5.0.0', 'Connected to 192.0.2.1 but greeting failed. Remote host said: 554 mx.example.net', 'blocked'],
      ['5.0.0', 'Sorry, no mailbox here by that name. (#5.1.1)', 'userunknown'],
      ['5.0.0', "Sorry, I couldn't find any host named example.invalid. (#5.1.2)", 'hostunknown'],
    ]);
  });
});

describe("NetEase Mail's published bounce codes (help.mail.163.com, 退信代码说明)", () => {
  it('reads its codes by family: the sending host blocked, limits, content, SPF/DMARC, relaying', async () => {
    await expectReasons([
      [
        '5.0.0',
        '554 DT:SPM 163 smtp14,EsCowABnZ2xhbWVkYQ-- 1535264926,please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1',
        'spamdetected',
      ],
      ['4.0.0', '451 DT:SPM ,please try again', 'spamdetected'],
      ['4.0.0', '421 HL:REP (r8sYtnCMoG7_Xjr7) Unauthorized IP address', 'blocked'],
      ['5.0.0', '554 HL:IHU', 'blocked'],
      ['5.0.0', '554 HL:IPB', 'blocked'],
      ['4.0.0', '450 WM:BLI', 'blocked'],
      ['5.0.0', '550 MI:NHD', 'blocked'],
      ['4.0.0', '421 HL:ICC', 'toomanyconn'],
      ['4.0.0', '450 MI:DMC', 'toomanyconn'],
      ['5.0.0', '550 RP:RCL', 'toomanyconn'],
      ['5.0.0', '550 Requested mail action not taken: too much recipient', 'toomanyconn'],
      ['4.0.0', '421 HL:IFC', 'speeding'],
      ['4.0.0', '451 MI:SFQ', 'speeding'],
      ['5.0.0', '554 MI:STC', 'speeding'],
      ['5.0.0', '550 RP:TRC', 'speeding'],
      ['5.0.0', '550 MI:SPF', 'authfailure'],
      ['5.0.0', '550 MI:DMA', 'authfailure'],
      ['5.0.0', '550 RP:FRL', 'norelaying'],
      ['5.0.0', '552 Requested mail action aborted: exceeded mailsize limit', 'mesgtoobig'],
      ['5.0.0', '552 Illegal Attachment', 'policyviolation'],
      ['5.0.0', '550 User suspended', 'suspend'],
    ]);
  });

  it('reads its refusals of the sender as rejected, never a dead recipient', async () => {
    const cases = [
      '550 MI:IMF',
      '450 WM:BLU',
      '554 MI:SPB',
      '554 DT:SUM',
      '550 User in blacklist (in reply to RCPT TO command)',
      '553 Requested action not taken: NULL sender is not allowed',
      '553 Requested action not taken: Local user only (in reply to RCPT TO command)',
      '553 Requested action not taken: no smtp MX only',
    ];
    const got: string[][] = [];
    for (const diagnostic of cases) {
      const r = (await classify(dsnReport('5.0.0', diagnostic))).recipients[0];
      got.push([diagnostic, r.reason, r.bounceType]);
    }
    expect(got).toEqual(cases.map((d) => [d, 'rejected', 'soft']));
  });
});

describe("more of Google's published SMTP errors (support.google.com/a/answer/3726730)", () => {
  it("reads a full Gmail inbox as the recipient's mailbox, not the system's disk", async () => {
    await expectReasons([
      ['5.2.2', "552 5.2.2 The recipient's inbox is out of storage space and inbound mail cannot be delivered.", 'mailboxfull'],
      ['4.2.2', "452 4.2.2 The recipient's inbox is out of storage space.", 'mailboxfull'],
    ]);
  });

  it('reads the SMTP relay service over its limits as speeding, although the codes say a disabled mailbox or a route', async () => {
    await expectReasons([
      ['4.2.1', '450 4.2.1 Peak SMTP relay limit exceeded for customer. This is a temporary error.', 'speeding'],
      ['5.4.5', '550 5.4.5 Daily SMTP relay limit exceeded for user.', 'speeding'],
      ['5.7.1', '550 5.7.1 Daily SMTP relay limit exceeded for customer.', 'speeding'],
    ]);
  });

  it("reads a protocol violation as a syntax error, not the message's form nor TLS", async () => {
    await expectReasons([
      ['4.5.0', '451 4.5.0 SMTP protocol violation, see RFC 2821.', 'syntaxerror'],
      ['5.7.10', '523 5.7.10 SMTP protocol violation, no commands allowed to pipeline after STARTTLS.', 'syntaxerror'],
    ]);
  });

  it("reads a rule of the recipient domain's administrator (gcdp) as its policy", async () => {
    await expectReasons([
      ['5.7.1', '550 5.7.1 This message violates example.com email policy. - gcdp 4a1b2c3d - gsmtp', 'policyviolation'],
    ]);
  });
});

describe("the rest of Exchange Online's NDR table (learn.microsoft.com, Email non-delivery reports in Exchange Online)", () => {
  it('reads the banned sending account as a sender refusal and the banned IP as a block: the code tells the same words apart', async () => {
    await expectReasons([
      ['5.7.501', '550 5.7.501 Access denied, spam abuse detected', 'rejected'],
      ['5.7.502', '550 5.7.502 Access denied, banned sender', 'rejected'],
      ['5.7.511', '550 5.7.511 Access denied, banned sender[192.0.2.1]', 'blocked'],
      ['5.7.507', '550 5.7.507 Access denied, rejected by recipient', 'blocked'],
      ['5.7.705', '550 5.7.705 Access denied, tenant has exceeded threshold', 'blocked'],
    ]);
  });

  it('reads an address its directory does not hold as userunknown, hard, although the code is of the security class', async () => {
    for (const diagnostic of ['550 5.7.504 Recipient address rejected: Access denied', '550 5.7.505 Access denied, banned recipient']) {
      const r = (await classify(dsnReport(diagnostic.slice(4, 11), diagnostic))).recipients[0];
      expect([diagnostic, r.reason, r.bounceType]).toEqual([diagnostic, 'userunknown', 'hard']);
    }
  });

  it('reads its TLS, bare-linefeed, SMTP authentication and submission-quota texts', async () => {
    await expectReasons([
      ['5.7.321', '550 5.7.321 starttls-not-supported: Destination mail server must support TLS to receive mail.', 'failedstarttls'],
      ['5.7.322', "550 5.7.322 certificate-expired: Destination mail server's certificate is expired.", 'failedstarttls'],
      ['5.7.323', '550 5.7.323 tlsa-invalid: The domain failed DANE validation.', 'failedstarttls'],
      [
        '5.6.11',
        '550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA',
        'notcompliantrfc',
      ],
      ['5.7.1', '550 5.7.1 Client was not authenticated', 'securityerror'],
      ['5.2.2', "554 5.2.2 The message can't be submitted because the sender's submission quota was exceeded", 'speeding'],
    ]);
  });
});

describe("Coremail's bounce prompts (www.icoremail.vip/support, 退信提示)", () => {
  it("reads its user lookup's answers as an unknown user, whatever phase, and a hung-up user as suspended", async () => {
    const got: string[][] = [];
    for (const diagnostic of [
      "550 local server don't exists that user",
      '553 not user of this server',
      '550 #2175041 unavailable mail user',
    ]) {
      const r = (await classify(dsnReport('5.0.0', diagnostic))).recipients[0];
      got.push([diagnostic, r.reason, r.bounceType]);
    }
    expect(got).toEqual([
      ["550 local server don't exists that user", 'userunknown', 'hard'],
      ['553 not user of this server', 'userunknown', 'hard'],
      ['550 #2175041 unavailable mail user', 'userunknown', 'hard'],
    ]);
    await expectReasons([['5.0.0', '550 User hangup', 'suspend']]);
  });

  it('reads its refusals of the sending host as blocked and of the sender as rejected', async () => {
    await expectReasons([
      ['4.0.0', '421 IP is Hangup', 'blocked'],
      ['5.0.0', '550 IP is rejected', 'blocked'],
      ['5.0.0', '550 Requested mail action not taken: Invalid IP', 'blocked'],
      ['5.0.0', '550 Requested mail action not taken: Fake sender', 'rejected'],
      ['5.0.0', '550 sender is rejected', 'rejected'],
    ]);
  });
});

describe("Exchange Online's throttling of a fast sender (https://aka.ms/EXOSmtpErrors)", () => {
  it('reads "Message rejected. Excessive message rate from sender" as speeding, not a refusal', async () => {
    await expectReasons([
      [
        '4.5.127',
        '451 4.5.127 Message rejected. Excessive message rate from sender. For more information see https://aka.ms/EXOSmtpErrors.',
        'speeding',
      ],
    ]);
  });
});

describe("Amazon SES's documented bounce types (docs.aws.amazon.com/ses/latest/dg/notification-contents.html)", () => {
  it('reads an address on its suppression list as suppressed, never hard, although the code is 5.1.1: no server was asked', async () => {
    const got: string[][] = [];
    for (const diagnostic of [
      'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address. For more information about how to remove an address from the suppression list, see the Amazon SES Developer Guide.',
      'Amazon SES has suppressed sending to this address because it is on the account-level suppression list. This does not count toward your bounce rate metric.',
    ]) {
      const r = (await classify(dsnReport('5.1.1', diagnostic))).recipients[0];
      got.push([r.reason, r.bounceType]);
    }
    expect(got).toEqual([
      ['suppressed', 'soft'],
      ['suppressed', 'soft'],
    ]);
  });
});
