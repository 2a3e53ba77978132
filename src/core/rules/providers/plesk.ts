// Plesk's outgoing mail control (psa-pc-remote's "limit-out" handler, a milter of the Postfix
// or qmail Plesk installs): a mailbox, domain or subscription past its hourly limit of
// outgoing messages is refused with "5.7.0 Your message could not be sent. The limit on the
// number of allowed outgoing messages was exceeded. Try again later." (Plesk's knowledge base
// article 213389069, "How outgoing messages limit works", quoting the maillog line).

import type { ReasonRule } from '../reasons.ts';

export const PLESK_RULES: readonly ReasonRule[] = [
  // The sender's own sending rate, not a security refusal: the 5.7.0 code says only "policy".
  {
    id: 'speeding/plesk-outgoing-limit',
    reason: 'speeding',
    phrases: [String.raw`\blimit on the number of allowed outgoing messages was exceeded\b`],
    hints: ['allowed outgoing messages'],
    quote: '550 5.7.0 Your message could not be sent. The limit on the number of allowed outgoing messages was exceeded. Try again later.',
  },
];
