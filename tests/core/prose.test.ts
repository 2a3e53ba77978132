// Notices written for people: how the sections of an Exchange / Microsoft 365 notice are read.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';

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
