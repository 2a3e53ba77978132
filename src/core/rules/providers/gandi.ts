// GandiMail's policy refusals, as its postmaster page names them (https://postmaster.gandi.net/,
// "Troubleshooting page for GandiMail"), written on the wire "550 5.7.1 Reject for policy
// reason RULE3_2. See http://postmaster.gandi.net" (as issues quote it, github.com/Scille/
// parsec-cloud/issues/1751, github.com/dyve-agency/zeitkit/issues/64). The rule number says
// what the filter found; the words around it say only "policy".

import type { ReasonRule } from '../reasons.ts';

/** Gandi's rules are tried only when their label is in the text. */
const GANDI_HINTS = ['for policy reason'];

export const GANDI_RULES: readonly ReasonRule[] = [
  // RULE1_1: "A possible virus or malware has been detected".
  {
    id: 'virusdetected/gandi-rule1',
    reason: 'virusdetected',
    phrases: [String.raw`reject for policy reason\.? rule1_\d\b`],
    hints: GANDI_HINTS,
    quote: '550 5.7.1 Reject for policy reason RULE1_1. See http://postmaster.gandi.net',
  },
  // RULE2_1: "Message considered as phishing either by heuristic analysis or a suspicious link
  // found in it"; RULE2_2: "a potential scam"; RULE3_1: "A suspicious commercial email was
  // detected"; RULE3_2: "Gandi detected a high spam probability score": the message judged
  // spam, not a policy of the recipient's.
  {
    id: 'spamdetected/gandi-rule2-3',
    reason: 'spamdetected',
    phrases: [String.raw`reject for policy reason\.? rule[23]_\d\b`],
    hints: GANDI_HINTS,
    quote: '550 5.7.1 Reject for policy reason RULE3_2. See http://postmaster.gandi.net',
  },
];
