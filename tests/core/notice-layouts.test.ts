// Each MTA family's notice layouts, read with TWO failed recipients that failed differently:
// every recipient found, each with its own reply code, status, reason and hard/soft call, and
// no other address taken (not the sender, not the returned message's To or Cc, not the
// postmaster). Each notice is written here from the MTA's own template text (its source, or
// the vendor's documentation where the source is closed), around replies of our own; none
// comes from a bounce collection.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { dominoFailure, MESSAGING_SERVER_HEAD, multipartReport } from './notice-builders.ts';
import { postfixNotice as postfixReport } from './postfix-notice.ts';

/**
 * The returned message: its To names both failed recipients, its Cc two that did not fail. It
 * opens with From, as a copy written by the sender's client does before any Received line is
 * added: only the notice's own marker line says where it starts.
 */
const RETURNED = [
  'From: Sender <sender@example.com>',
  'To: a@example.net, b@example.net',
  'Cc: c@example.net, friend@example.com',
  'Subject: hello',
  'Message-ID: <hello.1@example.com>',
  '',
  'hello',
  '',
];

/** A notice with no delivery-status part: `lines`, then `marker` and the returned message. */
function notice(from: string, subject: string, lines: readonly string[], marker: string, headers: readonly string[] = []): Buffer {
  return Buffer.from(
    [`From: ${from}`, 'To: sender@example.com', `Subject: ${subject}`, ...headers, '', ...lines, '', marker, '', ...RETURNED].join('\n'),
  );
}

/** A multipart/report: the notice for people, one delivery-status group per recipient, the returned message. */
const report = (from: string, subject: string, lines: readonly string[], groups: readonly (readonly string[])[]) =>
  multipartReport({ returned: RETURNED, textType: 'Content-Type: text/plain' }, from, subject, lines, groups);

type Verdict = [address: string, replyCode: string, status: string, reason: string, bounceType: string];

/**
 * What classify() reports for each recipient, in the order the notice names them; the CRLF
 * copy of the same notice must read the same.
 */
async function verdicts(raw: Buffer): Promise<Verdict[]> {
  const read = async (bytes: Buffer): Promise<Verdict[]> =>
    (await classify(bytes)).recipients.map((r) => [r.address, r.replyCode, r.enhancedCode, r.reason, r.bounceType]);
  const found = await read(raw);
  expect(await read(Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'))).toEqual(found);
  return found;
}

/** The two recipients every notice below reports: one unknown (hard), one with a full mailbox (soft). */
const A_UNKNOWN: Verdict = ['a@example.net', '550', '5.1.1', 'userunknown', 'hard'];
const B_FULL = (replyCode: string, status: string): Verdict => ['b@example.net', replyCode, status, 'mailboxfull', 'soft'];

describe('OpenSMTPD (usr.sbin/smtpd/bounce.c)', () => {
  it("ends the notice at 'Below is a copy of the original message:', so the returned message's Cc is no recipient", async () => {
    const raw = notice(
      'Mailer Daemon <MAILER-DAEMON@mx.example.org>',
      'Delivery status notification: error',
      [
        'Hi!',
        '',
        'This is the MAILER-DAEMON, please DO NOT REPLY to this email.',
        '',
        'An error has occurred while attempting to deliver a message for',
        'the following list of recipients:',
        '',
        'a@example.net: 550 5.1.1 User unknown',
        '',
        'b@example.net: 452 4.2.2 Mailbox full',
      ],
      'Below is a copy of the original message:',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });
});

describe('GMX and WEB.DE (United Internet)', () => {
  it("ends the notice at '--- The header of the original message is following. ---'", async () => {
    const raw = notice(
      '"Mail Delivery System" <mailer-daemon@gmx.net>',
      'Mail delivery failed: returning message to sender',
      [
        'This message was created automatically by mail delivery software.',
        '',
        'A message that you sent could not be delivered to one or more of',
        'its recipients. This is a permanent error. The following address',
        'failed:',
        '',
        '"a@example.net":',
        'SMTP error from remote server after RCPT command:',
        'host: mx.example.net',
        '550 5.1.1 User unknown',
        '',
        '"b@example.net":',
        'SMTP error from remote server after RCPT command:',
        'host: mx.example.net',
        '452 4.2.2 Mailbox full',
      ],
      '--- The header of the original message is following. ---',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });
});

describe('Exchange 2000/2003 (Microsoft KB 284204 layout)', () => {
  it("takes no recipient from the quoted 'To:' and 'Cc:' lines above 'did not reach the following recipient(s)'", async () => {
    const raw = notice(
      'System Administrator <postmaster@example.org>',
      'Undeliverable: hello',
      [
        'Your message',
        '',
        '  To:      a@example.net; b@example.net',
        '  Cc:      c@example.net',
        '  Subject: hello',
        '  Sent:    Tue, 1 Dec 2026 01:17:26 +0900',
        '',
        'did not reach the following recipient(s):',
        '',
        'a@example.net on Tue, 1 Dec 2026 01:17:30 +0900',
        '            The e-mail account does not exist at the organization this message was sent to.',
        '            <mx.example.org #5.1.1 smtp;550 5.1.1 User unknown>',
        '',
        'b@example.net on Tue, 1 Dec 2026 01:17:30 +0900',
        "            The recipient's mailbox is full.",
        '            <mx.example.org #5.2.2 smtp;552 5.2.2 Mailbox full>',
      ],
      'Original message headers:',
    );
    const found = await verdicts(raw);
    expect(found).toEqual([A_UNKNOWN, B_FULL('552', '5.2.2')]);
    // Each recipient's diagnostic is its own paragraph, not the quoted header lines.
    const c = await classify(raw);
    expect(c.recipients[0].diagnostic).toMatch(/^a@example\.net on /);
  });
});

describe('Exchange 2007 and later, localised', () => {
  it("ends a German notice at 'Ursprüngliche Nachrichtenkopfzeilen:' and pairs each administrators' line with its recipient", async () => {
    const raw = notice(
      'postmaster@example.org',
      'Unzustellbar: hello',
      [
        'Fehler bei der Zustellung an folgende Empfänger oder Gruppen:',
        '',
        'a@example.net',
        'Die eingegebene E-Mail-Adresse wurde nicht gefunden.',
        '',
        'b@example.net',
        'Das Postfach des Empfängers ist voll.',
        '',
        'Diagnoseinformationen für Administratoren:',
        '',
        'Generierender Server: mx.example.org',
        '',
        'a@example.net',
        'mx.example.net #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
        '',
        'b@example.net',
        'mx.example.net #452 4.2.2 mailbox full ##',
      ],
      'Ursprüngliche Nachrichtenkopfzeilen:',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });
});

describe('Oracle (Sun) Messaging Server', () => {
  it("takes no recipient from the quoted header fields of 'This report relates to a message you sent'", async () => {
    const raw = notice(
      'Internet Mail Delivery <postmaster@example.org>',
      'Delivery Notification: Delivery has failed',
      [
        ...MESSAGING_SERVER_HEAD,
        '  Recipient address: a@example.net',
        '  Reason: Remote SMTP server has rejected address',
        '  Diagnostic code: smtp;550 5.1.1 <a@example.net>... User unknown',
        '  Remote system: dns;mx.example.net (TCP|192.0.2.9|1234|192.0.2.1|25) (mx.example.net ESMTP)',
        '',
        '  Recipient address: b@example.net',
        '  Reason: Remote SMTP server has rejected address',
        '  Diagnostic code: smtp;452 4.2.2 Mailbox full',
        '  Remote system: dns;mx.example.net (TCP|192.0.2.9|1234|192.0.2.1|25) (mx.example.net ESMTP)',
      ],
      'Content-Type: message/rfc822',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });
});

describe('Lotus Notes / HCL Domino', () => {
  it("reads the reason under 'because:' after a blank line as the recipient's own", async () => {
    const raw = notice(
      'Postmaster <postmaster@example.org>',
      'DELIVERY FAILURE: User a (a@example.net) not listed in Domino Directory',
      dominoFailure(['a@example.net'], '550 5.1.1 User a (a@example.net) not listed in Domino Directory'),
      'Original message follows',
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.replyCode, r.enhancedCode, r.reason, r.bounceType])).toEqual([A_UNKNOWN]);
    expect(c.recipients[0].diagnostic).toMatch(/because: 550 5\.1\.1 User a/);
  });
});

/** Postfix's notice for people (src/bounce/bounce_template.c), `lines` after its header text. */
const postfixNotice = (lines: readonly string[], help = 'postmaster') =>
  notice(
    'MAILER-DAEMON@mx.example.org (Mail Delivery System)',
    'Undelivered Mail Returned to Sender',
    [
      'This is the mail system at host mx.example.org.',
      '',
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients. It's attached below.",
      '',
      `For further assistance, please send mail to ${help}`,
      '',
      'If you do so, please include this problem report. You can',
      'delete your own text from the attached returned message.',
      '',
      '                   The mail system',
      '',
      ...lines,
    ],
    'Content-Type: message/rfc822',
  );

describe('Postfix (src/bounce/bounce_template.c, src/smtp/smtp_trouble.c)', () => {
  const twoReplies = [
    '<a@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.net>:',
    '    Recipient address rejected: User unknown (in reply to RCPT TO command)',
    '',
    '<b@example.net>: host mx.example.net[192.0.2.1] said: 452 4.2.2 <b@example.net>:',
    '    Mailbox full (in reply to RCPT TO command)',
  ];

  it('reads each recipient with its own reply', async () => {
    expect(await verdicts(postfixNotice(twoReplies))).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });

  it("takes no recipient from the help line a site wrote its postmaster's address into", async () => {
    expect(await verdicts(postfixNotice(twoReplies, 'postmaster@example.org'))).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
    expect(await verdicts(postfixNotice(twoReplies, '<help@example.org>'))).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });

  it('still reads a failed postmaster address that opens its own line', async () => {
    const found = await verdicts(
      postfixNotice([
        '<postmaster@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
      ]),
    );
    expect(found).toEqual([['postmaster@example.net', '550', '5.1.1', 'userunknown', 'hard']]);
  });

  it("reads multi-line replies ('550-5.1.1 ... 550 5.1.1 ...') wrapped over indented lines, each for its own recipient", async () => {
    const raw = postfixNotice([
      '<a@example.net>: host mx.example.net[192.0.2.1] said: 550-5.1.1 The email account',
      '    that you tried to reach does not exist. 550 5.1.1 Please try again (in',
      '    reply to RCPT TO command)',
      '',
      '<b@example.net>: host mx.example.net[192.0.2.1] said: 452-4.2.2 The email account',
      '    that you tried to reach is over quota. 452 4.2.2 Please try again (in reply',
      '    to RCPT TO command)',
    ]);
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });
});

describe("Postfix's delay warning (src/bounce/bounce_template.c, no delivery-status part)", () => {
  it('reads "could not be delivered for more than 4 hour(s)" as a delay: both recipients delayed, neither hard', async () => {
    const raw = notice(
      'MAILER-DAEMON@mx.example.org (Mail Delivery System)',
      'Delayed Mail (still being retried)',
      [
        'This is the mail system at host mx.example.org.',
        '',
        '####################################################################',
        '# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #',
        '####################################################################',
        '',
        'Your message could not be delivered for more than 4 hour(s).',
        'It will be retried until it is 5 day(s) old.',
        '',
        '                   The mail system',
        '',
        '<a@example.net>: host mx.example.net[192.0.2.1] said: 451 4.3.0 Temporary lookup failure (in reply to RCPT TO command)',
        '',
        '<b@example.com>: connect to mx.example.com[192.0.2.2]:25: Connection timed out',
      ],
      'Content-Type: message/rfc822',
    );
    const c = await classify(raw);
    expect(c.kind).toBe('delay');
    expect(c.recipients.map((r) => [r.address, r.action, r.replyCode, r.enhancedCode, r.bounceType])).toEqual([
      ['a@example.net', 'delayed', '451', '4.3.0', 'none'],
      ['b@example.com', 'delayed', '', '4.0.0', 'none'],
    ]);
  });
});

/** Sendmail's notice (sendmail/savemail.c errbody) with its transcript (usersmtp.c). */
const sendmailNotice = (lines: readonly string[]) =>
  notice(
    'Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
    'Returned mail: see transcript for details',
    ['The original message was received at Tue, 1 Dec 2026 01:17:26 +0900', 'from client.example.com [192.0.2.9]', '', ...lines],
    '   ----- Original message follows -----',
  );

describe('Sendmail (sendmail/savemail.c, usersmtp.c)', () => {
  it('gives each recipient the reply of its own RCPT TO in the transcript, with no section heading in its diagnostic', async () => {
    const raw = sendmailNotice([
      '   ----- The following addresses had permanent fatal errors -----',
      '<a@example.net>',
      '<b@example.net>',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.net.:',
      '>>> RCPT To:<a@example.net>',
      '<<< 550 5.1.1 <a@example.net>... User unknown',
      '550 5.1.1 <a@example.net>... User unknown',
      '>>> RCPT To:<b@example.net>',
      '<<< 452 4.2.2 <b@example.net>... Mailbox full',
      '<b@example.net>... Deferred: 452 4.2.2 Mailbox full',
    ]);
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
    const c = await classify(raw);
    expect(c.recipients.map((r) => r.diagnostic).join(' ')).not.toMatch(/Transcript of session/);
  });

  it("reads the '(reason: ...)' line under each address, permanent and transient sections alike", async () => {
    const raw = sendmailNotice([
      '   ----- The following addresses had permanent fatal errors -----',
      '<a@example.net>',
      '    (reason: 550 5.1.1 User unknown)',
      '',
      '   ----- The following addresses had transient non-fatal errors -----',
      '<b@example.net>',
      '    (reason: 452 4.2.2 Mailbox full)',
    ]);
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });

  // Layouts recorded from Sendmail 8.17.1.9 (tests/fixtures/mta-notices/sendmail/).
  it('reads the whole of a multi-line reply from the transcript when the Diagnostic-Code holds only its first line', async () => {
    const spam = [
      '550-5.7.1 [192.0.2.9] Our system has detected that this message is likely',
      '550-5.7.1 unsolicited mail. To reduce the amount of spam sent to Gmail, this',
      '550 5.7.1 message has been blocked.',
    ];
    const raw = report(
      'Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
      'Returned mail: see transcript for details',
      [
        '   ----- The following addresses had permanent fatal errors -----',
        'a@example.net',
        '    (reason: 550 5.1.1 User unknown)',
        'b@example.net',
        `    (reason: ${spam[0]})`,
        '',
        '   ----- Transcript of session follows -----',
        '... while talking to mx.example.net.:',
        '>>> RCPT To:<a@example.net>',
        '<<< 550 5.1.1 User unknown',
        '550 5.1.1 a@example.net... User unknown',
        '>>> DATA',
        ...spam.map((l) => `<<< ${l}`),
        '554 5.0.0 Service unavailable',
      ],
      [
        ['Final-Recipient: RFC822; a@example.net', 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: SMTP; 550 5.1.1 User unknown'],
        ['Final-Recipient: RFC822; b@example.net', 'Action: failed', 'Status: 5.7.1', `Diagnostic-Code: SMTP; ${spam[0]}`],
      ],
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, ['b@example.net', '550', '5.7.1', 'spamdetected', 'soft']]);
    expect((await classify(raw)).recipients[1].diagnostic).toBe(spam.join(' '));
  });

  it('reads "<a@b>... Deferred: Connection refused by <host>" before the queue-return words as a connection the retries never made, not a block', async () => {
    const raw = report(
      'Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
      'Returned mail: see transcript for details',
      [
        '   ----- The following addresses had permanent fatal errors -----',
        'a@example.net',
        'b@example.com',
        '    (reason: 452 4.2.2 Mailbox full)',
        '',
        '   ----- Transcript of session follows -----',
        'a@example.net... Deferred: Connection refused by mx.example.net.',
        '... while talking to mx.example.com.:',
        '>>> RCPT To:<b@example.com>',
        '<<< 452 4.2.2 Mailbox full',
        'b@example.com... Deferred: 452 4.2.2 Mailbox full',
        'Message could not be delivered for 30 minutes',
        'Message will be deleted from queue',
      ],
      [
        ['Final-Recipient: RFC822; a@example.net', 'Action: failed', 'Status: 4.4.7'],
        ['Final-Recipient: RFC822; b@example.com', 'Action: failed', 'Status: 4.4.7', 'Diagnostic-Code: SMTP; 452 4.2.2 Mailbox full'],
      ],
    );
    expect(await verdicts(raw)).toEqual([
      ['a@example.net', '', '4.4.7', 'expired', 'soft'],
      ['b@example.com', '452', '4.2.2', 'mailboxfull', 'soft'],
    ]);
  });

  it("lets the server's quoted reply decide, not Sendmail's own 'User unknown' summary written under it", async () => {
    // Sendmail writes "550 5.1.1 <addr>... User unknown" under any 550 to RCPT TO (recorded from 8.17.1.9).
    const raw = sendmailNotice([
      '   ----- The following addresses had permanent fatal errors -----',
      'a@example.net',
      '    (reason: 550 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org)',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.net.:',
      '>>> RCPT To:<a@example.net>',
      '<<< 550 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org',
      '550 5.1.1 a@example.net... User unknown',
    ]);
    expect(await verdicts(raw)).toEqual([['a@example.net', '550', '5.7.1', 'blocked', 'soft']]);
  });

  it('does not give the one failure left the reply of an address still being tried', async () => {
    const raw = sendmailNotice([
      '   ----- The following addresses had permanent fatal errors -----',
      'a@example.net',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.org.:',
      '>>> RCPT To:<c@example.org>',
      '<<< 452 4.2.2 Mailbox full, try later',
      'c@example.org... Deferred: 452 4.2.2 Mailbox full, try later',
      'a@example.net... Message could not be delivered',
    ]);
    // The deferred address's 452 is not a's: a's notice names no cause of its own.
    expect(await verdicts(raw)).toEqual([['a@example.net', '', '5.0.0', 'onhold', 'soft']]);
  });

  it('leaves out an address its transcript names only as still being tried ("... Deferred:")', async () => {
    const raw = sendmailNotice([
      '   ----- The following addresses had permanent fatal errors -----',
      'a@example.net',
      '    (reason: 550 5.1.1 <a@example.net>... User unknown)',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.net.:',
      '>>> RCPT To:<a@example.net>',
      '<<< 550 5.1.1 <a@example.net>... User unknown',
      '550 5.1.1 a@example.net... User unknown',
      '>>> RCPT To:<b@example.net>',
      '<<< 452 4.2.2 <b@example.net>... Mailbox full',
      'b@example.net... Deferred: 452 4.2.2 <b@example.net>... Mailbox full',
    ]);
    expect(await verdicts(raw)).toEqual([A_UNKNOWN]);
  });
});

describe('Lotus Notes\' older notice ("------- Failure Reasons --------", reason before address)', () => {
  it("gives each address the reason written on the line above it, not the next recipient's", async () => {
    const raw = notice(
      'Postmaster <postmaster@example.org>',
      'Undeliverable message',
      [
        '------- Failure Reasons  --------',
        '',
        'User not listed in public Name & Address Book',
        'a@example.net',
        'Mailbox full',
        'b@example.net',
      ],
      '------- Returned Message --------',
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType])).toEqual([
      ['a@example.net', 'userunknown', 'hard'],
      ['b@example.net', 'mailboxfull', 'soft'],
    ]);
    expect(c.recipients[1].diagnostic).toBe('Mailbox full b@example.net');
  });
});

describe('Trustwave MailMarshal (reason first, then the recipients it concerns)', () => {
  it('gives every recipient listed under "The following recipients were affected:" the reply written above the list', async () => {
    const raw = notice(
      'MAILER-DAEMON@mx.example.org',
      'Undeliverable Mail: "hello"',
      [
        'Your message:',
        '   From:    sender@example.com',
        '   Subject: hello',
        '',
        'Could not be delivered because of',
        '',
        '550 5.1.1 User unknown',
        '',
        'The following recipients were affected:',
        '   a@example.net',
        '   b@example.net',
        '',
        'Additional Information',
        '======================',
        'Original Sender:    <sender@example.com>',
        'Sender-MTA:         <192.0.2.9>',
      ],
      'Content-Type: message/rfc822',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, ['b@example.net', '550', '5.1.1', 'userunknown', 'hard']]);
  });

  it("never gives a recipient whose block has no code the reply in another recipient's block", async () => {
    const raw = postfixNotice([
      '<a@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
      '',
      '<b@example.com>: connect to mx.example.com[192.0.2.2]:25: Connection refused',
    ]);
    const found = await verdicts(raw);
    expect(found[0]).toEqual(A_UNKNOWN);
    expect(found[1].slice(0, 3)).toEqual(['b@example.com', '', '5.0.0']);
    expect(found).toHaveLength(2);
  });
});

describe('layouts read right with two recipients (kept so)', () => {
  const layouts: [family: string, from: string, subject: string, lines: string[], marker: string, b: Verdict][] = [
    [
      'Exim (src/src/deliver.c; "host ...: 550" of older releases)',
      'Mail Delivery System <Mailer-Daemon@mx.example.org>',
      'Mail delivery failed: returning message to sender',
      [
        'This message was created automatically by mail delivery software.',
        '',
        'A message that you sent could not be delivered to one or more of its',
        'recipients. This is a permanent error. The following address(es) failed:',
        '',
        '  a@example.net',
        '    host mx.example.net [192.0.2.1]',
        '    SMTP error from remote mail server after RCPT TO:<a@example.net>:',
        '    550-5.1.1 The email account that you tried to reach does not exist.',
        '    550 5.1.1 Please try again.',
        '  b@example.net',
        '    SMTP error from remote mail server after RCPT TO:<b@example.net>:',
        '    host mx.example.net [192.0.2.1]: 452 4.2.2 Mailbox full',
      ],
      '------ This is a copy of the message, including all the headers. ------',
      B_FULL('452', '4.2.2'),
    ],
    [
      'qmail (qmail-send.c, qmail-remote.c), multi-line reply',
      'MAILER-DAEMON@mx.example.org',
      'failure notice',
      [
        'Hi. This is the qmail-send program at mx.example.org.',
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        "This is a permanent error; I've given up. Sorry it didn't work out.",
        '',
        '<a@example.net>:',
        '192.0.2.1 does not like recipient.',
        'Remote host said: 550-5.1.1 The email account that you tried to reach does not exist.',
        '550 5.1.1 Please try again.',
        'Giving up on 192.0.2.1.',
        '',
        '<b@example.net>:',
        '192.0.2.2 failed after I sent the message.',
        'Remote host said: 552 5.2.2 Mailbox full',
      ],
      '--- Below this line is a copy of the message.',
      B_FULL('552', '5.2.2'),
    ],
    [
      'Courier (courier/module.esmtp/esmtpclient.c)',
      'Courier mail server at mx.example.org <@>',
      'NOTICE: mail delivery status.',
      [
        'This is a delivery status notification from mx.example.org,',
        'running the Courier mail server, version 1.0.',
        '',
        '---------------------------------------------------------------------------',
        '',
        '                           UNDELIVERABLE MAIL',
        '',
        'Your message to the following recipients cannot be delivered:',
        '',
        '<a@example.net>:',
        '    mx.example.net [192.0.2.1]:',
        '>>> RCPT TO:<a@example.net>',
        '<<< 550 5.1.1 User unknown',
        '',
        '<b@example.net>:',
        '    mx.example.net [192.0.2.1]:',
        '>>> RCPT TO:<b@example.net>',
        '<<< 452 4.2.2 Mailbox full',
      ],
      '--- Start of returned message ---',
      B_FULL('452', '4.2.2'),
    ],
    [
      'Exchange 5.5 ("The following recipient(s) could not be reached:", quoted addresses)',
      'System Administrator <postmaster@example.org>',
      'Undeliverable: hello',
      [
        'Your message did not reach some or all of the intended recipients.',
        '',
        '   Subject:\thello',
        '',
        'The following recipient(s) could not be reached:',
        '',
        "   'a@example.net' on 12/1/2026 1:17 AM",
        '         550 5.1.1 The recipient name is not recognized',
        '',
        "   'b@example.net' on 12/1/2026 1:17 AM",
        '         552 5.2.2 Mailbox full',
      ],
      'Content-Type: message/rfc822',
      B_FULL('552', '5.2.2'),
    ],
    [
      'Trend Micro InterScan MSS ("Sent <<< RCPT TO:" / "Received >>> 550")',
      'MAILER-DAEMON@mx.example.org',
      'Mail could not be delivered',
      [
        'Sent <<< RCPT TO:<a@example.net>',
        'Received >>> 550 5.1.1 <a@example.net>... user unknown',
        '',
        'Unable to deliver message to <a@example.net>',
        '',
        'Sent <<< RCPT TO:<b@example.net>',
        'Received >>> 452 4.2.2 <b@example.net>... mailbox full',
        '',
        'Unable to deliver message to <b@example.net>',
      ],
      'Content-type: message/rfc822',
      B_FULL('452', '4.2.2'),
    ],
    [
      'an unnamed MTA\'s "SMTP Server <host> rejected recipient <a@b>" lines, wrapped',
      'MAILER-DAEMON@mx.example.org',
      'Delivery failure',
      [
        'We had trouble delivering your message. Full details follow:',
        '',
        "Subject: 'hello'",
        '',
        '2 error(s):',
        '',
        'SMTP Server <mx.example.net> rejected recipient <a@example.net> ',
        '  (Error following RCPT command). It responded as follows: [550 5.1.1 User unknown]',
        'SMTP Server <mx.example.net> rejected recipient <b@example.net> ',
        '  (Error following RCPT command). It responded as follows: [452 4.2.2 Mailbox full]',
      ],
      'The attachment contains the original mail headers',
      B_FULL('452', '4.2.2'),
    ],
    [
      'Yahoo (qmail layout, "[RCPT_TO]")',
      'MAILER-DAEMON@mta.example.com',
      'Failure Notice',
      [
        'Sorry, we were unable to deliver your message to the following address.',
        '',
        '<a@example.net>:',
        'Remote host said: 550 5.1.1 <a@example.net>... User unknown [RCPT_TO]',
        '',
        '<b@example.net>:',
        'Remote host said: 452 4.2.2 <b@example.net>... Mailbox full [RCPT_TO]',
      ],
      '--- Below this line is a copy of the message.',
      B_FULL('452', '4.2.2'),
    ],
    [
      'Zoho ("ERROR CODE :550 - ...")',
      'mailer-daemon@mail.example.com',
      'Undelivered Mail Returned to Sender',
      [
        'This message was created automatically by mail delivery software.',
        'A message that you sent could not be delivered to one or more of its recipients. This is a permanent error.',
        '',
        'a@example.net, ERROR CODE :550 - 5.1.1 User unknown',
        '',
        'b@example.net, ERROR CODE :452 - 4.2.2 Mailbox full',
      ],
      'Received: from mail.example.com by mx.example.com',
      B_FULL('452', '4.2.2'),
    ],
  ];
  for (const [family, from, subject, lines, marker, b] of layouts) {
    it(`reads ${family}`, async () => {
      expect(await verdicts(notice(from, subject, lines, marker))).toEqual([A_UNKNOWN, b]);
    });
  }
});

describe('a list of bare addresses, then what is said of all of them', () => {
  const both = (replyCode: string, status: string, reason: string, bounceType: string): Verdict[] => [
    ['a@example.net', replyCode, status, reason, bounceType],
    ['b@example.net', replyCode, status, reason, bounceType],
  ];

  it("gives Gmail's older notice's technical details to every recipient listed above them", async () => {
    const raw = notice(
      'Mail Delivery Subsystem <mailer-daemon@mail.example.com>',
      'Delivery Status Notification (Failure)',
      [
        'Delivery to the following recipients failed permanently:',
        '',
        '     a@example.net',
        '     b@example.net',
        '',
        'Technical details of permanent failure:',
        'The server tried to deliver your message, but it was rejected by the server for the recipient domain example.net by mx.example.net. [192.0.2.1].',
        '',
        'The error that the other server returned was:',
        '550 5.1.1 User unknown',
      ],
      '----- Original message -----',
    );
    expect(await verdicts(raw)).toEqual(both('550', '5.1.1', 'userunknown', 'hard'));
  });

  it("gives Domino's 'because:' to every address under 'was not delivered to:'", async () => {
    const raw = notice(
      'Postmaster <postmaster@example.org>',
      'DELIVERY FAILURE: hello',
      dominoFailure(['a@example.net', 'b@example.net'], '552 5.2.2 Mailbox full'),
      'Original message follows',
    );
    expect(await verdicts(raw)).toEqual(both('552', '5.2.2', 'mailboxfull', 'soft'));
  });

  it("gives Biglobe's 'Non-delivered information' to both addresses, without the section headings", async () => {
    const raw = notice(
      'postmaster@mail.example.jp',
      'Returned mail: Delivery failed',
      [
        '   ----- The following addresses had delivery problems -----',
        'a@example.net',
        'b@example.net',
        '',
        '   ----- Non-delivered information -----',
        "The number of messages in recipient's mailbox exceeded the local limit.",
      ],
      '   ----- Original message follows -----',
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.reason, r.diagnostic])).toEqual([
      ['a@example.net', 'mailboxfull', "a@example.net The number of messages in recipient's mailbox exceeded the local limit."],
      ['b@example.net', 'mailboxfull', "b@example.net The number of messages in recipient's mailbox exceeded the local limit."],
    ]);
  });

  it("gives Apache James's 'Error message:' to every address under 'Failed recipient(s):' (Bounce mailet)", async () => {
    const raw = notice(
      'MAILER-DAEMON@mx.example.org',
      '[BOUNCE]',
      [
        'Hi. This is the James mail server at mx.example.org.',
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        "This is a permanent error; I've given up. Sorry it didn't work out.  Below",
        'I include the list of recipients and the reason why I was unable to deliver',
        'your message.',
        '',
        'Failed recipient(s):',
        'a@example.net',
        'b@example.net',
        '',
        'Error message:',
        '550 5.1.1 User unknown',
      ],
      'Message details:',
    );
    expect(await verdicts(raw)).toEqual(both('550', '5.1.1', 'userunknown', 'hard'));
  });
});

describe("text said of several recipients that names one of them is that one's alone", () => {
  /** b@example.net reads nothing from a line naming a@example.net: no code, no reason of a's. */
  const B_UNDECIDED = (found: Verdict[]) => {
    expect(found.map((v) => v[0])).toEqual(['a@example.net', 'b@example.net']);
    expect(found[0]).toEqual(A_UNKNOWN);
    expect(found[1][1]).toBe('');
    expect(found[1][2]).not.toBe('5.1.1');
    expect(found[1][3]).not.toBe('userunknown');
    expect(found[1][4]).not.toBe('hard');
  };

  it('a reply above "The following recipients were affected:" that names one of them goes to that one only', async () => {
    const raw = notice(
      'MailMarshal <postmaster@example.org>',
      'Undeliverable: hello',
      [
        'Your message could not be delivered.',
        'Remote server said: 550 5.1.1 <a@example.net> User unknown',
        '',
        'The following recipients were affected:',
        '    a@example.net',
        '    b@example.net',
      ],
      'Content-Type: message/rfc822',
    );
    B_UNDECIDED(await verdicts(raw));
  });

  it('a reply under a bare list of addresses that names one member goes to that member only', async () => {
    const raw = notice(
      'Mail Delivery Subsystem <mailer-daemon@mail.example.com>',
      'Delivery Status Notification (Failure)',
      [
        'Delivery to the following recipients failed permanently:',
        '',
        '     a@example.net',
        '     b@example.net',
        '',
        'Technical details of permanent failure:',
        'The error that the other server returned was:',
        '550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
      ],
      '----- Original message -----',
    );
    B_UNDECIDED(await verdicts(raw));
  });

  it("a delivery report's text naming one recipient decides nothing for the other", async () => {
    const raw = report(
      'MAILER-DAEMON@mx.example.org',
      'Delivery Status Notification (Failure)',
      ['Delivery has failed to these recipients or groups.', 'The remote server returned: 550 5.1.1 <a@example.net> User unknown'],
      [
        ['Final-Recipient: rfc822; a@example.net', 'Action: failed', 'Status: 5.0.0'],
        ['Final-Recipient: rfc822; b@example.net', 'Action: failed', 'Status: 5.0.0'],
      ],
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => r.address)).toEqual(['a@example.net', 'b@example.net']);
    const b = c.recipients[1];
    expect(b.replyCode).toBe('');
    expect(b.reason).not.toBe('userunknown');
    expect(b.decidedBy.join(' ')).not.toMatch(/userunknown/);
  });
});

describe('one line naming several recipients', () => {
  it('gives "Mail for a@... and b@... could not be delivered: <reply>" to both addresses, not only the first', async () => {
    const raw = notice(
      'Mail Delivery System <mailer-daemon@mx.example.org>',
      'Undeliverable: hello',
      ['Mail for a@example.net and b@example.net could not be delivered: 552 5.2.2 Mailbox full'],
      '--- Original message follows ---',
    );
    expect(await verdicts(raw)).toEqual([['a@example.net', '552', '5.2.2', 'mailboxfull', 'soft'], B_FULL('552', '5.2.2')]);
  });

  it('gives a reply written after "Delivery to a@..., b@... failed:" to every address listed', async () => {
    const raw = notice(
      'Mail Delivery System <mailer-daemon@mx.example.org>',
      'Undeliverable: hello',
      ['Delivery to a@example.net, b@example.net failed: 550 5.1.1 User unknown (in reply to RCPT TO command)'],
      '--- Original message follows ---',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, ['b@example.net', '550', '5.1.1', 'userunknown', 'hard']]);
  });

  it('takes no address from the same line that is not listed with the recipient ("write to help@...")', async () => {
    const raw = notice(
      'Mail Delivery System <mailer-daemon@mx.example.org>',
      'Undeliverable: hello',
      ['Delivery to a@example.net failed: 550 5.1.1 User unknown; questions to help@example.org'],
      '--- Original message follows ---',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN]);
  });
});

describe("one recipient's words never decide another's", () => {
  it("a local mailer's failure (X-Unix) is not read as the other recipient's 'Mailbox full' (Sendmail with a DSN)", async () => {
    const raw = report(
      'Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
      'Returned mail: see transcript for details',
      [
        'The original message was received at Tue, 1 Dec 2026 01:17:26 +0900',
        '',
        '   ----- The following addresses had permanent fatal errors -----',
        '"|/usr/local/bin/procmail"',
        '    (reason: Service unavailable)',
        '    (expanded from: <a@example.org>)',
        '<b@example.org>',
        '    (reason: 552 5.2.2 Mailbox full)',
        '',
        '   ----- Transcript of session follows -----',
        '554 5.3.0 unknown mailer error 69',
        '552 5.2.2 <b@example.org>... Mailbox full',
      ],
      [
        [
          'Final-Recipient: RFC822; a@example.org',
          'X-Actual-Recipient: X-Unix; |/usr/local/bin/procmail',
          'Action: failed',
          'Status: 5.3.0',
          'Diagnostic-Code: X-Unix; 69',
        ],
        [
          'Final-Recipient: RFC822; b@example.org',
          'Action: failed',
          'Status: 5.2.2',
          'Diagnostic-Code: SMTP; 552 5.2.2 <b@example.org>... Mailbox full',
        ],
      ],
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.reason])).toEqual([
      ['a@example.org', 'mailererror'],
      ['b@example.org', 'mailboxfull'],
    ]);
  });

  it('a line naming one recipient as "<a@b>... reason" goes to that recipient, not to the address listed last', async () => {
    const raw = report(
      'MAILER-DAEMON@mx.example.org',
      'Delivery Status Notification (Failure)',
      [
        '      This is an automatically generated Delivery Status Notification.',
        '',
        'Delivery to the following recipients failed permanently:',
        '',
        '  * a@example.net',
        '  * b@example.net',
        '',
        '                        Technical details:',
        '',
        'SMTP:RCPT host 192.0.2.1: 553 5.3.0 <a@example.net>... No such user here',
      ],
      [
        ['Final-Recipient: rfc822;a@example.net', 'Action: failed', 'Status: 5.3.0'],
        ['Final-Recipient: rfc822;b@example.net', 'Action: failed', 'Status: 5.2.2'],
      ],
    );
    expect(await verdicts(raw)).toEqual([
      ['a@example.net', '553', '5.3.0', 'userunknown', 'hard'],
      ['b@example.net', '', '5.2.2', 'mailboxfull', 'soft'],
    ]);
  });

  it("takes Sendmail's summary line for its recipient, not the reply to a later command after it", async () => {
    const raw = sendmailNotice([
      '   ----- The following addresses had permanent fatal errors -----',
      '<a@example.net>',
      '    (reason: 550 5.1.1 User unknown)',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.net.:',
      '>>> DATA',
      '<<< 550 5.1.1 User unknown',
      '550 5.1.1 <a@example.net>... User unknown',
      '<<< 503 5.5.1 RCPT first',
    ]);
    expect(await verdicts(raw)).toEqual([A_UNKNOWN]);
  });
});

describe('Exim local deliveries to a file or a pipe (src/src/deliver.c)', () => {
  it('reads the address under "generated by" as the recipient, and ends the address above at the next item', async () => {
    const raw = notice(
      'Mail Delivery System <Mailer-Daemon@mx.example.org>',
      'Mail delivery failed: returning message to sender',
      [
        'This message was created automatically by mail delivery software.',
        '',
        'A message that you sent could not be delivered to one or more of its',
        'recipients. This is a permanent error. The following address(es) failed:',
        '',
        '  a@example.net',
        '    host mx.example.net [192.0.2.1]',
        '    SMTP error from remote mail server after RCPT TO:<a@example.net>:',
        '    550 5.1.1 User unknown',
        '  /var/mail/b',
        '    generated by b@example.net',
        '    mailbox is full (MTA-imposed quota exceeded while writing to file /var/mail/b)',
      ],
      '------ This is a copy of the message, including all the headers. ------',
      ['X-Failed-Recipients: a@example.net, b@example.net'],
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.replyCode, r.reason, r.bounceType])).toEqual([
      ['a@example.net', '550', 'userunknown', 'hard'],
      ['b@example.net', '', 'mailboxfull', 'soft'],
    ]);
    expect(c.recipients[1].diagnostic).toMatch(/^\/var\/mail\/b generated by b@example\.net mailbox is full/);
  });

  it('does not take the alias an address was "(generated from ...)" as another recipient', async () => {
    const raw = notice(
      'Mail Delivery System <Mailer-Daemon@mx.example.org>',
      'Mail delivery failed: returning message to sender',
      [
        'This message was created automatically by mail delivery software.',
        '',
        'A message that you sent could not be delivered to one or more of its',
        'recipients. This is a permanent error. The following address(es) failed:',
        '',
        '  a@example.net',
        '    (generated from list@example.org)',
        '    SMTP error from remote mail server after RCPT TO:<a@example.net>:',
        '    host mx.example.net [192.0.2.1]: 550 5.1.1 User unknown',
        '  pipe to |/usr/local/bin/filter',
        '    generated by b@example.net',
        '    local delivery failed',
      ],
      '------ This is a copy of the message, including all the headers. ------',
      ['X-Failed-Recipients: a@example.net, b@example.net'],
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.replyCode, r.reason])).toEqual([
      ['a@example.net', '550', 'userunknown'],
      ['b@example.net', '', 'mailererror'],
    ]);
  });
});

describe('Exchange 2007 and later, recipients by display name', () => {
  it("never takes the sender's own 'Name (address)' line as a failed recipient", async () => {
    const raw = notice(
      'postmaster@example.org',
      'Undeliverable: hello',
      [
        'Delivery has failed to these recipients or groups:',
        '',
        'Alice Example (a@example.net)',
        "The e-mail address you entered couldn't be found.",
        '',
        'Sent by',
        'Sender Example (sender@example.com)',
      ],
      'Original message headers:',
    );
    expect((await classify(raw)).recipients.map((r) => r.address)).toEqual(['a@example.net']);
  });

  it('reads "Alice Example (a@example.net)" lines as the failed recipients when no administrators\' section follows', async () => {
    const raw = notice(
      'postmaster@example.org',
      'Undeliverable: hello',
      [
        'Delivery has failed to these recipients or groups:',
        '',
        'Alice Example (a@example.net)',
        "The e-mail address you entered couldn't be found.",
        '',
        'Bob Example (b@example.net)<mailto:b@example.net>',
        "The recipient's mailbox is full and can't accept messages now.",
      ],
      'Original message headers:',
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType])).toEqual([
      ['a@example.net', 'userunknown', 'hard'],
      ['b@example.net', 'mailboxfull', 'soft'],
    ]);
  });
});

describe('Sendmail transcript with a part per server (sendmail/usersmtp.c "... while talking to")', () => {
  it("gives each server's part to the address its summary line names, not to the address before it", async () => {
    const raw = sendmailNotice([
      '   ----- The following addresses had permanent fatal errors -----',
      '<a@example.net>',
      '<b@example.com>',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.net.:',
      '>>> RCPT To:<a@example.net>',
      '<<< 550 5.1.1 User unknown',
      '550 5.1.1 <a@example.net>... User unknown',
      '... while talking to mx.example.com.:',
      '>>> DATA',
      '<<< 552 5.2.2 Mailbox full',
      '554 5.0.0 <b@example.com>... Service unavailable',
    ]);
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, ['b@example.com', '552', '5.2.2', 'mailboxfull', 'soft']]);
  });
});

describe('Oracle Messaging Server with alias expansion', () => {
  it('reads "Original address:" as another spelling of the recipient above, not a recipient of its own', async () => {
    const raw = notice(
      'Internet Mail Delivery <postmaster@example.org>',
      'Delivery Notification: Delivery has failed',
      [
        'Your message cannot be delivered to the following recipients:',
        '',
        '  Recipient address: a@example.net',
        '  Original address: alias-a@example.org',
        '  Reason: Remote SMTP server has rejected address',
        '  Diagnostic code: smtp;550 5.1.1 <a@example.net>... User unknown',
        '',
        '  Recipient address: b@example.net',
        '  Original address: alias-b@example.org',
        '  Reason: Remote SMTP server has rejected address',
        '  Diagnostic code: smtp;452 4.2.2 Mailbox full',
      ],
      'Content-Type: message/rfc822',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });
});

describe('"Original recipient:" with no recipient named before it', () => {
  it('reads the address as the failed recipient, not as the sender', async () => {
    const raw = notice(
      'Mail Delivery System <postmaster@example.org>',
      'Undeliverable: hello',
      ['Your message could not be delivered.', '', 'Original recipient: a@example.net', 'Reason: 550 5.1.1 User unknown'],
      'Content-Type: message/rfc822',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN]);
  });
});

describe("the sender's own address is never a failed recipient", () => {
  it('takes no recipient from Microsoft 365\'s "Sender Address:" line', async () => {
    const raw = notice(
      'Microsoft Outlook <postmaster@example.org>',
      'Undeliverable: hello',
      [
        "Your message to a@example.net couldn't be delivered.",
        '',
        'Original Message Details',
        'Sender Address: bounces+x1@example.com',
        'Recipient Address: a@example.net',
        '',
        'Error Details',
        'Error: 550 5.1.1 RESOLVER.ADR.RecipientNotFound; Recipient a@example.net not found by SMTP address lookup',
      ],
      'Content-Type: message/rfc822',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN]);
  });

  it('takes no recipient from the address under Exim\'s "A message sent by" (src/src/deliver.c)', async () => {
    const raw = notice(
      'Mail Delivery System <Mailer-Daemon@mx.example.org>',
      'Mail delivery failed: returning message to sender',
      [
        'This message was created automatically by mail delivery software.',
        '',
        'A message sent by',
        '',
        '  <bounces+x1@example.com>',
        '',
        'could not be delivered to one or more of its recipients. The following address(es) failed:',
        '',
        '  a@example.net',
        '    host mx.example.net [192.0.2.1]',
        '    SMTP error from remote mail server after RCPT TO:<a@example.net>:',
        '    550 5.1.1 User unknown',
      ],
      '------ This is a copy of the message, including all the headers. ------',
    );
    expect(await verdicts(raw)).toEqual([A_UNKNOWN]);
  });
});

describe('numbers in the quoted original are never the reply', () => {
  it("reads no reply code or status from the Subject a notice quotes (Messaging Server's header fields)", async () => {
    const raw = notice(
      'Internet Mail Delivery <postmaster@example.org>',
      'Delivery Notification: Delivery has failed',
      [
        'This report relates to a message you sent with the following header fields:',
        '',
        '  Message-id: <hello.1@example.com>',
        '  Subject: 421 4.4.2 reports',
        '',
        'Your message cannot be delivered to the following recipients:',
        '',
        '  Recipient address: a@example.net',
        '  Reason: Illegal host/domain name found',
      ],
      'Content-Type: message/rfc822',
    );
    expect(await verdicts(raw)).toEqual([['a@example.net', '', '5.0.0', 'hostunknown', 'hard']]);
  });

  it("reads no reply code from the Subject in Domino's 'Your message' section", async () => {
    const raw = notice(
      'Postmaster <postmaster@example.org>',
      'DELIVERY FAILURE',
      dominoFailure(['a@example.net'], 'User a (a@example.net) not listed in Domino Directory', '550 errors in the report'),
      'Original message follows',
    );
    expect(await verdicts(raw)).toEqual([['a@example.net', '', '5.0.0', 'userunknown', 'hard']]);
  });
});

describe('a delivery report with no Diagnostic-Code, its reply in the notice', () => {
  it("reads the notice's line naming a recipient as that recipient's diagnostic, status and all", async () => {
    const raw = report(
      'MAILER-DAEMON@mx.example.net',
      'Delivery Status Notification (Failure)',
      [
        'Delivery has failed to these recipients or groups.',
        'The remote server returned: 550 5.1.1 <alice@example.net> mailbox does not exist',
      ],
      [
        ['Final-Recipient: rfc822; alice@example.net', 'Action: failed', 'Status: 5.0.0'],
        ['Final-Recipient: rfc822; bob@example.org', 'Action: failed', 'Status: 5.0.0'],
      ],
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode])).toEqual([
      ['alice@example.net', 'userunknown', 'hard', '5.1.1', '550'],
      ['bob@example.org', 'undefined', 'soft', '5.0.0', ''],
    ]);
  });
});

describe('an address inside a longer one or a URL is not that address', () => {
  it("gives a recipient no line that names a longer address ending in its own, nor that line's permanent status", async () => {
    const raw = report(
      'MAILER-DAEMON@mx.example.net',
      'Delivery Status Notification (Failure)',
      ['The remote server returned: 550 5.1.1 <jimbob@example.org> mailbox does not exist'],
      [
        ['Final-Recipient: rfc822; jimbob@example.org', 'Action: failed', 'Status: 5.0.0'],
        ['Final-Recipient: rfc822; bob@example.org', 'Action: failed', 'Status: 4.4.7'],
      ],
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode])).toEqual([
      ['jimbob@example.org', 'userunknown', 'hard', '5.1.1'],
      ['bob@example.org', 'expired', 'soft', '4.4.7'],
    ]);
  });

  it("takes no recipient from a help link's query ('https://.../block?rcpt=a@b')", async () => {
    const raw = Buffer.from(
      [
        'From: MailMarshal <postmaster@example.net>',
        'To: sender@app.test',
        'Subject: Undeliverable: hello',
        '',
        'Your message could not be delivered.',
        'Remote server said: 550 5.7.1 Message rejected as spam, see https://help.example.net/block?rcpt=bob@example.org&id=1',
        '',
        'The following recipients were affected:',
        '    alice@example.net',
        '    bob@example.org',
        '',
      ].join('\r\n'),
    );
    const c = await classify(raw);
    expect(c.recipients.map((r) => [r.address, r.reason])).toEqual([
      ['alice@example.net', 'spamdetected'],
      ['bob@example.org', 'spamdetected'],
    ]);
  });
});

describe('OpenSMTPD (usr.sbin/smtpd/bounce.c, queue.c)', () => {
  it('reads "<addr>: Envelope expired" under its delay layout as the final failure, in the text alone too', async () => {
    const raw = notice(
      'Mailer Daemon <MAILER-DAEMON@mx.example.org>',
      'Delivery status notification: warning',
      [
        '    Hi!',
        '',
        '    This is the MAILER-DAEMON, please DO NOT REPLY to this email.',
        '',
        '    A message is delayed for more than 0 seconds for the following',
        '    list of recipients:',
        '',
        'a@example.net: Envelope expired',
        '',
        '    Please note that this is only a temporary failure report.',
      ],
      '    Below is a copy of the original message:',
    );
    const c = await classify(raw);
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.address, r.action, r.reason, r.bounceType])).toEqual([
      ['a@example.net', 'failed', 'expired', 'soft'],
    ]);
  });
});

describe('Postfix local(8) after an alias (src/local/unknown.c)', () => {
  it('reads "<user> (expanded from <alias>): unknown user" from the text as a mailbox lookup, hard', async () => {
    const raw = notice(
      'MAILER-DAEMON@mx.example.org (Mail Delivery System)',
      'Undelivered Mail Returned to Sender',
      [
        'This is the mail system at host mx.example.org.',
        '',
        "I'm sorry to have to inform you that your message could not",
        "be delivered to one or more recipients. It's attached below.",
        '',
        '                   The mail system',
        '',
        '<kim@example.org> (expanded from <sales@example.org>): unknown user: "kim"',
      ],
      'Content-Type: message/rfc822',
    );
    expect((await classify(raw)).recipients.map((r) => [r.address, r.reason, r.bounceType])).toEqual([
      ['kim@example.org', 'userunknown', 'hard'],
    ]);
  });
});

// RFC 2045 section 5.1 allows comments in a Content-Type field and writes one itself:
// "Content-type: text/plain; charset=us-ascii (Plain text)"; RFC 5322 section 3.2.2 allows a
// comment wherever folding white space may stand. A gateway that rewrites the MIME fields of
// the mail it passes may write them so. The notice is Postfix's (tests/core/postfix-notice.ts),
// its boundary a bare token (RFC 2046 section 5.1.1), the comments after each type's last value;
// the complaint is RFC 5965's own example (Appendix B), its returned message's To an address.
describe("Content-Type fields with a comment after the last value (RFC 2045 section 5.1's own example)", () => {
  const report = () =>
    postfixReport('failed', [
      {
        address: 'a@example.net',
        status: '5.1.1',
        reason:
          'host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
        diagnostic: 'smtp; 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown',
        remoteMta: 'mx.example.net',
      },
      {
        address: 'b@example.net',
        status: '4.2.2',
        reason: 'host mx.example.net[192.0.2.1] said: 452 4.2.2 <b@example.net>: Mailbox full (in reply to RCPT TO command)',
        diagnostic: 'smtp; 452 4.2.2 <b@example.net>: Mailbox full',
        remoteMta: 'mx.example.net',
      },
    ])
      .toString('latin1')
      .split('4D5E620CB94.1796185222/mx.example.org')
      .join('4D5E620CB94.1796185222.mx.example.org');

  it('splits the report on a bare boundary that a comment follows', async () => {
    const text = report().replace(
      'boundary="4D5E620CB94.1796185222.mx.example.org"',
      'boundary=4D5E620CB94.1796185222.mx.example.org (Multipart message)',
    );
    expect(text).toContain('\n--4D5E620CB94.1796185222.mx.example.org\nContent-Description: Delivery report\n');
    expect(await verdicts(Buffer.from(text, 'latin1'))).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });

  it("reads a feedback report's recipient when a comment follows its bare boundary", async () => {
    const arf = [
      'From: <abusedesk@example.com>',
      'Date: Thu, 8 Mar 2005 17:40:36 EDT',
      'Subject: FW: Earn money',
      'To: <abuse@example.net>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report;',
      '     boundary=part1_13d.2e68ed54_report (Multipart message)',
      '',
      '--part1_13d.2e68ed54_report',
      'Content-Type: text/plain; charset="US-ASCII"',
      'Content-Transfer-Encoding: 7bit',
      '',
      'This is an email abuse report for an email message received from IP',
      '192.0.2.1 on Thu, 8 Mar 2005 14:00:00 EDT.  For more information',
      'about this format please see http://www.mipassoc.org/arf/.',
      '',
      '--part1_13d.2e68ed54_report',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'User-Agent: SomeGenerator/1.0',
      'Version: 1',
      '',
      '--part1_13d.2e68ed54_report',
      'Content-Type: message/rfc822',
      'Content-Disposition: inline',
      '',
      'Received: from mailserver.example.net',
      '        (mailserver.example.net [192.0.2.1])',
      '        by example.com with ESMTP id M63d4137594e46;',
      '        Thu, 08 Mar 2005 14:00:00 -0400',
      'From: <somespammer@example.net>',
      'To: <kijitora@example.com>',
      'Subject: Earn money',
      'MIME-Version: 1.0',
      'Content-type: text/plain',
      'Message-ID: 8787KJKJ3K4J3K4J3K4J3.mail@example.net',
      'Date: Thu, 02 Sep 2004 12:31:03 -0500',
      '',
      'Spam Spam Spam',
      '--part1_13d.2e68ed54_report--',
      '',
    ].join('\n');
    const c = await classify(Buffer.from(arf));
    expect(c.kind).toBe('complaint');
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.feedbackType])).toEqual([
      ['kijitora@example.com', 'feedback', 'none', 'abuse'],
    ]);
  });

  it('reads the report part and the text part whose type and charset a comment follows', async () => {
    const text = report()
      .replace('Content-Type: message/delivery-status\n', 'Content-Type: message/delivery-status (Delivery report)\n')
      .replace('Content-Type: text/plain; charset=utf-8\n', 'Content-Type: text/plain; charset=utf-8 (Plain text)\n');
    expect(await verdicts(Buffer.from(text, 'latin1'))).toEqual([A_UNKNOWN, B_FULL('452', '4.2.2')]);
  });
});
