// How servers word the reason `rejected` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const REJECTED_RULES: readonly ReasonRule[] = [
  // Postfix smtpd's reject_rhsbl_sender: the envelope sender's domain on a domain list
  // ("Service unavailable; Sender address [<address>] blocked using <zone>", $rbl_class
  // "Sender address", src/smtpd/smtpd_check.c), whatever the zone's name says ("multi.surbl.org",
  // "spam.dnsbl.sorbs.net"): the sender, not the client host, the message or the recipient.
  {
    id: 'rejected/postfix-rhsbl-sender',
    reason: 'rejected',
    phrases: [String.raw`\bservice unavailable; sender address \[[^\]]{1,300}\] blocked using\b`],
    hints: ['sender address ['],
    traits: ['sender'],
    quote: '554 5.7.1 Service unavailable; Sender address [sender@example.com] blocked using multi.surbl.org',
  },
  // Servers that refuse bounces they did not cause (backscatter): a null sender refused, a
  // bounce to an address whose BATV tag (Bounce Address Tag Validation) is missing or
  // wrong ("BATV failed to verify", "Recipient not accepted. (BATV: no tag)"), "no
  // third-party DSNs", "returned mail not accepted here". The envelope sender is what was
  // refused; nothing is said of the recipient.
  {
    id: 'rejected/backscatter',
    reason: 'rejected',
    phrases: [
      String.raw`null sender is not allowed`,
      String.raw`returned mail not accepted here`,
      String.raw`no third-party dsns`,
      String.raw`unsigned dsn for`,
      String.raw`\bbatv(?: failed to verify| validation failure|: no tag| defense)`,
      String.raw`backscatter protection detected`,
    ],
    traits: ['sender'],
    quote: '553 5.7.1 Recipient not accepted. (BATV: no tag)',
  },
  {
    id: 'rejected/sender',
    reason: 'rejected',
    phrases: [
      String.raw`sender (?:address |domain )?(?:rejected|refused|denied|not allowed|blocked|is blacklisted|verify failed|verification failed|address (?:is )?invalid)`,
      String.raw`(?:invalid|bad|unknown|unverified|unauthori[sz]ed|unregistered) sender`,
      String.raw`sender (?:domain )?(?:must (?:exist|resolve)|does not exist|not (?:found|resolvable))`,
      String.raw`domain of sender address .* does not exist`,
      String.raw`mail from (?:address )?(?:rejected|refused|not accepted)`,
      String.raw`address (?:not|does not) (?:verified|exist) (?:for|as a) sender`,
      String.raw`envelope sender`,
      // qmail-remote's "Connected to <host> but sender was rejected." (qmail-remote.c) and
      // other servers' sender refusals: "sender email address rejected", "unroutable sender
      // address", "sender not pre-approved", "MAIL FROM not owned by user", the French
      // "emetteur invalide" (invalid sender).
      String.raw`\bsender was rejected`,
      String.raw`sender e-?mail address rejected`,
      String.raw`unroutable sender address`,
      String.raw`sender not pre-approved`,
      String.raw`mail from not owned by user`,
      String.raw`[ée]metteur invalide`,
      // RFC 7505's X.7.27: the sender's domain publishes a null MX (no reply could come back).
      String.raw`sender (?:address|domain) has (?:a )?null mx`,
      String.raw`from address (?:is )?(?:rejected|invalid|blacklisted)`,
      String.raw`rejected your message because the sender`,
      String.raw`we do not accept mail from`,
      String.raw`purported responsible address`,
      String.raw`\bfrom:? (?:domain|address) (?:is )?(?:invalid|not valid)`,
      // The domain of the From: header does not exist: the sender's, not the recipient's.
      String.raw`\bfrom:? domain \S+ (?:does not exist|not found)`,
      String.raw`domain not found in (?:the )?(?:header )?from`,
      String.raw`(?:unknown|invalid|non-?existent) domain in (?:the )?(?:from|sender|envelope|return-path)\b`,
      // STRATO's "550 Forbidden domain 'xxx' in Envelope-From (B-EFROM-STRATO)": a domain the
      // provider owns used as the envelope sender by someone not allowed to (STRATO's help page
      // "Why are my emails not being delivered?", strato-hosting.co.uk/faq). The sender's address.
      String.raw`\bforbidden domain '[^'\s]{1,255}' in envelope-from\b`,
      String.raw`(?:domain of the )?from:? header (?:domain )?(?:has no mx|does not exist|not found|is unknown)`,
      // Postfix smtpd's reject_rhsbl_sender ("Sender address [%s] blocked using %s") and
      // reject_multi_recipient_bounce ("Multi-recipient bounce": a null sender with several
      // recipients) (src/smtpd/smtpd_check.c): the sender, not the client host or the address.
      String.raw`sender address \[[^\]]{1,300}\] blocked using`,
      String.raw`multi-recipient bounce`,
      // The sender's address is malformed (X.1.7): Postfix smtpd's "501 5.1.7 Bad sender
      // address syntax" (src/smtpd/smtpd.c), OpenSMTPD's "553 Sender address syntax error"
      // (usr.sbin/smtpd/smtp_session.c).
      String.raw`bad sender address syntax`,
      String.raw`sender address syntax error`,
      // Zimbra's LMTP store ("501 5.5.4 Syntax error in sender address", LmtpReply.java).
      String.raw`syntax error in sender address`,
      // Exchange's send-as check of the sender ("550 5.7.1 Client does not have permission to
      // send as this sender", "Anonymous client does not have permission to send as this
      // sender": learn.microsoft.com, Exchange Server API, SmtpResponse.SendAsDenied and
      // AnonymousSendAsDenied): the sender's identity, not the recipient.
      String.raw`(?:does not|doesn't) have permissions? to send as this sender`,
      String.raw`\b5\.1\.7 syntax error in mailbox address`,
      // Courier's check of the sender's domain at MAIL FROM (courier/submit.C): its MX is on
      // the bad-MX list ("517 Mail server at <ip> is blocked."). 517 is Courier's 5.1.7.
      String.raw`\b517 mail server at \S+ is blocked`,
      // chkuser, the qmail-smtpd patch (chkuser_settings.h: CHKUSER_SENDERMX_STRING "can't find
      // a valid MX for sender domain", CHKUSER_SENDERFORMAT_STRING "sender address has invalid
      // format"): the sender's address, whatever code (5.1.1 in old releases) it is sent with.
      String.raw`(?:can't|cannot) find a valid mx for sender domain`,
      String.raw`sender address has invalid format`,
      // spamdyke, the qmail filter (spamdyke/spamdyke.h: ERROR_SENDER_BLACKLISTED,
      // ERROR_SENDER_NO_MX, ERROR_IDENTICAL_FROM_TO), sent at RCPT TO.
      String.raw`your sender address has been blacklisted`,
      String.raw`domain of your sender address has no mail exchanger`,
      String.raw`identical sender and recipient addresses are not allowed`,
      // A recipient gateway's refusal listed among the common external errors by Broadcom
      // (knowledge.broadcom.com, Email Security.cloud article 169925): "551 Sender is on domain's
      // blacklist".
      String.raw`sender is on (?:the )?(?:domain'?s |recipient'?s )?black ?list`,
      // IndiMail's qmail-local for an address that takes mail only from its own domains
      // (indimail-mta qmail-local.c: "This email address doesn't accept mails from remote
      // domains. (#5.2.1)"): the sender's domain is refused, the mailbox is not disabled.
      String.raw`doesn't accept mails from remote domains`,
    ],
    traits: ['sender'],
    quote: '550 5.1.8 <neko@example.org>... Domain of sender address neko@example.org does not exist',
  },
  // A mailing list manager's or a help desk's refusal of the message a person sent it: the
  // list or the desk takes no message from this sender (not a member, not allowed, banned,
  // refused by its moderator, no right to open a ticket). A refusal of the message, soft: the
  // list's or the desk's address works (detection.ts APPLICATION_REFUSAL_PHRASES tells the
  // notice; tests/core/list-and-helpdesk-notices.test.ts). Each product's own words:
  {
    id: 'rejected/list-and-helpdesk-refusal',
    reason: 'rejected',
    phrases: [
      // GNU Mailman 2.1, Mailman/Handlers/Moderate.py do_reject (its older text): "Your message
      // has been rejected, probably because you are not subscribed to the mailing list and the
      // list's policy is to prohibit non-members from posting to it."; Hold.py's rejection
      // notices a moderator sends with templates/en/refuse.txt ("has been rejected by the list
      // moderator"): "You are forbidden from posting messages to this list.", "Non-members are
      // not allowed to post messages to this list.", "This list is restricted; your message was
      // not approved.", "Your message was deemed inappropriate by the moderator."
      String.raw`prohibit non-members from posting`,
      String.raw`forbidden from posting messages to this list`,
      String.raw`this list is restricted; your message was not approved`,
      String.raw`deemed inappropriate by the moderator`,
      String.raw`has been rejected by the list moderator`,
      // GNU Mailman 3, the reasons its rules record (src/mailman/rules/moderation.py
      // "The message is not from a list member", "The sender is in the nonmember {} list",
      // banned_address.py "Message sender {} is banned from this list").
      String.raw`the message is not from a list member`,
      String.raw`the sender is in the nonmember \w{1,10} list`,
      String.raw`message sender \S{1,254} is banned from this list`,
      // mlmmj (listtexts en/deny-post): "... was unable to be delivered to the list because you
      // are not a list subscriber.", "because of an access rule set up by the list
      // administrator.", "because a moderator rejected it."
      String.raw`because you are not a list subscriber`,
      String.raw`because of an access rule set up by the list administrator`,
      String.raw`because a moderator rejected it`,
      // ezmlm-idx (lang/en_US/messages TXT_ONLY_SUBSCRIBERS, TXT_REJECT_POSTS, written by
      // ezmlm-checksub for qmail to return; text/mod-reject, text/mod-timeout): "Sorry, only
      // subscribers may post.", "Sorry, I've been told to reject your posts.", "your message
      // (enclosed) was not accepted by the moderator", "the list moderators for the <#L#> list
      // have failed to act on your post".
      String.raw`only subscribers may post`,
      String.raw`i've been told to reject your posts`,
      String.raw`was not accepted by the moderator`,
      String.raw`have failed to act on your post`,
      // Sympa (src/lib/Sympa.pm diagnostic for 5.7.1, "You are not allowed to send this
      // message"; default/mail_tt2/report.tt2, send_subscriber: "Message distribution in the
      // list is restricted to list subscribers."; reject.tt2: "Your message for list %1@%2 has
      // been rejected by the moderator").
      String.raw`you are not allowed to send this message\b(?! to\b)`,
      String.raw`message distribution (?:in|for) (?:the|this) list is restricted to`,
      String.raw`your message for list <@> has been rejected by the moderator`,
      // Discourse (config/locales/server.en.yml, email_reject_*): "We're sorry, but your email
      // message to %{destination} (titled %{former_title}) didn't work." and its causes ("Your
      // account does not have the required trust level ...", "Your reply was sent from a
      // blocked email address.").
      String.raw`we're sorry, but your email message to .{1,300}? didn't work\.`,
      // Request Tracker (lib/RT/Interface/Email.pm: "You do not have permission to communicate
      // with RT"; lib/RT/Ticket.pm: "No permission to create tickets in the queue '%1'"; the
      // gateway's "Could not find a ticket with id %1").
      String.raw`you do not have permission to communicate with rt\b`,
      String.raw`no permission to create tickets in the queue`,
      String.raw`could not find a ticket with id \d`,
      // OTRS, Znuny and OTOBO's "default reject" auto response: "-- Your follow-up has been
      // rejected. --"; osTicket's overlimit notice (ticket.overlimit.yaml): "You have reached
      // the maximum number of open tickets allowed."
      String.raw`your follow-up has been rejected`,
      String.raw`you have reached the maximum number of open tickets allowed`,
    ],
    hints: [
      'non-members',
      'forbidden from posting',
      'list is restricted',
      'inappropriate by the moderator',
      'list moderator',
      'list member',
      'nonmember',
      'banned from this list',
      'list subscriber',
      'access rule',
      'moderator rejected',
      'subscribers may post',
      'reject your posts',
      'accepted by the moderator',
      'failed to act',
      'not allowed to send this message',
      'message distribution',
      'rejected by the moderator',
      "didn't work",
      'communicate with rt',
      'create tickets',
      'find a ticket',
      'follow-up has been rejected',
      'open tickets',
    ],
    quote:
      "Your message has been rejected, probably because you are not subscribed to the mailing list and the list's policy is to prohibit non-members from posting to it.",
  },
  {
    id: 'rejected/list-posting',
    reason: 'rejected',
    phrases: [
      String.raw`permission to post`,
      String.raw`google groups`,
      String.raw`not (?:allowed|permitted) to post`,
      // Google Groups and list servers to a sender who is not a member.
      String.raw`not subscribed to this group`,
      String.raw`投稿する権限`,
    ],
    quote: 'The group you tried to contact may not exist, or you may not have permission to post messages to the group',
  },
  {
    id: 'rejected/refused',
    reason: 'rejected',
    phrases: [
      String.raw`message (?:was )?(?:rejected|refused|denied)`,
      String.raw`(?:rejected|refused) (?:your|the) message`,
      String.raw`access denied`,
      // Exim's text for an ACL "deny" or a local_scan() rejection that gave no message of its
      // own (src/src/smtp_in.c, smtp_handle_acl_fail(); src/src/receive.c): at any command,
      // it says only that the site refused.
      String.raw`administrative prohibition`,
    ],
    traits: ['weak'],
    quote: '554 5.7.1 Message rejected',
  },
  // Sendmail's check_mail ruleset (cf/m4/proto.m4) on a sender address without a domain or
  // with a local-only one: the sender is refused whatever the 5.5.4 code says.
  {
    id: 'rejected/sendmail-sender-domain',
    reason: 'rejected',
    phrases: [String.raw`(?:real )?domain name required for sender address`],
    traits: ['sender'],
    quote: '553 5.5.4 <sender@localhost>... Real domain name required for sender address',
  },
  // MailCleaner's Exim ACLs on the envelope sender, said at RCPT TO with "domain does not
  // accept" words that are never the recipient's domain refusing all mail
  // (github:MailCleaner/MailCleaner etc/exim/exim_stage1.conf_template, acl_check_rcpt): a
  // sender claiming the recipient's own domain ("This domain does not accept mail from itself
  // (spoofing)"), a sender with capitals ("This domain does not accept sender addresses using
  // capital letters"), and BATV's refusal of a bounce (null sender) to an address it never
  // signed ("This domain does not accept unsigned bounces.", "Invalid reverse path
  // signature."). Before notaccept/null-mx: the recipient's address is not dead.
  {
    id: 'rejected/mailcleaner-sender',
    reason: 'rejected',
    phrases: [
      String.raw`\bdoes not accept mail from itself\b`,
      String.raw`\bdoes not accept sender addresses using capital letters\b`,
      String.raw`\bdoes not accept unsigned bounces\b`,
      String.raw`\binvalid reverse path signature\b`,
    ],
    hints: ['does not accept', 'reverse path signature'],
    traits: ['sender'],
    quote: '550 This domain does not accept mail from itself (spoofing)',
  },
  // rspamd's mx_check module refusing mail whose sender's domain (the envelope sender's, the
  // From: header's or the Reply-To's) publishes RFC 7505's null MX: "Domain published RFC 7505
  // Null MX" (github:rspamd/rspamd src/plugins/lua/mx_check.lua, reject_null_mx_message; its
  // domains from task:get_from('smtp'), get_from('mime') and Reply-To), sent through the milter
  // as "554 5.7.1" after the message. No reply could reach that sender (RFC 7505 section 4.2,
  // X.7.27): the sender is refused, the recipient's domain takes mail. Before notaccept/null-mx.
  {
    id: 'rejected/rspamd-sender-null-mx',
    reason: 'rejected',
    phrases: [String.raw`\bdomain published rfc ?7505 null mx\b`],
    hints: ['null mx'],
    traits: ['sender'],
    quote: '554 5.7.1 Domain published RFC 7505 Null MX',
  },
  // The envelope sender on the server's or the recipient's block list, said at RCPT TO, some
  // with a 5.1.1 ("550 5.1.1 <sender@example.com> sender is blocklisted", a qmail host's help
  // page, support.forpsi.com/kb/a3302; smtpf's "550 5.7.1 sender <sender@example.com> black
  // listed #127", snertsoft.com/smtp/smtpf/reply.html; MailCleaner's Exim ACL, "550
  // blacklisted sender: sender@example.com", github:MailCleaner/MailCleaner
  // etc/exim/exim_stage1.conf_template, acl_check_rcpt). The sender, not the recipient and not
  // the sending host; before the block-list wordings of blocked.ts.
  {
    id: 'rejected/sender-blocklisted',
    reason: 'rejected',
    phrases: [String.raw`\bsender (?:<@> )?(?:is )?(?:black|block)[ -]?listed\b`, String.raw`\b(?:black|block)[ -]?listed sender: <@>`],
    hints: ['sender'],
    traits: ['sender'],
    quote: '550 5.1.1 <sender@example.com> sender is blocklisted',
  },
];
