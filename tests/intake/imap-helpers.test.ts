// The IMAP poller's small pure helpers: UID sets for FETCH, the retry backoff, and the
// envelope read back from the headers the delivering MTA wrote.

import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/backoff.ts';
import { ReboundError } from '../../src/errors.ts';
import { describeConnectError } from '../../src/intake/imap-connect.ts';
import { envelopeFromHeaders, uidSet } from '../../src/intake/imap-pass.ts';

describe('uidSet', () => {
  it('compresses ascending UIDs into RFC 3501 ranges', () => {
    expect(uidSet([1, 2, 3, 5, 7, 8, 9, 12])).toBe('1:3,5,7:9,12');
    expect(uidSet([42])).toBe('42');
    expect(uidSet([])).toBe('');
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial wait and never exceeds the cap', () => {
    const limits = { initialMs: 1000, maxMs: 300_000 };
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, limits))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(9, limits)).toBe(256_000);
    expect(backoffDelay(10, limits)).toBe(300_000);
    expect(backoffDelay(10_000, limits)).toBe(300_000);
  });
});

describe('envelopeFromHeaders', () => {
  it('reads the null sender and the delivered-to address of a DSN in a mailbox', () => {
    const raw = Buffer.from(
      'Return-Path: <>\r\nDelivered-To: bounces+x=y@example.test\r\nFrom: MAILER-DAEMON\r\n\r\nDelivered-To: body@example.test\r\n',
    );
    expect(envelopeFromHeaders(raw)).toEqual({ envelopeFrom: '', envelopeTo: ['bounces+x=y@example.test'] });
  });

  it('prefers X-Original-To (before alias expansion) and ignores what is not an address', () => {
    expect(envelopeFromHeaders(Buffer.from('X-Original-To: bounces@example.test\nDelivered-To: real@example.test\n\nx'))).toEqual({
      envelopeTo: ['bounces@example.test'],
    });
    expect(envelopeFromHeaders(Buffer.from('Delivered-To: <script>alert(1)</script>\n\nx'))).toEqual({});
  });

  it('finds nothing in the body of a message without these headers', () => {
    expect(envelopeFromHeaders(Buffer.from('Subject: hi\r\n\r\nReturn-Path: <a@b.test>\r\n'))).toEqual({});
  });
});

describe('describeConnectError', () => {
  it('tells a refused login from a network failure, in one line', () => {
    const login = describeConnectError(
      Object.assign(new Error('Command failed'), {
        authenticationFailed: true,
        response: '[AUTHENTICATIONFAILED] Authentication failed.\r\n',
        serverResponseCode: 'AUTHENTICATIONFAILED',
      }),
    );
    expect(login.kind).toBe('login');
    expect(login.message).toBe('login failed: [AUTHENTICATIONFAILED] Authentication failed.');
    const net = describeConnectError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1143'), { code: 'ECONNREFUSED' }));
    expect(net.kind).toBe('network');
    expect(net.message).toBe('cannot connect: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1143');
  });

  it('is a ReboundError: a refused login is permanent, a network failure temporary', () => {
    const login = describeConnectError(Object.assign(new Error('Command failed'), { authenticationFailed: true, response: 'NO' }));
    const net = describeConnectError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(login).toBeInstanceOf(ReboundError);
    expect([login.code, login.temporary]).toEqual(['imap-login', false]);
    expect([net.code, net.temporary]).toEqual(['imap-network', true]);
  });
});
