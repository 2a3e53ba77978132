// Yahoo/AOL's published SMTP errors (https://senders.yahooinc.com/smtp-error-codes/).

import type { ReasonRule } from '../reasons.ts';

export const YAHOO_RULES: readonly ReasonRule[] = [
  // Yahoo/AOL's published SMTP errors (https://senders.yahooinc.com/smtp-error-codes/).
  {
    id: 'blocked/yahoo-deferred',
    reason: 'blocked',
    phrases: [String.raw`all messages from \S+ will be permanently deferred`, String.raw`connections will not be accepted from \S+`],
    quote: '553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed.',
  },
  {
    id: 'rejected/yahoo-sender-domain',
    reason: 'rejected',
    phrases: [String.raw`unresolvable rfc\.?5321 from domain`],
    traits: ['sender'],
    quote: '451 Message temporarily deferred due to unresolvable RFC.5321 from domain',
  },
];
