// Cases the cross-check against the reference parser (tools/corpus/crosscheck.ts: Sisimai over
// the messages our own tests build) turned up where the reference's call follows the words
// better than ours did. Each case is built here from the server's own source text; none is a
// corpus sample.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { RecipientResult } from '../../src/core/types.ts';
import { dsnReport, type DsnReportOptions } from './dsn-report.ts';

async function decide(status: string, diagnostic: string, opts?: DsnReportOptions): Promise<RecipientResult> {
  const c = await classify(dsnReport(status, diagnostic, opts));
  expect(c.kind).toBe(opts?.action === 'delayed' ? 'delay' : 'bounce');
  expect(c.recipients).toHaveLength(1);
  return c.recipients[0];
}
const verdict = (r: RecipientResult) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode];

// Postfix's reject_unverified_recipient (src/smtpd/smtpd_check.c, check_verify_addr): with a
// 4xx reply code, whatever its probe found (pending, deferred, or bounced under the default
// unverified_recipient_reject_code = 450), it answers
//   "<%s>: %s rejected: unverified address: %.250s"  with the fixed status "4.1.1";
// the 4.1.1 is the check's code, not a finding about the mailbox. Only the probe's reason
// written after the words ("host ... said: 550 5.1.1 ... User unknown") names a cause.
describe("Postfix's unverified address: the 4.1.1 is the check's code, not a dead mailbox", () => {
  const BARE = '450 4.1.1 <user@example.net>: Recipient address rejected: unverified address';

  it('reads a bare "unverified address" refusal as nothing known: onhold, never hard', async () => {
    const r = await decide('4.1.1', `${BARE} (in reply to RCPT TO command)`);
    expect(verdict(r)).toEqual(['user@example.net', 'onhold', 'soft', '4.1.1', '450']);
  });

  it('calls an MTA giving up on it after its retries ("retry timeout exceeded") expired, soft', async () => {
    const r = await decide('4.1.1', `${BARE}: retry timeout exceeded`);
    expect(verdict(r)).toEqual(['user@example.net', 'expired', 'soft', '4.1.1', '450']);
  });

  it("keeps the cause the probe's reason names: its user unknown stays a hard userunknown", async () => {
    const r = await decide(
      '4.1.1',
      `${BARE}: host mx.example.net[192.0.2.1] said: 550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)`,
    );
    // The codes are the last reply/status pair's, the probe's (README, "Where the codes are read").
    expect(verdict(r)).toEqual(['user@example.net', 'userunknown', 'hard', '5.1.1', '550']);
  });

  it('reads a delay with the bare words as a delay, not an unknown user', async () => {
    const r = await decide('4.1.1', `${BARE} (in reply to RCPT TO command)`, { action: 'delayed' });
    expect(verdict(r)).toEqual(['user@example.net', 'onhold', 'none', '4.1.1', '450']);
  });
});
