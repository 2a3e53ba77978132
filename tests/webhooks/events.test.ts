// Which event a recorded row causes, and what a complaint's body says of its report: a pure
// mapping, tested without a receiver (tests/webhooks/delivery.test.ts sends them for real).

import { describe, expect, it } from 'vitest';
import { bounceData, bounceEventType } from '../../src/webhooks/events.ts';
import type { RecordedBounce } from '../../src/ingest.ts';

describe('the event a recorded row causes', () => {
  it.each([
    ['bounce', 'hard', undefined, 'bounce.hard'],
    ['bounce', 'soft', undefined, 'bounce.soft'],
    ['bounce', 'none', undefined, undefined],
    ['delay', 'none', undefined, 'bounce.delay'],
    ['complaint', 'none', 'abuse', 'complaint'],
    ['complaint', 'none', undefined, 'complaint'],
    ['complaint', 'none', 'fraud', 'complaint'],
    // Reports that say nothing of the recipient not wanting the mail.
    ['complaint', 'none', 'auth-failure', undefined],
    ['complaint', 'none', 'not-spam', undefined],
    ['autoreply', 'none', undefined, undefined],
  ])('%s (%s, feedback type %s) is %s', (kind, bounceType, feedbackType, event) => {
    expect(bounceEventType(kind, bounceType, feedbackType)).toBe(event);
  });
});

describe("a body's feedback type", () => {
  const recorded = (kind: string, feedbackType?: string) =>
    ({ id: 7, row: { kind, emailTo: 'jane@example.org' }, recipient: { feedbackType } }) as unknown as RecordedBounce;

  it("names a complaint's type, 'abuse' when its report gave none, and is null for a bounce", () => {
    expect(bounceData(recorded('complaint', 'fraud'), '', 'https://r.example').feedback_type).toBe('fraud');
    expect(bounceData(recorded('complaint'), '', 'https://r.example').feedback_type).toBe('abuse');
    expect(bounceData(recorded('bounce'), '', 'https://r.example').feedback_type).toBeNull();
  });
});
