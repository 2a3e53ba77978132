// mtpolicyd, a modular Postfix policy service: its plugins' default texts (benningm/mtpolicyd,
// lib/Mail/MtPolicyd/Plugin/Quota.pm "defer smtp traffic quota has been exceeded", CtIpRep.pm
// "550 delivery from %IP% is rejected. Check at
// http://www.commtouch.com/Site/Resources/Check_IP_Reputation.asp. Reference code: %REFID%"),
// sent by Postfix after "Recipient address rejected:". Its RBL and greylisting texts are read
// by the general rules.

import type { ReasonRule } from '../reasons.ts';

export const MTPOLICYD_RULES: readonly ReasonRule[] = [
  // The traffic quota of the sender, its host or its login for a period: a rate, not the
  // recipient's mailbox quota.
  {
    id: 'speeding/mtpolicyd-traffic-quota',
    reason: 'speeding',
    phrases: [String.raw`\bsmtp traffic quota has been exceeded\b`],
    hints: ['traffic quota'],
    quote: '450 4.7.1 <user@example.net>: Recipient address rejected: smtp traffic quota has been exceeded',
  },
  // Commtouch's (now Cyren's) IP reputation service answered for the sending host.
  {
    id: 'badreputation/mtpolicyd-commtouch',
    reason: 'badreputation',
    phrases: [String.raw`\bcommtouch\.com/site/resources/check_ip_reputation\b`],
    hints: ['check_ip_reputation'],
    quote:
      '550 delivery from 192.0.2.9 is rejected. Check at http://www.commtouch.com/Site/Resources/Check_IP_Reputation.asp. Reference code: 123456',
  },
];
