// A mail gateway appends its footer to every message it passes, the bounce notices it relays
// too ("This email has been scanned for spam and viruses ... report this email as spam"). Its
// words are about every message, not this failure: they never give a recipient a reason
// (rules/notice.ts, GATEWAY_FOOTER_PHRASES; prose.ts, withoutGatewayFooters). A paragraph that
// says the scan refused this message is no footer and still decides.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { withoutGatewayFooters } from '../../src/core/prose.ts';
import { GATEWAY_FOOTER_LINES } from '../../tools/corpus/invariance.ts';
import { plainBounce } from './plain-bounces.ts';

async function answers(raw: Buffer) {
  const c = await classify(raw);
  return { kind: c.kind, recipients: c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode]) };
}

const withFooter = (lines: readonly string[], footer: readonly string[] = GATEWAY_FOOTER_LINES) => [...lines, ...footer];

// A Sendmail-style notice whose transcript names nothing but the remote's bare 550.
const BARE_REFUSAL = [
  'The original message was received at Tue, 1 Dec 2026 09:12:44 +0000',
  '',
  '   ----- The following addresses had permanent fatal errors -----',
  '<user@example.net>',
  '    (reason: 550 Requested action not taken)',
];
const bareRefusal = (lines: readonly string[]) =>
  plainBounce(
    'Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
    'Returned mail: see transcript for details',
    lines,
    '   ----- Original message follows -----',
  );
const BARE_ANSWER = { kind: 'bounce', recipients: [['user@example.net', 'onhold', 'soft', '5.0.0', '550']] };

describe("a gateway's footer under a notice", () => {
  it('reads a bare refusal, without a footer, as naming no cause', async () => {
    expect(await answers(bareRefusal(BARE_REFUSAL))).toEqual(BARE_ANSWER);
  });

  it("never makes a bare refusal spam for Proofpoint Essentials' and MailScanner's footers", async () => {
    expect(await answers(bareRefusal(withFooter(BARE_REFUSAL)))).toEqual(BARE_ANSWER);
  });

  it("reads Symantec Email Security.cloud's, AVG's and Avast's footers as footers too", async () => {
    const footer = [
      '',
      'This email has been scanned by the Symantec Email Security.cloud service.',
      'For more information please visit http://www.symanteccloud.com',
      '',
      'No virus found in this message.',
      'Checked by AVG - www.avg.com',
      '',
      'This e-mail was scanned for viruses by the gateway.',
      '',
      'Virus-free. www.avast.com',
    ];
    expect(await answers(bareRefusal(withFooter(BARE_REFUSAL, footer)))).toEqual(BARE_ANSWER);
  });

  it('reads MailScanner\'s footer right under its "-- " separator, with no blank line above', async () => {
    const footer = [
      '-- ',
      'This message has been scanned for viruses and',
      'dangerous content by MailScanner, and is believed to be clean.',
    ];
    expect(await answers(bareRefusal([...BARE_REFUSAL, ...footer]))).toEqual(BARE_ANSWER);
  });

  it('keeps a paragraph that says the scan refused this message, or names an address or a code', () => {
    const notice = (paragraph: string) => ['Delivery to the following recipient failed.', '', paragraph, ''].join('\n');
    for (const kept of [
      'This message has been scanned by the receiving gateway and was rejected as spam.',
      'This message has been scanned and identified as containing a virus.',
      'This message has been scanned for viruses: 554 5.7.1 refused by user@example.net.',
      'This email has been scanned by the gateway and its attachment invoice.exe was removed.',
      // A reviewer's refusals worded after a scan: each says what happened to this message.
      'This message has been scanned for spam and viruses and was found to be spam. It will not be delivered to the recipient.',
      'This message has been scanned by the gateway and was flagged as spam; delivery to the recipient was stopped.',
      'The message has been scanned and a virus (W32/Netsky.P) was found in it. The message has been held by the administrator.',
      'This message has been checked by our content filter and was returned to you as it is spam.',
      'This email has been scanned for viruses and malware. It was not accepted because it carries a virus.',
      "This e-mail has been scanned and it won't be delivered: it looks like spam.",
    ])
      expect(withoutGatewayFooters(notice(kept))).toBe(notice(kept));
    expect(withoutGatewayFooters(notice('This email has been scanned for spam and viruses by Proofpoint Essentials.'))).toBe(
      'Delivery to the following recipient failed.',
    );
  });

  it('reads the refusal in a scanned paragraph when the recipient names no cause', async () => {
    const lines = [...BARE_REFUSAL, '', 'This message has been scanned by the receiving gateway and was rejected as spam.'];
    expect(await answers(bareRefusal(lines))).toEqual({
      kind: 'bounce',
      recipients: [['user@example.net', 'spamdetected', 'soft', '5.0.0', '550']],
    });
  });
});
