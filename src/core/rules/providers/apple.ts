// Apple iCloud Mail's replies as Apple's postmaster page links them and the SMTP reply
// collection smtp.codes lists them (https://support.apple.com/en-us/HT204137,
// https://smtp.codes/icloud).

import type { ReasonRule } from '../reasons.ts';

export const APPLE_RULES: readonly ReasonRule[] = [
  // One iCloud recipient receives too much mail too fast: deferred, the sender's rate.
  {
    id: 'speeding/icloud-excessive-volume',
    reason: 'speeding',
    phrases: [String.raw`deferred due to excessive volume`],
    quote:
      '421 4.7.1 Messages to user@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137',
  },
  // A link in the message is on Spamhaus's domain list: the content, not the sending host.
  {
    id: 'spamdetected/icloud-dbl',
    reason: 'spamdetected',
    phrases: [String.raw`domain present in the spamhaus dbl`],
    quote: '550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/',
  },
];
