// McAfee SaaS Email Protection (formerly MX Logic) refusals. Its content filter answers the end
// of DATA with "554 Denied [CS] [<id>] (Mode: normal)": "The mail was rejected by Mxlogic / Mcafee
// because of the content of the message" (MailChannels, "MX Logic Blocking My Mails With 554
// Denied CS", https://blog.mailchannels.com/mx-logic-blocking-my-mails-with-554-denied-cs-mxlogic-net/).
// The bracketed tokens (a category and a transaction id) sit between "Denied" and the mode, so
// the Broadcom wording "554 Denied (Mode: normal)" (messagelabs.ts) does not reach it.

import type { ReasonRule } from '../reasons.ts';

export const MCAFEE_RULES: readonly ReasonRule[] = [
  {
    id: 'spamdetected/mcafee-denied-content',
    reason: 'spamdetected',
    phrases: [String.raw`\bdenied (?:\[[^\]\s]{1,40}\] ){1,3}\(mode: \w+\)`],
    hints: ['denied ['],
    quote: '554 Denied [CS] [*] (Mode: normal) (in reply to end of DATA command)',
  },
];
