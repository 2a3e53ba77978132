// Baruwa (an open-source mail security gateway run by hosting companies) publishes the
// refusals its gateway answers with and what each means (a Baruwa deployment's help page,
// bastion.umanix.net/info: "The sender <ip> is banned", "Dictionary attack detected",
// "Legitimate bounces are never sent to more than one recipient.", "Recipient verification
// failed", ...). Known by these words, never by a host name.

import type { ReasonRule } from '../reasons.ts';

export const BARUWA_RULES: readonly ReasonRule[] = [
  // "The sender <ip> is banned": the sending IP is on the gateway's banned senders list.
  {
    id: 'blocked/baruwa-banned-ip',
    reason: 'blocked',
    phrases: [String.raw`\bthe sender \[?[0-9a-f]{1,4}[.:][0-9a-f.:]{2,40}\]? is banned\b`],
    hints: ['is banned'],
    quote: '550 The sender 192.0.2.1 is banned',
  },
  // "Dictionary attack detected": the gateway took the sending host for an address harvester
  // and refuses it, whatever the recipient.
  {
    id: 'blocked/baruwa-dictionary-attack',
    reason: 'blocked',
    phrases: [String.raw`\bdictionary attack detected\b`],
    hints: ['dictionary attack'],
    quote: '550 Dictionary attack detected',
  },
  // "The domain <domain> is banned" (the sender's domain is on the banned senders list) and
  // "Legitimate bounces are never sent to more than one recipient." (a null-sender message to
  // several recipients): refusals of the sender, nothing about the recipient's address.
  {
    id: 'rejected/baruwa-sender',
    reason: 'rejected',
    phrases: [String.raw`\bthe domain \S{1,253} is banned\b`, String.raw`\blegitimate bounces are never sent to more than one recipient\b`],
    hints: ['is banned', 'legitimate bounces'],
    traits: ['sender'],
    quote: '550 The domain example.org is banned',
  },
  // "Recipient verification failed": the gateway's check of the address against the mail
  // server behind it failed. Weak: a temporary failure of that check (4xx) says nothing about
  // the mailbox and is left to the codes.
  {
    id: 'userunknown/baruwa-recipient-verification',
    reason: 'userunknown',
    phrases: [String.raw`\brecipient verification failed\b`],
    hints: ['recipient verification'],
    traits: ['weak'],
    quote: '550 Recipient verification failed',
  },
];
