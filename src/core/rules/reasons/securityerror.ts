// How servers word the reason `securityerror` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SECURITYERROR_RULES: readonly ReasonRule[] = [
  {
    id: 'securityerror/auth-required',
    reason: 'securityerror',
    phrases: [
      String.raw`authentication (?:is )?required`,
      String.raw`unauthenticated senders?`,
      String.raw`smtp auth`,
      String.raw`auth(?:entication)? (?:credentials )?(?:invalid|failed)`,
      String.raw`insecure`,
      String.raw`security (?:policy|error)`,
      String.raw`certificate`,
      String.raw`encryption needed`,
      String.raw`not authenticated`,
      String.raw`authentication mechanism`,
    ],
    quote: '530 5.7.0 Authentication required',
  },
];
