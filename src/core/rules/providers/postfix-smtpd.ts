// Postfix's smtpd: the replies of its per-client rate limits (postfix/src/smtpd/smtpd.c, with
// anvil's counts): smtpd_client_message_rate_limit "450 4.7.1 Error: too much mail from %s",
// smtpd_client_recipient_rate_limit "450 4.7.1 Error: too many recipients from %s",
// smtpd_client_new_tls_session_rate_limit "421 4.7.0 %s Error: too many new TLS sessions from
// %s". Its "too many connections from" is read by the general connection rules.

import type { ReasonRule } from '../reasons.ts';

export const POSTFIX_SMTPD_RULES: readonly ReasonRule[] = [
  // Messages or recipients per time unit from one client host: the sender's pace, not too
  // many recipients in one message, not the recipient's mailbox.
  {
    id: 'speeding/postfix-client-rate',
    reason: 'speeding',
    phrases: [String.raw`\berror: too much mail from\b`, String.raw`\berror: too many recipients from\b`],
    hints: ['error: too m'],
    quote: '450 4.7.1 Error: too much mail from 192.0.2.9',
  },
  // New TLS sessions per time unit from one client: its sessions, as the connection limits.
  {
    id: 'toomanyconn/postfix-tls-sessions',
    reason: 'toomanyconn',
    phrases: [String.raw`\berror: too many new tls sessions from\b`],
    hints: ['new tls sessions'],
    quote: '421 4.7.0 mx.example.net Error: too many new TLS sessions from 192.0.2.9',
  },
];
