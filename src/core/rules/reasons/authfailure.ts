// How servers word the reason `authfailure` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const AUTHFAILURE_RULES: readonly ReasonRule[] = [
  {
    id: 'authfailure/dmarc-spf-dkim',
    reason: 'authfailure',
    phrases: [
      String.raw`dmarc`,
      String.raw`\bspf\b(?! records? for your| domain)`,
      String.raw`sender policy framework`,
      String.raw`dkim`,
      String.raw`domainkeys`,
      String.raw`sender id`,
      String.raw`does not pass (?:sender )?authentication`,
      String.raw`not (?:been )?authenticated`,
      String.raw`authentication (?:checks? )?(?:fail|did not pass)`,
      String.raw`unauthenticated (?:email|mail)\b`,
      String.raw`authentication information`,
      String.raw`is not authorized to send`,
      String.raw`not designated (?:as a )?permitted sender`,
      String.raw`arc validation`,
    ],
    quote: '550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass)',
  },
];
