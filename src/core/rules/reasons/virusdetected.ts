// How servers word the reason `virusdetected` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const VIRUSDETECTED_RULES: readonly ReasonRule[] = [
  {
    id: 'virusdetected/virus',
    reason: 'virusdetected',
    phrases: [
      // Not the pair "spam or virus" / "virus or spam", which says nothing about which one.
      String.raw`(?<!spam\s*(?:or|and|/)\s*)virus(?!(?:es)?\s*(?:or|and|/)\s*spam)`,
      String.raw`malware`,
      String.raw`infected`,
      String.raw`trojan`,
      String.raw`worm detected`,
      String.raw`malicious (?:content|attachment|code)`,
    ],
    quote: '550 5.7.0 Message rejected: virus found in message (Eicar-Test-Signature)',
  },
];
