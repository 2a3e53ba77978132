// A recipient's own mail filter refusing a message, as the sender receives it, each laid out
// exactly as the server's own code writes it. What a user sees is asserted: kind, each failed
// address, reason, hard/soft, status, reply code. The reasons are Sisimai's (README of
// tests/fixtures/corpus): a recipient's own filter refusing is `filtered`, soft; only words that
// say the address is dead (Postfix's "user unknown" for a recipe's EX_NOUSER) make it hard.
// Sources read:
//   RFC 5429 (Sieve reject and ereject) section 2.1: a reject that cannot refuse in the SMTP or
//     LMTP transaction sends an MDN whose disposition is "automatic-action/MDN-sent-automatically;
//     deleted" and whose text is the script's reason; its example reason "I am not taking mail
//     from you, and I don't want your birdseed, either!".
//   Pigeonhole (github:dovecot/pigeonhole, 06e7852 and newer): src/lib-sieve/sieve-actions.c
//     (sieve_action_do_reject_mail: "Subject: Automatically rejected mail", "Auto-Submitted:
//     auto-replied (rejected)", "Precedence: bulk", "Your message to <%s> was automatically
//     rejected:" then the reason, the message/disposition-notification part with "Reporting-UA:
//     %s; Dovecot Mail Delivery Agent", Final-Recipient, Original-Message-ID, "Disposition:
//     automatic-action/MDN-sent-automatically; deleted", the returned header block without its
//     Content-Type; sieve_action_reject_mail hands it to the LDA's reject_mail when there is one).
//   Dovecot 2.x LDA/LMTP (github:dovecot/core, src/lib-lda/mail-send.c mail_send_rejection, and
//     its 15-lda.conf defaults "rejection_subject = Rejected: %s", "rejection_reason = Your message
//     to <%t> was automatically rejected:%n%r"; From "Mail Delivery Subsystem <postmaster>").
//   Cyrus IMAP lmtpd (github:cyrusimap/cyrus-imapd, imap/lmtp_sieve.c send_rejection: "From: Mail
//     Sieve Subsystem <postmaster>", "X-Sieve-Action: reject", "Subject: Automatically rejected
//     mail", "Your message was automatically rejected by Sieve, a mail filtering language.", "The
//     following reason was given:", "Reporting-UA: %s; Cyrus %s/%s"; sieve_reject: with ereject or
//     sieve_use_lmtp_reject the reason goes back in the LMTP reply, "550 5.7.1 <reason>" per line).
//   Postfix (github:vdukhovni/postfix): src/global/pipe_command.c (a command's <sysexits.h> exit
//     status gives "<text>. Command output: <output>", its status from sys_exits.c, and the output
//     as the x-unix Diagnostic-Code), src/global/sys_exits.c (EX_NOUSER 67 "5.1.1", "user
//     unknown"; EX_NOPERM 77 "5.7.0", "permission denied"), for dovecot-lda -e and procmail's
//     EXITCODE=67 as a mailbox_command or pipe(8) transport; dovecot-lda(1), doc.dovecot.org
//     ("-e: If mail gets rejected, write the rejection reason to stderr and exit with status 77
//     (EX_NOPERM)").
// maildrop's way to bounce from a filter (an EXITCODE) was not found in a page read here: no case.
// Left out: Exchange and Outlook.com inbox rules, and Gmail filters, send no refusal of their own
// to the sender that could be laid out from a vendor page read here; an Exchange transport rule's
// NDR is the organisation's policy, not the recipient's filter (tests/core/exchange-agent-wordings).
// No case comes from a bounce collection; every address, host and date is made up.
import { describe, expect, it } from 'vitest';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';
import { readVerdicts, verdictCases } from './recipient-verdicts.ts';

const lines = (...ls: readonly (string | readonly string[])[]) => Buffer.from(ls.flat().join('\n'));

const REASON = "I am not taking mail from you, and I don't want your birdseed, either!";

/** The returned message's header block, as Pigeonhole and Dovecot return it (Content-Type dropped). */
const RETURNED_HEADERS = [
  'Return-Path: <sender@example.com>',
  'Delivered-To: rcpt@example.org',
  'Received: from mx.example.org by mail.example.org with LMTP; Wed, 02 Dec 2026 09:14:05 +0000',
  'From: Sender <sender@example.com>',
  'To: rcpt@example.org',
  'Subject: hello',
  'Date: Wed, 02 Dec 2026 09:14:00 +0000',
  'Message-ID: <hello.1@example.com>',
  'MIME-Version: 1.0',
];

/** Pigeonhole's own rejection (sieve_action_do_reject_mail) or Dovecot's LDA's (mail_send_rejection). */
function dovecotRejection(subject: string, from: string, xSieve: boolean): Buffer {
  const boundary = '1234.5678/mail.example.org';
  return lines(
    xSieve ? ['X-Sieve: Pigeonhole Sieve 0.5.21'] : [],
    'Message-ID: <dovecot-1733131000-42-0@mail.example.org>',
    'Date: Wed, 02 Dec 2026 09:14:06 +0000',
    `From: ${from}`,
    'To: <sender@example.com>',
    `Subject: ${subject}`,
    'Auto-Submitted: auto-replied (rejected)',
    'Precedence: bulk',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=disposition-notification;',
    `\tboundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated message',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Disposition: inline',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Your message to <rcpt@example.org> was automatically rejected:',
    REASON,
    `--${boundary}`,
    'Content-Type: message/disposition-notification',
    '',
    'Reporting-UA: mail.example.org; Dovecot Mail Delivery Agent',
    'Final-Recipient: rfc822; rcpt@example.org',
    'Original-Message-ID: <hello.1@example.com>',
    'Disposition: automatic-action/MDN-sent-automatically; deleted',
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    '',
    RETURNED_HEADERS,
    '',
    '',
    `--${boundary}--`,
    '',
  );
}

/** Cyrus lmtpd's send_rejection: the MDN it sends when reject cannot refuse in LMTP. */
function cyrusRejection(): Buffer {
  return addresslessRejection(
    ['X-Sieve: CMU Sieve 3.0', 'X-Sieve-Action: reject', 'From: Mail Sieve Subsystem <postmaster@example.org>'],
    ['Your message was automatically rejected by Sieve, a mail', 'filtering language.'],
    'Cyrus 3.8.3/3.0',
  );
}

/** Dovecot 1.0's deliver (src/deliver/mail-send.c): the same layout, its own line. */
function dovecot10Rejection(): Buffer {
  return addresslessRejection(
    ['From: Mail Delivery Subsystem <postmaster@example.org>'],
    ['Your message was automatically rejected by Dovecot Mail Delivery Agent.'],
    'Dovecot Mail Delivery Agent',
  );
}

/** An MDN whose text names no address: the recipient is only in its Final-Recipient field. */
function addresslessRejection(sender: readonly string[], line: readonly string[], agent: string): Buffer {
  const boundary = '4242/mail.example.org';
  return lines(
    'Message-ID: <cmu-sieve-4242-1733131000-0@mail.example.org>',
    'Date: Wed, 2 Dec 2026 09:14:06 +0000',
    sender,
    'To: <sender@example.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=disposition-notification;',
    `\tboundary="${boundary}"`,
    'Subject: Automatically rejected mail',
    'Auto-Submitted: auto-replied (rejected)',
    '',
    'This is a MIME-encapsulated message',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Disposition: inline',
    'Content-Transfer-Encoding: 8bit',
    '',
    line,
    '',
    'The following reason was given:',
    REASON,
    '',
    `--${boundary}`,
    'Content-Type: message/disposition-notification',
    '',
    `Reporting-UA: mail.example.org; ${agent}`,
    'Original-Recipient: rfc822; rcpt@example.org',
    'Final-Recipient: rfc822; rcpt@example.org',
    'Original-Message-ID: <hello.1@example.com>',
    'Disposition: automatic-action/MDN-sent-automatically; deleted',
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    '',
    RETURNED_HEADERS,
    '',
    'hello',
    '',
    '',
    `--${boundary}--`,
    '',
  );
}

/** A local command's <sysexits.h> exit as Postfix's pipe_command.c reports it. */
function postfixCommandExit(status: string, text: string, output: string): Buffer {
  return postfixNotice('failed', [
    {
      address: 'rcpt@example.org',
      status,
      reason: output ? `${text}. Command output: ${output}` : text,
      diagnostic: `x-unix; ${output || text}`,
    },
  ]);
}

describe('Sieve reject as an MDN to the sender (RFC 5429 2.1)', () => {
  verdictCases([
    {
      title: "Pigeonhole's own rejection: Automatically rejected mail",
      raw: () => dovecotRejection('Automatically rejected mail', 'postmaster@example.org', true),
      kind: 'bounce',
      recipients: [['rcpt@example.org', 'filtered', 'soft', '5.0.0', '']],
    },
    {
      title: "Dovecot 2.x LDA/LMTP's rejection: Rejected: <subject>",
      raw: () => dovecotRejection('Rejected: hello', 'Mail Delivery Subsystem <postmaster@example.org>', false),
      kind: 'bounce',
      recipients: [['rcpt@example.org', 'filtered', 'soft', '5.0.0', '']],
    },
    {
      title: "Cyrus lmtpd's rejection by Sieve, a mail filtering language (the address only in Final-Recipient)",
      raw: cyrusRejection,
      kind: 'bounce',
      recipients: [['rcpt@example.org', 'filtered', 'soft', '5.0.0', '']],
    },
    {
      title: "Dovecot 1.0's rejection by Dovecot Mail Delivery Agent (the address only in Final-Recipient)",
      raw: dovecot10Rejection,
      kind: 'bounce',
      recipients: [['rcpt@example.org', 'filtered', 'soft', '5.0.0', '']],
    },
  ]);
});

describe('Sieve reject or ereject refused in the LMTP transaction, passed on by Postfix', () => {
  verdictCases([
    {
      title: "Cyrus lmtpd's 550 5.7.1 with the script's reason after end of DATA",
      raw: () =>
        postfixNotice('failed', [
          postfixRemote('rcpt@example.org', '5.7.1', `550 5.7.1 ${REASON}`, 'end of DATA command', 'mail.example.org[private/lmtp]'),
        ]),
      kind: 'bounce',
      // The reply's words are the script's own and name no filter; its 5.7.1 decides (README
      // rule 7): a refusal for policy, soft, never a dead address.
      recipients: [['rcpt@example.org', 'securityerror', 'soft', '5.7.1', '550']],
    },
  ]);
});

describe("A delivery program's exit status, as Postfix reports it", () => {
  verdictCases([
    {
      title: 'dovecot-lda -e: the Sieve reason on stderr, exit EX_NOPERM (77)',
      raw: () => postfixCommandExit('5.7.0', 'permission denied', REASON),
      kind: 'bounce',
      recipients: [['rcpt@example.org', 'filtered', 'soft', '5.7.0', '']],
    },
    {
      title: 'dovecot-lda -e over quota: the full mailbox in the output decides',
      raw: () => postfixCommandExit('5.7.0', 'permission denied', 'Quota exceeded (mailbox for user is full)'),
      kind: 'bounce',
      recipients: [['rcpt@example.org', 'mailboxfull', 'soft', '5.7.0', '']],
    },
    {
      title: 'a delivery program that exited 77 and wrote nothing: the program failed',
      raw: () => postfixCommandExit('5.7.0', 'permission denied', ''),
      kind: 'bounce',
      recipients: [['rcpt@example.org', 'mailererror', 'soft', '5.7.0', '']],
    },
    {
      title: "procmail's EXITCODE=67 from a recipe: Postfix says user unknown",
      raw: () => postfixCommandExit('5.1.1', 'user unknown', ''),
      kind: 'bounce',
      recipients: [['rcpt@example.org', 'userunknown', 'hard', '5.1.1', '']],
    },
  ]);
});

describe('An MDN\'s "deleted" without a filter\'s rejection line stays a look-alike', () => {
  it('a read receipt with the same disposition and Final-Recipient is no bounce', async () => {
    const raw = addresslessRejection(
      ['From: Rcpt <rcpt@example.org>'],
      ['Your message', '', '  To: rcpt@example.org', '  Subject: hello', '', 'was deleted without being read.'],
      'Mail Client',
    );
    const receipt = Buffer.from(
      raw
        .toString('latin1')
        .replace('Subject: Automatically rejected mail', 'Subject: Not read: hello')
        .replace('Auto-Submitted: auto-replied (rejected)\n', ''),
      'latin1',
    );
    expect(await readVerdicts(receipt)).toEqual({ kind: 'not-bounce', recipients: [] });
  });
});
