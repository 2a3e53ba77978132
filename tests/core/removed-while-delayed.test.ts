// A report whose Action says delayed for a recipient the MTA has already removed from its
// queue (OpenSMTPD 6.8 writes its expiry notice so: "Action: delayed" and the recipient's
// line "<address>: Envelope expired") is the final notice, a bounce; a true delay stays one.

import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { dsnReport } from './dsn-report.ts';

const notice = (line: string) =>
  [
    '    A message is delayed for more than 0 seconds for the following',
    '    list of recipients:',
    '',
    line,
    '',
    '    Please note that this is only a temporary failure report.',
  ].join('\n');

describe('a recipient reported delayed but removed from the queue', () => {
  it('is a final failure when its own line says the envelope expired', async () => {
    const c = await classify(dsnReport('4.4.7', '', { action: 'delayed', notice: notice('user@example.net: Envelope expired') }));
    expect(c.kind).toBe('bounce');
    expect(c.recipients[0]).toMatchObject({ address: 'user@example.net', action: 'failed', reason: 'expired', bounceType: 'soft' });
    expect(c.recipients[0]!.decidedBy).toContain('dsn:delayed but removed from the queue');
  });

  it('stays a delay when its line carries the reply it is still retrying', async () => {
    const line = 'user@example.net: 450 4.7.1 <user@example.net>: Recipient address rejected: Service is unavailable';
    const c = await classify(dsnReport('4.0.0', '', { action: 'delayed', notice: notice(line) }));
    expect(c.kind).toBe('delay');
    expect(c.recipients[0]).toMatchObject({ action: 'delayed', bounceType: 'none' });
  });

  it('stays a delay when "envelope expired" is not the recipient line itself', async () => {
    const line = 'user@example.net: 451 4.3.0 temporary failure (the envelope expired certificate check)';
    const c = await classify(dsnReport('4.3.0', '', { action: 'delayed', notice: notice(line) }));
    expect(c.kind).toBe('delay');
  });
});
