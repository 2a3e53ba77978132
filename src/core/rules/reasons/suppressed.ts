// How servers word the reason `suppressed` (see ../README.md): a sending service did not even
// try, because the address is on its suppression list after earlier bounces or complaints.
// One rule per wording family, each with a quote of real text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SUPPRESSED_RULES: readonly ReasonRule[] = [
  // Amazon SES's bounce for an address on its global or account-level suppression list (its
  // documented bounce types, docs.aws.amazon.com/ses/latest/dg/notification-contents.html:
  // Permanent/Suppressed and Permanent/OnAccountSuppressionList): "Amazon SES has suppressed
  // sending to this address because it has a recent history of bouncing as an invalid
  // address." / "... because it is on the account-level suppression list." Resend, built on
  // SES, words it the same way. No server was asked: the list decides, so the 5.1.1 beside it
  // is the service's, not a mailbox lookup's, and the result is never hard on its word.
  {
    id: 'suppressed/sending-service-list',
    reason: 'suppressed',
    phrases: [
      String.raw`has suppressed sending to this address`,
      // Mailgun's drops for an address on its bounce, unsubscribe or complaint list (its
      // delivery-status codes 605, 606 and 607 as the Symfony Mailer Mailgun bridge names
      // them: "Not delivering to previously bounced address", "Not delivering to unsubscribed
      // address", "Not delivering to a user who marked your messages as spam").
      String.raw`\bnot delivering to (?:previously bounced|unsubscribed) address\b`,
      String.raw`\bnot delivering to a user who marked your messages as spam\b`,
    ],
    hints: ['suppressed sending', 'not delivering to'],
    quote: 'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.',
  },
];
