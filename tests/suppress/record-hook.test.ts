// The suppression list as ingest keeps it: real DSNs (the Postfix corpus, varied) go through
// createIngestor with the hook app.ts registers, and an injected clock moves time forward for
// escalation and expiry.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createIngestor, type Ingestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { openTestStore, scalar, type TestStore } from '../harness/test-store.ts';
import { rulesFromSettings } from '../../src/suppress/policy.ts';
import { createSuppressionHook } from '../../src/suppress/record-hook.ts';
import { ARF, delayed450, dsn, dsnAbout } from '../notify/dsn-fixtures.ts';
import { sesTransientUserUnknown } from '../core/ses-mail.ts';

const DAY = 86_400_000;
let store: TestStore;
let now: Date;
let ingestor: Ingestor;

function ingestorWith(env: Record<string, string> = {}): Ingestor {
  const config = loadConfig({ DATA_DIR: '/tmp/unused', ...env });
  return createIngestor({
    store,
    log: silentLogger(),
    clock: () => now,
    recordHooks: [createSuppressionHook(rulesFromSettings(config.suppress))],
  });
}

/** A Postfix DSN whose remote answer was "mailbox full" (5.2.2): a soft bounce. */
function softDsn(tag: string, failed: string): Buffer {
  const s = dsn({ tag, failed, diagnostic: '552 5.2.2 <x>: Mailbox full, try again later' }).toString('latin1');
  return Buffer.from(s.replace('Status: 5.1.1', 'Status: 5.2.2'), 'latin1');
}

beforeEach(async () => {
  store = await openTestStore();
  now = new Date('2026-11-02T10:00:00Z');
  ingestor = ingestorWith();
});
afterEach(() => store.dispose());

describe('suppression decided in the bounce transaction', () => {
  it('suppresses the address of a hard bounce at once, naming the bounce and the rule', async () => {
    const r = await ingestor.ingest({ raw: dsn({ tag: 'h1', failed: 'Dead@Example.ORG' }), source: 'lmtp' });
    const entry = await store.suppressions.check('dead@example.org', now);
    expect(entry).toMatchObject({
      address: 'dead@example.org',
      reason: 'userunknown',
      source: 'bounce',
      rule: 'hard-bounce',
      bounceId: r.bounceIds[0],
      bounceCount: 1,
      expiresAt: null,
      createdBy: 'rebound',
    });
    expect(entry!.note).toContain('5.1.1');
    expect((await store.suppressions.events('dead@example.org')).map((e) => e.action)).toEqual(['added']);
  });

  it('counts a second hard bounce of a listed address as seen again, without a second entry', async () => {
    await ingestor.ingest({ raw: dsn({ tag: 'h1', failed: 'dead@example.org' }), source: 'lmtp' });
    now = new Date(now.getTime() + DAY);
    await ingestor.ingest({ raw: dsn({ tag: 'h2', failed: 'dead@example.org' }), source: 'lmtp' });
    const entry = (await store.suppressions.check('dead@example.org', now))!;
    expect(entry.bounceCount).toBe(2);
    expect(entry.lastSeen).toBe(now.toISOString());
    expect(entry.firstSeen).toBe('2026-11-02T10:00:00.000Z');
    expect((await store.suppressions.events('dead@example.org')).map((e) => e.action)).toEqual(['refreshed', 'added']);
  });

  it('escalates soft bounces: N within D days suppress for E days, then the entry expires', async () => {
    const i = ingestorWith({ SUPPRESS_SOFT_COUNT: '3', SUPPRESS_SOFT_WINDOW_DAYS: '7', SUPPRESS_SOFT_DAYS: '14' });
    await i.ingest({ raw: softDsn('s1', 'full@example.org'), source: 'lmtp' });
    expect((await store.bounces.forMessage(1))[0]).toMatchObject({ bounce_type: 'soft', reason: 'mailboxfull' });
    now = new Date(now.getTime() + 2 * DAY);
    await i.ingest({ raw: softDsn('s2', 'full@example.org'), source: 'lmtp' });
    expect(await store.suppressions.check('full@example.org', now)).toBeUndefined();
    now = new Date(now.getTime() + 2 * DAY);
    await i.ingest({ raw: softDsn('s3', 'full@example.org'), source: 'lmtp' });
    const entry = (await store.suppressions.check('full@example.org', now))!;
    expect(entry).toMatchObject({
      source: 'escalation',
      rule: 'soft-escalation',
      reason: 'mailboxfull',
      note: '3 soft bounces within 7 days',
    });
    expect(entry.expiresAt).toBe(new Date(now.getTime() + 14 * DAY).toISOString());
    // In force until the expiry, not after; the sweep then removes it with an event.
    expect(await store.suppressions.check('full@example.org', new Date(now.getTime() + 14 * DAY - 1000))).toBeDefined();
    const later = new Date(now.getTime() + 14 * DAY + 1000);
    expect(await store.suppressions.check('full@example.org', later)).toBeUndefined();
    expect(await store.suppressions.purgeExpired(later)).toBe(1);
    expect(await store.suppressions.get('full@example.org')).toBeUndefined();
    expect((await store.suppressions.events('full@example.org'))[0]).toMatchObject({ action: 'expired', actor: 'expiry' });
  });

  it('turns a passing soft-bounce suppression into a lasting one when a hard bounce follows', async () => {
    const i = ingestorWith({ SUPPRESS_SOFT_COUNT: '1', SUPPRESS_SOFT_DAYS: '14' });
    await i.ingest({ raw: softDsn('u1', 'box@example.org'), source: 'lmtp' });
    expect(await store.suppressions.check('box@example.org', now)).toMatchObject({ source: 'escalation', expiresAt: expect.any(String) });
    now = new Date(now.getTime() + DAY);
    await i.ingest({ raw: dsn({ tag: 'u2', failed: 'box@example.org' }), source: 'lmtp' });
    expect(await store.suppressions.check('box@example.org', now)).toMatchObject({
      source: 'bounce',
      reason: 'userunknown',
      rule: 'hard-bounce',
      expiresAt: null,
      bounceCount: 2,
    });
  });

  it('does not escalate soft bounces spread wider than the window', async () => {
    const i = ingestorWith({ SUPPRESS_SOFT_COUNT: '3', SUPPRESS_SOFT_WINDOW_DAYS: '7' });
    for (const tag of ['w1', 'w2', 'w3', 'w4']) {
      await i.ingest({ raw: softDsn(tag, 'slow@example.org'), source: 'lmtp' });
      now = new Date(now.getTime() + 4 * DAY); // two within any 7 days, never three
    }
    expect(await store.suppressions.check('slow@example.org', now)).toBeUndefined();
    const strikes = await scalar(store, 'SELECT count(*) AS n FROM suppression_strikes');
    expect(strikes).toBeLessThanOrEqual(2); // pruned to the window
  });

  it('never suppresses for a delay warning', async () => {
    await ingestor.ingest({ raw: Buffer.from(delayed450, 'latin1'), source: 'lmtp' });
    expect((await store.bounces.forMessage(1))[0]!.kind).toBe('delay');
    expect((await store.suppressions.list({ now })).entries).toEqual([]);
  });

  it("never suppresses an Amazon SES Transient bounce as a hard bounce, even over the server's 550 5.1.1: it counts as a soft one", async () => {
    // SES: Transient means "you may be able to successfully send to this recipient in the future".
    await ingestor.ingest({ raw: sesTransientUserUnknown('later@remote.test'), source: 'lmtp' });
    expect((await store.bounces.forMessage(1))[0]).toMatchObject({
      email_to: 'later@remote.test',
      reason: 'userunknown',
      bounce_type: 'soft',
    });
    expect(await store.suppressions.check('later@remote.test', now)).toBeUndefined();
    // As any soft bounce, it is a strike toward the soft-bounce escalation.
    const once = ingestorWith({ SUPPRESS_SOFT_COUNT: '1' });
    await once.ingest({ raw: sesTransientUserUnknown('again@remote.test'), source: 'lmtp' });
    expect(await store.suppressions.check('again@remote.test', now)).toMatchObject({ source: 'escalation', rule: 'soft-escalation' });
  });

  it('suppresses for an ARF complaint only with SUPPRESS_COMPLAINTS=true', async () => {
    await ingestor.ingest({ raw: Buffer.from(ARF), source: 'lmtp' });
    expect((await store.bounces.forMessage(1))[0]).toMatchObject({ kind: 'complaint', email_to: 'annoyed@isp.example' });
    expect(await store.suppressions.check('annoyed@isp.example', now)).toBeUndefined();
    const i = ingestorWith({ SUPPRESS_COMPLAINTS: 'true', SUPPRESS_COMPLAINT_DAYS: '90' });
    await i.ingest({ raw: Buffer.from(ARF.replace('arf-1@', 'arf-2@').replace('news-1@', 'news-2@')), source: 'lmtp' });
    expect(await store.suppressions.check('annoyed@isp.example', now)).toMatchObject({
      source: 'complaint',
      reason: 'complaint',
      rule: 'complaint',
      expiresAt: new Date(now.getTime() + 90 * DAY).toISOString(),
    });
  });

  it('never suppresses for a DMARC failure report or a not-spam report, even with SUPPRESS_COMPLAINTS=true', async () => {
    const i = ingestorWith({ SUPPRESS_COMPLAINTS: 'true' });
    let n = 0;
    for (const type of ['auth-failure', 'not-spam']) {
      n++;
      const report = ARF.replace('Feedback-Type: abuse', `Feedback-Type: ${type}`)
        .replace('arf-1@', `arf-t${n}@`)
        .replace('news-1@', `news-t${n}@`);
      await i.ingest({ raw: Buffer.from(report), source: 'lmtp' });
      // Recorded, as the report it is; the recipient did not ask to stop the mail.
      expect((await store.bounces.forMessage(n))[0]).toMatchObject({ kind: 'complaint', email_to: 'annoyed@isp.example' });
    }
    expect(await store.suppressions.check('annoyed@isp.example', now)).toBeUndefined();
    // The same recipient's abuse report does suppress, and the entry says which kind it was.
    await i.ingest({ raw: Buffer.from(ARF.replace('arf-1@', 'arf-t3@').replace('news-1@', 'news-t3@')), source: 'lmtp' });
    expect(await store.suppressions.check('annoyed@isp.example', now)).toMatchObject({ source: 'complaint', rule: 'complaint' });
    const [entry] = (await store.suppressions.list({ now })).entries;
    expect(entry?.note).toBe('complaint (abuse)');
  });

  it('changes nothing for a bounce of a rebound notice', async () => {
    const notice = Buffer.from(
      'From: rebound@example.org\r\nTo: ops@example.org\r\nX-Rebound-Notice: 7\r\nAuto-Submitted: auto-generated\r\nMessage-ID: <n7@rebound>\r\nSubject: Bounce\r\n\r\nbody\r\n',
    );
    await ingestor.ingest({ raw: dsnAbout(notice, 'ops@example.org'), source: 'lmtp' });
    expect((await store.bounces.forMessage(1))[0]).toMatchObject({ email_to: 'ops@example.org', bounce_type: 'hard' });
    expect(await store.suppressions.check('ops@example.org', now)).toBeUndefined();
  });

  it('takes the hard reasons from SUPPRESS_HARD_REASONS', async () => {
    const i = ingestorWith({ SUPPRESS_HARD_REASONS: 'hostunknown' });
    await i.ingest({ raw: dsn({ tag: 'r1', failed: 'dead@example.org' }), source: 'lmtp' });
    expect(await store.suppressions.check('dead@example.org', now)).toBeUndefined();
  });

  it('rolls the bounce back with the entry when a change listener throws: both or neither', async () => {
    store.suppressions.onChange(() => {
      throw new Error('listener failed');
    });
    await expect(ingestor.ingest({ raw: dsn({ tag: 'x1', failed: 'dead@example.org' }), source: 'lmtp' })).rejects.toMatchObject({
      temporary: true,
    });
    expect(await scalar(store, 'SELECT count(*) AS n FROM bounces')).toBe(0);
    expect(await store.suppressions.get('dead@example.org')).toBeUndefined();
  });
});
