// What mailing list managers and help desks send back to a sender, each notice laid out as the
// product's own template writes it (its header fields, its text, what it attaches), with
// made-up addresses. rebound's users send invoices and notices; written to a list address or a
// support address they get these back. What a mail administrator expects of each:
// - a post the list refuses (not a member, banned, too big, refused by its moderator) is a
//   refusal of that message: a bounce for the list's address, `rejected` (or `mesgtoobig`,
//   `exceedlimit`, `toomanyconn` by what it names), soft: the list's address works;
// - a list address that does not exist (Sympa's "List unknown", 5.1.1) is a dead address, hard;
// - a post held for moderation, a request to confirm a post, a list's own probe or bounce
//   warning (whatever bounce it attaches: one of the list's messages to the reader) and the
//   list's "no more automatic answers today" are no failure of the sender's mail;
// - a help desk's acknowledgement of a new ticket is an automatic reply; its refusal (no
//   permission, ticket not created, follow-up to a closed ticket rejected, too many open
//   tickets, message too large) is a refusal of the message: a bounce for the desk's address,
//   soft.
// Sources read (templates and code, never a bounce collection):
//   GNU Mailman 2.1 (github:jaredmauch/mailman2-python3, b0de82e, 2026-07): templates/en/
//     postheld.txt, refuse.txt, nomoretoday.txt, probe.txt; Mailman/Handlers/Hold.py (the hold
//     reasons and rejection notices), Moderate.py (do_reject: the older "Your message has been
//     rejected, probably because you are not subscribed ..." text), CookHeaders.py
//     ("X-List-Administrivia: yes" on internally crafted messages), Bouncer.py (BounceMessage:
//     the sender's own Subject, the notice and the returned message as multipart/mixed),
//     ListAdmin.py (__refuse: "Request to mailing list %(realname)s rejected"), Message.py
//     (UserNotification: "Precedence: bulk"). The newer do_reject text ("You are not allowed
//     to post to this mailing list, and your message has been automatically rejected.") as a
//     list's FAQ quotes it whole (fieldtriptoolbox.org, "Why am I not allowed to post to the
//     discussion list?").
//   GNU Mailman 3.3 (github:wikimedia/operations-debs-mailman3, 96e43dd, 2021-03): src/mailman/
//     templates/en/list:user:notice:hold.txt, :rejected.txt, :probe.txt; chains/reject.py,
//     chains/hold.py ("Your message to $mlist.fqdn_listname awaits moderator approval"),
//     app/bounces.py (bounce_message, send_probe), rules/moderation.py, max_size.py,
//     max_recipients.py, banned_address.py, handlers/rfc_2369.py.
//   Sympa 6.2 (github:sympa-community/sympa, 1d59e9a, 2026-08): default/mail_tt2/
//     delivery_status_notification.tt2, reject.tt2, report.tt2 (send_subscriber);
//     src/lib/Sympa.pm (send_dsn: the diagnostics, Action "delayed" for 4.3.0, "delivered" for
//     2.x); src/lib/Sympa/Message/Template.pm (From the robot's -request address for a DSN,
//     Auto-Submitted).
//   ezmlm-idx 7.2 (github:bruceg/ezmlm-idx, a16cf16, 2018-01): lang/en_US/messages
//     (ERR_MAX_SIZE, ERR_NO_POST, TXT_ONLY_SUBSCRIBERS, TXT_REJECT_POSTS, SUB_RETURNED_POST,
//     SUB_CONFIRM_POST, SUB_WARNING), lang/en_US/text/top, mod-reject, mod-timeout,
//     post-confirm, bounce-warn; bin/ezmlm-checksub.c, ezmlm-reject.c, ezmlm-store.c
//     (exit 100: qmail returns the words in its own failure notice).
//   mlmmj: listtexts en/deny-post (git.stargrave.org mlmmj-listtexts.git, blob d949c2b6),
//     the Subject "Post to $list$@$domain$ denied: $subject$" and its reasons; its "%text
//     prologue%" was not read (the older texts' "Hi, this is the mlmmj program managing the
//     mailinglist $listaddr$", git.ipfire.org mlmmj commit df10f7a9, was): the prologue below
//     is that greeting in the newer form and decides nothing; the sender list+bounces-help@
//     as mlmmj's generate_notsubscribed() writes it.
//   Discourse (config/locales/server.en.yml as stored in 1244919208/discourse, 07f48fd):
//     email_reject_insufficient_trust_level, _strangers_not_allowed, _screened_email,
//     _topic_closed ("We're sorry, but your email message to %{destination} (titled
//     %{former_title}) didn't work."); lib/email/message_builder.rb (discourse/discourse
//     010ec1d: header_args).
//   Request Tracker (github:bestpractical/rt, rt-4.2.16 d43c5d9 and 72106ba): lib/RT/Interface/
//     Email.pm (MailError: multipart/mixed, the explanation, then the sender's message as a MIME
//     part; "Permission Denied", "Ticket creation failed: %s", "Message not recorded: %s"),
//     lib/RT/Ticket.pm ("No permission to create tickets in the queue '%1'"), etc/initialdata
//     (the Autoreply template), lib/RT/Action/Autoreply.pm ("Auto-Submitted: auto-replied").
//   OTRS / Znuny / OTOBO: the initial auto responses (scripts/database/otrs-initial_insert:
//     "default reject (after follow-up and rejected of a closed ticket)", "Your email has been
//     rejected! (RE: <OTRS_CUSTOMER_SUBJECT[24]>)"), Kernel/System/Email.pm (Loop: "X-Loop:
//     yes", "Precedence: bulk", "Auto-Submitted: auto-generated").
//   Zammad (github:zammad/zammad): app/views/mailer/email_oversized/en.txt.erb ("[undeliverable]
//     Message too large"), app/models/channel/email_parser.rb (postmaster_response, sent from
//     the channel's address); the default "auto reply (on new tickets)" trigger.
//   osTicket (github:osTicket/osTicket): include/i18n/en_US/templates/email/ticket.autoresp.yaml,
//     ticket.overlimit.yaml; include/class.mailer.php (an auto-reply's "Precedence: auto_reply",
//     "X-Autoreply: yes", "Auto-Submitted: auto-replied").
// Left out: LISTSERV, Majordomo, fml, groups.io: no template or documented text of their
// refusals was found to read here (Google Groups' refusal is read in
// small-family-wordings.test.ts).
import { describe, expect, it } from 'vitest';
import { readVerdicts, type RecipientVerdict as Verdict } from './recipient-verdicts.ts';

const mail = (head: readonly string[], body: readonly string[]) => Buffer.from([...head, '', ...body].join('\n'), 'utf8');

const POST = [
  'Return-Path: <sender@example.com>',
  'From: Sender <sender@example.com>',
  'To: mylist@lists.example.org',
  'Subject: Invoice 2026-118',
  'Date: Wed, 02 Dec 2026 09:14:00 +0000',
  'Message-ID: <inv.118@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset="us-ascii"',
  '',
  'Please find the invoice attached.',
];

function mixed(head: readonly string[], text: readonly string[], attached: readonly string[] = POST, type = 'message/rfc822') {
  return mail(
    [...head, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="===============1234567890=="'],
    [
      '--===============1234567890==',
      'Content-Type: text/plain; charset="us-ascii"',
      'MIME-Version: 1.0',
      'Content-Transfer-Encoding: 7bit',
      '',
      ...text,
      '',
      '--===============1234567890==',
      `Content-Type: ${type}`,
      'MIME-Version: 1.0',
      '',
      ...attached,
      '',
      '--===============1234567890==--',
    ],
  );
}

const MM2_HEAD = (subject: string, from = 'mylist-owner@lists.example.org') => [
  'Return-Path: <mylist-bounces@lists.example.org>',
  `Subject: ${subject}`,
  `From: ${from}`,
  'To: sender@example.com',
  'Message-ID: <mailman.3.1764666843.1234.mylist@lists.example.org>',
  'Date: Wed, 02 Dec 2026 09:14:03 +0000',
  'Precedence: bulk',
  'X-BeenThere: mylist@lists.example.org',
  'X-Mailman-Version: 2.1.39',
  'List-Id: <mylist.lists.example.org>',
  'X-List-Administrivia: yes',
  'Errors-To: mylist-bounces@lists.example.org',
  'Sender: "Mylist" <mylist-bounces@lists.example.org>',
];

const NOTICES: Record<string, () => Buffer> = {
  mm2_nonmember: () =>
    mixed(MM2_HEAD('Invoice 2026-118'), [
      'You are not allowed to post to this mailing list, and your message has been',
      'automatically rejected.  If you think that your messages are being rejected in',
      'error, contact the mailing list owner at mylist-owner@lists.example.org.',
      '',
    ]),
  mm2_nonmember_old: () =>
    mixed(MM2_HEAD('Invoice 2026-118'), [
      'Your message has been rejected, probably because you are not subscribed to the',
      "mailing list and the list's policy is to prohibit non-members from posting to",
      'it.  If you think that your messages are being rejected in error, contact the',
      'mailing list owner at mylist-owner@lists.example.org.',
      '',
    ]),
  mm2_held: () =>
    mail(
      [
        ...MM2_HEAD('Your message to Mylist awaits moderator approval'),
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="us-ascii"',
      ],
      [
        "Your mail to 'Mylist' with the subject",
        '',
        '    Invoice 2026-118',
        '',
        'Is being held until the list moderator can review it for approval.',
        '',
        'The reason it is being held:',
        '',
        '    Post by non-member to a members-only list',
        '',
        'Either the message will get posted to the list, or you will receive',
        "notification of the moderator's decision.  If you would like to cancel",
        'this posting, please visit the following URL:',
        '',
        '    https://lists.example.org/mailman/confirm/mylist/0123456789abcdef0123456789abcdef01234567',
        '',
      ],
    ),
  mm2_held_toobig: () =>
    mail(
      [
        ...MM2_HEAD('Your message to Mylist awaits moderator approval'),
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="us-ascii"',
      ],
      [
        "Your mail to 'Mylist' with the subject",
        '',
        '    Invoice 2026-118',
        '',
        'Is being held until the list moderator can review it for approval.',
        '',
        'The reason it is being held:',
        '',
        '    Message body is too big: 412345 bytes with a limit of 40 KB',
        '',
        'Either the message will get posted to the list, or you will receive',
        "notification of the moderator's decision.  If you would like to cancel",
        'this posting, please visit the following URL:',
        '',
        '    https://lists.example.org/mailman/confirm/mylist/0123456789abcdef0123456789abcdef01234567',
        '',
      ],
    ),
  mm2_refused_toobig: () =>
    mail(
      [...MM2_HEAD('Request to mailing list Mylist rejected'), 'MIME-Version: 1.0', 'Content-Type: text/plain; charset="us-ascii"'],
      [
        'Your request to the Mylist mailing list',
        '',
        '    Posting of your message titled "Invoice 2026-118"',
        '',
        'has been rejected by the list moderator.  The moderator gave the',
        'following reason for rejecting your request:',
        '',
        '"Your message was too big; please trim it to less than 40 KB."',
        '',
        'Any questions or comments should be directed to the list administrator ',
        'at:',
        '',
        '    mylist-owner@lists.example.org',
        '',
      ],
    ),
  mm2_refused_nonmember: () =>
    mail(
      [...MM2_HEAD('Request to mailing list Mylist rejected'), 'MIME-Version: 1.0', 'Content-Type: text/plain; charset="us-ascii"'],
      [
        'Your request to the Mylist mailing list',
        '',
        '    Posting of your message titled "Invoice 2026-118"',
        '',
        'has been rejected by the list moderator.  The moderator gave the',
        'following reason for rejecting your request:',
        '',
        '"Non-members are not allowed to post messages to this list."',
        '',
        'Any questions or comments should be directed to the list administrator ',
        'at:',
        '',
        '    mylist-owner@lists.example.org',
        '',
      ],
    ),
  mm2_nomoretoday: () =>
    mail(
      [
        ...MM2_HEAD('Last autoresponse notification for today', 'mylist-bounces@lists.example.org'),
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="us-ascii"',
      ],
      [
        "We have received a message from your address `sender@example.com' requesting",
        'an automated response from the Mylist mailing list.  We have',
        'seen 10 such messages from you today.  In order to avoid problems',
        'such as mail loops between email robots, we will not be sending you',
        'any further email responses today.  Please try again tomorrow.',
        '',
        'If you believe this message is in error, or if you have any questions,',
        'please contact the list owner at mylist-owner@lists.example.org.',
      ],
    ),
};

const MM3_HEAD = (subject: string, from = 'mylist-owner@lists.example.org') => [
  `Subject: ${subject}`,
  `From: ${from}`,
  'To: sender@example.com',
  'Message-ID: <176466684312.1234.5678901234567890123@mail.lists.example.org>',
  'Date: Wed, 02 Dec 2026 09:14:03 -0000',
  'Precedence: bulk',
  'X-Mailman-Version: 3.3.10',
  'List-Id: <mylist.lists.example.org>',
  'X-List-Administrivia: yes',
  'List-Help: <mailto:mylist-request@lists.example.org?subject=help>',
  'List-Subscribe: <mailto:mylist-join@lists.example.org>',
  'List-Unsubscribe: <mailto:mylist-leave@lists.example.org>',
];
const mm3Rejected = (reason: string) =>
  mixed(MM3_HEAD('Invoice 2026-118'), [
    'Your message to the Mylist mailing-list was rejected for the following',
    'reasons:',
    '',
    reason,
    '',
    'The original message as received by Mailman is attached.',
  ]);
Object.assign(NOTICES, {
  mm3_nonmember: () => mm3Rejected('The message is not from a list member'),
  mm3_toobig: () => mm3Rejected('The message is larger than the 40 KB maximum size'),
  mm3_banned: () => mm3Rejected('Message sender sender@example.com is banned from this list'),
  mm3_recips: () => mm3Rejected('Message has more than 10 recipients'),
  mm3_held: () =>
    mail(
      [
        ...MM3_HEAD('Your message to mylist@lists.example.org awaits moderator approval', 'mylist-bounces@lists.example.org'),
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="us-ascii"',
      ],
      [
        "Your mail to 'Mylist' with the subject",
        '',
        '    Invoice 2026-118',
        '',
        'Is being held until the list moderator can review it for approval.',
        '',
        'The message is being held because:',
        '',
        'The message is not from a list member',
        '',
        'Either the message will get posted to the list, or you will receive',
        "notification of the moderator's decision.",
      ],
    ),
  mm3_probe: () =>
    mixed(
      [
        'Subject: Mylist mailing list probe message',
        'From: mylist-bounces+0123456789abcdef@lists.example.org',
        'To: sender@example.com',
        'Message-ID: <p1@lists.example.org>',
        'Date: Wed, 02 Dec 2026 09:14:03 -0000',
        'X-Mailman-Version: 3.3.10',
        'List-Id: <mylist.lists.example.org>',
        'X-List-Administrivia: yes',
      ],
      [
        'This is a probe message.  You can ignore this message.',
        '',
        'The Mylist mailing list has received a number of bounces from you,',
        'indicating that there may be a problem delivering messages to sender@example.com.  A',
        'sample is attached below.  Please examine this message to make sure there are',
        'no problems with your email address.  You may want to check with your mail',
        'administrator for more help.',
        '',
        "You don't need to do anything to remain an enabled member of the mailing list.",
        '',
        'If you have any questions or problems, you can contact the mailing list owner',
        'at',
        '',
        '    mylist-owner@lists.example.org',
      ],
      [
        'From: MAILER-DAEMON@mx.example.com (Mail Delivery System)',
        'To: mylist-bounces+sender=example.com@lists.example.org',
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Tue, 01 Dec 2026 09:14:03 +0000',
        'Message-ID: <b1@mx.example.com>',
        'Content-Type: text/plain',
        '',
        'This is the mail system at host mx.example.com.',
        '',
        "I'm sorry to have to inform you that your message could not",
        'be delivered to one or more recipients.',
        '',
        '<sender@example.com>: host mail.example.com[192.0.2.25] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)',
      ],
    ),
});

/** The same message written to a help desk's address. */
const TICKET = POST.map((l) => (l === 'To: mylist@lists.example.org' ? 'To: support@help.example.net' : l));

const HEADERS_ONLY = POST.slice(0, POST.indexOf(''));
function sympaDsn(
  subject: string,
  text: string[],
  recipient: string,
  action: string,
  status: string,
  diag: string,
  attachHeadersOnly: boolean,
) {
  return mail(
    [
      'Return-Path: <>',
      'From: SYMPA <sympa-request@lists.example.org>',
      'To: sender@example.com',
      `Subject: ${subject}`,
      'Date: Wed, 2 Dec 2026 09:14:03 +0000',
      'Message-Id: <sympa.1764666843.123.456@lists.example.org>',
      'X-Loop: sympa@lists.example.org',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; ',
      '\tboundary="----------=_1764666843-1234-0"',
    ],
    [
      'This is a MIME-encapsulated message.',
      '',
      '------------=_1764666843-1234-0',
      'Content-Type: text/plain; charset="UTF-8"',
      'Content-Disposition: inline',
      'Content-Description: Notification',
      '',
      'This is an automatic response sent by Sympa Mailing Lists Manager.',
      ...text,
      '------------=_1764666843-1234-0',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; lists.example.org',
      'Arrival-Date: Wed, 02 Dec 2026 09:14:02 +0000',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      `Action: ${action}`,
      `Status: ${status}`,
      'Remote-MTA: dns; lists.example.org',
      `Diagnostic-Code: X-Sympa; ${diag}`,
      '',
      '------------=_1764666843-1234-0',
      ...(attachHeadersOnly
        ? ['Content-Type: text/rfc822-headers', 'Content-Disposition: inline', '', ...HEADERS_ONLY, '']
        : ['Content-Type: message/rfc822', 'Content-Disposition: inline', 'X-Sympa-Attach: yes', '', ...POST, '']),
      '------------=_1764666843-1234-0--',
    ],
  );
}
Object.assign(NOTICES, {
  sympa_notallowed: () =>
    sympaDsn(
      'Message distribution: Authorization denied',
      [
        "Impossible to distribute your message for list 'mylist@lists.example.org' for the following reason:",
        '',
        "Your message for list 'mylist' (attached below) was rejected.",
        'You are not allowed to send this message for the following reason:',
        '',
        ' Message distribution in the list is restricted to list subscribers.',
        'If you are subscribed to the list with a different email address, you should either use that other email address or update your list membership with the new email address.',
        '',
        'For further information, please contact mylist-request@lists.example.org',
        '',
      ],
      'mylist@lists.example.org',
      'failed',
      '5.7.1',
      'You are not allowed to send this message',
      false,
    ),
  sympa_toolarge: () =>
    sympaDsn(
      'Too large message',
      [
        "Impossible to distribute your message for list 'mylist@lists.example.org' for the following reason:",
        '',
        'Your message could not be sent because its size (412 kB) was over the maximum size (100 kB) allowed on this list.',
        '',
        'Note: Because binary files have to be encoded in less-efficient ASCII format before being sent over email, the final size of an attachment is often significantly larger than the original file.',
        '',
      ],
      'mylist@lists.example.org',
      'failed',
      '5.2.3',
      'Message could not be sent because its size was over the maximum size allowed on the list',
      true,
    ),
  sympa_unknown: () =>
    sympaDsn(
      'List unknown',
      [
        "Impossible to distribute your message for list 'nolist@lists.example.org' for the following reason:",
        '',
        'The following address is not a known mailing list:',
        '',
        '    nolist@lists.example.org',
        '',
        "To find out the correct list name, ask for this server's lists directory:",
        '',
        '    https://lists.example.org/sympa/my',
        '',
        'For further information, please contact listmaster@lists.example.org',
        '',
      ],
      'nolist@lists.example.org',
      'failed',
      '5.1.1',
      'List does not exist',
      true,
    ),
  sympa_tomoderators: () =>
    sympaDsn(
      'Message distribution: Forwarded',
      ["Your message to the list 'mylist' has been forwarded to the moderator(s)", ''],
      'mylist@lists.example.org',
      'delivered',
      '2.3.0',
      'Message has been forwarded to the list moderator(s)',
      true,
    ),
  sympa_tomoderators_430: () =>
    sympaDsn(
      'Message distribution: Forwarded',
      ["Your message to the list 'mylist' has been forwarded to the moderator(s)", ''],
      'mylist@lists.example.org',
      'delayed',
      '4.3.0',
      'Message has been forwarded to the list moderator(s)',
      true,
    ),
  sympa_modreject: () =>
    mail(
      [
        'From: mylist-request@lists.example.org',
        'To: sender@example.com',
        'Subject: Your message has been rejected',
        'Date: Wed, 2 Dec 2026 09:14:03 +0000',
        'Message-Id: <sympa.1764666843.123.457@lists.example.org>',
        'Auto-Submitted: auto-generated',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
      ],
      [
        'Your message for list mylist@lists.example.org has been rejected by the moderator (moderator@example.net).',
        '',
        '(Subject of your mail: Invoice 2026-118)',
        '',
        'Check mylist list usage:',
        'https://lists.example.org/sympa/info/mylist',
      ],
    ),
});

const qmailBounce = (addr: string, lines: string[]) =>
  mail(
    [
      'Return-Path: <>',
      'Date: 2 Dec 2026 09:14:03 -0000',
      'From: MAILER-DAEMON@lists.example.org',
      'To: sender@example.com',
      'Subject: failure notice',
    ],
    [
      'Hi. This is the qmail-send program at lists.example.org.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      `<${addr}>:`,
      ...lines,
      '',
      '--- Below this line is a copy of the message.',
      '',
      ...POST,
    ],
  );
const EZ_HEAD = (subject: string) => [
  'Return-Path: <mylist-return-1234-sender=example.com@lists.example.org>',
  'Mailing-List: contact mylist-help@lists.example.org; run by ezmlm',
  'Date: 2 Dec 2026 09:14:03 -0000',
  'Message-ID: <1764666843.12345.ezmlm@lists.example.org>',
  'From: mylist-help@lists.example.org',
  'To: sender@example.com',
  `Subject: ${subject}`,
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary=ezmlmboundary',
];
Object.assign(NOTICES, {
  ez_toolarge: () =>
    qmailBounce('mylist@lists.example.org', ["ezmlm-reject: fatal: Sorry, I don't accept messages larger than 100000 bytes (#5.2.3)"]),
  ez_subonly: () =>
    qmailBounce('mylist@lists.example.org', [
      'Sorry, only subscribers may post. If you are a subscriber, please forward this message to mylist-owner@lists.example.org to get your new address included.',
    ]),
  ez_rejectposts: () =>
    qmailBounce('mylist@lists.example.org', [
      "Sorry, I've been told to reject your posts. Contact mylist-owner@lists.example.org if you have questions about this.",
    ]),
  ez_nopost: () =>
    qmailBounce('mylist@lists.example.org', ["ezmlm-store: fatal: I'm sorry, you are not allowed to post messages to this list (#5.7.2)"]),
  ez_modreject: () =>
    mail(EZ_HEAD('Returned post for mylist@lists.example.org'), [
      '--ezmlmboundary',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      "Hi! This is the ezmlm program. I'm managing the",
      'mylist@lists.example.org mailing list.',
      '',
      "I'm working for my owner, who can be reached",
      'at mylist-owner@lists.example.org.',
      '',
      "I'm sorry, your message (enclosed) was not accepted by the moderator.",
      'If the moderator has made any comments, they are shown below.',
      '',
      '--ezmlmboundary',
      'Content-Type: message/rfc822',
      '',
      ...POST,
      '',
      '--ezmlmboundary--',
    ]),
  ez_modtimeout: () =>
    mail(EZ_HEAD('Returned post for mylist@lists.example.org'), [
      '--ezmlmboundary',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      "Hi! This is the ezmlm program. I'm managing the",
      'mylist@lists.example.org mailing list.',
      '',
      "I'm working for my owner, who can be reached",
      'at mylist-owner@lists.example.org.',
      '',
      "I'm sorry, the list moderators for the mylist list",
      "have failed to act on your post. Thus, I'm returning it to you.",
      'If you feel that this is in error, please repost the message',
      'or contact a list moderator directly.',
      '',
      '--- Enclosed, please find the message you sent.',
      '',
      '--ezmlmboundary',
      'Content-Type: message/rfc822',
      '',
      ...POST,
      '',
      '--ezmlmboundary--',
    ]),
  ez_confirm: () =>
    mail(EZ_HEAD('Confirm post to mylist@lists.example.org'), [
      '--ezmlmboundary',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      "Hi! This is the ezmlm program. I'm managing the",
      'mylist@lists.example.org mailing list.',
      '',
      'It seems you have submitted the enclosed message to the',
      'mylist@lists.example.org mailing list.',
      'To prevent mailing list abuse, every sender must confirm its own',
      "posts. If you'd like to confirm distribution to your message to",
      'all the subscribers, please e-mail:',
      '',
      'mylist-confirm-1764666843.1234.abcdefghijklmnop@lists.example.org',
      '',
      "If you don't confirm post, simply ignore this message.",
      '',
      '--- Enclosed, please find the posted message.',
      '',
      '--ezmlmboundary',
      'Content-Type: message/rfc822',
      '',
      ...POST,
      '',
      '--ezmlmboundary--',
    ]),
  ez_warn: () =>
    mail(EZ_HEAD('Warning from mylist@lists.example.org'), [
      '--ezmlmboundary',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      "Hi! This is the ezmlm program. I'm managing the",
      'mylist@lists.example.org mailing list.',
      '',
      'Messages to you from the mylist mailing list seem to',
      "have been bouncing. I've attached a copy of the first bounce",
      'message I received.',
      '',
      'If this message bounces too, I will send you a probe. If the probe bounces,',
      'I will remove your address from the mylist mailing list,',
      'without further notice.',
      '',
      '--ezmlmboundary',
      'Content-Type: message/rfc822',
      '',
      'Return-Path: <>',
      'From: MAILER-DAEMON@mx.example.com',
      'To: mylist-return-1200-sender=example.com@lists.example.org',
      'Subject: failure notice',
      '',
      'Hi. This is the qmail-send program at mx.example.com.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      '<sender@example.com>:',
      '192.0.2.25 failed after I sent the message.',
      'Remote host said: 552 5.2.2 Mailbox full',
      '',
      '--ezmlmboundary--',
    ]),
});

const MLMMJ = (subject: string, reason: string[]) =>
  mail(
    [
      'From: mylist+bounces-help@lists.example.org',
      'To: sender@example.com',
      `Subject: ${subject}`,
      'Message-ID: <mlmmj-1764666843-1234@lists.example.org>',
      'Date: Wed, 02 Dec 2026 09:14:03 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed;',
      ' boundary="=_12345678_="',
      'Content-Transfer-Encoding: 8bit',
    ],
    [
      '--=_12345678_=',
      'Content-Type: text/plain; charset=utf8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Hi, this is the Mlmmj program managing the <mylist@lists.example.org>',
      'mailing list.',
      '',
      'The message from <sender@example.com> with subject "Invoice 2026-118" was',
      ...reason,
      '',
      '--=_12345678_=',
      'Content-Type: message/rfc822; name="message.eml"',
      'Content-Disposition: inline; filename="message.eml"',
      '',
      ...POST,
      '',
      '--=_12345678_=--',
    ],
  );
Object.assign(NOTICES, {
  mlmmj_subonly: () =>
    MLMMJ('Post to mylist@lists.example.org denied: Invoice 2026-118', [
      'unable to be delivered to the list because you are not a list subscriber.',
    ]),
  mlmmj_size: () =>
    MLMMJ('Post to mylist@lists.example.org denied: Invoice 2026-118', [
      'unable to be delivered to the list because it exceeded the maximum allowed',
      'message size of 1048576 bytes.',
    ]),
  mlmmj_access: () =>
    MLMMJ('Post to mylist@lists.example.org denied: Invoice 2026-118', [
      'unable to be delivered to the list because of an access rule set up by the',
      'list administrator.',
    ]),
  mlmmj_modreject: () =>
    MLMMJ('Post to mylist@lists.example.org denied: Invoice 2026-118', [
      'unable to be delivered to the list because a moderator rejected it.',
    ]),
});

// lib/email/message_builder.rb (discourse/discourse 010ec1d): "X-Auto-Response-Suppress: All",
// Reply-To the sending address; a site's email_custom_headers setting adds its own fields
// (here "Auto-Submitted: auto-generated", which made main read it as an automatic reply).
const discourse = (subject: string, reason: string[], custom: readonly string[] = ['Auto-Submitted: auto-generated']) =>
  mail(
    [
      'Date: Wed, 02 Dec 2026 09:14:03 +0000',
      'From: Example Forum <noreply@forum.example.org>',
      'Reply-To: Example Forum <noreply@forum.example.org>',
      'To: sender@example.com',
      'Message-ID: <d6f0c8b5-1d2e-4c7a-9a0e-0123456789ab@forum.example.org>',
      `Subject: ${subject}`,
      'Mime-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 7bit',
      'X-Auto-Response-Suppress: All',
      ...custom,
    ],
    ['We\'re sorry, but your email message to ["support@forum.example.org"] (titled Invoice 2026-118) didn\'t work.', '', ...reason],
  );
Object.assign(NOTICES, {
  discourse_trust: () =>
    discourse(
      '[Example Forum] Email issue -- Insufficient Trust Level',
      [
        'Your account does not have the required trust level to post new topics to this email address. If you believe this is an error, [contact a staff member](https://forum.example.org/about).',
      ],
      [],
    ),
  discourse_strangers: () =>
    discourse('[Example Forum] Email issue -- Invalid Access', [
      'The category you sent this email to only allows replies from users with valid accounts and known email addresses. If you believe this is an error, [contact a staff member](https://forum.example.org/about).',
    ]),
  discourse_screened: () =>
    discourse('[Example Forum] Email issue -- Blocked Email', [
      'Your reply was sent from a blocked email address. Try sending from another email address, or [contact a staff member](https://forum.example.org/about).',
    ]),
  discourse_topicclosed: () =>
    discourse('[Example Forum] Email issue -- Topic Closed', [
      'The topic you are replying to is currently closed and no longer accepting replies. If you believe this is an error, [contact a staff member](https://forum.example.org/about).',
    ]),
});

const rt42 = (subject: string, explanation: string) =>
  mail(
    [
      'Subject: ' + subject,
      'From: support@help.example.net',
      'To: sender@example.com',
      'Date: Wed, 02 Dec 2026 09:14:03 +0000',
      'Message-ID: <rt-4.2.16-1234-1764666843-1.0@help.example.net>',
      'In-Reply-To: <inv.118@example.com>',
      'X-RT-Loop-Prevention: help.example.net',
      'Precedence: bulk',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="----------=_1764666843-1234-0"',
    ],
    [
      'This is a multi-part message in MIME format...',
      '',
      '------------=_1764666843-1234-0',
      'Content-Type: text/plain; charset="UTF-8"',
      'Content-Disposition: inline',
      'Content-Transfer-Encoding: binary',
      '',
      explanation,
      '',
      '------------=_1764666843-1234-0',
      ...TICKET.slice(1),
      '',
      '------------=_1764666843-1234-0--',
    ],
  );
Object.assign(NOTICES, {
  rt_perm: () => rt42('Permission Denied', 'You do not have permission to communicate with RT'),
  rt_createfail: () => rt42('Ticket creation failed: Invoice 2026-118', "No permission to create tickets in the queue 'General'"),
  rt_notrecorded: () => rt42('Message not recorded: Invoice 2026-118', 'Could not find a ticket with id 4711'),
  rt_autoreply: () =>
    mail(
      [
        'Subject: [help.example.net #4711] AutoReply: Invoice 2026-118',
        'From: "General via RT" <support@help.example.net>',
        'Reply-To: support@help.example.net',
        'To: sender@example.com',
        'In-Reply-To: <inv.118@example.com>',
        'Message-ID: <rt-5.0.7-1234-1764666843-1.4711-1-0@help.example.net>',
        'Precedence: bulk',
        'Auto-Submitted: auto-replied',
        'X-RT-Loop-Prevention: help.example.net',
        'X-RT-Ticket: help.example.net #4711',
        'RT-Ticket: help.example.net #4711',
        'Content-Type: text/plain; charset="utf-8"',
      ],
      [
        '',
        'Greetings,',
        '',
        'This message has been automatically generated in response to the',
        'creation of a trouble ticket regarding:',
        '        "Invoice 2026-118", ',
        'a summary of which appears below.',
        '',
        'There is no need to reply to this message right now.  Your ticket has been',
        'assigned an ID of [help.example.net #4711].',
        '',
        'Please include the string:',
        '',
        '         [help.example.net #4711]',
        '',
        'in the subject line of all future correspondence about this issue. To do so, ',
        'you may reply to this message.',
        '',
        '                        Thank you,',
        '                        support@help.example.net',
        '',
        '-------------------------------------------------------------------------',
        'Please find the invoice attached.',
      ],
    ),
  otrs_reject: () =>
    mail(
      [
        'From: "Example Support" <support@help.example.net>',
        'To: sender@example.com',
        'Subject: Your email has been rejected! (RE: Invoice 2026-118)',
        'X-Loop: yes',
        'Precedence: bulk',
        'Auto-Submitted: auto-generated',
        'X-Mailer: Znuny Mail Service (6.5.x)',
        'In-Reply-To: <inv.118@example.com>',
        'Message-ID: <1764666843.12345.678@help.example.net>',
        'Date: Wed, 02 Dec 2026 09:14:03 +0000',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="utf-8"',
      ],
      [
        'Your previous ticket is closed.',
        '',
        '-- Your follow-up has been rejected. --',
        '',
        'Please create a new ticket.',
        '',
        'Your Znuny Team',
      ],
    ),
  otrs_autoreply: () =>
    mail(
      [
        'From: "Example Support" <support@help.example.net>',
        'To: sender@example.com',
        'Subject: RE: Invoice 2026-118 [Ticket#2026120210000011]',
        'X-Loop: yes',
        'Precedence: bulk',
        'Auto-Submitted: auto-generated',
        'X-Mailer: Znuny Mail Service (6.5.x)',
        'In-Reply-To: <inv.118@example.com>',
        'Message-ID: <1764666843.12345.679@help.example.net>',
        'Date: Wed, 02 Dec 2026 09:14:03 +0000',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="utf-8"',
      ],
      [
        'This is a demo text which is send to every inquiry.',
        'It could contain something like:',
        '',
        'Thanks for your email. A new ticket has been created.',
        '',
        'You wrote:',
        '> Please find the invoice attached.',
        '',
        'Your email will be answered by a human ASAP',
        '',
        'Have fun with Znuny! :-)',
        '',
        'Your Znuny Team',
      ],
    ),
  zammad_toolarge: () =>
    mail(
      [
        'From: Example Support <support@help.example.net>',
        'To: sender@example.com',
        'Subject: [undeliverable] Message too large',
        'References: <inv.118@example.com>',
        'In-Reply-To: <inv.118@example.com>',
        'Message-ID: <z1@help.example.net>',
        'Date: Wed, 02 Dec 2026 09:14:03 +0000',
        'Content-Type: text/plain; charset=UTF-8',
      ],
      [
        'Dear Sender,',
        '',
        'Unfortunately your email titled "Invoice 2026-118" could not be delivered to one or more recipients.',
        '',
        'Your message was 32.51 MB but we only accept messages up to 30 MB.',
        '',
        'Please reduce the message size and try again. Thank you for your understanding.',
        '',
        'Regretfully,',
        '',
        'Postmaster of help.example.net',
      ],
    ),
  zammad_autoreply: () =>
    mail(
      [
        'From: Example Support <support@help.example.net>',
        'To: sender@example.com',
        'Subject: Thanks for your inquiry (Invoice 2026-118) [Ticket#31001]',
        'In-Reply-To: <inv.118@example.com>',
        'Message-ID: <z2@help.example.net>',
        'Date: Wed, 02 Dec 2026 09:14:03 +0000',
        'X-Loop: yes',
        'Precedence: bulk',
        'Auto-Submitted: auto-generated',
        'X-Auto-Response-Suppress: All',
        'Content-Type: text/plain; charset=UTF-8',
      ],
      [
        'Your request (Ticket#31001) has been received and will be reviewed by our support staff.',
        '',
        'To provide additional information, please reply to this email or click on the following link:',
        'https://help.example.net/#ticket/zoom/31',
        '',
        'Your Example Support Team',
      ],
    ),
  osticket_autoresp: () =>
    mail(
      [
        'From: Example Support <support@help.example.net>',
        'To: sender@example.com',
        'Subject: Support Ticket Opened [#612345]',
        'Precedence: auto_reply',
        'X-Autoreply: yes',
        'X-Auto-Response-Suppress: DR, RN, OOF, AutoReply',
        'Auto-Submitted: auto-replied',
        'In-Reply-To: <inv.118@example.com>',
        'Message-ID: <ost1@help.example.net>',
        'Date: Wed, 02 Dec 2026 09:14:03 +0000',
        'Content-Type: text/plain; charset=utf-8',
      ],
      [
        'Dear Sender,',
        '',
        'A request for support has been created and assigned #612345.',
        'A representative will follow-up with you as soon as possible. You can',
        "view this ticket's progress online.",
        '',
        'Your Example Team,',
      ],
    ),
  osticket_overlimit: () =>
    mail(
      [
        'From: Example Support <support@help.example.net>',
        'To: sender@example.com',
        'Subject: Open Tickets Limit Reached',
        'Precedence: auto_reply',
        'X-Autoreply: yes',
        'X-Auto-Response-Suppress: DR, RN, OOF, AutoReply',
        'Auto-Submitted: auto-replied',
        'Message-ID: <ost2@help.example.net>',
        'Date: Wed, 02 Dec 2026 09:14:03 +0000',
        'Content-Type: text/plain; charset=utf-8',
      ],
      [
        'Sender,',
        '',
        'You have reached the maximum number of open tickets allowed.',
        '',
        'To be able to open another ticket, one of your pending tickets must be',
        'closed. To update or add comments to an open ticket simply login using',
        'the link below.',
        '',
        'https://help.example.net/tickets.php?e=sender@example.com',
        '',
        'Thank you.',
        '',
        'Support Ticket System',
      ],
    ),
});

// Mailman 2.1's probe (Bouncer.py sendProbe, templates/en/probe.txt): the list's message that
// bounced attached whole, here a bounce saying the reader's address does not exist.
Object.assign(NOTICES, {
  mm2_probe: () =>
    mixed(
      [...MM2_HEAD('Mylist mailing list probe message', 'mylist-bounces+0123456789abcdef@lists.example.org')],
      [
        'This is a probe message.  You can ignore this message.',
        '',
        'The Mylist mailing list has received a number of bounces from you,',
        'indicating that there may be a problem delivering messages to sender@example.com.',
        'A bounce sample is attached below.  Please examine this message to make sure',
        'there are no problems with your email address.  You may want to check with',
        'your mail administrator for more help.',
        '',
        "If you are reading this, you don't need to do anything to remain an enabled",
        'member of the mailing list.  If this message had bounced, you would not be',
        'reading it, and your membership would have been disabled.',
      ],
      [
        'From: MAILER-DAEMON@mx.example.com (Mail Delivery System)',
        'To: mylist-bounces@lists.example.org',
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Tue, 01 Dec 2026 09:14:03 +0000',
        'Message-ID: <b2@mx.example.com>',
        'Content-Type: text/plain',
        '',
        'This is the mail system at host mx.example.com.',
        '',
        "I'm sorry to have to inform you that your message could not",
        'be delivered to one or more recipients.',
        '',
        '<sender@example.com>: host mail.example.com[192.0.2.25] said: 550 5.1.1',
        '    <sender@example.com>: Recipient address rejected: User unknown (in reply to',
        '    RCPT TO command)',
      ],
    ),
  // A person's answer to Mailman's refusal, quoting it: a letter.
  person_reply: () =>
    mail(
      [
        'From: Carol <carol@example.net>',
        'To: sender@example.com',
        'Subject: Re: Request to mailing list Mylist rejected',
        'Date: Wed, 02 Dec 2026 10:00:00 +0000',
        'Message-ID: <reply.1@example.net>',
        'Content-Type: text/plain; charset=us-ascii',
      ],
      [
        'Sorry about that, I will add you to the list.',
        '',
        '> has been rejected by the list moderator.  The moderator gave the',
        '> following reason for rejecting your request:',
        '> "Non-members are not allowed to post messages to this list."',
      ],
    ),
  // A colleague's letter that quotes a help desk's refusal: written by a person (no
  // automatic-reply field, no loop guard), so no refusal for the colleague's address.
  person_quoting_rt: () =>
    mail(
      [
        'From: Dan <dan@example.net>',
        'To: sender@example.com',
        'Subject: the support address',
        'Date: Wed, 02 Dec 2026 10:00:00 +0000',
        'Message-ID: <letter.2@example.net>',
        'Content-Type: text/plain; charset=us-ascii',
      ],
      ['You do not have permission to communicate with RT, it told me too when I wrote to it.', '', 'Dan'],
    ),
});

interface Case {
  notice: string;
  title: string;
  kind: string;
  recipients: Verdict[];
}
const LIST = 'mylist@lists.example.org';
const DESK = 'support@help.example.net';

function cases(list: readonly Case[]): void {
  for (const c of list)
    it(c.title, async () => {
      expect(await readVerdicts(NOTICES[c.notice]!())).toEqual({ kind: c.kind, recipients: c.recipients });
    });
}

describe('GNU Mailman 2.1', () => {
  cases([
    {
      notice: 'mm2_nonmember',
      title: 'a non-member\'s post auto-rejected ("You are not allowed to post to this mailing list") is a refusal for the list, soft',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'mm2_nonmember_old',
      title: 'the older do_reject text ("prohibit non-members from posting") reads the same',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'mm2_refused_nonmember',
      title: 'a moderator\'s refusal (refuse.txt, "Non-members are not allowed to post") is a refusal for the list in X-BeenThere',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'mm2_refused_toobig',
      title: 'a moderator\'s refusal with Hold.py\'s "Your message was too big" is a message too big, soft',
      kind: 'bounce',
      recipients: [[LIST, 'mesgtoobig', 'soft', '5.0.0', '']],
    },
    { notice: 'mm2_held', title: 'a post held for approval (postheld.txt) is no failure', kind: 'not-bounce', recipients: [] },
    {
      notice: 'mm2_held_toobig',
      title: 'a post held because its body is too big is no failure either',
      kind: 'not-bounce',
      recipients: [],
    },
    {
      notice: 'mm2_nomoretoday',
      title: '"Last autoresponse notification for today" is no failure',
      kind: 'not-bounce',
      recipients: [],
    },
    {
      notice: 'mm2_probe',
      title: "a bounce probe is no bounce of the sender's mail, whatever bounce sample it attaches",
      kind: 'not-bounce',
      recipients: [],
    },
    {
      notice: 'person_reply',
      title: "a person's reply quoting a list's refusal is a letter",
      kind: 'not-bounce',
      recipients: [],
    },
  ]);
});

describe('GNU Mailman 3', () => {
  cases([
    {
      notice: 'mm3_nonmember',
      title: '"was rejected for the following reasons: The message is not from a list member": a refusal for the list, soft',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'mm3_banned',
      title: 'a banned sender ("Message sender ... is banned from this list"): the list refused, the sender named is no recipient',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'mm3_toobig',
      title: '"larger than the 40 KB maximum size" is a message too big',
      kind: 'bounce',
      recipients: [[LIST, 'mesgtoobig', 'soft', '5.0.0', '']],
    },
    {
      notice: 'mm3_recips',
      title: '"Message has more than 10 recipients" is too many recipients, soft',
      kind: 'bounce',
      recipients: [[LIST, 'toomanyconn', 'soft', '5.0.0', '']],
    },
    { notice: 'mm3_held', title: '"awaits moderator approval" is no failure', kind: 'not-bounce', recipients: [] },
    {
      notice: 'mm3_probe',
      title: "a probe attaching a bounce of the list's mail to the reader is no bounce",
      kind: 'not-bounce',
      recipients: [],
    },
  ]);
});

describe('Sympa', () => {
  cases([
    {
      notice: 'sympa_notallowed',
      title: 'its 5.7.1 DSN ("restricted to list subscribers") is a refusal of the sender, soft',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.7.1', '']],
    },
    {
      notice: 'sympa_toolarge',
      title: 'its 5.2.3 DSN ("over the maximum size allowed on this list") exceeds the limit, soft',
      kind: 'bounce',
      recipients: [[LIST, 'exceedlimit', 'soft', '5.2.3', '']],
    },
    {
      notice: 'sympa_unknown',
      title: 'its 5.1.1 "List unknown" DSN is a dead address, hard',
      kind: 'bounce',
      recipients: [['nolist@lists.example.org', 'userunknown', 'hard', '5.1.1', '']],
    },
    {
      notice: 'sympa_tomoderators',
      title: '"forwarded to the moderator(s)" with Action delivered and 2.3.0 is no failure',
      kind: 'not-bounce',
      recipients: [[LIST, 'delivered', 'none', '2.3.0', '']],
    },
    {
      // Older Sympa wrote 4.3.0 with Action delayed; the reason of a delay decides nothing
      // ("Mailing Lists Manager" in its text is what filtered/recipient-refuses reads).
      notice: 'sympa_tomoderators_430',
      title: 'the same notice with 4.3.0 and Action delayed is a delay, never hard',
      kind: 'delay',
      recipients: [[LIST, 'filtered', 'none', '4.3.0', '']],
    },
    {
      notice: 'sympa_modreject',
      title: 'reject.tt2 ("has been rejected by the moderator (...)") is a refusal for the list, not the moderator',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
  ]);
});

describe('ezmlm-idx', () => {
  cases([
    {
      notice: 'ez_toolarge',
      title: 'ezmlm-reject\'s "larger than 100000 bytes (#5.2.3)" in qmail\'s notice exceeds the limit, soft',
      kind: 'bounce',
      recipients: [[LIST, 'exceedlimit', 'soft', '5.2.3', '']],
    },
    {
      notice: 'ez_subonly',
      title: 'ezmlm-checksub\'s "Sorry, only subscribers may post." is a refusal, soft',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'ez_rejectposts',
      title: '"Sorry, I\'ve been told to reject your posts." is a refusal, soft',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'ez_nopost',
      title: 'ezmlm-store\'s "you are not allowed to post messages to this list (#5.7.2)" is a refusal',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.7.2', '']],
    },
    {
      // The list's address is read from the top text's "... the mylist@... mailing list." line,
      // whose "mailing list" filtered/recipient-refuses reads first: soft either way.
      notice: 'ez_modreject',
      title: '"Returned post": a moderator\'s rejection is a refusal for the list, soft',
      kind: 'bounce',
      recipients: [[LIST, 'filtered', 'soft', '5.0.0', '']],
    },
    {
      notice: 'ez_modtimeout',
      title: '"Returned post" after the moderators failed to act is a refusal, soft',
      kind: 'bounce',
      recipients: [[LIST, 'filtered', 'soft', '5.0.0', '']],
    },
    { notice: 'ez_confirm', title: '"Confirm post to ..." is no failure', kind: 'not-bounce', recipients: [] },
    {
      notice: 'ez_warn',
      title: '"Warning from ..." with the first bounce attached is no bounce of the sender\'s mail',
      kind: 'not-bounce',
      recipients: [],
    },
  ]);
});

describe('mlmmj', () => {
  cases([
    {
      notice: 'mlmmj_subonly',
      title: '"Post to ... denied": "because you are not a list subscriber" is a refusal for the list',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'mlmmj_size',
      title: '"exceeded the maximum allowed message size" is a message too big',
      kind: 'bounce',
      recipients: [[LIST, 'mesgtoobig', 'soft', '5.0.0', '']],
    },
    {
      notice: 'mlmmj_access',
      title: '"because of an access rule set up by the list administrator" is a refusal',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'mlmmj_modreject',
      title: '"because a moderator rejected it" is a refusal',
      kind: 'bounce',
      recipients: [[LIST, 'rejected', 'soft', '5.0.0', '']],
    },
  ]);
});

describe('Discourse (email in)', () => {
  const FORUM = 'support@forum.example.org';
  cases([
    {
      notice: 'discourse_trust',
      title: '"Email issue -- Insufficient Trust Level" is a refusal for the address the message was written to',
      kind: 'bounce',
      recipients: [[FORUM, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'discourse_strangers',
      title: '"only allows replies from users with valid accounts", with a site\'s Auto-Submitted field: a refusal, no automatic reply',
      kind: 'bounce',
      recipients: [[FORUM, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'discourse_screened',
      title: '"sent from a blocked email address" refuses the sender, no blocked host',
      kind: 'bounce',
      recipients: [[FORUM, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'discourse_topicclosed',
      title: '"The topic you are replying to is currently closed" is a refusal',
      kind: 'bounce',
      recipients: [[FORUM, 'rejected', 'soft', '5.0.0', '']],
    },
  ]);
});

describe('Request Tracker', () => {
  cases([
    {
      notice: 'rt_perm',
      title: '"Permission Denied" ("You do not have permission to communicate with RT") is a refusal for the queue\'s address',
      kind: 'bounce',
      recipients: [[DESK, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'rt_createfail',
      title: '"Ticket creation failed" ("No permission to create tickets in the queue") is a refusal',
      kind: 'bounce',
      recipients: [[DESK, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'rt_notrecorded',
      title: '"Message not recorded" ("Could not find a ticket with id") is a refusal',
      kind: 'bounce',
      recipients: [[DESK, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'person_quoting_rt',
      title: "a person's letter quoting RT's refusal is no refusal",
      kind: 'not-bounce',
      recipients: [],
    },
    {
      notice: 'rt_autoreply',
      title: 'the Autoreply template ("AutoReply: ...") is an automatic reply',
      kind: 'autoreply',
      recipients: [[DESK, 'vacation', 'none', '', '']],
    },
  ]);
});

describe('OTRS, Znuny, OTOBO', () => {
  cases([
    {
      notice: 'otrs_reject',
      title: '"Your email has been rejected!" (a follow-up to a closed ticket) is a refusal, not an automatic reply',
      kind: 'bounce',
      recipients: [[DESK, 'rejected', 'soft', '5.0.0', '']],
    },
    {
      notice: 'otrs_autoreply',
      title: 'the "new ticket" auto response is an automatic reply',
      kind: 'autoreply',
      recipients: [[DESK, 'vacation', 'none', '', '']],
    },
  ]);
});

describe('Zammad', () => {
  cases([
    {
      notice: 'zammad_toolarge',
      title: '"[undeliverable] Message too large" from the channel\'s address is a message too big for it',
      kind: 'bounce',
      recipients: [[DESK, 'mesgtoobig', 'soft', '5.0.0', '']],
    },
    {
      notice: 'zammad_autoreply',
      title: '"Thanks for your inquiry" is an automatic reply',
      kind: 'autoreply',
      recipients: [[DESK, 'vacation', 'none', '', '']],
    },
  ]);
});

describe('osTicket', () => {
  cases([
    {
      notice: 'osticket_autoresp',
      title: '"Support Ticket Opened" is an automatic reply',
      kind: 'autoreply',
      recipients: [[DESK, 'vacation', 'none', '', '']],
    },
    {
      notice: 'osticket_overlimit',
      title: '"Open Tickets Limit Reached" (no ticket made) is a refusal, not an automatic reply',
      kind: 'bounce',
      recipients: [[DESK, 'rejected', 'soft', '5.0.0', '']],
    },
  ]);
});
