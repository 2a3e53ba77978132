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
  // Refusals Symantec/Broadcom Email Security.cloud lists in its own outbound bounces as the
  // recipient server's words for a message whose content it will not take
  // (https://knowledge.broadcom.com/external/article/162445, "Outbound Mail returned by
  // MAILER-DAEMON@messagelabs.com").
  {
    id: 'spamdetected/messagelabs-denied-mode',
    reason: 'spamdetected',
    phrases: [String.raw`\bdenied \(mode: \w+\)`],
    quote: '554 Denied (Mode: normal)',
  },
  {
    id: 'policyviolation/messagelabs-content',
    reason: 'policyviolation',
    phrases: [String.raw`file containing vba macros found`, String.raw`rejected due to content restrictions`],
    quote: '552 MS-Office file containing VBA macros found inside of the email',
  },
];
