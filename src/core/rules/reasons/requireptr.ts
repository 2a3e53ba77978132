// How servers word the reason `requireptr` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const REQUIREPTR_RULES: readonly ReasonRule[] = [
  {
    id: 'requireptr/reverse-dns',
    reason: 'requireptr',
    phrases: [
      String.raw`reverse (?:dns|lookup|hostname|host name|name)`,
      String.raw`unverifi?y?able sending ips?`,
      String.raw`mismatches client ip`,
      String.raw`\bptr\b`,
      String.raw`\brdns\b`,
      String.raw`ip name lookup failed`,
      String.raw`no (?:reverse|ptr)`,
      String.raw`cannot find your hostname`,
      String.raw`hostname (?:does not|doesn't) (?:resolve|match)`,
      String.raw`client host rejected: cannot find your`,
      String.raw`unresolvable (?:client|relay) host`,
      String.raw`(?:dns|name) (?:lookup )?of (?:your |the )?(?:ip|client)`,
    ],
    quote: '550 5.7.25 The IP address sending this message does not have a PTR record setup',
  },
  // Sendmail's FEATURE(require_rdns) (cf/m4/proto.m4, check_relay): the client's address has
  // no usable reverse name. Code 4.1.8 there is about the client, not the envelope sender.
  {
    id: 'requireptr/sendmail-require-rdns',
    reason: 'requireptr',
    phrases: [String.raw`client ip address \S+ does not resolve`, String.raw`possibly forged hostname for`],
    quote: '451 4.1.8 Client IP address 192.0.2.1 does not resolve',
  },
];
