// How servers word the reason `syntaxerror` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SYNTAXERROR_RULES: readonly ReasonRule[] = [
  // Gmail's "451 4.5.0 SMTP protocol violation, see RFC 2821." and "523 5.7.10 SMTP protocol
  // violation, no commands allowed to pipeline after STARTTLS." (support.google.com/a/answer/
  // 3726730): the client broke the SMTP dialogue; neither the message's form (the RFC named is
  // SMTP's) nor a TLS failure.
  {
    id: 'syntaxerror/smtp-protocol-violation',
    reason: 'syntaxerror',
    phrases: [
      String.raw`smtp protocol violation`,
      // The bare "550 Protocol violation" German providers send (sitepackage.de's list of their
      // replies, under "Sonstige Ursache"): the whole reply, nothing else named.
      String.raw`(?:^|; ?)(?:5\d\d )?protocol violation\.?(?:$| \(in reply to)`,
    ],
    hints: ['protocol violation'],
    quote: '451 4.5.0 SMTP protocol violation, see RFC 2821.',
  },
  // Exim's smtp_in.c dropping a client for its conduct in the dialogue ("421 ... Too many
  // syntax or protocol errors", "554 Too many nonmail commands"): the sending client's SMTP,
  // never the address nor the server's own system (the 421 says only "closing").
  {
    id: 'syntaxerror/exim-protocol-errors',
    reason: 'syntaxerror',
    phrases: [String.raw`too many syntax or protocol errors`, String.raw`too many nonmail commands`],
    quote: '421 mx.example.net Too many syntax or protocol errors',
  },
  {
    id: 'syntaxerror/command',
    reason: 'syntaxerror',
    phrases: [
      String.raw`syntax error`,
      String.raw`malformed address: `,
      String.raw`(?:command|parameter)s? (?:not )?(?:unrecognized|recognised|recognized|unknown|not implemented|invalid)`,
      String.raw`unrecognized command`,
      String.raw`bad (?:command|sequence)`,
      String.raw`invalid (?:command|argument|parameter)`,
      String.raw`line too long in command`,
      // Sendmail's address parser (sendmail/parseaddr.c, prescan(): "553 Unbalanced '<'", and
      // the same for '>', '(', ')' and '"'), as the reply to RCPT TO or in the bounce of an
      // address given so: the address as written in the command is broken, not unknown (the
      // address read from it may be a good one).
      // Only where Sendmail puts it: after the reply code or after the address and its "... " (not a
      // header check's "Header From: unbalanced '(' in comment", which is the content's).
      String.raw`(?:^|\b[45]\d\d(?:[ -][45]\.\d\.\d{1,3})? |\.\.\. |<@> )unbalanced '[<>()"]'`,
      String.raw`pipelining`,
    ],
    quote: '501 5.5.4 Syntax error in parameters or arguments',
  },
];
