// qpsmtpd, the Perl SMTP daemon, and the plugins it ships with: the texts its plugins refuse
// with (github:smtpd/qpsmtpd, df5b04d, plugins/helo, karma, dkim, dmarc, headers, loadcheck,
// virus/clamdscan). A plugin set to "reject naughty" has its text given later by the naughty
// plugin, after the plugin's name in brackets ("(karma) very bad karma: -3"); the words are the
// same. qpsmtpd answers a refusal after the message with 552 (452 when temporary), whatever the
// cause (lib/Qpsmtpd/SMTP.pm, data_post_respond): its code says nothing of a size or a full
// mailbox. Known by qpsmtpd's own wording, never by a host name.

import type { ReasonRule } from '../reasons.ts';

export const QPSMTPD_RULES: readonly ReasonRule[] = [
  // plugins/helo: the HELO name the client gave is refused ("Your HELO hostname is not
  // allowed" for a name on its bad list, "Forged IPs not accepted here" for an IP literal not
  // the client's, "That HELO hostname fails FCrDNS", "You are not localhost"). The sending
  // host is refused, never the recipient.
  {
    id: 'blocked/qpsmtpd-helo',
    reason: 'blocked',
    phrases: [
      String.raw`\byour helo hostname is not allowed\b`,
      String.raw`\bforged ips not accepted here\b`,
      String.raw`\bthat helo hostname fails fcrdns\b`,
      String.raw`\byou are not localhost\b(?![^.\n]{0,40}(?:\bauthenticated|\brelay))`,
    ],
    hints: ['helo hostname', 'forged ips', 'not localhost'],
    quote: '550 Your HELO hostname is not allowed',
  },
  // plugins/earlytalker: the client spoke before the greeting ("Connecting host started
  // transmitting before SMTP greeting"), refused at DATA (554) or, through naughty, at RCPT
  // TO: the sending host's behaviour, as Haraka's early_talker says it.
  {
    id: 'blocked/qpsmtpd-earlytalker',
    reason: 'blocked',
    phrases: [String.raw`\bconnecting host started transmitting before smtp greeting\b`],
    hints: ['before smtp greeting'],
    quote: '554 Connecting host started transmitting before SMTP greeting',
  },
  // plugins/karma: the sending host's score, from its past connections, is too low ("very bad
  // karma: -3"), or it sits in the penalty box for days after a bad one ("You were naughty. You
  // cannot connect for 2 more days."). The host's reputation with this server.
  {
    id: 'badreputation/qpsmtpd-karma',
    reason: 'badreputation',
    phrases: [String.raw`\bvery bad karma: -?\d{1,6}\b`, String.raw`\byou were naughty\. you cannot connect for \d{1,4} more days?\b`],
    hints: ['karma', 'naughty'],
    quote: '550 You were naughty. You cannot connect for 2 more days.',
  },
  // plugins/dkim: a DKIM signature that does not verify ("signature invalid: " and Mail::DKIM's
  // result_detail, "fail (body has been altered)"). The sender's authentication failed.
  {
    id: 'authfailure/qpsmtpd-dkim',
    reason: 'authfailure',
    phrases: [String.raw`\bsignature invalid: (?:fail|invalid)\b`],
    hints: ['signature invalid'],
    quote: '552 signature invalid: fail (body has been altered)',
  },
  // plugins/headers ("Headers are missing", "We require a valid Date header", "We require a
  // valid From header") and plugins/dmarc ("unparseable from header"): the header fields RFC
  // 5322 requires are missing or broken.
  {
    id: 'notcompliantrfc/qpsmtpd-headers',
    reason: 'notcompliantrfc',
    phrases: [
      String.raw`(?<!dkim )\bheaders are missing\b`,
      String.raw`\bwe require a valid (?:date|from) header\b`,
      String.raw`\bunparseable from header\b`,
    ],
    hints: ['headers are missing', 'we require a valid', 'unparseable from'],
    quote: '552 We require a valid Date header',
  },
  // plugins/headers: a Date header further in the past or the future than the server allows
  // ("The Date header is too far in the past"): the message's content is refused.
  {
    id: 'contenterror/qpsmtpd-date-range',
    reason: 'contenterror',
    phrases: [String.raw`\bthe date header is too far in the (?:past|future)\b`],
    hints: ['date header is too far'],
    quote: '552 The Date header is too far in the past',
  },
  // plugins/virus/clamdscan: clamd could not be asked ("Unable to scan for viruses", a
  // DENYSOFT, 452), and plugins/loadcheck ("Server load too high, please try again later."):
  // the receiving system's own trouble; no virus was found.
  {
    id: 'systemerror/qpsmtpd-scanner-or-load',
    reason: 'systemerror',
    phrases: [String.raw`\bunable to scan for viruses\b(?!:)`, String.raw`\bserver load too high\b`],
    hints: ['unable to scan', 'load too high'],
    quote: '452 Unable to scan for viruses',
  },
];
