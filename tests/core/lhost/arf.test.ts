import { describe, expect, it } from 'vitest';
import { classifySync } from '../../../src/core/classify.ts';
import { UNDISCLOSED_RECIPIENT } from '../../../src/core/lhost/arf.ts';

function arf(reportFields: string[], reportedHeaders: string[]): Buffer {
  return Buffer.from(
    [
      'From: fbl@isp.example',
      'To: abuse@example.com',
      'Subject: Abuse report',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'This is an email abuse report.',
      '',
      '--b',
      'Content-Type: message/feedback-report',
      '',
      ...reportFields,
      '',
      '--b',
      'Content-Type: message/rfc822',
      '',
      ...reportedHeaders,
      '',
      'Buy now',
      '--b--',
      '',
    ].join('\r\n'),
  );
}

describe('who complained, in an ARF feedback report (RFC 5965)', () => {
  it('names every Original-Rcpt-To recipient', () => {
    const c = classifySync(
      arf(
        ['Feedback-Type: abuse', 'User-Agent: x/1', 'Version: 1', 'Original-Rcpt-To: <a@example.org>', 'Original-Rcpt-To: b@example.net'],
        ['From: news@example.com', 'To: list@example.com', 'Subject: hi'],
      ),
    );
    expect(c.kind).toBe('complaint');
    expect(c.recipients.map((r) => r.address)).toEqual(['a@example.org', 'b@example.net']);
    expect(c.recipients[0].decidedBy).toContain('arf:Original-Rcpt-To');
  });

  it("falls back to the reported message's To when the report names nobody", () => {
    const c = classifySync(
      arf(['Feedback-Type: abuse', 'User-Agent: x/1', 'Version: 1'], ['From: news@example.com', 'To: <reader@example.org>', 'Subject: hi']),
    );
    expect(c.recipients.map((r) => r.address)).toEqual(['reader@example.org']);
  });

  it('reports the .invalid placeholder when neither the report nor the reported message names a recipient', () => {
    const c = classifySync(
      arf(
        ['Feedback-Type: abuse', 'User-Agent: x/1', 'Version: 1'],
        ['From: news@example.com', 'To: <Undisclosed Recipients>', 'Subject: hi'],
      ),
    );
    expect(c.kind).toBe('complaint');
    expect(c.recipients.map((r) => [r.address, r.reason])).toEqual([[UNDISCLOSED_RECIPIENT, 'feedback']]);
    expect(UNDISCLOSED_RECIPIENT).toMatch(/\.invalid$/);
  });

  it('names the Removal-Recipient of an opt-out report', () => {
    const c = classifySync(
      arf(
        ['Feedback-Type: opt-out', 'User-Agent: x/1', 'Version: 0.1', 'Removal-Recipient: leaver@example.org'],
        ['From: news@example.com', 'To: <Undisclosed Recipients>', 'Subject: hi'],
      ),
    );
    expect(c.recipients.map((r) => r.address)).toEqual(['leaver@example.org']);
  });
});
