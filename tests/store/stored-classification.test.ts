// Reading the classification JSON stored with each message: rows written before the enhanced
// status code was called `enhancedCode` (key `status`) and rows written after read alike, and
// the published shape (API, detail page) keeps the key `status`.

import { describe, expect, it } from 'vitest';
import { classifySync } from '../../src/core/classify.ts';
import { publishedClassification, readStoredClassification } from '../../src/store/stored-classification.ts';

const newRow = JSON.stringify({
  kind: 'bounce',
  recipients: [{ address: 'gone@example.org', action: 'failed', enhancedCode: '5.1.1', replyCode: '550', reason: 'userunknown' }],
});
/** As rows were stored before the rename, key for key. */
const oldRow = JSON.stringify({
  kind: 'bounce',
  recipients: [{ address: 'gone@example.org', action: 'failed', status: '5.1.1', replyCode: '550', reason: 'userunknown' }],
});

describe('stored classifications', () => {
  it('reads an old row and a new row alike, the enhanced code under enhancedCode', () => {
    const old = readStoredClassification(oldRow);
    expect(old).toEqual(readStoredClassification(newRow));
    expect(old.recipients?.[0]).toMatchObject({ address: 'gone@example.org', enhancedCode: '5.1.1' });
    expect(old.recipients?.[0]).not.toHaveProperty('status');
  });

  it('publishes both with the key status, in its old place, as the API always gave it', () => {
    const published = publishedClassification(newRow)!;
    expect(published).toEqual(publishedClassification(oldRow));
    expect(JSON.stringify(published)).toBe(oldRow);
  });

  it('stores what the classifier answers, and publishes it with status', () => {
    const raw = Buffer.from(
      [
        'From: MAILER-DAEMON@mx.example.org',
        'To: bounces@example.org',
        'Subject: Undelivered Mail Returned to Sender',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'The mail could not be delivered.',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.org',
        '',
        'Final-Recipient: rfc822; gone@example.org',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
        '--b--',
        '',
      ].join('\r\n'),
    );
    const stored = JSON.stringify(classifySync(raw));
    expect(readStoredClassification(stored).recipients?.[0]?.enhancedCode).toBe('5.1.1');
    const recipients = publishedClassification(stored)!.recipients as Record<string, unknown>[];
    expect(recipients[0]).toMatchObject({ address: 'gone@example.org', status: '5.1.1' });
    expect(recipients[0]).not.toHaveProperty('enhancedCode');
  });

  it('gives {} (read) and undefined (published) for text that is not a JSON object', () => {
    for (const bad of ['', 'not json', 'null', '[1]', '"x"']) {
      expect(readStoredClassification(bad)).toEqual({});
      expect(publishedClassification(bad)).toBeUndefined();
    }
  });
});
