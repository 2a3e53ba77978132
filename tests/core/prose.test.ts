// Notices written for people: how the sections of an Exchange / Microsoft 365 notice are read.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { namesAddress, undoOctalEscapes } from '../../src/core/prose.ts';

/** An Exchange-style notice: the recipients for the sender, then the administrators' section. */
function exchangeNotice(top: string[], admin: string[]): Buffer {
  return Buffer.from(
    [
      'From: Microsoft Outlook <postmaster@relay.example.net>',
      'To: sender@example.org',
      'Subject: Undeliverable: hello',
      'Content-Type: text/plain; charset=utf-8',
      '',
      "Your message couldn't be delivered to these recipients:",
      '',
      ...top.flatMap((line) => [line, '']),
      'Diagnostic information for administrators:',
      '',
      'Generating server: gen.relay.example.net',
      '',
      ...admin.flatMap((line) => [line, '']),
      'Original message headers:',
      '',
      'From: sender@example.org',
      'To: someone@example.com',
      '',
    ].join('\n'),
  );
}

describe("an Exchange notice's administrators' section", () => {
  it("gives the remote server's reply to the recipient named above it, also when it spells the address as routed", async () => {
    const c = await classify(
      exchangeNotice(
        ['jane@example.com  The recipient could not be reached; please try again later.'],
        ["jane@tenant.mail.example.com mx.example.com Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'"],
      ),
    );
    expect(c.recipients.map((r) => [r.address, r.enhancedCode, r.replyCode, r.reason, r.bounceType])).toEqual([
      ['jane@example.com', '5.1.10', '550', 'userunknown', 'hard'],
    ]);
  });

  it('joins each recipient with its own reply when the section names them in the same spelling', async () => {
    const c = await classify(
      exchangeNotice(
        ['ann@example.com', 'bob@example.com'],
        [
          "ann@example.com mx.example.com Remote Server returned '550 5.1.1 User unknown'",
          "bob@example.com mx.example.com Remote Server returned '552 5.2.2 Mailbox full'",
        ],
      ),
    );
    expect(c.recipients.map((r) => [r.address, r.enhancedCode, r.reason])).toEqual([
      ['ann@example.com', '5.1.1', 'userunknown'],
      ['bob@example.com', '5.2.2', 'mailboxfull'],
    ]);
  });

  it('keeps an address of that section as a recipient of its own when the two sections do not pair one to one', async () => {
    const c = await classify(
      exchangeNotice(
        ['ann@example.com  User unknown'],
        [
          "ann2@example.com mx.example.com Remote Server returned '550 5.1.1 User unknown'",
          "bob2@example.com mx.example.com Remote Server returned '550 5.1.1 User unknown'",
        ],
      ),
    );
    expect(c.recipients.map((r) => r.address)).toEqual(['ann@example.com', 'ann2@example.com', 'bob2@example.com']);
  });
});

describe('internationalised addresses in a notice written for people', () => {
  const notice = (body: string[]) =>
    Buffer.from(
      [
        'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
        'To: sender@example.org',
        'Subject: Mail delivery failed: returning message to sender',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'A message that you sent could not be delivered to one or more of its',
        'recipients. This is a permanent error. The following address(es) failed:',
        '',
        ...body,
      ].join('\n'),
    );

  it("reads Exim's octal escapes of a UTF-8 address back into the address", async () => {
    const c = await classify(
      notice(['  j\\303\\274rgen@example.de', '    550 5.1.1 <j\\303\\274rgen@example.de>: Recipient address rejected: User unknown']),
    );
    expect(c.recipients.map((r) => [r.address, r.reason])).toEqual([['jürgen@example.de', 'userunknown']]);
  });

  it('leaves escapes that are not whole UTF-8 as they are', () => {
    expect(undoOctalEscapes('a\\303b and \\303\\274')).toBe('a\\303b and ü');
    expect(undoOctalEscapes('\\377\\376')).toBe('\\377\\376');
  });

  it('takes Latin letters with marks into an address, never the Japanese words written against it', async () => {
    const latin = await classify(notice(['  josé.müller@example.es', '    550 5.1.1 User unknown']));
    expect(latin.recipients.map((r) => r.address)).toEqual(['josé.müller@example.es']);
    expect(namesAddress('宛先kim@example.jp は存在しません', 'kim@example.jp')).toBe(true);
    expect(namesAddress('Empfänger:jürgen@example.de', 'jürgen@example.de')).toBe(true);
    // A quoted local part with a quoted-pair, read as the report fields read it (address.ts).
    expect(namesAddress('Recipient: "a\\"b"@example.org', '"a\\"b"@example.org')).toBe(true);
  });
});
