// python-policyd-spf (policyd-spf), the SPF policy service Debian and Ubuntu ship for Postfix:
// its refusals, which Postfix sends as "550 5.7.23 <user@example.net>: Recipient address
// rejected: Message rejected due to: ..." although they are about the sender's SPF record
// (admins' mail logs quoting policyd-spf's answer). Its "SPF fail - not authorized" is already
// read by the general SPF rules; its permanent error (a broken or over-long SPF record of the
// sender's domain, 550 5.5.2) is not, and its 5.5.2 code would say "syntax".

import type { ReasonRule } from '../reasons.ts';

export const POLICYD_SPF_RULES: readonly ReasonRule[] = [
  {
    id: 'authfailure/policyd-spf-permanent-error',
    reason: 'authfailure',
    phrases: [String.raw`\bmessage rejected due to: spf permanent error\b`],
    hints: ['spf permanent error'],
    quote: '550 5.5.2 <user@example.net>: Recipient address rejected: Message rejected due to: SPF Permanent Error: Too many DNS lookups',
  },
];
