// Cox's published AUP codes (https://www.cox.com/residential/support/email-error-codes.html).

import type { ReasonRule } from '../reasons.ts';

/** Provider code rules are tried only when their label is in the text. */
const AUP_HINTS = ['aup#'];

export const COX_RULES: readonly ReasonRule[] = [
  // A code the provider documents says more than the words around it ("sender rejected" is
  // Cox's text for an IP block too), so these come first.
  // Cox, https://www.cox.com/residential/support/email-error-codes.html: AUP#<code>.
  {
    id: 'blocked/cox-ip',
    reason: 'blocked',
    phrases: [String.raw`aup#(?:cxbl|cdrbl|ipbl\d{4,5})\b`],
    quote: '550 5.1.0 <sender@example.com> sender rejected. Refer to Error Codes section ... AUP#CDRBL',
    hints: AUP_HINTS,
  },
  {
    id: 'requireptr/cox-dns',
    reason: 'requireptr',
    phrases: [String.raw`aup#cxdns\b`],
    quote: '554 ... AUP#CXDNS (reverse DNS of the sending IP fails)',
    hints: AUP_HINTS,
  },
  {
    id: 'authfailure/cox-sender',
    reason: 'authfailure',
    phrases: [String.raw`aup#cxsndr\b`],
    quote: '550 ... AUP#CXSNDR (SPF/DKIM of the sending domain failed)',
    hints: AUP_HINTS,
  },
  {
    id: 'toomanyconn/cox-connections',
    reason: 'toomanyconn',
    phrases: [String.raw`aup#(?:cxcnct|cxmxrt)\b`],
    quote: '421 ... AUP#CXCNCT (too many concurrent connections from the IP)',
    hints: AUP_HINTS,
  },
  {
    id: 'spamdetected/cox-url',
    reason: 'spamdetected',
    phrases: [String.raw`aup#urlbl\d+`],
    quote: '552 ... AUP#URLBL1001 (a URL in the body is on a blocklist)',
    hints: AUP_HINTS,
  },
  // AUP#CXMJ: "Email sending blocked due to suspicious account activity on primary Cox
  // account" (Cox's error-code page as its forum quotes it,
  // https://forums.cox.com/discussions/internet/aupcxsndr----error-trigger-depends-upon-message-content/109845):
  // the sender's own account is held, nothing about the recipient or the sending host's IP.
  {
    id: 'rejected/cox-account',
    reason: 'rejected',
    phrases: [String.raw`aup#cxmj\b`],
    hints: AUP_HINTS,
    traits: ['sender'],
    quote: '550 Email sending blocked due to suspicious account activity on primary Cox account ... AUP#CXMJ',
  },
];
