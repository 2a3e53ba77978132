// How servers word the reason `notcompliantrfc` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const NOTCOMPLIANTRFC_RULES: readonly ReasonRule[] = [
  {
    id: 'notcompliantrfc/rfc',
    reason: 'notcompliantrfc',
    phrases: [
      // Not "<address> is not a valid RFC 5321 address": that is the address refused (Gmail's
      // 553 5.1.7 for the sender), not the message's form.
      String.raw`rfc ?(?:5322|2822|822|5321|2821)(?![;\d]| address)`,
      String.raw`not (?:rfc|standards?)[ -]?compliant`,
      String.raw`multiple (?:from|to|subject|date|message-id|sender) (?:headers|fields)`,
      String.raw`multiple (?:\S+ ){0,3}addresses in from`,
      // maddy (internal/check/...): "550 5.7.0 Multiple From addresses are not allowed".
      String.raw`multiple from addresses`,
      String.raw`duplicate (?:header|from|subject|date|message-id)`,
      String.raw`missing (?:required )?(?:header|date|from|message-id)`,
      String.raw`(?:is|are) not compliant`,
      // A header naming a domain that does not exist (the Message-ID's right-hand side).
      String.raw`message-id domain (?:not found|does not exist|invalid)`,
      // qmail-smtpd's answer to a bare LF in the message (qmail-smtpd.c, straynewline(): "451
      // See http://pobox.com/~djb/docs/smtplf.html."): lines must end in CR LF (RFC 5321 2.3.8).
      String.raw`docs/smtplf\.html`,
      // Exchange Online's 5.6.11 "SMTPSEND.BareLinefeedsAreIllegal; message contains bare
      // linefeeds, which cannot be sent via DATA" (NDRs in Exchange Online: "Invalid characters").
      String.raw`barelinefeedsareillegal`,
      // Courier's submit (courier/submit.C): "500 Invalid Date header."
      String.raw`invalid date header`,
      String.raw`contains bare line ?feeds`,
      // Haraka's refusal of a bare LF in the message (connection.js: "451 Bare line-feed; see
      // http://haraka.github.io/barelf/") and Cyrus lmtpd's (imap/imap_err.et,
      // IMAP_MESSAGE_CONTAINSNL: "554 5.6.0 Message contains bare newlines").
      String.raw`\bbare line-feed\b`,
      String.raw`contains bare newlines`,
      // MailCleaner's Exim data ACL for a line over RFC 5322's 998 characters (2.1.1):
      // "550 Maximum line length is 998, got 1200." (github:MailCleaner/MailCleaner
      // etc/exim/exim_stage1.conf_template, acl_check_data, $max_received_linelength).
      String.raw`\bmaximum line length is \d{1,6}, got \d{1,9}\b`,
      // hMailServer (SMTPConnection.cpp): "554 Rejected - Message containing bare LF's."
      String.raw`containing bare lf'?s\b`,
      // Postfix's cleanup (src/global/cleanup_strerror.c): "521 5.5.2 Error: bare <LF> received".
      String.raw`\bbare <lf> received\b`,
      // Exim's default configure (src/src/configure.default, acl_check_data) on a line longer
      // than RFC 5322 2.1.1 allows: "maximum allowed line length is 998 octets, got 1536".
      String.raw`maximum allowed line length is 998 octets`,
      // Exim's smtp transport refusing to send a message with a line longer than RFC 5322
      // 2.1.1 allows (src/src/transports/smtp.c, exim 4.98: "message has lines too long for
      // transport", a permanent failure written into the bounce).
      String.raw`message has lines too long for transport`,
    ],
    quote: '550 5.7.1 This message is not RFC 5322 compliant',
  },
];
