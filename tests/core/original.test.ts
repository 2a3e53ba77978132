import { describe, expect, it } from 'vitest';
import { classifySync } from '../../src/core/classify.ts';
import { decodeVerp } from '../../src/core/original.ts';

const bounce = (returned: string[], notice = 'Delivery to the following recipient failed permanently.', extra: string[] = []) =>
  Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      'To: bounces+kim=example.com@bounce.example.org',
      'Subject: Undelivered Mail Returned to Sender',
      ...extra,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="x"',
      '',
      '--x',
      'Content-Type: text/plain',
      '',
      notice,
      '',
      '--x',
      'Content-Type: text/rfc822-headers',
      '',
      ...returned,
      '',
      '--x--',
      '',
    ].join('\n'),
  );

describe('the original message and VERP', () => {
  it('decodes a VERP address to the recipient it encodes', () => {
    expect(decodeVerp('bounces+kim=example.com@bounce.example.org')).toBe('kim@example.com');
    expect(decodeVerp('<bounces+j.doe=Sub.Example.COM@b.example>')).toBe('j.doe@sub.example.com');
    expect(decodeVerp('plain@example.org')).toBe('');
  });

  it('names the failed recipient from the VERP envelope recipient when the text names none', () => {
    const raw = bounce(['From: news@example.org', 'Message-ID: <n1@example.org>', 'Subject: News']);
    const c = classifySync(raw, { envelopeRecipients: ['bounces+kim=example.com@bounce.example.org'] });
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => r.address)).toEqual(['kim@example.com']);
    expect(c.recipients[0].decidedBy).toContain('verp');
  });

  it('names the failed recipient from a VERP Return-Path in the returned headers', () => {
    const raw = bounce(['Return-Path: <bounces+lee=example.net@bounce.example.org>', 'From: news@example.org', 'Subject: News']);
    expect(classifySync(raw).recipients.map((r) => r.address)).toEqual(['lee@example.net']);
  });

  it('reads Message-ID, From, To, Cc, Subject, Date and the tracking header from the returned headers', () => {
    const raw = bounce(
      [
        'From: News <news@example.org>',
        'To: kim@example.com',
        'Cc: a@example.com, b@example.com',
        'Subject: =?UTF-8?B?SGVsbG8g8J+Riw==?=',
        'Date: Mon, 1 Jan 2024 00:00:00 +0000',
        'Message-ID: <abc@example.org>',
        'X-Rebound-Mail-ID: mail-7',
        'X-Custom-Track: c-9',
      ],
      '<kim@example.com>: host mx.example.com said: 550 5.1.1 User unknown',
    );
    const c = classifySync(raw);
    expect(c.original).toEqual({
      messageId: 'abc@example.org',
      from: 'news@example.org',
      to: ['kim@example.com'],
      cc: ['a@example.com', 'b@example.com'],
      subject: 'Hello 👋',
      date: 'Mon, 1 Jan 2024 00:00:00 +0000',
      trackingId: 'mail-7',
    });
    expect(classifySync(raw, { trackingHeader: 'X-Custom-Track' }).original.trackingId).toBe('c-9');
    expect(c.envelope.aboutReboundNotice).toBe(false);
  });

  it('marks a bounce of one of our own notices', () => {
    const raw = bounce(
      ['From: rebound@example.org', 'X-Rebound-Notice: bounce-summary', 'Subject: Bounces'],
      '<ops@example.com>: 550 5.1.1 User unknown',
    );
    expect(classifySync(raw).envelope.aboutReboundNotice).toBe(true);
  });
});
