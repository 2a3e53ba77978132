// VIPRE Email Security (a filtering gateway in front of its customers' servers) publishes its
// inbound rejection reasons and their causes (vipre.freshdesk.com, "Email rejection reasons").
// Known by these words, never by a host name.

import type { ReasonRule } from '../reasons.ts';

export const VIPRE_RULES: readonly ReasonRule[] = [
  // "Your domain is not configured to use this MX host.": mail for a domain the gateway does not
  // serve; like a relay refusal, nothing is known about the address.
  {
    id: 'norelaying/vipre-domain-not-configured',
    reason: 'norelaying',
    phrases: [String.raw`\byour domain is not configured to use this mx host\b`],
    hints: ['not configured to use this mx'],
    quote: '550 Your domain is not configured to use this MX host.',
  },
  // "Call forward rejected": the customer's own server refused the address when the gateway
  // checked it ("We got a rejection from the downstream mail server"). Weak: a temporary
  // refusal of the check says nothing about the mailbox and is left to the codes.
  {
    id: 'userunknown/vipre-call-forward',
    reason: 'userunknown',
    phrases: [String.raw`\bcall forward rejected\b`],
    hints: ['call forward'],
    traits: ['weak'],
    quote: '550 Call forward rejected',
  },
];
