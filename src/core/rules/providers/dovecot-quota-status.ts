// Dovecot's quota-status policy service, which Postfix asks at RCPT TO (dovecot/core
// src/plugins/quota/quota-status.c; quota.c, quota_alloc_result_errstr). Its own texts, put
// after Postfix's "Recipient address rejected:" when no quota_status_* setting replaces them.

import type { ReasonRule } from '../reasons.ts';

export const DOVECOT_QUOTA_STATUS_RULES: readonly ReasonRule[] = [
  // A quota it could not work out yet ("Blocked by an ongoing background quota calculation",
  // "Internal quota calculation error"), sent as DEFER_IF_PERMIT: the receiving system's own
  // state, not a block of the sender.
  {
    id: 'systemerror/dovecot-quota-calculation',
    reason: 'systemerror',
    phrases: [String.raw`\bblocked by an ongoing background quota calculation\b`, String.raw`\binternal quota calculation error\b`],
    hints: ['quota calculation'],
    quote: '450 4.7.1 <user@example.net>: Recipient address rejected: Blocked by an ongoing background quota calculation',
  },
];
