// Haraka, the Node.js MTA, and the plugins it ships with: the texts its connection answers
// with when a hook refuses (haraka/Haraka connection.js) and the plugins' own refusals
// (haraka/haraka-plugin-karma, -limit, -headers, -fcrdns, -helo.checks, -access,
// -qmail-deliverable, index.js of each). Known by Haraka's own wording, never by a host name.

import type { ReasonRule } from '../reasons.ts';

export const HARAKA_RULES: readonly ReasonRule[] = [
  // connection.js, rcpt_respond(): no rcpt_to plugin (in_host_list, qmail-deliverable, ...)
  // took the recipient, so Haraka will not carry the message on: "550 I cannot deliver mail
  // for <user@example.net>". With in_host_list, the usual set-up, the domain is not one it
  // receives for: a relay refused, never proof that a mailbox is missing.
  {
    id: 'norelaying/haraka-cannot-deliver',
    reason: 'norelaying',
    phrases: [String.raw`\bi cannot deliver mail for <@>`],
    hints: ['i cannot deliver mail for'],
    quote: '550 I cannot deliver mail for <user@example.net>',
  },
  // haraka-plugin-karma: the connection's score, built from the host's history and this
  // session's results, fell below the refusal threshold ("very bad karma score: -12").
  {
    id: 'badreputation/haraka-karma',
    reason: 'badreputation',
    phrases: [String.raw`\bvery bad karma score\b`],
    hints: ['karma'],
    quote: '550 very bad karma score: -12',
  },
  // haraka-plugin-limit: "Too many recipient attempts" (recipients tried in one session).
  {
    id: 'toomanyconn/haraka-recipient-attempts',
    reason: 'toomanyconn',
    phrases: [String.raw`\btoo many recipient attempts\b`],
    hints: ['recipient attempts'],
    quote: '450 Too many recipient attempts',
  },
  // haraka-plugin-headers: "Required header 'Date' missing" (the headers RFC 5322 requires).
  {
    id: 'notcompliantrfc/haraka-required-header',
    reason: 'notcompliantrfc',
    phrases: [String.raw`\brequired header '?[\w-]+'? missing\b`],
    hints: ['required header'],
    quote: "550 Required header 'Date' missing",
  },
  // haraka-plugin-headers: a From: naming a brand whose domain it is not.
  {
    id: 'spamdetected/haraka-phishing',
    reason: 'spamdetected',
    phrases: [String.raw`\bphishing message appears to impersonate\b`],
    hints: ['impersonate'],
    quote: '550 Phishing message appears to impersonate paypal.com',
  },
  // haraka-plugin-helo.checks: a HELO naming a big provider from a host that is not one of
  // theirs ("You are not who you say you are"), or a HELO name that does not resolve ("HELO
  // host has no forward DNS match", "Invalid HELO host cannot achieve forward DNS match"):
  // the sending host is refused; so is a HELO IP literal that is not the client's address.
  {
    id: 'blocked/haraka-helo-checks',
    reason: 'blocked',
    phrases: [
      String.raw`\byou are not who you say you are\b`,
      String.raw`\bhelo host has no forward dns match\b`,
      String.raw`\bhelo host cannot achieve forward dns match\b`,
      String.raw`\bhelo ip literal does not match your ip address\b`,
    ],
    hints: ['who you say', 'forward dns', 'ip literal'],
    quote: '550 You are not who you say you are',
  },
  // haraka-plugin-fcrdns: the client's reverse name does not resolve back to its address.
  {
    id: 'requireptr/haraka-fcrdns',
    reason: 'requireptr',
    phrases: [String.raw`\bno fcrdns match found\b`],
    hints: ['fcrdns'],
    quote: '550 Sorry, no FCrDNS match found',
  },
  // haraka-plugin-access: the sender's domain on its block list ("Email from that domain is
  // not accepted here."), said at DATA: the sender is refused, not the recipient.
  {
    id: 'rejected/haraka-access-domain',
    reason: 'rejected',
    phrases: [String.raw`\bemail from that domain is not accepted here\b`],
    hints: ['from that domain'],
    traits: ['sender'],
    quote: '550 Email from that domain is not accepted here.',
  },
  // haraka-plugin-qmail-deliverable: a bounce (null sender) to an ezmlm list.
  {
    id: 'rejected/haraka-list-null-sender',
    reason: 'rejected',
    phrases: [String.raw`\bmailing lists do not accept null senders\b`],
    hints: ['null sender'],
    traits: ['sender'],
    quote: '550 mailing lists do not accept null senders',
  },
  // Haraka's toobusy plugin: the event loop is lagging, come back later. The server's load,
  // not a block of the sending host, although it is said at the greeting.
  {
    id: 'systemerror/haraka-too-busy',
    reason: 'systemerror',
    phrases: [String.raw`\btoo busy; please try again later\b`],
    hints: ['too busy'],
    quote: '421 Too busy; please try again later',
  },
  // haraka-plugin-attachment: a file extension, content type, file name or archive the site
  // refuses ("Message contains disallowed file extension (exe)", "... unacceptable attachment
  // (x)", "... unacceptable content type (x)", "... encrypted archive", "... nested archives
  // exceeding the maximum depth"): the site's content policy, not spam.
  {
    id: 'policyviolation/haraka-attachment',
    reason: 'policyviolation',
    phrases: [
      String.raw`\bmessage contains (?:disallowed file extension|unacceptable (?:attachment|content type)|encrypted archive|nested archives exceeding)\b`,
    ],
    hints: ['message contains'],
    quote: '550 Message contains disallowed file extension (exe)',
  },
  // haraka-plugin-early_talker: the client spoke before the greeting ("You talk too soon"), as
  // spam engines do; the sending host is refused.
  {
    id: 'blocked/haraka-early-talker',
    reason: 'blocked',
    phrases: [String.raw`\byou talk too soon\b`],
    hints: ['talk too soon'],
    quote: '550 You talk too soon',
  },
  // haraka-plugin-bounce: a bounce where the site takes none, or one that answers no message
  // of its own ("Bounces not accepted here", "Invalid bounce (spoofed sender)"): the null
  // sender is refused.
  {
    id: 'rejected/haraka-bounce',
    reason: 'rejected',
    phrases: [String.raw`\bbounces not accepted here\b`, String.raw`\binvalid bounce \(spoofed sender\)`],
    hints: ['bounce'],
    traits: ['sender'],
    quote: '550 Bounces not accepted here',
  },
  // haraka-plugin-mail_from.is_resolvable: the sender's domain has no usable MX ("No MX for
  // your FROM address", "No valid MX for your FROM address"), at MAIL FROM or, when the
  // plugin waits, at RCPT TO: the sender, never the recipient's domain.
  {
    id: 'rejected/haraka-sender-no-mx',
    reason: 'rejected',
    phrases: [String.raw`\bno (?:valid )?mx for your from address\b`],
    hints: ['for your from address'],
    traits: ['sender'],
    quote: '550 No MX for your FROM address',
  },
  // haraka-plugin-headers: a Delivered-To: naming the recipient, so the message has already
  // been delivered to it once ("Invalid Delivered-To header content"): a mail loop.
  {
    id: 'networkerror/haraka-delivered-to-loop',
    reason: 'networkerror',
    phrases: [String.raw`\binvalid delivered-to header content\b`],
    hints: ['delivered-to'],
    quote: '550 Invalid Delivered-To header content',
  },
];
