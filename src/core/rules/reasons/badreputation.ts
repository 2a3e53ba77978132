// How servers word the reason `badreputation` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const BADREPUTATION_RULES: readonly ReasonRule[] = [
  {
    id: 'badreputation/reputation',
    reason: 'badreputation',
    phrases: [
      String.raw`(?:poor|bad|low) (?:ip )?reputation`,
      // EveryCloud's gateway: "554 5.5.4 IP sender address with a negative reputation"
      // (support.everycloudtech.com, "Workspace reason codes").
      String.raw`\bnegative reputation\b`,
      // Yahoo's TS01 as Adobe Campaign's deliverability guide quotes it: "421 4.16.55 [TS01]
      // Messages from x.x.x.x temporarily deferred due to excessive user complaints".
      String.raw`deferred due to (?:unexpected volume or |excessive )?user complaints`,
      String.raw`reputation (?:of|is)`,
      String.raw`sender score`,
      String.raw`ip reputation`,
      String.raw`sender reputation`,
    ],
    quote:
      '421 4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address',
  },
];
