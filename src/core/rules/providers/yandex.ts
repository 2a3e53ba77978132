// Yandex Mail's bounce texts as its help pages explain them
// (https://yandex.com/support/mail/bounces/yandex/message-rejected-under-suspicion-of-spam.html,
// https://yandex.com/support/mail/bounces/other.html).

import type { ReasonRule } from '../reasons.ts';

export const YANDEX_RULES: readonly ReasonRule[] = [
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
