// Barracuda Email Security Gateway and Email Protection refusals as smtp.codes lists Barracuda's
// replies (https://smtp.codes/550, "Barracuda"): "550 rejecting spoofed message" is its
// anti-spoofing check refusing a message that claims a sender it may not (a known brand or the
// recipient's own domain), a refusal of the message by policy, not of the address.

import type { ReasonRule } from '../reasons.ts';

export const BARRACUDA_RULES: readonly ReasonRule[] = [
  {
    id: 'policyviolation/barracuda-spoofed',
    reason: 'policyviolation',
    phrases: [String.raw`\brejecting spoofed message`],
    hints: ['spoofed'],
    quote: '550 rejecting spoofed message',
  },
  // "550 permanent failure for one or more recipients (<address>:blocked)": Barracuda's reply
  // after the data when its filters (score, intent, attachment, policy, block lists) blocked
  // the message for that recipient, the action its message log calls "Blocked". A filter of
  // the recipient's gateway refused this message; the word "blocked" alone is not a block
  // list of the sending host (blocked/listed), and the address is not known to be bad.
  // Barracuda publishes no list of its SMTP replies; the reading follows its Message Log's
  // "Blocked" action and the general account of this reply at Barracuda-hosted domains (a
  // tenant's policy, content, reputation or recipient rule, not a public block list: suped.com,
  // "What causes bounces from Barracuda-based domains"), recorded through eight MTAs
  // (tests/fixtures/mta-notices/*/data-barracuda-blocked.eml).
  {
    id: 'filtered/barracuda-blocked',
    reason: 'filtered',
    phrases: [String.raw`\bpermanent failure for one or more recipients \(<@>:blocked\)`],
    hints: ['permanent failure'],
    quote: '550 permanent failure for one or more recipients (user@example.com:blocked)',
  },
];
