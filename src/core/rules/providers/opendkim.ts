// OpenDKIM, the DKIM milter for Sendmail and Postfix: the refusal of its ADSP lists
// (trusteddomainproject/OpenDKIM, opendkim/opendkim.h ADSP_DISCARDABLE_TEXT, 550 5.7.1): the
// sender's domain publishes "discardable" and the message's signature did not verify. Its
// other replies ("bad DKIM signature data", "no DKIM signature data", "DKIM key retrieval
// failed") name DKIM and are read by the general authentication rules.

import type { ReasonRule } from '../reasons.ts';

export const OPENDKIM_RULES: readonly ReasonRule[] = [
  {
    id: 'authfailure/opendkim-adsp-discardable',
    reason: 'authfailure',
    phrases: [String.raw`\badsp discardable mail may not be sent\b`],
    hints: ['adsp discardable'],
    quote: '550 5.7.1 ADSP discardable mail may not be sent to this address',
  },
];
