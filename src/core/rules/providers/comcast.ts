// Comcast (Xfinity) mail's published block codes (http://postmaster.comcast.net/mail-error-codes.html,
// https://www.xfinity.com/support/articles/email-errors, and the older list at
// http://security.comcast.net/get-help/Mail-Delivery-Error-Messages.aspx): "If you've received a
// 550 non-deliverable notification from Comcast, it will contain a block code". ES000001 and
// ES000010 (dynamic or residential sending address), BL000000-BL000111 and the older
// BL001-BL0010 (the sending address sent in spam patterns or is on Spamhaus, Cloudmark CSI or
// SenderScore). Comcast publishes the codes, not the words around them, so the rule reads the
// code; every one of them blocks the sending host.

import type { ReasonRule } from '../reasons.ts';

export const COMCAST_RULES: readonly ReasonRule[] = [
  {
    id: 'blocked/comcast-codes',
    reason: 'blocked',
    phrases: [String.raw`\bes0000(?:01|10)\b`, String.raw`\bbl0{3}[01]{3}\b`, String.raw`\bbl00(?:[1-9]|10)\b`],
    quote: 'BL000001: "mail delivery is attempted from addresses that are listed on the Spamhaus Zen Blocklist"',
  },
];
