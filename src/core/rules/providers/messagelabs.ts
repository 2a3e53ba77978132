// Symantec/Broadcom Email Security.cloud (MessageLabs) rejection texts.

import type { ReasonRule } from '../reasons.ts';

export const MESSAGELABS_RULES: readonly ReasonRule[] = [
  // Symantec/Broadcom Email Security.cloud (MessageLabs) rejection texts.
  {
    id: 'policyviolation/messagelabs-spoofing',
    reason: 'policyviolation',
    phrases: [String.raw`anti-spoofing policy`],
    quote: '553 Rejected by header based Anti-Spoofing policy',
  },
];
