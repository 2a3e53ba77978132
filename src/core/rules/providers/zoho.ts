// Zoho Mail's replies as Zoho and the SMTP reply collection smtp.codes publish them
// (https://smtp.codes/zoho; ZeptoMail's https://www.zoho.com/zeptomail/help/api/smtp-error-codes.html).

import type { ReasonRule } from '../reasons.ts';

export const ZOHO_RULES: readonly ReasonRule[] = [
  // The receiving organisation's own mail filters refused the message (Zoho lets a domain's
  // administrators set them): the address is not known to be bad.
  {
    id: 'filtered/zoho-domain-policy',
    reason: 'filtered',
    phrases: [String.raw`mail rejected by destination domain`, String.raw`mailbox delivery (?:restricted by|failure) policy error`],
    quote: '541 5.4.1 Mail rejected by destination domain',
  },
  // "Relaying disallowed as <address>": the envelope or From address is not one the sending
  // Zoho account may use. A refusal of the sender.
  {
    id: 'rejected/zoho-sender',
    reason: 'rejected',
    phrases: [String.raw`relaying disallowed as`, String.raw`sender address blocked`],
    traits: ['sender'],
    quote: '553 Relaying disallowed as <sender@example.com>',
  },
  // Zoho Mail to its own user whose account sent unusually much: sending is held for a while
  // (Zoho's help, "Unusual sending activity detected"): the rate of the sender, soft.
  {
    id: 'speeding/zoho-unusual-activity',
    reason: 'speeding',
    phrases: [String.raw`unusual sending activity detected`],
    quote: '550 5.4.6 Unusual sending activity detected. Please try after sometime.',
  },
  // ZeptoMail (Zoho's transactional service) refuses a message with no Subject: "5.2.1 Subject is
  // Mandatory." (its SMTP error code table). The message's header, not the mailbox its 5.2.1
  // would name.
  {
    id: 'contenterror/zeptomail-subject-mandatory',
    reason: 'contenterror',
    // The whole reply only: the same words inside another server's longer reply are not ZeptoMail's.
    phrases: [String.raw`(?:^|\d )subject is mandatory\.?$`],
    quote: '5.2.1 Subject is Mandatory.',
  },
];
