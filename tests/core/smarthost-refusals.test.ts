// The organisation's own Postfix relaying through a smarthost that refuses the message: its
// notice lists every recipient of the message with the smarthost's reply. Those addresses are
// fine; the sender's setup (credentials, registered IP or domain, verified sender, account
// limits) is broken. Rule 5: a sender-side refusal never gives a recipient reason and is never
// hard. Each case is Postfix's notice (tests/core/postfix-notice.ts) with two or three
// recipients refused with the same reply, laid out as smtp(8) reports a remote reply
// (smtp_proto.c "host ... said: ... (in reply to ... command)") or its SASL login failure
// (smtp_sasl_proto.c "SASL authentication failed; server ... said: ...", deferred by
// smtp_sasl_auth_soft_bounce's default). Sources read (the smarthosts' own documentation):
//   Google Workspace Admin Help, "SMTP relay service error messages",
//     support.google.com/a/answer/6140680 (read through google-support.mirrorblogs.com):
//     "550 5.7.0 Mail relay denied", "550 5.7.1 Invalid credentials for relay" and their
//     explanations (an IP or domain not registered for the relay service), "550 5.4.5 Daily SMTP
//     relay limit exceeded for customer".
//   Gmail's smtp.gmail.com: support.google.com/mail/?p=WantAuthError, ?p=BadCredentials and
//     Workspace's sending limits, support.google.com/a/answer/166852 ("530 5.7.0 Authentication
//     Required", "535 5.7.8 Username and Password not accepted", "550 5.4.5 Daily user sending
//     limit exceeded").
//   Microsoft Learn, "Fix issues with printers, scanners, and LOB applications that send email
//     using Microsoft 365" (5.7.57 "Client not authenticated to send mail", 5.7.60 "Client does
//     not have permissions to send as this sender", 5.7.64 "TenantAttribution; Relay Access
//     Denied"), "Authenticated client SMTP submission (SMTP AUTH) in Exchange Online" (535
//     5.7.139 "Authentication unsuccessful, SmtpClientAuthentication is disabled for the
//     Tenant", "... user is locked by your organization's security defaults policy"), and
//     [MS-SMTPNTLM] 2.2.1.4 SMTP_AUTH_Fail_Response ("535 5.7.3").
//   Twilio SendGrid, "SMTP Errors and Troubleshooting"
//     (sendgrid.com/docs/for-developers/sending-email/smtp-errors-and-troubleshooting/: "550
//     Unauthenticated senders not allowed", "535 Authentication failed: Bad username /
//     password") and Twilio error 60222 (twilio.com/docs/api/errors/60222: "The from address
//     does not match a verified Sender Identity").
//   Mailgun help, "Authorized Recipients" (help.mailgun.com/hc/en-us/articles/217531258) and its
//     sandbox reply as Mailgun's clients quote it ("Sandbox subdomains are for test purposes
//     only. Please add your own domain or add the address to authorized recipients in Account
//     Settings.").
//   Amazon SES, "Why do I get a 554 or 400 Message rejected error with an Email address is not
//     verified message" (repost.aws/knowledge-center/ses-554-400-message-rejected-error) and
//     the SES SMTP response codes ("454 Throttling failure: Maximum sending rate exceeded",
//     "454 Throttling failure: Daily message quota exceeded").
//   Postmark: its error 400 as its clients quote it (github:activecampaign/postmark-php wiki,
//     "Managing Your Sender Signatures"; postmarkapp.com "Managing sender signatures").
//   SparkPost: "Sending Domains" (developers.sparkpost.com/api/sending-domains/) and the reply
//     "550 5.7.1 Unconfigured Sending Domain <domain>" (github:transitland/transitland-datastore
//     issue 1231, an application's SMTP error, no bounce).
//   Postfix 3.x's own texts about the next hop (src/smtp/smtp_proto.c "TLS is required, but was
//     not offered by host %s", 4.7.4; smtp_sasl_glue.c "SASL authentication failed; cannot
//     authenticate to server %s: %s", 4.7.0), as tests/core/postfix-own-texts.test.ts reads them.
// No case comes from a bounce collection; every address, host and date is made up.
import { describe } from 'vitest';
import { postfixNotice, postfixRemote, type PostfixRecipient } from './postfix-notice.ts';
import type { RecipientVerdict, VerdictCase } from './recipient-verdicts.ts';
import { verdictCases } from './recipient-verdicts.ts';

const TWO = ['alice@example.net', 'bob@example.org'];
const THREE = ['alice@example.net', 'bob@example.org', 'carol@example.com'];

/** A reply to one of smtp(8)'s commands: every recipient refused with it. */
function refused(
  title: string,
  addresses: readonly string[],
  host: string,
  status: string,
  reply: string,
  inReplyTo: string,
  reason: string,
): VerdictCase {
  const delayed = reply.startsWith('4');
  return {
    title,
    raw: () =>
      postfixNotice(
        delayed ? 'delayed' : 'failed',
        addresses.map((a) => postfixRemote(a, status, reply, inReplyTo, host)),
      ),
    kind: delayed ? 'delay' : 'bounce',
    recipients: addresses.map((a): RecipientVerdict => [a, reason, delayed ? 'none' : 'soft', status, reply.slice(0, 3)]),
  };
}

/** smtp(8)'s SASL login to the smarthost refused (smtp_sasl_proto.c), deferred (4.7.0). */
function saslRefused(
  title: string,
  addresses: readonly string[],
  host: string,
  status: string,
  reply: string,
  reason: string,
): VerdictCase {
  const one = (a: string): PostfixRecipient => ({
    ...postfixRemote(a, '4.7.0', reply, 'AUTH command', host),
    reason: `SASL authentication failed; server ${host} said: ${reply}`,
  });
  return {
    title,
    raw: () => postfixNotice('delayed', addresses.map(one)),
    kind: 'delay',
    recipients: addresses.map((a): RecipientVerdict => [a, reason, 'none', status, reply.slice(0, 3)]),
  };
}

/** A text of smtp(8)'s own about the smarthost (no reply read), as Postfix reports it. */
function ownText(
  title: string,
  addresses: readonly string[],
  action: 'failed' | 'delayed',
  status: string,
  text: string,
  reason: string,
): VerdictCase {
  return {
    title,
    raw: () =>
      postfixNotice(
        action,
        addresses.map((a): PostfixRecipient => ({ address: a, status, reason: text })),
      ),
    kind: action === 'delayed' ? 'delay' : 'bounce',
    recipients: addresses.map((a): RecipientVerdict => [a, reason, action === 'delayed' ? 'none' : 'soft', status, '']),
  };
}

const GOOGLE_RELAY = 'smtp-relay.gmail.com[192.0.2.25]';
const GMAIL_SUBMIT = 'smtp.gmail.com[192.0.2.26]';
const M365_MX = 'example-com.mail.protection.outlook.com[192.0.2.30]';
const M365_SUBMIT = 'smtp.office365.com[192.0.2.31]';
const SENDGRID = 'smtp.sendgrid.net[192.0.2.40]';
const MAILGUN = 'smtp.mailgun.org[192.0.2.41]';
const SES = 'email-smtp.us-east-1.amazonaws.com[192.0.2.50]';
const POSTMARK = 'smtp.postmarkapp.com[192.0.2.60]';
const SPARKPOST = 'smtp.sparkpostmail.com[192.0.2.80]';

describe('a smarthost refusing the sender: every recipient soft, never a recipient reason', () => {
  verdictCases([
    refused(
      "Google Workspace's relay: 550 5.7.0 Mail relay denied (unregistered IP or domain) is norelaying",
      THREE,
      GOOGLE_RELAY,
      '5.7.0',
      "550 5.7.0 Mail relay denied [203.0.113.9]. Invalid credentials for relay for one of the domains in: example.com (as obtained from HELO and MAIL FROM). Email is being sent from a domain or IP address which isn't registered in your Workspace account. Please login to your Workspace account and verify that your sending device is properly registered. Learn more at https://support.google.com/a/answer/6140680 - gsmtp",
      'MAIL FROM command',
      'norelaying',
    ),
    refused(
      "Google Workspace's relay: 550 5.7.1 Invalid credentials for relay at MAIL FROM refuses the sender (mailbox-provider-wordings decides it so)",
      TWO,
      GOOGLE_RELAY,
      '5.7.1',
      "550 5.7.1 Invalid credentials for relay [203.0.113.9]. The IP address you've registered in your Workspace SMTP Relay service doesn't match domain of the account this email is being sent from. If you are trying to relay mail from a domain that isn't registered under your Workspace account or has empty envelope-from, you must configure your mail server either to use SMTP AUTH to identify the sending domain or to present one of your domain names in the HELO or EHLO command. For more information, please visit https://support.google.com/a/answer/6140680 - gsmtp",
      'MAIL FROM command',
      'rejected',
    ),
    refused(
      "smtp.gmail.com: 530 5.7.0 Authentication Required at MAIL FROM is the sender's refusal",
      TWO,
      GMAIL_SUBMIT,
      '5.7.0',
      '530 5.7.0 Authentication Required. For more information, go to https://support.google.com/mail/?p=WantAuthError - gsmtp',
      'MAIL FROM command',
      'rejected',
    ),
    refused(
      "smtp.gmail.com: 550 5.4.5 Daily user sending limit exceeded is the sender's pace",
      THREE,
      GMAIL_SUBMIT,
      '5.4.5',
      '550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852 - gsmtp',
      'end of DATA command',
      'speeding',
    ),
    saslRefused(
      'smtp.gmail.com: SASL login refused with 535 5.7.8 Username and Password not accepted is a security error',
      TWO,
      GMAIL_SUBMIT,
      '5.7.8',
      '535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials - gsmtp',
      'securityerror',
    ),
    refused(
      'Microsoft 365 relay connector: 550 5.7.64 TenantAttribution; Relay Access Denied is norelaying',
      THREE,
      M365_MX,
      '5.7.64',
      '550 5.7.64 TenantAttribution; Relay Access Denied [AM0PR01MB1234.eurprd01.prod.exchangelabs.com]',
      'RCPT TO command',
      'norelaying',
    ),
    refused(
      "Microsoft 365 client submission: 530 5.7.57 Client not authenticated at MAIL FROM is the sender's refusal",
      TWO,
      M365_SUBMIT,
      '5.7.57',
      '530 5.7.57 Client not authenticated to send mail. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
      'MAIL FROM command',
      'rejected',
    ),
    refused(
      'Microsoft 365 client submission: 550 5.7.60 Client does not have permissions to send as this sender is rejected',
      TWO,
      M365_SUBMIT,
      '5.7.60',
      '550 5.7.60 SMTP; Client does not have permissions to send as this sender [AM0PR01MB1234.eurprd01.prod.exchangelabs.com]',
      'end of DATA command',
      'rejected',
    ),
    saslRefused(
      'Microsoft 365: SASL login refused with 535 5.7.3 Authentication unsuccessful is a security error',
      THREE,
      M365_SUBMIT,
      '5.7.3',
      '535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
      'securityerror',
    ),
    saslRefused(
      'Microsoft 365: 535 5.7.139 SmtpClientAuthentication is disabled for the Tenant is a security error',
      TWO,
      M365_SUBMIT,
      '5.7.139',
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
      'securityerror',
    ),
    saslRefused(
      "Microsoft 365: 535 5.7.139 user is locked by your organization's security defaults policy is a security error, not suspend",
      TWO,
      M365_SUBMIT,
      '5.7.139',
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]",
      'securityerror',
    ),
    refused(
      "SendGrid: 550 Unauthenticated senders not allowed at MAIL FROM is the sender's refusal",
      TWO,
      SENDGRID,
      '5.0.0',
      '550 Unauthenticated senders not allowed',
      'MAIL FROM command',
      'rejected',
    ),
    refused(
      'SendGrid: the from address does not match a verified Sender Identity is rejected, not authfailure',
      THREE,
      SENDGRID,
      '5.0.0',
      '550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements',
      'end of DATA command',
      'rejected',
    ),
    saslRefused(
      'SendGrid: SASL login refused with 535 Authentication failed: Bad username / password is a security error, not authfailure',
      TWO,
      SENDGRID,
      '4.7.0',
      '535 Authentication failed: Bad username / password',
      'securityerror',
    ),
    refused(
      "Mailgun: a sandbox domain's unauthorised recipients is norelaying, not onhold",
      THREE,
      MAILGUN,
      '5.0.0',
      '550 Sandbox subdomains are for test purposes only. Please add your own domain or add the address to authorized recipients in Account Settings.',
      'RCPT TO command',
      'norelaying',
    ),
    refused(
      'Amazon SES: 554 Message rejected: Email address is not verified is norelaying',
      TWO,
      SES,
      '5.0.0',
      '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: sender@example.com',
      'end of DATA command',
      'norelaying',
    ),
    refused(
      "Amazon SES: 454 Throttling failure: Maximum sending rate exceeded is the sender's pace, a delay",
      TWO,
      SES,
      '4.0.0',
      '454 Throttling failure: Maximum sending rate exceeded.',
      'end of DATA command',
      'speeding',
    ),
    refused(
      "Amazon SES: 454 Throttling failure: Daily message quota exceeded is the sender's quota, a delay",
      THREE,
      SES,
      '4.0.0',
      '454 Throttling failure: Daily message quota exceeded.',
      'end of DATA command',
      'speeding',
    ),
    refused(
      "Postmark: the 'From' address is not a Sender Signature is rejected, not onhold",
      TWO,
      POSTMARK,
      '5.0.0',
      "550 The 'From' address you supplied (sender@example.com) is not a Sender Signature on your account. Please add and confirm this address in order to be able to use it in the 'From' field of your messages.",
      'end of DATA command',
      'rejected',
    ),
    refused(
      'SparkPost: 550 5.7.1 Unconfigured Sending Domain is rejected, not securityerror',
      THREE,
      SPARKPOST,
      '5.7.1',
      '550 5.7.1 Unconfigured Sending Domain <example.com>',
      'end of DATA command',
      'rejected',
    ),
    refused(
      "Google Workspace's relay: 550 5.4.5 Daily SMTP relay limit exceeded for customer is the sender's quota",
      TWO,
      GOOGLE_RELAY,
      '5.4.5',
      '550 5.4.5 Daily SMTP relay limit exceeded for customer. For more information on SMTP relay sending limits please contact your administrator or visit https://support.google.com/a/answer/6140680 - gsmtp',
      'MAIL FROM command',
      'speeding',
    ),
    refused(
      'Microsoft 365: 550 5.7.750 Client blocked from sending from unregistered domains blocks the sending tenant',
      THREE,
      M365_MX,
      '5.7.750',
      '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [AM0PR01MB1234.eurprd01.prod.exchangelabs.com]',
      'RCPT TO command',
      'blocked',
    ),
    saslRefused(
      'Microsoft 365: 535 5.7.139 basic authentication is disabled is a security error',
      THREE,
      M365_SUBMIT,
      '5.7.139',
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
      'securityerror',
    ),
    saslRefused(
      'Microsoft 365: 535 5.7.139 the request did not meet the criteria to be authenticated is a security error',
      TWO,
      M365_SUBMIT,
      '5.7.139',
      '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
      'securityerror',
    ),
    ownText(
      "Postfix's own: TLS is required, but was not offered by the smarthost (4.7.4) is a failed STARTTLS, a delay",
      THREE,
      'delayed',
      '4.7.4',
      `TLS is required, but was not offered by host ${M365_SUBMIT}`,
      'failedstarttls',
    ),
    ownText(
      "Postfix's own: SASL authentication failed; cannot authenticate to server (4.7.0) is a security error, a delay",
      TWO,
      'delayed',
      '4.7.0',
      `SASL authentication failed; cannot authenticate to server ${GMAIL_SUBMIT}: no mechanism available`,
      'securityerror',
    ),
  ]);
});
