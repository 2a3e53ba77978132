// Barricade MX's smtpf, an SMTP filtering proxy, as its published reply list words its
// refusals of the connecting host (snertsoft.com/smtp/smtpf/reply.html, "SMTP Replies": each
// reply ends in "#" and the number of its check). Known by smtpf's own wording.

import type { ReasonRule } from '../reasons.ts';

export const SMTPF_RULES: readonly ReasonRule[] = [
  // "550 5.7.1 host <name> [<ip>] from unknown TLD #122" and "... from RFC2606 reserved domain
  // #121": the client's host name is refused, so the sending host is.
  {
    id: 'blocked/smtpf-host-name',
    reason: 'blocked',
    phrases: [String.raw`\bhost \S+ \[[0-9a-f.:]+\] from (?:unknown tld|rfc ?2606 reserved domain)\b`],
    hints: ['unknown tld', 'reserved domain'],
    quote: '550 5.7.1 host mx.example.invalid [192.0.2.1] from unknown TLD #122',
  },
];
