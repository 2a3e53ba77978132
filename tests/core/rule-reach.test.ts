// Each new rule fires only where its source says it is written: a reviewer's inputs from other
// servers and contexts, where a rule added for one MTA's text had reached too far.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { dsnReport } from './dsn-report.ts';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';

async function answers(raw: Buffer) {
  const c = await classify(raw);
  return { kind: c.kind, recipients: c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode]) };
}

describe('the failed address: Final-Recipient or Original-Recipient', () => {
  it('keeps the member of a Postfix alias (bob@localhost) as the failed address, not the alias it was expanded from', async () => {
    // Postfix writes the alias's own address in Original-Recipient (enable_original_recipient,
    // on by default) and "(expanded from <alias>)" in its text: the alias is not the mailbox
    // that failed, and suppressing it would stop mail to every other member.
    const raw = Buffer.from(
      postfixNotice('failed', [{ address: 'bob@localhost', status: '5.1.1', reason: 'unknown user: "bob"' }])
        .toString('latin1')
        .replace('<bob@localhost>: unknown user', '<bob@localhost> (expanded from <info@example.com>): unknown user')
        .replace('Original-Recipient: rfc822;bob@localhost', 'Original-Recipient: rfc822;info@example.com'),
      'latin1',
    );
    expect(await answers(raw)).toEqual({ kind: 'bounce', recipients: [['bob@localhost', 'userunknown', 'hard', '5.1.1', '']] });
  });
});

describe("Postfix's words for a command's exit status", () => {
  it('are a mailer error under the diagnostic type x-unix', async () => {
    expect(await answers(dsnReport('5.0.0', 'service unavailable', { diagnosticType: 'x-unix' }))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'mailererror', 'soft', '5.0.0', '']],
    });
  });

  it('are not a mailer error from an SMTP server or in a Status comment', async () => {
    expect(await answers(dsnReport('5.0.0', 'Service unavailable'))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'systemerror', 'soft', '5.0.0', '']],
    });
    expect(await answers(dsnReport('5.0.0', 'Permission denied'))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'onhold', 'soft', '5.0.0', '']],
    });
    expect(await answers(dsnReport('5.0.0 (service unavailable)', ''))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'systemerror', 'soft', '5.0.0', '']],
    });
  });
});

describe("Sendmail's \"Unbalanced '<'\"", () => {
  it('is an address broken in the command after a reply code', async () => {
    expect(await answers(dsnReport('5.1.3', "553 5.1.3 <a@example.net>... Unbalanced '<'"))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'syntaxerror', 'soft', '5.1.3', '553']],
    });
  });

  it("is not a header check's complaint about a comment in From:", async () => {
    expect(await answers(dsnReport('5.6.0', "554 5.6.0 Header From: unbalanced '(' in comment"))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'contenterror', 'soft', '5.6.0', '554']],
    });
  });
});

describe("a status made of the reply code's digits", () => {
  it('decides by its class only where the notice says the reply had none (Stalwart\'s "(0.0.0)"), not for another MTA\'s real 5.2.1', async () => {
    // A 5.2.1 beside AOL's 521 is the reporting MTA's own status: a disabled mailbox, soft;
    // read by its class it would leave the 521 to decide (notaccept, hard).
    expect(await answers(dsnReport('5.2.1', '521 : AOL will not accept delivery of this message.'))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'suspend', 'soft', '5.2.1', '521']],
    });
    expect(await answers(dsnReport('5.5.4', '554 Transaction failed'))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'syntaxerror', 'soft', '5.5.4', '554']],
    });
  });
});

describe('Courier\'s "550 User unknown."', () => {
  it("is any server's generic reply outside Courier's notice: after DATA a filter's (rule 6)", async () => {
    const raw = postfixNotice('failed', [postfixRemote('user@example.net', '5.0.0', '550 User unknown.', 'end of DATA')]);
    expect(await answers(raw)).toEqual({ kind: 'bounce', recipients: [['user@example.net', 'filtered', 'soft', '5.0.0', '550']] });
  });
});

describe("IndiMail's smarthost login failures", () => {
  it('are read only after its "Connected to <host> but", never inside another reply', async () => {
    expect(await answers(dsnReport('5.1.1', '550 5.1.1 No such user here, but authentication required (see docs)'))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'userunknown', 'hard', '5.1.1', '550']],
    });
  });
});
