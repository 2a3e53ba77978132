// Barracuda Email Security Gateway and Email Protection refusals as smtp.codes lists Barracuda's
// replies (https://smtp.codes/550, "Barracuda"): "550 rejecting spoofed message" is its
// anti-spoofing check refusing a message that claims a sender it may not (a known brand or the
// recipient's own domain), a refusal of the message by policy, not of the address.

import type { ReasonRule } from '../reasons.ts';

export const BARRACUDA_RULES: readonly ReasonRule[] = [
  {
    id: 'policyviolation/barracuda-spoofed',
    reason: 'policyviolation',
    phrases: [String.raw`\brejecting spoofed message`],
    hints: ['spoofed'],
    quote: '550 rejecting spoofed message',
  },
];
