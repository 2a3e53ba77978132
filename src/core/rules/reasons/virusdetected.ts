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
      // A virus scanner's heuristic verdict, phishing included, as Broadcom's "Common external
      // Spam Filtering Error Codes" (knowledge.broadcom.com article 169925) lists a recipient's
      // gateway writing it: "550 Message contained unsafe content
      // (Heuristics.Phishing.Email.SpoofedDomain)", the scanner's signature name in brackets.
      String.raw`\bmessage contained unsafe content\b`,
    ],
    quote: '550 5.7.0 Message rejected: virus found in message (Eicar-Test-Signature)',
  },
];
