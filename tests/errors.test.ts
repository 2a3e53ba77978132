// The one error contract: every adapter reads `temporary` and `code` from the same base, and
// every error becomes text the same way.

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.ts';
import { errorText, isTemporary, ReboundError } from '../src/errors.ts';
import { SendError, toSendError } from '../src/notify/mailer.ts';

describe('the error contract', () => {
  it('says temporary or permanent the same way for the store, the relay and the configuration', () => {
    const store = new ReboundError('store-unavailable', 'could not store the message (SQLITE_BUSY)', { temporary: true });
    const relay4xx = toSendError({ code: 'EENVELOPE', responseCode: 451, response: '451 4.3.0 try later' }, '127.0.0.1:25');
    const relay5xx = toSendError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.7.1 no' }, '127.0.0.1:25');
    const config = new ConfigError('WEBUI_PORT', '"x" is not a port');
    for (const e of [store, relay4xx, relay5xx, config]) expect(e).toBeInstanceOf(ReboundError);
    expect([store, relay4xx, relay5xx, config].map(isTemporary)).toEqual([true, true, false, false]);
    expect(relay4xx).toBeInstanceOf(SendError);
    expect([relay4xx.kind, relay5xx.kind]).toEqual(['temporary', 'permanent']);
    expect(config.code).toBe('config');
  });

  it('counts an error nobody foresaw as temporary, so nothing is refused for good on a guess', () => {
    expect(isTemporary(new Error('boom'))).toBe(true);
    expect(isTemporary('a string')).toBe(true);
  });

  it('turns any error into one bounded line, with the system code when the message lacks it', () => {
    const refused = Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' });
    expect(errorText(refused)).toBe('ECONNREFUSED: connect failed');
    expect(errorText(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' }))).toBe(
      'connect ECONNREFUSED 127.0.0.1:25',
    );
    expect(errorText(new ReboundError('lmtp-listen', 'cannot listen\r\non 127.0.0.1:2424', { temporary: false }))).toBe(
      'cannot listen on 127.0.0.1:2424',
    );
    expect(errorText(undefined)).toBe('unknown error');
    expect(errorText('x'.repeat(1000), 50)).toHaveLength(50);
  });
});
