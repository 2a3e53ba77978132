// More email security gateways' and filters' refusals and notices, read in their own source code
// or their vendors' manuals, as whole notices: the MTA that tried to deliver (Postfix, Exim)
// quoting the gateway's reply, or the gateway's own notice where it writes one. Each case
// asserts what a user sees: the kind, each failed address, its reason, hard or soft, the
// enhanced status and the reply code. Greylisting and other temporary refusals are never hard.
// Sources read (each case names its own):
//   MailCleaner (github:MailCleaner/MailCleaner at da47da22, 2025-03-28): etc/exim/
//     exim_stage1.conf_template (the ACLs' "message =" texts: acl_check_conn, acl_check_rcpt,
//     acl_check_mime, acl_check_data), etc/exim/stage1_scripts.pl_template (hideToken: the DNS
//     list's last three labels). Exim (github:Exim/exim, src/src/globals.c
//     acl_wherecodes: a deny is 550 at every stage, the connect ACL too; smtp_in.c
//     smtp_handle_acl_fail: a defer is 451); Exim adds no enhanced status code of its own.
//   Proxmox Mail Gateway (github:proxmox/pmg-api at 09158948, 2026-06-11): src/bin/pmgpolicy
//     (the greylisting answer "defer_if_permit Service is unavailable (try later)", the SPF
//     refusal "reject <authority explanation>"), src/templates/main.cf.in (no
//     access_map_reject_code: Postfix's 554 for a policy REJECT), src/PMG/SMTP.pm (the LMTP
//     reply "554 5.7.1 Rejected for policy reasons (<queue id>)" and generate_ndr(): its own
//     notice "Undelivered Mail" with "554 5.7.1 Recipient address rejected for policy reasons").
//     Mail::SPF's default authority explanation, Mail/SPF/Server.pm: "Please see
//     http://www.openspf.org/Why?s=%{_scope};id=%{S};ip=%{C};r=%{R}".
//   rspamd (github:rspamd/rspamd at eaac8e91, 2026-08-21): src/libserver/milter_internal.h (the
//     milter's reject "554" "5.7.1" and soft reject "451" "4.7.1" "Try again later"),
//     src/plugins/lua/greylist.lua and conf/modules.d/greylist.conf (greylisting's message "Try
//     again later", action "soft reject"), src/plugins/lua/mx_check.lua (reject_null_mx_message,
//     about the sender's domains), lualib/lua_scanners/clamav.lua and common.lua (the antivirus
//     default message '${SCANNER}: virus found: "${VIRUS}"').
//   MailScanner (github:MailScanner/v5 at 76589ee4, 2024-11-06), the filter of MailCleaner, eFa and
//     Baruwa: its reports to the sender, common/usr/share/MailScanner/reports/en/
//     sender.spam.report.txt, sender.spam.sa.report.txt, sender.spam.rbl.report.txt,
//     sender.size.report.txt, sender.content.report.txt (sent when a spam action is "bounce", a
//     message is over "Maximum Message Size" or holds content the site refuses),
//     sender.mcp.report.txt (held for review),
//     sender.virus.report.txt and sender.filename.report.txt (a warning: the message was
//     delivered without the infected or refused attachments, "Deliver Cleaned Messages = yes"
//     in common/etc/MailScanner/MailScanner.conf); languages.conf ("TooBig = Message is too
//     large"), perl/MailScanner/SweepContent.pm (the size report's "<TooBig>: <n> bytes").
//   Kaspersky Anti-Spam 3.0 User Guide, 4.5.6 "Notifications about rejected messages" (its SMTP
//     session example: "550 The message is rejected by spam filtering engine.").
//   FortiMail Administration Guide, "Troubleshooting" (as fortinetguru.com/2016/04/troubleshooting/11
//     reproduces it): "SMTP clients receive the message 451 Try again later", the greylist
//     routine's temporary refusal; recipient verification's 451 when the SMTP server is down.
// No case comes from a bounce collection.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { postfixNotice, postfixRemote, type PostfixRecipient } from './postfix-notice.ts';
import { eximBounce } from './plain-bounces.ts';
import { verdictCases } from './recipient-verdicts.ts';

const ADDRESS = 'user@example.net';
const HOST = 'mx.example.net[192.0.2.1]';

/** A reply to `command` that Postfix's smtp(8) client reports in a failure notice. */
const failed = (status: string, reply: string, command: string) =>
  postfixNotice('failed', [postfixRemote(ADDRESS, status, reply, command)]);
/** The same reply in Postfix's delay warning: the MTA is still trying. */
const delayed = (status: string, reply: string, command: string) =>
  postfixNotice('delayed', [postfixRemote(ADDRESS, status, reply, command)]);

/** A refusal in the server's greeting, as Postfix's smtp_proto.c words it ("refused to talk to me"). */
const refusedGreeting = (status: string, reply: string): PostfixRecipient => ({
  address: ADDRESS,
  status,
  reason: `host ${HOST} refused to talk to me: ${reply}`,
  diagnostic: `smtp; ${reply}`,
  remoteMta: 'mx.example.net',
});

/** Exim's bounce quoting a remote server's reply after `phase` ("RCPT TO:<...>", "end of data"). */
const eximRemote = (phase: string, reply: string) =>
  eximBounce(['host mx.example.net [192.0.2.1]', `SMTP error from remote mail server after ${phase}:`, reply]);

// ---------------------------------------------------------------------------------------------
// MailCleaner: Exim's ACL texts, sent with Exim's default codes (550 for a deny, 451 for a defer)
// and no enhanced status code, so Postfix's report carries the class only (5.0.0, 4.0.0).
describe("MailCleaner's Exim ACL refusals", () => {
  verdictCases([
    {
      // acl_check_conn: deny dnslists = __RBLS__, message = Blacklisted in ${perl{hideToken}
      // {$dnslist_domain}}: $dnslist_text. The sending host is on a DNS block list.
      title: 'MailCleaner\'s "Blacklisted in <list>" in the greeting blocks the sending host',
      raw: () =>
        postfixNotice('failed', [
          refusedGreeting('5.0.0', '550 Blacklisted in zen.spamhaus.org: https://www.spamhaus.org/query/ip/192.0.2.1'),
        ]),
      kind: 'bounce',
      recipients: [[ADDRESS, 'blocked', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_conn: deny hosts = HOSTBLACKLIST, message = blacklisted host: $sender_host_address.
      title: 'MailCleaner\'s "blacklisted host: <ip>" in the greeting blocks the sending host',
      raw: () => postfixNotice('failed', [refusedGreeting('5.0.0', '550 blacklisted host: 192.0.2.1')]),
      kind: 'bounce',
      recipients: [[ADDRESS, 'blocked', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt: deny senders = SENDERBLACKLIST, message = blacklisted sender: $sender_address.
      // The envelope sender is refused: nothing is known about the recipient.
      title: 'MailCleaner\'s "blacklisted sender: <address>" at RCPT TO refuses the sender, never the recipient',
      raw: () => failed('5.0.0', '550 blacklisted sender: sender@example.com', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'rejected', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt: deny domains = +domains_to_preventspoof, message = This domain does not
      // accept mail from itself (spoofing). The envelope sender claims the recipient's own
      // domain: the sender is refused; the domain takes mail, the address is not dead.
      title: 'MailCleaner\'s "This domain does not accept mail from itself (spoofing)" refuses the sender, never a dead domain',
      raw: () => failed('5.0.0', '550 This domain does not accept mail from itself (spoofing)', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'rejected', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt: deny domains = +no_caps_domains, message = This domain does not accept
      // sender addresses using capital letters.
      title: 'MailCleaner\'s "does not accept sender addresses using capital letters" refuses the sender',
      raw: () => failed('5.0.0', '550 This domain does not accept sender addresses using capital letters', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'rejected', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt (BATV): senders = : (a bounce), message = This domain does not accept
      // unsigned bounces. A bounce to an address the domain never signed: backscatter refused.
      title: 'MailCleaner\'s BATV "This domain does not accept unsigned bounces." refuses the bounce\'s null sender, not the domain',
      raw: () => failed('5.0.0', '550 This domain does not accept unsigned bounces.', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'rejected', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt (BATV): message = Invalid reverse path signature.
      title: 'MailCleaner\'s BATV "Invalid reverse path signature." refuses the bounce, never the address',
      raw: () => failed('5.0.0', '550 Invalid reverse path signature.', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'rejected', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt (REJECTBADRDNS): message = Reverse DNS lookup failed for $sender_host_address.
      title: 'MailCleaner\'s "Reverse DNS lookup failed for <ip>" asks for a PTR record',
      raw: () => failed('5.0.0', '550 Reverse DNS lookup failed for 192.0.2.1', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'requireptr', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt: the address list check, message = No such user.
      title: 'MailCleaner\'s "No such user" at RCPT TO is an unknown recipient, hard',
      raw: () => failed('5.0.0', '550 No such user', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'userunknown', 'hard', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt: the callout to the domain's server failed, message = User unknown.
      title: 'MailCleaner\'s "User unknown" at RCPT TO, written by Exim, is an unknown recipient',
      raw: () => eximRemote(`RCPT TO:<${ADDRESS}>`, '550 User unknown'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'userunknown', 'hard', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt: deny !domains = +relay_to_domains, message = relay not permitted.
      title: 'MailCleaner\'s "relay not permitted" is a refused relay, not the address',
      raw: () => failed('5.0.0', '550 relay not permitted', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'norelaying', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt: deny domains = +relayrefuseddomains, message = Relaying to this domain is forbidden.
      title: 'MailCleaner\'s "Relaying to this domain is forbidden" is a refused relay',
      raw: () => failed('5.0.0', '550 Relaying to this domain is forbidden', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'norelaying', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt (REJECTBADSPF): message = $sender_host_address is not allowed to send mail
      // from $sender_address_domain (SPF failure).
      title: 'MailCleaner\'s "<ip> is not allowed to send mail from <domain> (SPF failure)" is a failed SPF check',
      raw: () => failed('5.0.0', '550 192.0.2.1 is not allowed to send mail from example.com (SPF failure)', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'authfailure', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt (BSRBL, null sender only): message = backscatterer blacklisted: $dnslist_text.
      title: 'MailCleaner\'s "backscatterer blacklisted" is the sending host on a block list',
      raw: () =>
        failed('5.0.0', '550 backscatterer blacklisted: http://www.backscatterer.org/?target=test&ip=192.0.2.1', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'blocked', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt (USETLS): message = Encryption is required to this domain.
      title: 'MailCleaner\'s "Encryption is required to this domain" asks for STARTTLS',
      raw: () => failed('5.0.0', '550 Encryption is required to this domain', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'failedstarttls', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_mime: message = Detected forbidden filetype (Security reasons). The
      // recipient's policy on attachments, not a security error of the sender.
      title: 'MailCleaner\'s "Detected forbidden filetype (Security reasons)" is the recipient\'s attachment policy',
      raw: () => failed('5.0.0', '550 Detected forbidden filetype (Security reasons).', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'policyviolation', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_data (OUTGOINGVIRUSSCAN): message = This message contains malware ($malware_name).
      title: 'MailCleaner\'s "This message contains malware (<name>)" is a virus',
      raw: () => failed('5.0.0', '550 This message contains malware (Eicar-Signature)', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'virusdetected', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_data (REJECTDMARC): message = Message from $dmarc_used_domain failed sender's
      // DMARC policy, rejecting.
      title: 'MailCleaner\'s "failed sender\'s DMARC policy, rejecting" is a failed DMARC check',
      raw: () => failed('5.0.0', "550 Message from example.com failed sender's DMARC policy, rejecting.", 'end of DATA command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'authfailure', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_data: message = Maximum line length is $acl_m_linelength_limit, got
      // $max_received_linelength. RFC 5322's 998 characters.
      title: 'MailCleaner\'s "Maximum line length is 998, got <n>" is a message not compliant with RFC 5322',
      raw: () => failed('5.0.0', '550 Maximum line length is 998, got 1200.', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'notcompliantrfc', 'soft', '5.0.0', '550']],
    },
    {
      // acl_check_rcpt: defer ... message = $sender_host_address is not yet authorized to deliver
      // mail from <$sender_address> to <$local_part@$domain>. Please try later. Greylisting,
      // Exim's 451: still being retried.
      title: 'MailCleaner\'s greylisting "is not yet authorized to deliver mail ... Please try later" in a delay warning is soft',
      raw: () =>
        delayed(
          '4.0.0',
          `451 192.0.2.1 is not yet authorized to deliver mail from <sender@example.com> to <${ADDRESS}>. Please try later.`,
          'RCPT TO command',
        ),
      kind: 'delay',
      recipients: [[ADDRESS, 'expired', 'none', '4.0.0', '451']],
    },
    {
      // The same greylisting answer, last reply of a message that expired in Postfix's queue.
      title: "MailCleaner's greylisting answer in a final failure is a message that expired, never a dead address",
      raw: () =>
        failed(
          '4.0.0',
          `451 192.0.2.1 is not yet authorized to deliver mail from <sender@example.com> to <${ADDRESS}>. Please try later.`,
          'RCPT TO command',
        ),
      kind: 'bounce',
      recipients: [[ADDRESS, 'expired', 'soft', '4.0.0', '451']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Proxmox Mail Gateway: its policy daemon's answers through Postfix's check_policy_service (the
// recipient restrictions: "<address>: Recipient address rejected: <text>"), its LMTP filter's
// reply and its own notice.

/** Proxmox Mail Gateway's own notice (src/PMG/SMTP.pm generate_ndr, built by MIME::Entity). */
const proxmoxNdr = (recipients: readonly string[]) =>
  Buffer.from(
    [
      'Content-Type: multipart/report; boundary="----------=_1764650000-4242-0"; report-type=delivery-status',
      'Content-Transfer-Encoding: binary',
      'MIME-Version: 1.0',
      'X-Mailer: MIME-tools 5.510 (Entity 5.510)',
      'To: sender@example.com',
      'From: postmaster@example.net',
      'Date: Wed, 02 Dec 2026 04:20:22 +0000',
      'Subject: Undelivered Mail',
      'Auto-Submitted: auto-replied',
      '',
      'This is a multi-part message in MIME format...',
      '',
      '------------=_1764650000-4242-0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Disposition: inline',
      'Content-Transfer-Encoding: 8bit',
      '',
      'This is the mail system at host pmg.example.net.',
      '',
      "I'm sorry to have to inform you that your message could not",
      'be delivered to one or more recipients.',
      '',
      'For further assistance, please send mail to postmaster.',
      '',
      'If you do so, please include this problem report.',
      '                   The mail system',
      '',
      '554 5.7.1 Recipient address(es) rejected for policy reasons',
      '',
      '------------=_1764650000-4242-0',
      'Content-Type: message/delivery-status',
      'Content-Disposition: inline',
      'Content-Transfer-Encoding: 7bit',
      'Content-Description: Delivery report',
      '',
      'Reporting-MTA: dns; pmg.example.net',
      'X-Proxmox-Queue-ID: 3E1A2B4C5D6E7F8091A2B3C4',
      'X-Proxmox-Sender: rfc822; sender@example.com',
      // generate_ndr() writes no blank line between the report's fields and the first recipient's.
      ...recipients.flatMap((r) => [
        `Final-Recipient: rfc822; ${r}`,
        `Original-Recipient: rfc822;${r}`,
        'Action: failed',
        'Status: 5.7.1',
        'Diagnostic-Code: smtp; 554 5.7.1 Recipient address rejected for policy reasons',
        '',
      ]),
      '------------=_1764650000-4242-0--',
      '',
    ].join('\n'),
  );

describe("Proxmox Mail Gateway's refusals and notice", () => {
  verdictCases([
    {
      // pmgpolicy: greylisting answers "defer_if_permit Service is unavailable (try later)";
      // Postfix sends it as 450 4.7.1 with its "Recipient address rejected:" prefix.
      title: 'Proxmox\'s greylisting "Service is unavailable (try later)" in a delay warning is soft',
      raw: () =>
        delayed('4.7.1', `450 4.7.1 <${ADDRESS}>: Recipient address rejected: Service is unavailable (try later)`, 'RCPT TO command'),
      kind: 'delay',
      recipients: [[ADDRESS, 'expired', 'none', '4.7.1', '450']],
    },
    {
      title: 'Proxmox\'s greylisting "Service is unavailable (try later)" in a final failure is never hard',
      raw: () =>
        failed('4.7.1', `450 4.7.1 <${ADDRESS}>: Recipient address rejected: Service is unavailable (try later)`, 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'expired', 'soft', '4.7.1', '450']],
    },
    {
      // pmgpolicy: an SPF fail answers "reject <authority explanation>", Mail::SPF's default
      // "Please see http://www.openspf.org/Why?...": the only words are the SPF explanation's URL.
      title: 'Proxmox\'s SPF refusal "Please see http://www.openspf.org/Why?..." is a failed SPF check',
      raw: () =>
        failed(
          '5.7.1',
          `554 5.7.1 <${ADDRESS}>: Recipient address rejected: Please see http://www.openspf.org/Why?s=mfrom;id=sender%40example.com;ip=192.0.2.1;r=pmg.example.net`,
          'RCPT TO command',
        ),
      kind: 'bounce',
      recipients: [[ADDRESS, 'authfailure', 'soft', '5.7.1', '554']],
    },
    {
      // SMTP.pm: every recipient blocked by a rule (its Block action) with "ndr_on_block":
      // "554 5.7.1 Rejected for policy reasons (<queue id>)" after the message.
      title: 'Proxmox\'s "Rejected for policy reasons" after the message is the recipient\'s policy',
      raw: () => failed('5.7.1', '554 5.7.1 Rejected for policy reasons (3E1A2B4C5D6E7F8091A2B3C4)', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'policyviolation', 'soft', '5.7.1', '554']],
    },
    {
      // SMTP.pm generate_ndr(): some recipients blocked, the others delivered; its own notice.
      title: 'Proxmox\'s own "Undelivered Mail" notice reads each blocked recipient as the recipient\'s policy',
      raw: () => proxmoxNdr([ADDRESS, 'b@example.net']),
      kind: 'bounce',
      recipients: [
        [ADDRESS, 'policyviolation', 'soft', '5.7.1', '554'],
        ['b@example.net', 'policyviolation', 'soft', '5.7.1', '554'],
      ],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// MailScanner's reports to the sender: "<detectors> have been triggered by a message you sent:-"
// over the message's quoted To, Subject and Date; the To line names the recipients the report
// is about. No reply code, no enhanced status: the class of a final failure, 5.0.0.

/** A MailScanner report to the sender, filled in as MailScanner does (From: "Notices From" <Local Postmaster>). */
const mailScannerReport = (subject: string, body: readonly string[]) =>
  Buffer.from(
    [
      'From: "MailScanner" <postmaster@example.net>',
      'To: sender@example.com',
      `Subject: ${subject}`,
      'X-ExampleNet-MailScanner: generated',
      '',
      ...body,
      '',
      'If you have any questions about this, or you believe you have received',
      'this message in error, please contact the site system administrators.',
      '',
      '-- ',
      'MailScanner',
      'Email Virus Scanner',
      'Example Net',
      'www.example.net',
      '',
    ].join('\n'),
  );

const triggered = (detectors: string, to: string) => [
  `${detectors} been triggered by a message you sent:-`,
  `  To: ${to}`,
  '  Subject: hello',
  '  Date: Tue Dec  1 09:00:00 2026',
];

describe("MailScanner's reports to the sender", () => {
  verdictCases([
    {
      // sender.spam.report.txt: "Our UCE (spam) detectors have been triggered ... This message
      // has been rejected.", sent for the spam action "bounce".
      title: 'MailScanner\'s "{Bounce} Unsolicited commercial email rejected" is spam, for each recipient of its To line',
      raw: () =>
        mailScannerReport('{Bounce} Unsolicited commercial email rejected', [
          ...triggered('Our UCE (spam) detectors have', `${ADDRESS}, b@example.net`),
          'This message has been rejected. The detectors that were triggered are',
          'SpamAssassin (not cached, score=14.2, required 5, BAYES_99 3.50, URIBL_BLACK 1.70).',
          '',
          'Your message has been detected as spam based on both its contents and',
          'the mail server which has sent the message to us.',
          '',
          'We do not accept unsolicited commercial (spam) e-mail and actively',
          'work to stop it.',
        ]),
      kind: 'bounce',
      recipients: [
        [ADDRESS, 'spamdetected', 'soft', '5.0.0', ''],
        ['b@example.net', 'spamdetected', 'soft', '5.0.0', ''],
      ],
    },
    {
      // sender.spam.sa.report.txt: SpamAssassin alone ("The content of your message indicates
      // that it is probably spam e-mail").
      title: 'MailScanner\'s SpamAssassin report "probably spam e-mail, which is why it has been rejected" is spam',
      raw: () =>
        mailScannerReport('{Bounce} Unsolicited commercial email rejected', [
          ...triggered('Our UCE (spam) detectors have', ADDRESS),
          'This message has been rejected. The detector that triggered is',
          'SpamAssassin.',
          '',
          'The content of your message indicates that it is probably spam e-mail,',
          'which is why it has been rejected.',
          '',
          'We do not accept unsolicited commercial (spam) e-mail and actively',
          'work to stop it.',
        ]),
      kind: 'bounce',
      recipients: [[ADDRESS, 'spamdetected', 'soft', '5.0.0', '']],
    },
    {
      // sender.content.report.txt: "Potentially dangerous email rejected", an HTML object the
      // site's content policy refuses. The report's signature ("MailScanner / Email Virus
      // Scanner") is the product's name, never a virus found in this message.
      title: 'MailScanner\'s "Potentially dangerous email rejected" is the site\'s content policy, not a virus',
      raw: () =>
        mailScannerReport('Potentially dangerous email rejected', [
          ...triggered('Our email content filters have', ADDRESS),
          'This message has been rejected. The filters said this:',
          'MailScanner: Object codebase tag found in message.',
          '',
          'This message contained potentially dangerous content which has been removed.',
          '',
          'If you were attempting to send a web page, please try saving the web page',
          'to a file, and then attach that file to the message instead.',
        ]),
      kind: 'bounce',
      recipients: [[ADDRESS, 'policyviolation', 'soft', '5.0.0', '']],
    },
    {
      // sender.spam.rbl.report.txt: the sending server "is listed in a public blacklist".
      title: "MailScanner's report that the sending server is on a public blacklist blocks the sending host",
      raw: () =>
        mailScannerReport('{Bounce} Unsolicited commercial email rejected', [
          ...triggered('Our UCE (spam) detectors have', ADDRESS),
          'This message has been destroyed. The detectors that were triggered are',
          'spamhaus-ZEN.',
          '',
          'The server which is sending the message to our site is listed in a',
          'public blacklist of badly configured or misused mail systems.',
        ]),
      kind: 'bounce',
      recipients: [[ADDRESS, 'blocked', 'soft', '5.0.0', '']],
    },
    {
      // sender.size.report.txt: "was too large and has been removed".
      title: 'MailScanner\'s "Oversized email rejected" is a message too big',
      raw: () =>
        mailScannerReport('Oversized email rejected', [
          ...triggered('Our email content filters have', ADDRESS),
          'This message has been rejected. The filters said this:',
          'Message is too large: 31457280 bytes.',
          '',
          'This message, or an attachment it contained, was too large and has been',
          'removed.',
          'Its length was 31457280 bytes, but the maximum allowed is 20971520.',
          '',
          'Please try compressing the attachment file before sending it.',
        ]),
      kind: 'bounce',
      recipients: [[ADDRESS, 'mesgtoobig', 'soft', '5.0.0', '']],
    },
  ]);

  // sender.virus.report.txt and sender.filename.report.txt: the message went on without the
  // infected or refused attachments ("This message is simply to warn you"); sender.mcp.report.txt:
  // the message waits for review ("quarantined for review before delivery"). No failure.
  it("reads MailScanner's virus and attachment warnings, and its report of a message held for review, as no bounce", async () => {
    const virus = mailScannerReport('Warning: E-mail viruses detected', [
      'Our virus detector has just been triggered by a message you sent:-',
      `  To: ${ADDRESS}`,
      '  Subject: hello',
      '  Date: Tue Dec  1 09:00:00 2026',
      'Any infected parts of the message (invoice.zip)',
      'have not been delivered.',
      '',
      'This message is simply to warn you that your computer system may have a',
      'virus present and should be checked.',
      '',
      'The virus detector said this about the message:',
      'Report: ClamAV: invoice.zip->invoice.exe was infected: Win.Trojan.Agent',
    ]);
    const filename = mailScannerReport('Warning: E-mail viruses detected', [
      'Our e-mail content detector has just been triggered by a message you sent:',
      `  To: ${ADDRESS}`,
      '  Subject: hello',
      '  Date: Tue Dec  1 09:00:00 2026',
      '',
      'One or more of the attachments (invoice.exe) are on',
      'the list of unacceptable attachments for this site and will not have',
      'been delivered.',
      '',
      'Consider renaming the files to avoid this constraint.',
    ]);
    // sender.mcp.report.txt: held for review, not refused.
    const held = mailScannerReport('Banned content stored for review', [
      ...triggered('Our message content detectors have', ADDRESS),
      'This message has been quarantined for review before delivery.',
    ]);
    for (const raw of [virus, filename, held]) expect((await classify(raw)).kind).toBe('not-bounce');
  });
});

// ---------------------------------------------------------------------------------------------
describe("rspamd's milter defaults", () => {
  verdictCases([
    {
      // milter_internal.h: soft reject is "451" "4.7.1" "Try again later" (greylist.lua's default
      // message), sent after the message through the MTA's milter.
      title: 'rspamd\'s greylisting "451 4.7.1 Try again later" in a delay warning is soft',
      raw: () => delayed('4.7.1', '451 4.7.1 Try again later', 'end of DATA command'),
      kind: 'delay',
      recipients: [[ADDRESS, 'expired', 'none', '4.7.1', '451']],
    },
    {
      title: 'rspamd\'s greylisting "451 4.7.1 Try again later" in a final failure is a message that expired',
      raw: () => failed('4.7.1', '451 4.7.1 Try again later', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'expired', 'soft', '4.7.1', '451']],
    },
    {
      // mx_check.lua: reject_null_mx_message "Domain published RFC 7505 Null MX", about the
      // sender's domains (envelope sender, From:, Reply-To), sent as a reject ("554" "5.7.1").
      title: 'rspamd\'s "Domain published RFC 7505 Null MX" refuses the sender\'s domain, never a dead recipient',
      raw: () => failed('5.7.1', '554 5.7.1 Domain published RFC 7505 Null MX', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'rejected', 'soft', '5.7.1', '554']],
    },
    {
      // lua_scanners/clamav.lua: default_message '${SCANNER}: virus found: "${VIRUS}"', SCANNER
      // the rule's name in antivirus.conf ("clamav"), with action "reject".
      title: 'rspamd\'s antivirus "clamav: virus found: <name>" is a virus',
      raw: () => failed('5.7.1', '554 5.7.1 clamav: virus found: "Eicar-Signature"', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'virusdetected', 'soft', '5.7.1', '554']],
    },
    {
      // milter_internal.h: reject is "554" "5.7.1" "Spam message rejected".
      title: 'rspamd\'s "554 5.7.1 Spam message rejected" in an Exim bounce is spam',
      raw: () => eximRemote('end of data', '554 5.7.1 Spam message rejected'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'spamdetected', 'soft', '5.7.1', '554']],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
describe("Kaspersky's and FortiMail's documented replies", () => {
  verdictCases([
    {
      // Kaspersky Anti-Spam 3.0 User Guide 4.5.6: "550 The message is rejected by spam filtering engine."
      title: 'Kaspersky\'s "The message is rejected by spam filtering engine" is spam',
      raw: () => eximRemote('end of data', '550 The message is rejected by spam filtering engine.'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'spamdetected', 'soft', '5.0.0', '550']],
    },
    {
      // Kaspersky Anti-Spam 3.0 User Guide 4.5.6, the same reply as Postfix reports it.
      title: 'Kaspersky\'s "The message is rejected by spam filtering engine" in a Postfix notice is spam',
      raw: () => failed('5.0.0', '550 The message is rejected by spam filtering engine.', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'spamdetected', 'soft', '5.0.0', '550']],
    },
    {
      // FortiMail Administration Guide, Troubleshooting: "451 Try again later", the greylist
      // routine's answer to an unknown sender (or recipient verification that could not reach
      // the protected domain's server). Still being retried: soft.
      title: 'FortiMail\'s "451 Try again later" in a delay warning is soft',
      raw: () => delayed('4.0.0', '451 Try again later', 'RCPT TO command'),
      kind: 'delay',
      recipients: [[ADDRESS, 'expired', 'none', '4.0.0', '451']],
    },
    {
      title: 'FortiMail\'s "451 Try again later" as the last reply of an expired message is never hard',
      raw: () => failed('4.0.0', '451 Try again later', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[ADDRESS, 'expired', 'soft', '4.0.0', '451']],
    },
  ]);
});
