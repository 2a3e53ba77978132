// A notice that names several failed recipients reads each of them as it reads one alone:
// the notice's heading and the recipient's own lines, in the order written, without the
// other recipients' lines (prose.ts, textOutsideBlocks). A wording that spans the heading
// and the recipient's block must not be lost because a second address stands between them.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { multipartReport } from './notice-builders.ts';
import { RETURNED_MESSAGE } from './dsn-report.ts';

const FRAME = { returned: RETURNED_MESSAGE, textType: 'Content-Type: text/plain; charset="UTF-8"' };
const MESSAGELABS = 'Mail Delivery System <MAILER-DAEMON@messagelabs.com>';

// Symantec Email Security.cloud's (MessageLabs') notice: its heading, then per address the
// address and "Reason: " with the remote's reply (the layout of its own notice, quoted in
// src/core/rules/providers/messagelabs.ts).
const messageLabsLines = (addresses: readonly string[]) => [
  'This is the mail delivery agent at Symantec Email Security.cloud.',
  '',
  'I was unable to deliver your message to the following addresses:',
  '',
  ...addresses.flatMap((a) => [a, '', `Reason: 550 ${a}... No such user`, '']),
  'The message subject was: Invoice 2026-114',
  'The message date was: Tue, 01 Dec 2026 09:12:44 +0000',
  '',
  'Please do not reply to this email as it is sent from an unattended mailbox.',
];
const messageLabsGroup = (a: string) => [
  'Action: failed',
  'Status: 5.0.0',
  'Remote-MTA: dns; mail.example.net',
  `Diagnostic-Code: smtp; 550 ${a}... No such user`,
  `Final-Recipient: rfc822; ${a}`,
];

async function answers(raw: Buffer) {
  const c = await classify(raw);
  return { kind: c.kind, recipients: c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode]) };
}

describe('a notice naming several failed recipients', () => {
  const one = ['ann@example.net'];
  const two = ['ann@example.net', 'bob@example.net'];

  it("reads each of MessageLabs' recipients as unknown, as it reads one alone", async () => {
    const alone = await answers(
      multipartReport(FRAME, MESSAGELABS, 'Mail Delivery Failure', messageLabsLines(one), one.map(messageLabsGroup)),
    );
    expect(alone).toEqual({ kind: 'bounce', recipients: [['ann@example.net', 'userunknown', 'hard', '5.0.0', '550']] });
    const both = await answers(
      multipartReport(FRAME, MESSAGELABS, 'Mail Delivery Failure', messageLabsLines(two), two.map(messageLabsGroup)),
    );
    expect(both).toEqual({
      kind: 'bounce',
      recipients: [
        ['ann@example.net', 'userunknown', 'hard', '5.0.0', '550'],
        ['bob@example.net', 'userunknown', 'hard', '5.0.0', '550'],
      ],
    });
  });

  it('reads them the same from the text alone, without the report part', async () => {
    const raw = Buffer.from(
      [
        `From: ${MESSAGELABS}`,
        'To: sender@example.com',
        'Subject: Mail Delivery Failure',
        'Content-Type: text/plain; charset="UTF-8"',
        '',
        ...messageLabsLines(two),
        '',
      ].join('\n'),
    );
    expect(await answers(raw)).toEqual({
      kind: 'bounce',
      recipients: [
        ['ann@example.net', 'userunknown', 'hard', '5.0.0', '550'],
        ['bob@example.net', 'userunknown', 'hard', '5.0.0', '550'],
      ],
    });
  });

  it("never lends one recipient's reply to another", async () => {
    // bob's mailbox is full; ann's does not exist: each keeps its own reason in the shared layout.
    const lines = messageLabsLines(['ann@example.net']).flatMap((l) =>
      l.startsWith('The message subject') ? ['bob@example.net', '', 'Reason: 552 bob@example.net... Mailbox full', '', l] : [l],
    );
    const groups = [
      messageLabsGroup('ann@example.net'),
      messageLabsGroup('bob@example.net').map((f) =>
        f.startsWith('Diagnostic-Code') ? 'Diagnostic-Code: smtp; 552 bob@example.net... Mailbox full' : f,
      ),
    ];
    expect(await answers(multipartReport(FRAME, MESSAGELABS, 'Mail Delivery Failure', lines, groups))).toEqual({
      kind: 'bounce',
      recipients: [
        ['ann@example.net', 'userunknown', 'hard', '5.0.0', '550'],
        ['bob@example.net', 'mailboxfull', 'soft', '5.0.0', '552'],
      ],
    });
  });
});
