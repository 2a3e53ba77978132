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
      // Its account-level and tenant-level lists (SES Developer Guide, "Using tenant-level
      // suppression lists in Amazon SES", docs.aws.amazon.com/ses/latest/dg/sending-email-
      // suppression-list-tenant-level.html: Permanent/OnTenantSuppressionList with the diagnostic
      // code "Amazon SES did not send the message to this address because it is on the
      // suppression list for your tenant."; the account's list, Permanent/OnAccountSuppressionList,
      // says "... for your account. For more information about removing addresses from the
      // suppression list, see the Amazon SES Developer Guide at ..."). SES's status beside it is
      // 5.1.1, written by SES, not by a mailbox lookup.
      String.raw`\bdid not send the message to this address because it is on the suppression list for your (?:account|tenant)\b`,
      // Mailgun's drops for an address on its bounce, unsubscribe or complaint list (its
      // delivery-status codes 605, 606 and 607 as the Symfony Mailer Mailgun bridge names
      // them: "Not delivering to previously bounced address", "Not delivering to unsubscribed
      // address", "Not delivering to a user who marked your messages as spam").
      String.raw`\bnot delivering to (?:previously bounced|unsubscribed) address\b`,
      String.raw`\bnot delivering to a user who marked your messages as spam\b`,
    ],
    hints: ['suppressed sending', 'not delivering to', 'on the suppression list'],
    quote: 'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.',
  },
  // SparkPost's bounce for an address on the customer's or SparkPost's own suppression list
  // (support.sparkpost.com, "Preparing For Asynchronous Suppressions": a bounce event with
  // bounce_class 25, error_code 554 and reason "Recipient address was suppressed due to
  // customer policy" or "... due to system policy", written "554 5.7.1 [internal] recipient
  // address was suppressed due to customer policy" in the bounce). Its 5.7.1 is the service's.
  {
    id: 'suppressed/sparkpost-policy',
    reason: 'suppressed',
    phrases: [String.raw`recipient address was suppressed due to (?:customer|system) policy`],
    hints: ['suppressed due to'],
    quote: '554 5.7.1 [internal] recipient address was suppressed due to customer policy',
  },
  // Postmark's refusal of an inactive recipient (its API error 406, the Postmark client
  // libraries' InactiveRecipientError): "You tried to send to recipient(s) that have been
  // marked as inactive. Found inactive addresses: ... Inactive recipients are ones that have
  // generated a hard bounce, a spam complaint, or a manual suppression." The list decided; the
  // words "spam complaint" are not about the message.
  {
    id: 'suppressed/postmark-inactive',
    reason: 'suppressed',
    phrases: [
      String.raw`you tried to send to (?:a )?recipients?(?:\(s\))? that ha(?:ve|s) (?:all )?been marked as inactive`,
      String.raw`inactive recipients are ones that have generated a hard bounce`,
    ],
    hints: ['inactive'],
    quote:
      'You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: user@example.net. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.',
  },
  // SendGrid's reasons for a dropped message (its event webhook's "dropped" event and the
  // Activity feed: "Bounced Address", "Unsubscribed Address", "Spam Reporting Address"; the
  // Twilio SendGrid docs on suppressions): the address is on one of its lists. Only the bare
  // reason, alone or after a reply code (and X.0.0), is read: the same words after a status that
  // says more (5.1.1) or inside a longer reply are not
  // SendGrid's.
  {
    id: 'suppressed/sendgrid-drop-reasons',
    reason: 'suppressed',
    phrases: [String.raw`(?:^|; ?)(?:[245]\d\d (?:[245]\.0\.0 )?)?(?:bounced|unsubscribed|spam reporting) address\.?$`],
    hints: ['address'],
    quote: 'Bounced Address',
  },
];
