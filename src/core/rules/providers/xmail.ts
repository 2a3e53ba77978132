// XMail's own failure texts, read in its source (XMail 1.27, github:davidel/xmail): the local
// and remote delivery (SMAILSvr.cpp) and the error strings it writes into its notice
// (Errors.cpp), each passed as the reason of QueueUtils.cpp's notice ("[<00>] XMail bounce:
// Rcpt=[...];Error=[...]", "[<02>] The reason of the delivery failure was:"). The notice names
// no SMTP command and no code for these: its words are all there is. A remote server's reply
// it passes on whole ("550 5.1.1 ...") is read by the general rules; its expiry ("The maximum
// number of delivery attempts has been reached", QueueUtils.cpp) by expired/gave-up.

import type { ReasonRule } from '../reasons.ts';

export const XMAIL_RULES: readonly ReasonRule[] = [
  // SMAILSvr.cpp, a recipient at one of the server's own domains with no account: "Unknown
  // user \"%s\" in domain \"%s\"". Only its lookup of the account writes it, so no phase is
  // needed to read it (README rule 6, trait mailbox-lookup).
  {
    id: 'userunknown/xmail-unknown-user-in-domain',
    reason: 'userunknown',
    phrases: [String.raw`\bunknown user "[^"\n]{1,64}" in domain "[^"\n]{1,255}"`],
    hints: ['unknown user "'],
    traits: ['mailbox-lookup'],
    quote: 'Unknown user "nobody" in domain "example.com"',
  },
  // SMAILSvr.cpp, when the MX lookup of the recipient's domain ends in a fatal DNS error
  // (DNS_FatalError: the name does not exist): "Recipient domain \"%s\" does not exist (or it
  // has a misconfigured DNS)". Its "misconfigured" is no fault of a server's setup.
  {
    id: 'hostunknown/xmail-recipient-domain',
    reason: 'hostunknown',
    phrases: [String.raw`\brecipient domain "[^"\n]{1,255}" does not exist \(or it has a misconfigured dns\)`],
    hints: ['recipient domain "'],
    quote: 'Recipient domain "example.net" does not exist (or it has a misconfigured DNS)',
  },
  // Errors.cpp ERR_MAILBOX_SIZE, the reason of the notice when a local account's storage
  // limit refuses the message (SMAILSvr.cpp, UPopCheckMailboxSize).
  {
    id: 'mailboxfull/xmail-mailbox-size',
    reason: 'mailboxfull',
    phrases: [String.raw`\buser maximum mailbox size reached\b`],
    quote: 'User maximum mailbox size reached',
  },
  // Errors.cpp ERR_FILTERED_MESSAGE, the reason when one of the server's message filters
  // (filters.in.tab and the like, run on the message) exits with the reject code and leaves
  // no text of its own: the recipient's side refused the message (Sisimai's filtered), nothing
  // is said of the sender. Only the bare words (the line or XMail's bracketed field ends
  // there): a server that goes on to name the cause ("... server filters: spam score too
  // high", "... (virus found)") is read by the rule for that cause.
  {
    id: 'filtered/xmail-server-filters',
    reason: 'filtered',
    phrases: [String.raw`\bmessage rejected by server filters(?=[ \t]*(?:[\];]|\.?[ \t]*(?:\r?\n|$)))`],
    quote: 'Message rejected by server filters',
  },
];
