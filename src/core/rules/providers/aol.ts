// AOL's legacy block codes as its postmaster pages listed them (http://postmaster.aol.com/errors/,
// http://postmaster-us.info.aol.com/errors/554rlyb1.html): "The codes are listed in categories
// based on the first part of the error message or the section that comes before the colon".
// RTR (dynamic or residential address, unallocated space, compromised hosts), RLY (an
// automated block after member complaints), DYN and CON blocks all refuse the sending host
// (CON:B1: the host went over AOL's connection thresholds, as Word to the Wise quoted AOL in
// https://wordtothewise.com/2012/08/aol-bounces-and-false-positives/). The DNS blocks are the
// reverse-DNS ones: "421 4.7.1 : (DNS:NR) http://postmaster.info.aol.com/errors/421dnsnr.html",
// whose page and AOL's greeting ("AOL may no longer accept connections from IP addresses which
// do not have reverse-DNS (PTR records) assigned") name a missing PTR record
// (https://kb.odin.com/en/121291).
// A code's part after the colon is two or three letters and digits ("RLY:CH2" beside "RLY:B1"):
// AOL's block removal form (https://postmaster.aol.com/sa-ticket) takes "any of the following
// bounce codes: RTR:*, RLY:*, DNS:*" from "the system administrator of the mail server" and asks
// which sending IPs receive it, so every RTR and RLY code is a block of the sending host.
// HVU blocks are not: "There is at least one domain in your email that is generating substantial
// complaints from AOL members ... These blocks are content-based, and are issued to any email
// that contains the blocked domain anywhere in the email message body source code"
// (http://postmaster-us.info.aol.com/errors/554hvub1.html): the message's content is refused.

import type { ReasonRule } from '../reasons.ts';

export const AOL_RULES: readonly ReasonRule[] = [
  {
    id: 'spamdetected/aol-hvu-codes',
    reason: 'spamdetected',
    phrases: [String.raw`\bhvu:[a-z][a-z0-9]{1,2}\b`],
    hints: ['hvu:'],
    quote: '554 HVU:B1 http://postmaster.info.aol.com/errors/554hvub1.html',
  },
  {
    id: 'blocked/aol-codes',
    reason: 'blocked',
    phrases: [String.raw`\b(?:rtr|rly|dyn|con):[a-z][a-z0-9]{1,2}\b`],
    hints: ['rtr:', 'rly:', 'dyn:', 'con:'],
    quote: '554 RLY:B1 http://postmaster.info.aol.com/errors/554rlyb1.html',
  },
  {
    id: 'requireptr/aol-dns-codes',
    reason: 'requireptr',
    phrases: [String.raw`\(dns:[a-z][a-z0-9]\)`, String.raw`\bdns:[a-z][a-z0-9] http://postmaster\S*aol\.com`],
    hints: ['dns:'],
    quote: '421 4.7.1 : (DNS:NR) http://postmaster.info.aol.com/errors/421dnsnr.html',
  },
];
