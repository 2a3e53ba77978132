// GoDaddy (Secureserver) mail's published bounce texts and their IBnnn codes
// (https://www.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685; the IB212 wording
// as https://support.tigertech.net/godaddy-ib212 quotes it).

import type { ReasonRule } from '../reasons.ts';

export const GODADDY_RULES: readonly ReasonRule[] = [
  // IB501, IB502: the From: header is empty or an IP address, which RFC 5322 does not allow.
  {
    id: 'notcompliantrfc/godaddy-from',
    reason: 'notcompliantrfc',
    phrases: [
      String.raw`blank from: addresses are not allowed`,
      String.raw`ip addresses are not allowed as a from: address`,
      String.raw`\bib50[12]\b`,
    ],
    quote: '550 jane@example.com Blank From: addresses are not allowed. Provide a valid From. IB501',
  },
  // IB212: the content matched what GoDaddy's users reported as spam.
  {
    id: 'spamdetected/godaddy-content',
    reason: 'spamdetected',
    phrases: [String.raw`content judged to be spam`, String.raw`\bib212\b`],
    quote: '552 5.2.0 This message has been rejected due to content judged to be spam by the internet community IB212',
  },
  // IB401: "Inbound connection rejected": the sending IP is on GoDaddy's block list.
  {
    id: 'blocked/godaddy-inbound',
    reason: 'blocked',
    phrases: [String.raw`\bib40\d\b.{0,40}inbound connection rejected`, String.raw`inbound connection rejected.{0,60}\bib40\d\b`],
    quote: '421 4.7.0 IB401 Inbound Connection Rejected - IP Address is blocked',
  },
];
