// postfwd, the Postfix policy firewall: the rate(), size() and rcpt() limits as its manual writes
// them (postfwd/postfwd, doc/postfwd3.txt: "450 4.7.1 sorry, max 3 requests per 5 minutes",
// "sorry, max 1.5mb per hour", "sorry, max 3 recipients per hour"), sent by Postfix after
// "Recipient address rejected:". The admin writes the text; these are the manual's, copied
// into many set-ups. A count of requests, bytes or recipients per period: the sender's pace.

import type { ReasonRule } from '../reasons.ts';

export const POSTFWD_RULES: readonly ReasonRule[] = [
  {
    id: 'speeding/postfwd-rate',
    reason: 'speeding',
    phrases: [
      String.raw`\bsorry, max [\d.]+ ?(?:requests|recipients|messages|mails|[kmg]b)\b[^.;]{0,20}?\bper (?:\d+ )?(?:seconds?|minutes?|hours?|days?)\b`,
    ],
    hints: ['sorry, max'],
    quote: '450 4.7.1 <user@example.net>: Recipient address rejected: sorry, max 3 requests per 5 minutes',
  },
];
