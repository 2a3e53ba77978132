// Trend Micro Email Reputation Services (ERS), which Trend Micro's gateways and hosted email
// security ask about the connecting host. Its published texts (success.trendmicro.com, "FAQs
// about messages blocked by Email Reputation Services (ERS)", 1097055; KA-0001346 on the QIL):
// "550 Service unavailable; Client host [<ip>] blocked using Trend Micro RBL+", "Mail from <ip>
// refused by rbl-plus.mail-abuse.org", and the Quick IP List (QIL), whose listings a gateway
// names in its refusal ("Recipient address rejected: ERS-QIL") or defers with ("deferred using
// Trend Micro Email Reputation database"). Every one is about the sending host. The "Mail
// from <ip> refused by ..." form is Sendmail's general DNS block list wording, read by the
// blocked rules whichever list it names (reasons/blocked.ts).

import type { ReasonRule } from '../reasons.ts';

export const TRENDMICRO_RULES: readonly ReasonRule[] = [
  {
    id: 'blocked/trendmicro-ers',
    reason: 'blocked',
    phrases: [String.raw`\bers-qil\b`, String.raw`(?:blocked|deferred|refused) using trend ?micro (?:rbl\+|email reputation)`],
    quote: '554 5.7.1 <user@example.net>: Recipient address rejected: ERS-QIL',
  },
  // Deep Discovery Email Inspector's replies when its sender filtering blocks the connecting
  // host (docs.trendmicro.com, "Deep Discovery Email Inspector 5.1 Online Help: SMTP error
  // codes"): "421 Block temporarily (Sender Filtering/Authentication)", "521 Block permanently
  // (Sender Filtering/Authentication)", "450 Temporary denial of connection (450) for Zombie
  // matches (ERS)", "550 Permanent denial of connection (550) for RBL+ matches (ERS)". The
  // sending host, never the recipient's address: before the rules that read 521 as a domain
  // that takes no mail.
  {
    id: 'blocked/trendmicro-ddei',
    reason: 'blocked',
    phrases: [
      String.raw`\bblock (?:temporarily|permanently) \(sender filtering/authentication\)`,
      String.raw`\b(?:temporary|permanent) denial of connection \(\d{3}\) for (?:zombie|rbl\+) matches\b`,
    ],
    hints: ['sender filtering', 'denial of connection'],
    quote: '521 Block permanently (Sender Filtering/Authentication)',
  },
  // InterScan Messaging Security's refusal of a recipient whose domain is not in its Relay
  // Domains list (success.trendmicro.com, solution 1106332, "'550 Domain of forward path is not
  // allowed' error message appears when sending mails in InterScan Messaging Security"): it does
  // not relay for that domain; nothing is said of the address.
  {
    id: 'norelaying/trendmicro-imss-forward-path',
    reason: 'norelaying',
    phrases: [String.raw`\bdomain of forward path is not allowed\b`],
    hints: ['forward path'],
    quote: '550 Domain of forward path is not allowed',
  },
];
