// Hornetsecurity's (formerly antispameurope) filter replies, as a reseller of its service
// publishes its reason codes: EveryCloud's "Workspace reason codes" and "Workspace
// classification codes" (support.everycloud.com/support/solutions/articles/4000039509 and
// 4000007755; the filter's own header, "X-antispameurope-disclaimer", names it). The filter
// gives its own meanings to enhanced status codes: 5.2.2 is a block list entry for the sender
// or the recipient (not a full mailbox), 5.5.x and 5.6.x are its spam, size, attachment and
// compliance filters (not protocol or media errors). Its words for spam ("e-mail Rejected
// Spam", "Spam Header rejected", "spam link signature detected") and viruses ("Virus E-Mail
// Blocked") are read by the general rules; the rules below read the others, each with the code
// the table gives it, in either of the two wordings the pages give.

import type { ReasonRule } from '../reasons.ts';

export const HORNETSECURITY_RULES: readonly ReasonRule[] = [
  // 5.2.2: "explicit blocking of sender or recipient address" ("Sender/Recipient rejected"):
  // an entry of the block list the recipient's side keeps, not the mailbox's size and not a
  // missing address.
  {
    id: 'filtered/hornetsecurity-block-list',
    reason: 'filtered',
    phrases: [String.raw`\b5\.2\.2 (?:explicit blocking of sender or recipient address|sender/recipient rejected)`],
    hints: ['5.2.2'],
    quote: '552 5.2.2 Sender/Recipient rejected',
  },
  // 5.5.4: "IP sender address with a negative reputation" ("Spam IP rejected"): the sending IP
  // on the filter's reputation lists.
  {
    id: 'blocked/hornetsecurity-spam-ip',
    reason: 'blocked',
    phrases: [String.raw`\b5\.5\.4 spam ip rejected`],
    hints: ['spam ip'],
    quote: '554 5.5.4 Spam IP rejected',
  },
  // 5.5.3 "email rejected due to Content Filter Size Limit" ("e-mail Rejected Content Filter
  // Size") and 5.5.2 "message size (content filter)": bigger than the filter takes.
  {
    id: 'mesgtoobig/hornetsecurity-size',
    reason: 'mesgtoobig',
    phrases: [
      String.raw`\b5\.5\.3 e-?mail rejected (?:due to )?content filter size`,
      String.raw`\b5\.5\.2 message size \(content filter\)`,
    ],
    hints: ['content filter'],
    quote: '554 5.5.3 e-mail Rejected Content Filter Size',
  },
  // 5.5.7 "email rejected due to content of attachment" ("e-mail Rejected Content Attachment")
  // and 5.6.9 "Rejected by custom Compliance Filter Rule": the recipient organisation's
  // attachment and compliance rules.
  {
    id: 'policyviolation/hornetsecurity-content-rules',
    reason: 'policyviolation',
    phrases: [
      String.raw`\b5\.5\.7 e-?mail rejected (?:due to )?content (?:of )?attachment`,
      String.raw`\b5\.6\.9 rejected by custom compliance filter rule`,
    ],
    hints: ['attachment', 'compliance filter'],
    quote: '554 5.5.7 email rejected due to content of attachment',
  },
];
