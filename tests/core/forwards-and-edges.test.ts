// Bounces passed on by people and ticket systems, and the edges a third review found in this
// session's rules: a forward of a delivery system's notice is that notice, a person's reply
// quoting one is a letter; a boilerplate guess after the cause does not erase it; localised
// statements read across the dots of an address; an SES Transient bounce is never hard; a
// second reply after a multi-line one keeps its own code.

import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { EXCHANGE_NOTICE_TEXT } from './notice-builders.ts';
import { matchReason, normaliseForRules } from '../../src/core/rules/compile.ts';
import type { Classification } from '../../src/core/types.ts';
import { sesTransientUserUnknown } from './ses-mail.ts';

const message = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n');
/** What a user sees: the kind and, per recipient, the address, reason and hard/soft. */
const seen = (c: Classification) => [c.kind, c.recipients.map((r) => [r.address, r.reason, r.bounceType])];

/** Exchange's notice as a person's mail client quotes it under its own headers. */
const EXCHANGE_NOTICE = EXCHANGE_NOTICE_TEXT;

const person = (subject: string, body: readonly string[]) =>
  message(
    'From: Anna Agent <anna@shop.example>',
    'To: bounces@shop.example',
    `Subject: ${subject}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...body,
  );

describe('a delivery notice passed on by a person or a ticket system', () => {
  it("reads Outlook's forward of an NDR (FW:, its underscore line and From:/Sent: lines) as the notice it carries", async () => {
    const c = await classify(
      person('FW: Undeliverable: Your weekly offers', [
        'FYI',
        '',
        '________________________________',
        'From: Microsoft Outlook <postmaster@contoso.example>',
        'Sent: Tuesday, December 1, 2026 9:00 AM',
        'To: Shop News <news@shop.example>',
        'Subject: Undeliverable: Your weekly offers',
        '',
        ...EXCHANGE_NOTICE,
      ]),
    );
    expect(seen(c)).toEqual(['bounce', [['bob@contoso.example', 'userunknown', 'hard']]]);
  });

  it('reads a German ticket system\'s "WG: Unzustellbar:" forward of the same notice', async () => {
    const c = await classify(
      person('WG: Unzustellbar: Ihre Bestellung', [
        'Siehe unten.',
        '',
        '-----Ursprüngliche Nachricht-----',
        'Von: postmaster@contoso.example',
        '',
        ...EXCHANGE_NOTICE,
      ]),
    );
    expect(seen(c)).toEqual(['bounce', [['bob@contoso.example', 'userunknown', 'hard']]]);
  });

  it('reads a ticket system\'s forward that quotes the notice with "> " for the failed address alone, never the quoted To:', async () => {
    const c = await classify(
      message(
        'From: Helpdesk <support@shop.example>',
        'To: bounces@shop.example',
        'Subject: Fwd: [Ticket#123] Mail delivery failed: returning message to sender',
        '',
        'Ticket #123 was forwarded by agent Anna.',
        '',
        '> From: Mail Delivery System <Mailer-Daemon@mx.shop.example>',
        '> Subject: Mail delivery failed: returning message to sender',
        '> To: news@shop.example',
        '>',
        '> This message was created automatically by mail delivery software.',
        '>',
        '> A message that you sent could not be delivered to one or more of its',
        '> recipients. This is a permanent error. The following address(es) failed:',
        '>',
        '>   bob@contoso.example',
        '>     SMTP error from remote mail server after RCPT TO:<bob@contoso.example>:',
        '>     550 5.1.1 <bob@contoso.example>: User unknown',
      ),
    );
    expect(seen(c)).toEqual(['bounce', [['bob@contoso.example', 'userunknown', 'hard']]]);
  });

  it("reads Outlook's forward of Exchange Online's NDR, its sender shown as Microsoft Outlook, and a German one whose notice is German", async () => {
    const outlook = person('FW: Undeliverable: Your newsletter', [
      'FYI, see below.',
      '',
      '________________________________',
      'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>',
      'Sent: Monday, December 1, 2026 10:00 AM',
      'Subject: Undeliverable: Your newsletter',
      '',
      ...EXCHANGE_NOTICE,
    ]);
    const german = person('WG: Unzustellbar: Ihr Newsletter', [
      'Bitte austragen.',
      '',
      '________________________________',
      'Von: postmaster@contoso.example',
      'Betreff: Unzustellbar: Ihr Newsletter',
      '',
      'Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:',
      '',
      'bob@contoso.example',
      'Die eingegebene E-Mail-Adresse wurde nicht gefunden.',
      '',
      'Diagnoseinformationen für Administratoren:',
      '',
      'bob@contoso.example',
      "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
    ]);
    for (const raw of [outlook, german])
      expect(seen(await classify(raw))).toEqual(['bounce', [['bob@contoso.example', 'userunknown', 'hard']]]);
  });

  it("reads a person's forward of a list post or a parcel service's mail as a letter, whatever words it quotes", async () => {
    const listPost = person('Fwd: [list] Delivery failure on my server', [
      'Begin forwarded message:',
      '',
      'From: bob@x.example',
      'Subject: [list] Delivery failure on my server',
      '',
      'Mail to joe@y.example could not be delivered: 550 5.1.1 user unknown',
      'Any idea?',
    ]);
    const parcel = person('Fwd: Your shipment could not be delivered', [
      '---------- Forwarded message ---------',
      'From: Parcel Service <info@parcel.example>',
      'Subject: Your shipment could not be delivered',
      '',
      'Dear customer, your shipment 00340434 for anna.b@gmx.example could not be delivered: recipient unknown at this address.',
    ]);
    const newDate = person('Fwd: Undelivered package, new date', [
      'fyi',
      '',
      'Your package for anna.b@gmx.example could not be delivered today. New attempt 4.12.26 between 9-12.',
    ]);
    for (const raw of [listPost, parcel, newDate]) expect(seen(await classify(raw))).toEqual(['not-bounce', []]);
  });

  it("reads a person's reply quoting a notice as a letter: the quoted recipient is not a bounce", async () => {
    const c = await classify(
      message(
        'From: Bob <bob@partner.example>',
        'To: bounces@shop.example',
        'Subject: RE: Undeliverable: meeting',
        '',
        'Hi, I got this undeliverable notice, is your address right?',
        '',
        '-----Original Message-----',
        'From: postmaster@partner.example',
        'Subject: Undeliverable: meeting',
        '',
        'Delivery has failed to these recipients or groups:',
        'alice@shop.example',
        "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
      ),
    );
    expect(seen(c)).toEqual(['not-bounce', []]);
  });
});

describe('the cause a notice names', () => {
  const daemonNotice = (subject: string, text: readonly string[]) =>
    message(
      'From: Mail Delivery System <MAILER-DAEMON@mx.provider.example>',
      'To: bounces@shop.example',
      `Subject: ${subject}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="BB"',
      '',
      '--BB',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      ...text,
      '',
      '--BB',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.provider.example',
      '',
      'Final-Recipient: rfc822; bob@remote.example',
      'Action: failed',
      'Status: 5.0.0',
      '',
      '--BB--',
    );

  it('keeps a full mailbox when the same paragraph ends with "If you believe this is an error"', async () => {
    const c = await classify(
      daemonNotice('Mail delivery failed', [
        'Your message to <bob@remote.example> could not be delivered.',
        '',
        "The recipient's mailbox is full and can't accept messages now. If you believe this is an error, please contact your administrator.",
      ]),
    );
    expect(seen(c)).toEqual(['bounce', [['bob@remote.example', 'mailboxfull', 'soft']]]);
  });

  it('names no cause when the words before the guess only list possible ones', async () => {
    const c = await classify(
      daemonNotice('Mail delivery failed', [
        'Your message to <bob@remote.example> could not be delivered.',
        '',
        'The recipient does not exist or is over quota. If you think this is wrong, contact your administrator.',
      ]),
    );
    expect(seen(c)).toEqual(['bounce', [['bob@remote.example', 'onhold', 'soft']]]);
  });

  it('keeps a cause named in two words, or followed by an instruction with "or", and names none for a hedged guess', async () => {
    const read = async (line: string) =>
      seen(
        await classify(daemonNotice('Mail delivery failed', ['Your message to <bob@remote.example> could not be delivered.', '', line])),
      );
    expect(
      await read('The account has been disabled or discontinued. If you believe this is an error, contact your administrator.'),
    ).toEqual(['bounce', [['bob@remote.example', 'suspend', 'soft']]]);
    expect(
      await read(
        "The recipient's mailbox is full. Please try again later or contact the recipient. If you believe this is an error, write to us.",
      ),
    ).toEqual(['bounce', [['bob@remote.example', 'mailboxfull', 'soft']]]);
    expect(
      await read('Perhaps the mailbox is full, the server did not say. If you believe this is an error, contact your administrator.'),
    ).toEqual(['bounce', [['bob@remote.example', 'onhold', 'soft']]]);
  });

  it('reads a French statement whose address has dots in it, with a subject that says nothing', async () => {
    const c = await classify(
      message(
        'From: Mail Delivery System <MAILER-DAEMON@mx.provider.example>',
        'To: bounces@shop.example',
        'Subject: Notification',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        "Votre message à bob@remote.example n'a pas pu être remis.",
        '',
        'La boîte aux lettres du destinataire est pleine.',
      ),
    );
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => r.address)).toEqual(['bob@remote.example']);
  });
});

describe('Amazon SES bounceType Transient', () => {
  it('is never hard, even over the server\'s "550 5.1.1 User unknown"', async () => {
    const c = await classify(sesTransientUserUnknown('bob@remote.example'));
    expect(seen(c)).toEqual(['bounce', [['bob@remote.example', 'userunknown', 'soft']]]);
  });
});

describe("a rule's prefilter", () => {
  it("never skips a phrase of T-Online's block-list rule that lacks the other phrase's words", () => {
    expect(
      matchReason('554 IP=192.0.2.1 - Sender rejected. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)')
        ?.id,
    ).toBe('blocked/t-online-ip');
  });
});

describe('a second reply after a multi-line one', () => {
  it("keeps its own code and status when it differs from the first reply's", () => {
    expect(normaliseForRules('550-5.7.1 Message refused by policy 550-5.7.1 see our page 550 5.1.1 user unknown')).toBe(
      '550-5.7.1 message refused by policy see our page 550 5.1.1 user unknown',
    );
    // A hyphen line is the same reply whatever status it carries.
    expect(normaliseForRules('550-5.1.1 the mailbox 550-is gone 550 5.1.1 for good')).toBe('550-5.1.1 the mailbox is gone for good');
  });
});
