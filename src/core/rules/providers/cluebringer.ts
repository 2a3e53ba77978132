// Policyd v2 (cluebringer), a Postfix policy service: its greylisting module's texts
// (cbp/modules/Greylisting.pm: defer_message "Greylisting in effect, please come back later",
// blacklist_message "Greylisting in effect, sending server blacklisted"), which Postfix sends
// after "Recipient address rejected:". The first is greylisting (read by the general rules);
// the second refuses the sending host for its failed greylisting record: a block, not a delay.
// Its quotas and accounting (cbp/modules/Quotas.pm, Accounting.pm): "Policy rejection; Message
// count quota exceeded", "...; Cumulative message size quota exceeded", "...; Message count
// exceeded": a count of messages or bytes per period, of the sender, its host or its login.

import type { ReasonRule } from '../reasons.ts';

export const CLUEBRINGER_RULES: readonly ReasonRule[] = [
  {
    id: 'blocked/cluebringer-greylisting-blacklisted',
    reason: 'blocked',
    phrases: [String.raw`\bgreylisting in effect, sending server blacklisted\b`],
    hints: ['sending server blacklisted'],
    quote: '554 5.7.1 <user@example.net>: Recipient address rejected: Greylisting in effect, sending server blacklisted',
  },
  {
    id: 'speeding/cluebringer-quotas',
    reason: 'speeding',
    phrases: [
      String.raw`\bpolicy rejection; (?:message count|cumulative message size) quota exceeded\b`,
      String.raw`\bpolicy rejection; message count exceeded\b`,
    ],
    hints: ['policy rejection;'],
    quote: '450 4.7.1 <user@example.net>: Recipient address rejected: Policy rejection; Message count quota exceeded',
  },
];
