import { describe, expect, it } from 'vitest';
import { classify, classifySync } from '../../src/core/classify.ts';
import { MAX_MESSAGE_BYTES } from '../../src/core/mime.ts';

describe('unreadable and hostile input', () => {
  it('gives an error result, not a throw, for an empty message', async () => {
    const c = await classify(Buffer.alloc(0));
    expect(c).toMatchObject({ kind: 'not-bounce', recipients: [] });
    expect(c.error).toMatch(/empty/);
  });

  it('gives an error result for binary garbage', () => {
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const c = classifySync(garbage);
    expect(c.kind).toBe('not-bounce');
    expect(c.recipients).toEqual([]);
    expect(c.error).toMatch(/not an email message/);
  });

  it('gives an error result when the input is not a buffer', () => {
    expect(classifySync('text' as unknown as Buffer).error).toMatch(/not a byte buffer/);
  });

  it('survives malformed MIME: unterminated multipart, missing boundary, absurd nesting', () => {
    let nested = 'From: MAILER-DAEMON@x.example\nSubject: Undelivered\nContent-Type: multipart/mixed; boundary="b0"\n\n';
    for (let i = 1; i < 200; i++) nested += `--b${i - 1}\nContent-Type: multipart/mixed; boundary="b${i}"\n\n`;
    for (const raw of [
      nested,
      'Content-Type: multipart/report; boundary=\n\n--\n',
      'Content-Type: multipart/mixed; boundary="q"\n\n--q\nContent-Type: message/rfc822\n\n',
    ]) {
      const c = classifySync(Buffer.from(raw));
      expect(c.kind).toBe('not-bounce');
    }
  });

  it('classifies a 20 MB message by reading only its bounded head', () => {
    const head =
      'From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail Returned to Sender\n\n<kim@example.com>: host mx said: 550 5.1.1 User unknown\n\n--- Below this line is a copy of the message.\n\nSubject: big\n\n';
    const raw = Buffer.concat([Buffer.from(head), Buffer.alloc(20 * 1024 * 1024, 'a')]);
    const c = classifySync(raw);
    expect(c.recipients[0]).toMatchObject({ address: 'kim@example.com', reason: 'userunknown' });
    // Speed is the benchmarks' business; the bound is what keeps it cheap: nothing past the
    // first MAX_MESSAGE_BYTES changes the answer.
    expect(c).toEqual(classifySync(raw.subarray(0, MAX_MESSAGE_BYTES)));
  });

  it('keeps a header line of a megabyte from stalling the scan', () => {
    const raw = Buffer.from('Subject: ' + 'x'.repeat(1024 * 1024) + '\nFrom: a@example.org\n\nhello\n');
    expect(classifySync(raw).kind).toBe('not-bounce');
  });

  it('reads an Amazon SES notification with absurdly nested or unterminated JSON as no event, without a throw', () => {
    const head = 'From: no-reply@sns.amazonaws.com\nSubject: AWS Notification Message\n\n';
    for (const body of [
      '{"notificationType":"Bounce","bounce":' + '['.repeat(200000) + '}',
      '{"notificationType":"Bounce","x":"' + 'y'.repeat(300000),
    ]) {
      const c = classifySync(Buffer.from(head + body));
      expect(c.error).toBeUndefined();
      expect(c.recipients.filter((r) => r.decidedBy.some((d) => d.startsWith('ses:')))).toEqual([]);
    }
  });
});
