// Tencent's QQ Mail / Exmail replies as published on its help pages.

import type { ReasonRule } from '../reasons.ts';

export const TENCENT_RULES: readonly ReasonRule[] = [
  // Tencent (QQ Mail, Exmail): its replies as published on its help pages
  // (service.exmail.qq.com help id 20022; collected at https://smtp.codes/qq). "Mailbox
  // unavailable or access denied" is its answer when a recipient receives too much mail in a
  // short time (a temporary block of that recipient), not an unknown mailbox. The words alone
  // are any server's (RFC 5321's "mailbox unavailable" plus "access denied"): what makes them
  // Tencent's is its reply format, the words followed by a bracketed session token and the
  // client's address ("[<base64>= IP: 192.0.2.1]", "[<base64>= Blocked IP 192.0.2.1]"). The
  // same words from any other server are the weak userunknown/unavailable-or-denied.
  {
    id: 'speeding/qq-recipient-flood',
    reason: 'speeding',
    phrases: [String.raw`mailbox unavailable or access denied \[[a-z0-9+/]{16,}={0,2} (?:blocked )?ip\b`],
    quote:
      '550 Mailbox unavailable or access denied [QUJDREVGR0hJSktMTU5PUFFSU1RVVldY= IP: 192.0.2.1]. https://open.work.weixin.qq.com/help2/pc/20057',
  },
  // "Mailbox not found." followed by its help page for that reply (help id 20022, no=1000728:
  // "This recipient does not exist"; https://smtp.codes/qq): Tencent's lookup of the account.
  // OpenSMTPD's notice names no SMTP command, and rule 6 reads such words as a filter's after
  // DATA unless only a mailbox lookup writes them: Tencent's reply format says it is one.
  {
    id: 'userunknown/qq-mailbox-not-found',
    reason: 'userunknown',
    phrases: [String.raw`\bmailbox not found\. \S{0,80}help\?subtype=1&&id=20022&&no=1000728\b`],
    traits: ['mailbox-lookup'],
    quote: '550 Mailbox not found. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728',
  },
  {
    id: 'speeding/qq-sender-frequency',
    reason: 'speeding',
    phrases: [String.raw`sender frequency limited`, String.raw`(?:domain|ip|user) frequency limited`],
    quote: '550 Sender frequency limited.',
  },
  {
    id: 'filtered/qq-rejected-by-recipient',
    reason: 'filtered',
    phrases: [String.raw`mail is rejected by recipients?`],
    quote: "550 Mail is rejected by recipients (the sender is on the recipient's own blacklist or filter)",
  },
  {
    id: 'spamdetected/qq-content',
    reason: 'spamdetected',
    phrases: [String.raw`mail content denied`],
    quote: '550 Mail content denied. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726',
  },
  // "Suspected spam sender": the sending domain or mail operator sent much spam
  // (https://smtp.codes/qq): its standing, not this message.
  {
    id: 'badreputation/qq-spam-sender',
    reason: 'badreputation',
    phrases: [String.raw`suspected spam sender`],
    quote: '550 Suspected spam sender.',
  },
];
