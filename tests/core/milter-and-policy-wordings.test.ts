// Wordings of the add-ons Postfix and Sendmail run beside them (policy services and milters),
// read in their own source code: the SPF policy services, OpenDKIM and OpenDMARC, spamass-milter,
// MIMEDefang, clamav-milter, milter-greylist, sqlgrey, postfwd, policyd (cluebringer), and
// Postfix's own smtpd rate limits. Each wording was read in the product's source or in an
// admin's log quoting it, named above its test; none comes from a bounce collection. One test
// per wording, named after what a user should see.
import { describe } from 'vitest';
import { reported, wordingTests } from './wording-cases.ts';

// python-policyd-spf (policyd-spf): "Message rejected due to: SPF fail - not authorized.
// Please see http://www.openspf.net/Why?..." with 550 5.7.23 (5.7.1 in older releases), as
// Postfix writes it after "Recipient address rejected:" (admins' mail logs quoting
// policyd-spf's answer). Haraka's SPF plugin (haraka-plugin-spf, index.js): "sender <address>
// SPF Permanent Error".
// postfix-policyd-spf-perl (postfix-policyd-spf-perl.pl): "550 $authority_explanation", Mail::SPF's
// default "Please see http://www.openspf.org/Why?s=mfrom;id=...;ip=...;r=...".
describe("the SPF policy services' refusals", () => {
  wordingTests([
    [
      "policyd-spf's 'Message rejected due to: SPF fail' is an authentication failure of the sender, not an unknown recipient",
      () =>
        reported(
          '5.7.23',
          'smtp; 550 5.7.23 <user@example.net>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=sender@example.org;ip=192.0.2.9;r=<UNKNOWN>',
        ),
      ['authfailure', 'soft'],
    ],
    [
      "an older policyd-spf's SPF fail under 5.7.1 is still an authentication failure",
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 <user@example.net>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=sender@example.org;ip=192.0.2.9;r=<UNKNOWN>',
        ),
      ['authfailure', 'soft'],
    ],
    [
      "policyd-spf's HELO check failing is an authentication failure, not the recipient",
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 <user@example.net>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=helo;id=mx.example.org;ip=192.0.2.9;r=<UNKNOWN>',
        ),
      ['authfailure', 'soft'],
    ],
    [
      "Haraka's SPF plugin's 'SPF Permanent Error' (a broken SPF record of the sender's domain) is an authentication failure",
      () => reported('5.0.0', 'smtp; 550 sender sender@example.org SPF Permanent Error'),
      ['authfailure', 'soft'],
    ],
    [
      "postfix-policyd-spf-perl's bare 'Please see http://www.openspf.org/Why?' is an SPF failure, not the recipient",
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 <user@example.net>: Recipient address rejected: Please see http://www.openspf.org/Why?s=mfrom;id=sender@example.org;ip=192.0.2.9;r=mx.example.net',
        ),
      ['authfailure', 'soft'],
    ],
  ]);
});

// OpenDMARC (opendmarc/opendmarc.c: "rejected by DMARC policy for %s", DMARC_REJECT_SMTP 550,
// DMARC_REJECT_ESC 5.7.1). OpenDKIM (opendkim/opendkim.c, dkimf_libstatus: "bad DKIM signature
// data", "no DKIM signature data", "DKIM key retrieval failed" with 451 4.7.5, rejects 550 5.7.0;
// REPDENYTXT "Message deferred for policy reasons" 450 4.7.1 for a signer's bad reputation).
describe("OpenDMARC's and OpenDKIM's replies", () => {
  wordingTests([
    [
      "OpenDMARC's 'rejected by DMARC policy for' is an authentication failure of the sender's domain",
      () => reported('5.7.1', 'smtp; 550 5.7.1 rejected by DMARC policy for example.org'),
      ['authfailure', 'soft'],
    ],
    [
      "OpenDKIM's 'bad DKIM signature data' is an authentication failure, not the recipient",
      () => reported('5.7.0', 'smtp; 550 5.7.0 bad DKIM signature data'),
      ['authfailure', 'soft'],
    ],
    [
      "OpenDKIM's 'no DKIM signature data' is an authentication failure",
      () => reported('5.7.0', 'smtp; 550 5.7.0 no DKIM signature data'),
      ['authfailure', 'soft'],
    ],
    [
      "OpenDKIM's 'DKIM key retrieval failed' is a temporary authentication failure",
      () => reported('4.7.5', 'smtp; 451 4.7.5 DKIM key retrieval failed'),
      ['authfailure', 'soft'],
    ],
  ]);
});

// spamass-milter (spamass-milter.cpp: default reject text "Blocked by SpamAssassin", 550 5.7.1).
// MIMEDefang (mimedefang.pl.in: "Message contained too many MIME parts.  We do not accept such
// complicated messages."; examples/suggested-minimum-filter-for-windows-clients: "MIME type
// message/partial not accepted here", "Problem running virus-scanner").
// clamav-milter (clamav-milter/clamfi.c: the X-Virus-Status "Infected (%s)" header; RejectMsg
// is the admin's, its "%v" the virus name, sent with 550 5.7.1).
describe('content filters run as milters', () => {
  wordingTests([
    [
      "spamass-milter's 'Blocked by SpamAssassin' is spam detected in the message",
      () => reported('5.7.1', 'smtp; 550 5.7.1 Blocked by SpamAssassin'),
      ['spamdetected', 'soft'],
    ],
    [
      "MIMEDefang's 'too many MIME parts' refuses the message's structure, not the recipient",
      () => reported('5.7.1', 'smtp; 554 5.7.1 Message contained too many MIME parts.  We do not accept such complicated messages.'),
      ['contenterror', 'soft'],
    ],
    [
      "MIMEDefang's 'MIME type message/partial not accepted here' refuses the message's content",
      () => reported('5.7.1', 'smtp; 554 5.7.1 MIME type message/partial not accepted here'),
      ['contenterror', 'soft'],
    ],
    [
      "MIMEDefang's 'Problem running virus-scanner' is the receiving system's trouble, not the message",
      () => reported('4.3.0', 'smtp; 451 4.3.0 Problem running virus-scanner'),
      ['systemerror', 'soft'],
    ],
    [
      'a clamav-milter reply naming the virus is a virus detected',
      () => reported('5.7.1', 'smtp; 550 5.7.1 Infected (Eicar-Test-Signature)'),
      ['virusdetected', 'soft'],
    ],
  ]);
});

// milter-greylist (milter-greylist.c, log_and_report_greylisting: 451 4.7.1 "Greylisting in
// action, please come back in %R", or "... come back later" when quiet). sqlgrey (sqlgrey:
// "Greylisted for N minutes", reject_code 450, sent as Postfix's defer_if_permit).
// policyd v2 / cluebringer (its greylisting module: "Greylisting in effect, please come back
// later", 451 4.7.1; "Greylisting in effect, sending server blacklisted", a REJECT: 554 5.7.1).
describe('greylisting milters and policy services', () => {
  wordingTests([
    [
      "milter-greylist's 'Greylisting in action, please come back in' is greylisting, never the recipient",
      () => reported('4.7.1', 'smtp; 451 4.7.1 Greylisting in action, please come back in 00:05:00'),
      ['expired', 'soft'],
    ],
    [
      "milter-greylist's quiet 'please come back later' is greylisting",
      () => reported('4.7.1', 'smtp; 451 4.7.1 Greylisting in action, please come back later'),
      ['expired', 'soft'],
    ],
    [
      "sqlgrey's 'Greylisted for 5 minutes' after Postfix's 'Recipient address rejected' is greylisting, not the recipient",
      () => reported('4.7.1', 'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: Greylisted for 5 minutes'),
      ['expired', 'soft'],
    ],
    [
      "policyd's 'Greylisting in effect, please come back later' is greylisting",
      () =>
        reported('4.7.1', 'smtp; 451 4.7.1 <user@example.net>: Recipient address rejected: Greylisting in effect, please come back later'),
      ['expired', 'soft'],
    ],
    [
      "policyd's 'Greylisting in effect, sending server blacklisted' blocks the sending host",
      () =>
        reported(
          '5.7.1',
          'smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: Greylisting in effect, sending server blacklisted',
        ),
      ['blocked', 'soft'],
    ],
  ]);
});

// Postfix's smtpd (src/smtpd/smtpd.c): smtpd_client_connection_count_limit and _rate_limit
// "421 4.7.0 %s Error: too many connections from %s", smtpd_client_message_rate_limit "450
// 4.7.1 Error: too much mail from %s", smtpd_client_recipient_rate_limit "450 4.7.1 Error: too
// many recipients from %s", smtpd_client_new_tls_session_rate_limit "421 4.7.0 %s Error: too
// many new TLS sessions from %s", smtpd_client_auth_rate_limit "450 4.7.1 Error: too many AUTH
// commands from %s". postfwd (doc/postfwd3.txt: rate(), size() and rcpt() actions, e.g.
// "450 4.7.1 sorry, max 3 requests per 5 minutes", "sorry, max 1.5mb per hour").
describe("Postfix's and postfwd's rate limits", () => {
  wordingTests([
    [
      "Postfix's 'Error: too many connections from' is too many connections from the sending host",
      () => reported('4.7.0', 'smtp; 421 4.7.0 mx.example.net Error: too many connections from 192.0.2.9'),
      ['toomanyconn', 'soft'],
    ],
    [
      "Postfix's 'Error: too much mail from' is the sending host's rate, not the recipient's mailbox",
      () => reported('4.7.1', 'smtp; 450 4.7.1 Error: too much mail from 192.0.2.9'),
      ['speeding', 'soft'],
    ],
    [
      "Postfix's 'Error: too many recipients from' a host is the sender's rate",
      () => reported('4.7.1', 'smtp; 450 4.7.1 Error: too many recipients from 192.0.2.9'),
      ['speeding', 'soft'],
    ],
    [
      "Postfix's 'Error: too many new TLS sessions from' is the sending host's rate of sessions",
      () => reported('4.7.0', 'smtp; 421 4.7.0 mx.example.net Error: too many new TLS sessions from 192.0.2.9'),
      ['toomanyconn', 'soft'],
    ],
    [
      "postfwd's 'sorry, max 3 requests per 5 minutes' is the sender's rate",
      () => reported('4.7.1', 'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: sorry, max 3 requests per 5 minutes'),
      ['speeding', 'soft'],
    ],
    [
      "postfwd's 'sorry, max 1.5mb per hour' is the sender's rate of mail, not the recipient's mailbox",
      () => reported('4.7.1', 'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: sorry, max 1.5mb per hour'),
      ['speeding', 'soft'],
    ],
    [
      "postfwd's 'sorry, max 3 recipients per hour' is the sender's rate",
      () => reported('4.7.1', 'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: sorry, max 3 recipients per hour'),
      ['speeding', 'soft'],
    ],
  ]);
});

// sqlgrey (sqlgrey: connect_src_throttle, "Throttling too many connections from new source -
// Try again later."). OpenDKIM (opendkim/opendkim.h: ADSP_DISCARDABLE_TEXT "ADSP discardable
// mail may not be sent to this address", 550 5.7.1; opendkim.c: "DKIM signature syntax error").
describe("sqlgrey's throttling and OpenDKIM's other refusals", () => {
  wordingTests([
    [
      "sqlgrey's 'Throttling too many connections from new source' is too many connections, not the recipient",
      () =>
        reported(
          '4.7.1',
          'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: Throttling too many connections from new source - Try again later.',
        ),
      ['toomanyconn', 'soft'],
    ],
    [
      "OpenDKIM's 'ADSP discardable mail may not be sent to this address' is the sender domain's authentication, not the address",
      () => reported('5.7.1', 'smtp; 550 5.7.1 ADSP discardable mail may not be sent to this address'),
      ['authfailure', 'soft'],
    ],
    [
      "OpenDKIM's 'DKIM signature syntax error' is an authentication failure",
      () => reported('5.7.0', 'smtp; 550 5.7.0 DKIM signature syntax error'),
      ['authfailure', 'soft'],
    ],
  ]);
});

// Postfix's smtpd restrictions (postfix/src/smtpd/smtpd_check.c and smtpd.c), the texts the
// policy services above are sent beside: kept as regression cases.
describe("Postfix's smtpd restrictions", () => {
  wordingTests([
    [
      "Postfix's 'Client host rejected: cannot find your hostname' asks for the sending host's reverse DNS",
      () => reported('4.7.1', 'smtp; 450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.9]'),
      ['requireptr', 'soft'],
    ],
    [
      "Postfix's 'Client host rejected: cannot find your reverse hostname' asks for the sending host's reverse DNS",
      () => reported('5.7.1', 'smtp; 550 5.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.9]'),
      ['requireptr', 'soft'],
    ],
    [
      "Postfix's 'Helo command rejected: Host not found' blocks the sending host, never an unknown recipient domain",
      () => reported('4.7.1', 'smtp; 450 4.7.1 <mx.example.org>: Helo command rejected: Host not found'),
      ['blocked', 'soft'],
    ],
    [
      "Postfix's 'Helo command rejected: need fully-qualified hostname' blocks the sending host",
      () => reported('5.5.2', 'smtp; 504 5.5.2 <mx>: Helo command rejected: need fully-qualified hostname'),
      ['blocked', 'soft'],
    ],
    [
      "Postfix's 'Sender address rejected: Domain not found' is the sender's domain, not the recipient's",
      () => reported('4.1.8', 'smtp; 450 4.1.8 <sender@example.org>: Sender address rejected: Domain not found'),
      ['rejected', 'soft'],
    ],
    [
      "Postfix's 'Sender address rejected: not owned by user' refuses the sender",
      () => reported('5.7.1', 'smtp; 553 5.7.1 <sender@example.org>: Sender address rejected: not owned by user bob'),
      ['rejected', 'soft'],
    ],
    [
      "Postfix's address verification 'undeliverable address' with the next hop's user unknown is an unknown user",
      () =>
        reported(
          '5.1.1',
          'smtp; 550 5.1.1 <user@example.net>: Recipient address rejected: undeliverable address: host mx.example.net[192.0.2.1] said: 550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)',
        ),
      ['userunknown', 'hard'],
    ],
    [
      "Postfix's 'Data command rejected: Multi-recipient bounce' refuses the null sender, not the recipient",
      () => reported('5.5.0', 'smtp; 550 5.5.0 <user@example.net>: Data command rejected: Multi-recipient bounce'),
      ['rejected', 'soft'],
    ],
    [
      "Postfix's 'Client host [...] blocked using' a DNS block list blocks the sending host",
      () => reported('5.7.1', 'smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org'),
      ['blocked', 'soft'],
    ],
    [
      "Postfix's 'Recipient address rejected: User unknown in virtual alias table' is an unknown user",
      () => reported('5.1.1', 'smtp; 550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in virtual alias table'),
      ['userunknown', 'hard'],
    ],
    [
      "Postfix's '452 4.5.3 Error: too many recipients' in one message is too many recipients",
      () => reported('4.5.3', 'smtp; 452 4.5.3 Error: too many recipients'),
      ['toomanyconn', 'soft'],
    ],
    [
      "Postfix's 'Insufficient system storage' is the receiving system's full disk, not the mailbox",
      () => reported('4.3.1', 'smtp; 452 4.3.1 Insufficient system storage'),
      ['systemfull', 'soft'],
    ],
  ]);
});

// Policyd v2 (cluebringer), its other modules: cbp/modules/CheckHelo.pm ("Invalid HELO/EHLO;
// Must be a FQDN or an address literal, not '...'", "...; No A or MX records found for '...'",
// "...; Cannot resolve '...', no such domain", "...; Blacklisted", "...; HRP limit exceeded")
// and cbp/modules/CheckSPF.pm ("Failed SPF check; <Mail::SPF's explanation>").
describe("policyd's HELO and SPF checks", () => {
  wordingTests([
    [
      "policyd's 'Invalid HELO/EHLO; Must be a FQDN' blocks the sending host's greeting",
      () =>
        reported(
          '5.7.1',
          "smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: Invalid HELO/EHLO; Must be a FQDN or an address literal, not 'localhost'",
        ),
      ['blocked', 'soft'],
    ],
    [
      "policyd's 'Invalid HELO/EHLO; Cannot resolve ..., no such domain' is the sending host's name, never the recipient's domain",
      () =>
        reported(
          '5.7.1',
          "smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: Invalid HELO/EHLO; Cannot resolve 'mx.example.org', no such domain",
        ),
      ['blocked', 'soft'],
    ],
    [
      "policyd's 'Invalid HELO/EHLO; No A or MX records found' is the sending host's name",
      () =>
        reported(
          '5.7.1',
          "smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: Invalid HELO/EHLO; No A or MX records found for 'mx.example.org'",
        ),
      ['blocked', 'soft'],
    ],
    [
      "policyd's 'Invalid HELO/EHLO; HRP limit exceeded' blocks a host greeting with too many names",
      () => reported('5.7.1', 'smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: Invalid HELO/EHLO; HRP limit exceeded'),
      ['blocked', 'soft'],
    ],
    [
      "policyd's 'Failed SPF check' is an authentication failure of the sender",
      () =>
        reported(
          '5.7.1',
          "smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: Failed SPF check; example.org: Sender is not authorized by default to use 'sender@example.org' in 'mfrom' identity (mechanism '-all' matched)",
        ),
      ['authfailure', 'soft'],
    ],
  ]);
});

// policyd-weight (its default configuration: $REJECTMSG "550 Mail appeared to be SPAM or forged.
// Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from
// DNSBLs"; its cache's "temporarily blocked because of previous errors - retrying too fast.
// penalty: 30 seconds x 0 retries.", as admins' logs and a provider's notice quote them).
// milter-greylist's blacklist ACL (milter-greylist.c: 551 5.7.1 "Go away!").
describe("policyd-weight's and milter-greylist's blocks", () => {
  wordingTests([
    [
      "policyd-weight's 'Mail appeared to be SPAM or forged' scores the sending host's DNS and block lists: a block, not the recipient",
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 <user@example.net>: Recipient address rejected: Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs; MTA helo: mx.example.org, MTA hostname: unknown[192.0.2.9] (helo/hostname mismatch)',
        ),
      ['blocked', 'soft'],
    ],
    [
      "policyd-weight's 'temporarily blocked because of previous errors - retrying too fast' blocks the sending host for now",
      () =>
        reported(
          '4.7.1',
          'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: temporarily blocked because of previous errors - retrying too fast. penalty: 30 seconds x 0 retries.',
        ),
      ['blocked', 'soft'],
    ],
    [
      "milter-greylist's '551 5.7.1 Go away!' is a security refusal, never a moved mailbox",
      () => reported('5.7.1', 'smtp; 551 5.7.1 Go away!'),
      ['securityerror', 'soft'],
    ],
  ]);
});

// Policyd v2 (cluebringer), its quotas (cbp/modules/Quotas.pm: "Policy rejection; Message count
// quota exceeded", "Policy rejection; Cumulative message size quota exceeded"; Accounting.pm:
// "Policy rejection; Message count exceeded"). policyd-rate-limit (nitmir/policyd-rate-limit,
// config.py fail_action "defer_if_permit Rate limit reach, retry later"). mtpolicyd
// (benningm/mtpolicyd, lib/Mail/MtPolicyd/Plugin: Quota.pm "defer smtp traffic quota has been
// exceeded", Greylist.pm "defer greylisting is active", RBL.pm "delivery from %IP% rejected
// %INFO%", CtIpRep.pm "550 delivery from %IP% is rejected. Check at
// http://www.commtouch.com/Site/Resources/Check_IP_Reputation.asp. Reference code: %REFID%").
describe("policy services' quotas and rate limits", () => {
  wordingTests([
    [
      "policyd's 'Message count quota exceeded' is the sender's quota of messages, never a full mailbox",
      () =>
        reported('4.7.1', 'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: Policy rejection; Message count quota exceeded'),
      ['speeding', 'soft'],
    ],
    [
      "policyd's 'Cumulative message size quota exceeded' is the sender's quota of bytes, never a full mailbox",
      () =>
        reported(
          '5.7.1',
          'smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: Policy rejection; Cumulative message size quota exceeded',
        ),
      ['speeding', 'soft'],
    ],
    [
      "policyd's accounting 'Message count exceeded' is the sender's count of messages",
      () => reported('5.7.1', 'smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: Policy rejection; Message count exceeded'),
      ['speeding', 'soft'],
    ],
    [
      "policyd-rate-limit's 'Rate limit reach, retry later' is the sender's rate",
      () => reported('4.7.1', 'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: Rate limit reach, retry later'),
      ['speeding', 'soft'],
    ],
    [
      "mtpolicyd's 'smtp traffic quota has been exceeded' is the sender's traffic quota, never a full mailbox",
      () => reported('4.7.1', 'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: smtp traffic quota has been exceeded'),
      ['speeding', 'soft'],
    ],
    [
      "mtpolicyd's 'greylisting is active' is greylisting",
      () => reported('4.7.1', 'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: greylisting is active'),
      ['expired', 'soft'],
    ],
    [
      "mtpolicyd's 'delivery from ... rejected (listed on ...)' blocks the sending host",
      () =>
        reported(
          '5.7.1',
          'smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: delivery from 192.0.2.9 rejected (listed on zen.spamhaus.org)',
        ),
      ['blocked', 'soft'],
    ],
    [
      "mtpolicyd's Commtouch IP reputation refusal is the sending host's reputation",
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 <user@example.net>: Recipient address rejected: delivery from 192.0.2.9 is rejected. Check at http://www.commtouch.com/Site/Resources/Check_IP_Reputation.asp. Reference code: 123456',
        ),
      ['badreputation', 'soft'],
    ],
  ]);
});

// policyd-rate-guard (onlime/policyd-rate-guard, README: ACTION_TEXT_BLOCKED "Rate limit
// reached, retry later."). geoip-policyd (croessner/geoip-policyd, policy.go: rejectText
// "Policy violation. Please contact your support", for a login seen from too many countries or
// addresses). Postfix's reject_unauth_pipelining (smtpd_check.c: "Improper use of SMTP command
// pipelining").
describe('more policy services beside Postfix', () => {
  wordingTests([
    [
      "policyd-rate-guard's 'Rate limit reached, retry later.' is the sender's rate",
      () => reported('4.7.1', 'smtp; 450 4.7.1 <user@example.net>: Recipient address rejected: Rate limit reached, retry later.'),
      ['speeding', 'soft'],
    ],
    [
      "geoip-policyd's 'Policy violation. Please contact your support' is a policy refusal, not the recipient",
      () =>
        reported('5.7.1', 'smtp; 554 5.7.1 <user@example.net>: Recipient address rejected: Policy violation. Please contact your support'),
      ['policyviolation', 'soft'],
    ],
    [
      "Postfix's 'Improper use of SMTP command pipelining' is the sending client's protocol error, not the recipient",
      () => reported('5.5.0', 'smtp; 503 5.5.0 <user@example.net>: Data command rejected: Improper use of SMTP command pipelining'),
      ['syntaxerror', 'soft'],
    ],
  ]);
});

// SPFBL, a Brazilian SPF and block-list service, through its Postfix policy script
// (spfblquery.pl in its repository: "451 4.7.2 SPFBL you are temporarily blocked on this
// server.", "554 5.7.1 SPFBL you are permanently blocked in this server.", "554 5.7.1 SPFBL
// sender has non-existent internet domain.", "451 4.7.1 SPFBL you are greylisted on this
// server.", "554 5.7.1 SPFBL <sender> is not a valid e-mail address.", "554 5.7.1 SPFBL <sender>
// is not allowed to send mail from <ip>.").
describe("SPFBL's policy replies", () => {
  const spfbl = (status: string, code: string, text: string) =>
    reported(status, `smtp; ${code} ${status} <user@example.net>: Recipient address rejected: SPFBL ${text}`);
  wordingTests([
    [
      "SPFBL's 'you are temporarily blocked on this server' blocks the sending host",
      () => spfbl('4.7.2', '451', 'you are temporarily blocked on this server.'),
      ['blocked', 'soft'],
    ],
    [
      "SPFBL's 'you are permanently blocked in this server' blocks the sending host, never the recipient",
      () => spfbl('5.7.1', '554', 'you are permanently blocked in this server.'),
      ['blocked', 'soft'],
    ],
    [
      "SPFBL's 'sender has non-existent internet domain' is the sender's domain, never the recipient's",
      () => spfbl('5.7.1', '554', 'sender has non-existent internet domain.'),
      ['rejected', 'soft'],
    ],
    [
      "SPFBL's 'you are greylisted on this server' is greylisting",
      () => spfbl('4.7.1', '451', 'you are greylisted on this server.'),
      ['expired', 'soft'],
    ],
    [
      "SPFBL's '<sender> is not a valid e-mail address' refuses the sender, never an unknown recipient",
      () => spfbl('5.7.1', '554', 'sender@example.org is not a valid e-mail address.'),
      ['rejected', 'soft'],
    ],
    [
      "SPFBL's '<sender> is not allowed to send mail from <ip>' is an SPF failure of the sender",
      () => spfbl('5.7.1', '554', 'sender@example.org is not allowed to send mail from 192.0.2.9.'),
      ['authfailure', 'soft'],
    ],
  ]);
});

// Exim's SPF refusals as ACLs write them: Debian's exim4-config CHECK_RCPT_SPF ("[SPF]
// $sender_host_address is not allowed to send mail from <domain>. Please see
// http://www.openspf.org/Why?scope=..."), SPFBL's Exim ACL ("5.7.1 [SPF] ... Please see
// http://www.open-spf.org/Why?s=mfrom;id=...;ip=..."), and the "SPF: ... is not allowed" form
// admins' Exim logs quote.
describe("Exim's SPF refusals", () => {
  wordingTests([
    [
      "Debian's Exim '[SPF] ... is not allowed to send mail from' is an SPF failure of the sender, not a block of the host",
      () =>
        reported(
          '5.7.1',
          'smtp; 550 5.7.1 [SPF] 192.0.2.9 is not allowed to send mail from example.org.  Please see http://www.openspf.org/Why?scope=mfrom;identity=sender@example.org;ip=192.0.2.9',
        ),
      ['authfailure', 'soft'],
    ],
    [
      "Exim's 'SPF: ... is not allowed to send mail from' is an SPF failure",
      () => reported('5.0.0', 'smtp; 550 SPF: 192.0.2.9 is not allowed to send mail from example.org'),
      ['authfailure', 'soft'],
    ],
    [
      "an Exim ACL's SPF refusal with its open-spf.org link is an SPF failure",
      () =>
        reported(
          '5.0.0',
          'smtp; 550 192.0.2.9 is not allowed to send mail from example.org. Please see http://www.open-spf.org/Why?s=mfrom;id=sender@example.org;ip=192.0.2.9',
        ),
      ['authfailure', 'soft'],
    ],
  ]);
});

// More of Postfix's own smtpd and cleanup replies (postfix/src/smtpd/smtpd.c, smtpd_check.c,
// smtpd_milter.c; src/cleanup), beside the add-ons above: kept as regression cases.
describe("Postfix's replies beside its add-ons", () => {
  wordingTests([
    [
      "Postfix's 'Sender address rejected: Access denied' refuses the sender",
      () => reported('5.7.1', 'smtp; 554 5.7.1 <sender@example.org>: Sender address rejected: Access denied'),
      ['rejected', 'soft'],
    ],
    [
      "Postfix's 'Client host rejected: Access denied' blocks the sending host",
      () => reported('5.7.1', 'smtp; 554 5.7.1 <mx.example.org[192.0.2.9]>: Client host rejected: Access denied'),
      ['blocked', 'soft'],
    ],
    [
      "Postfix's 'Sender address rejected: User unknown in local recipient table' is about the sender, never the recipient",
      () => reported('5.1.0', 'smtp; 550 5.1.0 <sender@example.org>: Sender address rejected: User unknown in local recipient table'),
      ['rejected', 'soft'],
    ],
    [
      "Postfix's 'Message size exceeds fixed limit' is a message too big",
      () => reported('5.3.4', 'smtp; 552 5.3.4 Message size exceeds fixed limit'),
      ['mesgtoobig', 'soft'],
    ],
    [
      "Postfix's 'Error: queue file write error' is the receiving system's trouble",
      () => reported('4.3.0', 'smtp; 451 4.3.0 Error: queue file write error'),
      ['systemerror', 'soft'],
    ],
  ]);
});

// ClamSMTP and ProxSMTP, the SMTP proxy filters run beside Postfix (smtp_proxy_filter) and
// other MTAs (clamsmtpd.c and proxsmtpd.c STRINGS: SMTP_DATAVIRUS "550 Virus Detected; Content
// Rejected"; common/smtppass.c: SMTP_STARTBUSY "554 Server Busy", SMTP_FAILED "451 Local Error";
// a ClamSMTP build with McAfee TrustedSource: SMTP_DATAUNTRUST "550 Message Untrusted by
// TrustedSource - see <http://www.trustedsource.org> ...").
describe("ClamSMTP's and ProxSMTP's replies", () => {
  wordingTests([
    [
      "ClamSMTP's 'Virus Detected; Content Rejected' is a virus in the message",
      () => reported('5.0.0', 'smtp; 550 Virus Detected; Content Rejected'),
      ['virusdetected', 'soft'],
    ],
    [
      "the SMTP proxy's '451 Local Error' is the receiving system's trouble, not the recipient",
      () => reported('4.0.0', 'smtp; 451 Local Error'),
      ['systemerror', 'soft'],
    ],
    [
      "a ClamSMTP build's 'Message Untrusted by TrustedSource' is the message's spam rating, not a malformed message",
      () => reported('5.0.0', 'smtp; 550 Message Untrusted by TrustedSource - see <http://www.trustedsource.org> ; Contect Rejected'),
      ['spamdetected', 'soft'],
    ],
  ]);
});
