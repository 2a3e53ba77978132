// How servers word the reason `mailererror` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const MAILERERROR_RULES: readonly ReasonRule[] = [
  {
    id: 'mailererror/local-mailer',
    reason: 'mailererror',
    phrases: [
      String.raw`mailer (?:error|failure)`,
      String.raw`pipe to \|`,
      String.raw`procmail`,
      String.raw`maildrop`,
      String.raw`(?:command|program|pipe) (?:died|failed|returned|exited)`,
      String.raw`exit (?:code|status)`,
      String.raw`unknown mailer`,
      // Sendmail's deliver.c when a mailer program was killed ("451 4.3.0 mailer %s died with
      // signal %d").
      String.raw`\bmailer \S+ died with signal`,
      // Sendmail's EX_CANTCREAT from a local mailer (sendmail/err.c, sysexits.h: 73).
      String.raw`can'?t create output`,
      // Postfix's texts for the same exit codes of a pipe(8) command (src/global/sys_exits.c:
      // EX_CANTCREAT "can't create user output file").
      String.raw`^can't create user output file$`,
      // Postfix 3.7 src/global/pipe_command.c, for pipe(8) and local(8) command deliveries: a
      // command that ran past its time limit ("Command time limit exceeded: \"%s\""). A
      // command's sysexits.h status in src/global/sys_exits.c's words alone ("x-unix; internal
      // software error") is read with its diagnostic type (POSTFIX_COMMAND_EXIT_TEXTS below),
      // not by these rules: other servers use the same words.
      String.raw`\bcommand time limit exceeded\b`,
      String.raw`x-unix;`,
      String.raw`service unavailable \(pipe`,
      String.raw`mail delivery agent`,
      // OpenSMTPD's mda.c when the delivery program stopped before taking the whole message.
      String.raw`mda exited prematurely`,
      // OpenSMTPD 6.x/7.x's parent (usr.sbin/smtpd/smtpd.c, SIGCHLD: "exited abnormally" for a
      // delivery program's non-zero exit; mda.c reports it with 5.3.0 when the program wrote
      // nothing), after the address in its notice (bounce.c: "%s@%s: %s").
      String.raw`^(?:<@>: )?exited abnormally$`,
      // The same parent when the delivery program was killed (smtpd.c: "terminated; signal %d",
      // "terminated; timeout" for its SIGALRM), a temporary failure.
      String.raw`^(?:<@>: )?terminated; (?:signal \d{1,3}|timeout)\b`,
      // Exim's pipe transport (src/src/transports/pipe.c): "Child process of %s transport
      // returned %d" (or "was terminated by signal"), and the bland "local delivery failed" it
      // gives the sender in their stead.
      String.raw`child process of \S+ transport (?:returned|\(running command)`,
      String.raw`\blocal delivery failed\b`,
    ],
    quote: 'x-unix; /usr/bin/procmail: exited with status 75',
  },
];

/**
 * Postfix's words for a command's sysexits.h exit status when the command wrote nothing
 * (Postfix 3.7 src/global/sys_exits.c; pipe(8) and local(8) command deliveries, written as
 * "Diagnostic-Code: x-unix; <text>"): read as `mailererror` only under that diagnostic type
 * (../../recipients.ts, programExit). "user unknown" (EX_NOUSER) and "host name unknown"
 * (EX_NOHOST) are not here: their own rules read them.
 */
export const POSTFIX_COMMAND_EXIT_TEXTS: readonly string[] = [
  'command line usage error',
  'data format error',
  'cannot open input',
  'service unavailable',
  'internal software error',
  'system resource problem',
  'critical os file missing',
  'input/output error',
  'temporary failure',
  'remote error in protocol',
  'permission denied',
  'local configuration error',
];
