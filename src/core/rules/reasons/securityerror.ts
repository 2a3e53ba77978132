// How servers word the reason `securityerror` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SECURITYERROR_RULES: readonly ReasonRule[] = [
  // Postfix's SMTP client when its own SASL login to the next hop failed
  // (src/smtp/smtp_sasl_glue.c, smtp_sasl_proto.c: "SASL authentication failed; cannot
  // authenticate to server ..."): the sending side's credentials, not SPF, DKIM or DMARC.
  {
    id: 'securityerror/sasl-client',
    reason: 'securityerror',
    phrases: [
      String.raw`sasl authentication failed[;:] (?:cannot authenticate|server \S+ (?:said|offered no)|authentication protocol loop|non-empty initial)`,
      // DragonFly Mail Agent's login to its smarthost (dma net.c: "SMTP login to %s failed").
      String.raw`smtp login to \S+ failed`,
      // qmail-ldap's qmail-remote logging in to its smarthost (qmail-remote.c: "Connected to
      // <ip> but authentication was rejected (AUTH LOGIN|username|password)", "but no SMTP AUTH
      // support detected but needed"); the 535 under it is about these credentials.
      String.raw`but authentication was rejected \((?:auth login|username|password)\)`,
      String.raw`but no smtp auth support detected but needed`,
      // Courier's esmtp client with no SASL mechanism in common with the server it must log in
      // to (courier/module.esmtp/libesmtp.C: "Compatible SASL authentication not available.", '5').
      String.raw`compatible sasl authentication not available`,
      String.raw`temporary sasl authentication error`,
      // IndiMail's qmail-remote reading its smarthost's AUTH reply by RFC 4954 (indimail-mta
      // qmail-remote.c, decode_smtpauth_err: "Connected to %s but authentication credentials
      // invalid (...) (#5.7.8).", "but got temporary authentication failure (...) (#4.7.0).",
      // "but authentication required (...)", "but authentication mechanism is too weak (...)",
      // "but a password transition is needed (...)"); and its DANE check of the server ("but
      // recpient failed DANE validation", sic), a certificate that does not match.
      String.raw`\bconnected to \S+ but (?:authentication credentials invalid|got temporary authentication failure|authentication required|authentication mechanism is too weak|a password transition is needed) \(`,
      String.raw`\bbut recpient failed dane validation\b`,
      // OpenSMTPD's client that must log in to its relay and cannot (usr.sbin/smtpd/
      // mta_session.c: "AUTH not advertised", "no supported AUTH method", and "AUTH rejected: %s"
      // with the relay's reply): its own credentials, not SPF, DKIM or DMARC.
      String.raw`^(?:<@>: )?(?:auth not advertised|no supported auth method|auth rejected: )`,
    ],
    hints: [
      'sasl authentication failed',
      'smtp login to',
      'authentication was rejected',
      'smtp auth support',
      'sasl authentication',
      'auth not advertised',
      'supported auth method',
      'auth rejected',
      'but authentication',
      'but got temporary',
      'password transition',
      'dane validation',
    ],
    quote: 'SASL authentication failed; cannot authenticate to server mx.example.net[192.0.2.1]: no mechanism available',
  },
  // A relay refused only because the client did not log in: the cause named is the missing
  // authentication, not the relay (norelaying is a destination the server never relays to).
  // Symantec Email Security.cloud's multi-line answer to a client that did not authenticate
  // ("550-Please turn on SMTP Authentication in your mail client. 550-<host> [<ip>]:<port> is
  // not permitted to 550 relay through this server without authentication.", Broadcom's
  // knowledge base on outbound relay errors), Exim's and Postfix's submission ports' "relay
  // not permitted, authentication required".
  {
    id: 'securityerror/relay-needs-auth',
    reason: 'securityerror',
    phrases: [
      String.raw`\brelay(?:ing)? (?:through this server )?without (?:smtp )?authenticat`,
      String.raw`\brelay(?:ing)? (?:access )?(?:denied|not permitted|not allowed)[,.;:]? (?:proper |smtp )?authentication (?:is )?required\b`,
    ],
    hints: ['authenticat'],
    quote: '550 relay through this server without authentication.',
  },
  {
    id: 'securityerror/auth-required',
    reason: 'securityerror',
    phrases: [
      String.raw`authentication (?:is )?required`,
      String.raw`unauthenticated senders?`,
      String.raw`smtp auth`,
      String.raw`authentication turned on in your e-?mail client`,
      // Amazon SES refusing the sending account itself (its API errors quoted in a bounce):
      // "User <arn> is not authorized to perform ses:SendRawEmail on resource ...", "Account
      // not subscribed to SES".
      String.raw`not authorized to perform ses:send(?:raw)?email`,
      String.raw`account not subscribed to ses`,
      String.raw`auth(?:entication)? (?:credentials )?(?:invalid|failed)`,
      String.raw`insecure`,
      String.raw`security (?:policy|error)`,
      String.raw`certificate`,
      String.raw`encryption needed`,
      String.raw`not authenticated`,
      String.raw`authentication mechanism`,
      // IONOS's outgoing relay to a client that did not log in, as its "Error Messages Caused
      // by Undeliverable Email" page quotes it (ionos.com/help/email/troubleshooting-mail-
      // basicmail-business): "550 must be authenticated" (its cause: an own mail server
      // relaying through IONOS without its credentials).
      String.raw`\bmust be authenticated\b`,
    ],
    quote: '530 5.7.0 Authentication required',
  },
  // RFC 3463's descriptions as servers print them beside or instead of the code (OpenSMTPD's usr.sbin/smtpd/esc.c, Zimbra's LmtpReply.java): X.7.4, X.7.5, X.7.6, X.7.3.
  {
    id: 'securityerror/rfc3463-security',
    reason: 'securityerror',
    phrases: [
      String.raw`security features not supported`,
      String.raw`cryptographic (?:failure|algorithm not supported)`,
      String.raw`security conversion required but not possible`,
    ],
    quote: '554 5.7.5 Cryptographic failure',
  },
];
