// iRedAPD, the Postfix policy server of iRedMail: its actions' texts (iredmail/iRedAPD,
// libs/__init__.py SMTP_ACTIONS; libs/default_settings.py GREYLISTING_MESSAGE), which Postfix
// sends as "554 5.7.1 <user@example.net>: Recipient address rejected: <text>" although they are
// about the sender or the sending host. Known by iRedAPD's own wording.

import type { ReasonRule } from '../reasons.ts';

export const IREDAPD_RULES: readonly ReasonRule[] = [
  // plugins/throttle.py: the sender (or the recipient's) message or size quota for the period
  // is used up. A rate, not the mailbox's storage quota.
  {
    id: 'speeding/iredapd-throttling',
    reason: 'speeding',
    phrases: [String.raw`\bthrottling quota exceeded\b`],
    hints: ['throttling'],
    quote: '554 5.7.1 <user@example.net>: Recipient address rejected: Throttling quota exceeded',
  },
  // plugins/wblist_rdns.py: the sending host's reverse DNS name is on the block list. The
  // host has a name; it is refused for it.
  {
    id: 'blocked/iredapd-rdns',
    reason: 'blocked',
    phrases: [String.raw`\bblacklisted reverse dns name of server ip address\b`],
    hints: ['blacklisted reverse dns'],
    quote: '554 5.7.1 <user@example.net>: Recipient address rejected: Blacklisted reverse DNS name of server IP address',
  },
  // The sender refused: a null sender (plugins/reject_null_sender.py), a local domain used as
  // sender without SMTP AUTH (reject_forged_sender), a sender not allowed to post to a
  // mailing list (sql_ml_access_policy / ldap_maillist_access_policy, "Not authorized").
  {
    id: 'rejected/iredapd-sender',
    reason: 'rejected',
    phrases: [
      String.raw`\bpolicy rejection due to null sender\b`,
      String.raw`\bsmtp auth is required for users under this sender domain\b`,
      String.raw`\bsender is not same as smtp authenticate username\b`,
    ],
    hints: ['null sender', 'smtp auth', 'smtp authenticate'],
    traits: ['sender'],
    quote: '554 5.7.1 <user@example.net>: Recipient address rejected: SMTP AUTH is required for users under this sender domain',
  },
  // plugins/greylisting.py: iRedAPD's greylisting reply never says "greylist"; it asks every
  // new sender to come back later, as greylisting does.
  {
    id: 'expired/iredapd-greylisting',
    reason: 'expired',
    phrases: [String.raw`\bintentional policy rejection, please try again later\b`],
    hints: ['intentional policy rejection'],
    quote: '451 4.7.1 <user@example.net>: Recipient address rejected: Intentional policy rejection, please try again later',
  },
];
