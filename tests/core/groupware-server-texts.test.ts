// The notices mail servers write themselves, read in their own sources: Stalwart Mail Server's
// RFC 3464 reports (crates/smtp/src/queue/dsn.rs and the errors it names, outbound/mod.rs,
// outbound/lookup.rs, outbound/delivery.rs), maddy's reports (internal/dsn/dsn.go and the
// errors of internal/target/remote and internal/smtpconn), hMailServer's own notice
// (SMTPDeliverer.cpp, SMTPClientConnection.cpp, ExternalDelivery.cpp, LocalDelivery.cpp and the
// SEND_FAILED_NOTIFICATION text of its DBScripts) and Apache James's RemoteDelivery errors in
// its Bounce mailet's notice. Each notice is laid out as its source writes it, around replies
// of our own; none comes from a bounce collection. What a user sees is asserted: the kind,
// each failed address, the reason, hard or soft, the status and the reply code.
import { describe, expect, it } from 'vitest';
import { multipartReport } from './notice-builders.ts';
import { readVerdicts } from './recipient-verdicts.ts';

const RETURNED = [
  'From: Sender <sender@example.com>',
  'To: a@example.net, b@example.net',
  'Subject: hello',
  'Message-ID: <hello.1@example.com>',
  '',
];

// ---------------------------------------------------------------------------------------------
// Stalwart Mail Server (stalwartlabs/mail-server 55e62a6, crates/smtp/src/queue/dsn.rs): the
// notice's subject and first line by outcome ("Failed to deliver message" / "Your message could
// not be delivered to the following recipients:", "Warning: Delay in message delivery" / "There
// was a temporary problem delivering your message to the following recipients:"), one line per
// recipient ("<a@b> (host 'mx' rejected command 'RCPT TO:<a@b>' with code 550 (5.1.1) '...')",
// "<a@b> (failed to lookup 'domain': ...)", "<a@b> (connection to 'mx' failed: ...)", "<a@b>
// (TLS error from 'mx': ...)", "<a@b> (DANE failed to authenticate 'mx': ...)"), then
// "Reporting-MTA: dns;...", "Final-Recipient: rfc822;...", "Status:" and, for a reply only,
// "Diagnostic-Code: smtp;550 <text>" (the reply's text without its status). An error that is no
// reply has Status 5.0.0 (4.0.0 while delayed) and no Diagnostic-Code. A reply with no enhanced
// status code is written "(0.0.0)" in the text and its Status is made of the reply code's digits
// (`write_dsn_status`: 550 gives "5.5.0").
// ---------------------------------------------------------------------------------------------

const stalwart = (subject: string, first: string, lines: readonly string[], groups: readonly (readonly string[])[]) =>
  multipartReport(
    { returned: RETURNED, textType: 'Content-Type: text/plain; charset="utf-8"' },
    'Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
    subject,
    [first, '', ...lines],
    groups,
  );
const stalwartFailed = (lines: readonly string[], groups: readonly (readonly string[])[]) =>
  stalwart('Failed to deliver message', 'Your message could not be delivered to the following recipients:', lines, groups);
const group = (address: string, status: string, diagnostic?: string, remote?: string, action = 'failed') => [
  `Final-Recipient: rfc822;${address}`,
  `Action: ${action}`,
  `Status: ${status}`,
  ...(diagnostic ? [`Diagnostic-Code: smtp;${diagnostic}`] : []),
  ...(remote ? [`Remote-MTA: dns;${remote}`] : []),
];

describe("Stalwart Mail Server's reports", () => {
  it('reads each recipient\'s "host rejected command" line and its Diagnostic-Code', async () => {
    const raw = stalwartFailed(
      [
        "<a@example.net> (host 'mx.example.net' rejected command 'RCPT TO:<a@example.net>' with code 550 (5.1.1) 'Mailbox does not exist')",
        "<b@example.net> (host 'mx.example.net' rejected command 'RCPT TO:<b@example.net>' with code 452 (4.2.2) 'Mailbox full')",
      ],
      [
        group('a@example.net', '5.1.1', '550 Mailbox does not exist', 'mx.example.net'),
        group('b@example.net', '4.2.2', '452 Mailbox full', 'mx.example.net'),
      ],
    );
    expect(await readVerdicts(raw)).toEqual({
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '4.2.2', '452'],
      ],
    });
  });

  it('a reply with no enhanced status code ("(0.0.0)", Status 5.5.4 made of 554) is no syntax error: only its class decides', async () => {
    const raw = stalwartFailed(
      ["<a@example.net> (host 'mx.example.net' rejected command 'DATA' with code 554 (0.0.0) 'Transaction failed')"],
      [group('a@example.net', '5.5.4', '554 Transaction failed', 'mx.example.net')],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'onhold', 'soft', '5.5.4', '554']] });
  });

  it('a 550 with no enhanced status code at RCPT TO (Status 5.5.0) is read by its reply, not as a syntax error', async () => {
    const raw = stalwartFailed(
      ["<a@example.net> (host 'mx.example.net' rejected command 'RCPT TO:<a@example.net>' with code 550 (0.0.0) 'Address rejected')"],
      [group('a@example.net', '5.5.0', '550 Address rejected', 'mx.example.net')],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'onhold', 'soft', '5.5.0', '550']] });
  });

  it('a reply with no enhanced status code keeps the reason its words give ("552" made Status 5.5.2)', async () => {
    const raw = stalwartFailed(
      [
        "<a@example.net> (host 'mx.example.net' rejected command 'RCPT TO:<a@example.net>' with code 552 (0.0.0) 'Requested mail action aborted: exceeded storage allocation')",
      ],
      [group('a@example.net', '5.5.2', '552 Requested mail action aborted: exceeded storage allocation', 'mx.example.net')],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'mailboxfull', 'soft', '5.5.2', '552']] });
  });

  // Its local delivery (crates/smtp/src/outbound/local.rs with crates/email/src/message/delivery.rs):
  // a refusal is "550" with the status delivery.rs gives ("Mailbox not found." 5.5.0), a
  // temporary failure "451 (4.3.0)" ("Mailbox over quota.", "Organization over quota.", "Address
  // lookup failed."), made final with that reply when the queue gives up.
  const local = (reply: string, status: string, text: string) =>
    stalwartFailed(
      [`<a@example.net> (host 'localhost' rejected command 'RCPT TO:<a@example.net>' with code ${reply} (${status}) '${text}')`],
      [group('a@example.net', status, `${reply} ${text}`, 'localhost')],
    );

  it('its local "Mailbox not found." (550, Status 5.5.0) is an unknown user', async () => {
    expect(await readVerdicts(local('550', '5.5.0', 'Mailbox not found.'))).toEqual({
      kind: 'bounce',
      recipients: [['a@example.net', 'userunknown', 'hard', '5.5.0', '550']],
    });
  });

  it('its local "Mailbox over quota." that outlasted the queue (451 4.3.0, failed) is a full mailbox', async () => {
    expect(await readVerdicts(local('451', '4.3.0', 'Mailbox over quota.'))).toEqual({
      kind: 'bounce',
      recipients: [['a@example.net', 'mailboxfull', 'soft', '4.3.0', '451']],
    });
  });

  it('its local "Organization over quota." (the tenant\'s quota) is a full mailbox', async () => {
    expect(await readVerdicts(local('451', '4.3.0', 'Organization over quota.'))).toEqual({
      kind: 'bounce',
      recipients: [['a@example.net', 'mailboxfull', 'soft', '4.3.0', '451']],
    });
  });

  it('its local "Address lookup failed." (the directory could not be asked) is a system error, never hard', async () => {
    expect(await readVerdicts(local('451', '4.3.0', 'Address lookup failed.'))).toEqual({
      kind: 'bounce',
      recipients: [['a@example.net', 'systemerror', 'soft', '4.3.0', '451']],
    });
  });

  it('"failed to lookup ...: Domain not found: NXDomain" (Status 5.0.0, no Diagnostic-Code) is an unknown host', async () => {
    const raw = stalwartFailed(
      ["<a@example.net> (failed to lookup 'example.net': Domain not found: NXDomain)"],
      [group('a@example.net', '5.0.0')],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']] });
  });

  it('"failed to lookup ...: no MX record found." is a domain that accepts no mail (the reference\'s notaccept), hard', async () => {
    const raw = stalwartFailed(
      ["<a@example.net> (failed to lookup 'example.net': no MX record found.)"],
      [group('a@example.net', '5.0.0')],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'notaccept', 'hard', '5.0.0', '']] });
  });

  it('"connection to ... failed: record not found for MX" (the MX host has no address) is an unknown host', async () => {
    const raw = stalwartFailed(
      ["<a@example.net> (connection to 'mx.example.net' failed: record not found for MX)"],
      [group('a@example.net', '5.0.0', undefined, 'mx.example.net')],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']] });
  });

  it('"Domain does not accept messages (null MX)" is a domain that accepts no mail, hard', async () => {
    const raw = stalwartFailed(
      ["<a@example.net> (failed to lookup 'example.net': Domain does not accept messages (null MX))"],
      [group('a@example.net', '5.0.0')],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'notaccept', 'hard', '5.0.0', '']] });
  });

  it('"TLS error from ...: STARTTLS not advertised by host." is a failed STARTTLS', async () => {
    const raw = stalwartFailed(
      ["<a@example.net> (TLS error from 'mx.example.net': STARTTLS not advertised by host.)"],
      [group('a@example.net', '5.0.0', undefined, 'mx.example.net')],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'failedstarttls', 'soft', '5.0.0', '']] });
  });

  it('a timeout that lasted until the queue gave up ("Timeout while reading greeting", made permanent) is expired', async () => {
    const raw = stalwartFailed(
      ["<a@example.net> (connection to 'mx.example.net' failed: Timeout while reading greeting)"],
      [group('a@example.net', '5.0.0', undefined, 'mx.example.net')],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']] });
  });

  it('its mixed report ("Warning: Temporary and permanent failures during message delivery") keeps each recipient\'s own outcome', async () => {
    const raw = stalwart(
      'Warning: Temporary and permanent failures during message delivery',
      'Your message could not be delivered to some recipients:',
      [
        '    ----- There was a temporary problem delivering to these addresses -----',
        "<b@example.net> (host 'mx.example.net' rejected command 'RCPT TO:<b@example.net>' with code 452 (4.2.2) 'Mailbox full')",
        '',
        '    ----- Delivery to the following addresses failed -----',
        "<a@example.net> (host 'mx.example.net' rejected command 'RCPT TO:<a@example.net>' with code 550 (5.1.1) 'Mailbox does not exist')",
      ],
      [
        group('a@example.net', '5.1.1', '550 Mailbox does not exist', 'mx.example.net'),
        group('b@example.net', '4.2.2', '452 Mailbox full', 'mx.example.net', 'delayed'),
      ],
    );
    expect(await readVerdicts(raw)).toEqual({
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'none', '4.2.2', '452'],
      ],
    });
  });

  it('the delay warning ("Warning: Delay in message delivery") is a delay, never hard', async () => {
    const raw = stalwart(
      'Warning: Delay in message delivery',
      'There was a temporary problem delivering your message to the following recipients:',
      [
        "<a@example.net> (host 'mx.example.net' rejected command 'RCPT TO:<a@example.net>' with code 451 (4.7.1) 'Greylisted, please try again later')",
      ],
      [
        [
          ...group('a@example.net', '4.7.1', '451 Greylisted, please try again later', 'mx.example.net', 'delayed'),
          'Will-Retry-Until: Sat, 5 Dec 2026 01:17:26 +0000',
        ],
      ],
    );
    expect(await readVerdicts(raw)).toEqual({ kind: 'delay', recipients: [['a@example.net', 'expired', 'none', '4.7.1', '451']] });
  });
});

// ---------------------------------------------------------------------------------------------
// maddy (foxcpp/maddy 837b1b8, internal/dsn/dsn.go): "This is the mail delivery system at ...
// Unfortunately, your message could not be delivered to one or more recipients. ..." then one
// "Delivery to <rcpt> failed with error: <err>" line per recipient, and "Diagnostic-Code: smtp;
// <code> <x.y.z> <message>". Its errors: internal/smtpconn/smtpconn.go ("<mx> said: ..." for a
// remote reply, with 552 rewritten to 452), internal/target/remote/connect.go ("Domain does not
// accept email (null MX)" 556 5.1.10, "MX lookup error", "No usable MXs, last err: ..."),
// dane.go ("No matching TLSA records"), security.go (MTA-STS). SMTPEnchCode sets the status's
// class to 5 whatever the reply (framework/exterrors/smtp.go), so a temporary DNS failure reads
// "451 5.4.4 MX lookup error".
// ---------------------------------------------------------------------------------------------

const maddy = (rcpts: readonly (readonly [address: string, error: string, diagnostic: string, status: string])[]) =>
  multipartReport(
    { returned: RETURNED, textType: 'Content-Type: text/plain; charset="utf-8"' },
    'MAILER-DAEMON@mx.example.org',
    'Undelivered Mail Returned to Sender',
    [
      'This is the mail delivery system at mx.example.org.',
      '',
      'Unfortunately, your message could not be delivered to one or more',
      'recipients. The usual cause of this problem is invalid',
      'recipient address or maintenance at the recipient side.',
      '',
      'Contact the postmaster for further assistance, provide the Message ID (below):',
      '',
      'Message ID: 6b2c9a1e',
      'Arrival: 2026-12-01 01:17:26 +0000 UTC',
      'Last delivery attempt: 2026-12-01 01:17:30 +0000 UTC',
      '',
      ...rcpts.map(([a, e]) => `Delivery to ${a} failed with error: ${e}`),
    ],
    rcpts.map(([a, , d, s]) => [`Final-Recipient: rfc822; ${a}`, 'Action: failed', `Status: ${s}`, `Diagnostic-Code: smtp; ${d}`]),
  );

describe("maddy's reports", () => {
  it('reads each recipient\'s "Delivery to ... failed with error" line and its Diagnostic-Code', async () => {
    const raw = maddy([
      ['a@example.net', 'SMTP error 550: mx.example.net said: User unknown', '550 5.1.1 mx.example.net said: User unknown', '5.1.1'],
      ['b@example.net', 'SMTP error 452: mx.example.net said: Mailbox full', '452 4.2.2 mx.example.net said: Mailbox full', '4.2.2'],
    ]);
    expect(await readVerdicts(raw)).toEqual({
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '4.2.2', '452'],
      ],
    });
  });

  it('"Domain does not accept email (null MX)" with 556 5.1.10 is a domain that accepts no mail, hard', async () => {
    const raw = maddy([
      ['a@example.net', 'Domain does not accept email (null MX)', '556 5.1.10 Domain does not accept email (null MX)', '5.1.10'],
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'notaccept', 'hard', '5.1.10', '556']] });
  });

  it('"MX lookup error" of a name that does not exist (554 5.4.4, "no such host") is an unknown host', async () => {
    const raw = maddy([['a@example.net', 'no such host', '554 5.4.4 MX lookup error', '5.4.4']]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'hostunknown', 'hard', '5.4.4', '554']] });
  });

  it('a temporary "MX lookup error" (451 with the 5.4.4 SMTPEnchCode writes) is never an unknown host', async () => {
    const raw = maddy([['a@example.net', 'i/o timeout', '451 5.4.4 MX lookup error', '5.4.4']]);
    const found = await readVerdicts(raw);
    expect(found.recipients.map((r) => [r[0], r[2], r[4]])).toEqual([['a@example.net', 'soft', '451']]);
    expect(found.recipients[0][1]).toBe('networkerror');
  });

  it('"No usable MXs, last err: Network I/O error" at the end of the retries (451 with the 5.4.0 SMTPEnchCode writes) is expired, never hard', async () => {
    const raw = maddy([
      [
        'a@example.net',
        'dial tcp 192.0.2.1:25: connect: connection refused',
        '451 5.4.0 No usable MXs, last err: Network I/O error',
        '5.4.0',
      ],
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'expired', 'soft', '5.4.0', '451']] });
  });

  it('REQUIRETLS that the next hop cannot honour (550 5.7.30) is a failed STARTTLS', async () => {
    const raw = maddy([
      [
        'a@example.net',
        'TLS it not available or unauthenticated but required (REQUIRETLS)',
        '550 5.7.30 TLS it not available or unauthenticated but required (REQUIRETLS)',
        '5.7.30',
      ],
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'failedstarttls', 'soft', '5.7.30', '550']] });
  });

  it('"No matching TLSA records" (DANE) is a security error, not the address', async () => {
    const raw = maddy([['a@example.net', 'No matching TLSA records', '550 5.7.0 No matching TLSA records', '5.7.0']]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'securityerror', 'soft', '5.7.0', '550']] });
  });

  it('"TLS is required but unavailable or failed (MTA-STS)" is a failed STARTTLS', async () => {
    const raw = maddy([
      [
        'a@example.net',
        'TLS is required but unavailable or failed (MTA-STS)',
        '451 4.7.1 TLS is required but unavailable or failed (MTA-STS)',
        '4.7.1',
      ],
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'failedstarttls', 'soft', '4.7.1', '451']] });
  });
});

// ---------------------------------------------------------------------------------------------
// hMailServer (hmailserver/hmailserver 4d11f81): its notice has no delivery-status part and no
// copy of the message. Subject "Message undeliverable: <subject>" (MESSAGE_UNDELIVERABLE),
// body SEND_FAILED_NOTIFICATION ("Your message did not reach some or all of the intended
// recipients. / Sent: ... / Subject: ... / The following recipient(s) could not be reached:" ...
// "hMailServer"), each recipient as SMTPDeliverer/ExternalDelivery write it: the address, then
// SMTPClientConnection::UpdateRecipientWithError_'s "Error Type: SMTP / Remote server (<ip>)
// issued an error. / hMailServer sent: <command> / Remote server replied: <reply>" or
// ExternalDelivery's "Error Description: No mail servers appear to exists for the recipient's
// address." or LocalDelivery's "Error Description: Inbox is full"; a recipient that failed
// for the last time after retries ends in "Tried <n> time(s)".
// ---------------------------------------------------------------------------------------------

const hmailserver = (blocks: readonly string[]) =>
  Buffer.from(
    [
      'From: mailer-daemon@example.org',
      'To: sender@example.com',
      'Subject: Message undeliverable: hello',
      'Date: Tue, 01 Dec 2026 01:17:30 +0000',
      '',
      'Your message did not reach some or all of the intended recipients.',
      '',
      '   Sent: Tue, 01 Dec 2026 01:17:26 +0000',
      '   Subject: hello',
      '',
      'The following recipient(s) could not be reached:',
      '',
      ...blocks,
      '',
      'hMailServer',
      '',
    ].join('\n'),
  );

describe("hMailServer's notice", () => {
  it('reads "Remote server replied:" under each address', async () => {
    const raw = hmailserver([
      'a@example.net',
      '   Error Type: SMTP',
      '   Remote server (192.0.2.1) issued an error.',
      '   hMailServer sent: RCPT TO:<a@example.net>',
      '   Remote server replied: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown',
      '',
      'b@example.net',
      '   Error Type: SMTP',
      '   Remote server (192.0.2.1) issued an error.',
      '   hMailServer sent: RCPT TO:<b@example.net>',
      '   Remote server replied: 552 5.2.2 <b@example.net>: Mailbox full',
      '',
    ]);
    expect(await readVerdicts(raw)).toEqual({
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'userunknown', 'hard', '5.1.1', '550'],
        ['b@example.net', 'mailboxfull', 'soft', '5.2.2', '552'],
      ],
    });
  });

  it('"Server does not support STARTTLS." (its own error, when STARTTLS is required) is a failed STARTTLS', async () => {
    const raw = hmailserver([
      'a@example.net',
      '   Error Type: SMTP',
      '   Remote server (192.0.2.1) issued an error.',
      '   hMailServer sent: EHLO mx.example.org',
      '   Remote server replied: Server does not support STARTTLS.',
      '',
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'failedstarttls', 'soft', '5.0.0', '']] });
  });

  it('"Remote server closed connection." until the retries ran out is expired', async () => {
    const raw = hmailserver([
      'a@example.net',
      '   Error Type: SMTP',
      '   Remote server (192.0.2.1) issued an error.',
      '   hMailServer sent: MAIL FROM:<sender@example.com>',
      '   Remote server replied: Remote server closed connection.',
      '',
      'Tried 4 time(s)',
      '',
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']] });
  });

  it('a refusal at RCPT TO with no status ("hMailServer sent: RCPT TO", "550 Mailbox not found") is an unknown user', async () => {
    const raw = hmailserver([
      'a@example.net',
      '   Error Type: SMTP',
      '   Remote server (192.0.2.1) issued an error.',
      '   hMailServer sent: RCPT TO:<a@example.net>',
      '   Remote server replied: 550 Mailbox not found',
      '',
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'userunknown', 'hard', '5.0.0', '550']] });
  });

  it('"No mail servers appear to exists for the recipient\'s address." is an unknown host', async () => {
    const raw = hmailserver([
      'a@example.net',
      '   Error Type: SMTP',
      "   Error Description: No mail servers appear to exists for the recipient's address.",
      "   Additional information: Please check that you have not misspelled the recipient's email address.",
      '',
      'Tried 4 time(s)',
      '',
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']] });
  });

  it('"Unable to find the recipient\'s email server. The DNS query has failed." is a DNS failure, never hard', async () => {
    const raw = hmailserver([
      'a@example.net',
      '   Error Type: SMTP',
      "   Error Description: Unable to find the recipient's email server. The DNS query has failed.",
      '',
      'Tried 4 time(s)',
      '',
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'networkerror', 'soft', '5.0.0', '']] });
  });

  it('"Inbox is full" of a local account is a full mailbox', async () => {
    const raw = hmailserver([
      'a@example.net',
      '   Error Type: SMTP',
      '   Error Description: Inbox is full',
      '   Additional information: The recipients inbox is full.',
      '',
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'mailboxfull', 'soft', '5.0.0', '']] });
  });

  it('a timeout until the retries ran out ("There was a timeout while talking to the remote server.", "Tried 4 time(s)") is expired', async () => {
    const raw = hmailserver([
      'a@example.net',
      '   Error Type: SMTP',
      '   Remote server (192.0.2.1) issued an error.',
      '   hMailServer sent: DATA',
      '   Remote server replied: There was a timeout while talking to the remote server.',
      '',
      'Tried 4 time(s)',
      '',
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']] });
  });
});

// ---------------------------------------------------------------------------------------------
// Apache James (apache/james-project, server/mailet/remote-delivery: MailDelivrer's
// handleNoTargetServer, "There are no DNS entries for the hostname <host>.  I cannot determine
// where to send this message.", a permanent failure once the DNS retries ran out, and its
// "Temporary problem looking up mail server for host: <host>.  I cannot determine where to send
// this message.") in the Bounce mailet's notice (NotifyMailetsMessage.generateMessage) and in
// RemoteDelivery's own (Bouncer.bounce: "Hi. This is the James mail server at <host>. ...", the
// recipients, then the error: "Remote mail server told me: <reply>", "Unknown host: <host>" with
// "This could be a DNS server error, a typo, or a problem with the recipient's mail server.", a
// ConnectException's "Connection timed out: connect", or the exception's own message).
// ---------------------------------------------------------------------------------------------

const jamesBounce = (errorMessage: string) =>
  Buffer.from(
    [
      'From: postmaster@mx.example.org',
      'To: sender@example.com',
      'Subject: Re: hello',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'We were unable to deliver the attached message because of an error in the mail server.',
      '',
      'Error message below:',
      errorMessage,
      '',
      'Message details:',
      '  Subject: hello',
      '  MAIL FROM: sender@example.com',
      '  RCPT TO: a@example.net',
      '  From: ',
      'sender@example.com ',
      '',
      '  To: ',
      'a@example.net ',
      '',
      '  Size: 200 B',
      '  Number of lines: 1',
      '',
    ].join('\r\n'),
  );

describe("Apache James's remote delivery errors", () => {
  it('"There are no DNS entries for the hostname ..." is an unknown host', async () => {
    const raw = jamesBounce('There are no DNS entries for the hostname example.net.  I cannot determine where to send this message.');
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']] });
  });
});

const jamesRemoteDelivery = (error: readonly string[]) =>
  Buffer.from(
    [
      'From: postmaster@mx.example.org',
      'To: sender@example.com',
      'Subject: [BOUNCE]',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Hi. This is the James mail server at mx.example.org.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out. Below",
      'I include the list of recipients and the reason why I was unable to deliver',
      'your message.',
      '',
      'a@example.net',
      ...error,
      '',
      '--b',
      'Content-Type: message/rfc822',
      '',
      ...RETURNED,
      'hello',
      '--b--',
      '',
    ].join('\r\n'),
  );

describe("Apache James's RemoteDelivery notice", () => {
  it('"Remote mail server told me: <reply>" gives the remote reply', async () => {
    const raw = jamesRemoteDelivery(['Remote mail server told me: 550 5.1.1 <a@example.net>... User unknown']);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'userunknown', 'hard', '5.1.1', '550']] });
  });

  it('"Unknown host: <mx>" is an unknown host', async () => {
    const raw = jamesRemoteDelivery([
      'Unknown host: mx.example.net',
      "This could be a DNS server error, a typo, or a problem with the recipient's mail server.",
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']] });
  });

  it('"Connection timed out: connect" after the retries is expired', async () => {
    const raw = jamesRemoteDelivery(['Connection timed out: connect']);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'expired', 'soft', '5.0.0', '']] });
  });

  it('"There are no DNS entries for the hostname ..." is an unknown host here too', async () => {
    const raw = jamesRemoteDelivery([
      'There are no DNS entries for the hostname example.net.  I cannot determine where to send this message.',
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'hostunknown', 'hard', '5.0.0', '']] });
  });

  it('"Temporary problem looking up mail server for host: ..." is a DNS failure, never hard', async () => {
    const raw = jamesRemoteDelivery([
      'Temporary problem looking up mail server for host: example.net.  I cannot determine where to send this message.',
    ]);
    expect(await readVerdicts(raw)).toEqual({ kind: 'bounce', recipients: [['a@example.net', 'networkerror', 'soft', '5.0.0', '']] });
  });
});
