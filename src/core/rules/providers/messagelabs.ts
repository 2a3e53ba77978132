// Symantec/Broadcom Email Security.cloud (MessageLabs) rejection texts.

import type { ReasonRule } from '../reasons.ts';

export const MESSAGELABS_RULES: readonly ReasonRule[] = [
  // Symantec/Broadcom Email Security.cloud (MessageLabs) rejection texts.
  {
    id: 'policyviolation/messagelabs-spoofing',
    reason: 'policyviolation',
    phrases: [String.raw`anti-spoofing policy`],
    quote: '553 Rejected by header based Anti-Spoofing policy',
  },
  // Refusals Symantec/Broadcom Email Security.cloud lists in its own outbound bounces as the
  // recipient server's words for a message whose content it will not take
  // (https://knowledge.broadcom.com/external/article/162445, "Outbound Mail returned by
  // MAILER-DAEMON@messagelabs.com").
  {
    id: 'spamdetected/messagelabs-denied-mode',
    reason: 'spamdetected',
    phrases: [String.raw`\bdenied \(mode: \w+\)`],
    quote: '554 Denied (Mode: normal)',
  },
  {
    id: 'policyviolation/messagelabs-content',
    reason: 'policyviolation',
    phrases: [String.raw`file containing vba macros found`, String.raw`rejected due to content restrictions`],
    quote: '552 MS-Office file containing VBA macros found inside of the email',
  },
  // Its own notice: "This is the mail delivery agent at Symantec Email Security.cloud. I was
  // unable to deliver your message to the following addresses:" (older notices name the
  // service by its old name), then "Reason: " and the remote's reply. The service checks
  // recipients against the addresses its customers register, so a "No such user" it reports
  // is a lookup of the mailbox, whatever phase (README rule 6). The notice's words say
  // whose it is, not the host it was sent from.
  {
    id: 'userunknown/messagelabs-notice',
    reason: 'userunknown',
    phrases: [
      String.raw`this is the mail delivery agent at [^.]{1,60}(?:\.[a-z]+)?\. i was unable to deliver your message to the following addresses: .{0,400}\breason: \d{3}[ -](?:[45]\.\d{1,3}\.\d{1,3} )?<@> no such user`,
    ],
    traits: ['mailbox-lookup'],
    quote:
      'This is the mail delivery agent at Symantec Email Security.cloud. I was unable to deliver your message to the following addresses: user@example.net Reason: 550 user@example.net... No such user',
  },
  // "501 Connection rejected by policy [7.7] 20805": its gateway refuses the sending host's
  // connection by a policy of the recipient's organisation (Broadcom knowledge base,
  // "Connection rejected by policy"): the host is refused, before any message.
  {
    id: 'blocked/messagelabs-connection-policy',
    reason: 'blocked',
    phrases: [String.raw`connection rejected by policy \[\d+\.\d+\]`],
    quote:
      '501 Connection rejected by policy [7.7] 20805, please visit www.symanteccloud.com/troubleshooting for more details about this error message.',
  },
];
