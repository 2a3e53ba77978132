// MIMEDefang, the Perl filter Sendmail and Postfix run as a milter: the texts of its own code and
// of the filters it ships as examples (The-McGrail-Foundation/MIMEDefang, mimedefang.pl.in;
// examples/suggested-minimum-filter-for-windows-clients). Known by MIMEDefang's own wording.

import type { ReasonRule } from '../reasons.ts';

export const MIMEDEFANG_RULES: readonly ReasonRule[] = [
  // The message's MIME structure refused: too many parts (mimedefang.pl.in), or a
  // message/partial part (the example filters). Its form, not spam, not the recipient.
  {
    id: 'contenterror/mimedefang-mime-structure',
    reason: 'contenterror',
    phrases: [String.raw`\bmessage contained too many mime parts\b`, String.raw`\bmime type message/partial not accepted\b`],
    hints: ['mime parts', 'message/partial'],
    quote: '554 5.7.1 Message contained too many MIME parts.  We do not accept such complicated messages.',
  },
  // The example filters' temporary failure when the virus scanner could not be run: the
  // receiving system's trouble; no virus was found.
  {
    id: 'systemerror/mimedefang-scanner-problem',
    reason: 'systemerror',
    phrases: [String.raw`\bproblem running virus[- ]scanner\b`],
    hints: ['problem running virus'],
    quote: '451 4.3.0 Problem running virus-scanner',
  },
];
