import { describe, expect, it } from 'vitest';
import { classifySync } from '../../src/core/classify.ts';
import { readFixture } from './corpus-helpers.ts';

const classifyFixture = (name: string) => classifySync(readFixture('corpus/postfix/' + name));

describe('real Postfix DSNs', () => {
  it('calls the error transport 5.1.1 a hard userunknown bounce', () => {
    const c = classifyFixture('dsn-error-transport.eml');
    expect(c.kind).toBe('bounce');
    expect(c.recipients[0]).toMatchObject({
      address: 'nobody@undeliverable.test',
      action: 'failed',
      enhancedCode: '5.1.1',
      reason: 'userunknown',
      bounceType: 'hard',
    });
  });

  it('calls a remote 550 5.1.1 a hard bounce with reply code and remote MTA', () => {
    const r = classifyFixture('dsn-remote-550.eml').recipients[0];
    expect(r).toMatchObject({
      address: 'hard-user@mx-reject.test',
      enhancedCode: '5.1.1',
      replyCode: '550',
      reason: 'userunknown',
      bounceType: 'hard',
    });
    expect(r.remoteMta).not.toBe('');
  });

  it('calls delayed-delivery reports a delay, not a bounce', () => {
    for (const name of ['dsn-delayed-connrefused.eml', 'dsn-delayed-remote450.eml']) {
      const c = classifyFixture(name);
      expect(c.kind, name).toBe('delay');
      expect(c.recipients[0].action).toBe('delayed');
      expect(c.recipients[0].bounceType).toBe('none');
    }
  });

  it('calls messages that failed after 4.x.x retries soft bounces', () => {
    for (const name of ['dsn-failed-connrefused.eml', 'dsn-failed-remote450.eml']) {
      const c = classifyFixture(name);
      expect(c.kind, name).toBe('bounce');
      expect(c.recipients[0].enhancedCode).toMatch(/^4\./);
      expect(c.recipients[0].bounceType).toBe('soft');
    }
    // Connection refused until Postfix gave up: the retries ran out (Sisimai calls it expired).
    expect(classifyFixture('dsn-failed-connrefused.eml').recipients[0].reason).toBe('expired');
  });
});
