// Port25 PowerMTA's own classification of a failure, written per recipient into its
// delivery-status part as "X-PowerMTA-BounceCategory: <category>". The categories as the
// PowerMTA User's Guide (Port25 Solutions, "bounce categories"; quoted whole at
// it.i88.ca/2014/11/bounce-categories-of-powermta.html) defines them. The category is the
// sending MTA's guess from its own pattern list (<bounce-category-patterns>: "/blocked/
// spam-related", "/quota/ quota-issues", ...), not the receiving server's words: rebound reads it
// only when the reply's words and codes decide nothing (rules/README.md, rule 7, before
// `onhold`), and a category of a dead address (bad-mailbox, bad-domain) is not read at all:
// its patterns are the operator's, about the same words that decided nothing, and a guess
// never makes an address dead (listed here for the record of what the guide defines).
// Categories whose meaning names no reason of rebound's ("bad-configuration", "content-related",
// "routing-errors", "other") are not read.

import type { Reason } from '../../types.ts';

export interface MtaCategoryRule {
  /** The category as the MTA writes it. */
  category: string;
  reason: Reason;
  /** The guide's definition of the category. */
  quote: string;
}

/** The DSN field PowerMTA writes its category in (lower-case, as the report's fields are kept). */
export const POWERMTA_CATEGORY_FIELD = 'x-powermta-bouncecategory';

export const POWERMTA_BOUNCE_CATEGORIES: readonly MtaCategoryRule[] = [
  {
    category: 'bad-mailbox',
    reason: 'userunknown',
    quote: 'messages rejected due to bad, invalid, or non-existent recipient addresses, 5.X.X error',
  },
  { category: 'bad-domain', reason: 'hostunknown', quote: 'messages bounced due to invalid or non-existing domains, 5.X.X error' },
  {
    category: 'inactive-mailbox',
    reason: 'suspend',
    quote: 'messages rejected due to expired, inactive, or disabled recipient addresses, 5.X.X error',
  },
  {
    category: 'quota-issues',
    reason: 'mailboxfull',
    quote: 'messages rejected or blocked due to mailbox quota issues, 4.X.X or 5.X.X error',
  },
  { category: 'spam-related', reason: 'spamdetected', quote: 'messages refused or blocked due to spam related reasons, 5.X.X error' },
  { category: 'virus-related', reason: 'virusdetected', quote: 'messages refused or blocked due to virus related reasons, 5.X.X error' },
  {
    category: 'policy-related',
    reason: 'policyviolation',
    quote: 'messages refused or blocked due to general policy reasons, 5.X.X error',
  },
  {
    category: 'message-expired',
    reason: 'expired',
    quote: 'messages bounced due to not being delivered before the bounce-after, 4.X.X error',
  },
  {
    category: 'no-answer-from-host',
    reason: 'networkerror',
    quote: 'messages bounces due to receiving no response from remote host after connecting, 4.X.X or 5.X.X error',
  },
  {
    category: 'bad-connection',
    reason: 'networkerror',
    quote: 'messages bounced due to bad connection issues with remote host, 4.X.X error',
  },
  {
    category: 'relaying-issues',
    reason: 'norelaying',
    quote: 'messages refused or blocked due to remote mail server relaying issues, 5.X.X error',
  },
  {
    category: 'protocol-errors',
    reason: 'syntaxerror',
    quote: 'messages rejected due to SMTP protocol syntax or sequence errors, 5.X.X error',
  },
  { category: 'invalid-sender', reason: 'rejected', quote: 'messages bounced due to invalid DNS or MX entry for sending domain' },
];
