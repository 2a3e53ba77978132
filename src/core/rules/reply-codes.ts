// What an SMTP reply code says about the reason when neither the words nor an enhanced
// status code said more (rules/README.md, rule 7). RFC 5321 section 4.2.2-4.2.3 gives each
// code's meaning; RFC 7504 adds 521 and 556; RFC 4954 the AUTH codes 530, 534, 535, 538;
// RFC 3207 454 for STARTTLS. The command the reply answered narrows a code where RFC 5321
// gives it several meanings.

import type { Reason } from '../types.ts';
import type { SmtpPhase } from '../smtp-command.ts';

interface ReplyCodeRule {
  code: string;
  /** The reason, or one per SMTP command answered ('*' for any other or none). */
  reason: Reason | Partial<Record<SmtpPhase | '*', Reason>>;
  /** The RFC's words for the code. */
  meaning: string;
}

/**
 * Codes absent from this table (450 and 550 "mailbox unavailable", 554 at RCPT or DATA, ...) say only "not
 * done" or "refused": they leave the decision to the steps after (the command alone, onhold).
 */
export const REPLY_CODE_RULES: readonly ReplyCodeRule[] = [
  {
    code: '421',
    reason: { CONN: 'blocked', EHLO: 'blocked', HELO: 'blocked', '*': 'systemerror' },
    meaning: 'Service not available, closing transmission channel',
  },
  { code: '451', reason: 'systemerror', meaning: 'Requested action aborted: local error in processing' },
  { code: '452', reason: 'mailboxfull', meaning: 'Requested action not taken: insufficient system storage' },
  { code: '454', reason: 'securityerror', meaning: 'TLS not available due to temporary reason / temporary authentication failure' },
  { code: '500', reason: 'syntaxerror', meaning: 'Syntax error, command unrecognized' },
  { code: '501', reason: { MAIL: 'rejected', '*': 'syntaxerror' }, meaning: 'Syntax error in parameters or arguments' },
  { code: '502', reason: 'syntaxerror', meaning: 'Command not implemented' },
  { code: '503', reason: 'syntaxerror', meaning: 'Bad sequence of commands' },
  { code: '504', reason: 'syntaxerror', meaning: 'Command parameter not implemented' },
  { code: '521', reason: 'notaccept', meaning: 'Host does not accept mail (RFC 7504)' },
  { code: '530', reason: 'securityerror', meaning: 'Authentication required (RFC 4954)' },
  { code: '534', reason: 'securityerror', meaning: 'Authentication mechanism is too weak (RFC 4954)' },
  { code: '535', reason: 'securityerror', meaning: 'Authentication credentials invalid (RFC 4954)' },
  { code: '538', reason: 'securityerror', meaning: 'Encryption required for requested authentication mechanism (RFC 4954)' },
  { code: '551', reason: { RCPT: 'hasmoved' }, meaning: 'User not local; please try <forward-path>' },
  // After DATA, 552 is RFC 1870's "message size exceeds fixed maximum message size".
  {
    code: '552',
    reason: { DATA: 'mesgtoobig', '*': 'mailboxfull' },
    meaning: 'Requested mail action aborted: exceeded storage allocation',
  },
  {
    code: '553',
    reason: { RCPT: 'userunknown', MAIL: 'rejected' },
    meaning: 'Requested action not taken: mailbox name not allowed (e.g., mailbox syntax incorrect)',
  },
  {
    code: '554',
    reason: { CONN: 'blocked', EHLO: 'blocked', HELO: 'blocked', MAIL: 'rejected' },
    meaning: 'Transaction failed (no SMTP service here, at the greeting)',
  },
  { code: '556', reason: 'notaccept', meaning: 'Domain does not accept mail (RFC 7504)' },
];

const BY_CODE = new Map(REPLY_CODE_RULES.map((r) => [r.code, r]));

/** The reason a reply code (read with the command it answered) settles, or undefined. */
export function reasonForReplyCode(code: string, command: SmtpPhase): Reason | undefined {
  const rule = BY_CODE.get(code);
  if (!rule) return undefined;
  if (typeof rule.reason === 'string') return rule.reason;
  return rule.reason[command] ?? rule.reason['*'];
}
