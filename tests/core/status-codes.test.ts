import { describe, expect, it } from 'vitest';
import {
  describeStatus,
  fallbackReasonForStatus,
  isDecisiveStatus,
  reasonForStatus,
  STATUS_DETAILS,
  isStatusCode,
} from '../../src/core/status-codes.ts';

describe('the enhanced status code dictionary', () => {
  it('describes 5.1.1 as a permanent failure of a bad destination mailbox', () => {
    const d = describeStatus('5.1.1');
    expect(d.class).toMatch(/^Permanent failure/);
    expect(d.subject).toBe('Addressing status');
    expect(d.detail).toMatch(/Bad destination mailbox address/);
    expect(d.reason).toBe('userunknown');
  });

  it('knows every registered detail code from X.0.0 to X.7.30, including the later RFCs', () => {
    for (const code of ['1.10', '3.6', '5.6', '6.10', '7.8', '7.13', '7.17', '7.20', '7.25', '7.26', '7.27', '7.29', '7.30']) {
      expect(STATUS_DETAILS[code], code).toBeDefined();
    }
    for (let d = 0; d <= 30; d++) expect(STATUS_DETAILS[`7.${d}`], `7.${d}`).toBeDefined();
  });

  it('describes an unregistered detail by its class and subject only', () => {
    const d = describeStatus('5.7.509');
    expect(d.detail).toBe('');
    expect(d.meaning).toBe('Security or policy status');
  });

  it('leaves vague codes to the text and settles precise ones', () => {
    expect(reasonForStatus('5.7.1')).toBeUndefined();
    expect(reasonForStatus('5.0.0')).toBeUndefined();
    expect(reasonForStatus('4.2.2')).toBe('mailboxfull');
    expect(reasonForStatus('5.7.26')).toBe('authfailure');
    expect(reasonForStatus('5.1.10')).toBe('notaccept');
  });

  it('lets the words decide over 5.1.10, which Microsoft sends for unknown recipients', () => {
    expect(isDecisiveStatus('5.1.10')).toBe(false);
    expect(isDecisiveStatus('5.1.6')).toBe(true);
  });

  it('files too many recipients (X.5.3) with too many connections, as Sisimai does', () => {
    expect(reasonForStatus('4.5.3')).toBe('toomanyconn');
  });

  it('falls back on the class of a vague code only when nothing else spoke', () => {
    expect(fallbackReasonForStatus('5.7.1')).toBe('securityerror');
    expect(fallbackReasonForStatus('5.3.0')).toBe('systemerror');
    expect(fallbackReasonForStatus('5.6.9')).toBe('contenterror');
    expect(fallbackReasonForStatus('5.0.0')).toBeUndefined();
    expect(fallbackReasonForStatus('2.0.0')).toBeUndefined();
  });

  it('rejects strings that are not status codes', () => {
    expect(isStatusCode('6.1.1')).toBe(false);
    expect(describeStatus('nonsense').meaning).toBe('');
  });
});
