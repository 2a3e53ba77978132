// BT's mail (btinternet.com, btopenworld.com; run by Critical Path/Openwave since 2013): its
// replies as BT Business's help page explains them ("My emails are being rejected - I'm getting
// messages with the error code 550", btbusiness.custhelp.com answer 15074) and as an operator's
// blog quotes them (blog.frankleonhardt.com, "BT Internet Mail Fail": the daily limit per sending
// server, with Critical Path's numbered policy in brackets). BT's "550 Message rejected due to
// sender IP reputation" and "554 Message rejected, policy (3.2.1.1) - Your message looks like
// SPAM" are read right by the general rules.

import type { ReasonRule } from '../reasons.ts';

export const BT_RULES: readonly ReasonRule[] = [
  // "421 Too many messages (1.5.6.1) from <ip>": no more than so many messages a day from one
  // sending server. The sender's rate, not the receiving system.
  {
    id: 'speeding/bt-too-many-messages',
    reason: 'speeding',
    phrases: [String.raw`too many messages \(\d+(?:\.\d+){3}\) from\b`],
    quote: '421 Too many messages (1.5.6.1) from 192.0.2.1',
  },
  // "Recipient not authorised": BT's outgoing server will not relay for a client that has not
  // signed in ("you may need to change the SMTP server for the mail account you're sending
  // from").
  {
    id: 'norelaying/bt-recipient-not-authorised',
    reason: 'norelaying',
    // The whole reply: "Recipient not authorized to accept mail from this sender" is a
    // recipient's own rule (filtered), not this.
    phrases: [String.raw`(?:^|; ?|\d )recipient not authori[sz]ed\.?(?:$| \(in reply to)`],
    quote: '550 Recipient not authorised',
  },
];
