// Japanese carriers' and providers' MTAs, in the words their own pages give. NTT docomo's,
// au's and SoftBank's replies ("550 Unknown user <address>", "550 <address>: User unknown",
// "550 Invalid recipient: <address>", "552 Too much mail data") are read right by the general
// rules and the phase (README rule 6: docomo and au send "Unknown user" after the data when
// the recipient's own reception settings refuse the sender, which is `filtered`); this holds
// the wordings they do not read.

import type { ReasonRule } from '../reasons.ts';

export const JAPANESE_CARRIER_RULES: readonly ReasonRule[] = [
  // E-Post Mail Server's receiver (EPSTRS), which Japanese providers and companies run: its
  // table of reply codes (e-postinc.jp/faq/FAQ10-01.html) gives "421 exceeds an accepting
  // limit." for a connection over its session limit ("セッション制限数を超えた接続").
  {
    id: 'toomanyconn/epost-accepting-limit',
    reason: 'toomanyconn',
    phrases: [String.raw`exceeds an accepting limit`],
    quote: '421 exceeds an accepting limit.',
  },
];
