// What the scripted remote server does in each recorded case, and what a mail admin should
// read from the notice a real MTA writes about it. The replies are servers' own wordings
// (each names its source); the expected verdicts are rebound's taxonomy (src/core/rules/README.md).
// tests/core/real-mta-notices.test.ts checks every recorded notice against this table.

import type { RemoteScript } from './remote.ts';

export interface ExpectedRecipient {
  /** Local part at remote.test. */
  localPart: string;
  reason: string;
  hard: boolean;
  /** The enhanced status the notice should carry for this recipient, when the reply had one. */
  status?: string;
  replyCode?: string;
}

export interface Scenario {
  id: string;
  /** What the case shows, in a phrase (the test's name). */
  title: string;
  /** Where the remote's wording comes from. */
  source: string;
  /** The remote's behaviour; 'no-listener' = nothing listens on the port (connection refused);
   * 'local' = the MTA's own delivery fails, as its recorder arranges (an MTA's own cases). */
  remote: RemoteScript | 'no-listener' | 'local';
  /** Local parts the message is sent to (at remote.test, or at LOCAL_DOMAIN for 'local'). */
  to: string[];
  /** The remote answers 4xx until the MTA gives up: the recorder runs the queue past the retry period. */
  untilGiveUp?: boolean;
  /** Record the delay warning instead of the final notice. */
  delayWarning?: boolean;
  kind: 'bounce' | 'delay';
  expected: ExpectedRecipient[];
}

/** The MTA's own domain in its own cases ('local'): it delivers there itself. */
export const LOCAL_DOMAIN = 'local.test';

/** 25 recipients at one host (r01 ... r25). */
const MANY = Array.from({ length: 25 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);

const reply = (code: number, ...lines: string[]) => ({ code, text: lines.join('\n') });

export const SCENARIOS: Scenario[] = [
  {
    id: 'rcpt-user-unknown',
    title: 'an unknown mailbox refused at RCPT is userunknown, hard',
    source: 'Postfix smtpd_check.c, reject_unlisted_recipient',
    remote: {
      refuse: {
        rcpt: reply(550, '5.1.1 <nobody@remote.test>: Recipient address rejected: User unknown in virtual mailbox table'),
      },
    },
    to: ['nobody'],
    kind: 'bounce',
    expected: [{ localPart: 'nobody', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-user-unknown-multiline',
    title: "Gmail's multi-line no-such-user reply is userunknown, hard",
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.1.1 The email account that you tried to reach does not exist. Please try',
          "5.1.1 double-checking the recipient's email address for typos or",
          '5.1.1 unnecessary spaces. For more information, go to',
          '5.1.1  https://support.google.com/mail/?p=NoSuchUser',
        ),
      },
    },
    to: ['gone'],
    kind: 'bounce',
    expected: [{ localPart: 'gone', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-disabled',
    title: 'a disabled account is suspend, soft',
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.2.1 The email account that you tried to reach is disabled.',
          '5.2.1  https://support.google.com/mail/?p=DisabledUser',
        ),
      },
    },
    to: ['closed'],
    kind: 'bounce',
    expected: [{ localPart: 'closed', reason: 'suspend', hard: false, status: '5.2.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-relay-denied',
    title: 'a refused relay is norelaying, soft',
    source: 'Postfix smtpd_check.c, reject_unauth_destination',
    remote: { refuse: { rcpt: reply(554, '5.7.1 <someone@remote.test>: Relay access denied') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'norelaying', hard: false, status: '5.7.1', replyCode: '554' }],
  },
  {
    id: 'rcpt-two-reasons',
    title: 'two recipients refused for different reasons each keep their own',
    source: 'Postfix smtpd_check.c (unknown user); Dovecot LMTP quota reply (src/lmtp)',
    remote: {
      rcptByLocalPart: {
        nobody: reply(550, '5.1.1 <nobody@remote.test>: Recipient address rejected: User unknown in local recipient table'),
        full: reply(552, '5.2.2 <full@remote.test> Quota exceeded (mailbox for user is full)'),
      },
    },
    to: ['nobody', 'full', 'fine'],
    kind: 'bounce',
    expected: [
      { localPart: 'nobody', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' },
      { localPart: 'full', reason: 'mailboxfull', hard: false, status: '5.2.2', replyCode: '552' },
    ],
  },
  {
    id: 'mail-sender-refused',
    title: 'a refusal of the sender at MAIL FROM is rejected, never a recipient reason',
    source: 'Postfix smtpd_check.c, reject_sender_login_mismatch',
    remote: { refuse: { mail: reply(553, '5.7.1 <sender@sender.test>: Sender address rejected: not owned by user sender') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'rejected', hard: false, status: '5.7.1', replyCode: '553' }],
  },
  {
    id: 'connect-blocklisted',
    title: 'a block-list refusal in the greeting is blocked, soft',
    source: "Postfix postscreen.c, postscreen's DNSBL reply",
    remote: {
      refuse: { connect: reply(554, '5.7.1 Service unavailable; client [127.0.0.1] blocked using zen.spamhaus.org') },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'blocked', hard: false, status: '5.7.1', replyCode: '554' }],
  },
  {
    id: 'data-spam',
    title: "Gmail's unsolicited-mail refusal after the data is spamdetected, soft",
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        'end-of-data': reply(
          550,
          '5.7.1 [127.0.0.1] Our system has detected that this message is likely',
          '5.7.1 unsolicited mail. To reduce the amount of spam sent to Gmail, this',
          '5.7.1 message has been blocked. For more information, go to',
          '5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'spamdetected', hard: false, status: '5.7.1', replyCode: '550' }],
  },
  {
    id: 'data-virus',
    title: "amavisd-new's infected-message refusal is virusdetected, soft",
    source: 'amavisd-new, its reject reply for a virus (amavisd, "INFECTED")',
    remote: { refuse: { 'end-of-data': reply(554, '5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Test-Signature') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'virusdetected', hard: false, status: '5.7.0', replyCode: '554' }],
  },
  {
    id: 'data-too-big',
    title: 'a message over the size limit is mesgtoobig, soft',
    source: 'Postfix smtpd.c, the reply when the message exceeds message_size_limit',
    remote: { refuse: { 'end-of-data': reply(552, '5.3.4 Message size exceeds fixed limit') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'mesgtoobig', hard: false, status: '5.3.4', replyCode: '552' }],
  },
  {
    id: 'data-dmarc',
    title: "Gmail's DMARC refusal is authfailure, soft",
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        'end-of-data': reply(
          550,
          "5.7.26 Unauthenticated email from sender.test is not accepted due to domain's",
          '5.7.26 DMARC policy. Please contact the administrator of sender.test domain if',
          '5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go to',
          '5.7.26  https://support.google.com/mail/?p=DmarcRejection',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'authfailure', hard: false, status: '5.7.26', replyCode: '550' }],
  },
  {
    id: 'rcpt-full-until-expiry',
    title: 'a full mailbox refused 4xx until the MTA gives up stays mailboxfull, soft',
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        rcpt: reply(
          452,
          '4.2.2 The email account that you tried to reach is over quota. Please direct',
          '4.2.2 the recipient to',
          '4.2.2  https://support.google.com/mail/?p=OverQuotaTemp',
        ),
      },
    },
    to: ['full'],
    untilGiveUp: true,
    kind: 'bounce',
    expected: [{ localPart: 'full', reason: 'mailboxfull', hard: false, status: '4.2.2', replyCode: '452' }],
  },
  {
    id: 'rcpt-greylisted-until-expiry',
    title: 'greylisting until the MTA gives up is expired, soft',
    source: 'postgrey, its default reject reply (postgrey --greylist-text)',
    remote: {
      refuse: {
        rcpt: reply(
          450,
          '4.2.0 <later@remote.test>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/remote.test.html',
        ),
      },
    },
    to: ['later'],
    untilGiveUp: true,
    kind: 'bounce',
    expected: [{ localPart: 'later', reason: 'expired', hard: false }],
  },
  {
    id: 'connection-refused-until-expiry',
    title: 'a host refusing connections until the MTA gives up is expired, soft',
    source: "the MTA's own words (nothing listens on the remote's port)",
    remote: 'no-listener',
    to: ['someone'],
    untilGiveUp: true,
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'expired', hard: false }],
  },
  {
    id: 'greeting-timeout-until-expiry',
    title: 'a host that never greets until the MTA gives up is expired, soft',
    source: "the MTA's own words (the remote accepts the connection and says nothing)",
    remote: { silent: true },
    to: ['someone'],
    untilGiveUp: true,
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'expired', hard: false }],
  },
  {
    id: 'rcpt-deferred-warning',
    title: "a delay warning for a deferred recipient is a delay with the reply's reason, never hard",
    source: 'Postfix smtpd_check.c, its temporary refusal when a lookup failed (defer_if_permit)',
    remote: {
      refuse: { rcpt: reply(450, '4.7.1 <slow@remote.test>: Recipient address rejected: Service is unavailable') },
    },
    to: ['slow'],
    delayWarning: true,
    kind: 'delay',
    expected: [{ localPart: 'slow', reason: 'systemerror', hard: false, status: '4.7.1', replyCode: '450' }],
  },
  {
    id: 'rcpt-mailbox-unavailable',
    title: "RFC 5321's own 550 text without an enhanced code is userunknown, hard",
    source: 'RFC 5321 4.2.3, the reply text of 550 ("Requested action not taken: mailbox unavailable")',
    remote: { refuse: { rcpt: reply(550, 'Requested action not taken: mailbox unavailable') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, replyCode: '550' }],
  },
  {
    id: 'rcpt-sender-verify-failed',
    title: "Exim's multi-line sender verification refusal at RCPT is rejected, not the recipient's fault",
    source: 'Exim, verify = sender in an ACL (its "Sender verify failed" reply, spec chapter "Address verification")',
    remote: {
      refuse: {
        rcpt: reply(550, 'Verification failed for <sender@sender.test>', 'Unrouteable address', 'Sender verify failed'),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'rejected', hard: false, replyCode: '550' }],
  },
  {
    id: 'rcpt-directory-access-denied',
    title: "Exchange Online's directory-based refusal 5.4.1 is userunknown, hard",
    source: 'Microsoft Learn, "Email non-delivery reports and SMTP errors in Exchange Online" (5.4.1)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.4.1 Recipient address rejected: Access denied. For more information see https://aka.ms/EXOSmtpErrors [SN1NAM02FT012.eop-nam02.prod.protection.outlook.com 2026-12-01T09:00:00.000Z 08DD0A1B2C3D4E5F]',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.4.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-resolver-not-found',
    title: "Exchange's RESOLVER.ADR.RecipientNotFound (5.1.10) is userunknown, hard",
    source: 'Microsoft Learn, "Fix NDR error code 5.1.10 in Exchange Online"',
    remote: {
      refuse: {
        rcpt: reply(550, '5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.1.10', replyCode: '550' }],
  },
  {
    id: 'rcpt-ip-banned-long-line',
    title: "Exchange Online's one-line 5.7.708 IP ban (longer than a notice's line) is blocked, soft",
    source: 'Microsoft Learn, "Email non-delivery reports and SMTP errors in Exchange Online" (5.7.708)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [BN8NAM11FT034.eop-nam11.prod.protection.outlook.com 2026-12-01T09:00:00.000Z 08DD0A1B2C3D4E60]',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'blocked', hard: false, status: '5.7.708', replyCode: '550' }],
  },
  {
    id: 'rcpt-qmail-not-in-rcpthosts',
    title: "qmail's rcpthosts refusal with its code in parentheses is norelaying, soft",
    source: 'qmail-smtpd.c, err_nogateway ("553 sorry, that domain isn\'t in my list of allowed rcpthosts (#5.7.1)")',
    remote: { refuse: { rcpt: reply(553, "sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)") } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'norelaying', hard: false, status: '5.7.1', replyCode: '553' }],
  },
  {
    id: 'size-announced-too-small',
    title: 'a message over the size the server announced is refused by the MTA itself: mesgtoobig, soft',
    source: "RFC 1870 SIZE (the remote announces 100 bytes); the MTA's own words",
    remote: { ehloKeywords: ['SIZE 100', '8BITMIME', 'ENHANCEDSTATUSCODES'] },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'mesgtoobig', hard: false }],
  },
  {
    id: 'hang-up-at-rcpt-until-expiry',
    title: 'a connection lost at RCPT until the MTA gives up is expired, soft',
    source: "the MTA's own words (the remote closes the connection when RCPT TO arrives)",
    remote: { hangUpAt: 'rcpt' },
    to: ['someone'],
    untilGiveUp: true,
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'expired', hard: false }],
  },
  {
    id: 'rcpt-yahoo-no-account',
    title: "Yahoo's no-account reply (one long line, wrapped by the MTA) is userunknown, hard",
    source: 'Yahoo Sender Hub, SMTP error codes ("554 delivery error: dd This user doesn\'t have a yahoo.com account")',
    remote: {
      refuse: {
        rcpt: reply(
          554,
          "delivery error: dd This user doesn't have a yahoo.com account (someone@remote.test) [0] - mta1021.mail.gq1.yahoo.com",
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, replyCode: '554' }],
  },
  {
    id: 'rcpt-mimecast-invalid',
    title: "Mimecast's directory refusal is userunknown, hard",
    source: 'Mimecast, SMTP error codes (community.mimecast.com/docs/DOC-1369, "550 Invalid Recipient")',
    remote: {
      refuse: {
        rcpt: reply(550, 'Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 [Xq3bM9kTPeGs4zN1yRZpWw.us123]'),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, replyCode: '550' }],
  },
  {
    id: 'rcpt-outlook-blocklist',
    title: "Outlook.com's network block list (S3150) is blocked, soft",
    source: 'Outlook.com postmaster, "SMTP error codes" (S3150: part of the sending network is on the block list)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          "5.7.1 Unfortunately, messages from [127.0.0.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [AM4PEPF00012345.eurprd04.prod.outlook.com 2026-12-01T09:00:00.000Z 08DD0A1B2C3D4E61]",
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'blocked', hard: false, status: '5.7.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-mailru-no-mailbox',
    title: "Mail.ru's unknown-mailbox reply is userunknown, hard",
    source: 'Mail.ru Help, delivery errors ("Local mailbox ... is unavailable: user not found")',
    remote: {
      refuse: {
        rcpt: reply(550, 'Message was not accepted -- invalid mailbox.  Local mailbox someone@remote.test is unavailable: user not found'),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, replyCode: '550' }],
  },
  {
    id: 'rcpt-address-forms',
    title: 'recipients with a tag, capitals and a quoted local part are each found as written',
    source: 'Postfix smtpd_check.c, reject_unlisted_recipient (the addresses are RFC 5321 forms)',
    remote: {
      refuse: { rcpt: reply(550, '5.1.1 Recipient address rejected: User unknown in virtual mailbox table') },
    },
    to: ['First.Last+invoices', '"first last"'],
    kind: 'bounce',
    expected: [
      { localPart: 'First.Last+invoices', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' },
      { localPart: '"first last"', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' },
    ],
  },
  {
    id: 'rcpt-utf8-address',
    title: 'an internationalised address (SMTPUTF8) is found as written',
    source: 'RFC 6531 SMTPUTF8 (the remote announces it); Postfix smtpd_check.c, reject_unlisted_recipient',
    remote: {
      ehloKeywords: ['8BITMIME', 'ENHANCEDSTATUSCODES', 'SMTPUTF8'],
      refuse: { rcpt: reply(550, '5.1.1 Recipient address rejected: User unknown in virtual mailbox table') },
    },
    to: ['jürgen.müller'],
    kind: 'bounce',
    expected: [{ localPart: 'jürgen.müller', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-many-unknown',
    title: 'every one of 25 recipients refused at one host is found, each hard',
    source: 'Postfix smtpd_check.c, reject_unlisted_recipient',
    remote: {
      refuse: { rcpt: reply(550, '5.1.1 Recipient address rejected: User unknown in virtual mailbox table') },
    },
    to: MANY,
    kind: 'bounce',
    expected: MANY.map((localPart) => ({ localPart, reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' })),
  },
  {
    id: 'rcpt-failed-beside-deferred',
    title: 'a notice about one refused recipient does not name the one still being tried',
    source: 'Postfix smtpd_check.c (an unknown user; a temporary refusal, defer_if_permit)',
    remote: {
      rcptByLocalPart: {
        gone: reply(550, '5.1.1 <gone@remote.test>: Recipient address rejected: User unknown in virtual mailbox table'),
        later: reply(450, '4.7.1 <later@remote.test>: Recipient address rejected: Service is unavailable'),
      },
    },
    to: ['gone', 'later'],
    kind: 'bounce',
    expected: [{ localPart: 'gone', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  }, // Providers' own refusals, immediate failures (at RCPT, at the greeting or after the data),
  // in the wordings each provider publishes. The expected verdicts are the taxonomy's
  // (src/core/rules/README.md) read with the provider's own account of the reply.
  {
    id: 'rcpt-outlook-mailbox-unavailable',
    title: "Outlook.com's 550 5.5.0 mailbox unavailable (its no-such-mailbox reply) is userunknown, hard",
    source:
      'Outlook.com (Microsoft consumer mail), its reply for an address with no mailbox, "550 5.5.0 Requested action not taken: ' +
      'mailbox unavailable (S2017062302)" (spamresource.com, "Microsoft: Multiple types of invalid user bounces", 2023)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [AM4PEPF00012346.eurprd04.prod.outlook.com 2026-12-01T09:00:00.000Z 08DD0A1B2C3D4E62]',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.5.0', replyCode: '550' }],
  },
  {
    id: 'data-exchange-mailbox-full',
    title: "Exchange Online's 554 5.2.2 mailbox full after the data is mailboxfull, soft",
    source: 'Microsoft Learn, "Fix NDR error code 5.2.2 in Exchange Online" (STOREDRV.Deliver.Exception:QuotaExceededException)',
    remote: {
      refuse: {
        'end-of-data': reply(
          554,
          '5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception with message Cannot open mailbox. [DB9PR04MB8123.eurprd04.prod.outlook.com 2026-12-01T09:00:00.000Z 08DD0A1B2C3D4E63]',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'mailboxfull', hard: false, status: '5.2.2', replyCode: '554' }],
  },
  {
    id: 'rcpt-exchange-banned-ip',
    title: "Exchange Online's 5.7.606 banned sending IP is blocked, soft",
    source: 'Microsoft Learn, "Email non-delivery reports and SMTP errors in Exchange Online" (5.7.606-5.7.649: banned sending IP)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.7.606 Access denied, banned sending IP [127.0.0.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430) [BN8NAM11FT035.eop-nam11.prod.protection.outlook.com 2026-12-01T09:00:00.000Z 08DD0A1B2C3D4E64]',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'blocked', hard: false, status: '5.7.606', replyCode: '550' }],
  },
  {
    id: 'connect-yahoo-bl21',
    title: "Yahoo's [BL21] refusal of a Spamhaus-listed host in the greeting is blocked, soft",
    source:
      'Yahoo Sender Hub, SMTP error codes ("553 5.7.1 [BL21] Connections will not be accepted from ..., because the ip is in Spamhaus\'s list")',
    remote: {
      refuse: {
        connect: reply(
          553,
          "5.7.1 [BL21] Connections will not be accepted from 127.0.0.1, because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes",
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'blocked', hard: false, status: '5.7.1', replyCode: '553' }],
  },
  {
    id: 'rcpt-gmail-inbox-full',
    title: "Gmail's multi-line 552-5.2.2 inbox out of storage space is mailboxfull, soft",
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730, 552 5.2.2 OverQuotaPerm)',
    remote: {
      refuse: {
        rcpt: reply(
          552,
          "5.2.2 The recipient's inbox is out of storage space and inactive. Please",
          '5.2.2 direct the recipient to',
          '5.2.2  https://support.google.com/mail/?p=OverQuotaPerm 4fb4d7f45d1cf-5a1b2c3d4e5si123456a12.99 - gsmtp',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'mailboxfull', hard: false, status: '5.2.2', replyCode: '552' }],
  },
  {
    id: 'data-gmail-unauthenticated',
    title: "Gmail's 2024 multi-line 5.7.26 refusal of an unauthenticated sender is authfailure, soft",
    source:
      'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730, 550 5.7.26 "sender is unauthenticated")',
    remote: {
      refuse: {
        'end-of-data': reply(
          550,
          '5.7.26 This mail has been blocked because the sender is unauthenticated.',
          '5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.',
          '5.7.26',
          '5.7.26  Authentication results:',
          '5.7.26  DKIM = did not pass',
          '5.7.26  SPF [sender.test] with ip: [127.0.0.1] = did not pass',
          '5.7.26',
          '5.7.26  For instructions on setting up authentication, go to',
          '5.7.26  https://support.google.com/mail/answer/81126#authentication 4fb4d7f45d1cf-5a1b2c3d4e6si123456a12.99 - gsmtp',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'authfailure', hard: false, status: '5.7.26', replyCode: '550' }],
  },
  {
    id: 'data-gmail-no-ptr',
    title: "Gmail's multi-line 5.7.25 refusal of a host without a PTR record is requireptr, soft",
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730, 550 5.7.25)',
    remote: {
      refuse: {
        'end-of-data': reply(
          550,
          '5.7.25 [127.0.0.1] The IP address sending this message does not have a',
          '5.7.25 PTR record setup, or the corresponding forward DNS entry does not',
          '5.7.25 point to the sending IP. As a policy, Gmail does not accept messages',
          '5.7.25 from IPs with missing PTR records. For more information, go to',
          '5.7.25  https://support.google.com/mail/answer/81126#ip-rdns 4fb4d7f45d1cf-5a1b2c3d4e7si123456a12.99 - gsmtp',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'requireptr', hard: false, status: '5.7.25', replyCode: '550' }],
  },
  {
    id: 'rcpt-icloud-no-user',
    title: "iCloud's 'user does not exist' is userunknown, hard",
    source: 'Apple iCloud Mail, its reply for an unknown address as the SMTP reply collection smtp.codes lists it (smtp.codes/icloud)',
    remote: { refuse: { rcpt: reply(550, '5.1.1 <someone@remote.test>: user does not exist') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-zoho-no-user',
    title: "Zoho's 'User does not exist - <address>' is userunknown, hard",
    source: 'Zoho Mail, its reply for an unknown address as the SMTP reply collection smtp.codes lists it (smtp.codes/zoho)',
    remote: { refuse: { rcpt: reply(550, '5.1.1 User does not exist - someone@remote.test') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-godaddy-not-found',
    title: "GoDaddy's 'Recipient not found. <http://x.co/irbounce>' is userunknown, hard",
    source: 'GoDaddy (secureserver.net) mail, "Fix rejected email with a bounce error" (godaddy.com/help/40685; x.co/irbounce)',
    remote: { refuse: { rcpt: reply(550, '5.1.1 <someone@remote.test> Recipient not found.  <http://x.co/irbounce>') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-qq-not-found',
    title: "Tencent QQ Mail's 'Mailbox not found.' with its help link is userunknown, hard",
    source:
      'Tencent Exmail/QQ Mail help, delivery errors (service.exmail.qq.com help id 20022, no=1000728: "This recipient does not exist")',
    remote: {
      refuse: {
        rcpt: reply(550, 'Mailbox not found. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728'),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, replyCode: '550' }],
  },
  {
    id: 'rcpt-mailru-disabled',
    title: "Mail.ru's 'invalid mailbox ... account is disabled' is suspend, soft",
    source: 'Mail.ru Help, delivery errors ("Local mailbox ... is unavailable: account is disabled")',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          'Message was not accepted -- invalid mailbox.  Local mailbox someone@remote.test is unavailable: account is disabled',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'suspend', hard: false, replyCode: '550' }],
  },
  {
    id: 'rcpt-yandex-no-such-user',
    title: "Yandex's '550 5.7.1 No such user!' is userunknown, hard, whatever its 5.7.1",
    source: 'Yandex Mail Help, bounce messages ("No such user": the address does not exist; yandex.com/support/mail/bounces/yandex.html)',
    remote: { refuse: { rcpt: reply(550, '5.7.1 No such user!') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.7.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-comcast-not-our-customer',
    title: "Comcast's 'Not our Customer' is userunknown, hard",
    source: 'Comcast (Xfinity) postmaster, mail error codes ("550 5.1.1 ... Not our Customer": no such Comcast address)',
    remote: { refuse: { rcpt: reply(550, '5.1.1 <someone@remote.test> Not our Customer') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'connect-cox-ip-blocked',
    title: "Cox's AUP#CXBL refusal of the sending host in the greeting is blocked, soft",
    source: 'Cox postmaster, Error Codes (postmaster.cox.net; CXBL: "The sending IP address has been blocked by Cox")',
    remote: {
      refuse: {
        connect: reply(
          554,
          'cmsmtp 127.0.0.1 blocked. Refer to Error Codes section at https://www.cox.com/internet/support/email-error-codes.html for more information. AUP#CXBL',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'blocked', hard: false, replyCode: '554' }],
  },
  {
    id: 'rcpt-orange-invalid',
    title: "Orange's bilingual 'Invalid recipient. OFR_416' is userunknown, hard",
    source: 'Orange postmaster SMTP error codes (OFR_416, "Adresse d au moins un destinataire invalide. Invalid recipient.")',
    remote: { refuse: { rcpt: reply(550, '5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-orange-overquota',
    title: "Orange's 'Recipient overquota. OFR_417' is mailboxfull, soft, whatever its 5.1.1",
    source: 'Orange postmaster SMTP error codes (OFR_417, "Boite du destinataire pleine. Recipient overquota.")',
    remote: { refuse: { rcpt: reply(552, '5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'mailboxfull', hard: false, status: '5.1.1', replyCode: '552' }],
  },
  {
    id: 'data-messagelabs-spoofing',
    title: "Symantec Email Security.cloud's header Anti-Spoofing refusal is policyviolation, soft",
    source: 'Broadcom knowledge base, Email Security.cloud "Rejected by header based Anti-Spoofing policy" (553)',
    remote: { refuse: { 'end-of-data': reply(553, 'Rejected by header based Anti-Spoofing policy: sender@sender.test') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'policyviolation', hard: false, replyCode: '553' }],
  },
  {
    id: 'rcpt-mimecast-user-block',
    title: "Mimecast's 'Envelope blocked - User Entry' (the recipient's own block) is filtered, soft",
    source: 'Mimecast SMTP Error Codes (550 "Envelope blocked - User Entry": the recipient blocked the sender)',
    remote: {
      refuse: {
        rcpt: reply(550, 'Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550 [Yq4cN0lUQfHt5aO2zSaQxX.us124]'),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'filtered', hard: false, replyCode: '550' }],
  },
  {
    id: 'data-barracuda-blocked',
    title: "Barracuda's 'permanent failure for one or more recipients (<address>:blocked)' is filtered, soft",
    source:
      'Barracuda Email Security Gateway / Email Protection, its reply after the data when its filters block the message ' +
      '(the recipient\'s result in parentheses, "blocked" as its message log names the action)',
    remote: { refuse: { 'end-of-data': reply(550, 'permanent failure for one or more recipients (someone@remote.test:blocked)') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'filtered', hard: false, replyCode: '550' }],
  },
  {
    id: 'rcpt-proofpoint-blocked',
    title: "Proofpoint's 'Blocked - see ipcheck.proofpoint.com' is blocked, soft",
    source: 'Proofpoint, IP reputation refusals and its IP check page (ipcheck.proofpoint.com: "554 5.7.0 Blocked - see ...")',
    remote: { refuse: { rcpt: reply(554, '5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=127.0.0.1') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'blocked', hard: false, status: '5.7.0', replyCode: '554' }],
  },
  // Providers' temporary refusals: the delay warning, written at once, not the notice after
  // the retry period (which takes long to record).
  {
    id: 'rcpt-gmail-too-many-recipients-warning',
    title: "a delay warning for Gmail's multi-line 452-4.5.3 too many recipients is a delay, toomanyconn, never hard",
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730, 452 4.5.3 TooManyRecipientsError)',
    remote: {
      refuse: {
        rcpt: reply(
          452,
          '4.5.3 Your message has too many recipients. For more information regarding',
          "4.5.3 Google's sending limits, go to",
          '4.5.3  https://support.google.com/mail/?p=TooManyRecipientsError 4fb4d7f45d1cf-5a1b2c3d4e8si123456a12.99 - gsmtp',
        ),
      },
    },
    to: ['someone'],
    delayWarning: true,
    kind: 'delay',
    expected: [{ localPart: 'someone', reason: 'toomanyconn', hard: false, status: '4.5.3', replyCode: '452' }],
  },
  {
    id: 'connect-yahoo-tss04-warning',
    title: "a delay warning for Yahoo's [TSS04] deferral in the greeting is a delay, badreputation, never hard",
    source:
      'Yahoo Sender Hub, SMTP error codes ("421 4.7.0 [TSS04] Messages from ... temporarily deferred due to unexpected ' +
      'volume or user complaints")',
    remote: {
      refuse: {
        connect: reply(
          421,
          '4.7.0 [TSS04] Messages from 127.0.0.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
        ),
      },
    },
    to: ['someone'],
    delayWarning: true,
    kind: 'delay',
    expected: [{ localPart: 'someone', reason: 'badreputation', hard: false, status: '4.7.0', replyCode: '421' }],
  },
  {
    id: 'rcpt-exchange-access-denied-as',
    title: "Exchange Online's 5.4.1 'Access denied. AS(201806281)' (no such recipient in its directory) is userunknown, hard",
    source:
      'Microsoft Learn, "Fix NDR error 550 5.4.1 in Exchange Online" ("550 5.4.1 Recipient address rejected: Access denied. AS(201806281)")',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.4.1 Recipient address rejected: Access denied. AS(201806281) [DM6NAM10FT012.eop-nam10.prod.protection.outlook.com 2026-12-01T09:00:00.000Z 08DD0A1B2C3D4E65]',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'userunknown', hard: true, status: '5.4.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-exchange-spamhaus',
    title: "Exchange Online's 5.7.1 refusal of a host on Spamhaus (AS(1450)) is blocked, soft",
    source:
      'Microsoft Learn, "Email non-delivery reports and SMTP errors in Exchange Online" (5.7.1, a sending IP on a third-party block list)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.7.1 Service unavailable, Client host [127.0.0.1] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/127.0.0.1 AS(1450) [BN8NAM11FT036.eop-nam11.prod.protection.outlook.com 2026-12-01T09:00:00.000Z 08DD0A1B2C3D4E66]',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'blocked', hard: false, status: '5.7.1', replyCode: '550' }],
  },
  {
    id: 'data-gmail-domain-policy',
    title: "Gmail's multi-line 5.7.1 'has a policy that prohibited the mail' is policyviolation, soft",
    source:
      'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730, 550 5.7.1 policy that prohibited the mail)',
    remote: {
      refuse: {
        'end-of-data': reply(
          550,
          '5.7.1 The user or domain that you are sending to (or from) has a policy that',
          '5.7.1 prohibited the mail that you sent. Please contact your domain',
          '5.7.1 administrator for further details. For more information, go to',
          '5.7.1  https://support.google.com/a/answer/172179 4fb4d7f45d1cf-5a1b2c3d4e9si123456a12.99 - gsmtp',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'policyviolation', hard: false, status: '5.7.1', replyCode: '550' }],
  },
  {
    id: 'data-yahoo-policy',
    title: "Yahoo's 554 5.7.9 'Message not accepted for policy reasons' is policyviolation, soft",
    source: 'Yahoo Sender Hub, SMTP error codes ("554 5.7.9 Message not accepted for policy reasons")',
    remote: {
      refuse: {
        'end-of-data': reply(554, '5.7.9 Message not accepted for policy reasons.  See https://senders.yahooinc.com/error-codes'),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'policyviolation', hard: false, status: '5.7.9', replyCode: '554' }],
  },
  {
    id: 'rcpt-orange-account-blocked',
    title: "Orange's 'The recipient account isblocked. LPN007_426' is suspend, soft, whatever its 5.5.0",
    source: 'Orange postmaster SMTP error codes (LPN007_426, "Le compte du destinataire est bloque. The recipient account isblocked.")',
    remote: {
      refuse: { rcpt: reply(550, '5.5.0 Le compte du destinataire est bloque. The recipient account isblocked. LPN007_426') },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'suspend', hard: false, status: '5.5.0', replyCode: '550' }],
  },
];

/** Cases only one MTA has (its own local delivery failures), by recorder name; its recorder
 * arranges each 'local' failure. */
export const OWN_CASES: Record<string, Scenario[]> = {
  exim: [
    {
      id: 'local-over-quota',
      title: "appendfile's quota on a local mailbox is mailboxfull, soft, after the retry period too",
      source: "Exim's appendfile transport with quota set (its own words, recorded)",
      remote: 'local',
      to: ['full'],
      untilGiveUp: true,
      kind: 'bounce',
      expected: [{ localPart: 'full', reason: 'mailboxfull', hard: false }],
    },
  ],
  postfix: [
    {
      id: 'local-unknown-user',
      title: "local(8)'s unknown user is userunknown, hard",
      source: 'Postfix local(8), a recipient with no account (local_recipient_maps empty, so accepted first)',
      remote: 'local',
      // a name no Debian system account has (local(8) delivers to system accounts too)
      to: ['no-such-user'],
      kind: 'bounce',
      expected: [{ localPart: 'no-such-user', reason: 'userunknown', hard: true, status: '5.1.1' }],
    },
    {
      id: 'dovecot-lda-over-quota',
      title: "dovecot-lda's quota refusal told to Postfix's pipe(8) is mailboxfull, soft",
      source: 'Dovecot 2.3 dovecot-lda -e with the quota plugin, behind Postfix pipe(8) (their own words, recorded)',
      remote: 'local',
      to: ['full'],
      kind: 'bounce',
      expected: [{ localPart: 'full', reason: 'mailboxfull', hard: false }],
    },
    {
      id: 'dovecot-lda-rejection',
      title: "Dovecot's own rejection mail for a mailbox over quota is mailboxfull, soft",
      source: 'Dovecot 2.3 dovecot-lda without -e: the rejection it mails back (its own words, recorded)',
      remote: 'local',
      to: ['full'],
      kind: 'bounce',
      expected: [{ localPart: 'full', reason: 'mailboxfull', hard: false }],
    },
  ],
  courier: [
    {
      id: 'local-unknown-user',
      title: "Courier's local module's unknown user is userunknown, hard",
      source: 'Courier 1.0.16, a recipient at one of its locals with no account (its own words, recorded)',
      remote: 'local',
      to: ['no-such-user'],
      kind: 'bounce',
      expected: [{ localPart: 'no-such-user', reason: 'userunknown', hard: true }],
    },
    {
      id: 'local-over-quota',
      title: "Courier's maildir quota on a local mailbox is mailboxfull, soft, after the retry period too",
      source: "Courier 1.0.16's local module delivering to a maildir over its maildirsize quota (its own words, recorded)",
      remote: 'local',
      to: ['full'],
      untilGiveUp: true,
      kind: 'bounce',
      expected: [{ localPart: 'full', reason: 'mailboxfull', hard: false }],
    },
  ],
  sendmail: [
    {
      id: 'local-user-unknown',
      title: 'a local part with no account and no alias is userunknown, hard',
      source: "Sendmail's own words (sendmail/recipient.c, the local mailer's F=w check of the passwd entry)",
      remote: 'local',
      to: ['nosuchuser'],
      kind: 'bounce',
      expected: [{ localPart: 'nosuchuser', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
    },
    {
      id: 'local-program-missing',
      title: 'an alias piping to a program that is not there is mailererror, soft',
      source: 'Sendmail\'s own words (sendmail/deliver.c giveresponse, "unknown mailer error" for the shell\'s exit 127)',
      remote: 'local',
      to: ['helpdesk'],
      kind: 'bounce',
      expected: [{ localPart: 'helpdesk', reason: 'mailererror', hard: false }],
    },
    {
      id: 'local-include-missing',
      title: 'an alias to a list file that is not there is systemerror, soft',
      source: "Sendmail's own words (sendmail/recipient.c include(), a :include: file it cannot open)",
      remote: 'local',
      to: ['staff'],
      kind: 'bounce',
      expected: [{ localPart: 'staff', reason: 'systemerror', hard: false }],
    },
    {
      id: 'local-program-tempfail-until-expiry',
      title: 'an alias piping to a program that asks to be retried until Sendmail gives up is expired, soft',
      source: "Sendmail's own words (sendmail/deliver.c, a mailer's EX_TEMPFAIL; queue.c, the queue return)",
      remote: 'local',
      to: ['orders'],
      untilGiveUp: true,
      kind: 'bounce',
      expected: [{ localPart: 'orders', reason: 'expired', hard: false }],
    },
  ],
};

/** The addresses a case's message goes to. */
export const recipientsOf = (s: Scenario): string[] =>
  s.to.map((local) => `${local}@${s.remote === 'local' ? LOCAL_DOMAIN : 'remote.test'}`);

/** Where an MTA cannot write the notice a shared case expects, by recorder name and case id,
 * with why (what the MTA does instead): its notice is read against `expected` here, or, with
 * none, the case is not recorded for it at all. */
export interface MtaDifference {
  why: string;
  expected?: ExpectedRecipient[];
  /** What the MTA's notice says it is, when not the case's kind (a final notice written as a delay). */
  kind?: Scenario['kind'];
}

/** Cases whose answer this MTA's text part alone does not hold (only its report part does),
 * by recorder name and case id, with why: read as written only. */
export const TEXT_PART_LACKS: Record<string, Record<string, string>> = {
  nullmailer: Object.fromEntries(
    SCENARIOS.map((s) => [
      s.id,
      'nullmailer-dsn (dsn.cc) writes in its text part only the recipients, under "could not be delivered" (or ' +
        '"has not been delivered" for a 4.x.x status); the status and the reply are in its delivery-status part alone',
    ]),
  ),
  sendmail: Object.fromEntries(
    ['local-program-missing', 'local-include-missing', 'local-program-tempfail-until-expiry'].map((id) => [
      id,
      'its text names the program or file the alias expanded to ("|/usr/local/bin/...", ":include:..."); ' +
        'the address is only in "(expanded from: ...)" and in the report part',
    ]),
  ),
};

export const MTA_DIFFERENCES: Record<string, Record<string, MtaDifference>> = {
  nullmailer: {
    'rcpt-two-reasons': {
      why:
        "nullmailer's smtp module (protocols/smtp.cc, send_envelope) ends the session at the first refused RCPT: " +
        'nullmailer-send then bounces the whole message, and nullmailer-dsn names every recipient with that one ' +
        'reply (recorded); the over-quota recipient was never tried and the third is refused too',
      expected: ['nobody', 'full', 'fine'].map((localPart) => ({
        localPart,
        reason: 'userunknown',
        hard: true,
        status: '5.1.1',
        replyCode: '550',
      })),
    },
    'rcpt-failed-beside-deferred': {
      why:
        'the first refused RCPT ends the session (protocols/smtp.cc), so the recipient that would have been ' +
        'deferred is bounced with the same 550 reply in the same notice (recorded)',
      expected: ['gone', 'later'].map((localPart) => ({
        localPart,
        reason: 'userunknown',
        hard: true,
        status: '5.1.1',
        replyCode: '550',
      })),
    },
    'rcpt-full-until-expiry': {
      why:
        'when the message outlives queuelifetime nullmailer-send (send.cc, bounce_msg) moves it to failed and runs ' +
        'nullmailer-dsn with the status in the last reply, 4.2.2; for a 4.x.x status nullmailer-dsn (dsn.cc) writes ' +
        'a delay notice ("has not been delivered", "Action: delayed"), and no other notice ever follows',
      expected: [{ localPart: 'full', reason: 'mailboxfull', hard: false, status: '4.2.2', replyCode: '452' }],
      kind: 'delay',
    },
    'rcpt-greylisted-until-expiry': {
      why:
        'as for the full mailbox: the last reply holds 4.2.0, so the one notice nullmailer writes when it gives up ' +
        'says "Action: delayed" (dsn.cc); its words are the greylisting reply, read as a delay',
      expected: [{ localPart: 'later', reason: 'expired', hard: false }],
      kind: 'delay',
    },
    'greeting-timeout-until-expiry': {
      why:
        'nullmailer-send kills the smtp module after sendtimeout (send.cc, catchsender: "Sending timed out"), ' +
        'so the notice it writes when it gives up has "Status: 5.0.0" and an empty "Diagnostic-Code: SMTP; ": no words to read',
      expected: [{ localPart: 'someone', reason: 'undefined', hard: false }],
    },
    'hang-up-at-rcpt-until-expiry': {
      why:
        'the smtp module reads no reply when the server hangs up and exits with a protocol error and an empty ' +
        'message (protocols/smtp.cc, docmd): the notice has "Status: 5.0.0" and an empty "Diagnostic-Code: SMTP; "',
      expected: [{ localPart: 'someone', reason: 'undefined', hard: false }],
    },
    'rcpt-deferred-warning': {
      why:
        'nullmailer-send (send.cc, send_all) writes no notice while it still tries: after a temporary failure ' +
        'it calls bounce_msg() only once the message is older than queuelifetime, and then moves it to failed',
    },
    ...Object.fromEntries(
      ['rcpt-gmail-too-many-recipients-warning', 'connect-yahoo-tss04-warning'].map((id) => [
        id,
        { why: 'nullmailer writes no delay warning (as for rcpt-deferred-warning)' },
      ]),
    ),
    'connect-cox-ip-blocked': {
      why:
        'nullmailer writes no notice: nullmailer-send takes the first "d.d.d" of the reply as its status ' +
        '(send.cc, parse_output), here "7.0.0" out of "127.0.0.1", and nullmailer-dsn refuses a status that is ' +
        'not 4.x.x or 5.x.x (dsn.cc: "Status must be in the format 4.#.# or 5.#.#", exit 111); the message stays ' +
        'in its failed/ folder and the sender is never told (recorded in its log)',
    },
  },
  haraka: {
    'rcpt-two-reasons': {
      why:
        'Haraka 3.3.4 moves the refused recipients to a queue file of their own (outbound/hmail.js, ' +
        'split_to_new_recipients) and their replies are lost on the way (the todo is written as JSON and read ' +
        "back by @haraka/email-address, which keeps only an address's own fields, REHYDRATE_KEYS): the notice " +
        'has no Status, no Diagnostic-Code and no reply in its text (recorded)',
      expected: [
        { localPart: 'nobody', reason: 'onhold', hard: false },
        { localPart: 'full', reason: 'onhold', hard: false },
      ],
    },
    'rcpt-failed-beside-deferred': {
      why:
        'as with two reasons: the refused recipient is split off from the deferred one (split_to_new_recipients) ' +
        'and its reply is lost; the notice says only "Some recipients failed: <gone@remote.test>" (recorded)',
      expected: [{ localPart: 'gone', reason: 'onhold', hard: false }],
    },
    'rcpt-deferred-warning': {
      why:
        'Haraka writes no delay warning: on a temporary failure temp_fail() (outbound/hmail.js) only queues the ' +
        'message for its next try (the deferred hook), and a notice is written only when it gives up (bounce())',
    },
    ...Object.fromEntries(
      ['rcpt-gmail-too-many-recipients-warning', 'connect-yahoo-tss04-warning'].map((id) => [
        id,
        { why: 'Haraka writes no delay warning (as for rcpt-deferred-warning)' },
      ]),
    ),
  },
  courier: {
    'rcpt-failed-beside-deferred': {
      why:
        'Courier writes one notice for a message once every recipient is done; with its queue time of 4 s here ' +
        'the recipient refused 4xx was given up by then and is a failure in the same notice (recorded)',
      expected: [
        { localPart: 'gone', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' },
        { localPart: 'later', reason: 'systemerror', hard: false, status: '4.7.1', replyCode: '450' },
      ],
    },
    'rcpt-utf8-address': {
      why:
        "not recorded: Courier 1.0.16's sendmail took the message with an internationalised address (exit 0) but " +
        'nothing reached its queue and no notice came within 15 s; the cause was not found',
    },
  },
  opensmtpd: {
    'connect-blocklisted': {
      why:
        'OpenSMTPD takes a refusal in the greeting for a route error (mta_session.c: "Disabling route ... for 15s", ' +
        'the envelope tempfails with "Network error on destination MXs") and keeps the message until its queue ' +
        'time to live runs out; its one notice then says only "Envelope expired" (queue.c), never the 554 reply',
      expected: [{ localPart: 'someone', reason: 'expired', hard: false }],
    },
    'rcpt-address-forms': {
      why:
        'OpenSMTPD 6.8 refuses a quoted local part with a blank when the message is handed to it ' +
        '("501 5.1.3 Recipient address syntax error", recorded): the message never reaches the remote',
    },
    'rcpt-utf8-address': {
      why:
        'OpenSMTPD 6.8 has no SMTPUTF8: it refuses the transaction that asks for it ("503 5.5.4 Invalid ' +
        'command arguments: Unsupported option SMTPUTF8", recorded), and an 8-bit address without it as a syntax error',
    },
    'rcpt-full-until-expiry': {
      why:
        'at the end of the queue time to live OpenSMTPD replaces the last reply with "Envelope expired" ' +
        '(queue.c, IMSG_SCHED_ENVELOPE_EXPIRE): its notice never carries the 452 4.2.2 over-quota reply',
      expected: [{ localPart: 'full', reason: 'expired', hard: false }],
    },
    ...Object.fromEntries(
      ['connect-yahoo-bl21', 'connect-cox-ip-blocked'].map((id) => [
        id,
        {
          why:
            'as with connect-blocklisted: OpenSMTPD takes a refusal in the greeting for a route error and keeps the ' +
            'message until its queue time to live runs out; its notice then says only "Envelope expired" (queue.c)',
          expected: [{ localPart: 'someone', reason: 'expired', hard: false }],
        },
      ]),
    ),
    'connect-yahoo-tss04-warning': {
      why:
        'OpenSMTPD takes a refusal in the greeting for a route error: its delay warning says only "Network error ' +
        'on destination MXs" (as in connect-blocklisted) with Status 4.0.0, never the 421 [TSS04] reply',
      expected: [{ localPart: 'someone', reason: 'networkerror', hard: false }],
    },
  },
  dma: {
    'rcpt-full-until-expiry': {
      why:
        'when dma gives up after five days (dma.c, deliver()) its notice says only "Could not deliver for the ' +
        'last 432000 seconds. Giving up.": the 452 4.2.2 over-quota reply is not in it',
      expected: [{ localPart: 'full', reason: 'expired', hard: false }],
    },
    'rcpt-two-reasons': {
      why:
        'dma delivers each recipient in a process of its own (dma.c, go_background) and bounce() (mail.c) writes ' +
        'one notice per failed recipient, "There was an error delivering your mail to <...>": no notice names two',
    },
    'greeting-timeout-until-expiry': {
      why:
        'dma 0.13 aborts when its five-minute read timeout runs out ("*** stack smashing detected ***", recorded): ' +
        'util.c do_timeout() calls sigsetjmp and returns, and the SIGALRM handler later siglongjmps into that ' +
        'dead frame; the message stays queued, every retry aborts alike, and no notice is ever written',
    },
    'rcpt-many-unknown': {
      why: 'dma writes one notice per failed recipient (mail.c, bounce()): no notice names 25',
    },
    'rcpt-address-forms': {
      why: 'dma writes one notice per failed recipient (mail.c, bounce()): no notice names both addresses',
    },
    'hang-up-at-rcpt-until-expiry': {
      why:
        'dma 0.13 aborts when the server closes the connection ("*** stack smashing detected ***", recorded), ' +
        'as with the greeting timeout: no notice is ever written',
    },
    'rcpt-failed-beside-deferred': {
      why:
        'not recorded: dma run in the foreground (-D) goes on retrying the deferred recipient for five days, ' +
        'and the recorder waits for it to end',
    },
    'rcpt-deferred-warning': {
      why:
        'dma writes no delay warning: on a temporary failure deliver() (dma.c) only sleeps and retries, and ' +
        'after five days writes its one notice',
    },
    ...Object.fromEntries(
      ['rcpt-gmail-too-many-recipients-warning', 'connect-yahoo-tss04-warning'].map((id) => [
        id,
        { why: 'dma writes no delay warning (as for rcpt-deferred-warning)' },
      ]),
    ),
  },
};

export const casesOf = (mta: string): Scenario[] =>
  [...SCENARIOS, ...(OWN_CASES[mta] ?? [])].flatMap((s) => {
    const differs = MTA_DIFFERENCES[mta]?.[s.id];
    if (!differs) return [s];
    const expected = differs.expected;
    if (!expected) return [];
    const kind = differs.kind ?? s.kind;
    // A delay is neither hard nor soft (the MTA says it is still trying).
    const reads = expected.map((e) => (kind === 'delay' ? e.reason : `${e.reason}, ${e.hard ? 'hard' : 'soft'}`)).join('; ');
    const says = kind === s.kind ? reads : `a ${kind}: ${reads}`;
    return [{ ...s, title: `${s.title}; this MTA's notice cannot say so, it reads ${says}`, expected, kind }];
  });

/** The shared cases an MTA cannot produce at all, with why. */
export const casesNotProduced = (mta: string): { scenario: Scenario; why: string }[] =>
  SCENARIOS.flatMap((s) => {
    const differs = MTA_DIFFERENCES[mta]?.[s.id];
    return differs && !differs.expected ? [{ scenario: s, why: differs.why }] : [];
  });
