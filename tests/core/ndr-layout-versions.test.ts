// Commercial mail servers' and providers' non-delivery reports, version by version, each laid
// out as the vendor's own documentation or knowledge-base article shows it (the lines quoted
// there, around server replies of our own), with and without the delivery-status part where
// the product writes one. Each case names its source. None comes from a bounce collection.
// What a user sees is asserted: the kind, the failed addresses (never the sender, the
// postmaster or a help address), the reason, hard or soft, the status and the reply code.
import { describe, expect, it } from 'vitest';
import { dominoFailure, MESSAGING_SERVER_HEAD, multipartReport } from './notice-builders.ts';
import { readVerdicts, type RecipientVerdict as Verdict } from './recipient-verdicts.ts';

/** The returned message: its To names the failed recipients, its Cc one that did not fail. */
const RETURNED = [
  'From: Sender <sender@example.com>',
  'To: a@example.net, b@example.net',
  'Cc: c@example.net',
  'Subject: hello',
  'Message-ID: <hello.1@example.com>',
  '',
  'hello',
  '',
];

/** A single-part notice: `lines`, then `marker` and the returned message. */
function notice(from: string, subject: string, lines: readonly string[], marker: string): Buffer {
  return Buffer.from(
    [`From: ${from}`, 'To: sender@example.com', `Subject: ${subject}`, '', ...lines, '', marker, '', ...RETURNED].join('\n'),
  );
}

/** A multipart/report: the notice for people, one delivery-status group per recipient, the returned message. */
const report = (from: string, subject: string, lines: readonly string[], groups: readonly (readonly string[])[]) =>
  multipartReport({ returned: RETURNED, textType: 'Content-Type: text/plain; charset=us-ascii' }, from, subject, lines, groups);

const bounce = (...recipients: Verdict[]) => ({ kind: 'bounce', recipients });

/** The verdicts most notices below end in: a@ unknown (550 5.1.1), b@ with a full mailbox (552 5.2.2). */
const A_UNKNOWN: Verdict = ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'];
const B_FULL: Verdict = ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552'];

/** Exchange Online's notices come from its per-tenant MicrosoftExchange address. */
const EXCHANGE_ONLINE = 'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.onmicrosoft.com>';

/** Exchange 5.x-2003's notice from the System Administrator, the returned message after its rfc822 part. */
const sysadminNotice = (lines: readonly string[]) =>
  notice('System Administrator <postmaster@example.org>', 'Undeliverable: hello', lines, 'Content-Type: message/rfc822');

// ---------------------------------------------------------------------------------------------
// Microsoft Exchange 5.5, 2000 and 2003
// ---------------------------------------------------------------------------------------------

/** Exchange 2000/2003's notice for people (Microsoft KB 284204), `blocks` under its heading. */
const exchange2003 = (blocks: readonly string[]) => [
  'Your message did not reach some or all of the intended recipients.',
  '',
  '      Subject:\thello',
  '      Sent:\t12/1/2026 1:17 AM',
  '',
  'The following recipient(s) cannot be reached:',
  '',
  ...blocks,
];

describe('Exchange 2000 and 2003', () => {
  // support.microsoft.com KB 284204 "Delivery status notifications in Exchange Server and in
  // Small Business Server" (ftp.zx.net.nz/pub/archive/ftp.microsoft.com/MISC/KB/en-us/284/204.HTM):
  // "user@nwtraders.com on 7/11/2001 9:20 AM / The e-mail account does not exist at the
  // organization this message was sent to. ... / <server.nwtraders.com #5.1.1>".
  const a511 = [
    '      a@example.net on 12/1/2026 1:17 AM',
    '            The e-mail account does not exist at the organization this message was sent to.  Check the e-mail address, or contact the recipient directly to find out the correct address.',
    '            <mx.example.org #5.1.1>',
  ];
  it("reads KB 284204's layout with only Exchange's own '<host #5.1.1>' as an unknown user", async () => {
    const raw = sysadminNotice(exchange2003(a511));
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '']));
  });

  it('reads the same notice with its delivery-status part (X-Display-Name, no Diagnostic-Code)', async () => {
    const raw = report('System Administrator <postmaster@example.org>', 'Undeliverable: hello', exchange2003(a511), [
      ['Final-Recipient: rfc822;a@example.net', 'Action: failed', 'Status: 5.1.1', 'X-Display-Name: a@example.net'],
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '']));
  });

  // technet.microsoft.com/en-us/exchange/bb288511.aspx, Example 1: "The following recipient(s)
  // could not be reached: / Recipient Email Address on MM/DD/YYYY Time / There was a SMTP
  // communication problem with the recipient's email server. Please contact your system
  // administrator. / <Host name that rejected the message #5.5.0 SMTP; 554 <Recipient Email
  // Address>: Relay access denied>".
  it('reads the remote reply inside "<host #5.5.0 smtp;554 <a@b>: Relay access denied>" (technet bb288511)', async () => {
    const raw = sysadminNotice(
      exchange2003([
        '      a@example.net on 12/1/2026 1:17 AM',
        "            There was a SMTP communication problem with the recipient's email server.  Please contact your system administrator.",
        '            <mx.example.net #5.5.0 smtp;554 <a@example.net>: Relay access denied>',
      ]),
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'norelaying', 'soft', '5.5.0', '554']));
  });

  // snmail.co.uk/support/failure-timelimit.htm quotes Exchange 2003's notice: "did not reach
  // the following recipient(s): ... on {Date} {Time} / Could not deliver the message in the
  // time limit specified. Please retry or contact your administrator. / <{Issuing Server} #4.4.7>".
  it('reads "Could not deliver the message in the time limit specified ... <host #4.4.7>" as expired, soft', async () => {
    const raw = sysadminNotice([
      'Your message',
      '',
      '  Subject: hello',
      '  Sent:    Tue, 1 Dec 2026 01:17:26 +0900',
      '',
      'did not reach the following recipient(s):',
      '',
      'a@example.net on Wed, 3 Dec 2026 01:17:30 +0900',
      '    Could not deliver the message in the time limit specified.  Please retry or contact your administrator.',
      '    <mx.example.org #4.4.7>',
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'expired', 'soft', '4.4.7', '']));
  });

  // KB 284204's list of codes: "<server #5.2.2>" with "The recipient's mailbox is full." (the
  // remote reply quoted after "smtp;", as KB 284204's transport examples write it).
  it("gives each of two recipients its own paragraph's reply, one unknown and one with a full mailbox", async () => {
    const raw = sysadminNotice(
      exchange2003([
        '      a@example.net on 12/1/2026 1:17 AM',
        '            The e-mail account does not exist at the organization this message was sent to.',
        '            <mx.example.org #5.1.1 smtp;550 5.1.1 <a@example.net>... User unknown>',
        '',
        '      b@example.net on 12/1/2026 1:17 AM',
        '            You do not have permission to send to this recipient.  For assistance, contact your system administrator.',
        '            <mx.example.org #5.2.2 smtp;552 5.2.2 Mailbox full>',
      ]),
    );
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN, B_FULL));
  });
});

describe('Exchange 5.0 and 5.5', () => {
  // support.microsoft.com Q201058 (Exchange Server 5.0, infania.net/misc/kbarchive/kb/201/Q201058):
  // "The following recipient(s) could not be reached: / <Recipient> on <date / Time> The
  // recipient name is not recognized / MSEXCH:MSExchangeMTA:<Site>:<Server name>".
  it('reads "<a@b> on <date> The recipient name is not recognized" as an unknown user', async () => {
    const raw = sysadminNotice([
      'Your message did not reach some or all of the intended recipients.',
      '',
      '      Subject:\thello',
      '      Sent:\t12/1/2026 1:17 AM',
      '',
      'The following recipient(s) could not be reached:',
      '',
      '      a@example.net on 12/1/2026 1:17 AM',
      '            The recipient name is not recognized',
      '\tThe MTS-ID of the original message is: c=US;a= ;p=Example;l=SERVER1-261201161722Z-12',
      '            MSEXCH:MSExchangeMTA:SITE:SERVER1',
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.0.0', '']));
  });

  // support.microsoft.com KB 251152 (mskb.pkisolutions.com/kb/251152): "Your message / To:
  // testuser@... / Subject: test / Sent: ... / did not reach the following recipient(s): /
  // testuser@... on Mon, 17 Jan 2000 16:49:22 -0500 / The recipient name is ambiguous. / The
  // MTS-ID of the original message is: c=US;a= / MSEXCH:IMS:Microsoft:testdomain:SERVER1 0
  // (000C0595) Ambiguous Recipient". The quoted To line is no recipient of its own.
  it('reads the recipient under "did not reach the following recipient(s):", not the quoted To line twice', async () => {
    const raw = sysadminNotice([
      'Your message',
      '',
      '  To:      a@example.net',
      '  Cc:      c@example.net',
      '  Subject: hello',
      '  Sent:    Tue, 1 Dec 2026 01:17:26 -0500',
      '',
      'did not reach the following recipient(s):',
      '',
      'a@example.net on Tue, 1 Dec 2026 01:17:30 -0500',
      '            The recipient name is ambiguous.',
      '            The MTS-ID of the original message is: c=US;a= ;p=Example;l=SERVER1-261201011726Z-1',
      '            MSEXCH:IMS:Example:site:SERVER1 0 (000C0595) Ambiguous Recipient',
    ]);
    const found = await readVerdicts(raw);
    expect(found.kind).toBe('bounce');
    expect(found.recipients.map((r) => [r[0], r[2]])).toEqual([['a@example.net', 'soft']]);
  });
});

// ---------------------------------------------------------------------------------------------
// Microsoft Exchange 2007, 2010, 2013-2019
// ---------------------------------------------------------------------------------------------

describe('Exchange 2007 ("Delivery has failed to these recipients or distribution lists:")', () => {
  // Exchange Server 2010 help, "Understanding NDRs" (unifiedpeople.ru/exch2010help.en, the
  // Exchange 2010 library's user information and "Diagnostic information for administrators"
  // sections); Exchange 2007's wording as an Exchange 2007 notice posted whole shows it
  // (pastebin.com/2SNHTj4Y): "Delivery has failed to these recipients or distribution lists: /
  // ... / The recipient's e-mail address was not found in the recipient's e-mail system.
  // Microsoft Exchange will not try to redeliver this message for you. ... / Sent by Microsoft
  // Exchange Server 2007 / Diagnostic information for administrators: / Generating server: ...
  // / #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##".
  const lines = [
    'Delivery has failed to these recipients or distribution lists:',
    '',
    'a@example.net',
    "The recipient's e-mail address was not found in the recipient's e-mail system. Microsoft Exchange will not try to redeliver this message for you. Please check the e-mail address and try resending this message, or provide the following diagnostic text to your system administrator.",
    '',
    'b@example.net',
    "The recipient's mailbox is full and can't accept messages now. Microsoft Exchange will not try to redeliver this message for you. Please try resending this message later, or contact the recipient directly.",
    '',
    '',
    '',
    '',
    '',
    '_____',
    '',
    'Sent by Microsoft Exchange Server 2007',
    '',
    '',
    '',
    'Diagnostic information for administrators:',
    '',
    'Generating server: ex1.example.org',
    '',
    'a@example.net',
    '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
    '',
    'b@example.net',
    'mx.example.net #552 5.2.2 Mailbox full ##',
    '',
    'Original message headers:',
  ];
  it('reads each recipient with the administrators\' line naming it, "#550 5.1.1 ... ##" and "host #552 5.2.2 ... ##"', async () => {
    const raw = notice('Microsoft Exchange <postmaster@example.org>', 'Undeliverable: hello', lines.slice(0, -1), lines[lines.length - 1]);
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN, B_FULL));
  });

  it('reads the same notice with its delivery-status part', async () => {
    const raw = report('Microsoft Exchange <postmaster@example.org>', 'Undeliverable: hello', lines, [
      [
        'Final-Recipient: rfc822;a@example.net',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
      ],
      [
        'Final-Recipient: rfc822;b@example.net',
        'Action: failed',
        'Status: 5.2.2',
        'Diagnostic-Code: smtp;552 5.2.2 Mailbox full',
        'Remote-MTA: dns;mx.example.net',
      ],
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN, B_FULL));
  });
});

/** Exchange 2010 and later: the user section, then the administrators' section with `admin` lines. */
const exchange2013 = (user: readonly string[], admin: readonly string[]) => [
  'Delivery has failed to these recipients or groups:',
  '',
  ...user,
  '',
  '',
  '',
  '',
  '',
  'Diagnostic information for administrators:',
  '',
  'Generating server: EX1.example.org',
  '',
  ...admin,
];

describe('Exchange 2010, 2013, 2016 and 2019 ("Delivery has failed to these recipients or groups:")', () => {
  // learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online" and the
  // Exchange 2010 help's "Understanding NDRs" (the same two sections); the 2013-2019 lines as
  // an Exchange 2013 notice posted whole shows them (pastebin.com/e6yfDi5v): "Delivery has
  // failed to these recipients or groups: / ... / The email address you entered couldn't be
  // found. Please check the recipient's email address and try to resend the message. If the
  // problem continues, please contact your helpdesk. / Diagnostic information for
  // administrators: / Generating server: ... / Remote Server returned '550 5.1.1
  // RESOLVER.ADR.ExRecipNotFound; not found' / Original message headers:".
  it("reads \"Remote Server returned '550 5.1.1 ...'\" under the address the administrators' section names", async () => {
    const raw = notice(
      'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org>',
      'Undeliverable: hello',
      exchange2013(
        [
          'a@example.net (a@example.net)<mailto:a@example.net>',
          "The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.",
        ],
        ['a@example.net', "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"],
      ),
      'Original message headers:',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN));
  });

  // Exchange 2010-2019 relaying through a smart host write the remote reply as
  // "Remote Server returned '< #5.1.1 smtp;550 5.1.1 ...> #SMTP#'", as an Exchange notice
  // posted whole shows it (pastebin.com/ZTwURw5w: "#< #5.5.0 SMTP; 554-...> #SMTP#").
  it('reads "\'< #5.2.2 smtp;552 5.2.2 ...> #SMTP#\'" as the remote reply, for the recipient it names', async () => {
    const raw = notice(
      'Microsoft Outlook <postmaster@example.org>',
      'Undeliverable: hello',
      exchange2013(
        [
          'Alice Example (a@example.net)',
          "The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.",
          '',
          'Bob Example (b@example.net)',
          "The recipient's mailbox is full and can't accept messages now. Please try resending your message later, or contact the recipient directly.",
        ],
        [
          'a@example.net',
          'mx.example.net',
          "Remote Server returned '< #5.1.1 smtp;550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table> #SMTP#'",
          '',
          'b@example.net',
          'mx.example.net',
          "Remote Server returned '< #5.2.2 smtp;552 5.2.2 <b@example.net>: Mailbox full> #SMTP#'",
        ],
      ),
      'Original message headers:',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN, B_FULL));
  });

  it("reads a bare '#< #5.1.1 smtp;550 ...> #SMTP#' line under the recipient it follows", async () => {
    const raw = notice(
      'Microsoft Exchange <postmaster@example.org>',
      'Undeliverable: hello',
      [
        'Delivery has failed to these recipients or distribution lists:',
        '',
        'a@example.net',
        'A communication failure occurred during the delivery of this message. Microsoft Exchange will not try to redeliver this message for you. Please try resending this message later, or provide the following diagnostic text to your system administrator.',
        '',
        'Diagnostic information for administrators:',
        '',
        'Generating server: ex1.example.org',
        '',
        'a@example.net',
        '#< #5.1.1 smtp;550 5.1.1 <a@example.net>... User unknown> #SMTP#',
      ],
      'Original message headers:',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN));
  });

  // Office 365 of 2014-2018, as a notice posted whole shows it (pastebin.com/32NXKByX):
  // "<host> rejected your message to the following email addresses: / name (address) / ... /
  // <host> gave this error: / [address]: Recipient address rejected: Access denied / Diagnostic
  // information for administrators: / Generating server: ... / address / host / Remote Server
  // returned '550 5.4.1 [address]: Recipient address rejected: Access denied [...]'".
  it('reads "<host> rejected your message to the following email addresses:" and the reply "<host> gave this error:"', async () => {
    const raw = notice(
      'Microsoft Outlook <postmaster@example.org>',
      'Undeliverable: hello',
      [
        'mx.example.net rejected your message to the following email addresses:',
        '',
        'a@example.net (a@example.net)<mailto:a@example.net>',
        '',
        "The email address couldn't be found. Check the address and try again.",
        '',
        'mx.example.net gave this error:',
        '<a@example.net>: Recipient address rejected: User unknown in relay recipient table',
        '',
        'Diagnostic information for administrators:',
        '',
        'Generating server: EX1.example.org',
        '',
        'a@example.net',
        'mx.example.net',
        "Remote Server returned '550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in relay recipient table'",
      ],
      'Original message headers:',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN));
  });

  it('reads an Exchange 2016 report whose Diagnostic-Code holds the reply and whose text holds the same', async () => {
    const raw = report(
      'Microsoft Outlook <postmaster@example.org>',
      'Undeliverable: hello',
      exchange2013(
        ['b@example.net (b@example.net)', "The recipient's mailbox is full and can't accept messages now."],
        ['b@example.net', 'mx.example.net', "Remote Server returned '552 5.2.2 <b@example.net>: Mailbox full'"],
      ),
      [
        [
          'Final-Recipient: rfc822;b@example.net',
          'Action: failed',
          'Status: 5.2.2',
          'Diagnostic-Code: smtp;552 5.2.2 <b@example.net>: Mailbox full',
          'Remote-MTA: dns;mx.example.net',
          'X-Display-Name: b@example.net',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(B_FULL));
  });
});

describe('Exchange Online / Microsoft 365 (the notice of 2017 and later)', () => {
  // learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online,
  // "What's included in an NDR?": the user section ("Your message to <address> couldn't be
  // delivered.", the cause and "Action Required"), "How to Fix It", "More Info for Email Admins"
  // ("Status code: 550 5.1.10"), "Original Message Details" (Sender Address, Recipient
  // Address) and "Error Details" ("Reported error:", "DSN generated by:"); the lines as a
  // notice posted whole shows them (pastebin.com/gJSdfVeR).
  const lines = [
    "Your message to a@example.net couldn't be delivered.",
    "a wasn't found at example.net.",
    '',
    'sender     Office 365     a',
    'Action Required                    Recipient',
    'Unknown To address',
    '',
    'How to Fix It',
    'The address may be misspelled or may not exist. Try one or more of the following:',
    '',
    '  *   Contact the recipient (by phone, for example) to check that the address exists and is correct.',
    '',
    "If the problem continues, forward this message to your email admin. If you're an email admin, refer to the More Info for Email Admins section below.",
    '',
    'More Info for Email Admins',
    'Status code: 550 5.1.10',
    '',
    "This error occurs because the sender sent a message to an email address hosted by Office 365 but the address is incorrect or doesn't exist at the destination domain.",
    '',
    'Original Message Details',
    'Created Date:    12/1/2026 1:17:26 AM',
    'Sender Address:    sender@example.com',
    'Recipient Address:    a@example.net',
    'Subject:    hello',
    '',
    'Error Details',
    'Reported error:    550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a@example.net not found by SMTP address lookup',
    'DSN generated by:    AM0PR01MB0001.eurprd01.prod.exchangelabs.com',
  ];
  it('reads the recipient, "Status code: 550 5.1.10" and the reported error, never the sender address', async () => {
    const raw = notice(EXCHANGE_ONLINE, 'Undeliverable: hello', lines, 'Original Message Headers');
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.1.10', '550']));
  });

  it('reads the same notice with its delivery-status part', async () => {
    const raw = report(EXCHANGE_ONLINE, 'Undeliverable: hello', lines, [
      [
        'Final-Recipient: rfc822;a@example.net',
        'Action: failed',
        'Status: 5.1.10',
        'Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a@example.net not found by SMTP address lookup',
      ],
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.1.10', '550']));
  });

  // The same page's example of a remote server's refusal: "Remote Server" under Error Details.
  it("reads a remote server's full-mailbox refusal under 'Error Details' as mailboxfull, soft", async () => {
    const raw = notice(
      EXCHANGE_ONLINE,
      'Undeliverable: hello',
      [
        "Your message to b@example.net couldn't be delivered.",
        "b's mailbox is full.",
        '',
        'sender     Office 365     b',
        'Action Required                    Recipient',
        'Mailbox full',
        '',
        'More Info for Email Admins',
        'Status code: 552 5.2.2',
        '',
        'Original Message Details',
        'Created Date:    12/1/2026 1:17:26 AM',
        'Sender Address:    sender@example.com',
        'Recipient Address:    b@example.net',
        'Subject:    hello',
        '',
        'Error Details',
        'Reported error:    552 5.2.2 <b@example.net>: Mailbox full',
        'DSN generated by:    AM0PR01MB0001.eurprd01.prod.exchangelabs.com',
        'Remote server:    mx.example.net',
      ],
      'Original Message Headers',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(B_FULL));
  });
});

// ---------------------------------------------------------------------------------------------
// HCL (IBM, Lotus) Domino and Notes
// ---------------------------------------------------------------------------------------------

describe('Domino ("was not delivered to: ... because:")', () => {
  // HCL Domino's delivery failure report as HCL's and IBM's technotes quote it: "Your message
  // / Subject: ... / was not delivered to: / user@... / because: / User user
  // (user@...) not listed in Domino Directory". The Domino administration help (help85_admin,
  // "Delivery failure" and "Domain failure" message texts) lists the kinds of failure.
  const lines = dominoFailure(['a@example.net'], 'User a (a@example.net) not listed in Domino Directory');
  it('reads "User a (a@b) not listed in Domino Directory" with no code as an unknown user', async () => {
    const raw = notice(
      'Postmaster <postmaster@example.org>',
      'DELIVERY FAILURE: User a (a@example.net) not listed in Domino Directory',
      lines,
      'Original message follows',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.0.0', '']));
  });

  it("reads the same notice with Domino's delivery-status part (Diagnostic-Code: X-Notes;)", async () => {
    const raw = report(
      'Postmaster <postmaster@example.org>',
      'DELIVERY FAILURE: User a (a@example.net) not listed in Domino Directory',
      lines,
      [
        [
          'Final-Recipient: rfc822;a@example.net',
          'Action: failed',
          'Status: 5.0.0',
          'Diagnostic-Code: X-Notes; User a (a@example.net) not listed in Domino Directory',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.0.0', '']));
  });

  it('reads a remote refusal Domino quotes under "because:" with its codes', async () => {
    const raw = notice(
      'Postmaster <postmaster@example.org>',
      'DELIVERY FAILURE: Recipient mailbox full',
      dominoFailure(['b@example.net'], '552 5.2.2 Mailbox full'),
      'Original message follows',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(B_FULL));
  });
});

// ---------------------------------------------------------------------------------------------
// Oracle (Sun, iPlanet) Messaging Server
// ---------------------------------------------------------------------------------------------

describe('Oracle Communications Messaging Server', () => {
  // Messaging Server's notice (the default text of its return_*.txt templates: return_failed.txt,
  // return_bounced.txt, return_timedout.txt, ...; Sun Java System Messaging Server 6.3
  // Administration Guide, docs.oracle.com/cd/E19563-01/819-4428/bgakm): "This report relates to a message you
  // sent with the following header fields: ... Your message cannot be delivered to the
  // following recipients: / Recipient address: ... / Reason: ...".
  const head = MESSAGING_SERVER_HEAD;
  it('reads "Reason: Illegal host/domain name found" as an unknown host', async () => {
    const raw = notice(
      'Internet Mail Delivery <postmaster@example.org>',
      'Delivery Notification: Delivery has failed',
      [...head, '  Recipient address: a@example.net', '  Reason: Illegal host/domain name found'],
      'Content-Type: message/rfc822',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'hostunknown', 'hard', '5.0.0', '']));
  });

  it('reads its delivery-status part (Status 5.1.2, Diagnostic-Code of the local failure)', async () => {
    const raw = report(
      'Internet Mail Delivery <postmaster@example.org>',
      'Delivery Notification: Delivery has failed',
      [...head, '  Recipient address: a@example.net', '  Reason: Illegal host/domain name found'],
      [
        [
          'Original-recipient: rfc822;a@example.net',
          'Final-recipient: rfc822;a@example.net',
          'Action: failed',
          'Status: 5.1.2 (Illegal host/domain name found)',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'hostunknown', 'hard', '5.1.2', '']));
  });

  it('reads "Reason: Remote SMTP server has rejected address" with a full mailbox\'s diagnostic code', async () => {
    const raw = notice(
      'Internet Mail Delivery <postmaster@example.org>',
      'Delivery Notification: Delivery has failed',
      [
        ...head,
        '  Recipient address: b@example.net',
        '  Reason: Remote SMTP server has rejected address',
        '  Diagnostic code: smtp;552 5.2.2 <b@example.net>... Mailbox full',
        '  Remote system: dns;mx.example.net (TCP|192.0.2.9|1234|192.0.2.1|25) (mx.example.net ESMTP)',
      ],
      'Content-Type: message/rfc822',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(B_FULL));
  });
});

// ---------------------------------------------------------------------------------------------
// SmarterMail and MDaemon
// ---------------------------------------------------------------------------------------------

describe('SmarterMail ("Could not deliver message to the following recipient(s):")', () => {
  // SmarterMail's notices as hosts running it quote them (kb.indsoft.net/kb/a70,
  // support.rackteam.com/kb/a136): "Could not deliver message to the following recipient(s): /
  // Failed Recipient: user@... / Reason: The mailbox is full" and "Reason: Failed to connect to
  // the recipients mail server. No MX records were found for the '...' domain."
  const smartermail = (lines: readonly string[]) =>
    notice(
      'System Administrator <postmaster@example.org>',
      'Undeliverable: hello',
      ['Could not deliver message to the following recipient(s):', '', ...lines],
      'Original Message Headers:',
    );
  it('reads "Failed Recipient: ... / Reason: The mailbox is full" as a full mailbox', async () => {
    expect(await readVerdicts(smartermail(['Failed Recipient: b@example.net', 'Reason: The mailbox is full']))).toEqual(
      bounce(['b@example.net', 'mailboxfull', 'soft', '5.0.0', '']),
    );
  });

  // A domain with no MX records is read as the null-MX rule reads it (notaccept/null-mx): hard.
  it('reads "No MX records were found for the ... domain" as a domain that takes no mail, hard', async () => {
    expect(
      await readVerdicts(
        smartermail([
          'Failed Recipient: a@example.net',
          "Reason: Failed to connect to the recipients mail server. No MX records were found for the 'example.net' domain.",
        ]),
      ),
    ).toEqual(bounce(['a@example.net', 'notaccept', 'hard', '5.0.0', '']));
  });

  it('reads "Reason: Remote host said: 550 ..." under each failed recipient', async () => {
    expect(
      await readVerdicts(
        smartermail([
          'Failed Recipient: a@example.net',
          'Reason: Remote host said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown',
          '',
          'Failed Recipient: b@example.net',
          'Reason: Remote host said: 552 5.2.2 Mailbox full',
        ]),
      ),
    ).toEqual(bounce(A_UNKNOWN, B_FULL));
  });
});

describe('MDaemon ("The attached message had PERMANENT fatal delivery errors")', () => {
  // MDaemon's failure notice as a report of it quotes it (gitlab.com/stavros/Spamnesty/issues/100):
  // "The attached message had PERMANENT fatal delivery errors. / After one or more unsuccessful
  // delivery attempts the attached message has been removed from the MDaemon mail queue on
  // this server. ... / YOUR MESSAGE WAS NOT DELIVERED TO ONE OR MORE RECIPIENTS / Failed
  // address: ..."; the session transcript it adds unless told not to (MDaemon's DSN Settings,
  // "Do not include session transcripts in DSN messages") holds the server's reply.
  it('reads "Failed address:" and the reply in the session transcript', async () => {
    const raw = notice(
      'MDaemon at example.org <MDaemon@example.org>',
      'Permanent Delivery Failure',
      [
        'The attached message had PERMANENT fatal delivery errors.',
        '',
        'After one or more unsuccessful delivery attempts the attached message has been removed from the MDaemon mail queue on this server.  The number and frequency of delivery attempts are determined by local configuration.',
        '',
        'YOUR MESSAGE WAS NOT DELIVERED TO ONE OR MORE RECIPIENTS',
        '',
        'Failed address: a@example.net',
        '',
        '--- Session Transcript ---',
        ' Tue 2026-12-01 01:17:26.123: Session 1234; child 1',
        ' Tue 2026-12-01 01:17:26.123: Attempting SMTP connection to [mx.example.net : 25]',
        ' Tue 2026-12-01 01:17:26.234: Connection established (192.0.2.9:50000 -> 192.0.2.1:25)',
        ' Tue 2026-12-01 01:17:26.345: --> MAIL From:<sender@example.com> SIZE=1000',
        ' Tue 2026-12-01 01:17:26.456: <-- 250 2.1.0 Ok',
        ' Tue 2026-12-01 01:17:26.567: --> RCPT To:<a@example.net>',
        ' Tue 2026-12-01 01:17:26.678: <-- 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown',
        '--- End Transcript ---',
      ],
      'Content-Type: message/rfc822',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN));
  });
});

// ---------------------------------------------------------------------------------------------
// Providers' older notices: Google, Yahoo, AOL
// ---------------------------------------------------------------------------------------------

describe("Gmail's and Google Workspace's older notice", () => {
  // support.google.com/a/answer/6596 ("Fix bounced or rejected emails": the notice comes from
  // "Mail Delivery Subsystem (mailer-daemon@googlemail.com)", subject "Delivery Status
  // Notification (Failure)"); its older text, "Delivery to the following recipient failed
  // permanently: / ... / Technical details of permanent failure: / Google tried to deliver
  // your message, but it was rejected by the server for the recipient domain ... / The error
  // that the other server returned was: ...", and "DNS Error: Domain name not found".
  const gmail = (lines: readonly string[]) =>
    notice(
      'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      'Delivery Status Notification (Failure)',
      lines,
      '----- Original message -----',
    );
  it("reads the error the other server returned as the recipient's, multi-line reply and all", async () => {
    const raw = gmail([
      'Delivery to the following recipient failed permanently:',
      '',
      '     a@example.net',
      '',
      'Technical details of permanent failure:',
      'Google tried to deliver your message, but it was rejected by the server for the recipient domain example.net by mx.example.net. [192.0.2.1].',
      '',
      'The error that the other server returned was:',
      '550-5.1.1 The email account that you tried to reach does not exist. Please try',
      "550-5.1.1 double-checking the recipient's email address for typos or",
      '550-5.1.1 unnecessary spaces. Learn more at',
      '550 5.1.1 https://support.google.com/mail/answer/6596 x1si123456qkb.1 - gsmtp',
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN));
  });

  it('reads "DNS Error: Domain name not found" as an unknown host', async () => {
    const raw = gmail([
      'Delivery to the following recipient failed permanently:',
      '',
      '     a@example.net',
      '',
      'Technical details of permanent failure:',
      'DNS Error: Domain name not found',
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'hostunknown', 'hard', '5.0.0', '']));
  });

  it('reads "The recipient server did not accept our requests to connect" in a final notice as expired, soft', async () => {
    const raw = gmail([
      'Delivery to the following recipient failed permanently:',
      '',
      '     a@example.net',
      '',
      'Technical details of permanent failure:',
      'The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720',
      '[mx.example.net. 192.0.2.1: timed out]',
    ]);
    const found = await readVerdicts(raw);
    expect(found.kind).toBe('bounce');
    expect(found.recipients.map((r) => [r[0], r[2]])).toEqual([['a@example.net', 'soft']]);
  });
});

describe("Yahoo's and AOL's older notices", () => {
  // help.yahoo.com/kb/mail-for-desktop/sln3275.html ("Email 'Failed Delivery' message", its
  // example notice) and help.yahoo.com/l/in/yahoo/mail/original/abuse/abuse-57.html ("554
  // delivery error: dd This user doesn't have a yahoo.com account", "554 delivery error: dd
  // Sorry, your message to ... cannot be delivered. This account is over quota.").
  const yahoo = (lines: readonly string[]) =>
    notice(
      'MAILER-DAEMON@yahoo.com',
      'Failure Notice',
      ['Sorry, we were unable to deliver your message to the following address.', '', ...lines],
      '--- Below this line is a copy of the message.',
    );
  it('reads "dd This user doesn\'t have a yahoo.com account" as an unknown user', async () => {
    const raw = yahoo([
      '<a@example.net>:',
      "Remote host said: 554 delivery error: dd This user doesn't have a yahoo.com account (a@example.net) [-5] - mta1.mail.example.net",
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.0.0', '554']));
  });

  it('reads "dd Sorry, your message to ... cannot be delivered. This account is over quota." as a full mailbox', async () => {
    const raw = yahoo([
      '<b@example.net>:',
      'Remote host said: 554 delivery error: dd Sorry, your message to b@example.net cannot be delivered. This account is over quota. [-2] - mta1.mail.example.net',
    ]);
    expect(await readVerdicts(raw)).toEqual(bounce(['b@example.net', 'mailboxfull', 'soft', '5.0.0', '554']));
  });

  // help.aol.co.uk "Mailer-Daemon email message": "----- Transcript of session follows ----- /
  // ... while talking to air29.mail.aol.com.: / >>> RCPT To:<(email address)@aol.com> / <<< 550
  // Mailbox not found / 550 <(email address)@aol.com>... User unknown".
  it('reads AOL\'s transcript "<<< 550 Mailbox not found" as an unknown user', async () => {
    const raw = notice(
      'Mail Delivery Subsystem <MAILER-DAEMON@example.org>',
      'Returned mail: User unknown',
      [
        'The original message was received at Tue, 1 Dec 2026 01:17:26 -0500',
        'from [192.0.2.9]',
        '',
        '   ----- The following addresses had permanent fatal errors -----',
        '<a@example.net>',
        '',
        '   ----- Transcript of session follows -----',
        '... while talking to mx.example.net.:',
        '>>> RCPT To:<a@example.net>',
        '<<< 550 Mailbox not found',
        '550 <a@example.net>... User unknown',
      ],
      '   ----- Original message follows -----',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.0.0', '550']));
  });
});

// ---------------------------------------------------------------------------------------------
// Delay notices of the same products: a warning, not a bounce
// ---------------------------------------------------------------------------------------------

describe("the same products' delay notices", () => {
  // Windows SMTP Service (Exchange 2000/2003's transport) and the providers that ran it write
  // "This is an automatically generated Delivery Status Notification. / THIS IS A WARNING
  // MESSAGE ONLY. / YOU DO NOT NEED TO RESEND YOUR MESSAGE. / Delivery to the following
  // recipients has been delayed." (quoted whole at velocityreviews.com/forums/t867866) and,
  // for a failure, "Delivery to the following recipients failed." (its.uiowa.edu, "LISTSERV
  // X-Report-Type field found").
  it('reads the Windows SMTP Service\'s "THIS IS A WARNING MESSAGE ONLY" as a delay, neither hard nor soft', async () => {
    const raw = report(
      'postmaster@example.org',
      'Delivery Status Notification (Delay)',
      [
        'This is an automatically generated Delivery Status Notification.',
        '',
        'THIS IS A WARNING MESSAGE ONLY.',
        '',
        'YOU DO NOT NEED TO RESEND YOUR MESSAGE.',
        '',
        'Delivery to the following recipients has been delayed.',
        '',
        '       a@example.net',
      ],
      [['Final-Recipient: rfc822;a@example.net', 'Action: delayed', 'Status: 4.4.7', 'Will-Retry-Until: Wed, 2 Dec 2026 01:17:26 -0500']],
    );
    const found = await readVerdicts(raw);
    expect(found.kind).toBe('delay');
    expect(found.recipients.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([['a@example.net', 'expired', 'none', '4.4.7']]);
  });

  it('reads its failure, "Delivery to the following recipients failed.", with the status of its report', async () => {
    const raw = report(
      'postmaster@example.org',
      'Delivery Status Notification (Failure)',
      [
        'This is an automatically generated Delivery Status Notification.',
        '',
        'Delivery to the following recipients failed.',
        '',
        '       a@example.net',
      ],
      [['Final-Recipient: rfc822;a@example.net', 'Action: failed', 'Status: 5.1.1']],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'userunknown', 'hard', '5.1.1', '']));
  });

  it('reads the same failure without its report part as a failure of the address listed', async () => {
    const raw = notice(
      'postmaster@example.org',
      'Delivery Status Notification (Failure)',
      [
        'This is an automatically generated Delivery Status Notification.',
        '',
        'Delivery to the following recipients failed.',
        '',
        '       a@example.net',
      ],
      'Content-Type: message/rfc822',
    );
    const found = await readVerdicts(raw);
    expect(found.kind).toBe('bounce');
    expect(found.recipients.map((r) => r[0])).toEqual(['a@example.net']);
  });

  // Exchange 2007-2019 and Exchange Online: "Delivery is delayed to these recipients or groups:
  // / ... / This message hasn't been delivered yet. Delivery will continue to be attempted." and
  // "The server will keep trying to deliver this message for the next 1 days, 19 hours and 48
  // minutes. You'll be notified if the message can't be delivered by that time." (learn.microsoft.com,
  // the Exchange Online NDR page's DSN types: a delay DSN).
  it('reads Exchange\'s "Delivery is delayed to these recipients or groups:" as a delay', async () => {
    const raw = notice(
      'Microsoft Outlook <postmaster@example.org>',
      'Delivery delayed:hello',
      [
        'Delivery is delayed to these recipients or groups:',
        '',
        'a@example.net (a@example.net)<mailto:a@example.net>',
        '',
        'Subject: hello',
        '',
        "This message hasn't been delivered yet. Delivery will continue to be attempted.",
        '',
        "The server will keep trying to deliver this message for the next 1 days, 19 hours and 48 minutes. You'll be notified if the message can't be delivered by that time.",
        '',
        'Diagnostic information for administrators:',
        '',
        'Generating server: EX1.example.org',
        'Receiving server: mx.example.net (192.0.2.1)',
        '',
        'a@example.net',
        "Server at mx.example.net (192.0.2.1) returned '400 4.4.7 Message delayed'",
        "12/1/2026 1:17:26 AM - Server at mx.example.net (192.0.2.1) returned '451 4.7.1 Greylisted, please try again later'",
      ],
      'Original message headers:',
    );
    const found = await readVerdicts(raw);
    expect(found.kind).toBe('delay');
    expect(found.recipients.map((r) => [r[0], r[2]])).toEqual([['a@example.net', 'none']]);
  });

  // Exchange 2003's "Unable to relay" (KB 284204's list: "5.7.1 ... Unable to relay for
  // <address>") inside the remote reply.
  it('reads Exchange 2003\'s "<host #5.7.1 smtp;550 5.7.1 Unable to relay for a@b>" as a relay refusal', async () => {
    const raw = sysadminNotice(
      exchange2003([
        '      a@example.net on 12/1/2026 1:17 AM',
        '            You do not have permission to send to this recipient.  For assistance, contact your system administrator.',
        '            <mx.example.net #5.7.1 smtp;550 5.7.1 Unable to relay for a@example.net>',
      ]),
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'norelaying', 'soft', '5.7.1', '550']));
  });
});

describe('Exchange Online refusals by a remote server', () => {
  // The Exchange Online NDR page's "Error Details" with "Remote server" for a spam refusal:
  // "Your message to <address> couldn't be delivered. / <domain> suspects your message is spam
  // and rejected it."
  it('reads "<domain> suspects your message is spam and rejected it" with the reported block-list refusal', async () => {
    const raw = notice(
      EXCHANGE_ONLINE,
      'Undeliverable: hello',
      [
        "Your message to a@example.net couldn't be delivered.",
        'example.net suspects your message is spam and rejected it.',
        '',
        'sender     Office 365     example.net',
        'Action Required                    Sender',
        'Messages suspected as spam',
        '',
        'More Info for Email Admins',
        'Status code: 550 5.7.350',
        '',
        'Original Message Details',
        'Created Date:    12/1/2026 1:17:26 AM',
        'Sender Address:    sender@example.com',
        'Recipient Address:    a@example.net',
        'Subject:    hello',
        '',
        'Error Details',
        'Reported error:    550 5.7.350 Remote server returned message detected as spam -> 554 5.7.1 Message rejected as spam by Content Filtering',
        'DSN generated by:    AM0PR01MB0001.eurprd01.prod.exchangelabs.com',
        'Remote server:    mx.example.net',
      ],
      'Original Message Headers',
    );
    const found = await readVerdicts(raw);
    expect(found.kind).toBe('bounce');
    expect(found.recipients.map((r) => [r[0], r[1], r[2]])).toEqual([['a@example.net', 'spamdetected', 'soft']]);
  });
});

describe('Exchange\'s "QUEUE.Expired; message expired" after the retry period', () => {
  // Exchange 2007-2019 write "#550 4.4.7 QUEUE.Expired; message expired ##" (Exchange 2007,
  // as a notice posted whole shows it: pastebin.com/zeZFJvKs, "Microsoft Exchange has been
  // trying to deliver this message without success and has stopped trying.") and "Remote
  // Server returned '550 4.4.7 QUEUE.Expired; message expired'" (Exchange 2016,
  // pastebin.com/ZkW4nRAU). Exchange Online lists each attempt ("Receiving server:", "Total
  // retry attempts:", "<date> - Server at <host> returned '...'", pastebin.com/qn8VfDsG) and
  // adds the last error to the expiry: Microsoft's "Mail flow intelligence in EOP"
  // (learn.microsoft.com, defender-office-365/connectors-mail-flow-intelligence) says a
  // queued message expires after 24 hours and is returned in an NDR, and lists the errors
  // ("450 4.4.312 DNS query failed", "450 4.4.315 Connection timed out", "450 4.4.316
  // Connection refused", "450 4.4.317 Cannot connect to remote server", "450 4.4.318
  // Connection was closed abruptly").
  it("reads Exchange 2007's \"'a@b'<mailto:a@b>\" and '#550 4.4.7 QUEUE.Expired; message expired ##' as expired, soft", async () => {
    const raw = notice(
      'Microsoft Exchange <postmaster@example.org>',
      'Undeliverable: hello',
      [
        'Delivery has failed to these recipients or distribution lists:',
        '',
        "'a@example.net'<mailto:a@example.net>",
        'Microsoft Exchange has been trying to deliver this message without success and has stopped trying. Please try sending this message again, or provide the following diagnostic text to your system administrator.',
        '________________________________',
        '',
        'Sent by Microsoft Exchange Server 2007',
        '',
        'Diagnostic information for administrators:',
        '',
        'Generating server: ex1.example.org',
        '',
        'a@example.net',
        '#550 4.4.7 QUEUE.Expired; message expired ##',
      ],
      'Original message headers:',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'expired', 'soft', '4.4.7', '550']));
  });

  const online = (lastError: string) =>
    notice(
      EXCHANGE_ONLINE,
      'Undeliverable: hello',
      [
        'Delivery has failed to these recipients or groups:',
        '',
        'a@example.net (a@example.net)',
        'The server has tried to deliver this message, without success, and has stopped trying. The recipient mail server may be temporarily offline or temporarily unable to accept messages. If the problem continues, contact your email admin.',
        '',
        'Diagnostic information for administrators:',
        '',
        'Generating server: AM0PR01MB0001.eurprd01.prod.exchangelabs.com',
        'Receiving server: mail.example.net (192.0.2.1)',
        'Total retry attempts: 26',
        '',
        'a@example.net',
        `12/3/2026 1:17:26 AM - Server at mail.example.net (192.0.2.1) returned '550 4.4.7 QUEUE.Expired; message expired [Message=${lastError}] [LastAttemptedServerName=mail.example.net] [LastAttemptedIP=192.0.2.1:25]'`,
      ],
      'Original message headers:',
    );

  it('reads an expiry whose last error was "450 4.4.312 DNS query failed" as expired (rule 3), not a network error', async () => {
    expect(await readVerdicts(online('450 4.4.312 DNS query failed'))).toEqual(
      bounce(['a@example.net', 'expired', 'soft', '4.4.312', '450']),
    );
  });

  it('reads an expiry whose last error was "450 4.4.316 Connection refused" as expired', async () => {
    expect(await readVerdicts(online('450 4.4.316 Connection refused'))).toEqual(
      bounce(['a@example.net', 'expired', 'soft', '4.4.316', '450']),
    );
  });

  it('reads an expiry whose last error was "450 4.4.315 Connection timed out" as expired', async () => {
    expect(await readVerdicts(online('450 4.4.315 Connection timed out'))).toEqual(
      bounce(['a@example.net', 'expired', 'soft', '4.4.315', '450']),
    );
  });

  it('keeps the cause a server named before the expiry (rule 3): "452 4.2.2 Mailbox full" stays a full mailbox', async () => {
    expect(await readVerdicts(online('452 4.2.2 <a@example.net>: Mailbox full'))).toEqual(
      bounce(['a@example.net', 'mailboxfull', 'soft', '4.2.2', '452']),
    );
  });

  it('reads the same DNS expiry from its delivery-status part (Status 4.4.7, the reply in Diagnostic-Code)', async () => {
    const reply =
      '550 4.4.7 QUEUE.Expired; message expired [Message=450 4.4.312 DNS query failed] [LastAttemptedServerName=mail.example.net]';
    const raw = report(
      EXCHANGE_ONLINE,
      'Undeliverable: hello',
      [
        'Delivery has failed to these recipients or groups:',
        '',
        'a@example.net (a@example.net)',
        'The server has tried to deliver this message, without success, and has stopped trying.',
      ],
      [['Final-Recipient: rfc822;a@example.net', 'Action: failed', 'Status: 4.4.7', `Diagnostic-Code: smtp;${reply}`]],
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'expired', 'soft', '4.4.312', '450']));
  });
});

describe('Domino R5 and the SMTP errors Domino quotes', () => {
  // IBM technote 1100477, "Domino R5: Improperly Addressed SMTP Mail Returns Cryptic Error
  // Message" (quoted at atnotes.de/index.php/topic,28316.0): "Delivery Failure Report / Your
  // document: / <subject> / was not delivered to: / xxxx@yyyy.com / because: / 250 Message
  // received OK." (Domino 5 wrote the last reply it had, a success, as the reason).
  const r5 = (because: string) =>
    notice(
      'Postmaster <postmaster@example.org>',
      'DELIVERY FAILURE: Enhanced Mail System Status Code (RFC1893): .1.2',
      ['Delivery Failure Report', '', 'Your document:', 'hello', 'was not delivered to:', 'a@example.net', 'because:', because],
      'Original message follows',
    );
  it('reads R5\'s "Your document:" layout with the reason under "because:"', async () => {
    expect(await readVerdicts(r5('User a (a@example.net) not listed in Domino Directory'))).toEqual(
      bounce(['a@example.net', 'userunknown', 'hard', '5.0.0', '']),
    );
  });

  it('never reads R5\'s "because: 250 Message received OK." as a delivery or as its reply code', async () => {
    expect(await readVerdicts(r5('250 Message received OK.'))).toEqual(bounce(['a@example.net', 'onhold', 'soft', '5.0.0', '']));
  });

  // IBM's Open Mic "Troubleshooting Notes/Domino NRPC Mail Routing issues" (9 May 2012,
  // www-01.ibm.com/support/docview.wss?uid=swg27023930): "I receive 'Error transferring to
  // ...; SMTP Protocol Return...'": Domino's words before the remote reply.
  it('reads "Error transferring to <host>; SMTP Protocol Returned a Permanent Error 550 5.1.1 ..." under "because:"', async () => {
    const raw = notice(
      'Postmaster <postmaster@example.org>',
      'DELIVERY FAILURE: Error transferring to mx.example.net; SMTP Protocol Returned a Permanent Error 550',
      dominoFailure(
        ['a@example.net'],
        'Error transferring to mx.example.net; SMTP Protocol Returned a Permanent Error 550 5.1.1 <a@example.net>... User unknown',
      ),
      'Original message follows',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(A_UNKNOWN));
  });
});

describe("Exchange 2016's quoted recipient after the retry period", () => {
  // pastebin.com/ZkW4nRAU (an Exchange 2016 notice posted whole): "'a@b' (a@b) / The server
  // has tried to deliver this message, without success, and has stopped trying. ... / Remote
  // Server returned '550 4.4.7 QUEUE.Expired; message expired'".
  it('reads "\'a@b\' (a@b)" as the recipient and the expiry as expired, soft', async () => {
    const raw = notice(
      'Microsoft Outlook <postmaster@example.org>',
      'Undeliverable: hello',
      exchange2013(
        [
          "'a@example.net' (a@example.net)",
          'The server has tried to deliver this message, without success, and has stopped trying. The recipient mail server may be temporarily offline or temporarily unable to accept messages. If the problem continues, contact your email admin.',
        ],
        ['a@example.net', "Remote Server returned '550 4.4.7 QUEUE.Expired; message expired'"],
      ),
      'Original message headers:',
    );
    expect(await readVerdicts(raw)).toEqual(bounce(['a@example.net', 'expired', 'soft', '4.4.7', '550']));
  });
});
