// Spectrum/Charter's published AUP codes (https://www.spectrum.net/support/internet/understanding-email-error-codes)
// and Road Runner's outbound limit (Spectrum Internet's "What is the outbound email policy?").

import type { ReasonRule } from '../reasons.ts';

/** Provider code rules are tried only when their label is in the text. */
const AUP_HINTS = ['aup#'];

export const SPECTRUM_RULES: readonly ReasonRule[] = [
  // Spectrum/Charter, https://www.spectrum.net/support/internet/understanding-email-error-codes:
  // AUP#In-NNNN (incoming) / AUP#Out-NNNN (outgoing), grouped by thousands and hundreds.
  {
    id: 'blocked/spectrum-ip',
    reason: 'blocked',
    phrases: [String.raw`aup#(?:in?|out?)-?(?:1000|12[0-5]\d)\b`],
    quote: '554 ... AUP#In-1000 (IP blocked for suspicious activity) / 1200-1250 (IP on Cloudmark/Spamhaus)',
    hints: AUP_HINTS,
  },
  {
    id: 'requireptr/spectrum-dns',
    reason: 'requireptr',
    phrases: [String.raw`aup#(?:in?|out?)-?11[0-5]\d\b`],
    quote: '550 ... AUP#In-1100 (the sending IP has no full-circle DNS)',
    hints: AUP_HINTS,
  },
  {
    id: 'policyviolation/spectrum-policy',
    reason: 'policyviolation',
    phrases: [String.raw`aup#(?:in?|out?)-?(?:11[6-9]\d|1560)\b`],
    quote: "550 ... AUP#Out-1160 (against your domain's security policies)",
    hints: AUP_HINTS,
  },
  {
    id: 'toomanyconn/spectrum-connections',
    reason: 'toomanyconn',
    phrases: [String.raw`aup#(?:in?|out?)-?13(?:[0-3]\d|40)\b`],
    quote: '550 5.1.0 <sender@example.com> sender rejected ... AUP#In-1310 (connection limits per sender)',
    hints: AUP_HINTS,
  },
  {
    id: 'speeding/spectrum-volume',
    reason: 'speeding',
    phrases: [String.raw`aup#(?:in?|out?)-?(?:13[5-9]\d|14\d\d|15[458]0)\b`],
    quote: '452 ... AUP#Out-1540 (too many messages in one session)',
    hints: AUP_HINTS,
  },
  {
    id: 'rejected/spectrum-sender',
    reason: 'rejected',
    phrases: [String.raw`aup#(?:in?|out?)-?(?:10[1-8]\d|15[02]0)\b`],
    quote: '550 ... AUP#Out-1500 (sending as an address other than the signed-in one)',
    hints: AUP_HINTS,
  },
  // Spectrum's (Road Runner's) outbound limit: "You can send email to 1,000 recipients per day
  // per IP on the outbound email servers. Once you reach the limit, your email is refused by
  // the email servers for the next 24 hours", with "ERROR:5.7.1:550 Outbound Mail Refused -
  // YOUR_IP_ADDRESS See http://help.rr.com/outboundemail - DATE_OF_BLOCK" (Spectrum Internet,
  // "What is the outbound email policy?", support.brighthouse.com article 1687). The sender's
  // daily volume, not a security refusal its 5.7.1 would make it.
  {
    id: 'speeding/roadrunner-outbound-limit',
    reason: 'speeding',
    phrases: [String.raw`\boutbound mail refused\b[^\n]{0,120}/outboundemail\b`],
    hints: ['outbound mail refused'],
    quote: '550 5.7.1 Outbound Mail Refused - 192.0.2.1 See http://help.rr.com/outboundemail - DATE_OF_BLOCK',
  },
];
