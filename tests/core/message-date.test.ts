// The bounce's own date is a stranger's claim: believed only within bounds.

import { describe, expect, it } from 'vitest';
import { bounceDate } from '../../src/core/message-date.ts';

const received = new Date('2026-11-30T12:00:00.000Z');

describe('the bounce date', () => {
  it('reads an RFC 5322 Date header, comments and zones included', () => {
    expect(bounceDate('Sun, 22 Nov 2026 00:06:59 +0000 (UTC)', received).toISOString()).toBe('2026-11-22T00:06:59.000Z');
    expect(bounceDate('Mon, 2 Mar 2026 10:00:00 +0100', received).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('falls back to the time received for a missing, unreadable or implausibly old date', () => {
    for (const h of ['', 'yesterday', 'Thu, 01 Jan 1970 00:00:00 +0000', 'x'.repeat(10_000)]) {
      expect(bounceDate(h, received)).toBe(received);
    }
  });

  it('never puts a bounce in the future: a sender clock running ahead is clamped to the receipt', () => {
    expect(bounceDate('Tue, 1 Dec 2026 12:00:00 +0000', received)).toBe(received);
  });
});
