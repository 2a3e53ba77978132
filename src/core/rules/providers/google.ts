// Google's published SMTP errors (https://support.google.com/a/answer/3726730).

import type { ReasonRule } from '../reasons.ts';

export const GOOGLE_RULES: readonly ReasonRule[] = [
  // Google's published SMTP errors (https://support.google.com/a/answer/3726730).
  {
    id: 'speeding/gmail-sending-limit',
    reason: 'speeding',
    phrases: [String.raw`daily (?:user )?sending (?:quota|limit) exceeded`, String.raw`receiving mail too quickly`],
    quote: '550 5.4.5 Daily sending quota exceeded. / 450 4.2.1 The user you are trying to contact is receiving mail too quickly.',
  },
  {
    id: 'policyviolation/gmail-policy',
    reason: 'policyviolation',
    phrases: [String.raw`has a policy that prohibits the mail that you sent`],
    quote: '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibits the mail that you sent.',
  },
  {
    id: 'blocked/gmail-ip-whitelist',
    reason: 'blocked',
    phrases: [String.raw`ip not in whitelist for rcpt domain`],
    quote: '421 4.7.0 IP not in whitelist for RCPT domain, closing connection.',
  },
];
