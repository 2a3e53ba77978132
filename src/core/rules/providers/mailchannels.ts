// MailChannels' replies as it documents them: Outbound Filtering's bracketed tags
// (docs.mailchannels.com/outbound/smtp-errors, /outbound/unblock-senders, and its older help
// articles support.mailchannels.com/hc/en-us/articles/202222810 "[SB01]" and 202223280
// "[ESR]"), the Email API's sending policies (docs.mailchannels.com/email-api/sending-policies)
// and Inbound Filtering's replies (docs.mailchannels.com/inbound/smtp-errors). Each refusal of
// the outbound filter reads "550 5.7.1 [TAG] words", often followed by a link to its Insights
// page; the tag names the control that fired, so the rules read the tag with its words.
// Inbound's "Relay access denied", "Sender address rejected: Domain not found", "Message
// rejected" and "message file too big" are Postfix's own words, read by the general rules.

import type { ReasonRule } from '../reasons.ts';

export const MAILCHANNELS_RULES: readonly ReasonRule[] = [
  // [SS]: the message matches a known spam signature (subject or body words of spam
  // campaigns); [CS]: the content classified as spam ("550 5.7.1 [CS] Message blocked. If this
  // is a false positive, please report this to your hosting service provider.").
  {
    id: 'spamdetected/mailchannels-content',
    reason: 'spamdetected',
    phrases: [String.raw`\[(?:ss|cs)\] message blocked`],
    hints: ['message blocked'],
    quote: '550 5.7.1 [CS] Message blocked. If this is a false positive, please report this to your hosting service provider.',
  },
  // [RBL]: the sending IP (or its domain) is on a public block list.
  {
    id: 'blocked/mailchannels-rbl',
    reason: 'blocked',
    phrases: [String.raw`\[rbl\] sender blocked`],
    hints: ['[rbl]'],
    quote: '550 5.7.1 [RBL] Sender blocked 192.0.2.1',
  },
  // The sender's account is blocked by the outbound filter: [ESA] (a manual, lasting block),
  // [ESR] (blocked by the abuse team), [SB01] ("Your email address has been blocked due to
  // complaints"), [CSR] ("Account blocked", its spam-to-non-spam ratio crossed) and [BR] (too
  // many invalid recipients from the account). Nothing is said of the recipient.
  // [CSR] as a host that relays through MailChannels quotes it: "550 5.7.1 [CSR] Our system has
  // detected an unusual amount of unsolicited email originating from your address" (ThisWebHost's
  // "I am receiving an error sending e-mail", thiswebhost.com/clients/knowledgebase/554: the
  // mailbox sent spam in the last 24 hours, most likely compromised; the block lifts within 24
  // hours). The sender's account, as [CSR] "Account blocked" is read: before Gmail's refusal of
  // a sending IP's "unusual rate of unsolicited mail", whose words it nearly shares.
  {
    id: 'rejected/mailchannels-account-unsolicited',
    reason: 'rejected',
    phrases: [String.raw`\[csr\] our system has detected an unusual amount of unsolicited e-?mail originating from your address`],
    hints: ['[csr]'],
    traits: ['sender'],
    quote: '550 5.7.1 [CSR] Our system has detected an unusual amount of unsolicited email originating from your address',
  },
  {
    id: 'rejected/mailchannels-sender',
    reason: 'rejected',
    phrases: [
      String.raw`\[es[ar]\] sender blocked`,
      String.raw`\[sb\d+\] your email address has been blocked`,
      String.raw`\[csr\] account blocked`,
      String.raw`\[br\] our system has detected an excessively high number of invalid recipients`,
    ],
    traits: ['sender'],
    quote: '550 5.7.1 [SB01] Your email address has been blocked due to complaints',
  },
  // The Email API's refusal for an address that unsubscribed from the sender's list: the
  // sending service's own suppression, not a refusal by the recipient's server.
  {
    id: 'suppressed/mailchannels-unsubscribed',
    reason: 'suppressed',
    phrases: [String.raw`\[uns\] recipient has unsubscribed`],
    hints: ['[uns]'],
    quote: '550 5.7.1 [UNS] Recipient has unsubscribed from your list.',
  },
  // Inbound Filtering's greylisting: "450 [S09] Try Again Later" (the sender is asked to come
  // back; final only when the retries ran out).
  {
    id: 'expired/mailchannels-greylisted',
    reason: 'expired',
    phrases: [String.raw`\[s09\] try again later`],
    hints: ['[s09]'],
    quote: '450 [S09] Try Again Later',
  },
];
