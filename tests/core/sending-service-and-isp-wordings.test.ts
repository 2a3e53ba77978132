// Notices that sending services (ESPs) write or that reach a sender through them, and refusals
// North American internet providers publish, read whole: Amazon SES's own notice when it returns
// a bounce by email (its suppression lists: global, account-level, tenant-level), the SES event
// an SNS e-mail subscription delivers, and the notice a customer's own Postfix writes when the
// service it relays through refuses the message (SES, SendGrid, SparkPost, ZeptoMail, SMTP2GO,
// Emailit, SocketLabs), an internet provider's outgoing server does (Spectrum's Road Runner) or
// its incoming one (AT&T's BellSouth).
// Each wording is the service's or provider's own, from its documentation or help page, named
// above its case with the URL; none comes from a bounce collection. What a user sees is
// asserted: the kind, each failed address, the reason, hard or soft, the status and the reply
// code (a delay is neither hard nor soft: the MTA is still trying); the CRLF copy of each notice
// must read the same.
//
// Left out for want of a text the service itself publishes for a notice a sender receives:
// Mailgun's, Mandrill's, Brevo's, Mailjet's, Elastic Email's and Resend's drops and rejects
// (their texts are API or webhook fields, e.g. Mailgun's "Not delivering to previously bounced
// address", which reasons/suppressed.ts already reads), Postmark's inactive recipients (an API
// error; an SMTP send gets only a webhook, "SMTP API Error", postmarkapp.com/developer/webhooks/
// smtp-api-error), SendGrid's drop reason "Invalid" (one bare word). Providers whose own error
// pages could not be found: Rogers, Bell, Telus, Windstream, CenturyLink, Frontier, Telstra,
// Optus, iiNet, TPG, Spark, Rediffmail, HiNet, Sina and Sohu (their replies known only from
// third parties' write-ups are not used). Yahoo! JAPAN, Naver and Daum/Kakao are read in
// japanese-carrier-wordings.test.ts and isp-and-esp-wordings.test.ts; Spectrum's AUP codes in
// rules.test.ts and providers/spectrum.ts.
import { describe } from 'vitest';
import { amazonSesNotice } from './notice-builders.ts';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';
import { type RecipientVerdict, verdictCases } from './recipient-verdicts.ts';
import { snsMail } from './ses-mail.ts';

const A = 'a@example.net';
const B = 'b@example.net';

/** The returned message: its To names both recipients. */
const RETURNED = [
  'From: Sender <sender@example.com>',
  `To: ${A}, ${B}`,
  'Subject: hello',
  'Message-ID: <hello.1@example.com>',
  'Date: Tue, 01 Dec 2026 01:17:26 +0000',
  '',
  'hello',
  '',
];

/** One delivery-status group of SES's technical report. */
const sesGroup = (address: string, status: string, diagnostic: string) => [
  'Action: failed',
  `Final-Recipient: rfc822; ${address}`,
  `Diagnostic-Code: ${diagnostic}`,
  `Status: ${status}`,
];

/** A customer's Postfix that relays through `host`, failed (5xx) or still retrying (4xx). */
const relayed = (action: 'failed' | 'delayed', host: string, status: string, reply: string, command: string) =>
  postfixNotice(action, [postfixRemote(A, status, reply, command, host)]);

const bounce = (...recipients: RecipientVerdict[]) => ({ kind: 'bounce' as const, recipients });
const delay = (...recipients: RecipientVerdict[]) => ({ kind: 'delay' as const, recipients });

// SES's Developer Guide: the global suppression list ("Amazon SES global suppression list",
// docs.aws.amazon.com/ses/latest/dg/sending-email-global-suppression-list.html; the diagnostic as
// SES writes it, quoted in github.com/pypi/warehouse/issues/18501), the account-level list
// (docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html) and the tenant-level list
// (docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list-tenant-level.html, "Identifying
// tenant suppression bounces": Permanent/OnTenantSuppressionList, diagnostic code "Amazon SES did
// not send the message to this address because it is on the suppression list for your tenant.").
// The address is on SES's list: SES asked no server, so its 5.1.1 is not a mailbox lookup and
// the address is not known dead (Sisimai's reason `suppressed`, soft).
const GLOBAL =
  'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address. For more information about how to remove an address from the suppression list, see the Amazon SES Developer Guide: http://docs.aws.amazon.com/ses/latest/DeveloperGuide/remove-from-suppressionlist.html';
const ACCOUNT =
  'Amazon SES did not send the message to this address because it is on the suppression list for your account. For more information about removing addresses from the suppression list, see the Amazon SES Developer Guide at https://docs.aws.amazon.com/ses/latest/DeveloperGuide/sending-email-suppression-list.html';
const TENANT = 'Amazon SES did not send the message to this address because it is on the suppression list for your tenant.';

describe("Amazon SES's notices by email (email feedback forwarding) and by SNS", () => {
  verdictCases([
    {
      title: 'an address on the global suppression list is suppressed, not the unknown user its 5.1.1 would say',
      raw: () => amazonSesNotice([A], [sesGroup(A, '5.1.1', GLOBAL)], RETURNED),
      ...bounce([A, 'suppressed', 'soft', '5.1.1', '']),
    },
    {
      title: "an address on the account's suppression list is suppressed, never hard",
      raw: () => amazonSesNotice([A], [sesGroup(A, '5.1.1', ACCOUNT)], RETURNED),
      ...bounce([A, 'suppressed', 'soft', '5.1.1', '']),
    },
    {
      title: "an address on a tenant's suppression list is suppressed, never hard",
      raw: () => amazonSesNotice([A], [sesGroup(A, '5.1.1', TENANT)], RETURNED),
      ...bounce([A, 'suppressed', 'soft', '5.1.1', '']),
    },
    {
      // SES's notification-contents page, its example DSN: "smtp; 550 5.1.1 user unknown".
      title: "two recipients: the receiving server's unknown user is hard, the suppressed address beside it is not",
      raw: () =>
        amazonSesNotice(
          [A, B],
          [sesGroup(A, '5.1.1', `smtp; 550 5.1.1 <${A}>: Recipient address rejected: User unknown`), sesGroup(B, '5.1.1', ACCOUNT)],
          RETURNED,
        ),
      ...bounce([A, 'userunknown', 'hard', '5.1.1', '550'], [B, 'suppressed', 'soft', '5.1.1', '']),
    },
    {
      title: 'an SNS bounce of subtype OnTenantSuppressionList with its diagnostic is suppressed',
      raw: () =>
        snsMail({
          notificationType: 'Bounce',
          bounce: {
            bounceType: 'Permanent',
            bounceSubType: 'OnTenantSuppressionList',
            bouncedRecipients: [{ emailAddress: A, action: 'failed', status: '5.1.1', diagnosticCode: TENANT }],
            timestamp: '2026-12-01T10:00:01.000Z',
            feedbackId: '0100-ffff',
            reportingMTA: 'dns; amazonses.com',
          },
          mail: { timestamp: '2026-12-01T10:00:00.000Z', source: 'news@example.com', messageId: '0100018c-aaaa', destination: [A] },
        }),
      ...bounce([A, 'suppressed', 'soft', '5.1.1', '']),
    },
    {
      title: 'an SNS bounce of subtype OnTenantSuppressionList with no DSN is suppressed by its subtype',
      raw: () =>
        snsMail({
          notificationType: 'Bounce',
          bounce: {
            bounceType: 'Permanent',
            bounceSubType: 'OnTenantSuppressionList',
            bouncedRecipients: [{ emailAddress: A }],
            timestamp: '2026-12-01T10:00:01.000Z',
            feedbackId: '0100-ffff',
          },
          mail: { timestamp: '2026-12-01T10:00:00.000Z', source: 'news@example.com', messageId: '0100018c-aaaa', destination: [A] },
        }),
      ...bounce([A, 'suppressed', 'soft', '5.0.0', '']),
    },
  ]);
});

// SES's SMTP interface refusing its customer, as a relaying Postfix reports it: the account's
// sending paused ("554 Message rejected: Sending suspended for this account. For more information,
// please check the inbox of the email address associated with your AWS account.", SES's reply as
// CiviCRM's tests of its mailing jobs quote it) and the throttling replies of the SES Developer
// Guide's "Errors related to the sending quotas" (docs.aws.amazon.com/ses/latest/dg/).
const SES_SMTP = 'email-smtp.us-east-1.amazonaws.com[192.0.2.10]';
describe("Amazon SES's SMTP interface refusing its customer's message", () => {
  verdictCases([
    {
      title: "'Sending suspended for this account' refuses the sender's account, nothing is known of the recipient",
      raw: () =>
        relayed(
          'failed',
          SES_SMTP,
          '5.0.0',
          '554 Message rejected: Sending suspended for this account. For more information, please check the inbox of the email address associated with your AWS account.',
          'end of DATA command',
        ),
      ...bounce([A, 'rejected', 'soft', '5.0.0', '554']),
    },
    {
      // AWS Knowledge Center, repost.aws/knowledge-center/ses-554-400-message-rejected-error:
      // "554 Message rejected: Email address is not verified. The following identities failed
      // the check in region region: identity0, ...".
      title: "'Email address is not verified' is SES refusing to relay for an unverified identity, never a dead recipient",
      raw: () =>
        relayed(
          'failed',
          SES_SMTP,
          '5.0.0',
          '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: sender@example.com',
          'end of DATA command',
        ),
      ...bounce([A, 'norelaying', 'soft', '5.0.0', '554']),
    },
    {
      title: "'Throttling failure: Maximum sending rate exceeded' is the sender's rate, a delay",
      raw: () => relayed('delayed', SES_SMTP, '4.0.0', '454 Throttling failure: Maximum sending rate exceeded.', 'end of DATA command'),
      ...delay([A, 'speeding', 'none', '4.0.0', '454']),
    },
    {
      title: "'Throttling failure: Daily message quota exceeded' is the sender's quota, not a full mailbox",
      raw: () => relayed('delayed', SES_SMTP, '4.0.0', '454 Throttling failure: Daily message quota exceeded.', 'end of DATA command'),
      ...delay([A, 'speeding', 'none', '4.0.0', '454']),
    },
  ]);
});

// SendGrid's "SMTP Errors and Troubleshooting"
// (https://www.twilio.com/docs/sendgrid/for-developers/sending-email/smtp-errors-and-troubleshooting).
const SENDGRID = 'smtp.sendgrid.net[192.0.2.11]';
describe("SendGrid's SMTP relay refusing its customer's message", () => {
  verdictCases([
    {
      // "451 Authentication failed: Maximum credits exceeded": "There is a credit limit of
      // emails per day enforced".
      title:
        "'Authentication failed: Maximum credits exceeded' is the account's daily credit, not a failed authentication of the sender domain",
      raw: () => relayed('delayed', SENDGRID, '4.0.0', '451 Authentication failed: Maximum credits exceeded', 'MAIL FROM command'),
      ...delay([A, 'speeding', 'none', '4.0.0', '451']),
    },
    {
      title: "'Too many recipients received this hour (throttled)' is the sender's rate",
      raw: () => relayed('delayed', SENDGRID, '4.0.0', '452 Too many recipients received this hour (throttled)', 'RCPT TO command'),
      ...delay([A, 'speeding', 'none', '4.0.0', '452']),
    },
  ]);
});

// SparkPost's suppression refusal as its SMTP injection answered it before suppressions became
// asynchronous ("Preparing For Asynchronous Suppressions", support.sparkpost.com; its support page
// "554 5.7.1 — Recipient address was suppressed due to customer policy", github.com/SparkPost/
// support-docs, recipient-address-was-suppressed-due-to-customer-policy.md; bounce class 25).
const SPARKPOST = 'smtp.sparkpostmail.com[192.0.2.12]';
describe("SparkPost's suppression refusals", () => {
  verdictCases([
    {
      title: "'recipient address was suppressed due to customer policy' is the customer's suppression list, not a security refusal",
      raw: () =>
        relayed(
          'failed',
          SPARKPOST,
          '5.7.1',
          '554 5.7.1 [internal] recipient address was suppressed due to customer policy',
          'RCPT TO command',
        ),
      ...bounce([A, 'suppressed', 'soft', '5.7.1', '554']),
    },
    {
      title: "'... suppressed due to system policy' is SparkPost's own suppression list",
      raw: () =>
        relayed(
          'failed',
          SPARKPOST,
          '5.7.1',
          '554 5.7.1 [internal] recipient address was suppressed due to system policy',
          'RCPT TO command',
        ),
      ...bounce([A, 'suppressed', 'soft', '5.7.1', '554']),
    },
  ]);
});

// ZeptoMail's SMTP error codes (https://www.zoho.com/zeptomail/help/api/smtp-error-codes.html).
const ZEPTOMAIL = 'smtp.zeptomail.com[192.0.2.13]';
describe("ZeptoMail's SMTP relay refusing its customer's message", () => {
  verdictCases([
    {
      // "Relaying disallowed as <emailaddress>": "Sending email from Invalid 'from' address domain."
      title: "'Relaying disallowed as <sender>' refuses the sender's domain",
      raw: () => relayed('failed', ZEPTOMAIL, '5.0.0', '553 Relaying disallowed as sender@example.com', 'MAIL FROM command'),
      ...bounce([A, 'rejected', 'soft', '5.0.0', '553']),
    },
    {
      title: "'Must issue a STARTTLS command first.' is a session without TLS",
      raw: () => relayed('failed', ZEPTOMAIL, '5.0.0', '530 Must issue a STARTTLS command first.', 'MAIL FROM command'),
      ...bounce([A, 'failedstarttls', 'soft', '5.0.0', '530']),
    },
    {
      title: "'virus ... detected by Zoho Mail' is a virus in the message",
      raw: () => relayed('failed', ZEPTOMAIL, '5.7.1', '552 5.7.1 virus Win.Test.EICAR_HDB-1 detected by Zoho Mail', 'end of DATA command'),
      ...bounce([A, 'virusdetected', 'soft', '5.7.1', '552']),
    },
  ]);
});

// SMTP2GO's "Common Sending Errors" (https://support.smtp2go.com/hc/en-gb/articles/13990494697369).
const SMTP2GO = 'mail.smtp2go.com[192.0.2.14]';
describe("SMTP2GO's relay refusing its customer's message", () => {
  verdictCases([
    {
      // "you are trying to send from an email address at an unverified domain or an unverified
      // single sender email".
      title: "'From header sender domain not verified' refuses the sender, nothing is known of the recipient",
      raw: () => relayed('failed', SMTP2GO, '5.0.0', '550 From header sender domain not verified', 'end of DATA command'),
      ...bounce([A, 'rejected', 'soft', '5.0.0', '550']),
    },
    {
      title: "'Relay access denied - please authenticate' is a relay refused to a client that did not log in",
      raw: () => relayed('failed', SMTP2GO, '5.0.0', '550 Relay access denied - please authenticate', 'RCPT TO command'),
      ...bounce([A, 'norelaying', 'soft', '5.0.0', '550']),
    },
  ]);
});

// Emailit's SMTP relay: "SMTP troubleshooting" (https://emailit.com/docs/smtp/troubleshooting/) and
// "Why does SMTP return 530 From domain not verified?" (https://emailit.com/docs/kb/
// smtp-530-from-domain-not-verified/): "The relay accepts your login and recipients, then rejects
// the message after DATA".
const EMAILIT = 'smtp.emailit.com[192.0.2.15]';
describe("Emailit's SMTP relay refusing its customer's message", () => {
  verdictCases([
    {
      title: "'From/Sender domain is not verified for this workspace' refuses the sender, not a security failure its 530 would make it",
      raw: () =>
        relayed(
          'failed',
          EMAILIT,
          '5.0.0',
          '530 From/Sender domain is not verified for this workspace. From: sender@example.com',
          'end of DATA command',
        ),
      ...bounce([A, 'rejected', 'soft', '5.0.0', '530']),
    },
    {
      title: "'API key is restricted to sending domain ... From/Sender address must use this domain' refuses the sender",
      raw: () =>
        relayed(
          'failed',
          EMAILIT,
          '5.0.0',
          '530 API key is restricted to sending domain: example.org. From/Sender address must use this domain. From: sender@example.com',
          'end of DATA command',
        ),
      ...bounce([A, 'rejected', 'soft', '5.0.0', '530']),
    },
    {
      title: "'Sending from this domain is paused' refuses the sender's domain, not an unknown refusal",
      raw: () => relayed('failed', EMAILIT, '5.0.0', '550 Sending from this domain is paused', 'end of DATA command'),
      ...bounce([A, 'rejected', 'soft', '5.0.0', '550']),
    },
    {
      title: "'Messages per second limit exceeded' is the sender's rate, not too many connections its 4.4.5 would say",
      raw: () => relayed('delayed', EMAILIT, '4.4.5', '452 4.4.5 Messages per second limit exceeded', 'MAIL FROM command'),
      ...delay([A, 'speeding', 'none', '4.4.5', '452']),
    },
    {
      title: "'Daily message limit exceeded' is the sender's daily limit",
      raw: () => relayed('delayed', EMAILIT, '4.5.3', '452 4.5.3 Daily message limit exceeded', 'MAIL FROM command'),
      ...delay([A, 'speeding', 'none', '4.5.3', '452']),
    },
  ]);
});

// SocketLabs' "421 4.5.1 Too many errors, you have been temporarily blacklisted"
// (https://help.socketlabs.com/docs/421-451-too-many-errors-you-have-been-temporarily-blacklisted:
// "the IP address of the server attempting to connect to the SocketLabs SMTP gateway has recently
// generated a high number of errors").
describe("SocketLabs' gateway refusing a sending host", () => {
  verdictCases([
    {
      title: "'Too many errors, you have been temporarily blacklisted' holds the sending host back for now",
      raw: () =>
        relayed(
          'delayed',
          'smtp.socketlabs.com[192.0.2.16]',
          '4.5.1',
          '421 4.5.1 Too many errors, you have been temporarily blacklisted',
          'MAIL FROM command',
        ),
      ...delay([A, 'blocked', 'none', '4.5.1', '421']),
    },
  ]);
});

// Spectrum's (Road Runner's) outgoing limit: "What is the outbound email policy?"
// (http://support.brighthouse.com/Article/Outbound-Email-Policy-Road-Runner-1687): "You can send
// email to 1,000 recipients per day per IP on the outbound email servers. Once you reach the limit,
// your email is refused by the email servers for the next 24 hours", with the message
// "ERROR:5.7.1:550 Outbound Mail Refused - YOUR_IP_ADDRESS See http://help.rr.com/outboundemail -
// DATE_OF_BLOCK" (written below as the server's reply: code, status, text).
describe("Spectrum's (Road Runner's) outbound limit", () => {
  verdictCases([
    {
      title: "'Outbound Mail Refused ... /outboundemail' is the sender's daily volume, not a security refusal its 5.7.1 would make it",
      raw: () =>
        relayed(
          'failed',
          'smtp-server.rr.com[192.0.2.17]',
          '5.7.1',
          '550 5.7.1 Outbound Mail Refused - 192.0.2.1 See http://help.rr.com/outboundemail - 12/01/2026',
          'RCPT TO command',
        ),
      ...bounce([A, 'speeding', 'soft', '5.7.1', '550']),
    },
  ]);
});

// AT&T's (BellSouth's) "Error Message Summary" (http://rbl.att.net/block_enduser.html,
// http://worldnet.att.net/general-info/bls_info/block_enduser.html): "550 <0.0.0.0.> blocked by
// ldap:ou=rblmx, dc=bellsouth, dc=net": "The sending system exhibited behavior associated with
// spammers and was blocked".
describe("AT&T's (BellSouth's) block list", () => {
  verdictCases([
    {
      title: "'<ip> blocked by ldap:ou=rblmx, dc=bellsouth, dc=net' blocks the sending host, not the recipient",
      raw: () =>
        relayed(
          'failed',
          'mx00.bellsouth.net[192.0.2.18]',
          '5.0.0',
          '550 <192.0.2.1> blocked by ldap:ou=rblmx, dc=bellsouth, dc=net',
          'RCPT TO command',
        ),
      ...bounce([A, 'blocked', 'soft', '5.0.0', '550']),
    },
  ]);
});
