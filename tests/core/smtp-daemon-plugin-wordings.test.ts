// The replies SMTP daemons' plugins and mail-server bundles' own configurations write, as they
// reach a sender inside another MTA's notice: Postfix's (its bounce(8) templates, the remote
// reply in "host ... said: <reply> (in reply to <command>)", or "refused to talk to me: <reply>"
// for a refusal of the greeting, smtp_proto.c; a 4xx reply in its delay notice, the message
// still queued) or Exim's ("SMTP error from remote mail server after RCPT TO:<...>:",
// deliver.c). Each case asserts what a user sees: the kind, the failed address, the reason
// (Sisimai's names), hard or soft, the status and the reply code. A server's own words only;
// none comes from a bounce collection, every address and host is made up. Sources read:
//   qpsmtpd (github:smtpd/qpsmtpd, df5b04d, 2025-01): lib/Qpsmtpd/SMTP.pm (the reply codes:
//     550/450 to MAIL and RCPT, 552/452 after the message whatever the cause, the default
//     texts "relaying denied", "Connection from you denied, bye bye."), lib/Qpsmtpd/DSN.pm (a
//     DSN helper's text ends in "(#5.1.1)"), lib/Qpsmtpd/Plugin.pm (get_reject; a plugin set
//     to "reject naughty" has its text given by plugins/naughty at RCPT TO, after "(<plugin>) "),
//     plugins/dnsbl, badmailfrom, badrcptto, qmail_deliverable, rcpt_ok, resolvable_fromhost,
//     sender_permitted_from, dkim, dmarc, headers, greylisting, helo, hosts_allow, karma,
//     loadcheck, loop, spamassassin, virus/clamdscan, dspam, earlytalker.
//   Dovecot's quota-status service (dovecot/core src/plugins/quota/quota-status.c: the
//     overquota default "554 5.2.2 %s", "REJECT Unknown user" for no such user, DEFER_IF_PERMIT
//     with the error; quota.c quota_alloc_result_errstr: "Quota exceeded (mailbox for user is
//     full)", "Mail size is larger than the maximum size allowed by server configuration", "Too
//     many messages in the mailbox", "Internal quota calculation error", "Blocked by an ongoing
//     background quota calculation"); "552 5.2.2 Mailbox is full", the quota_status_overquota
//     Dovecot's documentation and most set-ups write. Postfix puts a policy service's text after
//     "<address>: Recipient address rejected:" (smtpd_check.c; a bare REJECT is 554 5.7.1).
//   mailcow (github:mailcow/mailcow-dockerized, 0642467): data/conf/rspamd/override.d/
//     worker-proxy.inc (reject_message), local.d/greylist.conf (message).
//   Modoboa (github:modoboa/modoboa, 9ec7497): modoboa/policyd/core.py (FAILURE_ACTION
//     "defer_if_permit Daily limit reached, retry later").
//   ISPConfig 3 (github:cyberkathosting/ispconfig3, 47fb178, a mirror of ISPConfig's own
//     repository): install/tpl/blacklist_helo.master (Postfix's check_helo_access: "REJECT HELO
//     hostname is using a top level domain that does not exist.  See RFC 2821 section 3.6."),
//     install/tpl/debian_dovecot2.conf.master (quota_status_overquota "552 5.2.2 Mailbox is full").
//   Mail-in-a-Box (github:mail-in-a-box/mailinabox, b162b96): setup/mail-postfix.sh (postgrey, then
//     Dovecot's quota-status, in smtpd_recipient_restrictions; postgrey's default greylist text
//     "Greylisted, see http://postgrey.schweikert.ch/help/%r.html"), setup/mail-dovecot.sh
//     (quota_status_overquota = "522 5.2.2 Mailbox is full": a 522 reply code).
//   OpenSMTPD filters (github:poolpOrg/filter-senderscore e90a249, filter-rspamd c2cf7aa,
//     filter-spfgreylist 8767f58, filter-checksenderdomain 8a766ff): "550 your IP reputation is
//     too low for this MX" (at the connection by default), "421 server internal error" (rspamd's
//     tempfail with no message), "451 greylisted, try again later" (at RCPT TO), "550 unknown
//     sender domain" (at MAIL FROM).
//   More OpenSMTPD filters: filter-dnsbl (github:catap/opensmtpd-filter-dnsbl, 96a4eae, main.c:
//     "%s listed at %s", "DNS error on %s", at the connection; libopensmtpd's
//     osmtpd_filter_disconnect writes "421 " before them), filter-clamav (github:mocheryl/
//     opensmtpd-filter-clamav, b040137: "554 5.7.1 Virus found", "451 4.7.1 Virus filter
//     failed"), filter-qdgrey (github:Al2Klimov/opensmtpd-filter-qdgrey, ddba8a9: "450 Greylisted").
//   courier-pythonfilter (github:gordonmessmer/courier-pythonfilter, c9c3f12): filters/pythonfilter/
//     clamav.py ("554 Virus found - Signature is %s"), spamassassin.py ("554 Mail rejected - spam
//     detected: "), attachments.py ("554 The extension of the attached file is blacklisted"),
//     comeagain.py (its greylisting: "421 Please send the message again to prove you are not
//     spamware or virusware."), quota.py ('421 User "%s" is over quota'), dialback.py ("421 DNS
//     failure resolving %s", the sender's domain); Courier sends the filter's reply after the message.
//   Exim's default configuration (src/src/configure.default): "relay not permitted",
//     "Restricted characters in address", and the commented DNS list ACL's "rejected because
//     $sender_host_address is in a black list at $dnslist_domain\n$dnslist_text".
import { describe } from 'vitest';
import { eximBounce } from './plain-bounces.ts';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';
import { oneRecipientCases, type OneRecipientRow, type VerdictCase, verdictCases } from './recipient-verdicts.ts';

const RECIPIENT = 'user@example.net';
const AFTER_RCPT = `RCPT TO:<${RECIPIENT}>`;

/** Postfix's failure notice about a reply to `command` ("RCPT TO command", "end of DATA command"). */
const failed = (status: string, reply: string, command: string) =>
  postfixNotice('failed', [postfixRemote(RECIPIENT, status, reply, command)]);
/** Postfix's delay notice about a temporary reply, the message still queued. */
const delayed = (status: string, reply: string, command: string) =>
  postfixNotice('delayed', [postfixRemote(RECIPIENT, status, reply, command)]);
/** Postfix's notice about a server that refused the session at its greeting (smtp_proto.c). */
const refusedGreeting = (action: 'failed' | 'delayed', status: string, reply: string) =>
  postfixNotice(action, [
    {
      address: RECIPIENT,
      status,
      reason: `host mx.example.net[192.0.2.1] refused to talk to me: ${reply}`,
      diagnostic: `smtp; ${reply}`,
      remoteMta: 'mx.example.net',
    },
  ]);
/** Exim's failure notice about a reply after `after`; a multi-line reply keeps its lines. */
const exim = (after: string, ...reply: string[]) =>
  eximBounce(['host mx.example.net [192.0.2.1]', `SMTP error from remote mail server after ${after}:`, ...reply]);

const rows = (list: readonly OneRecipientRow[]): VerdictCase[] => oneRecipientCases(RECIPIENT, list);

describe("qpsmtpd's plugins refusing the sending host", () => {
  verdictCases(
    rows([
      [
        // plugins/dnsbl: "Blocked by $dnsbl" when the zone gives no text of its own.
        "dnsbl's 'Blocked by zen.spamhaus.org' at RCPT TO blocks the sending host",
        () => failed('5.0.0', '550 Blocked by zen.spamhaus.org', 'RCPT TO command'),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "dnsbl's text given by naughty, '(dnsbl) Blocked by ...', in Exim's notice is the same block",
        () => exim(AFTER_RCPT, '550 (dnsbl) Blocked by zen.spamhaus.org'),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        // plugins/helo: its bad-HELO list.
        "helo's 'Your HELO hostname is not allowed' refuses the sending host, not the recipient",
        () => failed('5.0.0', '550 (helo) Your HELO hostname is not allowed', 'RCPT TO command'),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "helo's 'Forged IPs not accepted here' (an IP literal not the client's) refuses the sending host",
        () => failed('5.0.0', '550 (helo) Forged IPs not accepted here', 'RCPT TO command'),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "helo's 'That HELO hostname fails FCrDNS' refuses the sending host's name",
        () => failed('5.0.0', '550 (helo) That HELO hostname fails FCrDNS', 'RCPT TO command'),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "helo's 'Plain IP is invalid HELO hostname (RFC 2821)' refuses the sending host",
        () => failed('5.0.0', '550 (helo) Plain IP is invalid HELO hostname (RFC 2821)', 'RCPT TO command'),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        // plugins/earlytalker, checked at DATA: data_respond's 554.
        "earlytalker's 'Connecting host started transmitting before SMTP greeting' at DATA refuses the sending host",
        () => failed('5.0.0', '554 Connecting host started transmitting before SMTP greeting', 'DATA command'),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '554',
      ],
      [
        // plugins/karma: the penalty box.
        "karma's 'You were naughty. You cannot connect for 2 more days.' is the host's bad reputation, never an expiry",
        () => failed('5.0.0', '550 You were naughty. You cannot connect for 2 more days.', 'RCPT TO command'),
        'bounce',
        'badreputation',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "karma's 'very bad karma: -3' is the sending host's bad reputation",
        () => exim(AFTER_RCPT, '550 (karma) very bad karma: -3'),
        'bounce',
        'badreputation',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        // plugins/hosts_allow: "too many connections from $remote, try again later", DENYSOFT at connect.
        "hosts_allow's 'too many connections from' at the greeting is too many connections",
        () => refusedGreeting('delayed', '4.0.0', '450 too many connections from 192.0.2.9, try again later'),
        'delay',
        'toomanyconn',
        'none',
        '4.0.0',
        '450',
      ],
      [
        // plugins/loadcheck: DENYSOFT at connect.
        "loadcheck's 'Server load too high' at the greeting is the receiving system's trouble",
        () => refusedGreeting('delayed', '4.0.0', '450 Server load too high, please try again later.'),
        'delay',
        'systemerror',
        'none',
        '4.0.0',
        '450',
      ],
      [
        // lib/Qpsmtpd/SMTP.pm, connect_respond: the default text of a connect hook's DENY.
        "qpsmtpd's default 'Connection from you denied, bye bye.' at the greeting blocks the sending host",
        () => refusedGreeting('failed', '5.0.0', '550 Connection from you denied, bye bye.'),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
    ]),
  );
});

describe("qpsmtpd's plugins refusing the sender or the recipient", () => {
  verdictCases(
    rows([
      [
        "badmailfrom's 'Your envelope sender is in my badmailfrom list' at MAIL FROM refuses the sender",
        () => failed('5.0.0', '550 Your envelope sender is in my badmailfrom list', 'MAIL FROM command'),
        'bounce',
        'rejected',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        // plugins/badrcptto: Qpsmtpd::DSN->no_such_user("mail to $bad not accepted here").
        "badrcptto's 'not accepted here (#5.1.1)' is an address the server refuses for good, hard",
        () => failed('5.0.0', '550 mail to user@example.net not accepted here (#5.1.1)', 'RCPT TO command'),
        'bounce',
        'userunknown',
        'hard',
        '5.1.1',
        '550',
      ],
      [
        "qmail_deliverable's 'Sorry, no mailbox by that name. qd (#5.1.1)' is an unknown mailbox, hard",
        () => exim(AFTER_RCPT, '550 Sorry, no mailbox by that name. qd (#5.1.1)'),
        'bounce',
        'userunknown',
        'hard',
        '5.1.1',
        '550',
      ],
      [
        // plugins/rcpt_ok: Qpsmtpd::DSN->relaying_denied().
        "rcpt_ok's 'Relaying denied (#5.7.1)' is a relay refused, not the mailbox",
        () => failed('5.0.0', '550 Relaying denied (#5.7.1)', 'RCPT TO command'),
        'bounce',
        'norelaying',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "qpsmtpd's default 'relaying denied' (a rcpt hook's DENY without text) is a relay refused",
        () => failed('5.0.0', '550 relaying denied', 'RCPT TO command'),
        'bounce',
        'norelaying',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "resolvable_fromhost's 'FQDN required in the envelope sender (#5.1.8)' refuses the sender",
        () => failed('5.0.0', '550 FQDN required in the envelope sender (#5.1.8)', 'MAIL FROM command'),
        'bounce',
        'rejected',
        'soft',
        '5.1.8',
        '550',
      ],
      [
        "resolvable_fromhost's 'Temporary address resolution failure (#4.4.3)' refuses the sender for now",
        () => delayed('4.0.0', '450 Temporary address resolution failure (#4.4.3)', 'MAIL FROM command'),
        'delay',
        'rejected',
        'none',
        '4.4.3',
        '450',
      ],
      [
        // plugins/greylisting: $DENYMSG.
        "greylisting's 'This mail is temporarily denied' is greylisting, the message still queued",
        () => delayed('4.0.0', '450 This mail is temporarily denied', 'RCPT TO command'),
        'delay',
        'expired',
        'none',
        '4.0.0',
        '450',
      ],
    ]),
  );
});

describe("qpsmtpd's plugins refusing the message", () => {
  verdictCases(
    rows([
      [
        "sender_permitted_from's 'SPF - fail: ...' is an authentication failure of the sender",
        () =>
          failed(
            '5.0.0',
            '550 SPF - fail: Please see http://www.openspf.net/Why?s=mfrom;id=sender@example.com;ip=198.51.100.7;r=mx.example.net',
            'MAIL FROM command',
          ),
        'bounce',
        'authfailure',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        // plugins/dkim: "signature invalid: " and Mail::DKIM's result_detail.
        "dkim's 'signature invalid: fail (body has been altered)' under qpsmtpd's 552 is an authentication failure, not a size",
        () => failed('5.0.0', '552 signature invalid: fail (body has been altered)', 'end of DATA command'),
        'bounce',
        'authfailure',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "dkim's 'no DKIM signature with sign-all policy' is an authentication failure",
        () => failed('5.0.0', '552 no DKIM signature with sign-all policy', 'end of DATA command'),
        'bounce',
        'authfailure',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "dmarc's 'failed DMARC policy' is an authentication failure of the sender's domain",
        () => exim('end of data', '552 failed DMARC policy'),
        'bounce',
        'authfailure',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "dmarc's 'unparseable from header' is a From header that breaks RFC 5322, not a size",
        () => failed('5.0.0', '552 unparseable from header', 'end of DATA command'),
        'bounce',
        'notcompliantrfc',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "headers' 'Headers are missing' is a message that breaks RFC 5322, not a size",
        () => failed('5.0.0', '552 Headers are missing', 'end of DATA command'),
        'bounce',
        'notcompliantrfc',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "headers' 'We require a valid Date header' is a message that breaks RFC 5322",
        () => failed('5.0.0', '552 We require a valid Date header', 'end of DATA command'),
        'bounce',
        'notcompliantrfc',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "headers' 'Only one From header allowed. See RFC 5322, Section 3.6' breaks RFC 5322",
        () => failed('5.0.0', '552 Only one From header allowed. See RFC 5322, Section 3.6', 'end of DATA command'),
        'bounce',
        'notcompliantrfc',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "headers' 'The Date header is too far in the past' refuses the message's content, not its size",
        () => failed('5.0.0', '552 The Date header is too far in the past', 'end of DATA command'),
        'bounce',
        'contenterror',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "loop's 'Too many hops (#5.4.6)' is a routing loop",
        () => failed('5.0.0', '552 Too many hops (#5.4.6)', 'end of DATA command'),
        'bounce',
        'networkerror',
        'soft',
        '5.4.6',
        '552',
      ],
      [
        "spamassassin's 'spam score exceeded threshold' is spam detected",
        () => failed('5.0.0', '552 spam score exceeded threshold', 'end of DATA command'),
        'bounce',
        'spamdetected',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "dspam's 'dspam says, no spam please (#5.6.1)' is spam detected",
        () => exim('end of data', '552 dspam says, no spam please (#5.6.1)'),
        'bounce',
        'spamdetected',
        'soft',
        '5.6.1',
        '552',
      ],
      [
        "clamdscan's 'Virus found: Eicar-Test-Signature' is a virus detected",
        () => failed('5.0.0', '552 Virus found: Eicar-Test-Signature', 'end of DATA command'),
        'bounce',
        'virusdetected',
        'soft',
        '5.0.0',
        '552',
      ],
      [
        "clamdscan's 'Unable to scan for viruses' is the receiving system's trouble, no virus found",
        () => delayed('4.0.0', '452 Unable to scan for viruses', 'end of DATA command'),
        'delay',
        'systemerror',
        'none',
        '4.0.0',
        '452',
      ],
    ]),
  );
});

describe("Dovecot's quota-status policy service behind Postfix", () => {
  verdictCases(
    rows([
      [
        "its default 'Quota exceeded (mailbox for user is full)' under 554 5.2.2 is a full mailbox, soft",
        () =>
          failed(
            '5.2.2',
            '554 5.2.2 <user@example.net>: Recipient address rejected: Quota exceeded (mailbox for user is full)',
            'RCPT TO command',
          ),
        'bounce',
        'mailboxfull',
        'soft',
        '5.2.2',
        '554',
      ],
      [
        "the documented quota_status_overquota '552 5.2.2 Mailbox is full' is a full mailbox",
        () => failed('5.2.2', '552 5.2.2 <user@example.net>: Recipient address rejected: Mailbox is full', 'RCPT TO command'),
        'bounce',
        'mailboxfull',
        'soft',
        '5.2.2',
        '552',
      ],
      [
        "'Mail size is larger than the maximum size allowed by server configuration' is the message's size",
        () =>
          failed(
            '5.2.2',
            '554 5.2.2 <user@example.net>: Recipient address rejected: Mail size is larger than the maximum size allowed by server configuration',
            'RCPT TO command',
          ),
        'bounce',
        'mesgtoobig',
        'soft',
        '5.2.2',
        '554',
      ],
      [
        "'Too many messages in the mailbox' is a full mailbox",
        () =>
          failed('5.2.2', '554 5.2.2 <user@example.net>: Recipient address rejected: Too many messages in the mailbox', 'RCPT TO command'),
        'bounce',
        'mailboxfull',
        'soft',
        '5.2.2',
        '554',
      ],
      [
        "its default 'REJECT Unknown user' is an unknown mailbox, hard",
        () => failed('5.7.1', '554 5.7.1 <user@example.net>: Recipient address rejected: Unknown user', 'RCPT TO command'),
        'bounce',
        'userunknown',
        'hard',
        '5.7.1',
        '554',
      ],
      [
        "'Blocked by an ongoing background quota calculation' is the receiving system's state, not a block of the sender",
        () =>
          delayed(
            '4.7.1',
            '450 4.7.1 <user@example.net>: Recipient address rejected: Blocked by an ongoing background quota calculation',
            'RCPT TO command',
          ),
        'delay',
        'systemerror',
        'none',
        '4.7.1',
        '450',
      ],
      [
        "'Internal quota calculation error' is the receiving system's trouble",
        () =>
          delayed('4.7.1', '450 4.7.1 <user@example.net>: Recipient address rejected: Internal quota calculation error', 'RCPT TO command'),
        'delay',
        'systemerror',
        'none',
        '4.7.1',
        '450',
      ],
    ]),
  );
});

describe("mail-server bundles' own texts", () => {
  verdictCases(
    rows([
      [
        "mailcow's rspamd reject 'This message does not meet our delivery requirements' is spam detected, not a security error",
        () => failed('5.7.1', '554 5.7.1 This message does not meet our delivery requirements', 'end of DATA command'),
        'bounce',
        'spamdetected',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "ISPConfig's HELO list 'HELO hostname is using a top level domain that does not exist' refuses the sending host",
        () =>
          failed(
            '5.7.1',
            '554 5.7.1 <mx.example.dynamic>: Helo command rejected: HELO hostname is using a top level domain that does not exist.  See RFC 2821 section 3.6.',
            'RCPT TO command',
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "Mail-in-a-Box's quota-status reply '522 5.2.2 Mailbox is full' is a full mailbox, its odd 522 kept",
        () => failed('5.2.2', '522 5.2.2 <user@example.net>: Recipient address rejected: Mailbox is full', 'RCPT TO command'),
        'bounce',
        'mailboxfull',
        'soft',
        '5.2.2',
        '522',
      ],
      [
        "mailcow's rspamd greylisting 'Greylisted, please try again later' is greylisting",
        () => delayed('4.7.1', '451 4.7.1 Greylisted, please try again later', 'end of DATA command'),
        'delay',
        'expired',
        'none',
        '4.7.1',
        '451',
      ],
      [
        "Modoboa's policy daemon 'Daily limit reached, retry later' is the sender's rate, not the recipient",
        () =>
          delayed('4.7.1', '450 4.7.1 <user@example.net>: Recipient address rejected: Daily limit reached, retry later', 'RCPT TO command'),
        'delay',
        'speeding',
        'none',
        '4.7.1',
        '450',
      ],
      [
        "postgrey's 'Greylisted, see http://postgrey.schweikert.ch/help/...' (Mail-in-a-Box) is greylisting",
        () =>
          delayed(
            '4.2.0',
            '450 4.2.0 <user@example.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.net.html',
            'RCPT TO command',
          ),
        'delay',
        'expired',
        'none',
        '4.2.0',
        '450',
      ],
    ]),
  );
});

describe("OpenSMTPD's filters", () => {
  verdictCases(
    rows([
      [
        "filter-senderscore's 'your IP reputation is too low for this MX' at the connection is the host's bad reputation",
        () => refusedGreeting('failed', '5.0.0', '550 your IP reputation is too low for this MX'),
        'bounce',
        'badreputation',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "filter-spfgreylist's 'greylisted, try again later' at RCPT TO is greylisting",
        () => delayed('4.0.0', '451 greylisted, try again later', 'RCPT TO command'),
        'delay',
        'expired',
        'none',
        '4.0.0',
        '451',
      ],
      [
        "filter-dnsbl's '421 IP listed at zen.spamhaus.org' at the connection blocks the sending host",
        () => refusedGreeting('delayed', '4.0.0', '421 IP listed at zen.spamhaus.org'),
        'delay',
        'blocked',
        'none',
        '4.0.0',
        '421',
      ],
      [
        "filter-dnsbl's '421 DNS error on zen.spamhaus.org' is the receiving side's failed lookup, not a listing",
        () => refusedGreeting('delayed', '4.0.0', '421 DNS error on zen.spamhaus.org'),
        'delay',
        'systemerror',
        'none',
        '4.0.0',
        '421',
      ],
      [
        "filter-clamav's '554 5.7.1 Virus found' is a virus detected",
        () => failed('5.7.1', '554 5.7.1 Virus found', 'end of DATA command'),
        'bounce',
        'virusdetected',
        'soft',
        '5.7.1',
        '554',
      ],
      [
        "filter-clamav's '451 4.7.1 Virus filter failed' is the receiving system's trouble, no virus found",
        () => delayed('4.7.1', '451 4.7.1 Virus filter failed', 'end of DATA command'),
        'delay',
        'systemerror',
        'none',
        '4.7.1',
        '451',
      ],
      [
        "filter-qdgrey's bare '450 Greylisted' is greylisting",
        () => delayed('4.0.0', '450 Greylisted', 'RCPT TO command'),
        'delay',
        'expired',
        'none',
        '4.0.0',
        '450',
      ],
      [
        "filter-checksenderdomain's 'unknown sender domain' at MAIL FROM refuses the sender",
        () => failed('5.0.0', '550 unknown sender domain', 'MAIL FROM command'),
        'bounce',
        'rejected',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "filter-rspamd's 'server internal error' (rspamd's tempfail) is the receiving system's trouble",
        () => delayed('4.0.0', '421 server internal error', 'end of DATA command'),
        'delay',
        'systemerror',
        'none',
        '4.0.0',
        '421',
      ],
    ]),
  );
});

describe("courier-pythonfilter's filters", () => {
  verdictCases(
    rows([
      [
        "clamav's 'Virus found - Signature is ...' is a virus detected",
        () => failed('5.0.0', '554 Virus found - Signature is Eicar-Test-Signature', 'end of DATA command'),
        'bounce',
        'virusdetected',
        'soft',
        '5.0.0',
        '554',
      ],
      [
        "spamassassin's 'Mail rejected - spam detected:' is spam detected",
        () => failed('5.0.0', '554 Mail rejected - spam detected: Yes, score=12.3 required=5.0', 'end of DATA command'),
        'bounce',
        'spamdetected',
        'soft',
        '5.0.0',
        '554',
      ],
      [
        "attachments' 'The extension of the attached file is blacklisted' is the site's content policy, not a blocked host",
        () => failed('5.0.0', '554 The extension of the attached file is blacklisted', 'end of DATA command'),
        'bounce',
        'policyviolation',
        'soft',
        '5.0.0',
        '554',
      ],
      [
        "comeagain's 'send the message again to prove you are not spamware or virusware' is greylisting, no virus found",
        () => delayed('4.0.0', '421 Please send the message again to prove you are not spamware or virusware.', 'end of DATA command'),
        'delay',
        'expired',
        'none',
        '4.0.0',
        '421',
      ],
      [
        "quota's 'User ... is over quota' is a full mailbox",
        () => delayed('4.0.0', '421 User "user@example.net" is over quota', 'end of DATA command'),
        'delay',
        'mailboxfull',
        'none',
        '4.0.0',
        '421',
      ],
      [
        "dialback's 'DNS failure resolving <domain>' is a DNS lookup that failed for now",
        () => delayed('4.0.0', '421 DNS failure resolving example.com', 'end of DATA command'),
        'delay',
        'networkerror',
        'none',
        '4.0.0',
        '421',
      ],
    ]),
  );
});

describe("Exim's default configuration's refusals", () => {
  verdictCases(
    rows([
      [
        "'relay not permitted' is a relay refused, not the mailbox",
        () => exim(AFTER_RCPT, '550 relay not permitted'),
        'bounce',
        'norelaying',
        'soft',
        '5.0.0',
        '550',
      ],
      [
        "'Restricted characters in address' is an address the server will never take, hard",
        () => exim(AFTER_RCPT, '550 Restricted characters in address'),
        'bounce',
        'userunknown',
        'hard',
        '5.0.0',
        '550',
      ],
      [
        "'rejected because <ip> is in a black list at <zone>' blocks the sending host",
        () =>
          exim(
            AFTER_RCPT,
            '550-rejected because 198.51.100.7 is in a black list at zen.spamhaus.org',
            '550 https://www.spamhaus.org/query/ip/198.51.100.7',
          ),
        'bounce',
        'blocked',
        'soft',
        '5.0.0',
        '550',
      ],
    ]),
  );
});
