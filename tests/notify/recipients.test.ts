// The recipient rules, pure: parsing strangers' Cc values, system addresses, deduplication.

import { describe, expect, it } from 'vitest';
import { chooseRecipients, isSystemAddress } from '../../src/notify/recipients.ts';

describe('notice recipients', () => {
  it('treats <>, mailer-daemon@ and postmaster@ as system addresses in any case', () => {
    for (const a of ['', '<>', 'MAILER-DAEMON@x.test', 'Postmaster@x.test', 'postmaster']) expect(isSystemAddress(a)).toBe(true);
    expect(isSystemAddress('postmaster-team@x.test')).toBe(false);
  });

  it('keeps each address once, drops the failed, known-bouncing, system, own and malformed ones', () => {
    const out = chooseRecipients({
      wanted: ['ops@x.test', 'OPS@X.TEST', 'Failed@y.test', 'gone@y.test', 'mailer-daemon@y.test', 'rebound@x.test', 'not an address', 'carol@y.test'],
      failed: ['failed@y.test'],
      self: 'rebound@x.test',
      isKnownBouncing: (a) => a === 'gone@y.test',
    });
    expect(out).toEqual(['ops@x.test', 'carol@y.test']);
  });
});
