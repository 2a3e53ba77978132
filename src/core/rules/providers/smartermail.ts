// SmarterMail's own delivery-failure notices ("Could not deliver message to the following
// recipient(s): Failed Recipient: ... Reason: ..."), as hosting companies running it quote
// them in their help (kb.indsoft.net/kb/a70 and support.rackteam.com/kb/a136, "Common email
// delivery errors"). Known by SmarterMail's wording, never by a host name.

import type { ReasonRule } from '../reasons.ts';

export const SMARTERMAIL_RULES: readonly ReasonRule[] = [
  // "Reason: The domain size limit has been exceeded": the recipient's domain has used its
  // disk allocation, so the mailbox takes nothing more for now, like a full mailbox.
  {
    id: 'mailboxfull/smartermail-domain-size',
    reason: 'mailboxfull',
    phrases: [String.raw`\bthe domain size limit has been exceeded\b`],
    hints: ['domain size limit'],
    quote: 'Reason: The domain size limit has been exceeded',
  },
  // "Failed four Attempts to connect to recipients mail server" / "Failed all attempts to
  // connect to the recipients mail server.": SmarterMail gave up after its retries. A cause it
  // names beside them ("No MX records were found for the ... domain") keeps its reason
  // (README rule 3).
  {
    id: 'expired/smartermail-connect-attempts',
    reason: 'expired',
    phrases: [String.raw`\bfailed (?:\w+ )?attempts to connect to (?:the )?recipients'? mail server\b`],
    hints: ['attempts to connect'],
    traits: ['expiry'],
    quote: 'Failed four Attempts to connect to recipients mail server',
  },
];
