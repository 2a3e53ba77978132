// How servers word the reason `toomanyconn` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const TOOMANYCONN_RULES: readonly ReasonRule[] = [
  // Sisimai files RFC 3463's X.5.3 "Too many recipients" under toomanyconn: the sender's
  // session asked for more than the server allows, like too many connections.
  {
    id: 'toomanyconn/recipients',
    reason: 'toomanyconn',
    phrases: [String.raw`too many recipients`, String.raw`exceeded the (?:maximum )?number of recipients`, String.raw`recipient limit`],
    quote: '452 4.5.3 Too many recipients',
  },
  {
    id: 'toomanyconn/connections',
    reason: 'toomanyconn',
    phrases: [
      String.raw`too many (?:connections|concurrent|simultaneous|sessions|smtp sessions)`,
      String.raw`connection frequency limited`,
      String.raw`connection (?:count |rate )?limit`,
      String.raw`exceeded (?:the )?(?:maximum )?(?:number of )?connections`,
      String.raw`too many hosts`,
    ],
    quote: '421 4.7.0 Too many concurrent SMTP connections from this IP address',
  },
];
