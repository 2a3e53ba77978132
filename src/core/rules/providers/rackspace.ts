// Rackspace Email's replies (its help article "Common email bounce messages",
// https://docs.rackspace.com/docs/common-email-bounces, and its postmaster codes as
// https://smtp.codes/rackspace lists them, each ending in a (Gnn) tag). Most of them the general
// rules read right (no PTR record, too many concurrent connections, a mailbox receiving too
// much); these are the ones they do not.

import type { ReasonRule } from '../reasons.ts';

export const RACKSPACE_RULES: readonly ReasonRule[] = [
  // "451 4.3.0 <server[ip]>: Client host rejected: Throttled - Too much spam from your mail
  // server. Try again later.": "The recipient's server has received too much spam from this
  // source": the sending host is held back, not the message judged as spam.
  {
    id: 'blocked/rackspace-throttled',
    reason: 'blocked',
    phrases: [String.raw`throttled - too much spam from your mail server`],
    quote: '451 4.3.0 <mx.example.org[192.0.2.1]>: Client host rejected: Throttled - Too much spam from your mail server. Try again later.',
  },
  // "450 4.4.0 <address> Temporary DMARC DNS lookup failure (G1E)": "A temporary failure while
  // looking up sender's DMARC policy. Trying again in a few minutes should succeed." The name
  // could not be looked up for now; nothing failed its authentication.
  {
    id: 'networkerror/rackspace-dmarc-lookup',
    reason: 'networkerror',
    phrases: [String.raw`temporary dmarc dns lookup failure`],
    traits: ['temporary-dns'],
    quote: '450 4.4.0 <user@example.net> Temporary DMARC DNS lookup failure (G1E)',
  },
];
