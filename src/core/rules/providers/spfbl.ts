// SPFBL, an SPF and block-list service run beside Postfix and Exim: the replies of its Postfix
// policy script (spfblquery.pl), each after its "SPFBL" tag and sent by Postfix after
// "Recipient address rejected:". Its blocks and greylisting are read by the general rules;
// these three are about the envelope sender, which the words alone do not say.

import type { ReasonRule } from '../reasons.ts';

export const SPFBL_RULES: readonly ReasonRule[] = [
  // The sender's address failed SPF from the connecting host.
  {
    id: 'authfailure/spfbl-spf-fail',
    reason: 'authfailure',
    phrases: [String.raw`\bspfbl \S+ is not allowed to send mail from\b`],
    hints: ['spfbl'],
    quote: '554 5.7.1 <user@example.net>: Recipient address rejected: SPFBL sender@example.org is not allowed to send mail from 192.0.2.9.',
  },
  // The sender's domain does not exist, or the sender is not a valid address.
  {
    id: 'rejected/spfbl-sender',
    reason: 'rejected',
    phrases: [String.raw`\bspfbl sender has non-existent internet domain\b`, String.raw`\bspfbl \S+ is not a valid e-mail address\b`],
    hints: ['spfbl'],
    traits: ['sender'],
    quote: '554 5.7.1 <user@example.net>: Recipient address rejected: SPFBL sender has non-existent internet domain.',
  },
];
