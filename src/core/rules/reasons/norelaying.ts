// How servers word the reason `norelaying` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const NORELAYING_RULES: readonly ReasonRule[] = [
  {
    id: 'norelaying/relay-denied',
    reason: 'norelaying',
    phrases: [
      String.raw`email address is not verified\. the following identities failed`,
      String.raw`insecure mail relay`,
      // "Relay access denied" (Postfix smtpd_check.c), "relay not permitted" (Exim's default
      // ACL), "Relaying disallowed", "relay is not permitted on this host".
      String.raw`relay(?:ing)? (?:is )?(?:access )?(?:denied|disallowed|not (?:permitted|allowed)|prohibited|forbidden|disabled)`,
      // Coremail-style "553 you don't authenticate or the domain is not allowed relay".
      String.raw`domain is not allowed (?:to )?relay`,
      String.raw`not (?:permitted|allowed|authorized) to relay`,
      String.raw`unable to relay`,
      String.raw`we do not relay`,
      // "554 Relay operation rejected" (puffinknight.tistory.com/102, Korean providers' relay
      // refusals).
      String.raw`\brelay operation rejected\b`,
      String.raw`cannot relay`,
      String.raw`no relaying`,
      String.raw`relay not permitted`,
      String.raw`relaying mail to .* is not allowed`,
      // MailCleaner's Exim ACL for a destination its administrator closed: "550 Relaying to
      // this domain is forbidden" (github:MailCleaner/MailCleaner
      // etc/exim/exim_stage1.conf_template, acl_check_rcpt, +relayrefuseddomains).
      String.raw`relaying to this domain is forbidden`,
      // Relay refusals in other servers' words: "This system is not configured to relay mail
      // from <address> to <address>", "we don't handle mail for <domain>", "not an open relay".
      String.raw`not configured to relay mail`,
      String.raw`we do ?n[o']t handle mail for`,
      String.raw`not an open relay`,
      String.raw`does not (?:allow|permit) relay`,
      // spamdyke (spamdyke/spamdyke.h, ERROR_RELAYING_DENIED).
      String.raw`sending to remote addresses \(relaying\) is not allowed`,
      // hMailServer when its IP ranges do not let this client send to this (external) address:
      // "Delivery is not allowed to this address." (hMailServer's documentation, "Error
      // messages", hmailserver.com/documentation/v4.4/?page=reference_error_messages).
      String.raw`\bdelivery is not allowed to this address\b`,
    ],
    quote: '554 5.7.1 <kijitora@example.org>: Relay access denied',
  },
  // qmail-smtpd for a domain outside control/rcpthosts (qmail-smtpd.c): it does not relay.
  {
    id: 'norelaying/rcpthosts',
    reason: 'norelaying',
    // Not the patched qmail-smtpd that also looks the user up ("that domain or user isn't in
    // my list of allowed rcpthosts", userunknown.ts).
    phrases: [String.raw`(?<!domain or user )(?:isn't|is not) in my list of allowed rcpthosts`],
    quote: "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
  },
];
