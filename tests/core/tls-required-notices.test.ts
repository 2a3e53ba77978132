// Notices about mail that must travel encrypted (a TLS policy, DANE or MTA-STS) when the far side
// cannot do it: the message fails, and a mail admin must see a TLS failure (Sisimai's
// `failedstarttls` where the words say STARTTLS/TLS failed, `securityerror` for a certificate the
// client did not trust), soft, never a dead address. A TLS failure that lasted until the retry
// period ran out follows decision rule 3 (src/core/rules/README.md): a TLS handshake or
// certificate check is a temporary cause, not one about the address, so under the MTA's own
// expiry words it stays `expired`; without them (Postfix writes none) it keeps its reason. Each
// case asserts what a user sees: the kind, every failed address, the reason, hard or soft, the
// status and the reply code. Every address and host is made up; none comes from a bounce
// collection.
// Sources read:
//   Postfix 3.x (github:vdukhovni/postfix): src/smtp/smtp_proto.c ("TLS is required, but was not
//     offered by host %s", 4.7.4; "TLS is required, but host %s refused to start TLS: %s";
//     "TLS is required, but our TLS engine is unavailable", 4.7.5; "Cannot start TLS: handshake
//     failure", 4.7.5), src/smtp/smtp_tls_policy.c, src/tls/tls_client.c ("Server certificate not
//     verified", 4.7.5); src/bounce/bounce_templates.c for the notice (tests/core/postfix-notice.ts).
//   Exim (github:Exim/exim, src/src/transports/smtp.c): "a TLS session is required, but %s" with
//     "the server did not offer TLS support" / "an attempt to start TLS failed"; src/src/retry.c
//     ("%s: retry timeout exceeded" when the retry period ends); src/src/deliver.c for the notice.
//   Sendmail 8.x (cf/m4/proto.m4, the tls_server ruleset: "403 4.7.0 TLS handshake failed." with
//     TLS_PERM_ERR unset, "encryption too weak <bits> less than <required>"; sendmail/savemail.c
//     and queue.c for the queue-timeout notice, "Message could not be delivered for 5 days").
//   Microsoft's Exchange Online NDR table (learn.microsoft.com/exchange/mail-flow-best-practices/
//     non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online: 4.7.321
//     "starttls-not-supported: Destination mail server must support TLS to receive mail.", 4.7.322
//     "certificate-expired: ...", 4.7.323 "tlsa-invalid: The domain failed DANE validation.",
//     4.7.324 "dnssec-invalid: Destination domain returned invalid DNSSEC records", 4.7.325
//     "certificate-host-mismatch: Remote certificate MUST have a common name or subject
//     alternative name matching the hostname (DANE)"), and "How SMTP DANE works"
//     (learn.microsoft.com/purview/how-smtp-dane-works: the same codes as 4/5.7.321-324, shown in
//     NDRs). The NDR's layout as ndr-layout-versions.test.ts writes Exchange Online's.
import { describe } from 'vitest';
import { eximBounce } from './plain-bounces.ts';
import { postfixNotice, type PostfixRecipient } from './postfix-notice.ts';
import { oneRecipientCases, type OneRecipientRow, verdictCases } from './recipient-verdicts.ts';

const RECIPIENT = 'user@example.net';
const HOST = 'mx.example.net[192.0.2.1]';

/** Postfix's own text about the recipient (no reply from the server). */
const own = (status: string, reason: string): PostfixRecipient => ({ address: RECIPIENT, status, reason });

/**
 * Sendmail's notice about the tls_server ruleset's last answer: after its queue timeout (queue.c,
 * dropenvelope: "Cannot send message for 5 days", the transcript's "Message could not be
 * delivered for 5 days", Status forced to 4.4.7), or its delay warning ("Warning: could not send
 * message for past 4 hours", Action delayed, the reply's own status).
 */
function sendmail(reply: string, delayed = false): Buffer {
  const boundary = '6B2AbC01000124.1796186505/mx.example.org';
  const status = /^\d{3} (\d\.\d{1,3}\.\d{1,3}) /.exec(reply)?.[1] ?? '4.0.0';
  return Buffer.from(
    [
      'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
      'To: <sender@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status;',
      `\tboundary="${boundary}"`,
      `Subject: ${delayed ? 'Warning: could not send message for past 4 hours' : 'Returned mail: Cannot send message for 5 days'}`,
      `Auto-Submitted: auto-generated (${delayed ? 'warning-timeout' : 'failure'})`,
      '',
      'This is a MIME-encapsulated message',
      '',
      `--${boundary}`,
      '',
      'The original message was received at Fri, 27 Nov 2026 10:00:00 +0000',
      'from client.example.com [198.51.100.2]',
      '',
      ...(delayed
        ? [
            '    **********************************************',
            '    **      THIS IS A WARNING MESSAGE ONLY      **',
            '    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **',
            '    **********************************************',
            '',
            '   ----- Transcript of session follows -----',
            `<${RECIPIENT}>... Deferred: ${reply}`,
            'Warning: message still undelivered after 4 hours',
            'Will keep trying until message is 5 days old',
          ]
        : [
            '   ----- The following addresses had permanent fatal errors -----',
            `<${RECIPIENT}>`,
            `    (reason: ${reply})`,
            '',
            '   ----- Transcript of session follows -----',
            `<${RECIPIENT}>... Deferred: ${reply}`,
            'Message could not be delivered for 5 days',
            'Message will be deleted from queue',
          ]),
      '',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'Arrival-Date: Fri, 27 Nov 2026 10:00:00 +0000',
      '',
      `Final-Recipient: RFC822; ${RECIPIENT}`,
      `Action: ${delayed ? 'delayed' : 'failed'}`,
      `Status: ${delayed ? status : '4.4.7'}`,
      'Remote-MTA: DNS; mx.example.net',
      `Diagnostic-Code: SMTP; ${reply}`,
      'Last-Attempt-Date: Wed, 2 Dec 2026 10:00:01 +0000',
      ...(delayed ? ['Will-Retry-Until: Wed, 2 Dec 2026 10:00:00 +0000'] : []),
      '',
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      'Return-Path: <sender@example.com>',
      'From: Sender <sender@example.com>',
      `To: ${RECIPIENT}`,
      'Subject: hello',
      'Message-ID: <hello.1@example.com>',
      '',
      `--${boundary}--`,
      '',
    ].join('\n'),
  );
}

/** Exchange Online's NDR with the code it wrote itself (`admin`: the administrators' line). */
const exchangeOnline = (explanation: string, admin: string) =>
  Buffer.from(
    [
      'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.onmicrosoft.com>',
      'To: sender@example.com',
      'Subject: Undeliverable: hello',
      '',
      'Delivery has failed to these recipients or groups:',
      '',
      `${RECIPIENT} (${RECIPIENT})`,
      explanation,
      '',
      'Diagnostic information for administrators:',
      '',
      'Generating server: AM0PR01MB0001.eurprd01.prod.exchangelabs.com',
      'Receiving server: mx.example.net (192.0.2.1)',
      '',
      RECIPIENT,
      admin,
      '',
      'Original message headers:',
      '',
      'From: Sender <sender@example.com>',
      `To: ${RECIPIENT}`,
      'Subject: hello',
      'Message-ID: <hello.1@example.com>',
      '',
    ].join('\n'),
  );

const GAVE_UP =
  'The server has tried to deliver this message, without success, and has stopped trying. The recipient mail server may be temporarily offline or temporarily unable to accept messages. If the problem continues, contact your email admin.';
const online = (code: string, text: string) =>
  exchangeOnline(
    GAVE_UP,
    `12/2/2026 1:17:26 AM - Server at mx.example.net (192.0.2.1) returned '${code.startsWith('4') ? '450' : '550'} ${code} ${text}'`,
  );

const rows = (list: readonly OneRecipientRow[]) => verdictCases(oneRecipientCases(RECIPIENT, list));

describe("Postfix's smtp(8) with smtp_tls_security_level=encrypt/verify/secure/dane", () => {
  rows([
    [
      '"TLS is required, but was not offered by host ..." in a failure notice is a failed STARTTLS, soft',
      () => postfixNotice('failed', [own('4.7.4', `TLS is required, but was not offered by host ${HOST}`)]),
      'bounce',
      'failedstarttls',
      'soft',
      '4.7.4',
      '',
    ],
    [
      '"delivery temporarily suspended: TLS is required, but was not offered ..." when the message expired stays a failed STARTTLS',
      () => postfixNotice('failed', [own('4.7.4', `delivery temporarily suspended: TLS is required, but was not offered by host ${HOST}`)]),
      'bounce',
      'failedstarttls',
      'soft',
      '4.7.4',
      '',
    ],
    [
      '"TLS is required, but host ... refused to start TLS: 454 ..." in a failure notice is a failed STARTTLS',
      () =>
        postfixNotice('failed', [
          {
            address: RECIPIENT,
            status: '4.7.0',
            reason: `TLS is required, but host ${HOST} refused to start TLS: 454 4.7.0 TLS not available due to local problem`,
            diagnostic: 'smtp; 454 4.7.0 TLS not available due to local problem',
            remoteMta: 'mx.example.net',
          },
        ]),
      'bounce',
      'failedstarttls',
      'soft',
      '4.7.0',
      '454',
    ],
    [
      '"delivery temporarily suspended: Server certificate not verified" when expired is a security error, soft',
      () => postfixNotice('failed', [own('4.7.5', 'delivery temporarily suspended: Server certificate not verified')]),
      'bounce',
      'securityerror',
      'soft',
      '4.7.5',
      '',
    ],
    [
      '"Server certificate not verified" in a delay notice is a security error, not yet hard or soft',
      () => postfixNotice('delayed', [own('4.7.5', 'Server certificate not verified')]),
      'delay',
      'securityerror',
      'none',
      '4.7.5',
      '',
    ],
  ]);
});

describe("Exim's smtp transport with hosts_require_tls (or DANE)", () => {
  rows([
    [
      '"a TLS session is required, but the server did not offer TLS support" is a failed STARTTLS, soft',
      () => eximBounce(['host mx.example.net [192.0.2.1]', 'a TLS session is required, but the server did not offer TLS support']),
      'bounce',
      'failedstarttls',
      'soft',
      '5.0.0',
      '',
    ],
    [
      '"a TLS session is required, but an attempt to start TLS failed" is a failed STARTTLS, soft',
      () => eximBounce(['host mx.example.net [192.0.2.1]', 'a TLS session is required, but an attempt to start TLS failed']),
      'bounce',
      'failedstarttls',
      'soft',
      '5.0.0',
      '',
    ],
    [
      'the same with ": retry timeout exceeded" (retry.c) is expired (rule 3: a TLS failure is no cause about the address), soft',
      () =>
        eximBounce([
          'host mx.example.net [192.0.2.1]',
          'a TLS session is required, but the server did not offer TLS support: retry timeout exceeded',
        ]),
      'bounce',
      'expired',
      'soft',
      '5.0.0',
      '',
    ],
  ]);
});

describe("Sendmail's tls_server ruleset (TLS_Srv): its delay warning, and the notice after the queue timeout", () => {
  rows([
    [
      '"403 4.7.0 TLS handshake failed." in the delay warning is a failed STARTTLS, not yet hard or soft',
      () => sendmail('403 4.7.0 TLS handshake failed.', true),
      'delay',
      'failedstarttls',
      'none',
      '4.7.0',
      '403',
    ],
    [
      '"403 4.7.0 encryption too weak 56 less than 112" in the delay warning is a failed STARTTLS, not yet hard or soft',
      () => sendmail('403 4.7.0 encryption too weak 56 less than 112', true),
      'delay',
      'failedstarttls',
      'none',
      '4.7.0',
      '403',
    ],
    [
      '"403 4.7.0 TLS handshake failed." with "could not be delivered for 5 days" is expired (rule 3), soft',
      () => sendmail('403 4.7.0 TLS handshake failed.'),
      'bounce',
      'expired',
      'soft',
      '4.7.0',
      '403',
    ],
    [
      '"403 4.7.0 encryption too weak 56 less than 112" with the queue timeout is expired (rule 3), soft',
      () => sendmail('403 4.7.0 encryption too weak 56 less than 112'),
      'bounce',
      'expired',
      'soft',
      '4.7.0',
      '403',
    ],
  ]);
});

describe("Exchange Online's DANE and TLS codes in its own NDR", () => {
  rows([
    [
      '5.7.321 "starttls-not-supported: Destination mail server must support TLS to receive mail." is a failed STARTTLS, soft',
      () => online('5.7.321', 'starttls-not-supported: Destination mail server must support TLS to receive mail.'),
      'bounce',
      'failedstarttls',
      'soft',
      '5.7.321',
      '550',
    ],
    [
      '5.7.322 "certificate-expired: Destination mail server\'s certificate is expired." is a failed STARTTLS, soft',
      () => online('5.7.322', "certificate-expired: Destination mail server's certificate is expired."),
      'bounce',
      'failedstarttls',
      'soft',
      '5.7.322',
      '550',
    ],
    [
      '5.7.323 "tlsa-invalid: The domain failed DANE validation." is a failed STARTTLS, soft',
      () => online('5.7.323', 'tlsa-invalid: The domain failed DANE validation.'),
      'bounce',
      'failedstarttls',
      'soft',
      '5.7.323',
      '550',
    ],
    [
      '5.7.324 "dnssec-invalid: Destination domain returned invalid DNSSEC records" is a security error (the X.7 class), soft',
      () => online('5.7.324', 'dnssec-invalid: Destination domain returned invalid DNSSEC records'),
      'bounce',
      'securityerror',
      'soft',
      '5.7.324',
      '550',
    ],
    [
      '5.7.325 "certificate-host-mismatch: Remote certificate MUST have a common name ... (DANE)" is a failed STARTTLS, soft',
      () =>
        online(
          '5.7.325',
          'certificate-host-mismatch: Remote certificate MUST have a common name or subject alternative name matching the hostname (DANE)',
        ),
      'bounce',
      'failedstarttls',
      'soft',
      '5.7.325',
      '550',
    ],
    [
      '4.7.5 "Remote certificate failed MTA-STS validation. Reason: ..." is a security error, soft',
      () => online('4.7.5', 'Remote certificate failed MTA-STS validation. Reason: NameMismatch'),
      'bounce',
      'securityerror',
      'soft',
      '4.7.5',
      '450',
    ],
    [
      'a queue expiry whose last error was 4.7.321 starttls-not-supported is expired (rule 3), soft',
      () =>
        exchangeOnline(
          GAVE_UP,
          "12/2/2026 1:17:26 AM - Server at mx.example.net (192.0.2.1) returned '550 4.4.7 QUEUE.Expired; message expired [Message=451 4.7.321 starttls-not-supported: Destination mail server must support TLS to receive mail.] [LastAttemptedServerName=mx.example.net] [LastAttemptedIP=192.0.2.1:25]'",
        ),
      'bounce',
      'expired',
      'soft',
      '4.7.321',
      '451',
    ],
  ]);
});
