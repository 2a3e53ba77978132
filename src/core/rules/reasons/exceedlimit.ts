// How servers word the reason `exceedlimit` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const EXCEEDLIMIT_RULES: readonly ReasonRule[] = [
  {
    id: 'exceedlimit/recipient-size-limit',
    reason: 'exceedlimit',
    phrases: [
      String.raw`message length exceeds (?:the )?administrative limit`,
      String.raw`too large for this recipient`,
      String.raw`recipsizelimit`,
      String.raw`exceeds? (?:the )?(?:recipient|mailbox)'?s? (?:size )?limit`,
    ],
    quote: '550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient',
  },
];
