// Mail that reaches a bounce address and looks like a delivery notice but is none (read
// receipts, message recalls, meeting responses, quarantine digests, a message held for a
// moderator), and the few notices among such mail that are bounces (Exchange's NDR for a group
// the sender may not write to, a moderator's refusal). A wrong bounce marks a live address dead
// or tells colleagues a message failed; a missed one hides a failure. What a user sees is
// asserted: kind, every failed address, reason, hard/soft, status, reply code. Each notice is
// laid out as its client or server writes it, with made-up addresses; sources read:
//   RFC 8098 (MDNs: multipart/report; report-type=disposition-notification, the
//     message/disposition-notification part, dispositions displayed, deleted, dispatched,
//     processed).
//   Thunderbird's MDN generator (mailnews/extensions/mdn/src/nsMsgMdnGenerator.cpp, an older
//     mailnews tree as stored in the code index): Subject "<MdnDisplayedReceipt ...> - <subject>"
//     ("Return Receipt (displayed) - "), the text part's MsgMdnMsgSentTo and one paragraph per
//     disposition (MsgMdnDisplayed, MsgMdnDisptched, MsgMdnProcessed, MsgMdnDeleted),
//     "Content-Type: message/disposition-notification; name=\"MDNPart2.txt\"", "Final-Recipient:
//     rfc822;<address>", "Disposition: manual-action/MDN-sent-manually; displayed", a third
//     text/rfc822-headers part. The displayed receipt's words ("This is a Return Receipt for the
//     mail that you sent to <address>.", "Note: This Return Receipt only acknowledges that the
//     message was displayed on the recipient's computer. ...") as webmail clients that copy
//     Thunderbird's strings write them (AfterLogic's language files); the deleted, dispatched and
//     processed paragraphs are msgMdn.properties' as remembered, not read in this work.
//   Outlook's read receipts as Microsoft's knowledge base quotes them: "The message was deleted
//     without being read." (KB Q186215, archived), the receipt's "Your message / To: / Subject: /
//     Sent: / was read on ..." layout (KB Q185038's recall failure notice has the same one:
//     "Your message ... could not be recalled on 4/20/98 9:45 AM."). The localised subject
//     prefixes ("Gelesen:", "Lu :", "Leído:", "Letto:", "Gelezen:", "Lida:", "Прочитано:",
//     "已读:") as Outlook's localised versions write them; not read on a Microsoft page.
//   learn.microsoft.com, exchange/mail-flow-best-practices/work-with-cloud-based-message-recall
//     (the request's subject "Recall: <Original Subject>", Exchange Online's recall report);
//     Exchange's "Delivered:" and "Relayed:" reports ("Your message has been delivered to the
//     following recipients:", "Delivery to these recipients or groups is complete, but no
//     delivery notification was sent by the destination server:").
//   Meeting responses: the subject prefixes Outlook writes from the iCalendar reply's PARTSTAT
//     and METHOD ("Accepted: ", "Declined: ", "Tentative: ", COUNTER "New Time Proposed: ", as
//     Zimbra's Outlook-connector tests and a MAPI gateway's export build them), RFC 5546
//     (METHOD:REPLY, COUNTER, CANCEL).
//   Quarantine digests: Microsoft 365's quarantine notification (sent from
//     quarantine@messaging.microsoft.com; each message's Sender, Subject, Date, and Block
//     Sender / Release / Review; universiteitleiden.nl and help pages quoting Microsoft's
//     "Use quarantine notifications" page), Proofpoint's End User Digest (it.tufts.edu,
//     pcc.edu: Release, Release and Allow Sender, Block Sender, Request New End User Digest),
//     Mimecast's digest of held messages (community.mimecast.com DOC-1724: Release, Block,
//     Permit), Barracuda's quarantine summary (support.his.com: Deliver, Whitelist, Delete,
//     View) and Sophos UTM's Quarantine Report (docs.sophos.com, utm 9.718).
//   Moderation: techcommunity.microsoft.com, "Demystifying Moderation" (2021: the moderator
//     gets an approval request; a rejection is notified to the sender). The words of the
//     notices to the sender were read on no Microsoft page: the "awaiting approval" notice
//     below is laid out from that workflow and asserts only that it is no failure; the
//     moderator's refusal is left out (no rule is written for words not read).
//   Exchange 2010's NDR for a group the sender may not write to ("Delivery has failed to these
//     recipients or groups:", the group's display name alone, "Diagnostic information for
//     administrators:", "#550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized ##"), as the
//     other Exchange layouts in tests/core/notice-builders.ts write it.
// The recall report's, the digests' and the moderation notices' whole bodies are published
// nowhere read here: they are laid out from the fields, statuses and actions those pages name.
// 40 cases; 3 were wrong on main before this change: the recall report and the two meeting
// cancellations whose subjects hold a failure word (read as bounces of every address named).
// The other 37 were right already. No case comes from a bounce collection.
import { describe, expect, it } from 'vitest';
import { readVerdicts, verdictCases, type RecipientVerdict } from './recipient-verdicts.ts';

const lines = (...ls: readonly (string | readonly string[])[]) => Buffer.from(ls.flat().join('\n'), 'utf8');

const DATE = 'Wed, 02 Dec 2026 10:00:00 +0000';
const EXO = 'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.com>';

/** The header block of a message to the sender, sender@example.com. */
const head = (from: string, subject: string, contentType: string, extra: readonly string[] = []) => [
  `From: ${from}`,
  'To: Sender <sender@example.com>',
  `Subject: ${subject}`,
  `Date: ${DATE}`,
  'Message-ID: <look-alike.1@example.org>',
  ...extra,
  'MIME-Version: 1.0',
  `Content-Type: ${contentType}`,
  '',
];

/** What mail that is no bounce must read as: not a bounce, and nobody failed (a success report's recipients delivered). */
function noBounce(title: string, raw: () => Buffer, recipients: RecipientVerdict[] = []): void {
  it(title, async () => {
    expect(await readVerdicts(raw())).toEqual({ kind: 'not-bounce', recipients });
  });
}

// ---------------------------------------------------------------------------------------------
// Read receipts (RFC 8098).

/** Outlook's receipt text: the message it is about, then what became of it. */
const outlookReceiptText = (subject: string, to: string, outcome: string) => [
  'Your message',
  '',
  `  To: ${to}`,
  `  Subject: ${subject}`,
  '  Sent: Wednesday, December 2, 2026 9:00:00 AM (UTC+00:00)',
  '',
  `${outcome} Wednesday, December 2, 2026 10:00:00 AM (UTC+00:00).`,
];

/** An MDN as Outlook sends it through Exchange: text part and disposition-notification part. */
const outlookMdn = (prefix: string, subject: string, disposition: 'displayed' | 'deleted', to = 'carol@example.org') =>
  lines(
    head('Carol <carol@example.org>', `${prefix}${subject}`, 'multipart/report; report-type=disposition-notification; boundary="mdn1"'),
    '--mdn1',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    outlookReceiptText(subject, to, disposition === 'displayed' ? 'was read on' : 'was deleted without being read on'),
    '',
    '--mdn1',
    'Content-Type: message/disposition-notification',
    '',
    'Reporting-UA: carol-pc.example.org; Microsoft Outlook 16.0',
    'Final-Recipient: rfc822;carol@example.org',
    'Original-Message-ID: <m1@example.com>',
    `Disposition: automatic-action/MDN-sent-automatically; ${disposition}`,
    '',
    '--mdn1--',
    '',
  );

/** Thunderbird's MDN (nsMsgMdnGenerator.cpp): its subject, text and three parts. */
const THUNDERBIRD_DISPOSITION_TEXT = {
  displayed:
    "Note: This Return Receipt only acknowledges that the message was displayed on the recipient's computer. There is no guarantee that the recipient has read or understood the message contents.",
  deleted:
    'The message has been deleted. The person you sent it to may or may not see it. They might undelete it at a later time and read it.',
  dispatched:
    'The message has been either printed, faxed, or forwarded without being displayed to the recipient. There is no guarantee that the recipient will read the message at a later time.',
  processed:
    "The message has been processed by the recipient's mail client without being displayed. There is no guarantee that the message will be read at a later time.",
} as const;

const thunderbirdMdn = (disposition: keyof typeof THUNDERBIRD_DISPOSITION_TEXT, subject: string) =>
  lines(
    head(
      'Carol <carol@example.org>',
      `Return Receipt (${disposition}) - ${subject}`,
      'multipart/report; report-type=disposition-notification;\n\tboundary="------------MDN1"',
    ),
    '--------------MDN1',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'This is a Return Receipt for the mail that you sent to carol@example.org.',
    '',
    THUNDERBIRD_DISPOSITION_TEXT[disposition],
    '',
    '--------------MDN1',
    'Content-Type: message/disposition-notification; name="MDNPart2.txt"',
    'Content-Disposition: inline',
    'Content-Transfer-Encoding: 7bit',
    '',
    'Reporting-UA: carol-pc.example.org; Mozilla/5.0 Thunderbird/140.0',
    'Final-Recipient: rfc822;carol@example.org',
    'Original-Message-ID: <m1@example.com>',
    `Disposition: manual-action/MDN-sent-manually; ${disposition}`,
    '',
    '--------------MDN1',
    'Content-Type: text/rfc822-headers; name="MDNPart3.txt"',
    'Content-Transfer-Encoding: 7bit',
    'Content-Disposition: inline',
    '',
    'From: Sender <sender@example.com>',
    'To: carol@example.org',
    `Subject: ${subject}`,
    'Message-ID: <m1@example.com>',
    'Disposition-Notification-To: sender@example.com',
    '',
    '--------------MDN1--',
    '',
  );

describe('read receipts (RFC 8098) are no bounce, whatever the subject they quote', () => {
  noBounce('Outlook\'s "Read:" receipt of a message titled "Returned goods and refunds"', () =>
    outlookMdn('Read: ', 'Returned goods and refunds', 'displayed'),
  );
  noBounce('Outlook\'s "Read:" receipt of a message sent to a group, "Undeliverable addresses cleanup"', () =>
    outlookMdn('Read: ', 'Undeliverable addresses cleanup', 'displayed', 'All Staff <staff@example.org>'),
  );
  noBounce('Outlook\'s "Not read:" receipt (deleted without being read) of "Returned mail policy"', () =>
    outlookMdn('Not read: ', 'Returned mail policy', 'deleted'),
  );
  for (const [prefix, subject] of [
    ['Gelesen: ', 'Rücksendung nicht zustellbar'],
    ['Lu : ', 'Colis non remis'],
    ['Leído: ', 'Pedido rechazado'],
    ['Letto: ', 'Offerta respinta'],
    ['Gelezen: ', 'Onbestelbaar pakket'],
    ['Lida: ', 'Pedido devolvido'],
    ['Прочитано: ', 'Не доставлено'],
    ['已读: ', '无法送达 通知'],
  ] as const)
    noBounce(`Outlook's localised receipt "${prefix}${subject}"`, () => outlookMdn(prefix, subject, 'displayed'));
  for (const disposition of ['displayed', 'deleted', 'dispatched', 'processed'] as const)
    noBounce(`Thunderbird's "Return Receipt (${disposition}) - Delivery report for November"`, () =>
      thunderbirdMdn(disposition, 'Delivery report for November'),
    );
  noBounce('Outlook\'s receipt written as plain text, "Read: Returned goods"', () =>
    lines(
      head('Carol <carol@example.org>', 'Read: Returned goods', 'text/plain; charset="us-ascii"'),
      outlookReceiptText('Returned goods', 'carol@example.org', 'was read on'),
    ),
  );
  noBounce('Outlook\'s "Not read:" receipt written as plain text, of a message sent to a group', () =>
    lines(
      head('Carol <carol@example.org>', 'Not read: Returned goods', 'text/plain; charset="us-ascii"'),
      outlookReceiptText('Returned goods', 'staff@example.org', 'was deleted without being read on'),
    ),
  );
});

// ---------------------------------------------------------------------------------------------
// Delivery receipts: Exchange's "Delivered:" and "Relayed:" reports are successes.

const exchangeSuccess = (subject: string, statement: string, action: 'delivered' | 'relayed', withReport: boolean) =>
  withReport
    ? lines(
        head(EXO, subject, 'multipart/report; report-type=delivery-status; boundary="dsn1"'),
        '--dsn1',
        'Content-Type: text/plain; charset="us-ascii"',
        '',
        statement,
        '',
        'carol@example.net (carol@example.net)',
        '',
        `Subject: ${subject.replace(/^\w+: /, '')}`,
        '',
        '--dsn1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns;mail.example.com',
        '',
        'Final-Recipient: rfc822;carol@example.net',
        `Action: ${action}`,
        'Status: 2.0.0',
        '',
        '--dsn1--',
        '',
      )
    : lines(
        head(EXO, subject, 'text/plain; charset="us-ascii"'),
        statement,
        '',
        'carol@example.net (carol@example.net)',
        '',
        `Subject: ${subject.replace(/^\w+: /, '')}`,
      );

describe("Exchange's delivery and relay reports are successes", () => {
  const RELAYED = 'Delivery to these recipients or groups is complete, but no delivery notification was sent by the destination server:';
  const DELIVERED = 'Your message has been delivered to the following recipients:';
  noBounce(
    '"Relayed: Returned goods" with its delivery-status part (Action: relayed)',
    () => exchangeSuccess('Relayed: Returned goods', RELAYED, 'relayed', true),
    [['carol@example.net', 'delivered', 'none', '2.0.0', '']],
  );
  noBounce('"Relayed: Returned goods" as plain text', () => exchangeSuccess('Relayed: Returned goods', RELAYED, 'relayed', false), [
    ['carol@example.net', 'delivered', 'none', '', ''],
  ]);
  noBounce(
    '"Delivered: Undeliverable invoices" with its delivery-status part (Action: delivered)',
    () => exchangeSuccess('Delivered: Undeliverable invoices', DELIVERED, 'delivered', true),
    [['carol@example.net', 'delivered', 'none', '2.0.0', '']],
  );
});

// ---------------------------------------------------------------------------------------------
// Message recall.

describe('message recall requests, results and reports are no bounce', () => {
  noBounce('Outlook\'s request "Recall: Rejected invoices"', () =>
    lines(
      head('Sender <sender@example.com>', 'Recall: Rejected invoices', 'text/plain; charset="us-ascii"'),
      'Sender would like to recall the message, "Rejected invoices".',
    ),
  );
  noBounce('"Message Recall Failure: Returned goods" ("could not be recalled on ...")', () =>
    lines(
      head('Carol <carol@example.org>', 'Message Recall Failure: Returned goods', 'text/plain; charset="us-ascii"'),
      outlookReceiptText('Returned goods', 'staff@example.org', 'could not be recalled on'),
    ),
  );
  noBounce('"Message Recall Success: Returned goods"', () =>
    lines(
      head('Carol <carol@example.org>', 'Message Recall Success: Returned goods', 'text/plain; charset="us-ascii"'),
      outlookReceiptText('Returned goods', 'carol@example.org', 'was recalled on'),
    ),
  );
  // Wrong on main: "Returned" in the sender's own subject made it a bounce of every address listed.
  noBounce('Exchange Online\'s "Message Recall Report for message: Returned goods", recipients listed with their status', () =>
    lines(
      head(EXO, 'Message Recall Report for message: Returned goods', 'text/plain; charset="us-ascii"'),
      'Message recall report',
      '',
      'Recall of your message "Returned goods" sent on 12/2/2026 9:00 AM:',
      '',
      'Recipient                      Recall Status',
      'carol@example.org              Success',
      'dave@example.org               Failed: the message was already read',
      'erin@example.net               Failed',
      '',
      'View the full report.',
    ),
  );
});

// ---------------------------------------------------------------------------------------------
// Meeting responses and cancellations (RFC 5546), as Outlook sends them: an empty text part
// and the iCalendar part.

const meetingMail = (from: string, subject: string, method: string, partstat: string, comment = '') =>
  lines(
    head(from, subject, 'multipart/alternative; boundary="cal1"'),
    '--cal1',
    'Content-Type: text/plain; charset="utf-8"',
    '',
    comment,
    '',
    '--cal1',
    `Content-Type: text/calendar; charset="utf-8"; method=${method}`,
    '',
    'BEGIN:VCALENDAR',
    `METHOD:${method}`,
    'PRODID:Microsoft Exchange Server 2010',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    `ATTENDEE;PARTSTAT=${partstat}:mailto:carol@example.org`,
    'ORGANIZER;CN=Sender:mailto:sender@example.com',
    'SUMMARY;LANGUAGE=en-US:Delivery failure review',
    'DTSTART:20261203T100000Z',
    'DTEND:20261203T110000Z',
    'UID:040000008200E00074C5B7101A82E008000000001',
    'END:VEVENT',
    'END:VCALENDAR',
    '--cal1--',
    '',
  );

describe('meeting responses and cancellations are no bounce', () => {
  for (const [subject, method, partstat] of [
    ['Accepted: Delivery failure review', 'REPLY', 'ACCEPTED'],
    ['Declined: Delivery failure review', 'REPLY', 'DECLINED'],
    ['Tentative: Delivery failure review', 'REPLY', 'TENTATIVE'],
    ['New Time Proposed: Delivery failure review', 'COUNTER', 'TENTATIVE'],
  ] as const)
    noBounce(`"${subject}" (METHOD:${method})`, () => meetingMail('Carol <carol@example.org>', subject, method, partstat));
  noBounce('"Declined: Bounce handling sync" with the attendee\'s comment naming a colleague', () =>
    meetingMail(
      'Carol <carol@example.org>',
      'Declined: Bounce handling sync',
      'REPLY',
      'DECLINED',
      'Sorry, I cannot make it; please ask dave@example.org.',
    ),
  );
  // Wrong on main: the organiser's cancellation named the attendee in its calendar part.
  noBounce('the organiser\'s "Canceled: Delivery failure review" (METHOD:CANCEL)', () =>
    meetingMail('Sender <sender@example.com>', 'Canceled: Delivery failure review', 'CANCEL', 'NEEDS-ACTION'),
  );
  noBounce('the organiser\'s "Cancelled: Returned goods process" (METHOD:CANCEL)', () =>
    meetingMail('Sender <sender@example.com>', 'Cancelled: Returned goods process', 'CANCEL', 'NEEDS-ACTION'),
  );
});

// ---------------------------------------------------------------------------------------------
// Quarantine and held-mail digests: reports to the recipient about mail held for it, never a
// bounce of the sender's mail, even when the held mail is a fake NDR.

describe('quarantine and held-mail digests are no bounce', () => {
  noBounce("Microsoft 365's quarantine notification, listing held mail that looks like NDRs", () =>
    lines(
      head(
        'Microsoft 365 Security <quarantine@messaging.microsoft.com>',
        'Microsoft 365 security: You have messages in quarantine',
        'text/plain; charset="utf-8"',
      ),
      'Review These Messages',
      '',
      '2 messages are being held for you to review as of 12/2/2026 10:00:00 AM (UTC).',
      '',
      'Review them within 30 days of the received date by going to the Quarantine page in the Security Center.',
      '',
      'Prevented spam messages',
      '',
      'Sender: postmaster@example.net',
      'Subject: Undelivered Mail Returned to Sender',
      'Date: 12/2/2026 8:00:00 AM',
      'Block Sender | Release | Review',
      '',
      'Sender: mailer-daemon@example.net',
      'Subject: Delivery Status Notification (Failure)',
      'Date: 12/2/2026 8:30:00 AM',
      'Block Sender | Release | Review',
    ),
  );
  noBounce("Proofpoint's End User Digest from a noreply@ sender", () =>
    lines(
      head('Proofpoint Digest <noreply@example.com>', 'End User Digest: 2 New Messages', 'text/plain; charset="utf-8"'),
      'Request New End User Digest | Request Safe/Blocked Senders List | Manage My Account',
      '',
      'The emails listed below have been placed in your personal Quarantine.',
      '',
      'Spam - Quarantined',
      'Score  From                        Subject',
      '100    mailer-daemon@example.net   Undeliverable: Invoice 550',
      '  Release | Release and Allow Sender | Block Sender',
      '99     bad@example.net             Mail delivery failed: returning message to sender',
      '  Release | Release and Allow Sender | Block Sender',
    ),
  );
  noBounce("Mimecast's digest of held messages from a postmaster@ sender", () =>
    lines(
      head('postmaster@example.com', 'Personal Digest: 2 held messages', 'text/plain; charset="utf-8"'),
      'The following messages are on hold for you:',
      '',
      'From: postmaster@example.net',
      'Subject: Returned mail: see transcript for details',
      'Reason: Spam Signature',
      'Release | Block | Permit',
      '',
      'From: bad@example.net',
      'Subject: Your mailbox quota exceeded 550',
      'Reason: Spam Signature',
      'Release | Block | Permit',
    ),
  );
  noBounce("Barracuda's spam quarantine summary", () =>
    lines(
      head('Barracuda Spam Firewall <quarantine@example.com>', 'Spam Quarantine Summary', 'text/plain; charset="utf-8"'),
      'Spam Quarantine Summary for sender@example.com',
      '',
      'Date            From                       Subject',
      '12/02 08:00     mailer-daemon@example.net  failure notice',
      '  Deliver | Whitelist | Delete | View',
    ),
  );
  noBounce("Sophos UTM's Quarantine Report", () =>
    lines(
      head('Sophos UTM <quarantine@example.com>', 'Quarantine Report', 'text/plain; charset="utf-8"'),
      'Your Quarantine Report: 1 message was quarantined for you.',
      '',
      'Sender: mailer-daemon@example.net',
      'Subject: Mail delivery failed: returning message to sender',
      'Quarantine cause: Spam',
      'Release | Release and Whitelist sender',
    ),
  );
});

// ---------------------------------------------------------------------------------------------
// Moderation and groups in Exchange and Microsoft 365.

/** An Exchange NDR with its delivery-status part and the returned message's headers. */
const exchangeNdr = (subject: string, text: readonly string[], recipient: string, status: string, diagnostic: string) =>
  lines(
    head(EXO, subject, 'multipart/report; report-type=delivery-status; boundary="ndr1"'),
    '--ndr1',
    'Content-Type: text/plain; charset="us-ascii"',
    '',
    text,
    '',
    '--ndr1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns;mail.example.com',
    'Received-From-MTA: dns;client.example.com',
    'Arrival-Date: Wed, 2 Dec 2026 09:59:58 +0000',
    '',
    `Final-Recipient: rfc822;${recipient}`,
    'Action: failed',
    `Status: ${status}`,
    `Diagnostic-Code: smtp;${diagnostic}`,
    '',
    '--ndr1',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Sender <sender@example.com>',
    'To: All Staff <staff@example.com>',
    'Subject: Budget',
    'Message-ID: <m1@example.com>',
    '',
    '--ndr1--',
    '',
  );

const GROUP_RESTRICTED_TEXT = [
  'Delivery has failed to these recipients or groups:',
  '',
  'All Staff',
  "Your message can't be delivered because delivery to this address is restricted.",
  '',
  'Diagnostic information for administrators:',
  '',
  'Generating server: mail.example.com',
  '',
  'staff@example.com',
  '#550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized ##',
  '',
];

describe('moderation notices that are no failure', () => {
  noBounce('"Your message to All Staff is awaiting approval"', () =>
    lines(
      head(EXO, 'Your message to All Staff is awaiting approval', 'text/plain; charset="us-ascii"'),
      'Your message to staff@example.com is awaiting approval by a moderator. You will be notified if it is rejected.',
    ),
  );
  noBounce('the moderator\'s "Approval Request: Budget"', () =>
    lines(
      head(
        'Microsoft Exchange Approval Assistant <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.com>',
        'Approval Request: Budget',
        'text/plain; charset="us-ascii"',
      ),
      'A message sent by sender@example.com to staff@example.com requires your approval.',
      '',
      'Approve | Reject',
    ),
  );
});

describe('group and moderation notices that are failures', () => {
  verdictCases([
    {
      title: 'Exchange\'s "Delivery has failed to these recipients or groups" naming only the group: not authorised, soft',
      raw: () =>
        exchangeNdr(
          'Undeliverable: Budget',
          GROUP_RESTRICTED_TEXT,
          'staff@example.com',
          '5.7.1',
          '550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized',
        ),
      kind: 'bounce',
      recipients: [['staff@example.com', 'securityerror', 'soft', '5.7.1', '550']],
    },
    {
      title: 'the same notice as plain text (no delivery-status part)',
      raw: () => lines(head(EXO, 'Undeliverable: Budget', 'text/plain; charset="us-ascii"'), GROUP_RESTRICTED_TEXT),
      kind: 'bounce',
      recipients: [['staff@example.com', 'securityerror', 'soft', '5.7.1', '550']],
    },
  ]);
});
