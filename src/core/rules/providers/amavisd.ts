// amavisd-new, the content filter behind many Postfix set-ups (iRedMail's among them): its
// replies after end of data, "<status> Reject, id=<n> - <reason>" (tajohnson/amavisd-new,
// amavisd: %smtp_reason_by_ccat). Its spam ("- spam"), virus ("- INFECTED: ...") and header
// ("- BAD HEADER: ...") texts are read by the general rules; these are its own categories.

import type { ReasonRule } from '../reasons.ts';

export const AMAVISD_RULES: readonly ReasonRule[] = [
  // "- BANNED: <part>" (a file name or type the site bans) and "- UNCHECKED: encrypted" /
  // "over limits" (content it will not pass unread): the site's content policy, not spam and
  // not the address.
  {
    id: 'policyviolation/amavisd-banned-unchecked',
    reason: 'policyviolation',
    phrases: [String.raw`\breject, id=\S+ - (?:banned|unchecked)\b`],
    hints: ['reject, id='],
    quote: '554 5.7.0 Reject, id=12345-01 - BANNED: P=p003,L=1,M=application/x-msdownload,T=exe,N=setup.exe',
  },
];
