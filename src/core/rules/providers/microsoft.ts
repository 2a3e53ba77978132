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
      String.raw`access denied, banned sender\b`,
      String.raw`access denied, please try again later`,
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
      String.raw`recipient thread limit exceeded`,
    ],
    quote: "550 5.2.121 RESOLVER.RST.RecipientMessageRateLimit; Recipient's per hour message receive limit from specific sender exceeded.",
  },
  // Exchange Online's delivery restrictions when the sender did not authenticate: the
  // recipient or group takes mail only from authenticated (internal) senders (5.7.133,
  // 5.7.134), or the client did not log in where it must (5.7.57). SMTP authentication, not
  // SPF, DKIM or DMARC.
  {
    id: 'securityerror/microsoft-not-authenticated',
    reason: 'securityerror',
    phrases: [
      String.raw`sendernotauthenticatedfor(?:group|mailbox)`,
      String.raw`delivery restriction check failed because the sender was not authenticated`,
      String.raw`client (?:was )?not authenticated to send`,
    ],
    quote:
      '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group',
  },
  // Outlook.com (Hotmail) consumer mail's block codes, SC-00x (the sending network is on its
  // block list or mined addresses), DY-00x (dynamic IP ranges), OU-00x (policy), as the
  // Outlook.com postmaster troubleshooting page names them and bounces quote them
  // (https://support.binarylane.com.au/support/solutions/articles/11000047583): the sending
  // host is refused, whatever "policy reasons" wording surrounds the code.
  {
    id: 'blocked/outlook-com-codes',
    reason: 'blocked',
    phrases: [String.raw`^(?:\d{3} )?(?:sc|dy|ou)-00\d\b`],
    quote:
      "550 SC-001 (BAY004-MC4F49) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider since part of their network is on our block list.",
  },
];
