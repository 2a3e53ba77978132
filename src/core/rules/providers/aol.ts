// AOL's legacy block codes as its postmaster pages listed them (http://postmaster.aol.com/errors/,
// http://postmaster-us.info.aol.com/errors/554rlyb1.html): "The codes are listed in categories
// based on the first part of the error message or the section that comes before the colon".
// RTR (dynamic or residential address, unallocated space, compromised hosts), RLY (an
// automated block after member complaints), HVU and DYN blocks all refuse the sending host.

import type { ReasonRule } from '../reasons.ts';

export const AOL_RULES: readonly ReasonRule[] = [
  {
    id: 'blocked/aol-codes',
    reason: 'blocked',
    phrases: [String.raw`\b(?:rtr|rly|hvu|dyn):[a-z][a-z0-9]\b`],
    hints: ['rtr:', 'rly:', 'hvu:', 'dyn:'],
    quote: '554 RLY:B1 http://postmaster.info.aol.com/errors/554rlyb1.html',
  },
];
