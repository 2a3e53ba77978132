// hMailServer's refusals at RCPT TO (hmailserver/hmailserver,
// hmailserver/source/Server/SMTP/RecipientParser.cpp: the texts it sends with 550 when a
// recipient cannot be delivered to). Known by hMailServer's own wording.

import type { ReasonRule } from '../reasons.ts';

export const HMAILSERVER_RULES: readonly ReasonRule[] = [
  // The recipient's whole domain switched off by its administrator ("550 Domain has been
  // disabled."): every account in it is kept, none takes mail for now.
  {
    id: 'suspend/hmailserver-domain-disabled',
    reason: 'suspend',
    phrases: [String.raw`(?:^|\d{3} )domain has been disabled\.`],
    hints: ['domain has been disabled'],
    quote: '550 Domain has been disabled.',
  },
  // A distribution list that only its members, or one domain, may write to ("550 Not
  // authorized sender.", "550 Not authorized domain."): the sender is refused.
  {
    id: 'rejected/hmailserver-list-sender',
    reason: 'rejected',
    phrases: [String.raw`(?:^|\d{3} )not authorized (?:sender|domain)\.`],
    hints: ['not authorized'],
    traits: ['sender'],
    quote: '550 Not authorized sender.',
  },
];
