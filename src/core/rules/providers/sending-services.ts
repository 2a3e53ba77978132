// Sending services' (ESPs') own refusals of a message their customer handed them, as their
// documentation quotes them: SendGrid ("SMTP Errors and Troubleshooting", its table of response
// codes), SMTP2GO's and Emailit's SMTP relays. A customer's server that relays through the
// service returns these to its sender in its own notice. Their suppression-list notices are
// in ../reasons/suppressed.ts.

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
    ],
    hints: ['not authori', 'sender domain not verified', 'from/sender', 'domain is paused'],
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
];
