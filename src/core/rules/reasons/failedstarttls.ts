// How servers word the reason `failedstarttls` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const FAILEDSTARTTLS_RULES: readonly ReasonRule[] = [
  {
    id: 'failedstarttls/starttls',
    reason: 'failedstarttls',
    phrases: [
      String.raw`starttls`,
      String.raw`tls (?:is )?required`,
      String.raw`must (?:use|issue a) (?:tls|starttls)`,
      String.raw`requiretls`,
      String.raw`encryption (?:is )?required`,
      String.raw`tls negotiation failed`,
      String.raw`handshake fail`,
      // Haraka's outbound when its TLS policy for the destination is not met (outbound/hmail.js):
      // "No TLS available but required by configuration.", "Host failed TLS verification
      // required by configuration."
      String.raw`(?:no tls available but|failed tls verification) required by configuration`,
      // Courier's SMTP server (courier/module.esmtp/courieresmtpd.C): "440 TLS not available."
      String.raw`\btls not available\b`,
      // Sendmail's client when STARTTLS was refused or failed where it must be used
      // (sendmail/deliver.c: "454/554 TLS session initiation failed").
      String.raw`tls session initiation failed`,
      // Exim's smtp transport when the TLS session it started failed (src/src/transports/
      // smtp.c: "TLS session: %s", the library's error after it).
      String.raw`tls session: \((?:ssl_connect|gnutls_handshake)\)`,
      // Sendmail's tls_server ruleset when the session's cipher is weaker than TLS_Srv asks
      // for (cf/m4/proto.m4: $1 " encryption too weak " $4 " less than " $3, "403 4.7.0" unless
      // TLS_PERM_ERR).
      String.raw`\bencryption too weak \d{1,5} less than \d{1,5}`,
    ],
    quote: '530 5.7.0 Must issue a STARTTLS command first',
  },
  // Zimbra's LMTP server when it takes mail only over TLS (store/src/java/com/zimbra/cs/
  // lmtpserver/LmtpReply.java, TLS_REQUIRED). Its code 4.2.2 would otherwise read as a full
  // mailbox.
  {
    id: 'failedstarttls/tls-only',
    reason: 'failedstarttls',
    phrases: [String.raw`accepts (?:messages|mail) only on (?:a )?tls connection`],
    quote: '451 4.2.2 Server accepts messages only on TLS connection',
  },
  // Exim's smtp transport when hosts_require_tls is not met (src/src/transports/smtp.c:
  // "a TLS session is required, but %s").
  {
    id: 'failedstarttls/exim-tls-required',
    reason: 'failedstarttls',
    phrases: [String.raw`a tls session is required, but (?:the server did not offer tls support|an attempt to start tls failed)`],
    quote: 'a TLS session is required, but the server did not offer TLS support',
  },
];
