// Optimum's (Altice USA's, optonline.net's) throttling replies, as Suped quotes them ("What
// causes connection limit issues with Optonline.net recipients?", suped.com, 2025-05): the
// sender's connections and volume, although the code is of the security class (X.7.1).

import type { ReasonRule } from '../reasons.ts';

export const OPTIMUM_RULES: readonly ReasonRule[] = [
  // "554 5.7.1 rejection limit reached - stop flooding us": the sender's volume.
  {
    id: 'speeding/optimum-flooding',
    reason: 'speeding',
    phrases: [String.raw`rejection limit reached - stop flooding us`],
    quote: '554 5.7.1 rejection limit reached - stop flooding us',
  },
  // "421 4.7.1 Resources restricted - try again later": the connections allowed the sending host.
  {
    id: 'toomanyconn/optimum-resources',
    reason: 'toomanyconn',
    phrases: [String.raw`resources restricted - try again later`],
    quote: '421 4.7.1 Resources restricted - try again later',
  },
];
