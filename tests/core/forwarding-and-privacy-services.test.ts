// What email forwarding and alias services write back to a sender, read whole: their SMTP
// replies as a sending Postfix (or the service's own Postfix in front of its handler) reports
// them, and the notice a service writes itself. Each wording is the service's own, from its
// source code or its documentation, named above its case; none comes from a bounce collection.
// What a user sees is asserted: the kind, each failed address, the reason, hard or soft, the
// status and the reply code (a delay is neither hard nor soft: the MTA is still trying); the
// CRLF copy of each notice must read the same.
//
// Sources read:
// - SimpleLogin, github.com/simple-login/app at dbc45fcce4e8e6b4fa615cc729ca95a67bf75266:
//   app/email/status.py (its replies), email_handler.py (handle_forward: which reply for which
//   case), README.md (its Postfix hands mail for its domains to the handler at
//   smtp:127.0.0.1:20381, so the refusal comes back in that Postfix's own notice),
//   templates/dashboard/setting.html ("Reject means SimpleLogin will tell them that the alias
//   does not exist").
// - addy.io (AnonAddy), github.com/anonaddy/anonaddy at 202b77297ad60331f96fd0469997540063acd54a:
//   postfix/AccessPolicy.php (its Postfix policy service's actions at RCPT TO), README.md
//   (the FAQ: "550 5.1.1 Recipient address rejected: Address does not exist", "552 5.2.2
//   Recipient address rejected: User over quota"; a deactivated alias is discarded in silence),
//   SELF-HOSTING.md (the Rspamd blocklist's "550 5.1.1 Address not found").
// - Forward Email, github.com/forwardemail/forwardemail.net: helpers/get-forwarding-addresses.js
//   (0e2bfa313e5dca9f34e287d424111b3095bbd1f2: "<address> does not exist", the "!", "!!",
//   "!!!" prefixes: 250, 421, 550), helpers/get-recipients.js
//   (11f1f59650ec6f8c0741c785ca0bd8166e703dd0: "Mailbox is disabled", "Mailbox is disabled, try
//   again later"), helpers/is-denylisted.js (06e03dc720ce61805e5b5e8e23aced590074e402),
//   helpers/smtp-error.js (550 unless told), helpers/on-data-mx.js
//   (004b5f1247b0762961171d83985c90e913a6aca8: the refusal is the reply to DATA),
//   helpers/create-bounce.js (ae3f673bfc6a52ddf04aced45967443b1a77edd7: its own delivery status
//   notification), helpers/get-diagnostic-code.js, helpers/parse-enhanced-status-code.js.
// - Cloudflare Email Routing, github.com/cloudflare/cloudflare-docs,
//   src/content/docs/email-routing/postmaster.mdx (1215e033399494999d646687df3c5c72083adce3
//   and 5a9f050d5eafc293ba852b2bcedef2591468aaf8; developers.cloudflare.com/email-routing/
//   postmaster/).
//
// Left out, for want of a text a sender receives: Firefox Relay (github.com/mozilla/
// fx-private-relay, emails/views.py: its refusals, "Address does not exist", "Address is not
// accepting list emails.", are HTTP answers to Amazon SNS, never to the sender; its templates
// write to the mask's owner); SimpleLogin's and addy.io's notices about a forward the final
// mailbox refused (both accept the mail first and tell the alias's owner, not the sender);
// addy.io's deactivated alias, domain or username and SimpleLogin's default "Ignore" (both
// answer 250 and drop the mail); Forward Email's own notice for a forward it relayed (it names
// the recipient of the error object, which on that path its code does not set); Cloudflare's
// unknown address and Email Workers' setReject (the reply text is not published); ImprovMX
// (its "Error Codes" page gives 5.9.0-5.9.5 with descriptions, not the reply text); Proton
// Mail (its "SMTP errors" page is stored only as script data), DuckDuckGo Email Protection,
// iCloud Hide My Email, Tuta, Migadu, Purelymail, Hushmail (no published reply text found).
// Fastmail, Runbox, Zoho and iCloud Mail are read in mailbox-provider-wordings.test.ts.
import { describe } from 'vitest';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';
import { type RecipientVerdict, verdictCases } from './recipient-verdicts.ts';

const ALIAS = 'shop.x7q2@alias.example.net';

const bounce = (...recipients: RecipientVerdict[]) => ({ kind: 'bounce' as const, recipients });
const delay = (...recipients: RecipientVerdict[]) => ({ kind: 'delay' as const, recipients });

/** The sender's Postfix reporting the forwarding service's reply. */
const relayed = (action: 'failed' | 'delayed', host: string, status: string, reply: string, command: string) =>
  postfixNotice(action, [postfixRemote(ALIAS, status, reply, command, host)]);

// SimpleLogin's Postfix takes the message for its domains and hands it to its email handler
// (README.md's transport map: smtp:127.0.0.1:20381); a refusal of the handler after DATA comes
// back in that Postfix's own notice, which names the alias the sender wrote.
const SL_HANDLER = '127.0.0.1[127.0.0.1]';
const simpleLogin = (reply: string) => relayed('failed', SL_HANDLER, '5.0.0', reply, 'end of DATA command');

describe("SimpleLogin's replies, in its Postfix's notice", () => {
  verdictCases([
    {
      // handle_forward: an alias that does not exist and cannot be made on the fly.
      title: "'550 SL E515 Email not exist' is an alias that does not exist: userunknown, hard, after DATA too",
      raw: () => simpleLogin('550 SL E515 Email not exist'),
      ...bounce([ALIAS, 'userunknown', 'hard', '5.0.0', '550']),
    },
    {
      // handle_forward: a disabled alias or a blocked contact when the owner chose "Reject"
      // (setting.html: "the sender will be told that your alias does not exist"); the default
      // "Ignore" answers 250 and drops the mail.
      title: "'550 SL E502 Email not exist' for a disabled alias set to Reject says the alias does not exist: hard",
      raw: () => simpleLogin('550 SL E502 Email not exist'),
      ...bounce([ALIAS, 'userunknown', 'hard', '5.0.0', '550']),
    },
    {
      // handle_forward: the alias's owner cannot receive (user.can_send_or_receive()).
      title: "'550 SL E504 Account disabled' is the owner's account switched off: suspend, soft",
      raw: () => simpleLogin('550 SL E504 Account disabled'),
      ...bounce([ALIAS, 'suspend', 'soft', '5.0.0', '550']),
    },
    {
      // forward_email_to_mailbox: the mailbox behind the alias was disabled.
      title: "'550 SL E518 Disabled mailbox' is the mailbox behind the alias switched off: suspend, soft",
      raw: () => simpleLogin('550 SL E518 Disabled mailbox'),
      ...bounce([ALIAS, 'suspend', 'soft', '5.0.0', '550']),
    },
    {
      title: "'550 SL E519 Email detected as spam' is the handler's spam check: spamdetected",
      raw: () => simpleLogin('550 SL E519 Email detected as spam'),
      ...bounce([ALIAS, 'spamdetected', 'soft', '5.0.0', '550']),
    },
    {
      title: "'550 SL E522 ... receiving mail at a rate that prevents additional messages' is the pace of mail, not the address",
      raw: () =>
        simpleLogin(
          '550 SL E522 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.',
        ),
      ...bounce([ALIAS, 'speeding', 'soft', '5.0.0', '550']),
    },
  ]);
});

// addy.io's Postfix asks its policy service at RCPT TO (postfix/AccessPolicy.php); Postfix's
// smtpd writes each action as "<address>: Recipient address rejected: <text>".
const ADDY = 'mail.alias.example.net[192.0.2.20]';
const addy = (action: 'failed' | 'delayed', code: string, status: string, text: string) =>
  relayed(action, ADDY, status, `${code} ${status} <${ALIAS}>: Recipient address rejected: ${text}`, 'RCPT TO command');

describe("addy.io's (AnonAddy's) refusals at RCPT TO", () => {
  verdictCases([
    {
      // ACTION_DOES_NOT_EXIST: a deleted alias, or none at a domain without catch-all.
      title: "'550 5.1.1 ... Address does not exist' is a deleted alias: userunknown, hard",
      raw: () => addy('failed', '550', '5.1.1', 'Address does not exist'),
      ...bounce([ALIAS, 'userunknown', 'hard', '5.1.1', '550']),
    },
    {
      // ACTION_REJECT: the owner's monthly bandwidth is used up.
      title: "'552 5.2.2 ... User over quota' is the owner's allowance used up: mailboxfull, soft",
      raw: () => addy('failed', '552', '5.2.2', 'User over quota'),
      ...bounce([ALIAS, 'mailboxfull', 'soft', '5.2.2', '552']),
    },
    {
      // ACTION_DEFER: the same, for now.
      title: "'452 4.2.2 ... User over quota' is a delay, never hard",
      raw: () => addy('delayed', '452', '4.2.2', 'User over quota'),
      ...delay([ALIAS, 'mailboxfull', 'none', '4.2.2', '452']),
    },
    {
      // ACTION_DEFER_NEW: a new alias held back while the account is over its allowance.
      title: "'450 4.2.1 ... User over quota' for a new alias is a delay of the same cause",
      raw: () => addy('delayed', '450', '4.2.1', 'User over quota'),
      ...delay([ALIAS, 'mailboxfull', 'none', '4.2.1', '450']),
    },
    {
      // SELF-HOSTING.md's Rspamd rule for the owner's blocklist: "550 5.1.1 Address not found",
      // answered after DATA. The owner's block is worded as a missing address with the
      // addressing code: the words and X.1.1 decide (rules 2 and 6), hard.
      title: "a sender on the owner's blocklist gets '550 5.1.1 Address not found' after DATA: userunknown, hard",
      raw: () => relayed('failed', ADDY, '5.1.1', '550 5.1.1 Address not found', 'end of DATA command'),
      ...bounce([ALIAS, 'userunknown', 'hard', '5.1.1', '550']),
    },
  ]);
});

// Forward Email's MX answers DATA with the error of its alias lookup (helpers/on-data-mx.js,
// helpers/get-recipients.js); an SMTPError is 550 unless it says otherwise.
const FORWARD_EMAIL = 'mx1.forwarding.example.com[192.0.2.30]';
const forwardEmail = (action: 'failed' | 'delayed', reply: string) =>
  relayed(action, FORWARD_EMAIL, action === 'failed' ? '5.0.0' : '4.0.0', reply, 'end of DATA command');

describe("Forward Email's MX replies", () => {
  verdictCases([
    {
      // get-forwarding-addresses.js: no alias of that name in the domain's configuration.
      title: "'550 <address> does not exist' is an alias that does not exist: userunknown, hard, after DATA too",
      raw: () => forwardEmail('failed', `550 ${ALIAS} does not exist`),
      ...bounce([ALIAS, 'userunknown', 'hard', '5.0.0', '550']),
    },
    {
      // "!!!" before the alias's name: the owner's hard reject. The alias is there and switched
      // off, which its owner can undo: suspend, never hard (rule 8).
      title: "'550 Mailbox is disabled' (an alias its owner set to reject) is suspend, soft",
      raw: () => forwardEmail('failed', '550 Mailbox is disabled'),
      ...bounce([ALIAS, 'suspend', 'soft', '5.0.0', '550']),
    },
    {
      // "!!": the owner's soft reject, 421.
      title: "'421 Mailbox is disabled, try again later' is a delay of the same cause",
      raw: () => forwardEmail('delayed', '421 Mailbox is disabled, try again later'),
      ...delay([ALIAS, 'suspend', 'none', '4.0.0', '421']),
    },
    {
      // is-denylisted.js: the connecting IP on Forward Email's own denylist, 421.
      title: "'421 The IP ... is denylisted by ...' is the sending host refused: blocked, a delay",
      raw: () =>
        forwardEmail(
          'delayed',
          '421 The IP 198.51.100.25 is denylisted by https://forwarding.example.com ; To request removal, you must visit https://forwarding.example.com/denylist?q=198.51.100.25 ;',
        ),
      ...delay([ALIAS, 'blocked', 'none', '4.0.0', '421']),
    },
  ]);
});

/**
 * Forward Email's own notice for a message its outbound service could not deliver
 * (helpers/create-bounce.js, a multipart/report from mailer-daemon@ the sender's domain).
 */
function forwardEmailNotice(rcpt: string, delayed: boolean, reply: string, status: string): Buffer {
  return Buffer.from(
    [
      'Content-Type: multipart/report; report-type=delivery-status;',
      ' boundary="--_NmP-6f1c0a2b3c4d5e6f-Part_1"',
      'From: mailer-daemon@example.com',
      'To: sender@example.com',
      'Precedence: auto_reply',
      'Auto-Submitted: auto-replied',
      `X-Failed-Recipients: ${rcpt}`,
      'X-Auto-Response-Suppress: All',
      `Subject: Delivery Status Notification (${delayed ? 'Delayed' : 'Failure'})`,
      'In-Reply-To: <hello.1@example.com>',
      'References: <hello.1@example.com>',
      'X-Original-Message-ID: <hello.1@example.com>',
      'Message-ID: <6f1c0a2b-3c4d-5e6f@example.com>',
      'Date: Wed, 02 Dec 2026 04:20:22 +0000',
      'MIME-Version: 1.0',
      '',
      '----_NmP-6f1c0a2b3c4d5e6f-Part_1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Description: Notification',
      'Content-Transfer-Encoding: 7bit',
      '',
      delayed
        ? 'There was a temporary problem delivering your message to the following recipient:'
        : 'Your message could not be delivered to the following recipient:',
      '',
      `<${rcpt}> (host 'mx.example.org' [192.0.2.7]:25: ${reply})`,
      ...(delayed
        ? [
            '',
            'The message will continue to be retried until: Sat, 05 Dec 2026 04:20:22 +0000',
            'You will be notified if delivery fails permanently.',
          ]
        : []),
      '----_NmP-6f1c0a2b3c4d5e6f-Part_1',
      'Content-Type: message/delivery-status',
      'Content-Description: Delivery report',
      'Content-Transfer-Encoding: 7bit',
      '',
      'Reporting-MTA: dns; smtp.forwarding.example.com',
      'Arrival-Date: Wed, 02 Dec 2026 04:20:20 +0000',
      '',
      `Final-Recipient: rfc822;${rcpt}`,
      `Action: ${delayed ? 'delayed' : 'failed'}`,
      `Status: ${status}`,
      'Remote-MTA: dns; mx.example.org',
      `Diagnostic-Code: smtp; ${reply}`,
      'Last-Attempt-Date: Wed, 02 Dec 2026 04:20:22 +0000',
      'Final-Log-ID: 6750a1b2c3d4e5f6a7b8c9d0',
      ...(delayed ? ['Will-Retry-Until: Sat, 05 Dec 2026 04:20:22 +0000'] : []),
      'X-Report-Abuse-To: abuse@forwarding.example.com',
      'X-Forward-Email-Website: https://forwarding.example.com',
      'X-Forward-Email-Sender: rfc822; sender@example.com, smtp.forwarding.example.com, 192.0.2.31',
      '----_NmP-6f1c0a2b3c4d5e6f-Part_1',
      'Content-Type: text/rfc822-headers',
      'Content-Transfer-Encoding: 7bit',
      '',
      'From: Sender <sender@example.com>',
      `To: ${rcpt}`,
      'Subject: hello',
      'Message-ID: <hello.1@example.com>',
      'Date: Wed, 02 Dec 2026 04:20:19 +0000',
      '----_NmP-6f1c0a2b3c4d5e6f-Part_1--',
      '',
    ].join('\n'),
  );
}

describe("Forward Email's own delivery status notification", () => {
  verdictCases([
    {
      title: "its failure notice carries the remote's unknown user: userunknown, hard",
      raw: () =>
        forwardEmailNotice(
          'b@example.org',
          false,
          '550 5.1.1 <b@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
          '5.1.1',
        ),
      ...bounce(['b@example.org', 'userunknown', 'hard', '5.1.1', '550']),
    },
    {
      title: 'its delay notice carries the remote full mailbox: a delay, never hard',
      raw: () => forwardEmailNotice('b@example.org', true, '452 4.2.2 <b@example.org>: Mailbox full', '4.2.2'),
      ...delay(['b@example.org', 'mailboxfull', 'none', '4.2.2', '452']),
    },
  ]);
});

// Cloudflare Email Routing's refusal of a sending IP on its block lists (postmaster.mdx,
// "Realtime Block Lists"; the older page, "Spam and abusive traffic", said "DNSBLs").
const CLOUDFLARE = 'route1.mx.example.net[192.0.2.40]';
describe("Cloudflare Email Routing's block list refusal", () => {
  verdictCases([
    {
      title: "'554 <IP> found on one or more RBLs' is the sending host on a block list, not spam in the message",
      raw: () =>
        relayed(
          'failed',
          CLOUDFLARE,
          '5.0.0',
          '554 198.51.100.25 found on one or more RBLs (abusixip). Refer to https://developers.cloudflare.com/email-routing/postmaster/#spam-and-abusive-traffic/',
          'RCPT TO command',
        ),
      ...bounce([ALIAS, 'blocked', 'soft', '5.0.0', '554']),
    },
    {
      title: "its older '554 <IP> found on one or more DNSBLs' reads the same",
      raw: () =>
        relayed(
          'failed',
          CLOUDFLARE,
          '5.0.0',
          '554 198.51.100.25 found on one or more DNSBLs (abusixip). Refer to https://developers.cloudflare.com/email-routing/postmaster/#spam-and-abusive-traffic/',
          'RCPT TO command',
        ),
      ...bounce([ALIAS, 'blocked', 'soft', '5.0.0', '554']),
    },
  ]);
});
