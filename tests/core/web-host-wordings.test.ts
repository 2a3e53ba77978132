// Web hosting companies' mail platforms: the replies their servers write, as the hosts' own
// help and knowledge-base pages quote them ("what does my email bounce mean", "incoming email
// reject codes"), each in a whole notice of a real MTA's layout: Postfix's (bounce(8)'s
// templates, the remote reply in "host ... said: <reply> (in reply to <command>)",
// smtp_proto.c; a 4xx reply in its delay notice, as while the message waits in the queue) or
// Exim's ("SMTP error from remote mail server after RCPT TO:<...>:", deliver.c, a multi-line
// reply one line each). What a user sees is asserted: the kind, the failed address, the reason
// (Sisimai's names, tests/fixtures/corpus/README.md), hard or soft, the status and the reply
// code; the CRLF copy of each notice must read the same. An outgoing limit or a refusal of the
// sender's own account is about the sender: never a recipient's reason, never hard.
// Sources read (every address, host and date below is made up; none comes from a bounce
// collection):
//   Bluehost, "What Does My Email Bounce Mean?" (https://www.bluehost.com/help/article/
//     what-does-my-email-bounce-mean): its table's 'SMTP 550 ("fromemail" max messages per
//     session)', 'SMTP 452 ("toemail" requested action aborted: try again later - GL/GL)',
//     'SMTP 550 ("fromemail" sender rejected)', 'SMTP 550 ("toemail" recipient rejected)'; the
//     page writes the address as "fromemail"/"toemail", put back in angle brackets. Its
//     "recipient rejected GL/BL" is tested in hard-soft-review.test.ts.
//   DreamHost, "SMTP quota overview" (https://help.dreamhost.com/hc/en-us/articles/215730467):
//     "Policy Rejection- Quota Exceeded"; "Sender domain policy FAQs" (.../215036118): "5.7.1
//     Sender domain not allowed"; "Reporting false positive spam email in MailChannels"
//     (.../360032561551): the Postfix line of its outbound filter's refusal, quoted whole;
//     "Blocked email" (.../115005095667): "550-Requested action not taken: mailbox unavailable
//     550-Reject due to policy restrictions.", its example of a receiver blocking the mail.
//   Titan Email (the hosted mail hosting.com, Z.com and other hosts resell), "Understanding
//     Incoming Email Reject Codes" (https://support.titan.email/hc/en-us/articles/35175377981977):
//     its table of reply code, status code and reply.
//   STRATO (Germany), "Fehlermeldungen bei E-Mails" (https://www.strato.de/faq/mail/
//     fehlermeldungen-bei-e-mails/, FAQ #2420): "550 5.7.1 Refused by local policy. No SPAM
//     please"; its other replies are tested in european-provider-wordings and published-wordings.
//   WebHostingHub (InMotion Hosting's shared brand), "550 This message was classified as SPAM"
//     (https://www.webhostinghub.com/help/learn/email/fighting-spam/email-bounce-550-spam): its
//     outbound spam filter's refusal, "550 This message was classified as SPAM and may not be
//     delivered".
//   ThisWebHost, "I am receiving an error sending e-mail" (https://www.thiswebhost.com/clients/
//     knowledgebase/554/I-am-receiving-an-error-sending-e-mail.html): its outbound relay's
//     (MailChannels') "550 5.7.1 [CSR] Our system has detected an unusual amount of unsolicited
//     email originating from your address"; its "Domain <domain> has exceeded the max defers and
//     failures per hour (5/5 (100%)) allowed" is cPanel's, read by providers/cpanel.ts.
//   Open-Xchange's hosted mail (OX App Suite Cloud, which hosts resell as "OX Mail" and
//     Namecheap's Private Email runs on), its outbound relay's codes (Vade's page for OX,
//     https://postmaster-oxsus.vadesecure.com/outbound_error_codes: "_136 421 4.2.1 Connection
//     deferred / Your server is rate-limited due to excessive volume sent"), and a reseller's
//     page quoting one whole, "How to Fix OX Outbound Error 450 4.2.0 - Recipient Temporarily
//     Rejected (OXSUS0006_404)" (https://sinosoft.guru/knowledgebase/291/): "450 4.2.0 Recipient
//     temporarily rejected - OXSUS0006_404", its outbound sending limits. The _136 reply is laid
//     out as _404's ("<reply> - OXSUS0006_<n>") and as Vade's inbound replies are.
//   (mt) Media Temple, "Why was my email blocked by (mt) spam filter?"
//     (http://kb.mediatemple.net/questions/1685): "550 Possible email abuse detected", its
//     outbound filter's spam score; its sample bounceback, Gmail's older notice ("Delivery to the
//     following recipient failed permanently: ... The error that the other server returned was:
//     550 550-Possible email abuse detected. ..."), is laid out whole below.
//   HostGator, "Error : Dictionary Attack" (https://www.hostgator.com/help/article/
//     error-dictionary-attack): the block of a sender after four consecutive invalid
//     recipients, lifted after an hour; the reply's words, "550 DICTIONARY ATTACK", as a hosting
//     guide on HostGator's errors quotes them (http://www.01hosting.com/hostgator-email/).
//   TPP Wholesale (Australia), "Are there any email sending restrictions?"
//     (https://support.tppwholesale.com.au/hc/en-gb/articles/360007386298): its cPanel
//     hosting's '550 "Daily limit has been exceeded for [email address]"'; its cloud hosting's
//     "550 Administrative prohibition" is Exim's generic refusal, left to the general rules.
//   Host Media (UK), "My emails are being rejected or not arriving at their destination"
//     (https://portal.hostmedia.uk/knowledgebase/201204295/): its table of replies, "550 5.7.1
//     [ESA] Sender blocked", "550 5.1.2 Sender Domain Not Found", "550 5.7.1 DMARC policy"; its
//     "554 Message not allowed" (read there as Yahoo's or AOL's policy refusal, its bracketed
//     code dropped) is left out: the words alone name no cause rebound can check.
//   MaxClicks Online (a cPanel host), "ASSP bounced back messages and errors"
//     (https://maxclicksonline.com/client-area/knowledgebase.php?action=displayarticle&id=10095):
//     the ASSP spam filter's replies on its shared servers, each with its cause; the session id
//     and the code it writes in its place are made up.
//   InMotion Hosting, "Domain exceeded max emails per hour" (http://www.inmotionhosting.com/
//     support/email/bounceback-errors/domain-exceeded-max-emails-per-hour): cPanel's hourly
//     limit in its own bounceback, "Domain example.com has exceeded the max emails per hour
//     (313/250 (125%)) allowed. Message discarded." (Exim's notice from the host's own server,
//     the router's words under the address, as cPanel's Exim writes a discarded message).
//   IONOS, "Error Messages Caused by Undeliverable Email" (https://www.ionos.com/help/email/
//     troubleshooting-mail-basicmail-business/error-messages-caused-by-undeliverable-email/):
//     "550 must be authenticated", from its relay to a customer's own mail server that did not
//     log in; its other replies are tested in isp-and-esp-wordings and the other files.
//   bytecamp (a Berlin host), "Fehlermeldungen bei Zustellproblemen"
//     (https://www.bytecamp.net/de/faq/email/zustellen.html): its servers' replies, each with
//     what it means; where the page drops the address from a Postfix reply it is put back as
//     smtpd_check.c writes it.
// Left out, no page of the host's own quoting its servers' replies could be found here:
// SiteGround, HostGator beyond its dictionary-attack block (HostGator's "JunkMail rejected ...
// is in an RBL on rbl.websitewelcome.com", quoted by a third party, is cPanel's RBL ACL, read by
// providers/cpanel.ts), Namecheap Private Email's own pages and its Jellyfish filter (its
// "account locked" page names no reply), Hostinger's own servers (beyond Titan), InMotion's
// general bounce page (stored only as JSON cut before its table), A2 Hosting, Liquid Web,
// Network Solutions/Web.com, Hetzner, netcup, all-inkl, Host Europe, dogado, Krystal, 20i,
// Fasthosts, TSOHost (its limits page names no reply), Crazy Domains, VentraIP, Web24, HostPapa
// (its pages quote only Gmail's reply), BigRock and Rediff; Open-Xchange's own "Mail Server
// error codes of OX App Suite Cloud" page is stored without its column of codes, and no OX
// Dovecot Pro page on its replies was found.
import { describe } from 'vitest';
import { eximBounce, plainBounce } from './plain-bounces.ts';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';
import { verdictCases } from './recipient-verdicts.ts';

const RECIPIENT = 'user@example.net';

/** Postfix's failure notice about a reply to `command` ("RCPT TO command", "end of DATA command"). */
const failed = (status: string, reply: string, command: string, host?: string) =>
  postfixNotice('failed', [postfixRemote(RECIPIENT, status, reply, command, host)]);
/** Postfix's delay notice about a temporary reply, the message still queued. */
const delayed = (status: string, reply: string, command: string) =>
  postfixNotice('delayed', [postfixRemote(RECIPIENT, status, reply, command)]);
/** Exim's failure notice about a reply after `after`, each line of a multi-line reply on its own line. */
const exim = (after: string, ...reply: string[]) =>
  eximBounce(['host mx.example.net [192.0.2.1]', `SMTP error from remote mail server after ${after}:`, ...reply]);
const AFTER_RCPT = `RCPT TO:<${RECIPIENT}>`;

describe("Bluehost's bounce table", () => {
  verdictCases([
    {
      // "Several emails were sent simultaneously. Exceeded email limits." Was rejected.
      title: '"550 <sender> max messages per session" at MAIL FROM is too many messages in one session, not a refused sender',
      raw: () => failed('5.0.0', '550 <sender@example.com> max messages per session', 'MAIL FROM command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'toomanyconn', 'soft', '5.0.0', '550']],
    },
    {
      // Was onhold.
      title: "the same limit answering RCPT TO in Exim's notice is still the session's count, soft",
      raw: () => exim(AFTER_RCPT, '550 <sender@example.com> max messages per session'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'toomanyconn', 'soft', '5.0.0', '550']],
    },
    {
      // "Momentary fail due to the account using greylisting." Was systemerror.
      title: '"452 <address> requested action aborted: try again later - GL/GL" while queued is greylisting, expired',
      raw: () => delayed('4.0.0', `452 <${RECIPIENT}> requested action aborted: try again later - GL/GL`, 'RCPT TO command'),
      kind: 'delay',
      recipients: [[RECIPIENT, 'expired', 'none', '4.0.0', '452']],
    },
    {
      // Was systemerror.
      title: 'the same greylisting in the final notice: the retries ran out, expired and soft',
      raw: () => failed('4.0.0', `452 <${RECIPIENT}> requested action aborted: try again later - GL/GL`, 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'expired', 'soft', '4.0.0', '452']],
    },
    {
      // "Email address is not formatted correctly (no @domain)."
      title: '"550 <sender> sender rejected" at MAIL FROM refuses the sender, never the recipient',
      raw: () => failed('5.0.0', '550 <sender@example.com> sender rejected', 'MAIL FROM command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'rejected', 'soft', '5.0.0', '550']],
    },
    {
      // "The recipient's mailbox does not exist."
      title: '"550 <address> recipient rejected" at RCPT TO is an unknown mailbox, hard',
      raw: () => failed('5.0.0', `550 <${RECIPIENT}> recipient rejected`, 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'userunknown', 'hard', '5.0.0', '550']],
    },
  ]);
});

// DreamHost's outgoing quota: the page gives the words, not the reply around them. DreamHost's
// relay is Postfix; a policy service's REJECT at RCPT TO goes out as "554 5.7.1 <address>:
// Recipient address rejected: <text>" (smtpd_check.c, access_map_reject_code 554), put in so.
describe("DreamHost's replies", () => {
  verdictCases([
    {
      // "... you have exceeded or attempted to exceed your mail sending limit for that particular
      // account." Was mailboxfull.
      title: '"Policy Rejection- Quota Exceeded" is the sender\'s hourly sending limit, never a full mailbox',
      raw: () =>
        failed('5.7.1', `554 5.7.1 <${RECIPIENT}>: Recipient address rejected: Policy Rejection- Quota Exceeded`, 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'speeding', 'soft', '5.7.1', '554']],
    },
    {
      // Was rejected: right that it is no recipient's reason, but the cause is the pace.
      title: 'the same quota answering MAIL FROM is still the sending limit',
      raw: () => failed('5.0.0', '550 Policy Rejection- Quota Exceeded', 'MAIL FROM command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'speeding', 'soft', '5.0.0', '550']],
    },
    {
      // "You must use a FROM address that's on the same domain you're sending email from."
      title: '"5.7.1 Sender domain not allowed" refuses the sender\'s domain, never the recipient',
      raw: () => failed('5.7.1', '550 5.7.1 Sender domain not allowed', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'rejected', 'soft', '5.7.1', '550']],
    },
    {
      // "A bounced message that DreamHost suspects is spam appears as follows".
      title: 'its outbound filter\'s "550 5.7.1 [CS] Message blocked. If this is a false positive ..." after the data is spam',
      raw: () =>
        failed(
          '5.7.1',
          '550 5.7.1 [CS] Message blocked. If this is a false positive, please report this to your hosting service provider. See https://console.mailchannels.net/insights/bounce',
          'end of DATA command',
          'relay.example.net[192.0.2.2]',
        ),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'spamdetected', 'soft', '5.7.1', '550']],
    },
    {
      // "The receiving mail server could view your incoming mail as spam and block it." Was
      // userunknown, hard: the first line read alone.
      title:
        '"550-Requested action not taken: mailbox unavailable 550-Reject due to policy restrictions." is the policy, not a dead address',
      raw: () =>
        failed('5.0.0', '550-Requested action not taken: mailbox unavailable 550-Reject due to policy restrictions.', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'policyviolation', 'soft', '5.0.0', '550']],
    },
    {
      // Was userunknown, hard.
      title: "the same two-line reply in Exim's notice, one line each, is the policy, soft",
      raw: () => exim(AFTER_RCPT, '550-Requested action not taken: mailbox unavailable', '550 Reject due to policy restrictions.'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'policyviolation', 'soft', '5.0.0', '550']],
    },
  ]);
});

describe("Titan Email's incoming reject codes", () => {
  verdictCases([
    {
      // "... a problem with the way the email is being sent, usually related to the protocol
      // commands or their sequence."
      title: '"550 5.5.1 Protocol error" is the protocol, soft',
      raw: () => failed('5.5.1', '550 5.5.1 Protocol error', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'syntaxerror', 'soft', '5.5.1', '550']],
    },
    {
      // "Email rejected as no DNS MX and no DNS A record for the sender domain."
      title: '"550 5.1.8 <sender>: Sender address rejected: Domain not found" refuses the sender',
      raw: () => failed('5.1.8', '550 5.1.8 <sender@example.org>: Sender address rejected: Domain not found', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'rejected', 'soft', '5.1.8', '550']],
    },
    {
      // "... a record with a zero-length MX hostname found for the sender domain".
      title: '"550 5.7.27 <sender>: Sender address rejected: Domain ... does not accept mail (nullMX)" refuses the sender',
      raw: () =>
        failed(
          '5.7.27',
          '550 5.7.27 <sender@example.org>: Sender address rejected: Domain example.org does not accept mail (nullMX)',
          'RCPT TO command',
        ),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'rejected', 'soft', '5.7.27', '550']],
    },
    {
      title: '"550 5.1.1 <address>: Recipient address rejected: User unknown in virtual mailbox table" is an unknown mailbox, hard',
      raw: () =>
        failed('5.1.1', `550 5.1.1 <${RECIPIENT}>: Recipient address rejected: User unknown in virtual mailbox table`, 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'userunknown', 'hard', '5.1.1', '550']],
    },
    {
      // The page reads it as an address that does not exist: a domain the server does not
      // host, which Sisimai's norelaying is; the address itself was never looked up.
      title: '"554 5.7.1 <address>: Relay access denied" is a refused relay, soft',
      raw: () => failed('5.7.1', `554 5.7.1 <${RECIPIENT}>: Relay access denied`, 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'norelaying', 'soft', '5.7.1', '554']],
    },
    {
      // "Titan enforces disk quotas ..."
      title: '"552 5.2.2 <address>: Recipient address rejected: Quota exceeded (mailbox for user is full)" is a full mailbox',
      raw: () =>
        failed('5.2.2', `552 5.2.2 ${RECIPIENT}: Recipient address rejected: Quota exceeded (mailbox for user is full)`, 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'mailboxfull', 'soft', '5.2.2', '552']],
    },
    {
      // "IP address is found on an RBL, Titan rejected the email from that suspicious IP".
      title: '"554 5.7.1 Service unavailable; Client host [ip] blocked using b.barracudacentral.org" blocks the sending host',
      raw: () =>
        failed('5.7.1', '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'blocked', 'soft', '5.7.1', '554']],
    },
  ]);
});

describe("STRATO's spam refusal", () => {
  verdictCases([
    {
      // "Ihre E-Mail verstößt gegen die Filter- bzw. Spamregel des jeweiligen Empfängers."
      title: '"550 5.7.1 Refused by local policy. No SPAM please" after the data is spam in the message',
      raw: () => failed('5.7.1', '550 5.7.1 Refused by local policy. No SPAM please', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'spamdetected', 'soft', '5.7.1', '550']],
    },
  ]);
});

describe("InMotion's (WebHostingHub's) outbound spam filter", () => {
  verdictCases([
    {
      // "... we have recently implemented outbound spam filtering."
      title: '"550 This message was classified as SPAM and may not be delivered" after the data in Exim\'s notice is spam',
      raw: () => exim('end of data', '550 This message was classified as SPAM and may not be delivered'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'spamdetected', 'soft', '5.0.0', '550']],
    },
  ]);
});

describe("bytecamp's replies", () => {
  verdictCases([
    {
      // "Ihr Mailserver hat keinen reversen DNS-Eintrag."
      title: '"450 4.7.1 Client host rejected: cannot find your reverse hostname" while queued asks for the sending IP\'s PTR record',
      raw: () =>
        delayed(
          '4.7.1',
          '450 4.7.1 <mx.example.org[192.0.2.1]>: Client host rejected: cannot find your reverse hostname, [192.0.2.1]',
          'RCPT TO command',
        ),
      kind: 'delay',
      recipients: [[RECIPIENT, 'requireptr', 'none', '4.7.1', '450']],
    },
    {
      // "Dieser Fehler ist eine nur temporäre Fehlermeldung vom Greylisting."
      title: '"450 4.2.0 <address>: Recipient address rejected: Greylisted" is greylisting, expired, no bounce type while queued',
      raw: () => delayed('4.2.0', `450 4.2.0 <${RECIPIENT}>: Recipient address rejected: Greylisted`, 'RCPT TO command'),
      kind: 'delay',
      recipients: [[RECIPIENT, 'expired', 'none', '4.2.0', '450']],
    },
    {
      // "Der einliefernde Mailserver hat das Limit der erlaubten Verbindungen ... überschritten."
      title: '"421 4.7.0 Error: too many connections from <ip>" refusing the session is too many connections',
      raw: () =>
        postfixNotice('delayed', [
          {
            address: RECIPIENT,
            status: '4.7.0',
            reason: 'host mx.example.net[192.0.2.1] refused to talk to me: 421 4.7.0 Error: too many connections from 192.0.2.9',
            diagnostic: 'smtp; 421 4.7.0 Error: too many connections from 192.0.2.9',
            remoteMta: 'mx.example.net',
          },
        ]),
      kind: 'delay',
      recipients: [[RECIPIENT, 'toomanyconn', 'none', '4.7.0', '421']],
    },
    {
      // "Das Zielkonto kann keine weiteren E-Mails entgegennehmen, da der Speicherplatz
      // ausgeschöpft ist." Its 422 is read as written.
      title: '"422 4.2.2 Quota limit exceeded (Speicherplatz des Kontos ueberschritten)" is a full mailbox, soft',
      raw: () => failed('4.2.2', '422 4.2.2 Quota limit exceeded (Speicherplatz des Kontos ueberschritten)', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'mailboxfull', 'soft', '4.2.2', '422']],
    },
    {
      // "Die E-Mail wurde von unserem System als Spam erkannt und abgewiesen." The reply code
      // 571 is outside RFC 5321's (its second digit runs 0-5): rebound reads none, by design
      // (prose.ts), and the status decides.
      title: '"571 5.7.1 message classified as spam (Nachricht als Spam eingestuft)" is spam in the message, no reply code read',
      raw: () => failed('5.7.1', '571 5.7.1 message classified as spam (Nachricht als Spam eingestuft)', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'spamdetected', 'soft', '5.7.1', '']],
    },
  ]);
});

describe("ThisWebHost's outbound relay", () => {
  verdictCases([
    {
      // "... your mailbox has been used to send a significant amount of spam in the last 24
      // hours." The sender's account blocked, as MailChannels' [CSR] "Account blocked" is read.
      // Was blocked (a block of the sending host).
      title:
        '"550 5.7.1 [CSR] Our system has detected an unusual amount of unsolicited email originating from your address" refuses the sender\'s account',
      raw: () =>
        failed(
          '5.7.1',
          '550 5.7.1 [CSR] Our system has detected an unusual amount of unsolicited email originating from your address',
          'MAIL FROM command',
          'relay.example.net[192.0.2.2]',
        ),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'rejected', 'soft', '5.7.1', '550']],
    },
    {
      // Was blocked.
      title: "the same refusal answering RCPT TO is still the sender's account, never the recipient",
      raw: () =>
        failed(
          '5.7.1',
          '550 5.7.1 [CSR] Our system has detected an unusual amount of unsolicited email originating from your address',
          'RCPT TO command',
          'relay.example.net[192.0.2.2]',
        ),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'rejected', 'soft', '5.7.1', '550']],
    },
  ]);
});

// Its outbound relay refusing the customer's own server (a Postfix relaying through it, as a
// smart host): RCPT TO and MAIL FROM as the codes' pages place them.
describe("Open-Xchange's outbound relay", () => {
  verdictCases([
    {
      // Was expired: right that it is no delay of the recipient's making, wrong in its cause.
      title: '"450 4.2.0 Recipient temporarily rejected - OXSUS0006_404" while queued is the sender\'s outbound limit',
      raw: () => delayed('4.2.0', '450 4.2.0 Recipient temporarily rejected - OXSUS0006_404', 'RCPT TO command'),
      kind: 'delay',
      recipients: [[RECIPIENT, 'speeding', 'none', '4.2.0', '450']],
    },
    {
      // Was filtered (its X.2.0 read as the recipient's mailbox).
      title: "the same refusal in the final notice is still the sending limit, never the recipient's mailbox",
      raw: () => failed('4.2.0', '450 4.2.0 Recipient temporarily rejected - OXSUS0006_404', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'speeding', 'soft', '4.2.0', '450']],
    },
    {
      // Was rejected.
      title: '"421 4.2.1 Connection deferred - OXSUS0006_136" at MAIL FROM is the volume sent, no bounce type while queued',
      raw: () => delayed('4.2.1', '421 4.2.1 Connection deferred - OXSUS0006_136', 'MAIL FROM command'),
      kind: 'delay',
      recipients: [[RECIPIENT, 'speeding', 'none', '4.2.1', '421']],
    },
  ]);
});

describe("IONOS's outgoing relay", () => {
  verdictCases([
    {
      // "The error code 550 is very general ... Own mail server with dyndns ..." Was onhold.
      title: '"550 must be authenticated" from the relay is the missing login, a security refusal, never the recipient',
      raw: () => failed('5.0.0', '550 must be authenticated', 'RCPT TO command', 'smtp.example.net[192.0.2.2]'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'securityerror', 'soft', '5.0.0', '550']],
    },
  ]);
});

describe("(mt) Media Temple's spam filter", () => {
  verdictCases([
    {
      // "... your message has received a score of 5 or higher on our spam filtering software."
      // Was onhold.
      title: 'its sample, "550 550-Possible email abuse detected. Please see ..." in Gmail\'s older notice, is spam in the message',
      raw: () =>
        plainBounce(
          'Mail Delivery Subsystem <mailer-daemon@mail.example.com>',
          'Delivery Status Notification (Failure)',
          [
            'Delivery to the following recipient failed permanently:',
            '',
            `     ${RECIPIENT}`,
            '',
            'Technical details of permanent failure:',
            'Google tried to deliver your message, but it was rejected by the recipient domain. We recommend contacting the other email provider for further information about the cause of this error. The error that the other server returned was: 550 550-Possible email abuse detected.  Please see',
            '550 http://kb.mediatemple.net/questions/1685 for details. (state 18).',
          ],
          '----- Original message -----',
        ),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'spamdetected', 'soft', '5.0.0', '550']],
    },
    {
      // Was onhold.
      title: "the same two-line reply after the data in Exim's notice is spam",
      raw: () =>
        exim('end of data', '550-Possible email abuse detected.  Please see', '550 http://kb.mediatemple.net/questions/1685 for details.'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'spamdetected', 'soft', '5.0.0', '550']],
    },
  ]);
});

// A customer's own server relaying through the host (Postfix, and Exim for the HostGator
// reply, one line each): the host's refusal of the sender.
describe("HostGator's and TPP Wholesale's refusals of the sender", () => {
  verdictCases([
    {
      // Was onhold.
      title: 'HostGator\'s "550 DICTIONARY ATTACK" at RCPT TO blocks the sending side for an hour, never the recipient',
      raw: () => failed('5.0.0', '550 DICTIONARY ATTACK', 'RCPT TO command', 'smtp.example.net[192.0.2.2]'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'blocked', 'soft', '5.0.0', '550']],
    },
    {
      // Was onhold.
      title: "the same reply in Exim's notice is the same block",
      raw: () => exim(AFTER_RCPT, '550 DICTIONARY ATTACK'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'blocked', 'soft', '5.0.0', '550']],
    },
    {
      // "... it means you've hit your email sending limit." Was onhold.
      title: 'TPP Wholesale\'s "550 Daily limit has been exceeded for <sender>" is the sender\'s daily limit',
      raw: () =>
        failed('5.0.0', '550 Daily limit has been exceeded for sender@example.com', 'RCPT TO command', 'smtp.example.net[192.0.2.2]'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'speeding', 'soft', '5.0.0', '550']],
    },
  ]);
});

describe("Host Media's table of replies", () => {
  verdictCases([
    {
      // "The sending server's IP has been added to a blocklist." MailChannels' [ESA], the
      // sender's account blocked by the outbound filter.
      title: '"550 5.7.1 [ESA] Sender blocked" at MAIL FROM refuses the sender',
      raw: () => failed('5.7.1', '550 5.7.1 [ESA] Sender blocked', 'MAIL FROM command', 'relay.example.net[192.0.2.2]'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'rejected', 'soft', '5.7.1', '550']],
    },
    {
      // "The From address uses a domain with no DNS records." Its 5.1.2 names the sender's
      // domain here, never the recipient's: no unknown host, never hard.
      title: '"550 5.1.2 Sender Domain Not Found" at RCPT TO refuses the sender, not the recipient\'s domain',
      raw: () => failed('5.1.2', '550 5.1.2 Sender Domain Not Found', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'rejected', 'soft', '5.1.2', '550']],
    },
    {
      // "Your email failed DMARC alignment."
      title: '"550 5.7.1 DMARC policy" after the data is the sender domain\'s authentication failing',
      raw: () => failed('5.7.1', '550 5.7.1 DMARC policy', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'authfailure', 'soft', '5.7.1', '550']],
    },
  ]);
});

describe("ASSP's replies on a cPanel host", () => {
  verdictCases([
    {
      // "... the sender mailserver ip address is blocked by our ASSP Antispam at ip level".
      title: '"554 5.7.2 Service denied, closing transmission channel (<session>)" blocks the sending host',
      raw: () => failed('5.7.2', '554 5.7.2 Service denied, closing transmission channel (m1-12345-01)', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'blocked', 'soft', '5.7.2', '554']],
    },
    {
      // "... the sender failed the spam filters".
      title: '"554 5.7.1 Mail (<session>) appears to be unsolicited - resend with the code ..." is spam in the message',
      raw: () =>
        failed(
          '5.7.1',
          '554 5.7.1 Mail (m1-12345-01) appears to be unsolicited - resend with the code a1b2c3 appended to subject and ask to have your email whitelisted.',
          'end of DATA command',
        ),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'spamdetected', 'soft', '5.7.1', '554']],
    },
    {
      // "It means a virus has been detected in the message."
      title: '"554 5.7.1 Mail appears infected with <virus> -- disinfect and resend." is a virus',
      raw: () =>
        failed('5.7.1', '554 5.7.1 Mail appears infected with Eicar-Test-Signature -- disinfect and resend.', 'end of DATA command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'virusdetected', 'soft', '5.7.1', '554']],
    },
    {
      // "This error is specific to the Delaying Filter" (ASSP's greylisting).
      title: 'its delaying filter\'s "451 4.7.1 Please try again later" while queued is greylisting, expired',
      raw: () => delayed('4.7.1', '451 4.7.1 Please try again later', 'RCPT TO command'),
      kind: 'delay',
      recipients: [[RECIPIENT, 'expired', 'none', '4.7.1', '451']],
    },
    {
      // Was securityerror (its X.7.1 read alone).
      title: 'the same reply in the final notice: the retries ran out, expired, soft',
      raw: () => failed('4.7.1', '451 4.7.1 Please try again later', 'RCPT TO command'),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'expired', 'soft', '4.7.1', '451']],
    },
  ]);
});

describe("InMotion's hourly sending limit", () => {
  verdictCases([
    {
      // "... you have a limit defined that only allows you to send a limited amount of emails
      // per hour within your account." The sending domain's rate, never the recipient.
      title: '"Domain <domain> has exceeded the max emails per hour (313/250 (125%)) allowed. Message discarded." is the sender\'s limit',
      raw: () => eximBounce(['Domain example.com has exceeded the max emails per hour (313/250 (125%)) allowed.  Message discarded.']),
      kind: 'bounce',
      recipients: [[RECIPIENT, 'toomanyconn', 'soft', '5.0.0', '']],
    },
  ]);
});
