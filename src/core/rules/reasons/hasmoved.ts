// How servers word the reason `hasmoved` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const HASMOVED_RULES: readonly ReasonRule[] = [
  {
    id: 'hasmoved/moved',
    reason: 'hasmoved',
    phrases: [
      String.raw`has moved`,
      String.raw`(?:address|user|mailbox) (?:has )?(?:changed|moved)`,
      String.raw`no longer (?:valid|in use|available|active|at|with)`,
      String.raw`changed (?:his|her|their) (?:e-?mail )?address`,
      String.raw`new (?:e-?mail )?address is`,
    ],
    quote: '550 5.1.6 kijitora@example.jp has moved to a new address',
  },
];
