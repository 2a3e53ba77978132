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
      String.raw`(?:peak|daily) smtp relay limit exceeded for (?:this )?(?:customer|user)`,
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
      String.raw`unusual rate of unsolicited mail originating from your`,
      String.raw`not authorized to send email directly to our servers`,
    ],
    quote:
      '550 5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.',
  },
  // Gmail's header requirements (RFC 5322): a missing From: address or Message-ID.
  {
    id: 'notcompliantrfc/gmail-headers',
    reason: 'notcompliantrfc',
    phrases: [String.raw`messages missing a valid (?:address in from: header|message-id header)`],
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
];
