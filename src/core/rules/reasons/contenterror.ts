// How servers word the reason `contenterror` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const CONTENTERROR_RULES: readonly ReasonRule[] = [
  {
    id: 'contenterror/content',
    reason: 'contenterror',
    phrases: [
      String.raw`header (?:is )?(?:too long|syntax|invalid)`,
      String.raw`invalid (?:header|mime|content|character)`,
      String.raw`malformed (?:header|message|mime|content)`,
      String.raw`mime (?:error|boundary|structure)`,
      String.raw`line (?:is )?too long`,
      String.raw`8[ -]?bit`,
      String.raw`(?:content|media) (?:type )?(?:not supported|rejected|error)`,
      String.raw`cannot (?:be )?convert`,
      String.raw`conversion (?:failed|required)`,
      String.raw`encoding (?:error|problem)`,
      // Exim's smtp transport when the message needs SMTPUTF8 (RFC 6531) and the next hop does
      // not offer it (src/src/transports/smtp.c): the message's form, as X.6.7 says.
      String.raw`utf8 support required but not offered`,
      // Courier's esmtp module on the same case (courier/module.esmtp/libesmtp.C): "553 Unable
      // to deliver Unicode E-mail to a non-Unicode mail server.", "550-The addressee's mail
      // server does not support the sender's international E-mail address."
      String.raw`unable to deliver unicode e-?mail to a non-unicode mail server`,
      String.raw`does not support the sender's international e-?mail address`,
      // IndiMail's qmail-remote on the same case (indimail-mta qmail-remote.c: "Connected to %s
      // but server does not support unicode in email addresses", 553).
      String.raw`but server does not support unicode in email addresses`,
      // Sendmail (sendmail/usersmtp.c, srvrsmtp.c: "504 SMTPUTF8 required but not enabled/offered",
      // "504 5.7.0 Sorry, SMTPUTF8 not supported"; sendmail/collect.c: "554 Eight bit data not
      // allowed", "554 NUL byte not allowed"): the message's form.
      String.raw`smtputf8 (?:required but not (?:enabled|offered)|not supported)`,
      // Postfix's SMTP client on the same case (Postfix 3.7 src/smtp/smtp_proto.c, 5.6.7:
      // "SMTPUTF8 is required, but was not offered by host %s").
      String.raw`smtputf8 is required, but was not offered by host`,
      // The same client from the change of 20250824 on (postfix-3.12-20260821
      // src/smtp/smtp_proto.c, 5.6.7: "message requires SMTPUTF8, but no server was found that
      // supports SMTPUTF8. The last attempted server was %s"): the message (its sender, its
      // headers or an address) needs SMTPUTF8, which says nothing of the recipient's mailbox.
      String.raw`message requires smtputf8, but no server was found that supports smtputf8`,
      // Postfix's SMTP server with strict_smtputf8 = yes (postfix/src/smtpd/smtpd.c, MAIL FROM
      // and RCPT TO: "553 5.6.7 Must declare SMTPUTF8 to send unicode address"): the client sent
      // a non-ASCII address without declaring SMTPUTF8; the sending side's form, not a mailbox
      // that does not exist, whatever the X.6.7 and the RCPT TO.
      String.raw`must declare smtputf8 to send unicode address`,
      String.raw`eight bit data not allowed`,
      String.raw`nul byte not allowed`,
      // qmail's text when the queue program refuses the message for good (qmail.c, exit code
      // 31: "mail server permanently rejected message (#5.3.0)"): what content scanners in
      // front of qmail-queue (simscan, qmail-scanner) answer for a message they refuse. The
      // message's content, not the address and not the server's system (5.3.0).
      String.raw`mail server permanently rejected message`,
    ],
    quote: '554 5.6.0 Message contains invalid header',
  },
  // Courier's SMTP server when the header is over its limit (courier/submit.C).
  {
    id: 'contenterror/header-size',
    reason: 'contenterror',
    phrases: [
      String.raw`message header size exceeds`,
      // The same limits in other servers' words: "header size exceeds maximum permitted",
      // "Message header size, or recipient list, exceeds policy limit", "Message MIME
      // complexity exceeds the policy maximum".
      String.raw`header size exceeds maximum permitted`,
      String.raw`message header size, or recipient list, exceeds`,
      String.raw`mime complexity exceeds the policy maximum`,
      // Exim's receive.c over header_maxsize and header_line_maxsize: "552 Message header is
      // ridiculously long", "552 A message header line is too long".
      String.raw`message header is ridiculously long`,
      String.raw`a message header line is too long`,
    ],
    quote: '534 Message header size exceeds policy limit.',
  },
  // Too many Received: headers: the reference files it under contenterror (its definition of the
  // reason lists "Too many Received: headers") although the server suspects a loop. Exim
  // (src/src/receive.c), Courier (courier/submit.C). Before the loop wordings.
  {
    id: 'contenterror/too-many-received',
    reason: 'contenterror',
    phrases: [String.raw`too many "?received:?"? headers`],
    quote: 'Too many "Received" headers - suspected mail loop',
  },
];
