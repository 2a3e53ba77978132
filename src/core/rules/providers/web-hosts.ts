// Web hosting companies' own mail platforms, as their help pages quote the replies their
// servers write: DreamHost's outgoing quota ("SMTP quota overview",
// help.dreamhost.com/hc/en-us/articles/215730467), Bluehost's bounce table ("What Does My Email
// Bounce Mean?", bluehost.com/help/article/what-does-my-email-bounce-mean), and a refusal
// DreamHost's "Blocked email" page (help.dreamhost.com/hc/en-us/articles/115005095667) shows as
// a block, and (mt) Media Temple's outbound spam filter ("Why was my email blocked by (mt) spam
// filter?", kb.mediatemple.net/questions/1685), HostGator's block of a sender after invalid
// recipients ("Error : Dictionary Attack", hostgator.com/help/article/error-dictionary-attack)
// and TPP Wholesale's daily sending limit ("Are there any email sending restrictions?",
// support.tppwholesale.com.au/hc/en-gb/articles/360007386298). Each is known by its own words, never by a host
// name
// (tests/core/web-host-wordings.test.ts).

import type { ReasonRule } from '../reasons.ts';

export const WEB_HOST_RULES: readonly ReasonRule[] = [
  // DreamHost's limit of recipients an account may send to per hour: "When you exceed this
  // outgoing quota limit, you will get a rejection notice that says the email failed to send
  // due to "Policy Rejection- Quota Exceeded."" The sender's own sending rate, never the
  // recipient's mailbox: before the mailbox-full rules, which "quota exceeded" would match.
  {
    id: 'speeding/dreamhost-smtp-quota',
    reason: 'speeding',
    phrases: [String.raw`\bpolicy rejection\s{0,3}[-\u2014]\s{0,3}quota exceeded\b`],
    hints: ['policy rejection'],
    quote: 'Policy Rejection- Quota Exceeded',
  },
  // Bluehost's limit of messages one SMTP session may carry: 'SMTP 550 ("fromemail" max
  // messages per session)', "Several emails were sent simultaneously. Exceeded email limits.
  // Try sending the email later." The session's count, not the address it names (the sender's).
  {
    id: 'toomanyconn/bluehost-session-limit',
    reason: 'toomanyconn',
    phrases: [String.raw`\bmax messages per session\b`],
    hints: ['max messages per session'],
    quote: '550 <sender@example.com> max messages per session',
  },
  // Bluehost's greylisting: 'SMTP 452 ("toemail" requested action aborted: try again later -
  // GL/GL)', "Momentary fail due to the account using greylisting. It will be accepted when the
  // delivery is retried." Greylisting, as expired/greylisted reads it; its "requested action
  // aborted" is no error of the server's.
  {
    id: 'expired/bluehost-greylisting',
    reason: 'expired',
    phrases: [String.raw`\btry again later - gl/gl\b`],
    hints: ['gl/gl'],
    quote: '452 <user@example.net> requested action aborted: try again later - GL/GL',
  },
  // RFC 5321's "mailbox unavailable" with the cause on the reply's next line, a policy: "550-
  // Requested action not taken: mailbox unavailable 550-Reject due to policy restrictions."
  // (DreamHost's "Blocked email" page, its example of a receiving server that "could view your
  // incoming mail as spam and block it"). The policy is the cause, not a missing mailbox: before
  // the lookup rules, which read the first line alone as an unknown address.
  {
    id: 'policyviolation/unavailable-policy-restrictions',
    reason: 'policyviolation',
    phrases: [String.raw`\bmailbox unavailable\W{1,8}(?:5\d\d[ -]{1,2})?reject(?:ed)? due to policy restrictions\b`],
    hints: ['policy restrictions'],
    quote: '550-Requested action not taken: mailbox unavailable 550-Reject due to policy restrictions.',
  },
  // (mt) Media Temple's spam filter: "If you receive a "550 Possible email abuse detected"
  // bounceback from (mt) Media Temple's mail servers, this means your message has been
  // identified as a potential spam message. Specifically, your message has received a score of
  // 5 or higher on our spam filtering software." Its sample: "550 550-Possible email abuse
  // detected.  Please see 550 http://kb.mediatemple.net/questions/1685 for details. (state 18)."
  {
    id: 'spamdetected/mediatemple-abuse-detected',
    reason: 'spamdetected',
    phrases: [String.raw`\bpossible e-?mail abuse detected\b`],
    hints: ['abuse detected'],
    quote: '550-Possible email abuse detected.  Please see 550 http://kb.mediatemple.net/questions/1685 for details.',
  },
  // HostGator's block of a sender that wrote to invalid addresses: "The server detects a
  // dictionary attack when a user attempts to send email to four consecutive invalid email
  // addresses ... The dictionary attack block will be removed after 1 hour". The reply is the
  // two words alone, "550 DICTIONARY ATTACK" (as a hosting guide on HostGator's errors quotes
  // it, 01hosting.com/hostgator-email). The sending host taken for an address harvester, as
  // Baruwa's "Dictionary attack detected" is read; only the whole reply, so that a server's
  // words about some other dictionary attack decide nothing here.
  {
    id: 'blocked/hostgator-dictionary-attack',
    reason: 'blocked',
    phrases: [String.raw`(?:^|:\s{1,3})(?:smtp; ?)?5\d\d(?:[ -]5\.\d\.\d{1,3})? dictionary attack\.?$`],
    hints: ['dictionary attack'],
    quote: '550 DICTIONARY ATTACK',
  },
  // TPP Wholesale's cPanel hosting past its sending limit (250 a day, 500 an hour): '550 "Daily
  // limit has been exceeded for [email address]"', the sender's address. The sender's pace.
  {
    id: 'speeding/daily-limit-exceeded-for',
    reason: 'speeding',
    phrases: [String.raw`\bdaily limit has been exceeded for\b`],
    hints: ['daily limit'],
    quote: '550 Daily limit has been exceeded for sender@example.com',
  },
];
