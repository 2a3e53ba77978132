// Deutsche Telekom's T-Online mail (t-online.de): the refusals its mail exchangers write at the
// greeting, as its postmaster page describes them (https://postmaster.t-online.de/index.en.html,
// sections 4.6 and 4.7: a host without a known good reputation is refused until its operator
// asks for it to be let in) and as operators quote them (spamresource.com, 2020-06 "t-online.de
// not accepting mail"; creoline's help page on "(DIAL)"). Each reply ends with a tag in
// brackets: (BL) the sending address is barred, (NOWL) it has no or a bad reputation, (DIAL) a
// dial-up or transient address.

import type { ReasonRule } from '../reasons.ts';

export const T_ONLINE_RULES: readonly ReasonRule[] = [
  // "554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact
  // tosa@rx.t-online.de to clarify.) (BL)": the words say nothing, the tag and the IP= prefix
  // say it is the sending host that is barred, never the recipient.
  {
    id: 'blocked/t-online-ip',
    reason: 'blocked',
    phrases: [
      String.raw`\bip=[0-9a-f.:]+ - a problem occurred\b`,
      String.raw`ask your postmaster for help or to contact <@> to clarify\.?\)? \(bl\)`,
    ],
    quote: '554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)',
  },
];
