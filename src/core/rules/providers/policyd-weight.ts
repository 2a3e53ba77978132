// policyd-weight, a Postfix policy service that scores the sending host (its HELO name, its DNS
// and MX records, its listing on DNS block lists): its default refusal ($REJECTMSG in its
// default configuration), which Postfix sends after "Recipient address rejected:". It says
// "SPAM", but no content was read: the score is of the sending host, a block.

import type { ReasonRule } from '../reasons.ts';

export const POLICYD_WEIGHT_RULES: readonly ReasonRule[] = [
  {
    id: 'blocked/policyd-weight-score',
    reason: 'blocked',
    phrases: [
      String.raw`\bmail appeared to be spam or forged\. ask your mail/dns-administrator\b`,
      String.raw`\bto correct helo and dns mx settings or to get removed from dnsbls\b`,
    ],
    hints: ['mail/dns-administrator', 'dns mx settings'],
    quote:
      '550 5.7.1 <user@example.net>: Recipient address rejected: Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs',
  },
];
