// Vade (Vade Secure, now part of Hornetsecurity) as the filter of the mailbox providers it
// serves: its postmaster pages list each refusal by a code of its own, "OXSUS0001_nnn" for its
// US platform (postmaster-oxsus.vadesecure.com) and "OXSEU..." for its EU one
// (postmaster-oxseu.vadesecure.com, named in Open-Xchange's "Mail Server error codes of OX App
// Suite Cloud"). The words around the code are mostly "Connection refused" or "Connection
// deferred" whatever the cause, so the rules read the code; bounces quote it with three zeros
// or two ("OXSUS001_403", suped.com's pages on the code). Its SPF refusal says what it is
// ("Message rejected per sender's SPF policy - OXSUS001_514") and is read by the general rules.
// The two pages do not always give a code the same meaning (_102 is a full backend queue on the
// US page, a Validity block list on the EU one, "blocked by Validity"): no rule reads _102, and
// the rules below read only the codes whose meaning the pages share or only one page gives.
// The outbound platform's codes ("OXSUS0006_404", postmaster-oxsus.vadesecure.com/
// outbound_error_codes) are another list: the refusals OX's relay gives its own customers
// (Open-Xchange's hosted mail as web hosts resell it), read below only where they say the
// sender's pace.

import type { ReasonRule } from '../reasons.ts';

const code = (n: string) => String.raw`\boxs(?:us|eu)0{2,3}1_(?:${n})\b`;
/** A code of the outbound platform's list. */
const outboundCode = (n: string) => String.raw`\boxs(?:us|eu)0{2,3}6_(?:${n})\b`;

export const VADE_RULES: readonly ReasonRule[] = [
  // _403: "the message was sent to a non-existent customer or user" (its other explanation on
  // the same page: the recipient address given at RCPT TO is not valid). Either way the address,
  // but only in its documented permanent form ("550 5.7.1 Connection refused - ..."): senders
  // see the code come and go for active addresses, so a temporary reply stays soft.
  {
    id: 'userunknown/vade-recipient',
    reason: 'userunknown',
    phrases: [String.raw`\b5\d\d 5\.\d{1,3}\.\d{1,3} connection refused - oxs(?:us|eu)0{2,3}1_403\b`],
    hints: ['oxs'],
    traits: ['mailbox-lookup'],
    quote: '550 5.7.1 Connection refused - OXSUS001_403',
  },
  // _101: "your email provider is listed on the Vade Secure Threat Network list" (IP addresses
  // identified as sending spam); _111 (EU page): the sending address on a Spamhaus list.
  {
    id: 'blocked/vade-threat-network',
    reason: 'blocked',
    phrases: [code('101|111')],
    hints: ['oxs'],
    quote: '550 5.7.1 Connection refused - OXSUS0001_101',
  },
  // _105: "Reject if reverse dns is not present"; _108 (EU page): "Please check your FCrDNS
  // configuration".
  {
    id: 'requireptr/vade-reverse-dns',
    reason: 'requireptr',
    phrases: [code('105|108')],
    hints: ['oxs'],
    quote: '550 5.7.1 Connection refused - OXSUS0001_105',
  },
  // _110 and _139: the sending IP opened too many connections.
  {
    id: 'toomanyconn/vade-connections',
    reason: 'toomanyconn',
    phrases: [code('110|139')],
    hints: ['oxs'],
    quote: '421 4.2.1 Connection refused - OXSUS0001_110',
  },
  // _140: the sending IP "has reached its limit by sending too many messages".
  {
    id: 'speeding/vade-messages',
    reason: 'speeding',
    phrases: [code('140')],
    hints: ['oxs'],
    quote: '421 4.2.1 Connection refused - OXSUS0001_140',
  },
  // The outbound platform's limits on the sending account or server: _136 "Your server is
  // rate-limited due to excessive volume sent" (its outbound page), and _404, "450 4.2.0
  // Recipient temporarily rejected - OXSUS0006_404", which a host reselling OX Mail reads as its
  // outbound limits (500 messages an hour, 5,000 a day, 100 recipients a message, 30 connections;
  // sinosoft.guru/knowledgebase/291). The sender's pace, whatever "Recipient" and the X.2.0 say:
  // never the recipient's mailbox.
  {
    id: 'speeding/ox-outbound-limits',
    reason: 'speeding',
    phrases: [outboundCode('136|404')],
    hints: ['oxs'],
    quote: '450 4.2.0 Recipient temporarily rejected - OXSUS0006_404',
  },
];
