// How servers word the reason `systemerror` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SYSTEMERROR_RULES: readonly ReasonRule[] = [
  // A DNS block list that answered the receiving server's query with an error code instead of a
  // listing, passed on as if it were one: the receiver queried the list through a public or
  // open resolver, or over the list's free volume, and rejects everything it looks up. The
  // sender is not listed; the receiving side must fix its DNS setup (a mail admin should see
  // the receiver's fault, never the sender's reputation, never a dead address).
  // Spamhaus answers 127.255.255.254 "Query via public/open resolver" and 127.255.255.255
  // "Excessive number of queries" (spamhaus.org/news/article/788, "Spamhaus DNSBL return
  // codes: technical update"; spamhaus.org/returnc/vol/: "must not be used to reject email"),
  // with the TXT record "Error: open resolver; https://www.spamhaus.org/returnc/pub/<resolver
  // ip>" that Postfix's default_rbl_reply appends ("554 5.7.1 Service unavailable; Client host
  // [<ip>] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/
  // returnc/pub/<ip>/", quoted by github:simple-login/app docs/spamhaus-dqs.md and admins'
  // logs). URIBL answers a refused query with 127.0.0.1 and the TXT "127.0.0.1 -> Query
  // Refused. See https://uribl.com/refused.shtml for more information [Your DNS IP: <ip>]"
  // (uribl.com/refused.shtml: "If an email you sent bounced, and included a link to this page,
  // then it was rejected because the receiver has not implemented URIBL lookups correctly").
  // Tried before every other rule: the provider's wrapper around it ("Remote server returned
  // message detected as spam -> 554 5.7.1 ... Error: open resolver") says no more than this.
  {
    id: 'systemerror/dnsbl-query-refused',
    reason: 'systemerror',
    phrases: [
      String.raw`\berror: open resolver\b`,
      String.raw`\bquery via public/open resolver\b`,
      String.raw`\berror: excessive number of queries\b`,
      String.raw`\bspamhaus\.org/returnc/`,
      String.raw`\bquery refused\. see https?://(?:www\.)?uribl\.com/refused\b`,
      String.raw`\buribl\.com/refused\.shtml\b`,
    ],
    hints: ['resolver', 'excessive number of queries', 'returnc/', 'refused'],
    traits: ['receiver'],
    quote:
      '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/203.0.113.53',
  },
  // The recipient's directory holds the address, but its entry is broken: Domino's router when
  // a name matches several people ("Several matches found in Domino Directory"), Exchange's
  // resolver on an ambiguous or misconfigured recipient object ("550 5.1.4
  // RESOLVER.ADR.Ambiguous; ambiguous address", "550 5.2.0 RESOLVER.ADR.BadPrimary; recipient
  // primary SMTP address is missing"; Exchange's NDR code list on learn.microsoft.com). Also
  // Courier's esmtp client when the domain's DNS answer breaks RFC 1035 ("This domain's DNS
  // violates RFC 1035."). The receiving side must fix its records; the address is not dead.
  {
    id: 'systemerror/recipient-directory-entry',
    reason: 'systemerror',
    phrases: [
      String.raw`several matches found in (?:the )?domino directory`,
      String.raw`resolver\.adr\.(?:ambiguous|badprimary)`,
      String.raw`domain's dns violates rfc ?1035`,
    ],
    quote: '550 5.1.4 RESOLVER.ADR.Ambiguous; ambiguous address',
  },
  // The recipient domain's best MX host is the sending host itself: the domain's DNS or the
  // receiving side's configuration is wrong, no network failed. Postfix's smtp client
  // (src/smtp/smtp_addr.c, 5.4.6: "mail for %s loops back to myself"), Exim's self = fail
  // (src/src/routers/rf_self_action.c: "remote host address is the local host", "lowest
  // numbered MX record points to local host"), as Sendmail says the same with its own 5.3.5
  // "System incorrectly configured" (domain.c: "MX list for %s points back to %s", "config
  // error: mail loops back to me (MX problem?)"). The reference files Postfix's words under
  // `systemerror` too (libsisimai.org: "a system error on the remote host such as mailer loop").
  {
    id: 'systemerror/mx-points-to-self',
    reason: 'systemerror',
    phrases: [
      String.raw`loops? back to myself`,
      String.raw`remote host address is the local host`,
      String.raw`lowest numbered mx record points to local host`,
      // qmail-remote's perm_ambigmx (qmail 1.03 .. notqmail 1.09 qmail-remote.c, #5.4.6): the
      // best MX for the domain is this host, but the domain is not in its control/locals.
      String.raw`i'm listed as a best-preference mx or a for that host`,
    ],
    quote: 'mail for example.net loops back to myself',
  },
  // Postfix smtpd when one of its own tables (an access map, a virtual or relay recipient
  // table in LDAP or SQL) could not be read (src/smtpd/smtpd_check.c: "451 4.3.0 <%s>:
  // Temporary lookup failure"): the server's tables, not DNS and not the address.
  {
    id: 'systemerror/postfix-table-lookup',
    reason: 'systemerror',
    phrases: [String.raw`<@>: temporary lookup failure`],
    hints: ['temporary lookup failure'],
    quote: '451 4.3.0 <user@example.net>: Temporary lookup failure',
  },
  {
    id: 'systemerror/directory',
    reason: 'systemerror',
    phrases: [
      String.raw`(?:unable to|could not|cannot) (?:contact|reach|connect to) (?:the )?(?:ldap|directory) server`,
      String.raw`directory (?:server|service) (?:failure|error|unavailable)`,
      // Yahoo's "452 temporary domain failure <x>" (its SMTP error list, as smtp.codes/yahoo
      // quotes it): the receiving system could not look the domain up in its own data for
      // now; a 452 that says nothing of the mailbox's storage.
      String.raw`\btemporary domain failure\b`,
    ],
    quote: "Unable to contact LDAP server. (#4.4.3) I'm not going to try again",
  },
  // The recipient's own delivery set-up on the receiving host is broken: Exim's redirect
  // router on a bad .forward or alias file ("syntax error in redirection data", "error in
  // redirect data: ..."), its appendfile transport that cannot lock the mailbox (src/src/
  // routers/redirect.c, src/src/transports/appendfile.c). Not an SMTP syntax error.
  {
    id: 'systemerror/local-delivery-setup',
    reason: 'systemerror',
    phrases: [
      String.raw`(?:syntax )?error in redirect(?:ion)? data`,
      String.raw`failed to lock mailbox`,
      // Sendmail's alias.c on an alias file line it cannot read ("554 5.3.0 alias line too
      // long"): the site's aliases, not the message's lines.
      String.raw`\balias line too long`,
      // Sendmail's alias.c (alias(): "alias database unavailable", the recipient queued while
      // the aliases map cannot be read) and Postfix's local(8) (src/local/alias.c: dsb_simple
      // "4.3.0", "alias database unavailable").
      String.raw`\balias database unavailable\b`,
      // Postfix's local delivery agent (src/local/mailbox.c, local.c, resolve.c): the mailbox
      // or home directory cannot be written ("cannot update mailbox %s for user %s. unable to
      // create lock file ...", "cannot access home directory %s: ..."; a full quota is
      // matched earlier, by mailboxfull.ts), its tables or resolver failed ("user lookup
      // error", "table lookup failure", "address resolver failure").
      String.raw`cannot update mailbox \S+ for user`,
      String.raw`cannot access home directory`,
      String.raw`^(?:user lookup error|table lookup failure|address resolver failure)$`,
      // Its delivery refused by its own settings (src/local/file.c: "file is executable", "mail
      // to file is restricted" under allow_mail_to_files; src/local/token.c: "mail to command is
      // restricted" under allow_mail_to_commands).
      String.raw`^(?:file is executable|mail to (?:file|command) is restricted)$`,
      // The mailbox store itself (Postfix 3.7 src/local/mailbox.c, src/virtual/mailbox.c:
      // "destination %s is not a regular file", "destination %s is not owned by recipient";
      // src/local/maildir.c, src/virtual/maildir.c: "maildir delivery failed: create maildir
      // file %s: %m"; a full quota there is matched earlier by mailboxfull.ts, a full disk by
      // systemfull/no-space-left), its aliases and .forward files (src/local/alias.c: "alias
      // database unavailable", read above, "cannot find alias database owner"; src/local/token.c: "error
      // reading forwarding file: %m").
      String.raw`\bdestination \S+ is not (?:a regular file|owned by recipient)`,
      String.raw`\bmaildir delivery failed: create maildir file\b`,
      String.raw`^cannot find alias database owner$`,
      String.raw`^error reading forwarding file: `,
      // qmail-local (qmail 1.03 .. notqmail 1.09 qmail-local.c) when the recipient's home, .qmail
      // file or maildir is not fit to deliver to, each a temporary "(#4.2.1)" or "(#4.7.0)" it
      // retries until the queue lifetime ends: "Unable to chdir to maildir.", "Home directory is
      // sticky: user is editing his .qmail file.", "Uh-oh: first line of .qmail file is blank.",
      // "Uh-oh: home directory is writable.", "Uh-oh: .qmail file is writable.", "Uh-oh: .qmail
      // has file delivery but has x bit set." (and "prog delivery"). Not a disabled mailbox.
      String.raw`\bunable to chdir to maildir\b`,
      String.raw`\bhome directory is sticky: user is editing his \.qmail file\b`,
      String.raw`\buh-oh: (?:first line of \.qmail file is blank|home directory is writable|\.qmail file is writable|\.qmail has (?:file|prog) delivery but has x bit set)\b`,
      // Postfix's queue manager when a delivery agent crashed or cannot be reached, or its
      // transport is held by defer_transports (Postfix 3.7 src/qmgr/qmgr_deliver.c,
      // src/global/deliver_pass.c: "unknown mail transport error", "mail transport
      // unavailable"; src/qmgr/qmgr_message.c: "4.3.2 deferred transport"), written alone or
      // after "delivery temporarily suspended: ".
      String.raw`^(?:delivery temporarily suspended: )?(?:unknown mail transport error|mail transport unavailable|deferred transport)$`,
      // vpopmail's vdelivermail (vdelivermail.c) when it cannot make the user's Maildir: "Auto
      // creation of maildir failed. vpopmail (#5.9.8)".
      String.raw`\bauto (?:re-)?creation of maildir failed\b`,
      // qmail's spawners when the delivery program itself could not run (qmail-rspawn.c,
      // qmail-lspawn.c: "Unable to run qmail-remote.", "Unable to run qmail-local.", "Unable to
      // run qmail-getpw."), and qmail-ldap's cluster hand-over to the mailbox's own host
      // (qmail-lspawn.c: "Permanent error while executing qmail-forward. (#5.4.4)"): the
      // receiving site's machinery, not the address (its 5.4.4 names no missing domain).
      String.raw`^(?:<@>: )?unable to run qmail-(?:remote|local|getpw)\.`,
      String.raw`\b(?:permanent|temporary) error while executing qmail-forward\b`,
      // The sending Postfix's own set-up, not the remote host (src/smtp/smtp_connect.c: "all
      // network protocols are disabled" by inet_protocols, "network address conversion
      // failed: %m"; src/smtp/smtp_proto.c, smtp_tls_policy.c: "client TLS configuration
      // problem").
      String.raw`^all network protocols are disabled$`,
      String.raw`^network address conversion failed: `,
      String.raw`^client tls configuration problem$`,
      // Dovecot's LDA and LMTP (src/lib-storage/mail-error.h): a mailbox lock it waited for in
      // vain, and a folder a Sieve script files into that does not exist ("Mailbox doesn't
      // exist: Junk"): a folder, not the address.
      String.raw`timeout while waiting for lock`,
      String.raw`mailbox doesn't exist: (?!<@>)[^\s<]`,
    ],
    quote: 'syntax error in redirection data',
  },
  {
    id: 'systemerror/server-error',
    reason: 'systemerror',
    phrases: [
      String.raw`system (?:error|problem|failure|not available)`,
      // Sendmail's alias expansion that went round (alias.c: "aliasing/forwarding loop broken
      // (%d aliases deep; %d max)"): the receiving side's aliases, not the address.
      String.raw`aliasing/forwarding loop broken`,
      // Exchange's store with no mailbox database mounted for the recipient ("Recipient
      // deferred because there is no Mdb"); a system call cut short ("Interrupted system call").
      String.raw`recipient deferred because there is no mdb`,
      String.raw`interrupted system call`,
      // chkuser (chkuser_settings.h, CHKUSER_RESOURCE_STRING): "system temporary unavailable,
      // try again later".
      String.raw`system temporar(?:y|ily) unavailable`,
      String.raw`queue file write error`,
      // DragonFly Mail Agent's own queue (dma net.c: "corrupted queue file", "can not seek: %s").
      String.raw`corrupted queue file`,
      String.raw`\bcan not seek: `,
      // Courier's cdfilters.C when its mail filters do not answer ("432 Mail filters
      // temporarily unavailable.").
      String.raw`mail filters temporarily unavailable`,
      // OpenSMTPD's mta.c with no local address to send from ("Could not retrieve source
      // address"): the sending server's own set-up. Its notice writes the address before it
      // (bounce.c: "%s@%s: %s").
      String.raw`^(?:<@>: )?could not retrieve source address\b`,
      // Its smarthost and credentials tables (mta.c: "Cannot retrieve smarthost", "Cannot parse
      // smarthost", "No auth table for relaying", "Could not retrieve credentials"): its own set-up.
      String.raw`^(?:<@>: )?(?:cannot (?:retrieve|parse) smarthost|no auth table for relaying|could not retrieve credentials)\b`,
      // Courier's esmtp client that cannot read its own socket's address (courier/module.esmtp/
      // libesmtp.C: "Cannot obtain local socket IP address.", '4').
      String.raw`cannot obtain local socket ip address`,
      String.raw`internal (?:server )?error`,
      String.raw`local error`,
      String.raw`server error`,
      String.raw`temporary (?:local |server |system )(?:problem|error|failure)`,
      String.raw`i/o error`,
      String.raw`(?:configuration|config) error`,
      String.raw`misconfigur`,
      String.raw`resources? (?:temporarily )?unavailable`,
      String.raw`out of memory`,
      String.raw`unexpected error`,
      String.raw`delivery (?:system )?error`,
      String.raw`mail system (?:error|problem)`,
      String.raw`service (?:is )?(?:currently )?unavailable`,
      String.raw`requested action aborted`,
      String.raw`error in processing`,
      String.raw`transient (?:failure|error)`,
      // Dovecot's LDA and LMTP when a user's settings cannot be read
      // (src/lib-storage/mail-storage-service.c, ERRSTR_INVALID_USER_SETTINGS): the server's
      // own fault, a temporary failure; the address is not in question.
      String.raw`invalid user settings\. refer to server log`,
      // OpenSMTPD when its user or alias table cannot be read (usr.sbin/smtpd/mda.c,
      // lka_session.c): the table failed, not the address.
      String.raw`temporary failure in user lookup`,
      String.raw`error in (?:virtual )?alias lookup`,
      String.raw`backend error while searching user`,
    ],
    quote: '451 4.3.0 Internal server error',
  },
  // RFC 3463's descriptions as servers print them beside or instead of the code (OpenSMTPD's usr.sbin/smtpd/esc.c, Zimbra's LmtpReply.java): X.3.3 and X.3.5, the receiving system's own trouble.
  {
    id: 'systemerror/rfc3463-system',
    reason: 'systemerror',
    phrases: [String.raw`system not capable of selected features`, String.raw`system incorrectly configured`],
    quote: '554 5.3.5 System incorrectly configured',
  },
];
