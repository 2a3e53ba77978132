// The smaller bounce families rebound meets in unseen mail, each notice laid out as its product
// writes it and carrying the wordings the vendor (or the site running the product) documents:
// Amazon WorkMail, Google Groups, Oracle Communications (Sun Java System, iPlanet) Messaging
// Server, Ipswitch IMail Server, McAfee Email Gateway and McAfee SaaS Email Protection (MX Logic),
// SurfControl (Websense) E-mail Filter, Port25 PowerMTA and Digital Arts m-FILTER. Each case names
// its source; none comes from a bounce collection (the layouts' order of lines was checked against
// the measured corpus only, never a rule). What a user sees is asserted: the kind, each failed
// address (never the sender or the postmaster), the reason, hard or soft, the status and the
// reply code; the CRLF copy of each notice must read the same.
//
// Left out: QUALITIA's Active! hunter: no vendor text of its notice could be found (its notices
// follow Sendmail's layout, which tests/core/mta-template-versions.test.ts reads).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readVerdicts, type RecipientVerdict as Verdict } from './recipient-verdicts.ts';
import { amazonSesNotice, MESSAGING_SERVER_HEAD } from './notice-builders.ts';

/** The returned message: its To names the failed recipients, its Cc one that did not fail. */
const RETURNED = [
  'From: Sender <sender@example.com>',
  'To: a@example.net, b@example.net',
  'Cc: c@example.net',
  'Subject: hello',
  'Message-ID: <hello.1@example.com>',
  'Date: Tue, 01 Dec 2026 01:17:26 +0900',
  '',
  'hello',
  '',
];

const bounce = (...recipients: Verdict[]) => ({ kind: 'bounce', recipients });

/** A message of header lines and body lines. */
const mail = (head: readonly string[], body: readonly string[]) => Buffer.from([...head, '', ...body].join('\n'), 'utf8');

// ---------------------------------------------------------------------------------------------
// Amazon WorkMail
// ---------------------------------------------------------------------------------------------

describe('Amazon WorkMail', () => {
  // WorkMail's outgoing mail leaves through Amazon SES, whose MAILER-DAEMON returns a
  // "Delivery Status Notification (Failure)" whose text part lists the recipients and then a
  // "Technical report:" of the delivery-status fields. WorkMail's Administrator Guide
  // (github.com/awsdocs/amazon-workmail-administration-guide, doc_source/monitoring-workmail-
  // cloudwatch.md, OUTGOING_EMAIL_BOUNCED): "Emails can bounce for a number of reasons, such as a
  // full target mailbox"; doc_source/lambda.md: a synchronous Run Lambda rule may BOUNCE with its
  // own "bounceMessage", the example being "Email in breach of company policy."; and
  // doc_source/email-flows.md, the outbound rule "Send bounce response": "the sender is notified
  // with a message that the administrator blocked the email message".
  // WorkMail's mail leaves through SES: its notice is SES's own layout.
  const workmail = (recipients: readonly string[], groups: readonly (readonly string[])[]) => amazonSesNotice(recipients, groups, RETURNED);

  it('reads a full mailbox named in the technical report', async () => {
    const raw = workmail(
      ['b@example.net'],
      [
        [
          'Action: failed',
          'Final-Recipient: rfc822; b@example.net',
          'Diagnostic-Code: smtp; 552 5.2.2 <b@example.net>: Mailbox full',
          'Status: 5.2.2',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552']));
  });

  it('reads two recipients, each from its own group of the technical report', async () => {
    const raw = workmail(
      ['a@example.net', 'b@example.net'],
      [
        [
          'Action: failed',
          'Final-Recipient: rfc822; a@example.net',
          'Diagnostic-Code: smtp; 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown',
          'Status: 5.1.1',
        ],
        [
          'Action: failed',
          'Final-Recipient: rfc822; b@example.net',
          'Diagnostic-Code: smtp; 552 5.2.2 <b@example.net>: Mailbox full',
          'Status: 5.2.2',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(
      bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '550'], ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552']),
    );
  });

  // Amazon SES's refusal of a sender identity not verified in the region (AWS Knowledge Center,
  // repost.aws/knowledge-center/ses-554-400-message-rejected-error: "554 Message rejected: Email
  // address is not verified. The following identities failed the check in region region:
  // identity0, ..."): the service will not relay for that identity (read as norelaying, as
  // rules/providers/sending-services.ts explains), never a dead address.
  it('reads an unverified sender identity as a refused relay, not a dead recipient', async () => {
    const raw = workmail(
      ['a@example.net'],
      [
        [
          'Action: failed',
          'Final-Recipient: rfc822; a@example.net',
          'Diagnostic-Code: smtp; 554 Message rejected: Email address is not verified. The following identities failed the check in region US-WEST-2: sender@example.com',
          'Status: 5.0.0',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'norelaying', 'soft', '5.0.0', '554']));
  });

  it('reads a rule\'s own bounce message (the Lambda example\'s "Email in breach of company policy.") as a policy refusal, not a dead address', async () => {
    const raw = workmail(
      ['a@example.net'],
      [
        [
          'Action: failed',
          'Final-Recipient: rfc822; a@example.net',
          'Diagnostic-Code: smtp; 550 5.7.1 Email in breach of company policy.',
          'Status: 5.7.1',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'policyviolation', 'soft', '5.7.1', '550']));
  });
});

// ---------------------------------------------------------------------------------------------
// Google Groups
// ---------------------------------------------------------------------------------------------

describe('Google Groups', () => {
  // Google Groups answers a post from someone who may not post (or to a group that does not
  // exist) from mailer-daemon@googlemail.com, naming the group in X-Failed-Recipients: "We're
  // writing to let you know that the group you tried to contact (team) may not exist, or you may
  // not have permission to post messages to the group." (the wording rejected/list-posting
  // quotes); its Japanese text says "グループにメッセージを投稿する権限がない可能性があります".
  // Google's help on moderation (support.google.com/groups/answer/2466386): a rejected message
  // may send the author a "Rejected message notification".
  const groups = (body: readonly string[]) =>
    mail(
      [
        'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
        'To: sender@example.com',
        'Subject: Delivery Status Notification (Failure)',
        'Auto-Submitted: auto-replied',
        'X-Failed-Recipients: team@googlegroups.com',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="UTF-8"',
        'Content-Transfer-Encoding: 8bit',
      ],
      [...body, '', '----- Original message -----', '', ...RETURNED],
    );

  it('reads the English notice: the group is refused to the sender, never a dead address', async () => {
    const raw = groups([
      'Hello sender@example.com,',
      '',
      "We're writing to let you know that the group you tried to contact (team) may not exist, or you may not have permission to post messages to the group. A few more details on why you weren't able to post:",
      '',
      ' * You might have spelled or formatted the group name incorrectly.',
      ' * The owner of the group may have removed this group.',
      ' * You may need to join the group before receiving permission to post.',
      ' * This group may not be open to posting.',
      '',
      'If you have questions related to this or any other Google Group, visit the Help Center at https://groups.google.com/support/.',
      '',
      'Thanks,',
      '',
      'Google Groups',
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['team@googlegroups.com', 'rejected', 'soft', '5.0.0', '']));
  });

  // A post to a group address that does not exist comes back as Gmail's "Address not found"
  // notice (support.google.com/mail/answer/6596 lists "The email account that you tried to
  // reach does not exist"; the notice says "Your message wasn't delivered to ... because the
  // address couldn't be found, or is unable to receive mail.").
  it('reads Gmail\'s "Address not found" for a group that does not exist as an unknown address, hard', async () => {
    const raw = groups([
      '** Address not found **',
      '',
      "Your message wasn't delivered to team@googlegroups.com because the address couldn't be found, or is unable to receive mail.",
      '',
      'Learn more here: https://support.google.com/mail/?p=NoSuchUser',
      '',
      'The response was:',
      '',
      "The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser",
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['team@googlegroups.com', 'userunknown', 'hard', '5.0.0', '']));
  });

  it('reads the Japanese notice the same way', async () => {
    const raw = groups([
      'sender@example.com 様',
      '',
      '連絡しようとしたグループ（team）が存在しないか、グループにメッセージを投稿する権限がない可能性があります。',
      '',
      'よろしくお願いいたします。',
      '',
      'Google Groups',
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['team@googlegroups.com', 'rejected', 'soft', '5.0.0', '']));
  });
});

// ---------------------------------------------------------------------------------------------
// Oracle Communications (Sun Java System, iPlanet) Messaging Server
// ---------------------------------------------------------------------------------------------

describe('Oracle Communications Messaging Server', () => {
  // The notice is return_prefix.txt + return_<status>.txt + return_suffix.txt (Sun Java System
  // Messaging Server 6.3 Administration Guide, 10.10.1, docs.oracle.com/cd/E19563-01/819-4428/
  // bgakn): "This report relates to a message you sent with the following header fields: %H" and
  // "Your message cannot be delivered to the following recipients:%R"; subjects by type
  // (Messaging Server Technical Reference wiki, msg.wikidoc.info, "The required full set of DSN
  // type-specific return_...txt files"): "Delivery Notification: Delivery has failed", "...:
  // Delivery has timed out and failed". Recipient texts as sites running it quote them
  // (uit.tufts.edu "Bounced Message Documentation"): "Recipient address: user@ims-ms-daemon /
  // Original address: user@host.tufts.edu / Reason: Over quota"; a remote refusal logged in
  // the 2005Q4 Administration Guide (docs.oracle.com/cd/E19636-01/819-2650/gansy, example 21-5):
  // "smtp; 553 unknown or illegal user: nonesuch@siroe.com".
  // The head up to (not with) its "Your message cannot be delivered to the following recipients:".
  const head = MESSAGING_SERVER_HEAD.slice(
    0,
    MESSAGING_SERVER_HEAD.indexOf('Your message cannot be delivered to the following recipients:'),
  );
  const messagingServer = (subject: string, text: readonly string[], groups: readonly (readonly string[])[]) =>
    mail(
      [
        'From: Internet Mail Delivery <postmaster@example.net>',
        'To: sender@example.com',
        `Subject: ${subject}`,
        'MIME-version: 1.0',
        'Content-type: multipart/report; report-type=delivery-status; boundary="Boundary_(ID_ms)"',
      ],
      [
        '--Boundary_(ID_ms)',
        'Content-type: text/plain; charset=us-ascii',
        'Content-language: EN-US',
        '',
        ...head,
        ...text,
        '',
        '--Boundary_(ID_ms)',
        'Content-type: message/delivery-status',
        '',
        'Reporting-MTA: dns;mx.example.net (tcp_intranet-daemon)',
        '',
        ...groups.flatMap((g) => [...g, '']),
        '--Boundary_(ID_ms)',
        'Content-type: text/rfc822-headers',
        '',
        ...RETURNED.slice(0, 6),
        '',
        '--Boundary_(ID_ms)--',
        '',
      ],
    );

  it('reads "Reason: Over quota" on the store\'s internal address as the original recipient\'s full mailbox', async () => {
    const raw = messagingServer(
      'Delivery Notification: Delivery has failed',
      [
        'Your message cannot be delivered to the following recipients:',
        '',
        '  Recipient address: b@ims-ms-daemon',
        '  Original address: b@example.net',
        '  Reason: Over quota',
      ],
      [
        [
          'Original-recipient: rfc822;b@example.net',
          'Final-recipient: rfc822;b@ims-ms-daemon',
          'Action: failed',
          'Status: 5.2.2 (Over quota)',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['b@example.net', 'mailboxfull', 'soft', '5.2.2', '']));
  });

  it('reads the same "Over quota" notice without its delivery-status part', async () => {
    const raw = mail(
      [
        'From: Internet Mail Delivery <postmaster@example.net>',
        'To: sender@example.com',
        'Subject: Delivery Notification: Delivery has failed',
      ],
      [
        ...head,
        'Your message cannot be delivered to the following recipients:',
        '',
        '  Recipient address: b@ims-ms-daemon',
        '  Original address: b@example.net',
        '  Reason: Over quota',
        '',
        ...RETURNED,
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['b@example.net', 'mailboxfull', 'soft', '5.0.0', '']));
  });

  it('reads a remote "553 unknown or illegal user" as an unknown user', async () => {
    const raw = messagingServer(
      'Delivery Notification: Delivery has failed',
      [
        'Your message cannot be delivered to the following recipients:',
        '',
        '  Recipient address: a@example.net',
        '  Reason: Remote SMTP server has rejected address',
        '  Diagnostic code: smtp;553 unknown or illegal user: a@example.net',
        '  Remote system: dns;mx.example.net (TCP|192.0.2.9|2788|192.0.2.1|25) (mx.example.net -- Server ESMTP [iMS V5.0 #8694])',
      ],
      [
        [
          'Original-recipient: rfc822;a@example.net',
          'Final-recipient: rfc822;a@example.net',
          'Action: failed',
          'Status: 5.0.0 (Remote SMTP server has rejected address)',
          'Remote-MTA: dns;mx.example.net (TCP|192.0.2.9|2788|192.0.2.1|25) (mx.example.net -- Server ESMTP [iMS V5.0 #8694])',
          'Diagnostic-code: smtp;553 unknown or illegal user: a@example.net',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.0.0', '553']));
  });

  it('reads "550 5.1.1 unknown or illegal alias" (its own refusal at RCPT TO, quoted by another relay) as an unknown user', async () => {
    const raw = messagingServer(
      'Delivery Notification: Delivery has failed',
      [
        'Your message cannot be delivered to the following recipients:',
        '',
        '  Recipient address: a@example.net',
        '  Reason: Remote SMTP server has rejected address',
        '  Diagnostic code: smtp;550 5.1.1 unknown or illegal alias: a@example.net',
      ],
      [
        [
          'Original-recipient: rfc822;a@example.net',
          'Final-recipient: rfc822;a@example.net',
          'Action: failed',
          'Status: 5.1.1 (Remote SMTP server has rejected address)',
          'Diagnostic-code: smtp;550 5.1.1 unknown or illegal alias: a@example.net',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '550']));
  });

  it('reads the timed-out notice (return_timedout.txt) as expired, soft', async () => {
    const raw = messagingServer(
      'Delivery Notification: Delivery has timed out and failed',
      [
        'Your message cannot be delivered to the following recipients:',
        '',
        '  Recipient address: a@example.net',
        '  Reason: delivery time expired',
      ],
      [
        [
          'Original-recipient: rfc822;a@example.net',
          'Final-recipient: rfc822;a@example.net',
          'Action: failed',
          'Status: 4.4.7 (delivery time expired)',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'expired', 'soft', '4.4.7', '']));
  });

  it('reads "Illegal host/domain name found" with an unknown user beside it, each from its own block', async () => {
    const raw = messagingServer(
      'Delivery Notification: Delivery has failed',
      [
        'Your message cannot be delivered to the following recipients:',
        '',
        '  Recipient address: a@example.net',
        '  Reason: Remote SMTP server has rejected address',
        '  Diagnostic code: smtp;550 5.1.1 unknown or illegal alias: a@example.net',
        '',
        '  Recipient address: b@example.invalid',
        '  Reason: Illegal host/domain name found',
      ],
      [
        [
          'Original-recipient: rfc822;a@example.net',
          'Final-recipient: rfc822;a@example.net',
          'Action: failed',
          'Status: 5.1.1 (Remote SMTP server has rejected address)',
          'Diagnostic-code: smtp;550 5.1.1 unknown or illegal alias: a@example.net',
        ],
        [
          'Original-recipient: rfc822;b@example.invalid',
          'Final-recipient: rfc822;b@example.invalid',
          'Action: failed',
          'Status: 5.1.2 (Illegal host/domain name found)',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(
      bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '550'], ['b@example.invalid', 'hostunknown', 'hard', '5.1.2', '']),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Ipswitch (Progress) IMail Server
// ---------------------------------------------------------------------------------------------

describe('Ipswitch IMail Server', () => {
  // IMail's notice from its Postmaster, "Undeliverable Mail", a line per failed recipient above
  // "Original message follows." (IMail Server User's Guide, ipswitch.com/support/IMail/guide:
  // "Unknown Local User Processing", the queue's retries ending in "Delivery failed N attempts").
  const imail = (lines: readonly string[]) =>
    mail(
      [
        'Date: Tue, 01 Dec 2026 01:17:26 -0600',
        'From: "Postmaster" <postmaster@example.net>',
        'Sender: <postmaster@example.net>',
        'To: <sender@example.com>',
        'Subject: Undeliverable Mail',
      ],
      [...lines, '', '', 'Original message follows.', '', ...RETURNED],
    );

  it('reads "Unknown user:" as an unknown user, hard', async () => {
    expect(await readVerdicts(imail(['Unknown user: a@example.net']))).toEqual(
      bounce(['a@example.net', 'userunknown', 'hard', '5.0.0', '']),
    );
  });

  it('reads a remote full mailbox it relays under the recipient as that reason', async () => {
    expect(await readVerdicts(imail(['RCPT TO:<b@example.net>', '552 5.2.2 <b@example.net>... Mailbox full']))).toEqual(
      bounce(['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552']),
    );
  });

  it('reads the end of its retries ("Delivery failed 3 attempts") as expired', async () => {
    expect(await readVerdicts(imail(['Delivery failed 3 attempts: a@example.net']))).toEqual(
      bounce(['a@example.net', 'expired', 'soft', '5.0.0', '']),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// McAfee Email Gateway and McAfee SaaS Email Protection (MX Logic)
// ---------------------------------------------------------------------------------------------

describe('McAfee Email Gateway and MX Logic', () => {
  // McAfee Email Gateway's (Email and Web Security appliance's) notice: a text part
  // "deliveryproblems.txt" listing "--- The following addresses had delivery problems ---" and a
  // delivery-status part "deliverystatus.txt" that names the recipient in Original-Recipient only.
  const gateway = (problems: readonly string[], groups: readonly (readonly string[])[]) =>
    mail(
      [
        'From: <Postmaster@example.org>',
        'To: <sender@example.com>',
        'Subject: Delivery Status',
        'MIME-Version: 1.0',
        'Content-Type: Multipart/Mixed; boundary="------------Boundary-00=_MEG"',
        'X-NAI-Header: Modified by McAfee Email and Web Security Virtual Appliance',
      ],
      [
        '--------------Boundary-00=_MEG',
        'Content-Type: text/plain; name="deliveryproblems.txt"',
        '',
        '    --- The following addresses had delivery problems ---',
        '',
        ...problems,
        '',
        '--------------Boundary-00=_MEG',
        'Content-Type: message/delivery-status; name="deliverystatus.txt"',
        '',
        ...groups.flatMap((g) => [...g, '']),
        '',
        '--------------Boundary-00=_MEG',
        'Content-Type: message/rfc822',
        'Content-Disposition: attachment',
        '',
        ...RETURNED,
        '--------------Boundary-00=_MEG--',
        '',
      ],
    );

  it('reads a full mailbox named in Original-Recipient only', async () => {
    const raw = gateway(
      ['<b@example.net>   (5.2.2 <b@example.net>... Mailbox full)'],
      [
        [
          'Original-Recipient: <b@example.net>',
          'Action: failed',
          'Diagnostic-Code: smtp; 552 5.2.2 <b@example.net>... Mailbox full',
          'Remote-MTA: 192.0.2.248',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552']));
  });

  it('reads two recipients, each with its own reason', async () => {
    const raw = gateway(
      ['<a@example.net>   (5.1.1 <a@example.net>... User unknown)', '<b@example.net>   (5.2.2 <b@example.net>... Mailbox full)'],
      [
        [
          'Original-Recipient: <a@example.net>',
          'Action: failed',
          'Diagnostic-Code: smtp; 550 5.1.1 <a@example.net>... User unknown',
          'Remote-MTA: 192.0.2.248',
        ],
        [
          'Original-Recipient: <b@example.net>',
          'Action: failed',
          'Diagnostic-Code: smtp; 552 5.2.2 <b@example.net>... Mailbox full',
          'Remote-MTA: 192.0.2.248',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(
      bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '550'], ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552']),
    );
  });

  // McAfee SaaS Email Protection's (MX Logic's) content refusal as MailChannels quotes it
  // (blog.mailchannels.com/mx-logic-blocking-my-mails-with-554-denied-cs-mxlogic-net/): "554
  // Denied [CS] [*] (Mode: normal) (in reply to end of DATA command)", "rejected by Mxlogic /
  // Mcafee because of the content of the message", in an Exim-style notice from its relay.
  it("reads MX Logic's relay notice with its content refusal as spam", async () => {
    const raw = mail(
      [
        'From: Mail Delivery System <MAILER-DAEMON@relay.mxlogic.example>',
        'To: sender@example.com',
        'Subject: Mail delivery failed',
        'X-MX-Bounce: mta/src/queue/bounce',
      ],
      [
        'This message was created automatically by mail delivery software.',
        '',
        'A message that you have sent could not be delivered to one or more',
        'recipients.  This is a permanent error.  The following address failed:',
        '',
        '  <a@example.net>: 554 Denied [CS] [7f3a2b] (Mode: normal)',
        '',
        '',
        'Included is a copy of the message header:',
        '-----------------------------------------',
        ...RETURNED.slice(0, 6),
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'spamdetected', 'soft', '5.0.0', '554']));
  });
});

// ---------------------------------------------------------------------------------------------
// SurfControl (Websense) E-mail Filter
// ---------------------------------------------------------------------------------------------

describe('SurfControl E-mail Filter', () => {
  // SurfControl E-mail Filter for SMTP 5.x (later Websense Email Security) sends its own notice
  // ("X-Mailer: SurfControl E-mail Filter"): "Your message could not be sent. / A transcript of
  // the attempts to send the message follows. / ... Addressed To: ... / Failed to send to
  // identified host, <address>: [ip], <reply> / --- Message non-deliverable.", with a
  // delivery-status part of the same reply.
  const surfcontrol = (to: string, reply: string, status = '5.0.0') =>
    mail(
      [
        'From: <MAILER-DAEMON@example.org>',
        'To: <sender@example.com>',
        'Subject: hello',
        'X-Mailer: SurfControl E-mail Filter',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="--=_NextPart_SEF"',
      ],
      [
        '----=_NextPart_SEF',
        'Content-Type: text/plain;',
        '',
        'Your message could not be sent.',
        'A transcript of the attempts to send the message follows.',
        'The number of attempts made: 1',
        `Addressed To: ${to}`,
        '',
        'Tue 01 Dec 2026 01:17:26 +0900',
        'Failed to send to identified host,',
        `${to}: [192.0.2.5], ${reply}`,
        '--- Message non-deliverable.',
        '',
        '----=_NextPart_SEF',
        'Content-Type: message/delivery-status;',
        '',
        'Action: failed',
        `Final-Recipient: rfc822;${to}`,
        `Diagnostic-Code: smtp; ${reply}`,
        `Status: ${status}`,
        '',
        '----=_NextPart_SEF',
        'Content-Type: message/rfc822;',
        '',
        ...RETURNED,
        '----=_NextPart_SEF--',
        '',
      ],
    );

  it('reads a full mailbox from the remote reply over its placeholder status', async () => {
    expect(await readVerdicts(surfcontrol('b@example.net', '552 5.2.2 <b@example.net>... Mailbox full'))).toEqual(
      bounce(['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552']),
    );
  });

  it('reads a remote refusal as spam', async () => {
    expect(await readVerdicts(surfcontrol('a@example.net', '550 5.7.1 Message rejected as spam by Content Filtering'))).toEqual(
      bounce(['a@example.net', 'spamdetected', 'soft', '5.7.1', '550']),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Port25 PowerMTA
// ---------------------------------------------------------------------------------------------

describe('PowerMTA', () => {
  // PowerMTA's report (PowerMTA v4.5 User's Guide, Port25 Solutions): a notice "Hello, this is
  // the mail server on <host>. ... Immediately below you will find a list of the affected
  // recipients", each as "<a@b>  delivery failed; will not continue trying", then a
  // message/delivery-status part with X-PowerMTA-VirtualMTA and, per recipient,
  // X-PowerMTA-BounceCategory: its own classification of the reply (bad-mailbox, bad-domain,
  // inactive-mailbox, quota-issues, spam-related, policy-related, message-expired,
  // no-answer-from-host, ...; the categories as the guide defines them, quoted at
  // it.i88.ca/2014/11/bounce-categories-of-powermta.html). The category is the MTA's guess from
  // its pattern list; the server's words and codes decide, and a category that disagrees with
  // them changes nothing.
  const powermta = (groups: readonly (readonly string[])[], lines: readonly string[]) =>
    mail(
      [
        'From: postmaster@mail.example.org',
        'To: sender@example.com',
        'Subject: Delivery report',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="report4E74@mail.example.org"',
      ],
      [
        '',
        '--report4E74@mail.example.org',
        '',
        'Hello, this is the mail server on mail.example.org.',
        '',
        'I am sending you this message to inform you on the delivery status of a',
        'message you previously sent.  Immediately below you will find a list of',
        'the affected recipients;  also attached is a Delivery Status Notification',
        '(DSN) report in standard format, as well as the headers of the original',
        'message.',
        '',
        ...lines,
        '',
        '--report4E74@mail.example.org',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns;mail.example.org',
        'X-PowerMTA-VirtualMTA: mta1',
        'Arrival-Date: Tue, 01 Dec 2026 01:17:20 -0400',
        '',
        ...groups.flatMap((g) => [...g, '']),
        '--report4E74@mail.example.org',
        'Content-Type: text/rfc822-headers',
        '',
        ...RETURNED.slice(0, 6),
        '',
        '--report4E74@mail.example.org--',
        '',
      ],
    );

  it('reads a quota refusal (category quota-issues) as a full mailbox', async () => {
    const raw = powermta(
      [
        [
          'Final-Recipient: rfc822;b@example.net',
          'Action: failed',
          'Status: 5.2.2 (mailbox full)',
          'Remote-MTA: dns;mx.example.net (192.0.2.135)',
          'Diagnostic-Code: smtp;552 5.2.2 <b@example.net>: Mailbox quota exceeded',
          'X-PowerMTA-BounceCategory: quota-issues',
        ],
      ],
      ['  <b@example.net>  delivery failed; will not continue trying'],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552']));
  });

  it('reads a message-expired failure after a timed-out host as expired', async () => {
    const raw = powermta(
      [
        [
          'Final-Recipient: rfc822;a@example.net',
          'Action: failed',
          'Status: 4.4.7 (delivery time expired)',
          'Remote-MTA: dns;mx.example.net (192.0.2.135)',
          'Diagnostic-Code: smtp;421 4.4.2 mx.example.net Error: timeout exceeded',
          'X-PowerMTA-BounceCategory: message-expired',
        ],
      ],
      ['  <a@example.net>  delivery failed; will not continue trying'],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'expired', 'soft', '4.4.2', '421']));
  });

  it("keeps the server's words over a category that disagrees (policy-related on an unknown user)", async () => {
    const raw = powermta(
      [
        [
          'Final-Recipient: rfc822;a@example.net',
          'Action: failed',
          'Status: 5.1.1 (bad destination mailbox address)',
          'Remote-MTA: dns;mx.example.net (192.0.2.135)',
          'Diagnostic-Code: smtp;550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
          'X-PowerMTA-BounceCategory: policy-related',
        ],
      ],
      ['  <a@example.net>  delivery failed; will not continue trying'],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '550']));
  });

  // The category decides only when the reply's words and codes say nothing (rule 7, before
  // onhold); a dead address's category (bad-mailbox, bad-domain) never.
  const vague = (status: string, diagnostic: string, category: string) =>
    powermta(
      [
        [
          'Final-Recipient: rfc822;a@example.net',
          'Action: failed',
          `Status: ${status}`,
          ...(diagnostic ? [`Diagnostic-Code: smtp;${diagnostic}`] : []),
          `X-PowerMTA-BounceCategory: ${category}`,
        ],
      ],
      ['  <a@example.net>  delivery failed; will not continue trying'],
    );

  it.each([
    ['quota-issues', '5.0.0', '550 Sorry, cannot deliver', ['a@example.net', 'mailboxfull', 'soft', '5.0.0', '550']],
    ['spam-related', '5.0.0', '554 Transaction failed', ['a@example.net', 'spamdetected', 'soft', '5.0.0', '554']],
    ['policy-related', '5.0.0', '550 No thank you', ['a@example.net', 'policyviolation', 'soft', '5.0.0', '550']],
    ['inactive-mailbox', '5.0.0', '', ['a@example.net', 'suspend', 'soft', '5.0.0', '']],
    ['no-answer-from-host', '4.0.0', '', ['a@example.net', 'networkerror', 'soft', '4.0.0', '']],
  ] as const)('reads category %s when the reply (%s %s) decides nothing', async (category, status, diagnostic, verdict) => {
    expect(await readVerdicts(vague(status, diagnostic, category))).toEqual(bounce([...verdict]));
  });

  it('never reads a dead address from a category alone, under a temporary code or a permanent one', async () => {
    expect(await readVerdicts(vague('4.0.0', '450 Requested action not taken', 'bad-domain'))).toEqual(
      bounce(['a@example.net', 'onhold', 'soft', '4.0.0', '450']),
    );
    // The category's patterns are the operator's, about the same words: a guess never suppresses.
    expect(await readVerdicts(vague('5.0.0', '550 Rejected', 'bad-domain'))).toEqual(
      bounce(['a@example.net', 'onhold', 'soft', '5.0.0', '550']),
    );
    expect(await readVerdicts(vague('5.0.0', '554 Transaction failed', 'bad-mailbox'))).toEqual(
      bounce(['a@example.net', 'onhold', 'soft', '5.0.0', '554']),
    );
    expect(await readVerdicts(vague('5.0.0', '', 'bad-mailbox'))).toEqual(bounce(['a@example.net', 'onhold', 'soft', '5.0.0', '']));
  });

  it('reads two recipients, each from its own group', async () => {
    const raw = powermta(
      [
        [
          'Final-Recipient: rfc822;a@example.net',
          'Action: failed',
          'Status: 5.1.1 (bad destination mailbox address)',
          'Diagnostic-Code: smtp;550 5.1.1 <a@example.net>... User Unknown',
          'X-PowerMTA-BounceCategory: bad-mailbox',
        ],
        [
          'Final-Recipient: rfc822;b@example.net',
          'Action: failed',
          'Status: 5.2.2 (mailbox full)',
          'Diagnostic-Code: smtp;552 5.2.2 <b@example.net>... Mailbox full',
          'X-PowerMTA-BounceCategory: quota-issues',
        ],
      ],
      ['  <a@example.net>  delivery failed; will not continue trying', '  <b@example.net>  delivery failed; will not continue trying'],
    );
    expect(await readVerdicts(raw)).toEqual(
      bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '550'], ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552']),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Digital Arts m-FILTER
// ---------------------------------------------------------------------------------------------

describe('Digital Arts m-FILTER', () => {
  // m-FILTER Ver.4/Ver.5's non-delivery notice as Digital Arts' FAQ shows it
  // (pa-solution.net/daj/bs/faq/Detail.aspx?id=2686): "Subject: failure notice" /
  // "このメールは「m-FILTER」が自動的に生成して送信しています。 / メールサーバーとの通信中、下記の
  // 理由により / このメールは送信できませんでした。 / 以下のメールアドレスへの送信に失敗しました。 /
  // <宛先メールアドレス> / -------server message / <ステータスコード(3桁)> <エラーメッセージ> /
  // -------SMTP command / <「m-FILTER」が最後に送信したSMTPコマンド> / -------original mail info":
  // the reply is the next server's, the command the one m-FILTER sent last.
  const mfilter = (to: string, reply: string, command: string) =>
    mail(
      [
        'From: POSTMASTER <postmaster@example.org>',
        'To: sender@example.com',
        'Subject: failure notice',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="UTF-8"',
        'Content-Transfer-Encoding: 8bit',
      ],
      [
        'このメールは「m-FILTER」が自動的に生成して送信しています。',
        'メールサーバーとの通信中、下記の理由により',
        'このメールは送信できませんでした。',
        '',
        '以下のメールアドレスへの送信に失敗しました。',
        to,
        '',
        '',
        '-------server message',
        reply,
        '',
        '-------SMTP command',
        command,
        '',
        '-------original mail info',
        ...RETURNED,
      ],
    );

  /** ISO-2022-JP bytes (RFC 1468) for text of ASCII and JIS X 0208 characters. */
  const iso2022jp = (text: string): Buffer => {
    const out: number[] = [];
    let kanji = false;
    for (const ch of text) {
      const ascii = ch.charCodeAt(0) < 0x80;
      if (ascii && kanji) out.push(0x1b, 0x28, 0x42);
      if (!ascii && !kanji) out.push(0x1b, 0x24, 0x42);
      kanji = !ascii;
      if (ascii) out.push(ch.charCodeAt(0));
      else for (const b of iconv.encode(ch, 'euc-jp')) out.push(b & 0x7f);
    }
    if (kanji) out.push(0x1b, 0x28, 0x42);
    return Buffer.from(out);
  };

  it('reads the notice in ISO-2022-JP, as Japanese mail is written', async () => {
    const text = mfilter('a@example.net', '550 5.1.1 <a@example.net>: Recipient address rejected: User unknown', 'RCPT TO:<a@example.net>')
      .toString('utf8')
      .replace('charset="UTF-8"', 'charset="ISO-2022-JP"')
      .replace('Content-Transfer-Encoding: 8bit', 'Content-Transfer-Encoding: 7bit');
    expect(await readVerdicts(iso2022jp(text))).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '550']));
  });

  it('reads an unknown user refused at RCPT TO', async () => {
    expect(
      await readVerdicts(
        mfilter('a@example.net', '550 5.1.1 <a@example.net>: Recipient address rejected: User unknown', 'RCPT TO:<a@example.net>'),
      ),
    ).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '550']));
  });

  it('reads a full mailbox', async () => {
    expect(await readVerdicts(mfilter('b@example.net', '552 5.2.2 <b@example.net>: Mailbox full', 'RCPT TO:<b@example.net>'))).toEqual(
      bounce(['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552']),
    );
  });

  it('reads a temporary refusal at the greeting as blocked, soft', async () => {
    expect(
      await readVerdicts(
        mfilter('a@example.net', '421 4.7.0 mx.example.net Service not available, closing transmission channel', 'EHLO mail.example.org'),
      ),
    ).toEqual(bounce(['a@example.net', 'blocked', 'soft', '4.7.0', '421']));
  });

  it('reads a content refusal after DATA as spam', async () => {
    expect(await readVerdicts(mfilter('a@example.net', '554 5.7.1 Message rejected as spam by Content Filtering', 'DATA'))).toEqual(
      bounce(['a@example.net', 'spamdetected', 'soft', '5.7.1', '554']),
    );
  });
});
