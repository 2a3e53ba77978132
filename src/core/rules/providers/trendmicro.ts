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
];
