// The recipient rules: parsing strangers' Cc values, system addresses, deduplication (the
// planner against a real in-memory store for the known hard bouncers).

import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { planNotices } from '../../src/notify/notices.ts';
import { isSystemAddress } from '../../src/notify/recipients.ts';
import { openTestStore, type TestStore } from '../harness/test-store.ts';
import { insertBounce } from '../web/fixture.ts';

const stores: TestStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.dispose();
});

describe('notice recipients', () => {
  it('treats <>, mailer-daemon@ and postmaster@ as system addresses in any case', () => {
    for (const a of ['', '<>', 'MAILER-DAEMON@x.test', 'Postmaster@x.test', 'postmaster']) expect(isSystemAddress(a)).toBe(true);
    expect(isSystemAddress('postmaster-team@x.test')).toBe(false);
  });

  it('keeps each address once, drops the failed, known-bouncing, system, own and malformed ones', async () => {
    const config = loadConfig({ NOTIFY_FROM: 'rebound@x.test', NOTIFY_CC: 'ops@x.test', LOCAL_DOMAINS: 'x.test, y.test' }, '/tmp');
    const store = await openTestStore({ memory: true });
    stores.push(store);
    await insertBounce(store, { emailTo: 'gone@y.test', domain: 'y.test', bounceType: 'hard' });
    const plan = await planNotices(
      config,
      store,
      {
        originalFrom: 'sales@x.test',
        originalCc: [
          'OPS@X.TEST',
          'Failed@y.test',
          'gone@y.test',
          'mailer-daemon@y.test',
          'rebound@x.test',
          'not an address',
          'carol@y.test',
        ],
        envelopeTo: [],
        failedInReport: ['failed@y.test'],
        aboutReboundNotice: false,
      },
      [{ bounceId: 1, kind: 'bounce', bounceType: 'hard', failedAddress: 'failed@y.test' }],
      new Date(),
    );
    expect(plan.notices).toEqual([{ bounceId: 1, recipients: ['ops@x.test', 'carol@y.test'] }]);
  });
});
