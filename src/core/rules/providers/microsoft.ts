// Microsoft's Exchange Online NDR codes (learn.microsoft.com, non-delivery reports in Exchange Online).

import type { ReasonRule } from '../reasons.ts';

export const MICROSOFT_RULES: readonly ReasonRule[] = [
  // Microsoft's Exchange Online NDR codes (https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online).
  {
    id: 'blocked/microsoft-ip',
    reason: 'blocked',
    phrases: [
      String.raw`access denied, banned sending ip`,
      String.raw`traffic not accepted from this ip`,
      String.raw`client blocked from sending from unregistered domains`,
    ],
    quote: '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.',
  },
  {
    id: 'speeding/microsoft-rate',
    reason: 'speeding',
    phrases: [
      String.raw`message receive limit(?: from specific sender)? exceeded`,
      String.raw`recipientmessageratelimit`,
      String.raw`reached your daily limit for message recipients`,
    ],
    quote: "550 5.2.121 RESOLVER.RST.RecipientMessageRateLimit; Recipient's per hour message receive limit from specific sender exceeded.",
  },
];
