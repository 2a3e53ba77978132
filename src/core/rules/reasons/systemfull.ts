// How servers word the reason `systemfull` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SYSTEMFULL_RULES: readonly ReasonRule[] = [
  // The strerror of ENOSPC, as a local delivery agent writes it after its own words: Postfix's
  // local(8) and virtual(8) (Postfix 3.7 src/global/mail_copy.c, mbox_open.c: mbox_dsn() gives
  // ENOSPC 4.3.0, "cannot update mailbox %s for user %s. error writing message: No space left
  // on device"). The disk is full, not the mailbox's quota (EDQUOT, "Disk quota exceeded", is
  // mailboxfull): tried before systemerror/local-delivery-setup, which reads the rest.
  {
    id: 'systemfull/no-space-left',
    reason: 'systemfull',
    phrases: [String.raw`\bno space left on device\b`],
    quote: 'cannot update mailbox /var/mail/user for user user. error writing message: No space left on device',
  },
  {
    id: 'systemfull/disk',
    reason: 'systemfull',
    phrases: [
      String.raw`(?:disk|file ?system|spool|partition) (?:is )?full`,
      String.raw`out of (?:disk )?(?:space|storage)`,
      String.raw`insufficient (?:system )?(?:storage|disk space)`,
      String.raw`no space left`,
      String.raw`system (?:storage|disk) (?:full|exceeded)`,
    ],
    quote: '452 4.3.1 Insufficient system storage',
  },
  // A qmail-family server whose disk has no room left writes RFC 5321's 550 text with the
  // cause in brackets: "Requested action not taken: mailbox unavailable (not enough free
  // space)". The mailbox exists; the server is full (tried before userunknown's "requested
  // action not taken: mailbox unavailable", which a lookup writes alone).
  {
    id: 'systemfull/no-free-space',
    reason: 'systemfull',
    phrases: [String.raw`mailbox unavailable \(not enough (?:free )?(?:disk )?space\)`],
    quote: '550 Requested action not taken: mailbox unavailable (not enough free space)',
  },
  // Courier (courier/submit.C) and Cyrus (imap/imap_err.et, IMAP_NOSPACE) when the mail
  // system's own storage is full: RFC 3463's X.3.1 "Mail system full".
  {
    id: 'systemfull/mail-system-full',
    reason: 'systemfull',
    phrases: [String.raw`mail system (?:is )?full`, String.raw`mail system storage has been exceeded`],
    quote: '431 Mail system full.',
  },
];
