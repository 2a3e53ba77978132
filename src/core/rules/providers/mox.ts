// mox, the Go mail server: its replies to a delivering server (mjl-/mox, smtpserver/server.go).
// Known by mox's own wording.

import type { ReasonRule } from '../reasons.ts';

export const MOX_RULES: readonly ReasonRule[] = [
  // A recipient domain mox is not configured for ("550 5.1.1 not accepting email for
  // domain"): the message reached a server that does not receive for that domain, a relay it
  // refuses, whatever its 5.1.1 says of the mailbox.
  {
    id: 'norelaying/mox-domain',
    reason: 'norelaying',
    phrases: [String.raw`\bnot accepting email for domain\b`],
    hints: ['not accepting email for domain'],
    quote: '550 5.1.1 not accepting email for domain',
  },
  // Its limit on open connections from one address or network ("421 4.7.0 too many open
  // connections from your ip or network"): a count of connections, not a block of the host.
  {
    id: 'toomanyconn/mox-open-connections',
    reason: 'toomanyconn',
    phrases: [String.raw`\btoo many open connections from your ip\b`],
    hints: ['too many open connections'],
    quote: '421 4.7.0 too many open connections from your ip or network',
  },
];
