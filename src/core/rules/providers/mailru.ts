// Mail.ru's replies as its help pages name them (https://help.mail.ru/mail-help/postmaster;
// the common texts as https://mailout.ru/2015/09 lists them).

import type { ReasonRule } from '../reasons.ts';

export const MAILRU_RULES: readonly ReasonRule[] = [
  // Mail.ru refuses to send for an account it has locked (suspected break-in or spam): a
  // refusal of the sender's account, never a disabled recipient mailbox.
  {
    id: 'rejected/mailru-sending-disabled',
    reason: 'rejected',
    phrases: [String.raw`message sending for this account is disabled`],
    traits: ['sender'],
    quote: '550 message sending for this account is disabled',
  },
  {
    id: 'spamdetected/mailru-spam',
    reason: 'spamdetected',
    phrases: [String.raw`spam message rejected`],
    quote:
      '550 spam message rejected. Please visit https://help.mail.ru/notspam-support/id?c=... or report details to abuse@corp.mail.ru. Error code: ... ID: ...',
  },
];
