// An adversarial review of the hard/soft verdict (src/core/rules/README.md, rule 8: hard means the
// address is dead and is suppressed). Two errors matter: a live address called hard (a customer
// silently suppressed: a refusal of the sender, the sending host or the content worded with a
// recipient's code, an address its owner can turn back on) and a dead address called soft (never
// suppressed). Each reply below is a provider's or a server's own published wording, named above
// its case, put into a Postfix 3.x notice (tests/core/postfix-notice.ts) with the command it
// answered; no case comes from a bounce collection. The first group changed in this review; the
// others were already right: a representative few per provider, so that no later rule moves them.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { BounceType, Reason } from '../../src/core/types.ts';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';

const A = 'user@example.net';
const RCPT = 'RCPT TO command';
const DATA = 'end of DATA command';

type Expected = readonly [reason: Reason, bounceType: BounceType, status: string, reply: string];
type Case = readonly [title: string, status: string, reply: string, phase: string, expected: Expected];

function cases(list: readonly Case[]): void {
  for (const [title, status, reply, phase, [reason, bounceType, wantStatus, wantReply]] of list) {
    it(title, async () => {
      const c = await classify(postfixNotice('failed', [postfixRemote(A, status, reply, phase)]));
      expect(c.kind).toBe('bounce');
      expect(c.recipients).toHaveLength(1);
      const r = c.recipients[0];
      expect({
        address: r.address,
        reason: r.reason,
        bounceType: r.bounceType,
        status: r.enhancedCode,
        reply: r.replyCode,
      }).toEqual({ address: A, reason, bounceType, status: wantStatus, reply: wantReply });
    });
  }
}

// Live addresses the rules before this review called hard.
describe('a live address the old rules called hard', () => {
  cases([
    // Postfix 3.12 src/smtpd/smtpd_check.c, reject_unverified_address: its own verify(8)
    // service did not answer ("verify service failure"), so it defers with 450, the check's fixed
    // 4.1.1 and "address verification problem"; no probe ran, nothing is known of the address.
    [
      "Postfix's 'address verification problem' is its own verify service failing, not the address",
      '4.1.1',
      '450 4.1.1 <user@example.net>: Recipient address rejected: address verification problem',
      RCPT,
      ['systemerror', 'soft', '4.1.1', '450'],
    ],
    // Postfix 3.12 src/smtpd/smtpd_check.c, reject_unknown_mailhost: the recipient domain's name
    // servers gave a malformed answer (DNS_INVAL), under unknown_address_reject_code = 550; its
    // words for a domain that does not exist are "Domain not found".
    [
      "Postfix's 'Malformed DNS server reply' under 5.1.2 is the domain's DNS, not a domain that does not exist",
      '5.1.2',
      '550 5.1.2 <user@example.net>: Recipient address rejected: Malformed DNS server reply',
      RCPT,
      ['networkerror', 'soft', '5.1.2', '550'],
    ],
    // Postfix src/smtpd/smtpd.c with strict_smtputf8 = yes: the client sent a non-ASCII address
    // without declaring SMTPUTF8 (RFC 6531); the sending side's form, as Sendmail's and Exim's
    // SMTPUTF8 refusals are read.
    [
      "Postfix's 'Must declare SMTPUTF8 to send unicode address' at RCPT TO is the message's form",
      '5.6.7',
      '553 5.6.7 Must declare SMTPUTF8 to send unicode address',
      RCPT,
      ['contenterror', 'soft', '5.6.7', '553'],
    ],
    // maddy (github:foxcpp/maddy, internal/endpoint/smtp/session.go): the same refusal in its
    // words, decided by the X.6.7 alone (RFC 6531: non-ASCII addresses not permitted).
    [
      "maddy's 'SMTPUTF8 is required for non-ASCII recipients' (5.6.7) is the message's form",
      '5.6.7',
      '553 5.6.7 SMTPUTF8 is required for non-ASCII recipients',
      RCPT,
      ['contenterror', 'soft', '5.6.7', '553'],
    ],
  ]);

  // postfix-3.12-20260821 src/smtp/smtp_proto.c (the change of 20250824): its own words when
  // no server for the domain offers SMTPUTF8 and the message (sender, headers or an address)
  // needs it; the recipient's mailbox is not in question.
  it("Postfix 3.12's 'message requires SMTPUTF8, but no server was found' is the message's form", async () => {
    const reason =
      'message requires SMTPUTF8, but no server was found that supports SMTPUTF8. The last attempted server was mx.example.net[192.0.2.1]';
    const c = await classify(postfixNotice('failed', [{ address: A, status: '5.6.7', reason }]));
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode])).toEqual([
      [A, 'contenterror', 'soft', '5.6.7', ''],
    ]);
  });
});

// Already right: a representative few per source, so that no later rule moves them.
describe('refusals of the sender, the host or the content worded with recipient codes stay soft', () => {
  cases([
    // Postfix smtpd_check.c: reject_unverified_sender, the probe's answer about the SENDER quoted.
    [
      "Postfix's unverified sender quotes a remote 'User unknown' about the sender",
      '4.1.7',
      '450 4.1.7 <sender@example.com>: Sender address rejected: undeliverable address: host mx.example.com[192.0.2.2] said: 550 5.1.1 <sender@example.com>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)',
      RCPT,
      ['rejected', 'soft', '5.1.1', '550'],
    ],
    // Exim verify.c: a sender callout's transcript, flattened by the reporting MTA.
    [
      "Exim's sender callout quotes the sender's 'User unknown'",
      '5.0.0',
      '550-Verification failed for <sender@example.com> 550-Called:   192.0.2.2 550-Sent:     RCPT TO:<sender@example.com> 550-Response: 550 5.1.1 <sender@example.com>: Recipient address rejected: User unknown in local recipient table 550 Sender verify failed',
      RCPT,
      ['rejected', 'soft', '5.1.1', '550'],
    ],
    // GR Hosting's help page on its Forpsi/Cloudmark servers
    // (support.grhosting.cz/kb/a290): the recipient's own block list of senders, under 5.1.1.
    [
      "a recipient's block list of senders answered with 5.1.1 is not the address",
      '5.1.1',
      '550 5.1.1 <sender@example.com> sender is blacklisted',
      RCPT,
      ['rejected', 'soft', '5.1.1', '550'],
    ],
    [
      'a full mailbox answered with 5.1.1 before 5.2.2 is full, not unknown',
      '5.1.1',
      '552 5.1.1 5.2.2 sorry, final recipient mailbox is full (chkuser)',
      RCPT,
      ['mailboxfull', 'soft', '5.1.1', '552'],
    ],
    // Microsoft's Exchange Online NDR reference: 5.1.0 about the sender.
    [
      'Exchange Online\'s "5.1.0 Sender denied" is the sender',
      '5.1.0',
      '550 5.1.0 <sender@example.com> Sender denied',
      RCPT,
      ['rejected', 'soft', '5.1.0', '550'],
    ],
    // Postgrey through Postfix: greylisting worded as a recipient refusal.
    [
      "Postgrey's greylisting worded as 'Recipient address rejected' is temporary",
      '4.2.0',
      '450 4.2.0 <user@example.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.net.html',
      RCPT,
      ['expired', 'soft', '4.2.0', '450'],
    ],
    // Postfix smtpd_check.c: reject_unknown_recipient_domain on a lookup that did not complete.
    [
      "Postfix's 450 4.1.2 'Domain not found' is a lookup for now",
      '4.1.2',
      '450 4.1.2 <user@example.net>: Recipient address rejected: Domain not found',
      RCPT,
      ['networkerror', 'soft', '4.1.2', '450'],
    ],
    // Google's SMTP error reference (support.google.com/a/answer/3726730).
    [
      "Gmail's disabled account can come back",
      '5.2.1',
      '550 5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser - gsmtp',
      RCPT,
      ['suspend', 'soft', '5.2.1', '550'],
    ],
    [
      "Gmail's per-recipient receiving rate under 5.2.1 is the pace, not the mailbox",
      '5.2.1',
      '550 5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. https://support.google.com/mail/?p=ReceivingRatePerm - gsmtp',
      RCPT,
      ['speeding', 'soft', '5.2.1', '550'],
    ],
    // Yahoo's SMTP error codes (senders.yahooinc.com/smtp-error-codes).
    [
      "Yahoo's disabled mailbox (554.30) is suspended",
      '5.0.0',
      '554 delivery error: dd Sorry your message to user@example.net cannot be delivered. This mailbox is disabled (554.30). - mta1234.mail.bf1.yahoo.com',
      DATA,
      ['suspend', 'soft', '5.0.0', '554'],
    ],
    // Bluehost's bounce guide: the recipient blacklisted the sender.
    [
      "Bluehost's 'recipient rejected GL/BL' is the recipient's block list",
      '5.0.0',
      '550 <user@example.net> recipient rejected GL/BL',
      RCPT,
      ['filtered', 'soft', '5.0.0', '550'],
    ],
    // Interia's help page (pomoc.poczta.interia.pl): full, mistyped or suspended.
    [
      "Interia's '5.2.1 Mailbox not available' is not proof of a dead address",
      '5.2.1',
      '550 5.2.1 Mailbox not available',
      RCPT,
      ['suspend', 'soft', '5.2.1', '550'],
    ],
  ]);
});

describe('dead addresses stay hard, also when the provider looks them up after DATA', () => {
  cases([
    [
      "Gmail's NoSuchUser",
      '5.1.1',
      "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser - gsmtp",
      RCPT,
      ['userunknown', 'hard', '5.1.1', '550'],
    ],
    [
      "Exchange Online's RecipientNotFound after DATA",
      '5.1.10',
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
      DATA,
      ['userunknown', 'hard', '5.1.10', '550'],
    ],
    [
      "Exchange Online's directory-based edge blocking (5.4.1 Access denied)",
      '5.4.1',
      '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)',
      RCPT,
      ['userunknown', 'hard', '5.4.1', '550'],
    ],
    [
      "Yahoo's 'doesn't have an account', answered after DATA",
      '5.0.0',
      "554 delivery error: dd This user doesn't have a yahoo.com account (user@example.net) [0] - mta1234.mail.bf1.yahoo.com",
      DATA,
      ['userunknown', 'hard', '5.0.0', '554'],
    ],
    [
      "Apple iCloud's 'user does not exist'",
      '5.1.1',
      '550 5.1.1 <user@example.net>: user does not exist',
      RCPT,
      ['userunknown', 'hard', '5.1.1', '550'],
    ],
    [
      "Comcast's 'Not our Customer'",
      '5.1.1',
      '550 5.1.1 <user@example.net> Not our Customer',
      RCPT,
      ['userunknown', 'hard', '5.1.1', '550'],
    ],
    [
      "Seznam's 'User hasn't got the service mapped' after DATA",
      '5.1.1',
      "550 5.1.1 szn; User hasn't got the service mapped",
      DATA,
      ['userunknown', 'hard', '5.1.1', '550'],
    ],
    [
      "IONOS's 'mailbox unavailable' (the address does not exist on that server)",
      '5.0.0',
      '550 Requested action not taken: mailbox unavailable',
      RCPT,
      ['userunknown', 'hard', '5.0.0', '550'],
    ],
    [
      "Mail.ru's 'user not found'",
      '5.0.0',
      '550 Message was not accepted -- invalid mailbox.  Local mailbox user@example.net is unavailable: user not found',
      RCPT,
      ['userunknown', 'hard', '5.0.0', '550'],
    ],
    ["Yandex's 'No such user!' under 5.7.1", '5.7.1', '550 5.7.1 No such user!', RCPT, ['userunknown', 'hard', '5.7.1', '550']],
    [
      "Tencent QQ's 'Mailbox not found'",
      '5.0.0',
      '550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728',
      RCPT,
      ['userunknown', 'hard', '5.0.0', '550'],
    ],
    [
      "Daum's RUSR 'No such user'",
      '5.1.1',
      '550 5.1.1 RUSR 192.0.2.1: No such user: <user@example.net>',
      RCPT,
      ['userunknown', 'hard', '5.1.1', '550'],
    ],
    [
      "Microsoft's 5.4.310 'DNS domain does not exist'",
      '5.4.310',
      '550 5.4.310 DNS domain example.net does not exist [Message=InfoDomainNonexistent] [LastAttemptedServerName=example.net]',
      RCPT,
      ['hostunknown', 'hard', '5.4.310', '550'],
    ],
  ]);
});
