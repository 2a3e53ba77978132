// Facebook's (Meta's) published response codes for mail to its addresses
// (postmaster.facebook.com/response_codes, now www.facebook.com/postmaster/response_codes):
// each reply carries a code of a class (RCP recipient, INT internal, MSG message, POL policy,
// DNS the sender's DNS, CON connections), "P" permanent or "T" temporary, and a number, before
// the link to the page. The code is Facebook's own reply format: it decides.

import type { ReasonRule } from '../reasons.ts';

export const FACEBOOK_RULES: readonly ReasonRule[] = [
  // RCP-P1, INT-P1, INT-P4: "The attempted recipient address does not exist."; INT-P3: the
  // group address does not exist.
  {
    id: 'userunknown/facebook-codes',
    reason: 'userunknown',
    phrases: [String.raw`(?:^|[\s(])(?:rcp-p1|int-p[134])\b`],
    hints: ['rcp-p1', 'int-p'],
    traits: ['mailbox-lookup'],
    quote:
      '550 5.1.1 RCP-P1 https://www.facebook.com/postmaster/response_codes?ip=192.0.2.1#rcp The attempted recipient address does not exist',
  },
  // RCP-P2: the recipient's preferences; RCP-P3: the recipient's privacy settings.
  {
    id: 'filtered/facebook-codes',
    reason: 'filtered',
    phrases: [String.raw`(?:^|[\s(])rcp-p[23]\b`],
    hints: ['rcp-p'],
    quote: '550 5.1.1 RCP-P2 https://www.facebook.com/postmaster/response_codes?ip=192.0.2.1#rcp Refused due to recipient preferences',
  },
  // RCP-T4: "The attempted recipient address is currently deactivated. The user may or may
  // not reactivate it."
  {
    id: 'suspend/facebook-codes',
    reason: 'suspend',
    phrases: [String.raw`(?:^|[\s(])rcp-t4\b`],
    hints: ['rcp-t4'],
    quote:
      '450 4.2.1 RCP-T4 https://www.facebook.com/postmaster/response_codes#rcp The attempted recipient address is currently deactivated',
  },
  // MSG-P1, INT-P2: the message exceeds the largest size Facebook takes.
  {
    id: 'mesgtoobig/facebook-codes',
    reason: 'mesgtoobig',
    phrases: [String.raw`(?:^|[\s(])(?:msg-p1|int-p2)\b`],
    hints: ['msg-p1', 'int-p2'],
    quote: "552 5.3.4 MSG-P1 https://www.facebook.com/postmaster/response_codes#msg The message exceeds Facebook's maximum allowed size",
  },
  // DNS-P1, DNS-P2, DNS-T1: the MAIL FROM domain does not exist, has no MX, or does not
  // resolve now: the sender's address, never the recipient's.
  {
    id: 'rejected/facebook-codes',
    reason: 'rejected',
    phrases: [String.raw`(?:^|[\s(])(?:dns-p[12]|dns-t1)\b`],
    hints: ['dns-p', 'dns-t1'],
    traits: ['sender'],
    quote: '550 5.1.8 DNS-P1 https://www.facebook.com/postmaster/response_codes#dns Your SMTP MAIL FROM domain does not exist',
  },
  // DNS-P3, DNS-T2: the sending server has no reverse DNS record, or it does not resolve.
  {
    id: 'requireptr/facebook-codes',
    reason: 'requireptr',
    phrases: [String.raw`(?:^|[\s(])(?:dns-p3|dns-t2)\b`],
    hints: ['dns-p3', 'dns-t2'],
    quote: '550 5.7.1 DNS-P3 https://www.facebook.com/postmaster/response_codes#dns Your mail server does not have a reverse DNS record',
  },
  // CON-T3: too many new connections in a short time; CON-T1: Facebook's side has too many open.
  {
    id: 'toomanyconn/facebook-codes',
    reason: 'toomanyconn',
    phrases: [String.raw`(?:^|[\s(])con-t[13]\b`],
    hints: ['con-t'],
    quote:
      "421 4.7.0 CON-T3 https://www.facebook.com/postmaster/response_codes#con Your mail server has opened too many new connections to Facebook's mail servers in a short period of time",
  },
];
