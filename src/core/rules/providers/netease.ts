// NetEase Mail's (163.com, 126.com, yeah.net) published reply codes: its help page "退信代码说明"
// (help.mail.163.com, the bounce-code table NetEase links from its replies, e.g. "554 DT:SPM
// 163 smtp14,<token> <time>,please see http://mail.163.com/help/help_spam_16.htm?ip=..."). Each
// reply carries a two-letter family and a three-letter code ("HL:IFC", "MI:SFQ", "DT:SPM"):
// HL the sending host, MI the sender (MAIL FROM), RP the recipients (RCPT TO), DT the message
// data, WM the allow lists. The rules are known by those codes, which are NetEase's own reply
// format, not by its host names. Its plain-text replies ("550 User suspended", "550 Invalid
// User", "552 Requested mail action aborted: exceeded mailsize limit") are any server's words
// and stay with the general rules.

import type { ReasonRule } from '../reasons.ts';

export const NETEASE_RULES: readonly ReasonRule[] = [
  // DT:SPM: "the message contains content NetEase does not permit, or is recognised as
  // spam" (451 with "please try again", 550 and 554).
  {
    id: 'spamdetected/netease-content',
    reason: 'spamdetected',
    phrases: [String.raw`\bdt:spm\b`],
    hints: ['dt:spm'],
    quote: '554 DT:SPM 163 smtp14,EsCowABnZ2xhbWVkYQ-- 1535264926,please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1',
  },
  // HL:REP (an IP sending to many recipients that do not exist), HL:MEP (forging sender
  // domains), HL:IHU (suspended for spam or abnormal connections), HL:IPB, WM:BLI and "IP in
  // blacklist" (not on the list of IPs allowed to send), DT:RBL (listed in an RBL): all about
  // the sending host, never the address they answer.
  {
    id: 'blocked/netease-ip',
    reason: 'blocked',
    phrases: [String.raw`\bhl:(?:rep|mep|ihu|ipb)\b`, String.raw`\bwm:bli\b`, String.raw`\bdt:rbl\b`],
    hints: ['hl:', 'wm:bli', 'dt:rbl'],
    quote: '421 HL:REP (r8sYtnCMoG7_Xjr7) Unauthorized IP address',
  },
  // HL:ICC: too many concurrent connections from one IP; MI:DMC: too many messages in one
  // connection; RP:DRC and RP:RCL: too many recipients in one connection or message.
  {
    id: 'toomanyconn/netease-connections',
    reason: 'toomanyconn',
    phrases: [String.raw`\bhl:icc\b`, String.raw`\bmi:dmc\b`, String.raw`\brp:(?:drc|rcl)\b`],
    hints: ['hl:icc', 'mi:dmc', 'rp:drc', 'rp:rcl'],
    quote: '450 MI:DMC (the number of messages sent in this connection is over the limit)',
  },
  // HL:IFC, HL:IFQ, HL:ITC: an IP that sent much mail in a short time; MI:SFQ: a sender over
  // its 15-minute limit; MI:STC: a sender over its daily limit; RP:QRC, RP:TRC: a sender over
  // its limit of recipients in a period.
  {
    id: 'speeding/netease-rate',
    reason: 'speeding',
    phrases: [String.raw`\bhl:(?:ifc|ifq|itc)\b`, String.raw`\bmi:(?:sfq|stc)\b`, String.raw`\brp:(?:qrc|trc)\b`],
    hints: ['hl:', 'mi:', 'rp:'],
    quote: '451 MI:SFQ (the sender sent more than its limit in 15 minutes)',
  },
  // MI:NHD: an empty HELO.
  {
    id: 'blocked/netease-helo',
    reason: 'blocked',
    phrases: [String.raw`\bmi:nhd\b`],
    hints: ['mi:nhd'],
    quote: '550 MI:NHD (the HELO command may not be empty)',
  },
  // MI:SPF: the sending IP is not allowed by the sender domain's SPF record; MI:DMA: the
  // message fails the sender domain's DMARC policy.
  {
    id: 'authfailure/netease-spf-dmarc',
    reason: 'authfailure',
    phrases: [String.raw`\bmi:(?:spf|dma)\b`],
    hints: ['mi:spf', 'mi:dma'],
    quote: '550 MI:SPF (the sending IP is not permitted by the sender domain’s SPF record)',
  },
  // RP:FRL: NetEase does not relay to other domains.
  {
    id: 'norelaying/netease-relay',
    reason: 'norelaying',
    phrases: [String.raw`\brp:frl\b`],
    hints: ['rp:frl'],
    quote: '550 RP:FRL (NetEase Mail is not an open relay)',
  },
  // The sender, not the recipient: MI:IMF (a malformed sender address), WM:BLU and MI:SPB
  // (the sender is not on the list of users allowed to send), MI:CEL, MI:CCL, RP:CEL, RP:CCL
  // (the sender's client sent too many bad or unusual commands: the sender is barred for a
  // while), DT:SUM (the envelope sender and the From: header differ), and the plain-text
  // replies of the same table: "User in blacklist" (this sender may not mail NetEase users),
  // "NULL sender is not allowed", "Local user only" (an outgoing server takes only its own
  // users as senders), "no smtp MX only" (an incoming server takes none of them).
  {
    id: 'rejected/netease-sender',
    reason: 'rejected',
    phrases: [
      String.raw`\bmi:(?:imf|spb|cel|ccl)\b`,
      String.raw`\bwm:blu\b`,
      String.raw`\brp:(?:cel|ccl)\b`,
      String.raw`\bdt:sum\b`,
      String.raw`\b5\d\d user in blacklist\b`,
      String.raw`requested action not taken: (?:null sender is not allowed|local user only|no smtp mx only)`,
    ],
    traits: ['sender'],
    quote: '553 Requested action not taken: NULL sender is not allowed',
  },
];
