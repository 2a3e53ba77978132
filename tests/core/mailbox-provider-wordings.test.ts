// Mailbox providers' refusals as their own postmaster, help and error-code pages publish them,
// each wrapped in the bounce a sending Postfix writes about it: the notice's "host ... said:
// <reply> (in reply to <command>)" line and the report's Diagnostic-Code. One test per wording,
// named after what a user should see (reason, hard or soft, the status); the page each comes
// from is named above its describe. None comes from a bounce collection. Some were already read
// right and stay as regression cases.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { BounceType, Reason } from '../../src/core/types.ts';
import { dsnReport } from './dsn-report.ts';

type Expected = readonly [reason: Reason, bounceType: BounceType, status: string];
type Case = readonly [name: string, bounce: () => Buffer, expected: Expected];

/** A remote reply as Postfix reports it: its notice names the host and the command answered, its report quotes the reply. */
const postfix = (command: string) => (status: string, reply: string) =>
  dsnReport(status, reply, {
    notice: `<user@example.net>: host mx.example.net[192.0.2.1] said: ${reply} (in reply to ${command})`,
  });
const atGreeting = postfix('initial greeting');
const atEhlo = postfix('EHLO command');
const atMail = postfix('MAIL FROM command');
const atRcpt = postfix('RCPT TO command');
const atData = postfix('end of DATA command');
/** A submission server's refusal of the relay's login, as Postfix's SASL client reports it (smtp_sasl_glue.c). */
const atAuth = (status: string, reply: string) =>
  dsnReport(status, reply, {
    notice: `<user@example.net>: SASL authentication failed; server smtp.example.net[192.0.2.1] said: ${reply}`,
  });
/** A reply the sending MTA itself reports with no command named (Exchange Online's own NDR, a relay's summary). */
const reported = (status: string, reply: string) =>
  dsnReport(status, reply, { notice: 'Delivery has failed to these recipients or groups:' });

function cases(list: readonly Case[]): void {
  for (const [name, bounce, expected] of list) {
    it(name, async () => {
      const r = (await classify(bounce())).recipients[0];
      expect(r && [r.reason, r.bounceType, r.enhancedCode]).toEqual(expected);
    });
  }
}

// Google's "Gmail SMTP errors and codes" (https://support.google.com/a/answer/3726730, now
// knowledge.workspace.google.com/admin/support/troubleshooting/gmail-smtp-errors-and-codes):
// every reply the page lists, in its order; each ends "- gsmtp" on the wire.
describe("Gmail's SMTP error reference (support.google.com/a/answer/3726730)", () => {
  cases([
    [
      '421 4.3.0 "Temporary System Problem" is the server\'s own trouble, soft',
      () => atRcpt('4.3.0', '421 4.3.0 Temporary System Problem. Try again later. - gsmtp'),
      ['systemerror', 'soft', '4.3.0'],
    ],
    [
      '421 4.4.5 "Server busy, try again later" (RFC 3463 X.4.5, mail system congestion) is too many connections, soft',
      () => atGreeting('4.4.5', '421 4.4.5 Server busy, try again later. - gsmtp'),
      ['toomanyconn', 'soft', '4.4.5'],
    ],
    [
      '421 4.7.0 "IP not in whitelist for RCPT domain" blocks the sending host',
      () => atRcpt('4.7.0', '421 4.7.0 IP not in whitelist for RCPT domain, closing connection. - gsmtp'),
      ['blocked', 'soft', '4.7.0'],
    ],
    [
      '421 4.7.0 "unusual rate of unsolicited mail originating from your IP address" blocks the sending host for now',
      () =>
        atRcpt(
          '4.7.0',
          '421 4.7.0 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily blocked. - gsmtp',
        ),
      ['blocked', 'soft', '4.7.0'],
    ],
    [
      '421 4.7.0 "TLS required for RCPT domain" is a missing TLS session',
      () => atRcpt('4.7.0', '421 4.7.0 TLS required for RCPT domain, closing connection. - gsmtp'),
      ['failedstarttls', 'soft', '4.7.0'],
    ],
    [
      '421 4.7.0 "Try again later, closing connection" at HELO (a denial of service guard) refuses the sending host for now',
      () => atEhlo('4.7.0', '421 4.7.0 Try again later, closing connection. - gsmtp'),
      ['blocked', 'soft', '4.7.0'],
    ],
    [
      '421 4.7.0 "suspicious due to the very low reputation of the sending IP address" stays spamdetected (the crisp corpus labels it spam content), soft',
      () =>
        atData(
          '4.7.0',
          '421 4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address. To best protect our users from spam, the message has been blocked. - gsmtp',
        ),
      ['spamdetected', 'soft', '4.7.0'],
    ],
    [
      '421 4.7.0 "suspicious due to the very low reputation of the sending domain" stays spamdetected, soft',
      () =>
        atData(
          '4.7.0',
          '421 4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the very low reputation of the sending domain. To best protect our users from spam, the message has been blocked. - gsmtp',
        ),
      ['spamdetected', 'soft', '4.7.0'],
    ],
    [
      '421 4.7.0 "suspicious due to the nature of the content and/or the links within" is spam in the message',
      () =>
        atData(
          '4.7.0',
          '421 4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the nature of the content and/or the links within. To best protect our users from spam, the message has been blocked. - gsmtp',
        ),
      ['spamdetected', 'soft', '4.7.0'],
    ],
    [
      '421 4.7.0 "does not have a PTR record" asks for the sending IP\'s reverse DNS',
      () =>
        atRcpt(
          '4.7.0',
          '421 4.7.0 [192.0.2.1] The IP address sending this message does not have a PTR record, or the corresponding forward DNS entry does not point to the sending IP. - gsmtp',
        ),
      ['requireptr', 'soft', '4.7.0'],
    ],
    [
      '450 4.2.1 "receiving mail too quickly" is the pace of mail to the mailbox',
      () =>
        atRcpt(
          '4.2.1',
          '450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time. - gsmtp',
        ),
      ['speeding', 'soft', '4.2.1'],
    ],
    [
      '450 4.2.1 "receiving mail at a rate that prevents additional messages" is the pace of mail to the mailbox',
      () =>
        atRcpt(
          '4.2.1',
          '450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. Please resend your message at a later time. - gsmtp',
        ),
      ['speeding', 'soft', '4.2.1'],
    ],
    [
      '450 4.2.1 "Peak SMTP relay limit exceeded for customer" is the sender\'s volume',
      () => atMail('4.2.1', '450 4.2.1 Peak SMTP relay limit exceeded for customer. This is a temporary error. - gsmtp'),
      ['speeding', 'soft', '4.2.1'],
    ],
    [
      '451 4.3.0 "Mail server temporarily rejected message" is the server\'s own trouble',
      () => atData('4.3.0', '451 4.3.0 Mail server temporarily rejected message. - gsmtp'),
      ['systemerror', 'soft', '4.3.0'],
    ],
    [
      '451 4.3.0 "Multiple destination domains per transaction is unsupported" is the server\'s limit (X.3.0), not the recipient',
      () => atRcpt('4.3.0', '451 4.3.0 Multiple destination domains per transaction is unsupported. Please try again. - gsmtp'),
      ['systemerror', 'soft', '4.3.0'],
    ],
    [
      '451 4.4.2 "Timeout - closing connection" as the last error of a failed delivery is expired (rule 3), soft',
      () => atData('4.4.2', '451 4.4.2 Timeout - closing connection. - gsmtp'),
      ['expired', 'soft', '4.4.2'],
    ],
    [
      '451 4.5.0 "SMTP protocol violation, see RFC 2821" is a syntax error',
      () => atData('4.5.0', '451 4.5.0 SMTP protocol violation, see RFC 2821. - gsmtp'),
      ['syntaxerror', 'soft', '4.5.0'],
    ],
    [
      '452 4.2.2 "The email account that you tried to reach is over quota" is a full mailbox',
      () => atRcpt('4.2.2', '452 4.2.2 The email account that you tried to reach is over quota. - gsmtp'),
      ['mailboxfull', 'soft', '4.2.2'],
    ],
    [
      '452 4.5.3 "Domain policy size per transaction exceeded" is too many recipients in one transaction, not a dead address',
      () =>
        atRcpt(
          '4.5.3',
          '452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a separate transaction. - gsmtp',
        ),
      ['toomanyconn', 'soft', '4.5.3'],
    ],
    [
      '452 4.5.3 "Your message has too many recipients" is toomanyconn (Sisimai\'s X.5.3), not a full mailbox',
      () => atRcpt('4.5.3', '452 4.5.3 Your message has too many recipients. - gsmtp'),
      ['toomanyconn', 'soft', '4.5.3'],
    ],
    [
      '454 4.5.0 "no commands allowed to pipeline after STARTTLS" is a syntax error',
      () => atEhlo('4.5.0', '454 4.5.0 SMTP protocol violation, no commands allowed to pipeline after STARTTLS, see RFC 3207. - gsmtp'),
      ['syntaxerror', 'soft', '4.5.0'],
    ],
    [
      '454 4.7.0 "Cannot authenticate due to temporary system problem" is the server\'s own trouble, soft',
      () => atAuth('4.7.0', '454 4.7.0 Cannot authenticate due to temporary system problem. Try again later. - gsmtp'),
      ['systemerror', 'soft', '4.7.0'],
    ],
    [
      '454 5.5.1 "STARTTLS may not be repeated" is a failed STARTTLS, soft',
      () => postfix('STARTTLS command')('5.5.1', '454 5.5.1 STARTTLS may not be repeated. - gsmtp'),
      ['failedstarttls', 'soft', '5.5.1'],
    ],
    [
      '501 5.5.2 "Cannot Decode response" is a syntax error',
      () => atMail('5.5.2', '501 5.5.2 Cannot Decode response. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.2'],
    ],
    [
      '501 5.5.4 "HELO/EHLO argument is invalid" at EHLO refuses the sending host (rule 6), soft',
      () => atEhlo('5.5.4', '501 5.5.4 HELO/EHLO argument is invalid. - gsmtp'),
      ['blocked', 'soft', '5.5.4'],
    ],
    [
      '502 5.5.1 "Too many unrecognized commands, goodbye" is a syntax error',
      () => atData('5.5.1', '502 5.5.1 Too many unrecognized commands, goodbye. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.1'],
    ],
    [
      '502 5.5.1 "Unimplemented command" is a syntax error',
      () => atEhlo('5.5.1', '502 5.5.1 Unimplemented command. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.1'],
    ],
    [
      '502 5.5.1 "Unrecognized command" is a syntax error',
      () => atEhlo('5.5.1', '502 5.5.1 Unrecognized command. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.1'],
    ],
    [
      '503 5.5.1 "EHLO/HELO first" is a syntax error',
      () => atMail('5.5.1', '503 5.5.1 EHLO/HELO first. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.1'],
    ],
    [
      '503 5.5.1 "MAIL first" is a syntax error, not an unknown recipient',
      () => atRcpt('5.5.1', '503 5.5.1 MAIL first. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.1'],
    ],
    ['503 5.5.1 "RCPT first" is a syntax error', () => atData('5.5.1', '503 5.5.1 RCPT first. - gsmtp'), ['syntaxerror', 'soft', '5.5.1']],
    [
      '503 5.7.0 "No identity changes permitted" is SMTP authentication',
      () => postfix('AUTH command')('5.7.0', '503 5.7.0 No identity changes permitted. - gsmtp'),
      ['securityerror', 'soft', '5.7.0'],
    ],
    [
      '504 5.7.4 "Unrecognized Authentication Type" is SMTP authentication',
      () => postfix('AUTH command')('5.7.4', '504 5.7.4 Unrecognized Authentication Type. - gsmtp'),
      ['securityerror', 'soft', '5.7.4'],
    ],
    [
      '530 5.5.1 "Authentication Required" in reply to MAIL FROM refuses the unauthenticated sender (rule 5), soft',
      () => atMail('5.5.1', '530 5.5.1 Authentication Required. - gsmtp'),
      ['rejected', 'soft', '5.5.1'],
    ],
    [
      '530 5.5.1 "Authentication Required" in reply to AUTH is SMTP authentication',
      () => postfix('AUTH command')('5.5.1', '530 5.5.1 Authentication Required. - gsmtp'),
      ['securityerror', 'soft', '5.5.1'],
    ],
    [
      '530 5.7.0 "Must issue a STARTTLS command first" is a missing TLS session',
      () => atMail('5.7.0', '530 5.7.0 Must issue a STARTTLS command first. - gsmtp'),
      ['failedstarttls', 'soft', '5.7.0'],
    ],
    [
      '535 5.5.4 "Optional Argument not permitted for that AUTH mode" is a syntax error of the command (X.5.4)',
      () => atAuth('5.5.4', '535 5.5.4 Optional Argument not permitted for that AUTH mode. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.4'],
    ],
    [
      '535 5.7.1 "Application-specific password required" is SMTP authentication',
      () => atAuth('5.7.1', '535 5.7.1 Application-specific password required. - gsmtp'),
      ['securityerror', 'soft', '5.7.1'],
    ],
    [
      '535 5.7.1 "Please log in with your web browser and then try again" is SMTP authentication',
      () => atAuth('5.7.1', '535 5.7.1 Please log in with your web browser and then try again. - gsmtp'),
      ['securityerror', 'soft', '5.7.1'],
    ],
    [
      '535 5.7.1 "Username and Password not accepted" is SMTP authentication',
      () => atAuth('5.7.1', '535 5.7.1 Username and Password not accepted. - gsmtp'),
      ['securityerror', 'soft', '5.7.1'],
    ],
    [
      '550 5.1.1 "The email account that you tried to reach does not exist" is an unknown user, hard',
      () =>
        atRcpt(
          '5.1.1',
          "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. - gsmtp",
        ),
      ['userunknown', 'hard', '5.1.1'],
    ],
    [
      '550 5.2.1 "The email account that you tried to reach is disabled" is a suspended mailbox',
      () => atRcpt('5.2.1', '550 5.2.1 The email account that you tried to reach is disabled. - gsmtp'),
      ['suspend', 'soft', '5.2.1'],
    ],
    [
      '550 5.2.1 "The email account that you tried to reach is inactive" is a suspended mailbox',
      () => atRcpt('5.2.1', '550 5.2.1 The email account that you tried to reach is inactive. - gsmtp'),
      ['suspend', 'soft', '5.2.1'],
    ],
    [
      '550 5.2.1 "receiving mail at a rate that prevents additional messages" is the pace of mail, not a disabled mailbox',
      () =>
        atRcpt(
          '5.2.1',
          '550 5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. - gsmtp',
        ),
      ['speeding', 'soft', '5.2.1'],
    ],
    [
      '550 5.4.5 "Daily sending quota exceeded" is the sender\'s volume',
      () => atMail('5.4.5', '550 5.4.5 Daily sending quota exceeded. - gsmtp'),
      ['speeding', 'soft', '5.4.5'],
    ],
    [
      '550 5.4.5 "Daily SMTP relay limit exceeded for user" is the sender\'s volume',
      () => atMail('5.4.5', '550 5.4.5 Daily SMTP relay limit exceeded for user. - gsmtp'),
      ['speeding', 'soft', '5.4.5'],
    ],
    [
      '550 5.7.0 "Mail relay denied" is a refused relay',
      () => atRcpt('5.7.0', '550 5.7.0 Mail relay denied. - gsmtp'),
      ['norelaying', 'soft', '5.7.0'],
    ],
    [
      '550 5.7.0 "Mail Sending denied" (the sending account disabled or not in the domain) refuses the sender, not the recipient',
      () => atMail('5.7.0', '550 5.7.0 Mail Sending denied. - gsmtp'),
      ['rejected', 'soft', '5.7.0'],
    ],
    [
      '550 5.7.1 "Email quota exceeded" in reply to MAIL FROM refuses the sender, never a full mailbox',
      () => atMail('5.7.1', '550 5.7.1 Email quota exceeded. - gsmtp'),
      ['rejected', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "Invalid credentials for relay" in reply to MAIL FROM refuses the sender, soft',
      () => atMail('5.7.1', '550 5.7.1 Invalid credentials for relay. - gsmtp'),
      ['rejected', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "unusual rate of unsolicited mail originating from your IP address" blocks the sending host',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked. - gsmtp',
        ),
      ['blocked', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "this message is likely unsolicited mail" is spam in the message',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 [192.0.2.1] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp',
        ),
      ['spamdetected', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "this message is likely suspicious due to the very low reputation of the sending domain" stays spamdetected, soft',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 [192.0.2.1] Our system has detected that this message is likely suspicious due to the very low reputation of the sending domain. To best protect our users from spam, the message has been blocked. - gsmtp',
        ),
      ['spamdetected', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "The IP you\'re using to send mail is not authorized to send email directly to our servers" blocks the sending host',
      () =>
        atRcpt(
          '5.7.1',
          "550 5.7.1 The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead. - gsmtp",
        ),
      ['blocked', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "has a policy that prohibited the mail that you sent" is a policy',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent. - gsmtp',
        ),
      ['policyviolation', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "Unauthenticated email is not accepted from this domain" is a failed authentication of the sender\'s domain',
      () => atData('5.7.1', '550 5.7.1 Unauthenticated email is not accepted from this domain. - gsmtp'),
      ['authfailure', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "Daily SMTP relay limit exceeded for customer" is the sender\'s volume',
      () => atMail('5.7.1', '550 5.7.1 Daily SMTP relay limit exceeded for customer. - gsmtp'),
      ['speeding', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "Messages missing a valid Message-ID header are not accepted" is a message out of RFC 5322',
      () => atData('5.7.1', '550 5.7.1 Messages missing a valid Message-ID header are not accepted. - gsmtp'),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "Messages missing a valid address in From: header" is a message out of RFC 5322',
      () =>
        atData('5.7.1', '550 5.7.1 Messages missing a valid address in From: header, or having no From: header, are not accepted. - gsmtp'),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "Messages with multiple addresses in From: header are not accepted" is a message out of RFC 5322',
      () => atData('5.7.1', '550 5.7.1 Messages with multiple addresses in From: header are not accepted. - gsmtp'),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "does not have authentication information or fails to pass authentication checks" is a failed authentication',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 This message does not have authentication information or fails to pass authentication checks. To best protect our users from spam, the message has been blocked. - gsmtp',
        ),
      ['authfailure', 'soft', '5.7.1'],
    ],
    [
      '451 4.7.24 "The SPF record of the sending domain has one or more suspicious entries" is a failed authentication, soft',
      () => atData('4.7.24', '451 4.7.24 The SPF record of the sending domain has one or more suspicious entries. - gsmtp'),
      ['authfailure', 'soft', '4.7.24'],
    ],
    [
      '550 5.7.24 "The SPF record of the sending domain has one or more suspicious entries" is a failed authentication',
      () => atData('5.7.24', '550 5.7.24 The SPF record of the sending domain has one or more suspicious entries. - gsmtp'),
      ['authfailure', 'soft', '5.7.24'],
    ],
    [
      '550 5.7.25 "the sending IP address doesn\'t have a PTR record" asks for reverse DNS',
      () =>
        atRcpt(
          '5.7.25',
          "550 5.7.25 This message was blocked because the sending IP address doesn't have a PTR record, or the forwarding DNS entry doesn't reference the sending IP address. - gsmtp",
        ),
      ['requireptr', 'soft', '5.7.25'],
    ],
    [
      '421 4.7.26 "rate limited because it is unauthenticated" is a failed authentication, soft',
      () =>
        atData(
          '4.7.26',
          '421 4.7.26 This email has been rate limited because it is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. - gsmtp',
        ),
      ['authfailure', 'soft', '4.7.26'],
    ],
    [
      '451 4.7.26 "not accepted due to domain\'s DMARC policy, but temporary DNS failures prevent authentication" is authentication, soft',
      () =>
        atData(
          '4.7.26',
          "451 4.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy, but temporary DNS failures prevent authentication. Please contact the administrator of example.com domain if this was a legitimate email. - gsmtp",
        ),
      ['authfailure', 'soft', '4.7.26'],
    ],
    [
      '550 5.7.26 "blocked because the sender is unauthenticated" is a failed authentication',
      () =>
        atData(
          '5.7.26',
          '550 5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. - gsmtp',
        ),
      ['authfailure', 'soft', '5.7.26'],
    ],
    [
      '550 5.7.26 "Unauthenticated email from ... is not accepted due to domain\'s DMARC policy" is a failed authentication',
      () =>
        atData(
          '5.7.26',
          "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy. Please contact the administrator of example.com domain if this was a legitimate mail. - gsmtp",
        ),
      ['authfailure', 'soft', '5.7.26'],
    ],
    [
      '421 4.7.27 "rate limited because SPF authentication didn\'t pass" is a failed authentication',
      () =>
        atData(
          '4.7.27',
          "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate with SPF. - gsmtp",
        ),
      ['authfailure', 'soft', '4.7.27'],
    ],
    [
      '550 5.7.27 "blocked because it didn\'t pass SPF authentication" is a failed authentication',
      () => atData('5.7.27', "550 5.7.27 This message was blocked because it didn't pass SPF authentication. - gsmtp"),
      ['authfailure', 'soft', '5.7.27'],
    ],
    [
      '421 4.7.28 "unusual rate of unsolicited email originating from your DKIM domain" blocks the sender for now',
      () =>
        atData(
          '4.7.28',
          '421 4.7.28 Gmail has detected an unusual rate of unsolicited email originating from your DKIM domain. To protect our users from spam, mail sent from your domain has been temporarily rate limited. - gsmtp',
        ),
      ['blocked', 'soft', '4.7.28'],
    ],
    [
      '421 4.7.28 "unusual rate of unsolicited email containing one of your URL domains" is spam in the message',
      () =>
        atData(
          '4.7.28',
          '421 4.7.28 Gmail has detected an unusual rate of unsolicited email containing one of your URL domains. To protect our users from spam, mail sent from your domain has been temporarily rate limited. - gsmtp',
        ),
      ['spamdetected', 'soft', '4.7.28'],
    ],
    [
      '421 4.7.28 "exceeded the quota for sending messages that have the same Message-ID" is the sender\'s pace',
      () =>
        atData(
          '4.7.28',
          '421 4.7.28 Gmail has detected this sender exceeded the quota for sending messages that have the same Message-ID:. - gsmtp',
        ),
      ['speeding', 'soft', '4.7.28'],
    ],
    [
      '550 5.7.28 "unusual rate of unsolicited email originating from your IP address" blocks the sending host',
      () =>
        atData(
          '5.7.28',
          '550 5.7.28 There is an unusual rate of unsolicited email originating from your IP address has been blocked. - gsmtp',
        ),
      ['blocked', 'soft', '5.7.28'],
    ],
    [
      '421 4.7.29 "rate limited because you\'re not using a TLS connection" is a missing TLS session',
      () => atData('4.7.29', "421 4.7.29 Your email has been rate limited because you're not using a TLS connection. - gsmtp"),
      ['failedstarttls', 'soft', '4.7.29'],
    ],
    [
      '550 5.7.29 "blocked because it wasn\'t sent over a TLS connection" is a missing TLS session',
      () => atData('5.7.29', "550 5.7.29 This message was blocked because it wasn't sent over a TLS connection. - gsmtp"),
      ['failedstarttls', 'soft', '5.7.29'],
    ],
    [
      '421 4.7.30 "rate limited because DKIM authentication didn\'t pass" is a failed authentication',
      () =>
        atData('4.7.30', "421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass for this message. - gsmtp"),
      ['authfailure', 'soft', '4.7.30'],
    ],
    [
      '550 5.7.30 "blocked because it didn\'t pass DKIM authentication" is a failed authentication',
      () => atData('5.7.30', "550 5.7.30 This message was blocked because it didn't pass DKIM authentication. - gsmtp"),
      ['authfailure', 'soft', '5.7.30'],
    ],
    [
      '550 5.7.32 "From: header isn\'t aligned with either the authenticated SPF or DKIM" is a failed authentication',
      () =>
        atData(
          '5.7.32',
          "550 5.7.32 Your email was blocked because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain. - gsmtp",
        ),
      ['authfailure', 'soft', '5.7.32'],
    ],
    [
      '421 4.7.40 "the sending domain doesn\'t have a DMARC record" is a failed authentication',
      () =>
        atData(
          '4.7.40',
          "421 4.7.40 Your email has been rate limited because the sending domain doesn't have a DMARC record, or the DMARC record doesn't specify a DMARC policy. - gsmtp",
        ),
      ['authfailure', 'soft', '4.7.40'],
    ],
    [
      '550 5.7.40 "blocked because the sending domain doesn\'t have a DMARC record" is a failed authentication',
      () =>
        atData(
          '5.7.40',
          "550 5.7.40 Your message was blocked because the sending domain doesn't have a DMARC record or the DMARC record doesn't specify a DMARC policy. - gsmtp",
        ),
      ['authfailure', 'soft', '5.7.40'],
    ],
    [
      '552 5.2.2 "The email account that you tried to reach is over quota" is a full mailbox',
      () => atRcpt('5.2.2', '552 5.2.2 The email account that you tried to reach is over quota. - gsmtp'),
      ['mailboxfull', 'soft', '5.2.2'],
    ],
    [
      '552 5.2.2 "The recipient\'s inbox is out of storage space and inactive" is a full mailbox',
      () => atRcpt('5.2.2', "552 5.2.2 The recipient's inbox is out of storage space and inactive. - gsmtp"),
      ['mailboxfull', 'soft', '5.2.2'],
    ],
    [
      '552 5.2.3 "Your message exceeded Google\'s message size limits" is exceedlimit (X.2.3, rule 2), soft',
      () => atData('5.2.3', "552 5.2.3 Your message exceeded Google's message size limits. - gsmtp"),
      ['exceedlimit', 'soft', '5.2.3'],
    ],
    [
      '553 5.1.2 "We weren\'t able to find the recipient domain" is an unknown host, hard',
      () => atRcpt('5.1.2', "553 5.1.2 We weren't able to find the recipient domain. Please check for any spelling errors. - gsmtp"),
      ['hostunknown', 'hard', '5.1.2'],
    ],
    [
      '554 5.6.0 "Mail message is malformed. Not accepted" is the message\'s content',
      () => atData('5.6.0', '554 5.6.0 Mail message is malformed. Not accepted. - gsmtp'),
      ['contenterror', 'soft', '5.6.0'],
    ],
    [
      '554 5.6.0 "Message exceeded 50 hops, this may indicate a mail loop" is a routing loop, not the content',
      () => atData('5.6.0', '554 5.6.0 Message exceeded 50 hops, this may indicate a mail loop. - gsmtp'),
      ['networkerror', 'soft', '5.6.0'],
    ],
    [
      '554 5.7.0 "Too many unauthenticated commands" is SMTP authentication',
      () => atData('5.7.0', '554 5.7.0 Too many unauthenticated commands. - gsmtp'),
      ['securityerror', 'soft', '5.7.0'],
    ],
    [
      '555 5.5.2 "Syntax error" is a syntax error',
      () => atMail('5.5.2', '555 5.5.2 Syntax error. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.2'],
    ],
    [
      '552 5.7.0 "its content presents a potential security issue" is a blocked attachment, policy',
      () =>
        atData(
          '5.7.0',
          '552 5.7.0 This message was blocked because its content presents a potential security issue. Please visit https://support.google.com/mail/?p=BlockedMessage to review our message content and attachment content guidelines. - gsmtp',
        ),
      ['policyviolation', 'soft', '5.7.0'],
    ],
  ]);
});

// The same page as it reads in 2026 (last updated 2026-02-12; a copy of the page's text is kept
// in github.com/azumakuniyuki/feb-2024-no-auth-no-entry, google-3726730-smtp-errors-and-codes):
// the replies it added or reworded since the list above.
describe("Gmail's SMTP error reference, its 2026 wordings (support.google.com/a/answer/3726730)", () => {
  cases([
    [
      '451 4.3.0 "Email server has temporarily rejected this message" is the server\'s own trouble',
      () => atData('4.3.0', '451 4.3.0 Email server has temporarily rejected this message. - gsmtp'),
      ['systemerror', 'soft', '4.3.0'],
    ],
    [
      '421 4.7.0 "Connection expired, try reconnecting" is a network failure, soft',
      () => atData('4.7.0', '421 4.7.0 Connection expired, try reconnecting. - gsmtp'),
      ['expired', 'soft', '4.7.0'],
    ],
    [
      '421 4.7.0 "does not have a PTR record ... temporarily rate limited" asks for reverse DNS, not a slower pace',
      () =>
        atRcpt(
          '4.7.0',
          '421 4.7.0 The IP address sending this message does not have a PTR record, or the corresponding forward DNS entry does not point to the sending IP. To protect our users from spam, email sent from your IP address has been temporarily rate limited. - gsmtp',
        ),
      ['requireptr', 'soft', '4.7.0'],
    ],
    [
      '454 4.7.0 "Too many login attempts, please try again later" is SMTP authentication',
      () => atAuth('4.7.0', '454 4.7.0 Too many login attempts, please try again later. - gsmtp'),
      ['securityerror', 'soft', '4.7.0'],
    ],
    [
      '421 4.7.0 "very low reputation of the sending IP address ... temporarily rate limited" stays spamdetected, not speeding',
      () =>
        atData(
          '4.7.0',
          '421 4.7.0 This message is suspicious due to the very low reputation of the sending IP address. To protect our users from spam, email sent from your IP address has been temporarily rate limited. - gsmtp',
        ),
      ['spamdetected', 'soft', '4.7.0'],
    ],
    [
      '451 4.7.23 "doesn\'t have a PTR record" asks for reverse DNS, although RFC 7372 gives 4.7.23 to SPF',
      () =>
        atRcpt(
          '4.7.23',
          "451 4.7.23 192.0.2.1 The sending IP address for this message doesn't have a PTR record, or the PTR record's forward DNS entry doesn't match the sending IP address. To protect users from spam, your email has been temporarily rate limited. - gsmtp",
        ),
      ['requireptr', 'soft', '4.7.23'],
    ],
    [
      '550 5.7.23 with words that say only "rejected" stays the SPF failure RFC 7372 gives the code',
      () => atData('5.7.23', '550 5.7.23 Message rejected'),
      ['authfailure', 'soft', '5.7.23'],
    ],
    [
      '421 4.7.26 "rate limited because it is unauthenticated ... Authentication results" is a failed authentication',
      () =>
        atData(
          '4.7.26',
          '421 4.7.26 This email has been rate limited because it is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass SPF example.com with ip: 192.0.2.1 = did not pass. - gsmtp',
        ),
      ['authfailure', 'soft', '4.7.26'],
    ],
    [
      '421 4.7.27 "SPF authentication didn\'t pass ... Authentication results" is a failed authentication',
      () =>
        atData(
          '4.7.27',
          "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate their email with SPF. Authentication results: SPF example.com with IP address: 192.0.2.1 = Did not pass. - gsmtp",
        ),
      ['authfailure', 'soft', '4.7.27'],
    ],
    [
      '421 4.7.28 "Gmail has detected an unusual rate of email" is the sender\'s pace',
      () =>
        atData(
          '4.7.28',
          '421 4.7.28 Gmail has detected an unusual rate of email. To protect our users from spam, email has been temporarily rate limited. - gsmtp',
        ),
      ['speeding', 'soft', '4.7.28'],
    ],
    [
      '421 4.7.28 "unusual rate of email originating from your IP address" is the sending host\'s pace',
      () =>
        atData(
          '4.7.28',
          '421 4.7.28 Gmail has detected an unusual rate of email originating from your IP address 192.0.2.1. To protect our users from spam, email sent from your IP address has been temporarily rate limited. - gsmtp',
        ),
      ['speeding', 'soft', '4.7.28'],
    ],
    [
      '421 4.7.28 "unusual rate of unsolicited email originating from your IP Netblock" blocks the sending network for now',
      () =>
        atData(
          '4.7.28',
          '421 4.7.28 Gmail has detected an unusual rate of unsolicited email originating from your IP Netblock 192.0.2.0/24. To protect our users from spam, email sent from your IP Netblock has been temporarily rate limited. - gsmtp',
        ),
      ['blocked', 'soft', '4.7.28'],
    ],
    [
      '421 4.7.28 "unusual rate of unsolicited email originating from your SPF domain" blocks the sender for now',
      () =>
        atData(
          '4.7.28',
          '421 4.7.28 Gmail has detected an unusual rate of unsolicited email originating from your SPF domain example.com. To protect our users from spam, email sent from your domain has been temporarily rate limited. - gsmtp',
        ),
      ['blocked', 'soft', '4.7.28'],
    ],
    [
      '421 4.7.28 "unusual amount of unsolicited email originating from your IP address" blocks the sending host for now',
      () =>
        atData(
          '4.7.28',
          '421 4.7.28 Gmail has detected an unusual amount of unsolicited email originating from your IP address. To protect our users from spam, email sent from your IP address has been temporarily blocked. - gsmtp',
        ),
      ['blocked', 'soft', '4.7.28'],
    ],
    [
      '421 5.7.32 "Your email was blocked because the From: header ... isn\'t aligned" is a failed authentication',
      () =>
        atData(
          '5.7.32',
          "421 5.7.32 Your email was blocked because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain. - gsmtp",
        ),
      ['authfailure', 'soft', '5.7.32'],
    ],
    [
      '553 5.1.3 "The recipient address ... is not a valid RFC 5321 address" is an unknown user, hard',
      () => atRcpt('5.1.3', '553 5.1.3 The recipient address <user@example.net> is not a valid RFC 5321 address. - gsmtp'),
      ['userunknown', 'hard', '5.1.3'],
    ],
    [
      '553 5.1.7 "The sender address ... is not a valid RFC 5321 address" refuses the sender',
      () => atMail('5.1.7', '553 5.1.7 The sender address <sender@example.com> is not a valid RFC 5321 address. - gsmtp'),
      ['rejected', 'soft', '5.1.7'],
    ],
    [
      '552 5.3.4 "Your message exceeded Google\'s message size limits" is a message too big',
      () => atData('5.3.4', "552 5.3.4 Your message exceeded Google's message size limits. - gsmtp"),
      ['mesgtoobig', 'soft', '5.3.4'],
    ],
    [
      '552 5.3.4 "The number of attachments ... exceeds Google\'s limit" is a message too big',
      () => atData('5.3.4', "552 5.3.4 The number of attachments (600) exceeds Google's limit of 500 attachments. - gsmtp"),
      ['mesgtoobig', 'soft', '5.3.4'],
    ],
    [
      '552 5.3.4 "The size of your message ... exceeded Google\'s message size limits" is a message too big',
      () =>
        atData(
          '5.3.4',
          "552 5.3.4 The size of your message (30000000 bytes) exceeded Google's message size limits of 26214400 bytes. - gsmtp",
        ),
      ['mesgtoobig', 'soft', '5.3.4'],
    ],
    [
      '552 5.3.4 "Your message exceeded Google\'s message header size limits" is a message too big',
      () => atData('5.3.4', "552 5.3.4 Your message exceeded Google's message header size limits. - gsmtp"),
      ['mesgtoobig', 'soft', '5.3.4'],
    ],
    [
      '552 5.3.4 "The size of a header name ... exceeds Google\'s header name limit" is a message too big',
      () => atData('5.3.4', "552 5.3.4 The size of a header name (2000 bytes) exceeds Google's header name limit of 1000 bytes. - gsmtp"),
      ['mesgtoobig', 'soft', '5.3.4'],
    ],
    [
      '552 5.3.4 "Your message has a Subject: header that exceeds Google\'s message header size limits" is a message too big',
      () => atData('5.3.4', "552 5.3.4 Your message has a Subject: header that exceeds Google's message header size limits. - gsmtp"),
      ['mesgtoobig', 'soft', '5.3.4'],
    ],
    [
      '550 5.4.5 "Daily user sending limit exceeded" is the sender\'s volume',
      () => atMail('5.4.5', '550 5.4.5 Daily user sending limit exceeded. - gsmtp'),
      ['speeding', 'soft', '5.4.5'],
    ],
    [
      '554 5.4.6 "Message exceeded 50 hops, this may indicate an email loop" is a routing loop',
      () => atData('5.4.6', '554 5.4.6 Message exceeded 50 hops, this may indicate an email loop. - gsmtp'),
      ['networkerror', 'soft', '5.4.6'],
    ],
    [
      '503 5.5.1 "Bad sequence of commands" is a syntax error',
      () => atData('5.5.1', '503 5.5.1 Bad sequence of commands. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.1'],
    ],
    [
      '503 5.5.1 "No DATA after BDAT. An email transaction protocol command was issued out of sequence" is a syntax error',
      () =>
        postfix('BDAT command')(
          '5.5.1',
          '503 5.5.1 No DATA after BDAT. An email transaction protocol command was issued out of sequence. - gsmtp',
        ),
      ['syntaxerror', 'soft', '5.5.1'],
    ],
    [
      '503 5.5.1 "An email transaction protocol command was issued out of sequence" at RCPT is a syntax error, not an unknown user',
      () => atRcpt('5.5.1', '503 5.5.1 An email transaction protocol command was issued out of sequence. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.1'],
    ],
    [
      '501 5.5.2 "Syntax error, cannot decode response" is a syntax error',
      () => atAuth('5.5.2', '501 5.5.2 Syntax error, cannot decode response. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.2'],
    ],
    [
      '555 5.5.2 "Syntax error, goodbye" is a syntax error',
      () => atMail('5.5.2', '555 5.5.2 Syntax error, goodbye. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.2'],
    ],
    [
      '550 5.5.3 "Too many recipients for this sender" is toomanyconn (X.5.3), not an unknown user',
      () => atRcpt('5.5.3', '550 5.5.3 Too many recipients for this sender. - gsmtp'),
      ['toomanyconn', 'soft', '5.5.3'],
    ],
    [
      '501 5.5.4 "Empty HELO/EHLO argument not allowed" at EHLO is a syntax error of the client',
      () => atEhlo('5.5.4', '501 5.5.4 Empty HELO/EHLO argument not allowed, closing connection. - gsmtp'),
      ['syntaxerror', 'soft', '5.5.4'],
    ],
    [
      '554 5.6.0 "Email message is malformed. Not accepted" is the message\'s content',
      () => atData('5.6.0', '554 5.6.0 Email message is malformed. Not accepted. - gsmtp'),
      ['contenterror', 'soft', '5.6.0'],
    ],
    [
      '550 5.7.0 "Email relay denied ... Invalid credentials for relay" is a refused relay',
      () =>
        atMail(
          '5.7.0',
          "550 5.7.0 Email relay denied 192.0.2.1. Invalid credentials for relay for one of the domains in: example.com (as obtained from HELO and (E)MAIL FROM). Email is being sent from a domain or IP address which isn't registered in your Workspace account. - gsmtp",
        ),
      ['norelaying', 'soft', '5.7.0'],
    ],
    [
      '550 5.7.0 "Email relay denied ... The sending email account has been temporarily suspended" is a refused relay, not a suspended recipient',
      () =>
        atMail(
          '5.7.0',
          '550 5.7.0 Email relay denied 192.0.2.1. The sending email account has been temporarily suspended due to abuse. - gsmtp',
        ),
      ['norelaying', 'soft', '5.7.0'],
    ],
    [
      '550 5.7.0 "Email sending denied" refuses the sender',
      () => atMail('5.7.0', '550 5.7.0 Email sending denied. - gsmtp'),
      ['rejected', 'soft', '5.7.0'],
    ],
    [
      '530 5.7.0 "Authentication required" in reply to AUTH is SMTP authentication',
      () => postfix('AUTH command')('5.7.0', '530 5.7.0 Authentication required. - gsmtp'),
      ['securityerror', 'soft', '5.7.0'],
    ],
    [
      '550 5.7.1 "This message does not meet IPv6 sending guidelines regarding PTR records and authentication" asks for reverse DNS',
      () =>
        atData('5.7.1', '550 5.7.1 This message does not meet IPv6 sending guidelines regarding PTR records and authentication. - gsmtp'),
      ['requireptr', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "The message contains a unicode character in a disallowed header" is a message out of RFC 5322',
      () => atData('5.7.1', '550 5.7.1 The message contains a unicode character in a disallowed header. - gsmtp'),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "not RFC 5322 compliant because it has duplicate headers" is a message out of RFC 5322',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 This message is not RFC 5322 compliant because it has duplicate headers. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp',
        ),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "not RFC 5322 compliant because the From: header is missing" is a message out of RFC 5322',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 This message is not RFC 5322 compliant because the From: header is missing. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp',
        ),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "not RFC 5322 compliant because the From: header has a non-compliant domain name" is a message out of RFC 5322',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 This message is not RFC 5322 compliant because the From: header has a non-compliant domain name. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp',
        ),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "Encoded-word syntax is not permitted in message header" is a message out of RFC 5322, not spam',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 Encoded-word syntax is not permitted in message header Message-ID. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp',
        ),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "not RFC 5322 compliant. There are multiple ... headers" is a message out of RFC 5322',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 This message is not RFC 5322 compliant. There are multiple Subject headers. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp',
        ),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "not RFC 5322 compliant. There is a malformed ... header" is a message out of RFC 5322',
      () =>
        atData(
          '5.7.1',
          '550 5.7.1 This message is not RFC 5322 compliant. There is a malformed Date header. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp',
        ),
      ['notcompliantrfc', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "This email has been rate limited" is the sender\'s pace',
      () => atData('5.7.1', '550 5.7.1 This email has been rate limited. - gsmtp'),
      ['speeding', 'soft', '5.7.1'],
    ],
    [
      '550 5.7.1 "Daily SMTP relay sending limit exceeded for this customer" is the sender\'s volume',
      () => atMail('5.7.1', '550 5.7.1 Daily SMTP relay sending limit exceeded for this customer. - gsmtp'),
      ['speeding', 'soft', '5.7.1'],
    ],
    [
      '501 5.7.11 "Syntax error (no parameters allowed)" is a syntax error',
      () => postfix('STARTTLS command')('5.7.11', '501 5.7.11 Syntax error (no parameters allowed). - gsmtp'),
      ['syntaxerror', 'soft', '5.7.11'],
    ],
    [
      '534 5.7.14 "Please log in through your web browser and then try again" is SMTP authentication',
      () => atAuth('5.7.14', '534 5.7.14 Please log in through your web browser and then try again. - gsmtp'),
      ['securityerror', 'soft', '5.7.14'],
    ],
    [
      '550 5.7.26 "has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks" is a failed authentication',
      () =>
        atData(
          '5.7.26',
          '550 5.7.26 The (E)MAIL FROM domain [example.com] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks with the ip: [192.0.2.1]. To best protect our users from spam and phishing, the message has been blocked. - gsmtp',
        ),
      ['authfailure', 'soft', '5.7.26'],
    ],
    [
      '504 5.7.40 "XOAUTH is no longer supported" is SMTP authentication, not a missing DMARC record',
      () => postfix('AUTH command')('5.7.40', '504 5.7.40 XOAUTH is no longer supported. - gsmtp'),
      ['securityerror', 'soft', '5.7.40'],
    ],
    [
      '504 5.7.40 "Unrecognized authentication type" is SMTP authentication',
      () => postfix('AUTH command')('5.7.40', '504 5.7.40 Unrecognized authentication type. - gsmtp'),
      ['securityerror', 'soft', '5.7.40'],
    ],
    [
      '535 5.7.80 "Username and Password not accepted" is SMTP authentication',
      () => atAuth('5.7.80', '535 5.7.80 Username and Password not accepted. - gsmtp'),
      ['securityerror', 'soft', '5.7.80'],
    ],
    [
      '534 5.7.90 "Application-specific password required" is SMTP authentication',
      () => atAuth('5.7.90', '534 5.7.90 Application-specific password required. - gsmtp'),
      ['securityerror', 'soft', '5.7.90'],
    ],
  ]);
});

// Microsoft's "Email non-delivery reports and SMTP errors in Exchange Online"
// (learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online,
// its source in MicrosoftDocs/OfficeDocs-Exchange): every row of its table; and the per-code
// pages "Fix NDR error 550 5.7.515 in Outlook.com", "Fix error codes 5.7.700 through 5.7.750",
// and Exchange Online's limits pages for 5.7.232-5.7.236.
describe("Exchange Online's NDR table (learn.microsoft.com, Email non-delivery reports in Exchange Online)", () => {
  cases([
    [
      '432 4.3.2 "STOREDRV.Deliver; recipient thread limit exceeded" is the pace of mail to the mailbox',
      () => reported('4.3.2', '432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded'),
      ['speeding', 'soft', '4.3.2'],
    ],
    [
      '4.4.316 "Connection refused [Message=Socket error code 10061]" as the last error of a failed delivery is expired (rule 3)',
      () => reported('4.4.316', '451 4.4.316 Connection refused [Message=Socket error code 10061]'),
      ['expired', 'soft', '4.4.316'],
    ],
    [
      '4.5.3 "Too many recipients" is toomanyconn, not a full mailbox',
      () => atRcpt('4.5.3', '452 4.5.3 Too many recipients'),
      ['toomanyconn', 'soft', '4.5.3'],
    ],
    [
      '4.7.26 "a message sent over IPv6 must pass either SPF or DKIM validation" is a failed authentication',
      () =>
        atData(
          '4.7.26',
          '450 4.7.26 Access denied, a message sent over IPv6 [2001:db8::1] must pass either SPF or DKIM validation, this message is not signed',
        ),
      ['authfailure', 'soft', '4.7.26'],
    ],
    [
      '4.7.500 "Access denied, please try again later" holds the sending host back for now',
      () => atRcpt('4.7.500', '451 4.7.500 Access denied, please try again later'),
      ['blocked', 'soft', '4.7.500'],
    ],
    [
      '5.0.350 "x-dg-ref header is too long" is the message\'s content',
      () => reported('5.0.350', '550 5.0.350 x-dg-ref header is too long'),
      ['contenterror', 'soft', '5.0.350'],
    ],
    [
      '5.0.350 "Requested action not taken: policy violation detected (AS345)" is a policy (nested attachments)',
      () => atData('5.0.350', '550 5.0.350 Requested action not taken: policy violation detected (AS345)'),
      ['policyviolation', 'soft', '5.0.350'],
    ],
    [
      '5.1.0 "Sender denied" refuses the sender, not the recipient',
      () => reported('5.1.0', '550 5.1.0 Sender denied'),
      ['rejected', 'soft', '5.1.0'],
    ],
    [
      '5.1.1 "Bad destination mailbox address" is an unknown user, hard',
      () => atRcpt('5.1.1', '550 5.1.1 Bad destination mailbox address'),
      ['userunknown', 'hard', '5.1.1'],
    ],
    [
      '5.1.10 "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup" is an unknown user, hard',
      () => atRcpt('5.1.10', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient user@example.net not found by SMTP address lookup'),
      ['userunknown', 'hard', '5.1.10'],
    ],
    [
      '5.1.90 "reached your daily limit for message recipients" is the sender\'s volume',
      () => reported('5.1.90', "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients"),
      ['speeding', 'soft', '5.1.90'],
    ],
    [
      '5.2.122 "Recipient\'s per hour message receive limit exceeded" is the pace of mail to the mailbox',
      () => atRcpt('5.2.122', "550 5.2.122 Recipient's per hour message receive limit exceeded."),
      ['speeding', 'soft', '5.2.122'],
    ],
    [
      '5.3.190 "Journaling on-premises messages ... not supported when Journaling Archive is disabled" is the recipient system\'s setup',
      () =>
        reported(
          '5.3.190',
          '550 5.3.190 Journaling on-premises messages to Microsoft 365 or Office 365 not supported when Journaling Archive is disabled.',
        ),
      ['systemerror', 'soft', '5.3.190'],
    ],
    [
      '5.4.1 "Relay Access Denied" is a refused relay, not an unknown recipient',
      () => atRcpt('5.4.1', '550 5.4.1 Relay Access Denied'),
      ['norelaying', 'soft', '5.4.1'],
    ],
    [
      '5.4.14 "Hop count exceeded - possible mail loop ATTR34" (Exchange Online) is a routing loop',
      () => reported('5.4.14', '554 5.4.14 Hop count exceeded - possible mail loop ATTR34'),
      ['networkerror', 'soft', '5.4.14'],
    ],
    [
      '5.4.6 "Hop count exceeded - possible mail loop" (Exchange Server) is a routing loop',
      () => reported('5.4.6', '554 5.4.6 Hop count exceeded - possible mail loop'),
      ['networkerror', 'soft', '5.4.6'],
    ],
    [
      '5.7.1 "RESOLVER.RST.AuthRequired; authentication required" (a public folder for authenticated senders) is SMTP authentication',
      () => reported('5.7.1', '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: CreateMessage]'),
      ['securityerror', 'soft', '5.7.1'],
    ],
    [
      '5.7.1 "Client host [...] blocked using Blocklist 1" blocks the sending host',
      () =>
        atRcpt(
          '5.7.1',
          '550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using Blocklist 1; To request removal from this list please forward this message to delist@messaging.microsoft.com',
        ),
      ['blocked', 'soft', '5.7.1'],
    ],
    [
      '5.5.0 "Requested action not taken: mailbox unavailable" (Outlook.com, not found by address lookup) is an unknown user at RCPT',
      () => atRcpt('5.5.0', '550 5.5.0 Requested action not taken: mailbox unavailable'),
      ['userunknown', 'hard', '5.5.0'],
    ],
    [
      '5.6.11 "Invalid characters" (bare line feeds) is a message out of the RFC',
      () =>
        reported('5.6.11', '550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA'),
      ['notcompliantrfc', 'soft', '5.6.11'],
    ],
    ['5.7.1 "Unable to relay" is a refused relay', () => atRcpt('5.7.1', '550 5.7.1 Unable to relay'), ['norelaying', 'soft', '5.7.1']],
    [
      '5.7.1 "Delivery not authorized, message refused" is the recipient\'s restriction',
      () => atRcpt('5.7.1', '550 5.7.1 Delivery not authorized, message refused'),
      ['filtered', 'soft', '5.7.1'],
    ],
    [
      '5.7.23 "rejected because of Sender Policy Framework violation" is a failed authentication',
      () => atData('5.7.23', '550 5.7.23 The message was rejected because of Sender Policy Framework violation'),
      ['authfailure', 'soft', '5.7.23'],
    ],
    [
      '5.7.25 "the sending IPv6 address must have a reverse DNS record" asks for reverse DNS',
      () => atRcpt('5.7.25', '550 5.7.25 Access denied, the sending IPv6 address [2001:db8::1] must have a reverse DNS record'),
      ['requireptr', 'soft', '5.7.25'],
    ],
    [
      '5.7.57 "Client was not authenticated to send anonymous mail during MAIL FROM" in reply to MAIL FROM refuses the sender (rule 5)',
      () => atMail('5.7.57', '530 5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM'),
      ['rejected', 'soft', '5.7.57'],
    ],
    [
      '5.7.57 "Client was not authenticated to send anonymous mail" in Exchange Online\'s own NDR is SMTP authentication',
      () => reported('5.7.57', '530 5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM'),
      ['securityerror', 'soft', '5.7.57'],
    ],
    [
      '5.7.64 "TenantAttribution; Relay Access Denied" is a refused relay',
      () => atRcpt('5.7.64', '550 5.7.64 TenantAttribution; Relay Access Denied'),
      ['norelaying', 'soft', '5.7.64'],
    ],
    [
      '5.7.134 "Sender was not authenticated for mailbox" is the recipient taking only authenticated senders',
      () => atRcpt('5.7.134', '550 5.7.134 Sender was not authenticated for mailbox'),
      ['securityerror', 'soft', '5.7.134'],
    ],
    [
      '5.7.324 "dnssec-invalid: Destination domain returned invalid DNSSEC records" is the destination\'s DNS security',
      () => reported('5.7.324', '550 5.7.324 dnssec-invalid: Destination domain returned invalid DNSSEC records'),
      ['securityerror', 'soft', '5.7.324'],
    ],
    [
      '5.7.504 "[address]: Recipient address rejected: Access denied" is an unknown user, hard',
      () => atRcpt('5.7.504', '550 5.7.504 <user@example.net>: Recipient address rejected: Access denied'),
      ['userunknown', 'hard', '5.7.504'],
    ],
    [
      '5.7.506 "Access Denied, Bad HELO" blocks the sending host',
      () => atRcpt('5.7.506', '550 5.7.506 Access Denied, Bad HELO'),
      ['blocked', 'soft', '5.7.506'],
    ],
    [
      '5.7.508 "has exceeded permitted limits within $range range" is the sender\'s volume',
      () => atRcpt('5.7.508', '550 5.7.508 Access denied, [2001:db8::1] has exceeded permitted limits within 2001:db8::/64 range'),
      ['speeding', 'soft', '5.7.508'],
    ],
    [
      '5.7.509 "does not pass DMARC verification" is a failed authentication',
      () => atData('5.7.509', '550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification'),
      ['authfailure', 'soft', '5.7.509'],
    ],
    [
      '5.7.510 "does not accept email over IPv6" refuses the sending host\'s transport',
      () => atRcpt('5.7.510', '550 5.7.510 Access denied, example.net does not accept email over IPv6'),
      ['blocked', 'soft', '5.7.510'],
    ],
    [
      '5.7.512 "message must be RFC 5322 section 3.6.2 compliant" is a message out of RFC 5322',
      () => atData('5.7.512', '550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant'),
      ['notcompliantrfc', 'soft', '5.7.512'],
    ],
    [
      '5.7.513 "blocked by ... using Customer Block list" blocks the sending host',
      () =>
        atRcpt(
          '5.7.513',
          '550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by example.net using Customer Block list (AS16012607)',
        ),
      ['blocked', 'soft', '5.7.513'],
    ],
    [
      '5.7.606 "Access denied, banned sending IP" blocks the sending host',
      () => atRcpt('5.7.606', '550 5.7.606 Access denied, banned sending IP [192.0.2.1]'),
      ['blocked', 'soft', '5.7.606'],
    ],
    [
      '5.7.750 "Client blocked from sending from unregistered domains" blocks the sending tenant',
      () => reported('5.7.750', '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains'),
      ['blocked', 'soft', '5.7.750'],
    ],
    [
      '5.7.515 "does not meet the required authentication level" (Outlook.com) is a failed authentication',
      () => atData('5.7.515', '550 5.7.515 Access denied, sending domain example.com does not meet the required authentication level.'),
      ['authfailure', 'soft', '5.7.515'],
    ],
    [
      '5.7.703 "blocked by your organization using Tenant Allow Block List" is the sender\'s own organisation\'s policy',
      () =>
        reported(
          '5.7.703',
          "550 5.7.703 Your message can't be delivered because messages to user@example.net are blocked by your organization using Tenant Allow Block List.",
        ),
      ['policyviolation', 'soft', '5.7.703'],
    ],
    [
      '5.7.233 "your tenant exceeded its daily limit for sending email to external recipients" is the sender\'s volume',
      () =>
        reported(
          '5.7.233',
          "550 5.7.233 Your message can't be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)",
        ),
      ['speeding', 'soft', '5.7.233'],
    ],
    [
      '5.7.236 "exceeded its daily limit ... from your tenant\'s onmicrosoft.com domains" is the sender\'s volume',
      () =>
        reported(
          '5.7.236',
          "550 5.7.236 Your message can't be sent because your tenant has exceeded its daily limit for sending email to external recipients from your tenant's onmicrosoft.com domains",
        ),
      ['speeding', 'soft', '5.7.236'],
    ],
    [
      '5.7.139 "Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant" is SMTP authentication',
      () => atAuth('5.7.139', '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.'),
      ['securityerror', 'soft', '5.7.139'],
    ],
  ]);
});

// Outlook.com's (Hotmail's) block-list and reputation replies with Microsoft's internal codes, as
// Word to the Wise quotes them ("Troubleshooting and codes", wordtothewise.com, 2017-10) and a
// web agency's notice shows the first in answer to MAIL FROM (sevencreative.co.uk, "How to
// remove yourself from the Hotmail block list").
describe("Outlook.com's block list and reputation replies", () => {
  cases([
    [
      '"part of their network is on our block list (S3150)" in reply to MAIL FROM blocks the sending host, not the sender\'s address',
      () =>
        atMail(
          '5.7.1',
          "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [DB3EUR04FT007.eop-eur04.prod.protection.outlook.com]",
        ),
      ['blocked', 'soft', '5.7.1'],
    ],
    [
      '"on our block list (AS3150)" blocks the sending host, not a network named by its AS number',
      () =>
        atRcpt(
          '5.7.1',
          "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (AS3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.",
        ),
      ['blocked', 'soft', '5.7.1'],
    ],
    [
      '"451 4.7.500 Server busy. Please try again later from [ip]. (AS843)" holds the sending host back for now',
      () =>
        atRcpt(
          '4.7.500',
          '451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (AS843) [DB3EUR04FT007.eop-eur04.prod.protection.outlook.com]',
        ),
      ['blocked', 'soft', '4.7.500'],
    ],
  ]);
});

// Fastmail's "Why messages bounce back" (fastmail.help/hc/en-us/articles/7010500320655) and the
// reply its servers give for a locked account, which its old FAQ (fastmail.fm/docs/faqparts/
// Email.htm) describes and an operator quotes (brianjohnson.co.za/posts/avoid-fastmail).
describe("Fastmail's published bounce errors", () => {
  cases([
    [
      '"User unknown in virtual mailbox table" is an unknown user, hard',
      () => atRcpt('5.1.1', '550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in virtual mailbox table'),
      ['userunknown', 'hard', '5.1.1'],
    ],
    [
      '"Sorry, user address unknown" is an unknown user, hard',
      () => atRcpt('5.1.1', '550 5.1.1 Sorry, user address unknown'),
      ['userunknown', 'hard', '5.1.1'],
    ],
    [
      '"Not authorised to send from this header address" is the sender\'s authorisation, soft',
      () => atData('5.7.1', '551 5.7.1 Not authorised to send from this header address'),
      ['securityerror', 'soft', '5.7.1'],
    ],
    [
      '"Address locked or deactivated" is a suspended recipient, soft, although Postfix prefixes "Client host rejected"',
      () =>
        atRcpt(
          '5.7.1',
          '554 5.7.1 <mail.example.com[192.0.2.1]>: Client host rejected: Address locked or deactivated; see http://mail.messagingengine.com/docs/locked.html',
        ),
      ['suspend', 'soft', '5.7.1'],
    ],
  ]);
});

// Infomaniak's "Resolve an email issue (following an error report)"
// (infomaniak.com/en/support/faq/858): its example of a recipient's provider's reply.
describe("Infomaniak's example of a disabled recipient", () => {
  cases([
    [
      '"recipient rejected, account administratively disabled" is a suspended recipient, not an unknown one, although the code is 5.1.1',
      () => atRcpt('5.1.1', '550 5.1.1 <user@example.net> recipient rejected, account administratively disabled'),
      ['suspend', 'soft', '5.1.1'],
    ],
  ]);
});

// Italiaonline's (Libero's, Virgilio's) "Messaggi di errore più frequenti dopo invio email"
// (aiuto.libero.it and aiuto.virgilio.it/articolo/mail/messaggi-di-errore-piu-frequenti-dopo-invio-email).
describe("Italiaonline's (Libero, Virgilio) most frequent errors", () => {
  cases([
    [
      '"MAILBOX FULL (User quota exceeded)" is a full mailbox',
      () => atRcpt('5.2.2', '552 5.2.2 Mailbox full (User quota exceeded)'),
      ['mailboxfull', 'soft', '5.2.2'],
    ],
    ['"550 Relay Disabled" is a refused relay', () => atRcpt('5.0.0', '550 Relay Disabled'), ['norelaying', 'soft', '5.0.0']],
    [
      '"Bad destination mailbox address" is an unknown user, hard',
      () => atRcpt('5.1.1', '550 5.1.1 Bad destination mailbox address'),
      ['userunknown', 'hard', '5.1.1'],
    ],
  ]);
});

// Runbox's "Common errors when sending mail through an email client"
// (help.runbox.com/common-errors-when-sending-mail-through-an-email-client): its submission
// server's refusals, as a relay that sends through Runbox reports them.
describe("Runbox's submission errors", () => {
  cases([
    ['"550 relaying prohibited" is a refused relay', () => atRcpt('5.0.0', '550 relaying prohibited'), ['norelaying', 'soft', '5.0.0']],
    [
      '"550 Administrative prohibition" is a vague refusal, soft',
      () => atRcpt('5.0.0', '550 Administrative prohibition'),
      ['rejected', 'soft', '5.0.0'],
    ],
    [
      '"550 Invalidated From address" refuses the sender',
      () => atMail('5.0.0', '550 Invalidated From address'),
      ['rejected', 'soft', '5.0.0'],
    ],
  ]);
});

// Apple iCloud Mail: Apple's "iCloud: Mailbox size and message sending limits" (HT4863), the
// replies smtp.codes/icloud lists, TidBITS's "Resetting Recent iCloud Bouncing Subscribers"
// (2021-08-30) for [CS01], and sendmagic's iCloud page (note.com/sendmagic/n/n079f49339312) for
// the alias and block-list replies: what providers/apple.ts does not hold.
describe("Apple iCloud Mail's replies", () => {
  cases([
    [
      '"550 5.1.1 <address>: user does not exist" is an unknown user, hard',
      () => atRcpt('5.1.1', '550 5.1.1 <user@example.net>: user does not exist'),
      ['userunknown', 'hard', '5.1.1'],
    ],
    [
      '"unknown or illegal alias" is an unknown user, hard',
      () => atRcpt('5.1.1', '550 5.1.1 unknown or illegal alias: user@example.net'),
      ['userunknown', 'hard', '5.1.1'],
    ],
    [
      '"[CS01] Message rejected due to local policy" is a policy',
      () => atData('5.7.1', '554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137'),
      ['policyviolation', 'soft', '5.7.1'],
    ],
    [
      '"Your message was rejected due to ... DMARC policy" is a failed authentication',
      () => atData('5.7.1', '550 5.7.1 Your message was rejected due to example.com DMARC policy.'),
      ['authfailure', 'soft', '5.7.1'],
    ],
    [
      '"Blocked- see https://support.proofpoint.com/dnsbl-lookup.cgi" blocks the sending host',
      () => atRcpt('5.7.0', '550 5.7.0 Blocked- see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.1'),
      ['blocked', 'soft', '5.7.0'],
    ],
    [
      '"Mail from IP ... was rejected due to listing in Spamhaus" blocks the sending host',
      () =>
        atRcpt(
          '5.7.1',
          '550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus SBL. For details please see http://www.spamhaus.org/query/bl?ip=192.0.2.1',
        ),
      ['blocked', 'soft', '5.7.1'],
    ],
    [
      '"451 4.7.1 Service unavailable - try again later" is the server\'s own trouble, soft',
      () => atRcpt('4.7.1', '451 4.7.1 Service unavailable - try again later'),
      ['systemerror', 'soft', '4.7.1'],
    ],
    [
      '"You have exceeded your daily sending limit" (iCloud\'s outgoing server) is the sender\'s volume, not a vague refusal',
      () => atMail('5.7.1', '550 5.7.1 sender@example.com: You have exceeded your daily sending limit. Please try again later.'),
      ['speeding', 'soft', '5.7.1'],
    ],
  ]);
});

// Yahoo's "SMTP Error Codes" page (senders.yahooinc.com/smtp-error-codes; a copy of its text,
// 2026-02-15, in github.com/azumakuniyuki/feb-2024-no-auth-no-entry) for the domains Yahoo runs
// (yahoo, aol.com, verizon.net, and since 2025 AT&T's), and the replies smtp.codes/yahoo lists.
describe("Yahoo's replies for the domains it runs (Yahoo, AOL, Verizon)", () => {
  cases([
    [
      '"554 delivery error: dd This user doesn\'t have a yahoo.com account" (the page\'s sample notice) is an unknown user, hard',
      () =>
        atData(
          '5.0.0',
          "554 delivery error: dd This user doesn't have a yahoo.com account (user@example.net) [-5] - mta123.mail.mud.yahoo.com",
        ),
      ['userunknown', 'hard', '5.0.0'],
    ],
    [
      '"421 Max message per connection reached" is too many messages on one connection',
      () => atMail('4.0.0', '421 Max message per connection reached, closing transmission channel'),
      ['toomanyconn', 'soft', '4.0.0'],
    ],
    [
      '"450 User is receiving mail too quickly" is the pace of mail to the mailbox',
      () => atRcpt('4.0.0', '450 User is receiving mail too quickly'),
      ['speeding', 'soft', '4.0.0'],
    ],
    [
      '"Resources temporarily unavailable. Please try again later [#4.16.1]" is the server\'s own trouble',
      () => reported('4.0.0', '451 mx.example.net Resources temporarily unavailable. Please try again later [#4.16.1].'),
      ['systemerror', 'soft', '4.0.0'],
    ],
    [
      '"451 4.3.2 Internal server error" is the server\'s own trouble',
      () => atData('4.3.2', '451 4.3.2 Internal server error'),
      ['systemerror', 'soft', '4.3.2'],
    ],
  ]);
});

// GandiMail's postmaster page (https://postmaster.gandi.net/): each "Reject for policy reason"
// rule and what it found, the reply as issues quote it (github.com/Scille/parsec-cloud/issues/1751).
describe("GandiMail's policy rules (postmaster.gandi.net)", () => {
  cases([
    [
      '"Reject for policy reason RULE1_1" (a possible virus or malware) is a virus',
      () => atData('5.7.1', '550 5.7.1 Reject for policy reason RULE1_1. See http://postmaster.gandi.net'),
      ['virusdetected', 'soft', '5.7.1'],
    ],
    [
      '"Reject for policy reason RULE2_1" (phishing) is spam in the message',
      () => atData('5.7.1', '550 5.7.1 Reject for policy reason RULE2_1. See http://postmaster.gandi.net'),
      ['spamdetected', 'soft', '5.7.1'],
    ],
    [
      '"Reject for policy reason RULE2_2" (a potential scam) is spam in the message',
      () => atData('5.7.1', '550 5.7.1 Reject for policy reason RULE2_2. See http://postmaster.gandi.net'),
      ['spamdetected', 'soft', '5.7.1'],
    ],
    [
      '"Reject for policy reason RULE3_1" (a suspicious commercial email) is spam in the message',
      () => atData('5.7.1', '550 5.7.1 Reject for policy reason RULE3_1. See http://postmaster.gandi.net'),
      ['spamdetected', 'soft', '5.7.1'],
    ],
    [
      '"Reject for policy reason RULE3_2" (a high spam probability score) is spam in the message',
      () => atData('5.7.1', '550 5.7.1 Reject for policy reason RULE3_2. See http://postmaster.gandi.net'),
      ['spamdetected', 'soft', '5.7.1'],
    ],
    [
      '"Greylisted for ... seconds" is greylisting, soft',
      () => atRcpt('4.7.1', '450 4.7.1 <user@example.net>: Recipient address rejected: Greylisted for 300 seconds'),
      ['expired', 'soft', '4.7.1'],
    ],
    [
      '"blocked using sbl-xbl.spamhaus.org" blocks the sending host',
      () =>
        atRcpt(
          '5.7.1',
          '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using sbl-xbl.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1',
        ),
      ['blocked', 'soft', '5.7.1'],
    ],
  ]);
});

// Optimum (Altice USA, optonline.net): its throttling replies as Suped quotes them ("What causes
// connection limit issues with Optonline.net recipients?", suped.com, 2025-05).
describe("Optimum's (optonline.net) throttling", () => {
  cases([
    [
      '"421 4.7.1 Resources restricted - try again later" is too many connections, not security',
      () => atRcpt('4.7.1', '421 4.7.1 Resources restricted - try again later'),
      ['toomanyconn', 'soft', '4.7.1'],
    ],
    [
      '"554 5.7.1 rejection limit reached - stop flooding us" is the sender\'s volume, not security',
      () => atRcpt('5.7.1', '554 5.7.1 rejection limit reached - stop flooding us'),
      ['speeding', 'soft', '5.7.1'],
    ],
  ]);
});
