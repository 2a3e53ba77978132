// Google's published SMTP errors (https://support.google.com/a/answer/3726730).

import type { ReasonRule } from '../reasons.ts';

export const GOOGLE_RULES: readonly ReasonRule[] = [
  // Google's published SMTP errors (https://support.google.com/a/answer/3726730).
  {
    id: 'speeding/gmail-sending-limit',
    reason: 'speeding',
    phrases: [
      String.raw`daily (?:user )?sending (?:quota|limit) exceeded`,
      String.raw`receiving mail too quickly`,
      // Google Workspace's SMTP relay service over its limits ("450 4.2.1 Peak SMTP relay limit
      // exceeded for customer.", "550 5.4.5 Daily SMTP relay limit exceeded for user.",
      // "550 5.7.1 Daily SMTP relay limit exceeded for customer."): the sender's volume, not
      // a disabled mailbox (4.2.1) or a routing failure (5.4.5).
      String.raw`(?:peak|daily) smtp relay (?:sending )?limit exceeded for (?:this )?(?:customer|user)`,
      // The 2026 page: "421 4.7.28 Gmail has detected an unusual rate of email [originating from
      // your IP address ...]. ... email has been temporarily rate limited." (no word of spam,
      // unlike the unsolicited-mail replies below), and "550 5.7.1 This email has been rate
      // limited.": the sender's pace.
      String.raw`has detected an unusual rate of e-?mail\b`,
      // "421 4.7.28 Gmail has detected this sender exceeded the quota for sending messages that
      // have the same Message-ID:": the sender's pace with one message, not a full mailbox.
      String.raw`exceeded the quota for sending messages that have the same message-id`,
    ],
    quote: '550 5.4.5 Daily sending quota exceeded. / 450 4.2.1 The user you are trying to contact is receiving mail too quickly.',
  },
  {
    id: 'policyviolation/gmail-policy',
    reason: 'policyviolation',
    phrases: [
      // Google's page words it "prohibited", its servers have written "prohibits" too.
      String.raw`has a policy that prohibit(?:s|ed) the mail that you sent`,
      // A rule the recipient domain's administrator wrote: Google marks those replies "gcdp"
      // (Google Custom Domain Policies): "550 5.7.1 This message violates example.com email
      // policy. - gcdp <sessionid> - gsmtp".
      String.raw`violates \S+ e-?mail policy`,
      String.raw`- gcdp \S+ - gsmtp`,
    ],
    quote: '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibits the mail that you sent.',
  },
  // Gmail's notice under its "Address not found" heading when the recipient's domain does not
  // exist: "Your message wasn't delivered to user@example.net because the domain example.net
  // couldn't be found. Check for typos or unnecessary spaces and try again." The heading
  // alone reads as a missing mailbox (userunknown/mailbox-lookup); these words name the
  // domain, so they are tried first.
  {
    id: 'hostunknown/gmail-domain-not-found',
    reason: 'hostunknown',
    phrases: [String.raw`\bbecause the domain [^\s@]{1,255} (?:couldn'?t|could not) be found\b`],
    quote: "Your message wasn't delivered to user@example.net because the domain example.net couldn't be found.",
  },
  // Gmail's notice when the recipient domain's DNS answers with no mail record at all (no
  // MX, no A: NODATA, an answer, not a failure to get one) ("DNS Error: DNS server returned
  // answer with no data for example.net"): the domain takes no mail, like a name that does not
  // exist; not the "Could not contact DNS servers" of a lookup that did not complete.
  {
    id: 'hostunknown/gmail-dns-no-data',
    reason: 'hostunknown',
    phrases: [String.raw`dns error: dns server returned answer with no data`],
    quote: 'DNS Error: DNS server returned answer with no data',
  },
  {
    id: 'blocked/gmail-ip-whitelist',
    reason: 'blocked',
    phrases: [String.raw`ip not in whitelist for rcpt domain`],
    quote: '421 4.7.0 IP not in whitelist for RCPT domain, closing connection.',
  },
  // Google's SMTP errors (https://support.google.com/a/answer/3726730): an IP address or
  // domain that sends an unusual rate of unsolicited mail, or a residential IP sending
  // directly, is blocked (the sending host, not this message's content).
  {
    id: 'blocked/gmail-unsolicited-rate',
    reason: 'blocked',
    phrases: [
      // The page's newer 4.7.28 and 5.7.28 replies write "email" ("Gmail has detected an
      // unusual rate of unsolicited email originating from your DKIM domain"): the same block,
      // although the words go on to name DKIM or SPF.
      String.raw`unusual (?:rate|amount) of unsolicited (?:e-?)?mail originating from your`,
      String.raw`not authorized to send email directly to our servers`,
    ],
    quote:
      '550 5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.',
  },
  // Gmail's header requirements (RFC 5322): a missing From: address or Message-ID.
  {
    id: 'notcompliantrfc/gmail-headers',
    reason: 'notcompliantrfc',
    phrases: [
      String.raw`messages missing a valid (?:address in (?:the )?from: header|message-id:? header)`,
      // The 2026 page's header checks, which go on "To reduce the amount of spam sent to Gmail,
      // this message has been blocked": the message's form, not spam.
      String.raw`contains a unicode character in a disallowed header`,
      String.raw`encoded-word syntax is not permitted in message header`,
    ],
    quote: '550 5.7.1 Messages missing a valid address in From: header, or having no From: header, are not accepted.',
  },
  // The From: domain is not aligned with SPF or DKIM (DMARC alignment), although the text
  // names RFC 5322.
  {
    id: 'authfailure/gmail-alignment',
    reason: 'authfailure',
    phrases: [String.raw`isn't aligned with either the authenticated spf or dkim`],
    quote:
      "421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
  },
  // Gmail's sender requirements as its SMTP errors page words them: "421 4.7.27 Your email has
  // been rate limited because SPF authentication didn't pass for this message." and "550
  // 5.7.27 This message was blocked because it didn't pass SPF authentication.": the sender's
  // SPF, although the words say "rate limited" or "blocked".
  {
    id: 'authfailure/gmail-spf',
    reason: 'authfailure',
    phrases: [String.raw`spf authentication (?:didn['’]t|did not) pass`, String.raw`(?:didn['’]t|did not) pass spf authentication`],
    quote: "550 5.7.27 This message was blocked because it didn't pass SPF authentication.",
  },
  // "421 4.7.29 Your email has been rate limited because you're not using a TLS connection." and
  // "550 5.7.29 This message was blocked because it wasn't sent over a TLS connection.": the
  // missing TLS session, not the sender's pace or host.
  {
    id: 'failedstarttls/gmail-tls-required',
    reason: 'failedstarttls',
    phrases: [String.raw`(?:you['’]re|you are) not using a tls connection`, String.raw`(?:wasn['’]t|was not) sent over a tls connection`],
    quote: "550 5.7.29 This message was blocked because it wasn't sent over a TLS connection.",
  },
  // Gmail's reverse DNS checks: "421 4.7.0 The IP address sending this message does not have a
  // PTR record, or the corresponding forward DNS entry does not point to the sending IP. To
  // protect our users from spam, email sent from your IP address has been temporarily rate
  // limited.", "451 4.7.23 ... doesn't have a PTR record, or the PTR record's forward DNS entry
  // doesn't match the sending IP address" and 550 5.7.25: the sending IP's PTR record, although
  // the words go on about spam and rate limits.
  {
    id: 'requireptr/gmail-ptr',
    reason: 'requireptr',
    phrases: [String.raw`(?:does not|doesn['’]t) have a ptr record, or the`],
    quote:
      "451 4.7.23 The sending IP address for this message doesn't have a PTR record, or the PTR record's forward DNS entry doesn't match the sending IP address.",
  },
  // "421 4.7.0 Connection expired, try reconnecting.": the session was closed on the sender, a
  // connection that broke (an MTA that gives up after it is `expired`, rule 3).
  {
    id: 'networkerror/gmail-connection-expired',
    reason: 'networkerror',
    phrases: [String.raw`connection expired, try reconnecting`],
    traits: ['connection'],
    quote: '421 4.7.0 Connection expired, try reconnecting.',
  },
];
