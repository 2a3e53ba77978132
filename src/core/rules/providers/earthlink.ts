// EarthLink's mail (its inbound filtering run by Vade): the codes of its postmaster pages
// (https://postmaster-earthlink.vadesecure.com/inbound_error_codes and .../outbound_error_codes:
// "The SMTP response you received contains a unique code starting with ELNK_"), and the older
// block text EarthLink's support pages quote ("550 Dynamic/zombied/spam IPs blocked. Write
// blockedbyearthlink@...", its automatic reply as posted to freebsd-doc in 2009-10; "550 IP ...
// is blocked by EarthLink", support.earthlink.net article 35652). The words beside a code are
// few ("Connection refused", "Connection deferred", "Sender blocked error"), so the rules read the
// code, as the page explains it.

import type { ReasonRule } from '../reasons.ts';

/** EarthLink's label: the code rules are tried only when one is in the text. */
const ELNK_HINTS = ['elnk'];

export const EARTHLINK_RULES: readonly ReasonRule[] = [
  // _101 on the Vade Threat Network list, _102 on a Validity block list (outbound: EarthLink's
  // own), _111 on a Spamhaus list, _130 "Your server is the source of unacceptable messages",
  // _134 "Your server was detected to take part of SMTP AUTH attacks", _201 "Your server's
  // HELO/EHLO string is unacceptable": the sending host.
  {
    id: 'blocked/earthlink-codes',
    reason: 'blocked',
    phrases: [String.raw`\belnk_?(?:101|102|111|130|134|201)\b`],
    hints: ELNK_HINTS,
    quote: '550 5.7.1 Connection refused ELNK_101',
  },
  // _105 "Please check your reverse DNS configuration", _108 "... your FCrDNS configuration".
  {
    id: 'requireptr/earthlink-dns',
    reason: 'requireptr',
    phrases: [String.raw`\belnk_?(?:105|108)\b`],
    hints: ELNK_HINTS,
    quote: '550 5.7.1 Connection refused ELNK_105',
  },
  // _110 "the sending IP address exceeds the concurrent connections limit", _139 "rate-limited
  // due to excessive connections received".
  {
    id: 'toomanyconn/earthlink-connections',
    reason: 'toomanyconn',
    phrases: [String.raw`\belnk_?(?:110|139)\b`],
    hints: ELNK_HINTS,
    quote: '421 4.2.1 Connection deferred ELNK_110',
  },
  // _136 "Your server is rate-limited due to excessive volume sent".
  {
    id: 'speeding/earthlink-volume',
    reason: 'speeding',
    phrases: [String.raw`\belnk_?136\b`],
    hints: ELNK_HINTS,
    quote: '421 4.2.1 Connection deferred ELNK_136',
  },
  // _103 "The server is temporarily unavailable": the receiving system, not the sender.
  {
    id: 'systemerror/earthlink-unavailable',
    reason: 'systemerror',
    phrases: [String.raw`\belnk_?103\b`],
    hints: ELNK_HINTS,
    quote: '421 4.2.1 Connection deferred ELNK_103',
  },
  // The older block of a dynamic, compromised or spamming sending address.
  {
    id: 'blocked/earthlink-dynamic-ips',
    reason: 'blocked',
    phrases: [String.raw`dynamic/zombied/spam ips blocked`],
    quote: '550 Dynamic/zombied/spam IPs blocked. Write blockedbyearthlink@earthlink.net',
  },
];
