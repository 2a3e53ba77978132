// Where the remote server's reply code and enhanced status code sit in a bounce, MTA by MTA,
// and the places a number that looks like one must not be read from. Each bounce is written
// here in the layout the named MTA's source (or the vendor's published example) gives, around
// text of our own; none comes from a bounce collection.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { replyCodeInText, statusInText } from '../../src/core/prose.ts';
import { dsnReport } from './dsn-report.ts';
import { eximBounce, plainBounce, qmailBounce } from './plain-bounces.ts';

/** The reply code and status classify() reports for the bounce's only recipient. */
async function codesOf(raw: Buffer): Promise<[address: string, replyCode: string, status: string]> {
  const c = await classify(raw);
  expect(c.recipients).toHaveLength(1);
  const r = c.recipients[0];
  return [r.address, r.replyCode, r.enhancedCode];
}

/** Sendmail's bounce (sendmail/savemail.c errbody, transcript from usersmtp.c). */
const sendmailBounce = (lines: readonly string[]) =>
  plainBounce(
    'Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
    'Returned mail: see transcript for details',
    ['The original message was received at Tue, 1 Dec 2026 01:17:26 +0900', 'from client.example.com [192.0.2.9]', '', ...lines],
    '   ----- Original message follows -----',
  );

/** An Exchange notice for people, its administrators' section holding the remote reply. */
const exchangeBounce = (reply: string) =>
  plainBounce(
    'postmaster@example.org',
    'Undeliverable: hello',
    [
      'Delivery has failed to these recipients or groups:',
      '',
      'user@example.net',
      "The e-mail address you entered couldn't be found.",
      '',
      'Diagnostic information for administrators:',
      '',
      'Generating server: mx.example.org',
      '',
      'user@example.net',
      reply,
    ],
    'Original message headers:',
  );

/** DragonFly Mail Agent's bounce (dma mail.c bounce(): "There was an error delivering your mail to <...>."). */
const dma = (lines: readonly string[]) =>
  plainBounce(
    'MAILER-DAEMON@mx.example.org',
    'Mail delivery failed',
    [
      'This is the DragonFly Mail Agent v0.13 at mx.example.org.',
      '',
      'There was an error delivering your mail to <user@example.net>.',
      '',
      ...lines,
    ],
    'Message headers follow.',
  );

/** The reason and hard/soft call classify() gives the bounce's only recipient. */
async function verdictOf(raw: Buffer): Promise<[reason: string, bounceType: string]> {
  const r = (await classify(raw)).recipients[0];
  return [r.reason, r.bounceType];
}

describe('the remote reply where each MTA puts it (reply code and status)', () => {
  it("reads Postfix's 'host ... said:' line and its joined multi-line replies (src/smtp/smtp_proto.c, smtp_trouble.c)", async () => {
    const notice = [
      '<user@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1',
      '    <user@example.net>: Recipient address rejected: mailbox unheard of (in reply to RCPT',
      '    TO command)',
    ].join('\r\n');
    expect(await codesOf(dsnReport('5.1.1', '550 5.1.1 <user@example.net>: Recipient address rejected', { notice }))).toEqual([
      'user@example.net',
      '550',
      '5.1.1',
    ]);
    // A multi-line reply as Postfix joins it: every line keeps its "550-" continuation code.
    expect(await codesOf(dsnReport('5.1.1', '550-5.1.1 That account is unknown here. 550 5.1.1 Check the address.'))).toEqual([
      'user@example.net',
      '550',
      '5.1.1',
    ]);
    // "X-Postfix;" carries the remote reply when the report was made by Postfix itself.
    const xPostfix = dsnReport(
      '5.0.0',
      'host mx.example.net[192.0.2.1] said: 550 5.7.1 relay access refused (in reply to RCPT TO command)',
      {
        diagnosticType: 'X-Postfix',
      },
    );
    expect(await codesOf(xPostfix)).toEqual(['user@example.net', '550', '5.7.1']);
  });

  it('reads Exim\'s reply under "SMTP error from remote mail server after ...", new and old layout (src/src/transports/smtp.c, deliver.c)', async () => {
    // Exim 4.9x: the host on its own line, the reply on the line after the command.
    expect(
      await codesOf(
        eximBounce([
          'host mx.example.net [192.0.2.1]',
          'SMTP error from remote mail server after pipelined RCPT TO:<user@example.net>:',
          '550 5.1.1 <user@example.net>: mailbox unheard of',
        ]),
      ),
    ).toEqual(['user@example.net', '550', '5.1.1']);
    // Older Exim: "host NAME [IP]: " before the reply.
    expect(
      await codesOf(
        eximBounce([
          'SMTP error from remote mail server after RCPT TO:<user@example.net>:',
          'host mx.example.net [192.0.2.1]: 550 5.1.1 <user@example.net>: mailbox unheard of',
        ]),
      ),
    ).toEqual(['user@example.net', '550', '5.1.1']);
    // A SIZE= parameter in the command is not the reply.
    expect(
      await codesOf(
        eximBounce([
          'host mx.example.net [192.0.2.1]',
          'SMTP error from remote mail server after MAIL FROM:<sender@example.com> SIZE=452211:',
          '552 5.3.4 Message too large for this server',
        ]),
      ),
    ).toEqual(['user@example.net', '552', '5.3.4']);
    // Exim's own failure carries no reply code.
    expect((await codesOf(eximBounce(['retry timeout exceeded'])))[1]).toBe('');
  });

  it("reads Sendmail's transcript, '<<<' before the remote reply (sendmail/usersmtp.c, deliver.c)", async () => {
    expect(
      await codesOf(
        sendmailBounce([
          '   ----- The following addresses had permanent fatal errors -----',
          '<user@example.net>',
          '    (reason: 552 5.2.2 Over quota)',
          '',
          '   ----- Transcript of session follows -----',
          '... while talking to mx.example.net.:',
          '>>> DATA',
          '<<< 552 5.2.2 Over quota',
          '554 5.0.0 Service unavailable',
        ]),
      ),
    ).toEqual(['user@example.net', '552', '5.2.2']);
  });

  it("takes the remote's '<<<' reply over Sendmail's own summary line after it, and the last server's when it tried several", async () => {
    const transcript = (lines: readonly string[]) =>
      sendmailBounce([
        '   ----- The following addresses had permanent fatal errors -----',
        '<user@example.net>',
        '',
        '   ----- Transcript of session follows -----',
        ...lines,
      ]);
    expect(
      await codesOf(
        transcript([
          '... while talking to mx.example.net.:',
          '>>> DATA',
          '<<< 550 5.7.1 Message refused by policy',
          '554 5.0.0 Service unavailable',
        ]),
      ),
    ).toEqual(['user@example.net', '550', '5.7.1']);
    expect(
      await codesOf(
        transcript([
          '... while talking to mx1.example.net.:',
          '>>> RCPT To:<user@example.net>',
          '<<< 451 4.3.0 Temporary trouble here',
          '... while talking to mx2.example.net.:',
          '>>> RCPT To:<user@example.net>',
          '<<< 550 5.1.1 <user@example.net>... mailbox unheard of',
          '550 5.1.1 <user@example.net>... mailbox unheard of',
        ]),
      ),
    ).toEqual(['user@example.net', '550', '5.1.1']);
  });

  it("reads qmail's 'Remote host said:' and takes its '(#5.1.2)' as a status, never a reply code (qmail-remote.c)", async () => {
    expect(
      await codesOf(
        qmailBounce([
          '192.0.2.1 does not like recipient.',
          'Remote host said: 550 5.1.1 <user@example.net>: mailbox unheard of',
          'Giving up on 192.0.2.1.',
        ]),
      ),
    ).toEqual(['user@example.net', '550', '5.1.1']);
    expect(await codesOf(qmailBounce(["Sorry, I couldn't find any host named example.net. (#5.1.2)"]))).toEqual([
      'user@example.net',
      '',
      '5.1.2',
    ]);
  });

  it("reads Exchange's 'Remote Server returned' and '#550 5.1.1 ... ##' (Exchange 2007 and later, administrators' section)", async () => {
    expect(await codesOf(exchangeBounce("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"))).toEqual([
      'user@example.net',
      '550',
      '5.1.1',
    ]);
    expect(await codesOf(exchangeBounce('#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##'))).toEqual([
      'user@example.net',
      '550',
      '5.1.1',
    ]);
    // The reporting MTA's summary around the remote reply: the inner status is the remote's.
    expect(
      await codesOf(exchangeBounce("Remote Server returned '< #5.0.0 smtp; 5.1.0 - Unknown address error 550-'5.2.2 mailbox full'>'")),
    ).toEqual(['user@example.net', '550', '5.2.2']);
  });

  it("reads Exchange 2000/2003's '<host #5.1.1 smtp;550 5.1.1 ...>' (Microsoft KB 284204 layout)", async () => {
    const exchange2003 = (last: string) =>
      plainBounce(
        'postmaster@example.org',
        'Undeliverable: hello',
        [
          'Your message did not reach some or all of the intended recipients.',
          '',
          '      Subject:  hello',
          '',
          'The following recipient(s) could not be reached:',
          '',
          '      user@example.net on 12/1/2026 1:17 AM',
          '            The e-mail account does not exist at the organization this message was sent to.',
          `            ${last}`,
        ],
        '------ This is a copy of the message, including all the headers. ------',
      );
    expect(await codesOf(exchange2003('<mx.example.org #5.1.1 smtp;550 5.1.1 mailbox unheard of>'))).toEqual([
      'user@example.net',
      '550',
      '5.1.1',
    ]);
    // Exchange's own refusal: a status, and no reply code made up from it.
    expect(await codesOf(exchange2003('<mx.example.org #5.1.1>'))).toEqual(['user@example.net', '', '5.1.1']);
  });

  it("reads Courier's '<<<' line (courier/module.esmtp/esmtpclient.c)", async () => {
    const courier = plainBounce(
      'Courier mail server at mx.example.org <@>',
      'NOTICE: mail delivery status.',
      [
        'This is a delivery status notification from mx.example.org,',
        'running the Courier mail server.',
        '',
        'UNDELIVERABLE MAIL',
        '',
        'Your message to the following recipients cannot be delivered:',
        '',
        '<user@example.net>:',
        '    mx.example.net [192.0.2.1]:',
        '>>> RCPT TO:<user@example.net>',
        '<<< 550 5.1.1 <user@example.net>... mailbox unheard of',
      ],
      '------ This is a copy of the message, including all the headers. ------',
    );
    expect(await codesOf(courier)).toEqual(['user@example.net', '550', '5.1.1']);
  });

  it("reads OpenSMTPD's 'recipient: reply' line (usr.sbin/smtpd/bounce.c)", async () => {
    const opensmtpd = plainBounce(
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
        'user@example.net: 550 5.1.1 <user@example.net>: mailbox unheard of',
      ],
      'Below is a copy of the original message:',
    );
    expect(await codesOf(opensmtpd)).toEqual(['user@example.net', '550', '5.1.1']);
  });

  it("reads DragonFly Mail Agent's 'remote host did not like our ...:' and the reply after it (dma net.c, mail.c)", async () => {
    expect(await codesOf(dma(['remote host did not like our RCPT TO:', '550 5.1.1 <user@example.net>: mailbox unheard of']))).toEqual([
      'user@example.net',
      '550',
      '5.1.1',
    ]);
    expect(
      await codesOf(dma(['remote host did not like our final DATA:', '550-5.7.1 This message looks unsolicited', '550 5.7.1 to us.'])),
    ).toEqual(['user@example.net', '550', '5.7.1']);
  });

  it("reads DragonFly Mail Agent's own failures: a retry period over, its smarthost login, its queue, a domain not found (dma dma.c, net.c)", async () => {
    // dma bounces a temporary failure only once its retry period is over, in these words.
    expect(await verdictOf(dma(['Could not deliver for the last 432000 seconds. Giving up.']))).toEqual(['expired', 'soft']);
    expect(await verdictOf(dma(['SMTP login to smtp.example.org failed']))).toEqual(['securityerror', 'soft']);
    expect(await verdictOf(dma(['corrupted queue file']))).toEqual(['systemerror', 'soft']);
    // A temporary DNS failure is retried, so this text in a bounce is a name that does not exist.
    expect(await verdictOf(dma(['DNS lookup failure: host example.net not found']))).toEqual(['hostunknown', 'hard']);
  });

  it('reads a Diagnostic-Code written "smtp;550" with no space, or its reply in quotes', async () => {
    const noSpace = Buffer.from(
      dsnReport('5.0.0', 'x').toString().replace('Diagnostic-Code: smtp; x', 'Diagnostic-Code: smtp;550 5.1.1 mailbox unheard of'),
    );
    expect(await codesOf(noSpace)).toEqual(['user@example.net', '550', '5.1.1']);
    expect(await codesOf(dsnReport('5.0.0', '"550 5.1.1 mailbox unheard of"'))).toEqual(['user@example.net', '550', '5.1.1']);
  });

  it("takes the reply code and the status from the same, innermost reply when a relay wraps the remote's in its own", async () => {
    // The relay's summary first, the remote server's last reply in angle brackets.
    const wrapped = '554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>';
    expect(await codesOf(dsnReport('5.4.7', wrapped))).toEqual(['user@example.net', '421', '4.4.2']);
    // A multi-line reply is one reply: its continuation lines repeat the same code.
    expect(replyCodeInText('550-5.7.1 first line 550-5.7.1 second line 550 5.7.1 last line')).toBe('550');
  });

  it('reports no reply code where the text gives only a status (5.1.1) or none at all (X-Notes)', async () => {
    expect(await codesOf(dsnReport('5.1.1', '5.1.1 mailbox unheard of'))).toEqual(['user@example.net', '', '5.1.1']);
    const notes = dsnReport('5.0.0', 'User user (user@example.net) not listed in Domino Directory', { diagnosticType: 'X-Notes' });
    expect((await codesOf(notes))[1]).toBe('');
  });
});

describe('numbers that are not a reply code', () => {
  it('takes none from a port, an IP address, a date or a queue id', () => {
    expect(replyCodeInText('connect to mx.example.net[192.0.2.1]:25: Connection refused')).toBe('');
    expect(replyCodeInText('connect to mx.example.net[192.0.2.1]:465: Connection timed out')).toBe('');
    expect(replyCodeInText('lost connection with mx.example.net[203.0.113.45] while sending RCPT TO')).toBe('');
    expect(replyCodeInText('Date: Tue, 1 Dec 2026 04:51:55 +0000; queued as 4551A2B3C4')).toBe('');
    expect(replyCodeInText('Message 1tXyZ5-000450-AB was frozen')).toBe('');
  });

  it('takes none from a size, a time or a count ("500 bytes", "450 seconds", "500 recipients per day")', () => {
    expect(replyCodeInText('message size 52428800 exceeds size limit 500 bytes of server')).toBe('');
    expect(replyCodeInText('conversation timed out after 450 seconds while sending message body')).toBe('');
    expect(replyCodeInText('daily limit of 500 recipients per day reached')).toBe('');
    expect(replyCodeInText('attachment over 550 KB')).toBe('');
  });

  it('takes none from a URL, and never makes a reply code of a "#5.1.1" status', () => {
    expect(replyCodeInText('5.7.1 see https://example.org/errors/550 for details')).toBe('');
    expect(replyCodeInText('see https://example.org/help?code=550 first')).toBe('');
    expect(replyCodeInText('Sorry, no mailbox here by that name. (#5.1.1)')).toBe('');
    expect(replyCodeInText('ticket #451 opened')).toBe('');
  });

  it('still reads a real reply whose text starts with such a word, or one after a number that was not one', () => {
    expect(replyCodeInText('550 Message rejected as spam')).toBe('550');
    expect(replyCodeInText('550 recipient rejected')).toBe('550');
    expect(replyCodeInText('limit 500 bytes; host said: 552 5.3.4 message too big')).toBe('552');
  });
});

describe('the status code reported when the DSN and the text disagree', () => {
  // The rule kept: the status inside the remote server's reply (the Diagnostic-Code) wins
  // over the reporting MTA's Status field whenever the two differ, not only when Status is a
  // placeholder; the trail says so ("dsn:Diagnostic-Code ...").
  it("takes the remote reply's status over a placeholder Status", async () => {
    const r = (await classify(dsnReport('5.0.0', '550 5.2.1 mailbox disabled'))).recipients[0];
    expect([r.enhancedCode, r.decidedBy]).toEqual(['5.2.1', expect.arrayContaining(['dsn:Diagnostic-Code 5.2.1'])]);
  });

  it("takes the remote reply's status over the relay's own summary code as well", async () => {
    const r = (await classify(dsnReport('5.1.1', '550 5.7.1 message refused by policy'))).recipients[0];
    expect(r.enhancedCode).toBe('5.7.1');
  });

  it("keeps the Status field when the text's only dotted number is a version or a date", async () => {
    expect(statusInText('554 mx.example.net ESMTP Exim 4.96.2 refuses this host')).toBe('');
    expect(statusInText('mailbox closed on 4.12.26 by its owner')).toBe('');
    const r = (await classify(dsnReport('5.7.1', '554 mx.example.net ESMTP Exim 4.96.2 refuses this host'))).recipients[0];
    expect(r.enhancedCode).toBe('5.7.1');
  });

  it('keeps the Status field when the text holds no status', async () => {
    expect((await classify(dsnReport('5.2.2', '552 mailbox over its limit'))).recipients[0].enhancedCode).toBe('5.2.2');
  });
});

describe('servers that answer in other scripts', () => {
  it('reads a delivery-status part written in UTF-8 once, keeping Cyrillic words whole', async () => {
    const c = await classify(dsnReport('5.2.2', '552 5.2.2 Ящик переполнен'));
    expect(c.recipients[0]).toMatchObject({ replyCode: '552', enhancedCode: '5.2.2', diagnostic: '552 5.2.2 Ящик переполнен' });
  });

  it('reads a message/global-delivery-status part as UTF-8 whatever charset it is labelled with', async () => {
    const raw = dsnReport('5.1.1', '550 5.1.1 用户不存在')
      .toString('utf8')
      .replace('Content-Type: message/delivery-status', 'Content-Type: message/global-delivery-status; charset=iso-8859-1');
    const c = await classify(Buffer.from(raw, 'utf8'));
    expect(c.recipients[0]).toMatchObject({ replyCode: '550', diagnostic: '550 5.1.1 用户不存在', reason: 'userunknown' });
  });

  it('reads the reply code before words in any script, so a bare 552 still says the mailbox is full', async () => {
    expect(replyCodeInText('Remote host said: 552 Ящик переполнен')).toBe('552');
    expect(replyCodeInText('host mx.example.net said: 550 用户不存在')).toBe('550');
    const c = await classify(qmailBounce(['Remote host said: 552 Ящик переполнен', 'Giving up on 192.0.2.1.']));
    expect(c.recipients[0]).toMatchObject({ address: 'user@example.net', replyCode: '552', reason: 'mailboxfull', bounceType: 'soft' });
  });
});

describe('a Diagnostic-Code written in ISO-2022-JP', () => {
  it('reads the Japanese words of an unlabelled delivery-status part, escapes and all', async () => {
    // Domino's Japanese text for an address not in its directory, as ISO-2022-JP bytes (7-bit, ESC sequences).
    const jis = '\x1b$B%f!<%6!<\x1b(B (user@example.net) \x1b$B$O\x1b(B Domino \x1b$B%G%#%l%/%H%j$K$O8+$D$+$j$^$;$s!#\x1b(B';
    const c = await classify(dsnReport('5.0.0', jis, { diagnosticType: 'X-Notes' }));
    expect(c.recipients[0]).toMatchObject({
      diagnostic: 'ユーザー (user@example.net) は Domino ディレクトリには見つかりません。',
      reason: 'userunknown',
    });
  });
});

describe('8-bit text with no charset', () => {
  it('reads Latin-1 words in an unlabelled delivery-status part as Latin-1, not as broken UTF-8', async () => {
    // The same report, its text written in Latin-1 bytes (î is one byte, 0xEE).
    const latin1 = Buffer.from(dsnReport('5.0.0', '550 Boîte aux lettres pleine').toString('utf8'), 'latin1');
    const c = await classify(latin1);
    expect(c.recipients[0]).toMatchObject({ diagnostic: '550 Boîte aux lettres pleine', reason: 'mailboxfull' });
  });

  it('still reads valid UTF-8 in the same place as UTF-8', async () => {
    const c = await classify(dsnReport('5.0.0', '550 Boîte aux lettres pleine'));
    expect(c.recipients[0]).toMatchObject({ diagnostic: '550 Boîte aux lettres pleine', reason: 'mailboxfull' });
  });
});
