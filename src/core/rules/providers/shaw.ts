// Shaw (shaw.ca), whose inbound mail Cloudmark filters: the AUP# tags its refusals end with, as
// Shaw's support forum explains them ("Shaw server blocking emails from domain", page 4:
// "MXRT means they are rate limiting connections. I have also seen AUP#CNCT which is too many
// concurrent connections. This is coming from the Cloudmark filtering service that Shaw
// uses"). The forum quotes the tags, not the words before them, so the rule reads the tag.
// (Spectrum's numbered AUP#In-nnnn codes are in spectrum.ts.)

import type { ReasonRule } from '../reasons.ts';

export const SHAW_RULES: readonly ReasonRule[] = [
  {
    id: 'toomanyconn/shaw-cloudmark-connections',
    reason: 'toomanyconn',
    phrases: [String.raw`\baup#(?:mxrt|cnct)\b`],
    hints: ['aup#'],
    quote: 'AUP#MXRT (connections rate-limited), AUP#CNCT (too many concurrent connections)',
  },
];
