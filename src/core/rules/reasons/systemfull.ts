// How servers word the reason `systemfull` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SYSTEMFULL_RULES: readonly ReasonRule[] = [
  {
    id: 'systemfull/disk',
    reason: 'systemfull',
    phrases: [
      String.raw`(?:disk|file ?system|spool|partition) (?:is )?full`,
      String.raw`out of (?:disk )?(?:space|storage)`,
      String.raw`insufficient (?:system )?(?:storage|disk space)`,
      String.raw`no space left`,
      String.raw`system (?:storage|disk) (?:full|exceeded)`,
    ],
    quote: '452 4.3.1 Insufficient system storage',
  },
];
