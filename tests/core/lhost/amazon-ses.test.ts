import { describe, expect, it } from 'vitest';
import { readSesNotification } from '../../../src/core/lhost/amazon-ses.ts';
import { classifySync } from '../../../src/core/classify.ts';
import { snsMail } from '../ses-mail.ts';

const bounce = JSON.stringify({
  notificationType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    reportingMTA: 'dsn; a1-2.smtp-out.amazonses.com',
    bouncedRecipients: [
      { emailAddress: 'gone@example.org', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
    ],
  },
  mail: { messageId: '0100abc', source: 'news@example.com', destination: ['gone@example.org'] },
});

describe('Amazon SES event notifications delivered by mail', () => {
  it('reads a bounce event as the failed recipient with its status and the server reply', () => {
    const c = classifySync(snsMail(bounce));
    expect(c.kind).toBe('bounce');
    expect(c.recipients).toHaveLength(1);
    expect(c.recipients[0]).toMatchObject({
      address: 'gone@example.org',
      action: 'failed',
      enhancedCode: '5.1.1',
      reason: 'userunknown',
      bounceType: 'hard',
    });
    expect(c.recipients[0].diagnostic).toBe('550 5.1.1 user unknown');
  });

  it('does not take the subscriber in the unsubscribe link for a failed recipient', () => {
    const c = classifySync(snsMail(bounce));
    expect(c.recipients.map((r) => r.address)).not.toContain('ops@example.com');
  });

  it('reads a complaint event as a complaint from each complained recipient', () => {
    const json = JSON.stringify({
      notificationType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: 'angry@example.net' }], complaintFeedbackType: 'abuse' },
      mail: { messageId: '0100def', source: 'news@example.com' },
    });
    const c = classifySync(snsMail(json));
    expect(c.kind).toBe('complaint');
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType])).toEqual([['angry@example.net', 'feedback', 'none']]);
  });

  it('undoes the "!" line folds Sendmail puts into the over-long JSON line', () => {
    const folded = bounce.slice(0, 120) + '!\n ' + bounce.slice(120, 300) + '!\n ' + bounce.slice(300);
    const n = readSesNotification(folded);
    expect(n?.type).toBe('bounce');
    expect(n?.recipients[0].address).toBe('gone@example.org');
    expect(n?.messageId).toBe('0100abc');
  });

  it('reads a transient bounce as a final soft failure when SES gives no action (SES retried and gave up)', () => {
    const json = JSON.stringify({
      notificationType: 'Bounce',
      bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'full@example.org', status: '4.2.2' }] },
      mail: {},
    });
    const c = classifySync(snsMail(json));
    expect(c.kind).toBe('bounce');
    expect(c.recipients[0]).toMatchObject({ address: 'full@example.org', action: 'failed', enhancedCode: '4.2.2', bounceType: 'soft' });
  });

  it('gives nothing for broken or hostile JSON, and never throws', () => {
    expect(readSesNotification('{"notificationType":"Bounce","bounce":{"bouncedRecipients":[')).toBeUndefined();
    expect(readSesNotification('{"notificationType":"Bounce","bounce":{"bouncedRecipients":"nope"}}')?.recipients).toEqual([]);
    expect(readSesNotification('"notificationType":"Bounce"' + '{'.repeat(100000))).toBeUndefined();
    expect(readSesNotification('plain text')).toBeUndefined();
  });
});
