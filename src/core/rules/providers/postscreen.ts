// Postfix's postscreen, the screen in front of smtpd (vdukhovni/postfix:
// postfix/src/postscreen/postscreen.c, postscreen_smtpd.c). Its refusals are of the client
// host, whatever command they answer. Known by postscreen's own wording.

import type { ReasonRule } from '../reasons.ts';

export const POSTSCREEN_RULES: readonly ReasonRule[] = [
  // postscreen.c: a client on postscreen_access_list's deny side, with the "enforce" action
  // ("550 5.3.2 Service currently unavailable" to every RCPT TO) or "drop" ("521 5.3.2 ..." at
  // the greeting). The 450 4.3.2 of the same words is a client still being tested, not this.
  {
    id: 'blocked/postscreen-denylist',
    reason: 'blocked',
    phrases: [String.raw`\b5[25][01] 5\.3\.2 service currently unavailable\b`],
    hints: ['service currently unavailable'],
    quote: '550 5.3.2 Service currently unavailable',
  },
  // postscreen_smtpd.c: a client that sent a non-SMTP command or pipelined without asking
  // ("521 5.7.0 Error: I can break rules, too. Goodbye.").
  {
    id: 'blocked/postscreen-broke-rules',
    reason: 'blocked',
    phrases: [String.raw`\bi can break rules, too\b`],
    hints: ['break rules'],
    quote: '521 5.7.0 Error: I can break rules, too. Goodbye.',
  },
];
