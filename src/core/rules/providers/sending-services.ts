// Sending services' (ESPs') own refusals of a message their customer handed them, as their
// documentation quotes them: SendGrid ("SMTP Errors and Troubleshooting", its table of response
// codes), SMTP2GO's and Emailit's SMTP relays, Postmark, SparkPost and Mailgun. A customer's
// server that relays through the service returns these to its sender in its own notice, one
// line per recipient (tests/core/smarthost-refusals.test.ts). Their suppression-list notices
// are in ../reasons/suppressed.ts.

import type { ReasonRule } from '../reasons.ts';

export const SENDING_SERVICE_RULES: readonly ReasonRule[] = [
  // The From address is not one the service has verified for the account: "403 You are not
  // authorized to send from that email address" (SendGrid: "the from address does not match a
  // verified Sender Identity"). A refusal of the sender; nothing is known of the recipient.
  // (SES's "554 Message rejected: Email address is not verified. The following identities
  // failed the check in region ..." stays norelaying, as the reference taxonomy reads it: the
  // service will not relay for an identity it has not verified, and in its sandbox the
  // recipients are checked the same way.)
  {
    id: 'rejected/sending-service-unverified-sender',
    reason: 'rejected',
    phrases: [
      String.raw`you are not authori[sz]ed to send from that email address`,
      // SMTP2GO's relay: "550 From header sender domain not verified" ("Common Sending Errors",
      // support.smtp2go.com/hc/en-gb/articles/13990494697369: "you are trying to send from an
      // email address at an unverified domain or an unverified single sender email").
      String.raw`\bfrom header sender domain not verified\b`,
      // Emailit's relay after DATA (emailit.com/docs/kb/smtp-530-from-domain-not-verified): "530
      // From/Sender domain is not verified for this workspace. From: ...", "530 API key is
      // restricted to sending domain: acme.com. From/Sender address must use this domain.", and
      // "550 Sending from this domain is paused" (the domain lost its verification).
      String.raw`\bfrom/sender domain is not verified for this workspace\b`,
      String.raw`\bfrom/sender address must use this domain\b`,
      String.raw`\bsending from this domain is paused\b`,
      // SendGrid's SMTP reply for the same refusal in its later wording (Twilio's error 60222,
      // twilio.com/docs/api/errors/60222: "The from address does not match a verified Sender
      // Identity ... Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/
      // to see the Sender Identity requirements"): not an SPF, DKIM or DMARC failure.
      String.raw`\bthe from address does not match a verified sender identity\b`,
      // Postmark's refusal of a From address the account has not confirmed (its API and SMTP
      // error 400, as Postmark's clients quote it, github:activecampaign/postmark-php wiki
      // "Managing Your Sender Signatures"): "The 'From' address you supplied (...) is not a
      // Sender Signature on your account. Please add and confirm this address ...".
      String.raw`\bis not a sender signature on your account\b`,
      // SparkPost's SMTP relay for a From domain the account has not registered ("550 5.7.1
      // Unconfigured Sending Domain <example.com>", as github:transitland/transitland-datastore
      // issue 1231 quotes Net::SMTP's error; SparkPost's "Sending Domains" API page: a sending
      // domain must be configured before mail from it is accepted).
      String.raw`\bunconfigured sending domain\b`,
    ],
    hints: [
      'not authori',
      'sender domain not verified',
      'from/sender',
      'domain is paused',
      'verified sender identity',
      'sender signature',
      'unconfigured sending domain',
    ],
    traits: ['sender'],
    quote: '403 You are not authorized to send from that email address',
  },
  // SendGrid's own refusal when an account's daily credit limit is used up ("SMTP Errors and
  // Troubleshooting", twilio.com/docs/sendgrid/for-developers/sending-email/smtp-errors-and-
  // troubleshooting: "451 Authentication failed: Maximum credits exceeded", "There is a credit
  // limit of emails per day enforced"). The sender's daily quota, as SES's "Daily message quota
  // exceeded" is; its "Authentication failed" is no failed SPF, DKIM or DMARC check.
  {
    id: 'speeding/sendgrid-credits',
    reason: 'speeding',
    phrases: [String.raw`\bauthentication failed: maximum credits exceeded\b`],
    hints: ['maximum credits'],
    quote: '451 Authentication failed: Maximum credits exceeded',
  },
  // A sending service's login refused: the customer's SMTP credentials for the relay, not SPF,
  // DKIM or DMARC (SendGrid's "SMTP Errors and Troubleshooting" table: "535 Authentication
  // failed: Bad username / password").
  {
    id: 'securityerror/sending-service-credentials',
    reason: 'securityerror',
    phrases: [String.raw`\bauthentication failed: bad username ?/ ?password\b`],
    hints: ['bad username'],
    quote: '535 Authentication failed: Bad username / password',
  },
  // Mailgun's sandbox domain sends only to the recipients the account has authorised (Mailgun
  // help, "Authorized Recipients", help.mailgun.com/hc/en-us/articles/217531258: "using your
  // sandbox domain for testing, you're restricted to sending just to Authorized Recipients";
  // its reply, as Mailgun's clients quote it: "Sandbox subdomains are for test purposes only.
  // Please add your own domain or add the address to authorized recipients in Account
  // Settings."). The service will not relay for this sending domain, as SES in its sandbox
  // will not (norelaying.ts): nothing is known of the recipient's address.
  {
    id: 'norelaying/mailgun-sandbox',
    reason: 'norelaying',
    phrases: [String.raw`\bsandbox subdomains are for test purposes only\b`],
    hints: ['sandbox subdomains'],
    quote:
      'Sandbox subdomains are for test purposes only. Please add your own domain or add the address to authorized recipients in Account Settings.',
  },
];
