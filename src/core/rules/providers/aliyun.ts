// Alibaba Mail's (阿里邮箱, Aliyun's enterprise mail) replies as its help page "常见退信报错的解决
// 方法" lists them (Aliyun document 36612, quoted at bestwisewords.com/document_detail/36612.html):
// limits worded "... is achieved the maximum threshold", and its own account checks.

import type { ReasonRule } from '../reasons.ts';

export const ALIYUN_RULES: readonly ReasonRule[] = [
  // "502 Mailfrom account is a local account": the sender claims an Alibaba Mail address but
  // did not send through Alibaba Mail's own server. A refusal of the sender.
  {
    id: 'rejected/aliyun-local-sender',
    reason: 'rejected',
    phrases: [String.raw`\bmailfrom account is a local account\b`],
    traits: ['sender'],
    quote: '502 Mailfrom account is a local account',
  },
  // "503 Rcptto account isn't a local account": the domain's mail is hosted there but has no
  // such account (misspelt, or the recipient has left the service). A lookup of the mailbox.
  {
    id: 'userunknown/aliyun-not-local',
    reason: 'userunknown',
    phrases: [String.raw`\brcptto account isn'?t a local account\b`],
    traits: ['mailbox-lookup'],
    quote: "503 Rcptto account isn't a local account",
  },
  // "504 the number of RCPT attempts is achieved the maximum threshold", "505 the total of
  // RCPTs is achieved the maximum threshold": the sender's number or pace of recipients.
  {
    id: 'speeding/aliyun-recipient-threshold',
    reason: 'speeding',
    phrases: [String.raw`\bthe (?:number of rcpt attempts|total of rcpts) is achieved the maximum threshold\b`],
    quote: '505 the total of RCPTs is achieved the maximum threshold',
  },
  // "510 The length of DATA content is achieved the maximum threshold", "510 The length of
  // Attach is achieved the maximum threshold": the message or its attachments are too big.
  {
    id: 'mesgtoobig/aliyun-length-threshold',
    reason: 'mesgtoobig',
    phrases: [String.raw`\bthe length of (?:data content|attach) is achieved the maximum threshold\b`],
    quote: '510 The length of DATA content is achieved the maximum threshold',
  },
  // "510 The number of attachments is achieved the maximum threshold": a rule of the
  // receiving service on the message's make-up, not its size.
  {
    id: 'policyviolation/aliyun-attachment-count',
    reason: 'policyviolation',
    phrases: [String.raw`\bthe number of attachments is achieved the maximum threshold\b`],
    quote: '510 The number of attachments is achieved the maximum threshold',
  },
];
