// Sending services' (ESPs') own refusals of a message their customer handed them, as their
// documentation quotes them: SendGrid ("SMTP Errors and Troubleshooting", its table of response
// codes). Their suppression-list notices are
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
    phrases: [String.raw`you are not authori[sz]ed to send from that email address`],
    traits: ['sender'],
    quote: '403 You are not authorized to send from that email address',
  },
];
