// Coremail, the mail server behind many Chinese providers and companies (NetEase's own
// systems grew from it): the reply texts its support site lists as bounce prompts
// ("退信提示", www.icoremail.vip/support, category 84). Words any server could write stay with
// the general rules; these are the ones in Coremail's own phrasing.

import type { ReasonRule } from '../reasons.ts';

export const COREMAIL_RULES: readonly ReasonRule[] = [
  // The user lookup's answers: "local server don't exists that user", "not user of this
  // server", "#<number> unavailable mail user". Only a lookup of the mailbox writes them.
  {
    id: 'userunknown/coremail-lookup',
    reason: 'userunknown',
    phrases: [
      String.raw`local server don'?t exists? that user`,
      String.raw`\bnot (?:a )?user of this server\b`,
      String.raw`\bunavailable mail user\b`,
    ],
    traits: ['mailbox-lookup'],
    quote: "550 local server don't exists that user",
  },
  // "User hangup": the account is suspended ("hung up"), as NetEase's HL:IHU hangs up an IP.
  {
    id: 'suspend/coremail-hangup',
    reason: 'suspend',
    phrases: [String.raw`\buser (?:is )?hang ?up\b`],
    quote: '550 User hangup',
  },
  // "IP is Hangup", "IP is rejected", "Requested mail action not taken: Invalid IP": the
  // sending host.
  {
    id: 'blocked/coremail-ip',
    reason: 'blocked',
    phrases: [String.raw`\bip is (?:hang ?up|rejected)\b`, String.raw`requested mail action not taken: invalid ip\b`],
    quote: '421 IP is Hangup',
  },
  // "Requested mail action not taken: Fake sender", "sender is rejected": the sender.
  {
    id: 'rejected/coremail-sender',
    reason: 'rejected',
    phrases: [String.raw`requested mail action not taken: fake sender`, String.raw`\bsender is rejected\b`],
    traits: ['sender'],
    quote: '550 Requested mail action not taken: Fake sender',
  },
];
