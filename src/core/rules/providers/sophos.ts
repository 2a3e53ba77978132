// Sophos Email (Sophos Central)'s published SMTP error codes (docs.sophos.com, Sophos Central
// Admin, "SMTP error codes"): each refusal carries an XGEMAIL_00NN code whose meaning the page
// gives. Sophos publishes the codes, not the words around them, so the rules read the code.
// XGEMAIL_0007 (the recipient's licence expired) and XGEMAIL_0006 (a TLS version the policy
// does not allow) are left to the general rules and the codes.

import type { ReasonRule } from '../reasons.ts';

export const SOPHOS_RULES: readonly ReasonRule[] = [
  // 0001 no valid DKIM signature, 0002 SPF failed, 0003 DMARC failed.
  {
    id: 'authfailure/sophos-codes',
    reason: 'authfailure',
    phrases: [String.raw`\bxgemail_000[123]\b`],
    quote: 'XGEMAIL_0002: Message failed an SPF check.',
  },
  // 0004 the sending IP failed an RBL test.
  {
    id: 'blocked/sophos-codes',
    reason: 'blocked',
    phrases: [String.raw`\bxgemail_0004\b`],
    quote: 'XGEMAIL_0004: Sender IP address failed an RBL test.',
  },
  // 0005 the sender's domain failed a DBL test; 0008 a domain, IP or address on the
  // administrator's block list (the sender's, as Mimecast's blocked senders).
  {
    id: 'rejected/sophos-codes',
    reason: 'rejected',
    phrases: [String.raw`\bxgemail_000[58]\b`],
    traits: ['sender'],
    quote: 'XGEMAIL_0005: Sender domain failed a DBL test.',
  },
  // 0009 on the recipient's own block list.
  {
    id: 'filtered/sophos-codes',
    reason: 'filtered',
    phrases: [String.raw`\bxgemail_0009\b`],
    quote: 'XGEMAIL_0009: Message rejected because a domain, an IP address, or an email address is in the user block list.',
  },
  // 0010 the recipient's domain is not one Sophos Email protects: it does not relay for it.
  {
    id: 'norelaying/sophos-codes',
    reason: 'norelaying',
    phrases: [String.raw`\bxgemail_0010\b`],
    quote: "XGEMAIL_0010: Message rejected because the recipient's domain isn't a Sophos Email protected domain.",
  },
  // 0011 the recipient's address does not exist in the protected domain.
  {
    id: 'userunknown/sophos-codes',
    reason: 'userunknown',
    phrases: [String.raw`\bxgemail_0011\b`],
    traits: ['mailbox-lookup'],
    quote: "XGEMAIL_0011: Message rejected because the recipient's email address doesn't exist in the Sophos Email protected domain.",
  },
  // 0012 bigger than allowed.
  {
    id: 'mesgtoobig/sophos-codes',
    reason: 'mesgtoobig',
    phrases: [String.raw`\bxgemail_0012\b`],
    quote: 'XGEMAIL_0012: Message rejected because it exceeded the allowed size.',
  },
  // 0013 too many recipients for a large message.
  {
    id: 'toomanyconn/sophos-codes',
    reason: 'toomanyconn',
    phrases: [String.raw`\bxgemail_0013\b`],
    quote: 'XGEMAIL_0013: Message rejected because it exceeded the maximum number of recipients allowed for a large message.',
  },
  // 0014 and 0015 the recipient's inbound rate limits (from this sender, from all senders).
  {
    id: 'speeding/sophos-codes',
    reason: 'speeding',
    phrases: [String.raw`\bxgemail_001[45]\b`],
    quote: "XGEMAIL_0014: Message rejected because it exceeded the recipient's inbound rate limit for the single sender.",
  },
];
