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
      // The address or its owner is no longer there ("user no longer at this company"); not a
      // service "no longer available for this domain", nor an account "no longer active"
      // (suspend.ts): the words must be about the address or its owner.
      String.raw`(?:address|mailbox|account|user|recipient|person|employee|e-?mail|<@>)(?: is| has| was)? no longer (?:valid|in use|available|at|with)`,
      String.raw`is no longer (?:at|with) (?:this|the|our) (?:company|organi[sz]ation|firm|school|university)`,
      String.raw`changed (?:his|her|their) (?:e-?mail )?address`,
      String.raw`new (?:e-?mail )?address is`,
      // RFC 5321 section 3.4's reply for a user who is not here, with the address to try
      // instead: "551 User not local; please try <forward-path>".
      String.raw`user not local; please try`,
    ],
    quote: '550 5.1.6 kijitora@example.jp has moved to a new address',
  },
];
