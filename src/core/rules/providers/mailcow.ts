// mailcow (github:mailcow/mailcow-dockerized, 0642467): the texts its own configuration gives
// the rspamd it ships. Known by mailcow's own wording, never by a host name.

import type { ReasonRule } from '../reasons.ts';

export const MAILCOW_RULES: readonly ReasonRule[] = [
  // data/conf/rspamd/override.d/worker-proxy.inc: reject_message = "This message does not meet
  // our delivery requirements", the text rspamd's milter answers with for its "reject" action
  // (the spam score over the reject threshold; rspamd's own default is "Spam message rejected").
  {
    id: 'spamdetected/mailcow-rspamd-reject',
    reason: 'spamdetected',
    phrases: [String.raw`\bthis message does not meet our delivery requirements\b`],
    hints: ['delivery requirements'],
    quote: '554 5.7.1 This message does not meet our delivery requirements',
  },
];
