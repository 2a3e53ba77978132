// cPanel/WHM's Exim ACL texts (the ACL blocks cPanel ships under /usr/local/cpanel/etc/exim/acls/
// and its mail limits), as hosting companies' help pages and bounce-rule tables quote them.
// Known by cPanel's own wording, never by a host name.

import type { ReasonRule } from '../reasons.ts';

export const CPANEL_RULES: readonly ReasonRule[] = [
  // cPanel's RBL ACL refuses the connecting host when it is on a DNS block list: "550 JunkMail
  // rejected - <host> [<ip>]:<port> is in an RBL: <list's text>" (a bounce-rule table's row
  // "JunkMail rejected: Blocked by some RBL. Usually SpamCop or Barracuda"; HestiaCP's and
  // ultrawebhosting's help pages). The list holds the sending host, not the message: before
  // the spam rules, which "junk mail" would match.
  {
    id: 'blocked/cpanel-junkmail-rbl',
    reason: 'blocked',
    phrases: [String.raw`\bjunkmail rejected\b`],
    hints: ['junkmail'],
    quote: '550 JunkMail rejected - mx.example.org [192.0.2.9]:25 is in an RBL: Blocked on SpamCop',
  },
  // cPanel's per-domain sending limits (WHM Tweak Settings "Max hourly emails per domain" and
  // "Maximum percentage of failed or deferred messages"): "Domain example.com has exceeded the
  // max emails per hour (100/100 (100%)) allowed.  Message discarded." and "... has exceeded the
  // max defers and failures per hour (5/5 (100%)) allowed. Message discarded." (the
  // ultrawebhosting knowledge base, jpswade's post of the message). The sending domain's rate,
  // as the reference parser files it (toomanyconn), never the recipient's address.
  {
    id: 'toomanyconn/cpanel-hourly-limit',
    reason: 'toomanyconn',
    phrases: [String.raw`has exceeded the max emails per hour\b`, String.raw`has exceeded the max defers and failures per hour\b`],
    hints: ['has exceeded the max'],
    quote: 'Domain example.org has exceeded the max emails per hour (100/100 (100%)) allowed.  Message discarded.',
  },
];
