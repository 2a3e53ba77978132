// Yandex Mail's bounce texts as its help pages explain them
// (https://yandex.com/support/mail/bounces/yandex/message-rejected-under-suspicion-of-spam.html,
// https://yandex.com/support/mail/bounces/other.html).

import type { ReasonRule } from '../reasons.ts';

export const YANDEX_RULES: readonly ReasonRule[] = [
  // "Policy rejection on the target address": the recipient's account was blocked for breaking
  // Yandex's User Agreement, and its owner can unblock it (yandex.com/support/mail/bounces
  // /yandex/policy-rejection-on-the-target-address.html). A suspended account, not a policy
  // refusal of this message.
  {
    id: 'suspend/yandex-policy-rejection',
    reason: 'suspend',
    phrases: [String.raw`policy rejection on the target address`],
    quote: '550 Policy rejection on the target address',
  },
  // "No correct recipients": the bounce page files it with "No such user" under a message sent
  // to an address that does not exist (yandex.com/support/mail/bounces/yandex.html). Yandex
  // says it at DATA when none of the message's recipients was accepted, whatever refused each
  // one (a policy, a rate, an unknown user): weak, and no mailbox lookup, so that neither a
  // temporary reply nor the DATA phase makes a good address hard on these words alone.
  // "No such user!": Yandex's reply for an address it has no mailbox for (its bounce page files
  // it under a message sent to an address that does not exist, yandex.com/support/mail/bounces
  // /yandex.html), with the exclamation mark and a 5.7.1 that does not mean a policy. Its
  // account lookup, so no phase (OpenSMTPD names none) makes it a filter's words (rule 6).
  {
    id: 'userunknown/yandex-no-such-user',
    reason: 'userunknown',
    phrases: [String.raw`\bno such user!`],
    traits: ['mailbox-lookup'],
    quote: '550 5.7.1 No such user!',
  },
  {
    id: 'userunknown/yandex-no-correct-recipients',
    reason: 'userunknown',
    phrases: [String.raw`\bno correct recipients\b`],
    traits: ['weak'],
    quote: '554 No correct recipients',
  },
  // Yandex blocks a sending host for 24 hours when it sends only spam; the bounce then says
  // "Blocked by spam statistics": the host is blocked, not this message's content.
  {
    id: 'blocked/yandex-spam-statistics',
    reason: 'blocked',
    phrases: [String.raw`blocked by spam statistics`],
    quote: '554 5.7.1 Blocked by spam statistics - see https://ya.cc/...',
  },
  {
    id: 'spamdetected/yandex-suspicion',
    reason: 'spamdetected',
    phrases: [String.raw`rejected under suspicion of spam`],
    quote: '554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/...',
  },
];
